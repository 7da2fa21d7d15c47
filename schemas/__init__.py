"""Typed models of everything under content/, and their exported JSON Schemas."""
