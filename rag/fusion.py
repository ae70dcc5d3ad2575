"""Rank fusion: pure functions over ranked lists of ids, easy to test by hand."""

from __future__ import annotations

from collections import defaultdict
from typing import Hashable, Sequence


def rrf(rankings: Sequence[Sequence[Hashable]], k: float = 60.0,
        weights: Sequence[float] | None = None) -> list[tuple[Hashable, float]]:
    """Weighted reciprocal rank fusion (Cormack et al., SIGIR 2009).

    score(d) = sum_i w_i / (k + rank_i(d)), ranks starting at 1. Ties keep the
    order in which ids were first seen, so equal evidence favours the first list.
    """
    weights = weights or [1.0] * len(rankings)
    if len(weights) != len(rankings):
        raise ValueError(f"weights has {len(weights)} entries for {len(rankings)} rankings")
    scores: dict[Hashable, float] = defaultdict(float)
    for ranking, w in zip(rankings, weights):
        for rank, item in enumerate(ranking, 1):
            scores[item] += w / (k + rank)
    return sorted(scores.items(), key=lambda kv: -kv[1])


def score_fusion(runs: Sequence[Sequence[tuple[Hashable, float]]],
                 weights: Sequence[float] | None = None) -> list[tuple[Hashable, float]]:
    """Weighted sum of min-max normalised scores; an id missing from a run gets 0 there.

    Unlike RRF it keeps how far apart the scores are, so one leg's clear winner
    is not outvoted by the other leg's near-ties.
    """
    weights = weights or [1.0] * len(runs)
    if len(weights) != len(runs):
        raise ValueError(f"weights has {len(weights)} entries for {len(runs)} runs")
    scores: dict[Hashable, float] = defaultdict(float)
    for run, w in zip(runs, weights):
        if not run:
            continue
        values = [s for _, s in run]
        lo, hi = min(values), max(values)
        for item, s in run:
            scores[item] += w * ((s - lo) / (hi - lo) if hi > lo else 1.0)
    return sorted(scores.items(), key=lambda kv: -kv[1])
