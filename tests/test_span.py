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
