"""Feedback (👍/👎 and a comment) appended to one JSONL file, from the page and the API alike.

Each line holds the question and the answer, so a reviewer can turn it into a gold item.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

from .settings import ServerSettings

_lock = threading.Lock()  # one per process: the page and the API write the same file


def append(settings: ServerSettings, row: dict) -> Path:
    path = Path(settings.feedback_file or Path(settings.index) / "feedback.jsonl")
    row = {"time": time.strftime("%Y-%m-%dT%H:%M:%S"), **row}
    with _lock:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as f:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path
