"""Tests of stage 4: the index and lunr.js agree."""
