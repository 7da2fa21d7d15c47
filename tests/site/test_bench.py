"""`make bench`'s parts that can break without a 20-minute run: its memory sampling, how it reports
a failed build, and its tables."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scripts import REPO_ROOT, bench
from scripts.devtools.memory import run_measuring_memory
from scripts.pipeline import STAGE_LABELS

HOLD_150_MIB = "import time; held = b'x' * (150 << 20); time.sleep(0.5)"
"""A child that writes 150 MiB (so its pages are resident, unlike a fresh calloc) and keeps them 0.5 s."""


def test_the_peak_memory_of_a_child_holding_150_mib() -> None:
    measured = run_measuring_memory([sys.executable, "-c", HOLD_150_MIB], REPO_ROOT)
    assert measured.returncode == 0
    assert measured.peak_pss_mib >= 100


def test_a_failed_build_raises_with_what_it_wrote_to_stderr(tmp_path: Path) -> None:
    with pytest.raises(subprocess.CalledProcessError) as failed:
        bench._build(tmp_path / "no-content", tmp_path / "site", material=False)
    assert "site.yaml" in failed.value.stderr
    assert failed.value.__notes__ == [failed.value.stderr]  # shown under the traceback


ROW = {
    "services": 200,
    "validate_s": 0.5,
    "ours": {
        "side_by_side_seconds": {"render_pages.fr": 1, "mkdocs_build.fr": 2, "render_pages.nl": 1.5,
                                 "mkdocs_build.nl": 2.5, "search_index": 3},
        "total_seconds": 10, "seconds": {"compressed_twins": 4}, "peak_pss_mib": 140,
    },
    "index_fr": {"root": {"gzip_kb": 1}, "all": {"gzip_kb": 118}, "engine": {"gzip_kb": 21}},
    "browser_fr": {"first_result_ms": 95, "from_focus_ms": 112, "page_kb": 86, "first_result_ms_at_load": 218},
    "browser_nl": {"first_result_ms": 81, "from_focus_ms": 104},
    "latency_fr": {"p50_ms": 0.5, "p95_ms": 1.2, "first_p95_ms": 31},
    "material_fr": {"first_result_ms": 123, "search_kb": 174, "first_result_ms_at_load": 680},
    "material_index_fr": {"gzip_kb": 155},
    "finder_fr": {"first_list_ms": 250, "update_p50_ms": 12.5, "update_p95_ms": 40.5, "whole_p50_ms": 90.5, "whole_p95_ms": 120.0},
    "search_bytes": {"gzip_kb": 63, "brotli_kb": 56},
    "precache": {"raw_kb": 1120, "gzip_kb": 303},
    "pagefind_index_s": 1.5,
    "pagefind_fr": {"first_result_ms": 166, "kb": 119},
    "pagefind_nl": {"first_result_ms": 171, "kb": 117},
    "preview": {"start_s": 5.6, "save_to_reload_s": 0.26, "min_s": 0.24, "max_s": 0.59},
}
"""One scale's figures, made up, with every key the tables read."""


def test_the_stages_the_tables_read_are_the_builds() -> None:
    ours = ROW["ours"]
    assert isinstance(ours, dict)
    keys = [*ours["side_by_side_seconds"], *ours["seconds"]]
    assert {key.partition(".")[0] for key in keys} <= STAGE_LABELS.keys()


def test_the_tables_of_one_scale() -> None:
    tables = [table.splitlines() for table in bench.format_table([ROW]).split("\n\n")]
    assert all(len({line.count("|") for line in table}) == 1 for table in tables)  # each row fills its header's columns
    rows = [table[2] for table in tables]
    assert rows == [
        "| 200 | 0.50 | 3.0 / 4.0 | 3.0 | 10.0 (4.0) | 140 | 1 / 118 | 21 | 95 / 81 | 112 | 63 / 86 | 0.5 / 1.2 (31) "
        "| 123 | 174 | 155 | 1.3× | 218 / 680, 3.1× |",
        "| 200 | 250 | 12.5 / 40.5 | 90.5 / 120.0 |",
        "| 200 | 63 / 56 | 1120 / 303 |",
        "| 200 | 112 / 104 | 63 | 166 / 171 | 119 / 117 | 1.5 |",
        "| 200 | 5.6 | 0.26 (0.24 / 0.59) |",
    ]
