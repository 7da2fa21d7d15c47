"""`make check-links`: ask each official form's page and file (and, with --all, every cited page) whether it still answers.

Needs a network; not part of `make test`. Prints one line per address that fails, and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from scripts import REPO_ROOT
from scripts.content.loaded import Content
from scripts.pipeline import load_or_report

USER_AGENT = "brusano-check-links/1 (+https://www.brusano.brussels)"


def form_links(content: Content, every_source: bool) -> dict[str, str]:
    """Return {address: where it is used} for the official forms' pages and files (and every source with every_source)."""
    links: dict[str, str] = {}
    for template in content.templates:
        model, shown = template.model, template.document.path
        for address in (model.official_page, model.file_url):
            if address is not None:
                links.setdefault(address.fr, shown)
                links.setdefault(address.nl, shown)
        if every_source:
            for source in model.sources:
                links.setdefault(source.url, shown)
    if every_source:
        for entry in content.organizations:
            for source in entry.model.sources:
                links.setdefault(source.url, entry.document.path)
    return links


def check_link(address: str, timeout: float) -> str:
    """Return "" when the address answers 2xx/3xx, else what went wrong."""
    for method in ("HEAD", "GET"):  # some servers refuse HEAD
        request = urllib.request.Request(address, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (web addresses only, checked by the model)
                if response.status < 400:
                    return ""
        except urllib.error.HTTPError as error:
            if method == "GET" or error.code not in (403, 405, 501):
                return f"HTTP {error.code}"
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            return f"no answer ({getattr(error, 'reason', error)})"
    return "no answer"


def main(argv: list[str] | None = None) -> int:
    """Check the links; exit 1 when one fails."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--content", type=Path, default=REPO_ROOT / "content", help="content folder")
    parser.add_argument("--all", action="store_true", help="also every source of the forms and of the directory")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for each address")
    args = parser.parse_args(argv)
    content = load_or_report(args.content)
    if content is None:
        return 1
    links = form_links(content, args.all)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = dict(zip(links, pool.map(lambda address: check_link(address, args.timeout), links), strict=True))
    failed = {address: problem for address, problem in results.items() if problem}
    for address, problem in sorted(failed.items()):
        print(f"{links[address]}: {address}: {problem}")
    print(f"{len(links)} addresses checked in {time.perf_counter() - started:.1f} s: {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
