"""Start `make serve` as its own process, for the tests and the benchmark (its own processor)."""

from __future__ import annotations

import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from scripts import REPO_ROOT

READY = "Preview at "


@dataclass
class RunningPreview:
    """A preview process: its address and what it printed so far."""

    url: str
    output: list[str] = field(default_factory=list)

    def printed(self) -> str:
        """Return everything the preview printed (its terminal)."""
        return "".join(self.output)


@contextmanager
def preview_process(content: Path, output: Path, *, startup_seconds: float = 900) -> Iterator[RunningPreview]:
    """Run the preview on a content folder until the block ends; yield its address once it serves."""
    command = [sys.executable, "-m", "scripts.serve", "--port", "0", "--content", str(content), "--output", str(output), "--content-only"]
    process = subprocess.Popen(command, cwd=REPO_ROOT, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    lines: queue.Queue[str] = queue.Queue()
    printed: list[str] = []

    def drain() -> None:  # a full pipe would stop the preview
        assert process.stderr is not None
        for line in process.stderr:
            printed.append(line)
            lines.put(line)
        lines.put("")

    threading.Thread(target=drain, daemon=True).start()
    try:
        while True:
            line = lines.get(timeout=startup_seconds)
            if not line:
                raise RuntimeError("the preview stopped:\n" + "".join(printed))
            if line.startswith(READY):
                break
        yield RunningPreview(line[len(READY):].split()[0], printed)
    finally:
        process.terminate()
        process.wait(timeout=30)
