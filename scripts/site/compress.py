"""Precompressed twins: `<file>.br` (Brotli) and `<file>.gz` (gzip 9) beside every text file of 1 KB or more.

Hosts that know them (nginx `gzip_static`/`brotli_static`, Caddy `precompressed`, Apache with the
rules in deploy/) send the twin instead of compressing each response at a lower level. Both
encoders are deterministic (gzip without date or file name), so builds stay byte-identical.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import brotli

TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".csv", ".vcf", ".webmanifest", ".txt", ".yml"})
"""The text formats the site ships (Decap's lazy chunks and licence file included)."""

MIN_BYTES = 1024
"""Below this a compressed response saves less than its headers cost."""

CACHE_DAYS = 14
"""Twins in the cache that no build used for this long are deleted."""

TWIN_SUFFIXES = (".br", ".gz")
"""The twins' suffixes, each beside the file it compresses."""

BROTLI_QUALITY = 11
"""For stylesheets and scripts (the search files are scripts): what every reader loads again and again."""
DOCUMENT_BROTLI_QUALITY = 5
"""For pages, vCards and open data: there are two pages per service and language, and Brotli 11
takes 22 ms for an entry page where 5 takes 0.3 ms, for twins 10 % bigger (27 % of the page
instead of 25 %); the open data is megabytes that change with every edit."""
CODE_SUFFIXES = frozenset({".css", ".js"})
"""The files that get BROTLI_QUALITY; every other text file gets DOCUMENT_BROTLI_QUALITY."""


@dataclass(frozen=True)
class CompressedSizes:
    """Bytes of the files that got twins, and of their twins."""

    files: int = 0
    original: int = 0
    brotli: int = 0
    gzip: int = 0

    def __add__(self, other: CompressedSizes) -> CompressedSizes:
        return CompressedSizes(self.files + other.files, self.original + other.original, self.brotli + other.brotli, self.gzip + other.gzip)


def write_compressed_twins(site: Path, *, cache: Path | None = None, workers: int | None = None) -> CompressedSizes:
    """Write `.br` and `.gz` beside every text file of site that has at least MIN_BYTES; return their sizes.

    Brotli at quality 11 runs at about half a megabyte a second, and Decap's bundle alone is
    5 MB: the files are shared out over a process pool (one process per core, the largest
    first so that no core waits on a big file started last), and twins are kept in cache by
    the content's hash, so that a rebuild compresses only what changed.
    """
    sources = sorted(
        (path for path in site.rglob("*") if path.suffix in TEXT_SUFFIXES and path.is_file() and path.stat().st_size >= MIN_BYTES),
        key=lambda path: (-path.stat().st_size, path.as_posix()),
    )
    write = partial(_write_twins, cache=cache)
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(sources) < 2:
        sizes = sum(map(write, sources), CompressedSizes())
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            sizes = sum(pool.map(write, sources, chunksize=4), CompressedSizes())
    if cache is not None:
        _prune(cache)
    return sizes


def compress(data: bytes, suffix: str, brotli_quality: int) -> bytes:
    """Return data compressed as the twin with that suffix (`.br` or `.gz`) holds it."""
    if suffix == ".br":
        return brotli.compress(data, mode=brotli.MODE_TEXT, quality=brotli_quality)
    return gzip.compress(data, compresslevel=9, mtime=0)


def _encoder(suffix: str, brotli_quality: int) -> str:
    """Return what makes a twin (part of the cache key: a new encoder never reuses old twins)."""
    return f"brotli{brotli.__version__}-q{brotli_quality}" if suffix == ".br" else "gzip-9-mtime0"


def _write_twins(path: Path, *, cache: Path | None) -> CompressedSizes:
    """Write path's two twins (in a worker process); return the sizes."""
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    quality = BROTLI_QUALITY if path.suffix in CODE_SUFFIXES else DOCUMENT_BROTLI_QUALITY
    twins = {suffix: _cached_or_compressed(data, digest, suffix, quality, cache) for suffix in TWIN_SUFFIXES}
    for suffix, twin in twins.items():
        path.with_name(path.name + suffix).write_bytes(twin)
    return CompressedSizes(1, len(data), len(twins[".br"]), len(twins[".gz"]))


def _cached_or_compressed(data: bytes, digest: str, suffix: str, quality: int, cache: Path | None) -> bytes:
    if cache is None:
        return compress(data, suffix, quality)
    entry = cache / digest[:2] / f"{digest}.{_encoder(suffix, quality)}{suffix}"
    try:
        twin = entry.read_bytes()
        os.utime(entry)
        return twin
    except FileNotFoundError:
        pass
    twin = compress(data, suffix, quality)
    entry.parent.mkdir(parents=True, exist_ok=True)
    # Another build may write the same entry at the same time: each writes its own file, then renames.
    handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-")
    with os.fdopen(handle, "wb") as stream:
        stream.write(twin)
    os.replace(temporary, entry)
    return twin


def _prune(cache: Path) -> None:
    """Delete twins that no build used for CACHE_DAYS."""
    oldest = time.time() - CACHE_DAYS * 86400
    for entry in cache.glob("*/*"):
        try:
            if entry.stat().st_mtime < oldest:
                entry.unlink()
        except FileNotFoundError:
            continue
