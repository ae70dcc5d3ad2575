"""The sample gold set as a regression guard: thresholds sit just under today's scores."""

import pytest

from evals.gold import GoldError, cites_gold, fact_recall, load_gold, norm, source_matches

from conftest import GOLD


def test_gold_set_is_valid_and_large_enough():
    items = load_gold(GOLD)
    assert len(items) >= 30
    assert sum(i.kind == "unanswerable" for i in items) >= 5


def test_sample_gold_scores_stay_above_thresholds(engine):
    items = load_gold(GOLD)
    answerable = [i for i in items if i.kind != "unanswerable"]
    unanswerable = [i for i in items if i.kind == "unanswerable"]
    answers = {i.id: engine.ask(i.question) for i in items}
    recall = sum(fact_recall(i, answers[i.id].text) for i in answerable) / len(answerable)
    cited = sum(cites_gold(i, answers[i.id].citations) for i in answerable) / len(answerable)
    refused_right = sum(answers[i.id].refused for i in unanswerable) / len(unanswerable)
    refused_wrong = sum(answers[i.id].refused for i in answerable) / len(answerable)
    print(f"fact recall {recall:.3f}, gold source cited {cited:.3f}, "
          f"refusal recall {refused_right:.3f}, false refusals {refused_wrong:.3f}")
    assert recall >= 0.9
    assert cited >= 0.9
    assert refused_right >= 0.5
    assert refused_wrong <= 0.1


def test_bad_gold_lines_are_named(tmp_path):
    f = tmp_path / "g.jsonl"
    f.write_text('{"id": "a", "question": "q", "kind": "factoid"}\n{"id": "b", "question": "q", "kind": "poem"}\n')
    with pytest.raises(GoldError, match=r"g.jsonl:2: kind"):
        load_gold(f)


def test_answer_normalisation_ignores_script_width_and_spacing():
    assert norm("產業 １５ 億") == norm("产业15亿")
    assert source_matches("listing.txt", "listing.txt#2") and not source_matches("a.txt", "b.txt")
