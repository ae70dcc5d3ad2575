"""The fitted answer model: the sentence, span and second-stage weights in rag/answer_model.json.

Kept apart from the measurements (rag/select.py, rag/span.py) so that both can read it, and the
sentence measurements can ask the span model for its belief without an import circle.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

MODEL = Path(__file__).with_name("answer_model.json")
SEMANTIC_FEATURES = ("logit", "cos", "cos_gap")


@dataclass
class Model:
    weights: dict[str, float]  # sentence and span measurements (rag/span.py) share one table
    bias: float
    span_bias: float = 0.0
    semantic: dict = field(default_factory=dict)  # the second stage: {embedder, top, weights, bias}

    def probability(self, x: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in x.items())
        return sigmoid(z)

    def semantic_probability(self, x: dict[str, float]) -> float:
        return sigmoid(self.semantic["bias"] + sum(self.semantic["weights"][k] * x[k] for k in SEMANTIC_FEATURES))


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))


@lru_cache(maxsize=4)
def load(path: Path = MODEL) -> Model:
    obj = json.loads(Path(path).read_text("utf-8"))
    return Model({**obj["weights"], **obj.get("span_weights", {})}, obj["bias"], obj.get("span_bias", 0.0),
                 obj.get("semantic", {}))
