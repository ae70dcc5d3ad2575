"""Page furniture the patterns miss, found by a fitted score over what a piece of text looks like.

The patterns in furniture.toml name the kinds of furniture seen when they were written; each new
batch of hand-marked pages brings kinds no pattern names (a credit in a new order, an account's
promotion, a caption's source). Each unit of a line (a sentence, or text between two blanks where a
flattened page had a line break) gets one logistic score from its characters (one to three in a
row, at its edges too), its length, its place in the line and the edges of its neighbours; a unit the
patterns kept is dropped when its score passes the threshold. Only long lines are read (the marked
pages are flattened onto one line; a short line of a structured page is a headline or a header,
where ingest finds the title and date). The weights are fitted on the
`dev` half of the hand-marked articles by `wenjin bench fit-furniture` (evals/fit_furniture.py) and
stored in furniture_model.json; nothing here is tuned by hand.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from .meta import find_dates

MODEL = Path(__file__).with_name("furniture_model.json")
MAX_UNIT = 80  # longer units are not scored: a wrong cut there loses a whole sentence of report
UNIT = re.compile(r"[^。！？!?\x1f]*[。！？!?]+[”’」』\"）)]*|[^。！？!?\x1f]+")  # \x1f: a blank that was a line break
_END = re.compile(r"[。！？!?][”’」』\"）)]*$")


def units(line: str) -> list[tuple[int, int]]:
    """(start, end) of each unit of `line` that holds some text."""
    return [m.span() for m in UNIT.finditer(line) if m.group(0).strip()]


def features(texts: list[str], i: int) -> dict[str, float]:
    """What the score reads of unit `i` among the units `texts` of one line."""
    out: Counter = Counter()
    for key, value in _measures(texts, i):
        out[key] += value
    return {k: v for k, v in out.items() if v}


def _measures(texts: list[str], i: int) -> Iterator[tuple[str, float]]:
    """features() as (name, value) pairs, repeated names to be summed."""
    u = texts[i].strip()
    edged = "^" + u + "$"
    for k in (1, 2, 3):
        for j in range(len(edged) - k + 1):
            yield "g" + edged[j:j + k], 1.0
    yield from _context(*_place(texts, i))


def _place(texts: list[str], i: int) -> tuple:
    """What the score reads of a unit besides its characters (also the key its score is kept under)."""
    u = texts[i].strip()
    prev = texts[i - 1].strip() if i else ""
    after = texts[i + 1].strip() if i + 1 < len(texts) else ""
    return (u, prev[-2:], after[:2], min(len(prev) // 10, 5), min(len(after) // 10, 5),
            i == 0, i == len(texts) - 1, i >= len(texts) - 3, 4 * i // len(texts))


def _context(u: str, prev_end: str, after_start: str, prev_len: int, after_len: int,
             first: bool, last: bool, tail3: bool, quarter: int) -> tuple[tuple[str, float], ...]:
    n = max(len(u), 1)
    return ((f"len{_bucket(len(u))}", 1.0), ("first", float(first)), ("last", float(last)),
            ("tail3", float(tail3)), ("endp", float(bool(_END.search(u)))),
            ("digits", sum(c.isdigit() for c in u) / n), ("latin", sum(c.isascii() and c.isalpha() for c in u) / n),
            ("p:" + prev_end[-1:], 1.0), ("n:" + after_start[:1], 1.0), ("p2:" + prev_end, 1.0),
            ("n2:" + after_start, 1.0), (f"plen{prev_len}", 1.0), (f"nlen{after_len}", 1.0), (f"rel{quarter}", 1.0))


def _bucket(n: int) -> int:
    return next((b for b, top in enumerate((3, 6, 10, 20, 40, 80)) if n <= top), 6)


@lru_cache(maxsize=1)
def model() -> dict:
    return json.loads(MODEL.read_text("utf-8")) if MODEL.exists() else {"weights": {}, "bias": -30.0, "threshold": 1.0}


def probability(x: dict[str, float], m: dict | None = None) -> float:
    """The model's belief that a unit with features `x` is furniture."""
    m = m or model()
    z = m["bias"] + sum(m["weights"].get(k, 0.0) * v for k, v in x.items())
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def scored_out(line: str, m: dict | None = None) -> list[tuple[int, int]]:
    """(start, end) of the units of `line` whose score passes the model's threshold.

    A unit stating a full date is kept whatever its score: a page's header (发布时间：… 来源：…) is
    where ingest reads the article's date, which every citation shows."""
    m = m or model()
    spans = units(line)
    texts = [line[a:b] for a, b in spans]
    return [(a, b) for i, (a, b) in enumerate(spans)
            if len(texts[i].strip()) <= MAX_UNIT and _fast_probability(texts, i, m) >= m["threshold"]
            and not _full_date(texts[i])]


def _full_date(text: str) -> bool:
    return any(not d.startswith("--") for d in find_dates(text))  # as ingest reads an article's date


class _Grams(dict):
    """The model's character weights keyed by the characters themselves; others weigh nothing."""

    def __missing__(self, key: str) -> float:
        return 0.0


def _fast_probability(texts: list[str], i: int, m: dict) -> float:
    """probability(features(texts, i), m), summed without building the features, and kept per unit
    and place: cleaning scores every short unit of every long line, and scores them all again in
    the pass that confirms nothing more changes."""
    key = _place(texts, i)
    grams, cache = _state(m)
    if (p := cache.get(key)) is None:
        edged = "^" + key[0] + "$"
        z = m["bias"] + sum(map(grams.__getitem__, edged))
        z += sum(grams[edged[j:j + 2]] for j in range(len(edged) - 1))
        z += sum(grams[edged[j:j + 3]] for j in range(len(edged) - 2))
        z += sum(m["weights"].get(k, 0.0) * v for k, v in _context(*key))
        p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
        if len(cache) > 100_000:  # a bound on memory over a long ingest
            cache.clear()
        cache[key] = p
    return p


def _state(m: dict) -> tuple[_Grams, dict]:
    """The character weights and the scores kept for model `m`, made again when its weights or bias
    are not those they were made for (a copy of a model with another bias)."""
    state = m.get("_state")
    if state is None or state[0] is not m["weights"] or state[1] != m["bias"]:
        grams = _Grams({k[1:]: w for k, w in m["weights"].items() if k[0] == "g"})
        state = m["_state"] = (m["weights"], m["bias"], grams, {})
    return state[2], state[3]
