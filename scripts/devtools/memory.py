"""The memory a command and its child processes occupy together, sampled while it runs.

Each process's proportional set size (PSS, Linux's /proc/<pid>/smaps_rollup) counts a page shared
by n processes as 1/n in each: a forked build's processes share the parent's pages until they
write to them, so adding their resident sizes would count those pages once per process.
"""

from __future__ import annotations

import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SAMPLE_SECONDS = 0.1


@dataclass(frozen=True)
class MeasuredRun:
    """How a command ended and the most memory it held."""

    returncode: int
    """The command's exit status."""
    peak_pss_mib: float
    """The peak of its process tree's PSS, in MiB."""
    stderr: str
    """What it wrote to its standard error (kept to explain a failure)."""


def run_measuring_memory(command: list[str], cwd: Path) -> MeasuredRun:
    """Run a command, sampling its process tree's PSS; return its status, peak PSS and stderr."""
    # A file, not a pipe: nothing reads a pipe while we sample, and a full pipe would block the command.
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(command, cwd=cwd, stderr=stderr)
        peak_kib = 0
        while process.poll() is None:
            peak_kib = max(peak_kib, sum(_pss_kib(pid) for pid in _process_tree(process.pid)))
            time.sleep(SAMPLE_SECONDS)
        stderr.seek(0)
        return MeasuredRun(process.returncode, peak_kib / 1024, stderr.read().decode("utf-8", errors="replace"))


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
