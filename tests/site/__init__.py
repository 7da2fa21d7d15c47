"""Tests of stages 2 and 3: whole builds, parsed HTML, failed builds."""
