"""Gold sets (JSONL, one question a line) and the scores this issue needs from them.

A full report (per-kind plots, citation precision, comparisons) is the eval
issue's; this module holds the format, its validation and the basic scores
that tests and CI thresholds use.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

KINDS = ("factoid", "numeric", "list", "multi", "unanswerable")


@dataclass
class GoldItem:
    id: str
    question: str
    kind: str
    reference: str = ""
    must_include: list[str] = field(default_factory=list)
    gold_sources: list[str] = field(default_factory=list)


class GoldError(ValueError):
    """A gold file line that does not follow the format; the message names the line."""


def load_gold(path: Path) -> list[GoldItem]:
    items, seen = [], set()
    for no, line in enumerate(Path(path).read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise GoldError(f"{path}:{no}: 不是合法 JSON（{e.msg}）") from None
        missing = [k for k in ("id", "question", "kind") if not obj.get(k)]
        if missing:
            raise GoldError(f"{path}:{no}: 缺少字段 {', '.join(missing)}")
        if obj["kind"] not in KINDS:
            raise GoldError(f"{path}:{no}: kind 为 {obj['kind']!r}，应为 {' | '.join(KINDS)} 之一")
        if obj["id"] in seen:
            raise GoldError(f"{path}:{no}: id {obj['id']!r} 重复")
        seen.add(obj["id"])
        items.append(GoldItem(**{k: obj[k] for k in GoldItem.__dataclass_fields__ if k in obj}))
    return items


def norm(text: str) -> str:
    """Compare answers after NFKC, simplified script, lower case, no spaces or quotes."""
    from index.clean import to_simplified

    text = to_simplified(unicodedata.normalize("NFKC", text)).lower()
    return re.sub(r"[\s\"'“”‘’「」『』《》]", "", text)


def source_matches(gold: str, source: str) -> bool:
    """`file.txt` matches `file.txt` and every article of it (`file.txt#2`); `a.jsonl#id` only itself."""
    return source == gold or source.split("#", 1)[0] == gold or source.split("#", 1)[-1] == gold


def fact_recall(item: GoldItem, answer_text: str) -> float | None:
    if not item.must_include:
        return None
    text = norm(answer_text)
    return sum(norm(f) in text for f in item.must_include) / len(item.must_include)


def cites_gold(item: GoldItem, citations) -> bool:
    """A gold source is cited directly or as a reprint of the cited article (Citation.also)."""
    sources = [c.source for c in citations] + [a["source"] for c in citations for a in c.also]
    return any(source_matches(g, s) for g in item.gold_sources for s in sources)
