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
