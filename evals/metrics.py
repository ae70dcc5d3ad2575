"""Metric definitions, one small pure function each (docs/evaluation.md defines them in words).

Text is compared after `norm` (NFKC, simplified script, lower case, no spaces or
quotes), so 產業 = 产业 and １５ = 15. Retrieval is scored per document: a ranked
list of chunks becomes the list of their documents in first-seen order, each
document standing for itself and for the reprints folded into it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterable, Sequence

from wenjin.rag.verify import claims, lcs, norm, supports

from .gold import source_matches

Doc = frozenset  # the names one retrieved document answers to: source, file, doc id, reprints


# --- retrieval ---------------------------------------------------------------
def dedupe(ranked: Iterable[Doc]) -> list[Doc]:
    """Documents in first-seen order: two chunks of one article count once."""
    seen, out = set(), []
    for doc in ranked:
        if doc not in seen:
            seen.add(doc)
            out.append(doc)
    return out


def _is_gold(doc: Doc, gold: str) -> bool:
    return any(source_matches(gold, name) for name in doc)


def _gains(ranked: Sequence[Doc], gold: Sequence[str], k: int) -> list[int]:
    """1 where the document at that rank is a gold document not already credited, else 0."""
    found, gains = set(), []
    for doc in ranked[:k]:
        new = {g for g in gold if g not in found and _is_gold(doc, g)}
        found |= new
        gains.append(1 if new else 0)
    return gains


def hit_at(ranked: Sequence[Doc], gold: Sequence[str], k: int) -> float:
    """1 when any gold document is among the first k documents."""
    return float(any(_gains(ranked, gold, k)))


def recall_at(ranked: Sequence[Doc], gold: Sequence[str], k: int) -> float:
    """Share of the gold documents among the first k (what multi-source questions need)."""
    if not gold:
        return 0.0
    found = {g for doc in ranked[:k] for g in gold if _is_gold(doc, g)}
    return len(found) / len(set(gold))


def mrr_at(ranked: Sequence[Doc], gold: Sequence[str], k: int = 10) -> float:
    """1 / rank of the first gold document within k, else 0."""
    return next((1 / i for i, g in enumerate(_gains(ranked, gold, k), 1) if g), 0.0)


def ndcg_at(ranked: Sequence[Doc], gold: Sequence[str], k: int = 10) -> float:
    """Binary-relevance nDCG: each gold document counts once, at its best rank."""
    dcg = sum(g / math.log2(i + 1) for i, g in enumerate(_gains(ranked, gold, k), 1))
    ideal = sum(1 / math.log2(i + 1) for i in range(1, min(len(set(gold)), k) + 1))
    return dcg / ideal if ideal else 0.0


# --- answers -----------------------------------------------------------------
def fact_recall(facts: Sequence[str], answer: str) -> float:
    """Share of the must_include facts found in the answer."""
    text = norm(answer)
    return sum(norm(f) in text for f in facts) / len(facts) if facts else 0.0


def contains_answer(alternatives: Sequence[str], answer: str) -> bool:
    """Any alternative found in the answer; a list answer `A、B和C` also counts when every part is."""
    text = norm(answer)
    for alt in alternatives:
        parts = [p for p in re.split(r"[、，,和及与]", alt) if p.strip()]
        if norm(alt) and (norm(alt) in text or (len(parts) > 1 and all(norm(p) in text for p in parts))):
            return True
    return False


_DATE_NOTE = re.compile(r"\n?（报道日期：[^）\n]*）\s*$")


def answer_body(answer: str) -> str:
    """What a reader reads as the answer: the text without citation markers and without the closing
    line of report dates (both belong to the sources)."""
    return re.sub(r"\[\d+\]", "", _DATE_NOTE.sub("", answer)).strip()


def first_line_correct(item, answer: str) -> float:
    """1 when the answer's first line alone holds the gold (every must_include fact, or one of the
    alternative answers): what a reader who stops there gets right."""
    line = answer_body(answer).split("\n", 1)[0]
    if item.must_include:
        return float(fact_recall(item.must_include, line) == 1.0)
    return float(contains_answer(item.answers or [item.reference], line))


def char_f1(answer: str, reference: str) -> float:
    """F1 of the characters two texts share (as multisets), after `norm`; both empty = 1."""
    a, r = Counter(norm(answer)), Counter(norm(reference))
    if not a and not r:
        return 1.0
    overlap = sum((a & r).values())
    if not overlap:
        return 0.0
    p, rc = overlap / sum(a.values()), overlap / sum(r.values())
    return 2 * p * rc / (p + rc)


def rouge_l(answer: str, reference: str) -> float:
    """ROUGE-L F1 over characters after `norm`; both empty = 1."""
    a, r = norm(answer), norm(reference)
    if not a and not r:
        return 1.0
    n = lcs(a, r)
    if not n:
        return 0.0
    p, rc = n / len(a), n / len(r)
    return 2 * p * rc / (p + rc)


# --- citations ---------------------------------------------------------------
def citation_scores(answer: str, quotes: dict[int, str], facts: Sequence[str]) -> tuple[float | None, float | None]:
    """(precision, recall) of one answer's citations; None where there is nothing to score.

    precision: of the (claim, cited passage) pairs, the share where the passage supports the claim
    (a citation to a passage that does not exist supports nothing);
    recall: of the must_include facts the answer states, the share whose claim cites a passage
    that contains the fact.
    """
    parts = claims(answer)
    pairs = [(c, quotes.get(n, "")) for c, ns in parts for n in ns]
    precision = sum(supports(q, c, facts) for c, q in pairs) / len(pairs) if pairs else None
    stated = [f for f in facts if norm(f) in norm(answer)]
    backed = 0
    for fact in stated:
        backed += any(norm(fact) in norm(c) and any(norm(fact) in norm(quotes.get(n, "")) for n in ns)
                      for c, ns in parts)
    recall = backed / len(stated) if stated else None
    return precision, recall


def citation_correct(quotes: Sequence[str], facts: Sequence[str], answers: Sequence[str]) -> float | None:
    """Share of an answer's citations whose passage holds a gold fact (a must_include fact, or one
    of the gold answers): judged by the gold set, independently of the claim checker."""
    gold = [norm(f) for f in list(facts) + list(answers) if norm(f)]
    if not quotes or not gold:
        return None
    return sum(any(g in norm(q) for g in gold) for q in quotes) / len(quotes)


# --- refusals and latency ------------------------------------------------------
def refusal_scores(refused: Sequence[bool], unanswerable: Sequence[bool]) -> dict[str, float | None]:
    """Precision and recall of refusing, with the unanswerable questions as the positives."""
    tp = sum(r and u for r, u in zip(refused, unanswerable))
    return {"refusal_precision": tp / sum(refused) if any(refused) else None,
            "refusal_recall": tp / sum(unanswerable) if any(unanswerable) else None}


def percentile(values: Sequence[float], q: float) -> float | None:
    """numpy's percentile (linear interpolation), None for no values."""
    import numpy as np

    return float(np.percentile(values, q)) if len(values) else None


def mean(values: Iterable[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None
