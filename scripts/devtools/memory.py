"""The memory a command and its child processes occupy together, sampled while it runs.

Each process's proportional set size (PSS, Linux's /proc/<pid>/smaps_rollup) counts a page shared
by n processes as 1/n in each: a forked build's processes share the parent's pages until they
write to them, so adding their resident sizes would count those pages once per process.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

SAMPLE_SECONDS = 0.1


def run_measuring_memory(command: list[str], cwd: Path) -> tuple[int, float]:
    """Run a command; return its exit status and the peak of its process tree's PSS, in MiB."""
    process = subprocess.Popen(command, cwd=cwd, stderr=subprocess.DEVNULL)
    peak_kib = 0
    while process.poll() is None:
        peak_kib = max(peak_kib, sum(_pss_kib(pid) for pid in _process_tree(process.pid)))
        time.sleep(SAMPLE_SECONDS)
    return process.returncode, peak_kib / 1024


def _process_tree(root: int) -> list[int]:
    """Return a process and its descendants (those alive now)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    tree, pending = [], [root]
    while pending:
        pid = pending.pop()
        tree.append(pid)
        pending += children.get(pid, [])
    return tree


def _pss_kib(pid: int) -> int:
    """Return a process's PSS in KiB (0 once it has ended)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0
