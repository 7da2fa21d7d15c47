"""Editors' tools, beside the pipeline: the content report (`make report`), skeletons of new
content (`make new`) and the CMS configuration generated from the models. Imports `schemas` and
`scripts.content` only.
"""
