"""Open-data JSON files with one long list, encoded an entry at a time.

Python's JSON encoder is slow once the text is indented (it is then written in Python, not C), and
the lists of events and reviews grow with history. Encoding each entry by itself lets a rebuild keep
the text of every entry whose record did not change. The file is exactly what
``json.dumps(data, ensure_ascii=False, indent=1)`` writes; ``tests/test_core_jsonlist.py`` checks it.
"""

from __future__ import annotations

import json
from typing import Any


def entry(value: Any) -> str:
    """One entry of the list, encoded and indented as it sits in the file.

    JSON writes a line break inside text as ``\\n``, so every real line break is between values.
    """
    return "  " + json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n  ")


def document(head: dict[str, Any], key: str, entries: list[str]) -> str:
    """The file: ``head``'s fields, then ``key`` holding ``entries`` (each made by :func:`entry`)."""
    listed = "[\n" + ",\n".join(entries) + "\n ]" if entries else "[]"
    last = " " + json.dumps(key, ensure_ascii=False) + ": " + listed
    if not head:
        return "{\n" + last + "\n}\n"
    top = json.dumps(head, ensure_ascii=False, indent=1)
    return top[: -len("\n}")] + ",\n" + last + "\n}\n"
