"""Metrics on hand-made cases; every expected value is worked out in the comment beside it."""

import math

import pytest

from wenjin.evals.metrics import (char_f1, citation_scores, claims, contains_answer, dedupe, fact_recall, hit_at,
                           mrr_at, ndcg_at, percentile, recall_at, refusal_scores, rouge_l, supports)

A, B, C, D = (frozenset({n}) for n in ("a.txt", "b.txt", "c.txt#2", "d.jsonl#x"))


def test_two_chunks_of_one_document_count_once():
    assert dedupe([A, A, B, A, C]) == [A, B, C]


def test_hit_recall_mrr_at_k():
    ranked = [B, A, C]
    assert hit_at(ranked, ["a.txt"], 1) == 0 and hit_at(ranked, ["a.txt"], 2) == 1
    assert recall_at(ranked, ["a.txt", "c.txt"], 2) == 0.5      # a found, c (as c.txt#2) at rank 3
    assert recall_at(ranked, ["a.txt", "c.txt"], 3) == 1.0      # a gold file matches its article c.txt#2
    assert mrr_at(ranked, ["a.txt", "c.txt"]) == 0.5            # first gold at rank 2
    assert mrr_at(ranked, ["z.txt"]) == 0.0 and recall_at(ranked, [], 3) == 0.0


def test_ndcg_with_two_gold_documents():
    # gold at ranks 2 and 3: dcg = 1/log2(3) + 1/log2(4); ideal (ranks 1, 2) = 1 + 1/log2(3)
    expected = (1 / math.log2(3) + 0.5) / (1 + 1 / math.log2(3))
    assert ndcg_at([B, A, C], ["a.txt", "c.txt"]) == pytest.approx(expected)
    assert ndcg_at([A, B], ["a.txt"]) == 1.0


def test_a_document_answering_to_two_gold_names_is_credited_once_per_name():
    both = frozenset({"a.txt", "b.txt"})        # a document and its reprint
    assert recall_at([both], ["a.txt", "b.txt"], 1) == 1.0
    # ndcg: one document at rank 1 earns one gain; ideal has two: 1 / (1 + 1/log2(3))
    assert ndcg_at([both], ["a.txt", "b.txt"]) == pytest.approx(1 / (1 + 1 / math.log2(3)))


def test_fact_recall_ignores_script_width_and_spaces():
    assert fact_recall(["产业园", "15亿元"], "產業園 签约 １５ 亿元") == 1.0
    assert fact_recall(["德格", "马尼干戈"], "德格县") == 0.5
    assert fact_recall(["德格"], "") == 0.0


def test_contains_answer_alternatives_and_list_parts():
    assert contains_answer(["3.5亿元", "三点五亿"], "投资 3.5 亿元")
    assert contains_answer(["光伏、储能和物流"], "项目有物流、光伏及储能")        # every part present
    assert not contains_answer(["光伏、储能和物流"], "项目有光伏和储能")
    assert not contains_answer([""], "任何回答")                                  # an empty alternative proves nothing


def test_char_f1_by_hand():
    # answer 德格县 (3 chars), reference 德格 (2): overlap 2, p = 2/3, r = 1, F1 = 0.8
    assert char_f1("德格县", "德格") == pytest.approx(0.8)
    assert char_f1("", "") == 1.0 and char_f1("", "德格") == 0.0 and char_f1("德格", "") == 0.0
    assert char_f1("產業", "产业") == 1.0


def test_rouge_l_by_hand_including_ties():
    # LCS(ABCBDAB, BDCABA) = 4 (the textbook case, several LCS tie at 4): p = 4/7, r = 4/6
    assert rouge_l("ABCBDAB", "BDCABA") == pytest.approx(2 * (4 / 7) * (4 / 6) / (4 / 7 + 4 / 6))
    # 德格县签约 vs 签约德格: LCS 2 (德格 or 签约, a tie): p = 2/5, r = 2/4 → F1 = 4/9
    assert rouge_l("德格县签约", "签约德格") == pytest.approx(4 / 9)
    assert rouge_l("", "") == 1.0 and rouge_l("", "德格") == 0.0
    assert rouge_l("１５亿元", "15亿元") == 1.0


def test_claims_split_at_citation_markers():
    assert claims("甲项目投资3亿元[1]；乙项目在德格[2][3]。") == [("甲项目投资3亿元", [1]), ("；乙项目在德格", [2, 3])]
    assert claims("没有引用的回答。") == [("没有引用的回答。", [])]
    assert claims("") == []
    listed = "共找到 2 项：\n1. 甲项目：投资3亿元。[1]\n2. 乙项目：在德格。[2]\n（报道日期：2024-04-18）"
    assert claims("共找到 3 项：光伏、储能、物流。[1]") == [("光伏、储能、物流。", [1])]
    assert claims("另据《川港签约53亿元》：代表团约60人。[2]") == [("代表团约60人。", [2])]
    assert claims(listed) == [("共找到 2 项：", []), ("甲项目：投资3亿元。", [1]), ("乙项目：在德格。", [2]),
                              ("（报道日期：2024-04-18）", [])]


def test_support_needs_facts_numbers_and_most_words():
    quote = "雪域牦牛乳项目投资3.5亿元，带动1800户牧民增收。"
    assert supports(quote, "雪域牦牛乳项目投资3.5亿元")
    assert not supports(quote, "雪域牦牛乳项目投资4.5亿元")          # a number the passage lacks
    assert not supports(quote, "光伏电站装机100兆瓦")                 # different words
    assert not supports("项目投资3.5亿元", "项目投资3.5亿元，在龚垭乡", facts=["龚垭乡"])


def test_citation_precision_and_recall_by_hand():
    quotes = {1: "甲项目投资3亿元，位于德格。", 2: "乙项目由某集团建设。"}
    answer = "甲项目投资3亿元[1]；乙项目投资5亿元[2]；丙项目在马尼干戈[7]。"
    p, r = citation_scores(answer, quotes, facts=["3亿元", "5亿元", "马尼干戈"])
    # pairs: (甲…3亿元, q1) supported; (乙…5亿元, q2) no: 5 not in q2; (丙…, q7) no: no passage 7 → 1/3
    assert p == pytest.approx(1 / 3)
    # facts stated: 3亿元 (backed by q1), 5亿元 (q2 lacks it), 马尼干戈 (no passage) → 1/3
    assert r == pytest.approx(1 / 3)
    assert citation_scores("资料中没有找到。", {}, ["3亿元"]) == (None, None)


def test_refusal_precision_and_recall():
    refused = [True, True, False, False]
    unanswerable = [True, False, True, False]
    assert refusal_scores(refused, unanswerable) == {"refusal_precision": 0.5, "refusal_recall": 0.5}
    assert refusal_scores([False], [False]) == {"refusal_precision": None, "refusal_recall": None}


def test_percentile_interpolates_like_numpy():
    assert percentile([10, 20, 30, 40], 50) == 25.0
    assert percentile([10, 20, 30, 40], 95) == pytest.approx(38.5)  # pos 2.85 → 30 + 0.85×10
    assert percentile([], 50) is None
