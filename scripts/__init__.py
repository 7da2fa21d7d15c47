"""The build pipeline: load, validate, render, index, write."""
