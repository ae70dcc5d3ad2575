import pytest

from wenjin.rag.fusion import rrf, score_fusion


def test_rrf_matches_hand_computed_scores():
    fused = dict(rrf([["a", "b", "c"], ["b", "d"]], k=1))
    assert fused == pytest.approx({"a": 1 / 2, "b": 1 / 3 + 1 / 2, "c": 1 / 4, "d": 1 / 3})


def test_rrf_weights_and_order():
    order = [d for d, _ in rrf([["a", "b"], ["b", "a"]], k=1, weights=[1.0, 0.5])]
    assert order == ["a", "b"]


def test_rrf_ties_keep_first_seen_order():
    assert [d for d, _ in rrf([["x"], ["y"]], k=60)] == ["x", "y"]


def test_rrf_rejects_mismatched_weights():
    with pytest.raises(ValueError, match="2 rankings"):
        rrf([["a"], ["b"]], weights=[1.0])


def test_score_fusion_normalises_each_run():
    fused = dict(score_fusion([[("a", 10.0), ("b", 5.0), ("c", 0.0)], [("c", 0.9), ("a", 0.5)]], weights=[1, 1]))
    assert fused == pytest.approx({"a": 1.0 + 0.0, "b": 0.5, "c": 0.0 + 1.0})


def test_fusion_of_empty_runs_is_empty():
    assert rrf([[], []]) == [] and score_fusion([[], []]) == []
