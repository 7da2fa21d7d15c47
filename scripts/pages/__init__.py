"""Stage 2, pages: each language's Markdown pages from valid content, their Jinja templates, the
URL of every page family, the interface labels, and vCards. Pure (writes nothing). Imports
`schemas` and `scripts.content`.
"""
