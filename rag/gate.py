"""Answerability: one calibrated score from the evidence, and the threshold below which we refuse.

The score says how likely the retrieved passages are to hold the answer: how much of
the question's word weight the best passage holds, whether the best article names
the question's names and states its numbers, whether the best passage holds the
rarest word the question asks about, and the answer model's belief in its best
sentence (which already weighs the asked-for type of fact and the relation around the
question word). A logistic model over these is fitted by evals/fit.py on CRUD train
questions asked with and without their article in the index; the threshold is read off
the curve of false refusals against wrong answers accepted (`wenjin eval` plots it).
How the answer is then written plays no part in the decision.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .question import Question
from .sentences import Sentence, coverage
from .types import Hit

MODEL = Path(__file__).with_name("gate_model.json")
FEATURES = ("best", "cover", "names", "rarest", "numbers", "focus", "agree", "unseen")


@dataclass
class Gate:
    score: float                      # probability that the passages hold the answer
    threshold: float                  # below it, the extractive answerer refuses
    llm_threshold: float              # below it, not even the LLM is asked (it can still refuse itself)
    features: dict[str, float] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return self.score >= self.threshold

    @property
    def passed_for_llm(self) -> bool:
        return self.score >= self.llm_threshold


@lru_cache(maxsize=4)
def _model(path: Path = MODEL) -> dict:
    return json.loads(Path(path).read_text("utf-8"))


def measure(q: Question, hits: list[Hit], ranked: list[Sentence], docs: dict[str, dict],
            unseen: tuple[str, ...] = ()) -> dict[str, float]:
    """The evidence measurements the score is computed from (see FEATURES). `unseen`: the question's
    nouns and names that no indexed text contains (火星 in a collection of investment news)."""
    total = sum(q.weights.values()) or 1.0
    missing = sum(q.weights.get(t, 0.0) for t in unseen) / total
    if not hits or not ranked:
        return {**{f: 0.0 for f in FEATURES}, "unseen": missing}
    best = ranked[0]
    chunk_cover = max(coverage(q.weights, h.meta.get("title", ""), h.node.text) for h in hits)
    doc = docs[best.meta["doc_id"]]
    doc_text = doc["metadata"].get("title", "") + "\n" + doc["text"]
    rarest = max(q.weights, key=q.weights.get) if q.weights else ""
    top_docs = [s.meta["doc_id"] for s in ranked[:3]]
    return {
        "best": best.score,
        "cover": chunk_cover,
        "names": sum(n in doc_text for n in q.names) / len(q.names) if q.names else 1.0,
        "rarest": float(not rarest or any(rarest in h.meta.get("title", "") + h.node.text for h in hits[:3])),
        "numbers": float(all(n in doc_text for n in q.numbers)),
        "focus": float(any(f in best.before + best.text for f in q.focus)) if q.focus else 0.5,
        "agree": top_docs.count(top_docs[0]) / len(top_docs),
        "unseen": missing,
    }


def decide(q: Question, hits: list[Hit], ranked: list[Sentence], docs: dict[str, dict],
           unseen: tuple[str, ...] = ()) -> Gate:
    """The score, and the thresholds to hold it against.

    What the collection never mentions at all cannot be answered from it, whatever else the passages
    share with the question: the fitted probability is scaled by the share of the question's weight
    the collection covers (火星 in a collection of investment news), and a person, organisation or
    place the question names that no indexed text contains (理塘县) sets it to 0. The CRUD questions
    the weights are fitted on cannot teach this: their corpus holds every name they ask about."""
    model = _model()
    x = measure(q, hits, ranked, docs, unseen)
    z = model["bias"] + sum(model["weights"].get(k, 0.0) * v for k, v in x.items())
    score = 1 / (1 + math.exp(-max(-30.0, min(30.0, z)))) * (1.0 - x["unseen"])
    x["unknown_name"] = float(any(_unknown(name, unseen) for name in q.names))
    return Gate(score if hits and not x["unknown_name"] else 0.0, model["threshold"], model["llm_threshold"], x)


def _unknown(name: str, unseen: tuple[str, ...]) -> bool:
    """Is the name one the collection never saw: the name itself, or a word inside it, unseen?"""
    return any(t == name or (len(t) >= 2 and t in name) for t in unseen)
