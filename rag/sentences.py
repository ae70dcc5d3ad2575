"""Sentences of retrieved passages, in document coordinates, and how much of a question they hold."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from wenjin.index.split import SENTENCE

from . import lang
from .tagger import tag

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


_OPEN, _CLOSE = "“\"《「『", "”\"》」』"
_SEGMENT_END = "，。；、：！？,;:!?\n （）()“”\"'《》"


@lru_cache(maxsize=256)
def aliases(text: str) -> tuple[tuple[str, str], ...]:
    """(full name, short name) pairs the article defines: 《某某管理办法》（以下简称《办法》）,
    某某有限公司（下称“某某”）. A title's full name is the title; otherwise the words since the
    last punctuation before the bracket, without the verb and adverbs that may open them (那便是某某园区)."""
    markers = lang.pattern("answer", "alias_markers").pattern
    found = []
    for m in re.finditer(rf"[（(](?:{markers})[为是]?[：:]?[{_OPEN}]?([^{_CLOSE}）()，,]{{2,12}}?)[{_CLOSE}]?[）)]", text):
        before = text[max(0, m.start() - 40):m.start()]
        title = re.search(r"《([^《》]{2,38})》$", before)
        if title:
            full = title.group(1)
        else:
            full = before[max(before.rfind(c) for c in _SEGMENT_END) + 1:]
            words = tag(full)
            lead = next((i for i, w in enumerate(words) if w.tag not in _NO_NAME), len(words))
            full = full[words[lead].start:] if lead < len(words) else ""
        short = m.group(1)
        if 2 <= len(full) <= 38 and full != short:
            found.append((full, short))
    return tuple(found)


_NO_NAME = ("r", "d", "v", "p", "c", "u", "w", "xc")  # words that open a clause, never a name


def as_asked(s: Sentence, question: str, docs: dict[str, dict]) -> Sentence:
    """`s` with the names its article defines written as the question writes them: a question on
    《上市公司独立董事管理办法》 is answered by 《独董办法》自2023年9月4日起施行, which shares none of its
    words. Used to measure the sentence; the answer quotes it as written."""
    text = s.text
    for full, short in aliases(docs[s.meta["doc_id"]]["text"]):
        if full in question and short not in question.replace(full, "") and short in text:
            text = full.join(part.replace(short, full) for part in text.split(full))
        elif short in question and full not in question and full in text:
            text = text.replace(full, short)
    return s if text == s.text else replace(s, text=text)
