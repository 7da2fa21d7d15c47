"""Stage 5, open data: the directory as JSON, CSV with CSVW metadata and HSDS 3.1, and the HSDS
importer. Imports `scripts.content`, `scripts.pages` and `scripts.site.write`.
"""
