"""Tests of stage 5: the exports, and the HSDS importer."""
