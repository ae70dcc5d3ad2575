"""Fit the furniture score (index/furniture_score.py): `wenjin bench fit-furniture`.

Every unit (sentence, or text between two blanks) of the `dev` half of the hand-marked articles
(evals/data/furniture.jsonl) is a row: furniture when nine tenths of its characters lie in marked
pieces, prose when none do; a unit that is partly both (furniture glued to a sentence, which the
patterns cut out) is left out. A logistic regression over the unit's features is scored by
five-fold cross-validation, split by article so that no article is on both sides, and the
threshold is the lowest at which no more than one unit in a hundred it removes is prose. The
`heldout` half is never read here.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
from tqdm import tqdm

from wenjin.index import furniture_score
from wenjin.index.clean import normalize

from .furniture import _CLOSE, _OPEN, _marked, load

FOLDS = 5
MIN_PRECISION = 0.99  # of the units the score removes, at most one in a hundred may be prose
MIN_WEIGHT = 0.05  # smaller weights are dropped: they change no decision and bloat the model file
GRID = (0.7, 0.75, 0.8, 0.85, 0.9, 0.925, 0.95, 0.975, 0.99)


def labelled_units(record: dict) -> list[tuple[list[str], int, float]]:
    """(the units of a line, which one, share of its characters marked as furniture) for every
    unit of the article, split as cleaning splits lines (blanks between Chinese characters kept)."""
    out, inside = [], False
    for line in normalize(_marked(record), boundaries=True).split("\n"):
        plain, marked = [], []
        for ch in line:
            if ch in (_OPEN, _CLOSE):
                inside = ch == _OPEN
                continue
            plain.append(ch)
            marked.append(inside)
        text = "".join(plain)
        spans = furniture_score.units(text)
        texts = [text[a:b] for a, b in spans]
        for i, (a, b) in enumerate(spans):
            chars = [k for k in range(a, b) if not text[k].isspace()]
            out.append((texts, i, sum(marked[k] for k in chars) / max(len(chars), 1)))
    return out


def rows(records: list[dict]) -> tuple[list[dict], np.ndarray, list[str]]:
    features, labels, groups = [], [], []
    for record in tqdm(records, desc="切分标注文章", unit="篇"):
        for units, i, share in labelled_units(record):
            if 0 < share < 0.9 or len(units[i].strip()) > furniture_score.MAX_UNIT:
                continue
            features.append(furniture_score.features(units, i))
            labels.append(share >= 0.9)
            groups.append(record["id"])
    return features, np.asarray(labels), groups


def fit(features: list[dict], labels: np.ndarray, c: float = 1.0) -> dict:
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as e:  # a dev extra: the model is fitted here, applied without it
        raise RuntimeError("拟合需要 scikit-learn：pip install -e '.[dev]'") from e
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=c, max_iter=3000).fit(vectorizer.fit_transform(features), labels)
    weights = {k: round(float(w), 4) for k, w in zip(vectorizer.get_feature_names_out(), model.coef_[0])
               if abs(w) >= MIN_WEIGHT}
    return {"weights": weights, "bias": round(float(model.intercept_[0]), 4)}


def fold_of(article: str) -> int:
    return int(hashlib.sha1(article.encode()).hexdigest()[:8], 16) % FOLDS


def cross_validated(features: list[dict], labels: np.ndarray, groups: list[str]) -> np.ndarray:
    """Each unit's probability from the model fitted on the other folds' articles."""
    folds = np.asarray([fold_of(g) for g in groups])
    p = np.zeros(len(labels))
    for k in tqdm(range(FOLDS), desc="交叉验证", unit="折"):
        model = {**fit([f for f, o in zip(features, folds) if o != k], labels[folds != k]), "threshold": 1.0}
        for i in np.flatnonzero(folds == k):
            p[i] = furniture_score.probability(features[i], model)
    return p


def curve(p: np.ndarray, labels: np.ndarray) -> list[dict]:
    out = []
    for t in GRID:
        flagged = p >= t
        right, wrong = int((flagged & labels).sum()), int((flagged & ~labels).sum())
        out.append({"threshold": t, "recall": right / max(int(labels.sum()), 1), "prose_units": wrong,
                    "precision": right / max(right + wrong, 1)})
    return out


def choose(points: list[dict]) -> float:
    return next((q["threshold"] for q in points if q["precision"] >= MIN_PRECISION), GRID[-1])


def run(marks: Path, target: Path) -> dict:
    """Fit on the dev half, choose the threshold by cross-validation, write the model to `target`."""
    features, labels, groups = rows(load(marks)["dev"])
    points = curve(cross_validated(features, labels, groups), labels)
    model = {**fit(features, labels), "threshold": choose(points),
             "fitted": {"units": len(labels), "furniture_units": int(labels.sum()), "articles": len(set(groups)),
                        "source": marks.name, "cross_validated": points}}
    target.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True), "utf-8")
    furniture_score.model.cache_clear()
    return {k: v for k, v in model.items() if k != "weights"}
