"""Sentences of retrieved passages, in document coordinates, and how much of a question they hold."""

from __future__ import annotations

import re
from dataclasses import dataclass

from wenjin.index.split import SENTENCE

_SENT = re.compile(SENTENCE)


@dataclass
class Sentence:
    meta: dict          # the document's metadata (doc_id, source, title, date, …)
    text: str
    start: int          # in the cleaned document
    end: int
    opens_paragraph: bool = False
    before: str = ""    # the previous sentence of the same paragraph: it often names the subject
    first: bool = False  # the article's first sentence (news leads state the main facts)
    score: float = 0.0  # the answer model's probability that this sentence states the answer


def sentences(spans: list[tuple[str, int, int]], docs: dict[str, dict]) -> list[Sentence]:
    """Sentences of (doc_id, start, end) spans in document coordinates, each once."""
    seen, out = set(), []
    for doc_id, lo, hi in spans:
        doc = docs[doc_id]
        text = doc["text"]
        before = ""
        for sm in _SENT.finditer(text, lo, hi):
            body = sm.group().strip()
            start = sm.start() + (len(sm.group()) - len(sm.group().lstrip()))
            if not body:
                before = ""  # a line break ends the paragraph
            if len(body) < 6 or (doc_id, start) in seen:
                continue
            seen.add((doc_id, start))
            opens = start == 0 or text[start - 1] == "\n"
            first = not text[:start].strip() or start <= len(doc["metadata"].get("title", "")) + 2
            out.append(Sentence(doc["metadata"], body, start, start + len(body), opens, before, first))
            before = body
    return out


def coverage(weights: dict[str, float], *texts: str) -> float:
    """Share of the question's word weight found in `texts`: the one measure of lexical evidence."""
    text = "\n".join(texts).lower()
    return sum(w for t, w in weights.items() if t in text) / (sum(weights.values()) or 1.0)


def neighbour(s: Sentence, docs: dict[str, dict], after: bool) -> Sentence | None:
    """The sentence just before (or after) `s` in its paragraph, if any."""
    doc_id = s.meta["doc_id"]
    text = docs[doc_id]["text"]
    if after:
        hi = text.find("\n", s.end)
        found = sentences([(doc_id, s.end, len(text) if hi < 0 else hi)], docs)
        return found[0] if found else None
    lo = text.rfind("\n", 0, s.start) + 1
    found = sentences([(doc_id, lo, s.start)], docs)
    return found[-1] if found else None
