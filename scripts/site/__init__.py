"""Stage 3, site: mkdocs per language, the root pages (chooser, 404s, sitemap, robots.txt), the
single writer and the atomic swap. Imports `scripts.content` and `scripts.pages`.
"""
