"""The pipeline that turns content/ into the bilingual site, one package per stage, in order.

- `content/`: read every file strictly into the models and check the rules that span files;
- `pages/`: turn valid content into each language's pages, entries as HTML and the rest as Markdown (pure: writes nothing);
- `site/`: build each language with mkdocs, then the root pages, through the single writer;
- `search/`: the search index and finder rows;
- `opendata/`: the directory as JSON, CSV and HSDS 3.1, and the HSDS importer;
- `editors/`: the CMS's configuration and admin, the editors' report, skeletons;
- `pipeline.py`: the whole build (`build_site`), used by the commands and the preview;
- `preview/`: the live preview of `make serve` and `make edit`;
- `devtools/`: what developers run (benchmark corpus, probes, static server, Chromium set-up).

`browser/` holds every script that runs in the reader's browser, below the stages: pages and
search both read it. The commands people run sit here: `build`, `check`, `serve`, `edit`, `bench`,
`report`, `new`, `hsds_import`, `site_diff` (`python -m scripts.<name>`, or the Makefile); they hold
no code another module imports, and no command imports another. A stage imports only earlier
stages: the contract in pyproject.toml says which, and tests/code/test_layers.py checks it.
"""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
"""The repository's root folder: content/, mkdocs.yml, theme/ and node_modules/ are read from it."""
