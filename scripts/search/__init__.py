"""Stage 4, search: the text pipeline shared with lunr.js, the index builder, the finder's rows and
the stop words (the scripts that run them in the browser are in `scripts/browser/`). Imports
`scripts.content`, `scripts.pages`, `scripts.site.write` and `scripts.browser`.
"""
