"""Tests of the editors' tools: the content report, skeletons, the outdated notice."""
