"""Developer tools, never run by the build: the benchmark corpus, the static server for previews
and tests, the Chromium set-up and the starter documents' generator. May import any stage.
"""
