"""Beside the pipeline: the live preview of `make serve`, which rebuilds only what a change touches.

`loading` re-reads only the changed directory entries, `pages` keeps each language's pages
and mkdocs state and renders single pages, `session` runs the fast and the background updates,
`process` starts the preview as a command (tests, bench), and `client.js` and `client.css` run in
the previewed pages (reload and the problems overlay). Imports every stage; nothing in the build imports it.
"""
