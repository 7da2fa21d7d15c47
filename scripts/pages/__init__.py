"""Stage 2, pages: each language's pages from valid content (directory entries as HTML, the others
as Markdown), their Jinja templates, the URL of every page family, the interface labels, and
vCards. Pure (writes nothing). Imports `schemas`, `scripts.content` and
`scripts.browser` (the labels its scripts ask for, the page scripts).
"""
