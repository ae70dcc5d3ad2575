from llama_index.core import Document

from wenjin.index.split import make_splitter, split

TEXT = ("成都高新区与德格县举行签约活动。双方将共建高德产业园！" * 20 + "\n"
        + "首批15个项目一期投资额超10亿元；其中光伏项目由某公司牵头。" * 15)


def chunks(size=120, overlap=20):
    return split(Document(id_="d1", text=TEXT, metadata={"source": "a.txt"}), make_splitter(size, overlap))


def test_every_chunk_span_points_at_its_text():
    for c in chunks():
        assert TEXT[c.metadata["start"]:c.metadata["end"]] == c.text
        assert c.metadata["source"] == "a.txt"


def test_chunks_respect_size_and_cover_every_character():
    cs = chunks()
    assert all(len(c.text) <= 120 for c in cs)
    covered = set()
    for c in cs:
        covered.update(range(c.metadata["start"], c.metadata["end"]))
    assert covered >= {i for i, ch in enumerate(TEXT) if not ch.isspace()}


def test_chunks_end_on_sentence_boundaries():
    assert all(c.text[-1] in "。！；" for c in chunks()[:-1])


def test_decimal_numbers_are_not_split():
    text = "总投资10.5亿元。" * 40
    cs = split(Document(id_="d", text=text, metadata={}), make_splitter(50, 0))
    assert all("10.5亿元" in c.text for c in cs)


def test_bad_overlap_is_refused_with_the_values():
    import pytest

    with pytest.raises(ValueError, match="overlap \\(300\\)"):
        make_splitter(300, 300)
