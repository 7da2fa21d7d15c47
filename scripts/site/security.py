"""The site's Content-Security-Policy: one definition for the pages' <meta> and the server recipes."""

from __future__ import annotations

PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; worker-src 'self' blob:; manifest-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'"
)
"""Every page's policy: nothing inline, nothing from another host. `blob:` workers let search run from
file:// (the worker is made from a script the page loaded). Browsers ignore frame-ancestors in a
<meta>: the server recipes add it to the header."""

HEADER_POLICY = f"{PAGE_POLICY}; frame-ancestors 'none'"
"""What the server recipes (deploy/) send as the Content-Security-Policy header."""
