"""Editors' tools, beside the pipeline: the content report (`make report`), skeletons of new
content (`make new`) and the CMS configuration generated from the models. Imports `schemas`,
`scripts.content` and the single writer (`scripts.site.write`) for the admin's files.
"""
