"""JSON written piece by piece: one long list's items are made and written one at a time.

The text is exactly `json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True)`, but the
whole directory is never held as Python data and as text at once (at 10,000 services, the
HSDS export alone took 200 MB while it was being written).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

_PLACEHOLDER = "\0streamed-items\0"


def json_chunks(document: dict[str, Any], streamed: str, items: Iterable[Any]) -> Iterator[str]:
    """Yield the JSON text of document whose key `streamed` holds the list of items, then a newline."""
    head, _, tail = _dumps({**document, streamed: [_PLACEHOLDER]}).partition(json.dumps(_PLACEHOLDER))
    indent = head[head.rindex("\n"):]  # the list's items sit one level deeper than its key
    written = False
    for item in items:
        yield (",\n" + indent[1:] if written else head) + _dumps(item).replace("\n", indent)
        written = True
    yield (tail if written else _dumps({**document, streamed: []})) + "\n"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True)
