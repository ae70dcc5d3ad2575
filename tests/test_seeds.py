"""The user's real articles (../shared/corpus/seeds), when this checkout has them."""

import pytest

from conftest import SEEDS

pytestmark = [pytest.mark.seeds, pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds not present")]


@pytest.fixture(scope="module")
def seed_engine(tmp_path_factory):
    from wenjin.index.ingest import ingest
    from wenjin.rag.engine import Engine
    from wenjin.rag.settings import Settings

    root = tmp_path_factory.mktemp("seeds") / "index"
    ingest([SEEDS], root, progress=False)
    return Engine(Settings(index=root))


def test_dege_projects_are_listed_from_the_dege_article(seed_engine):
    a = seed_engine.ask("德格帮扶项目有哪些")
    for part in ["光伏及配套储能", "智游德格", "马麝养殖", "中药材品种收购", "熊猫专列", "文旅行业大模型", "3D打印"]:
        assert part in a.text.replace(" ", ""), part
    assert {c.source for c in a.citations} == {"004_37f854685ce8a0f4.txt"}


def test_listing_page_is_split_into_its_articles(seed_engine):
    docs = [d["metadata"] for d in seed_engine.index.docs.values() if d["metadata"]["source"].startswith("001_")]
    assert len(docs) >= 9
    assert all(d["date"] == "2025-08-15" and d["title"] for d in docs)
    assert len({d["title"] for d in docs}) == len(docs)


def test_nearly_every_document_has_a_date(seed_engine):
    docs = list(seed_engine.index.docs.values())
    assert sum(bool(d["metadata"]["date"]) for d in docs) >= 0.9 * len(docs)


def test_no_chunk_holds_pinyin_garble_or_page_furniture(seed_engine):
    import re

    for c in seed_engine.index.chunks:
        t = c.text
        assert not re.search(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔù]{1,6}[)）]", t), t[:80]
        assert "?偭" not in t and "？偭" not in t and "\ufffd" not in t
        for furniture in ("ICP", "本平台仅提供信息存储服务", "Notice", "友情链接", "上一篇", "下一篇",
                          "发表回复", "![", "|永登县", "永登县|", "(主办方供图)"):
            assert furniture not in t, (furniture, c.metadata["source"])
        assert not re.search(r"(?m)^([A-Za-z]{3,})\1$", t), t[-80:]  # an author box: a handle printed twice


def test_traditional_articles_read_simplified_and_keep_their_original(seed_engine):
    from wenjin.index import store

    doc = next(d for d in seed_engine.index.docs.values() if d["metadata"]["source"].startswith("002_"))
    assert "中国产业名片" in doc["text"] and "產業" not in doc["text"]
    original = store.originals(seed_engine.index.path.parent.parent)[doc["metadata"]["doc_id"]]
    assert "產(chǎn)業(yè)" in original["original"]
    assert ("拼音", "(chǎn)") in [tuple(r) for r in original["removed"]]


def test_other_seed_articles_answer_and_cite_their_own_file(seed_engine):
    cases = {
        "中国产业地理盛典在哪里举办": ("002_", "东莞"),
        "川渝共建先进装备制造产业集群推介会在哪里举行": ("003_", "德阳"),
        "巴中市实际到位外资多少": ("001_", "2476万美元"),
        "北京援建德阳什邡是哪一年": ("000_", "2008"),
    }
    for q, (prefix, fact) in cases.items():
        a = seed_engine.ask(q)
        assert fact in a.text, (q, a.text)
        assert a.citations[0].source.startswith(prefix), q


def test_each_part_of_a_two_part_question_shows_its_own_clause(seed_engine):
    """Both facts stand in one long sentence: the second part's quote shows the clause holding its count,
    not the sentence's start again."""
    a = seed_engine.ask("马麝养殖项目靠的是哪家龙头企业，计划养多少头？")
    first = a.text.split("\n")[0].replace(" ", "")
    assert "逢春麝业" in first and "2000头" in first, a.text


def test_pinyin_and_boilerplate_do_not_reach_the_index(seed_engine):
    text = "\n".join(d["text"] for d in seed_engine.index.docs.values())
    assert "(chǎn)" not in text and "產" not in text
    assert "ICP备" not in text and "本平台仅提供信息存储服务" not in text and "永登县|" not in text


def test_a_question_the_seeds_cannot_answer_is_refused(seed_engine):
    assert seed_engine.ask("理塘县的光伏电站装机容量是多少").refused


def test_a_fact_the_seeds_hold_of_a_neighbour_is_not_given_for_the_one_asked(seed_engine):
    """Each question names something the articles speak of and asks a fact they state only of another
    project, phase, edition or place, or not at all: the gate's rules of kind refuse them."""
    for q in ["马麝养殖项目预计年销售收入多少", "谁担任高德产业园管委会主任", "高德产业园首批项目的二期投资额是多少",
              "中国产业地理盛典2024在哪个城市举办", "星际荣耀落户什邡投资了多少钱"]:
        assert seed_engine.ask(q).refused, q
    assert "2000头" in seed_engine.ask("马麝养殖项目计划养殖多少头马麝").text.split("\n")[0]
