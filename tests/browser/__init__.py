"""Tests in headless Chromium: the site, the search and the finder as readers use them."""
