"""Stage 4, search: the text pipeline shared with lunr.js, the index builder, the finder's rows,
the stop words, and in `browser/` every script that runs in the reader's browser (page script,
worker, finder). Imports `scripts.content`, `scripts.pages` and `scripts.site.write`.
"""
