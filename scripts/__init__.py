"""The pipeline that turns content/ into the bilingual site, one package per stage, in order.

- `content/`: read every file strictly into the models and check the rules that span files;
- `pages/`: turn valid content into each language's pages, entries as HTML and the rest as Markdown (pure: writes nothing);
- `site/`: build each language with mkdocs, then the root pages, through the single writer;
- `search/`: the search index and finder rows, and all the code that runs in the browser;
- `opendata/`: the directory as JSON, CSV and HSDS 3.0, and the HSDS importer;
- `devtools/`: what developers run (benchmark corpus, static server, Chromium set-up).

The commands people run sit here: `build`, `check`, `serve`, `bench`, `hsds_import`
(`python -m scripts.<name>`, or the Makefile). A stage imports only earlier stages.
"""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
"""The repository's root folder: content/, mkdocs.yml, theme/ and node_modules/ are read from it."""
