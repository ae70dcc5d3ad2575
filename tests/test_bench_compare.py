"""`wenjin bench compare` and `wenjin bench scale` end to end on tiny inputs: real models, real indexes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import SAMPLES
from wenjin.ui.cli import cli

QUESTIONS = [
    {"qid": "q1", "question": "美姑县花椒加工产业园一年能加工多少花椒？", "answers": ["5000吨"], "gold_doc_ids": ["a1"]},
    {"qid": "q2", "question": "湖州与广元签约了多少个协作项目？", "answers": ["14个"], "gold_doc_ids": ["a2"]},
    {"qid": "q3", "question": "航空发动机维修基地项目总投资多少？", "answers": ["26亿元"], "gold_doc_ids": ["a3"]},
]
CONFIGS = ["wenjin", "BM25 only", "dense only", "vanilla llama-index", "Chatchat-style"]


@pytest.mark.slow
def test_compare_runs_every_configuration_side_by_side(tmp_path):
    questions = tmp_path / "q.jsonl"
    questions.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in QUESTIONS), "utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["bench", "compare", "--corpus", str(SAMPLES / "news_batch.jsonl"),
                                       "--questions", str(questions), "--index", str(tmp_path / "idx"),
                                       "--cache", str(tmp_path / "peers.sqlite"), "--ingest-docs", "2",
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "compare.json").read_text("utf-8"))
    assert list(data["configs"]) == CONFIGS
    wenjin, vanilla = data["configs"]["wenjin"], data["configs"]["vanilla llama-index"]
    assert wenjin["hit@1"] == 1.0 and wenjin["answer_contains_gold"] == 1.0
    assert vanilla["answer_contains_gold"] is None  # peers have no answerer: only their context is scored
    assert vanilla["p50_vs_vanilla"] == 1.0 and wenjin["p50_ms"] > 0
    assert set(wenjin["stages_p50_ms"]) == {"bm25", "embed_query", "dense_search", "fuse", "answer"}
    assert data["ingest"]["raw encoder"]["vs_raw_encoder"] == 1.0
    assert 0 < data["ingest"]["wenjin"]["vs_raw_encoder"]
    assert (out / "compare.png").read_bytes()[:4] == b"\x89PNG"
    assert "| Chatchat-style |" in (out / "compare.md").read_text("utf-8")
    # the peers' vectors are cached: a second run embeds nothing new for them
    assert (tmp_path / "peers.sqlite").stat().st_size > 0


@pytest.mark.slow
def test_scale_bench_reports_recall_against_exact_search(monkeypatch, sample_index, tmp_path):
    from wenjin.evals import scale
    from wenjin.index import dense

    monkeypatch.setattr(dense, "FLAT_MAX", 1000)  # the graph index, as past 200k chunks
    questions = tmp_path / "q.jsonl"
    questions.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in QUESTIONS), "utf-8")
    table = scale.run(sample_index, questions, 5000, tmp_path / "out")
    data = json.loads((tmp_path / "out" / "scale.json").read_text("utf-8"))
    assert data["vectors"] == 5000 and data["index"].startswith("HNSW")
    assert data["recall@10"] >= 0.9 and data["baseline"]["index"].startswith("flat")
    assert data["p95_vs_baseline"] > 0 and "recall@10 vs exact" in table
    assert data["bm25"]["build_s"] > 0 and data["hybrid_p95_vs_baseline"] > 0
    assert 0.5 <= data["source_recall@10"] <= 1.0
    assert set(data["hybrid"]["stages_p50_ms"]) >= {"bm25", "embed_query", "dense_search", "fuse"}
    assert (tmp_path / "out" / "scale.png").read_bytes()[:4] == b"\x89PNG"


def test_synthetic_vectors_keep_the_real_ones_first_and_are_unit_length():
    import numpy as np

    from wenjin.evals.scale import synthesise

    real = np.eye(4, 8, dtype=np.float32)
    v, sources = synthesise(real, 50)
    assert np.array_equal(v[:4], real) and list(sources[:4]) == [0, 1, 2, 3] and sources[4:].max() < 4
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert not np.allclose(v[4], v[5])


def test_synthetic_words_copy_their_source_chunk_less_a_few():
    import numpy as np

    from wenjin.evals.scale import synthesise_words

    real = [["德格", "帮扶", "项目"] * 20, ["锡会", "产业园"] * 30]
    words = synthesise_words(real, np.array([0, 1, 0, 1, 1]))
    names = {i: w for w, i in words.vocab.items()}
    assert [names[i] for i in words.ids[0]] == real[0] and [names[i] for i in words.ids[1]] == real[1]
    assert set(words.ids[2]) <= set(words.ids[0]) and 30 <= len(words.ids[2]) < 60  # about a tenth left out
    assert set(words.ids[4]) <= set(words.ids[1]) and words.ids[3] != words.ids[4]


def test_scale_smaller_than_the_real_index_is_a_clear_error(sample_index, tmp_path):
    questions = tmp_path / "q.jsonl"
    questions.write_text(json.dumps(QUESTIONS[0], ensure_ascii=False) + "\n", "utf-8")
    result = CliRunner().invoke(cli, ["bench", "scale", "--index", str(sample_index), "--size", "3",
                                      "--questions", str(questions)])
    assert result.exit_code == 1 and "小于索引" in result.output


def test_compare_names_the_bad_line_of_its_inputs(tmp_path):
    corpus, questions = tmp_path / "c.jsonl", tmp_path / "q.jsonl"
    corpus.write_text('{"id": "a", "text": "正文"}\n', "utf-8")
    questions.write_text('{"question": "问"}\n', "utf-8")
    result = CliRunner().invoke(cli, ["bench", "compare", "--corpus", str(corpus), "--questions", str(questions),
                                      "--index", str(tmp_path / "i"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1 and "q.jsonl:1: 缺少 answers、gold_doc_ids" in result.output

    from wenjin.evals.peers import load_corpus

    corpus.write_text('{"id": "a", "text": "正文"}\n{"title": "无正文"}\n', "utf-8")
    with pytest.raises(ValueError, match="c.jsonl:2: 缺少 id 或 text"):
        load_corpus(corpus)
