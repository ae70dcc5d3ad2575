"""A long ingest publishes BM25 first; a killed embedding resumes without redoing finished chunks."""


import pytest
from click.testing import CliRunner

from wenjin.index import ingest as ingest_module
from wenjin.index import store
from wenjin.index.ingest import IngestSettings, ingest
from wenjin.rag.engine import Engine
from wenjin.rag.settings import Settings
from wenjin.ui.cli import cli

from conftest import SAMPLES


class Killed(Exception):
    pass


def dies_after(batches: int):
    """An embed_cached that embeds `batches` batches of 32 (committing them), then dies like kill -9 would."""
    real = ingest_module.embed_cached

    def embed(embedder, texts, cache, progress=lambda n: None):
        class Dying:
            name, dim = embedder.name, embedder.dim
            calls = 0

            def passages(self, batch):
                if Dying.calls >= batches:
                    raise Killed()
                Dying.calls += 1
                return embedder.passages(batch)

        return real(Dying(), texts, cache, progress)
    return embed


def test_bm25_is_published_before_embedding_and_the_rest_resumes(tmp_path, monkeypatch):
    root = tmp_path / "ix"
    monkeypatch.setattr(ingest_module, "embed_cached", dies_after(1))
    with pytest.raises(Killed):
        # small chunks, so the samples make several batches of 32 and the kill comes mid-way
        ingest([SAMPLES], root, IngestSettings(chunk_chars=200, overlap_chars=40, lexical_first_after=10),
               progress=False)
    ix = store.load(root)  # the BM25-first version is live
    pending = ix.manifest["dense"]["pending"]
    assert not ix.manifest["dense"]["ready"] and pending == ix.manifest["counts"]["chunks"]
    engine = Engine(Settings(index=root))
    assert engine.legs == ["bm25"]
    a = engine.ask("德格帮扶项目有哪些")
    assert not a.refused and a.citations[0].source == "dege_assistance.txt" and "关键词检索" in a.notice

    monkeypatch.undo()
    r = CliRunner().invoke(cli, ["ingest", "--resume", "--index", str(root), "--quiet",
                                 "--chunk-chars", "200", "--overlap-chars", "40"])
    assert r.exit_code == 0, r.output
    ix = store.load(root)
    assert ix.manifest["dense"] == {"ready": True, "pending": 0}
    assert f"新嵌入 {pending - 32}" in r.output  # the batch finished before the kill came from the cache
    engine = Engine(Settings(index=root))
    assert engine.legs == ["bm25", "dense"] and not engine.ask("德格帮扶项目有哪些").notice


def test_small_ingests_do_not_publish_twice(tmp_path):
    report = ingest([SAMPLES / "dege_assistance.txt"], tmp_path / "ix", progress=False)
    assert report.lexical_version == "" and store.read_manifest(tmp_path / "ix")["dense"]["ready"]


def test_resume_without_a_previous_ingest_says_what_to_do(tmp_path):
    r = CliRunner().invoke(cli, ["ingest", "--resume", "--index", str(tmp_path / "none")])
    assert r.exit_code == 1 and "请写明要导入的文件夹" in r.output


def test_a_first_big_ingest_answers_from_bm25_before_reprints_and_names_are_worked_out(tmp_path, monkeypatch):
    """Killed while folding in reprints (the first step after reading): BM25 is already live."""
    root = tmp_path / "ix"

    def killed(*args, **kwargs):
        raise Killed()

    monkeypatch.setattr(ingest_module, "find_duplicates", killed)
    with pytest.raises(Killed):
        ingest([SAMPLES], root, IngestSettings(lexical_first_after=10), progress=False)
    ix = store.load(root)
    assert ix.manifest["counts"]["terms"] == 0 and ix.manifest["dense"]["pending"] == ix.manifest["counts"]["chunks"]
    a = Engine(Settings(index=root)).ask("德格帮扶项目有哪些")
    assert not a.refused and a.citations[0].source == "dege_assistance.txt"

    monkeypatch.undo()
    report = ingest([SAMPLES], root, progress=False)  # the next run folds reprints in and embeds
    ix = store.load(root)
    assert ix.manifest["dense"]["ready"] and ix.manifest["counts"]["duplicates"] >= 1 and report.terms > 0
