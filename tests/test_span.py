"""The answer span: which words of the chosen sentence the first line shows."""

from wenjin.rag import span
from wenjin.rag.question import analyse


def _spans(question: str, text: str) -> dict[str, dict[str, float]]:
    weights = {"游客": 1.0, "被困": 1.0}
    return {text[s:e]: x for s, e, x in span.spans(analyse(question, weights), text)}


def test_a_span_in_the_clause_that_holds_the_asked_words_is_marked_so():
    """48名 stands in the clause saying 游客…被困; 12名 in the clause after it, which says neither."""
    x = _spans("有多少名游客被困？", "据景区通报，有48名游客在山顶被困，其中12名为儿童。")
    assert x["48名"]["s_clause"] == 1.0
    assert x["12名"]["s_clause"] == 0.0


def test_the_clause_of_a_span_ends_at_its_punctuation_and_keeps_a_sentence_end():
    text = "据通报，有48名游客被困，其中12名为儿童。"
    assert text[slice(*span.clause(text, text.index("48"), text.index("48") + 3))] == "有48名游客被困"
    assert text[slice(*span.clause(text, text.index("12"), text.index("12") + 3))] == "其中12名为儿童。"


def test_a_number_written_in_the_unit_the_question_implies_is_the_answer():
    """占多少 asks a share, said as 七成 as often as 70%; 多少钱 asks a sum, in any currency."""
    share = "园区已入驻企业18家，带动当地群众就业6500人，其中女性职工占比超过七成。"
    q = analyse("园区里女性职工占多少？", {"女性": 2.0, "职工": 1.0, "园区": 1.0})
    s, e, _ = span.best(q, share)
    assert "七成" in share[s:e]
    money = "推介会现场签约项目11个，协议投资金额21亿元，涉及新能源和文化旅游等领域。"
    q = analyse("推介会签了多少钱的项目？", {"推介会": 2.0, "项目": 1.0})
    s, e, _ = span.best(q, money)
    assert "21亿元" in money[s:e]


def test_of_two_like_changes_the_one_beside_the_asked_comparison_is_the_answer():
    """下降 occurs twice; the question compares with 上季度, which stands in the second clause."""
    text = "该县二季度茶叶出口额较去年同期下降12.5%，较上季度下降3.4%。"
    q = analyse("茶叶出口额与上季度相比下降了多少？", {"茶叶": 2.0, "出口额": 2.0, "上季度": 2.0, "下降": 1.0})
    s, e, _ = span.best(q, text)
    assert text[s:e] == "3.4%"


def test_a_number_the_tagger_cut_at_its_point_comma_or_dash_is_one_numeral():
    """LAC returns 31|.|2% for some contexts; a span built from its pieces would answer 2%."""
    from wenjin.rag.tagger import Word, _joined_numerals

    def words(*pieces):
        out, pos = [], 0
        for text, label in pieces:
            out.append(Word(text, label, pos, pos + len(text)))
            pos += len(text)
        return out

    joined = _joined_numerals(words(("下降", "v"), ("31", "m"), (".", "w"), ("2%", "m")))
    assert [(w.text, w.start, w.end) for w in joined] == [("下降", 0, 2), ("31.2%", 2, 7)]
    assert [w.text for w in _joined_numerals(words(("1", "m"), (",", "w"), ("326亿元", "m")))] == ["1,326亿元"]
    assert [w.text for w in _joined_numerals(words(("3", "m"), ("-", "w"), ("5元", "m")))] == ["3-5元"]
    # a list of numbers stays a list: 1,2 is no thousands comma
    assert [w.text for w in _joined_numerals(words(("1", "m"), (",", "w"), ("2", "m")))] == ["1", ",", "2"]



def test_the_side_of_the_question_matched_in_full_frames_the_gap():
    """Of the words before 多少头, only 养殖 recurs, far from 林麝 at the end; 林麝 after it is matched
    whole, so the gap is the words right before it, which hold the count."""
    text = "林麝养殖项目依托省内龙头企业川西麝业公司的先进养殖经验及销售渠道，拟利用3年时间，建设占地200亩、养殖规模达到1500头的林麝养殖场。"
    lo, hi = span.gap(text, ("林麝养殖项目计划养殖", "林麝"))
    assert text[hi:].startswith("林麝养殖场") and "1500头" in text[lo:hi]


def test_an_outlet_and_a_dateline_are_no_answer_even_without_reporters():
    """某某网7月31日讯, glued after a headline, names an outlet and a date but answers 谁 for nobody;
    the person who led the trip stands after it. A date asked may still be the dateline's."""
    text = "赴沿海考察纺织企业协会某某新闻网7月31日讯近日，省商务厅副厅长王明远带领招商小分队赴沿海考察纺织企业。"
    who = analyse("省商务厅赴沿海考察由谁带领？", {"考察": 2.0, "沿海": 2.0, "带领": 1.0})
    assert all(a > text.index("讯") for a, _, _ in span.spans(who, text))
    s, e, _ = span.best(who, text)
    assert "王明远" in text[slice(*span.clause(text, s, e))]
    named = "某某社某港7月28日电 (王明远李清)援外医疗船28日上午抵达某港，将停留7天。"  # reporters named bare
    stay = analyse("援外医疗船在某港停留多少天？", {"医疗船": 2.0, "停留": 2.0})
    assert all(a >= named.index(")") + 1 for a, _, _ in span.spans(stay, named))
    when = analyse("省商务厅是哪天赴沿海考察的？", {"考察": 2.0, "沿海": 2.0})
    assert any(text[a:b].startswith("7月31日") for a, b, _ in span.spans(when, text))


def test_a_gap_framed_for_a_name_that_ends_in_a_verb_offers_no_answer():
    """某县与哪所高校合作: the sentence's 高校资源 closes a frame around 通过招商引资引入, a clause and no name;
    the college named in the next clause is the answer."""
    text = "石渠县通过招商引资引入高校资源，与西南民族大学达成战略合作，共同组建牦牛产业研究院。"
    q = analyse("石渠县与哪所高校合作共建牦牛产业研究院？", {"石渠县": 2.0, "高校": 1.0, "合作": 1.0, "牦牛产业研究院": 2.0})
    assert "石渠县通过招商引资引入" not in {text[s:e] for s, e, _ in span.spans(q, text)}
    s, e, _ = span.best(q, text)
    assert "西南民族大学" in text[slice(*span.clause(text, s, e))]


def test_a_reason_is_the_clause_its_marker_opens():
    """为什么 is answered by the clause of 为提升… or 由于…, not by the names of the clause after it."""
    purpose = "为降低中小企业物流成本，两市还联合发布了《区域物流协同清单》，涵盖运输和仓储服务。"
    q = analyse("两市为什么联合发布物流清单？", {"两市": 1.0, "联合": 1.0, "物流": 2.0, "清单": 2.0})
    s, e, _ = span.marked(q, purpose)
    assert purpose[slice(*span.clause(purpose, s, e))] == "为降低中小企业物流成本"
    cause = "受台风影响，由于航道封闭，港口昨日暂停装卸作业。"
    q = analyse("港口昨天为什么停止装卸？", {"港口": 1.0, "装卸": 2.0})
    s, e, _ = span.marked(q, cause)
    assert cause[slice(*span.clause(cause, s, e))] == "由于航道封闭"
    assert span.marked(analyse("港口有几个泊位？", {}), cause) is None


def test_which_year_is_answered_by_a_dated_year_not_a_whole_year():
    text = "2016年，该县获评全国电商示范县，全年网络零售额突破5亿元。"
    q = analyse("该县是哪一年获评电商示范县的？", {"电商": 2.0, "示范县": 3.0, "获评": 1.0})
    s, e, _ = span.best(q, text)
    assert text[s:e] == "2016年"
