"""Tests of stage 1: validation reports, the models and their exported schemas."""
