"""`wenjin eval`: gold formats, reports, comparisons and thresholds, on the real sample index."""

import json

import pytest
from click.testing import CliRunner

from wenjin.evals.gold import GoldError, load_gold
from wenjin.ui.cli import cli

from conftest import GOLD, SHARED_CRUD


def run(*args):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module")
def report(sample_index, tmp_path_factory):
    out = tmp_path_factory.mktemp("eval")
    r = run("eval", str(GOLD), "--index", str(sample_index), "--out", str(out), "--quiet",
            "--compare", "bm25:mode=bm25", "--compare", "k2:top_k=2", "--min", "hit@5=0.9")
    assert r.exit_code == 0, r.output
    return out, r.output


def test_reports_are_written_with_every_metric(report):
    out, printed = report
    summary = json.loads((out / "metrics.json").read_text("utf-8"))
    assert [c["config"] for c in summary["configs"]] == ["default", "bm25", "k2"]
    metrics = summary["configs"][0]["metrics"]
    for key in ("hit@1", "hit@5", "recall@10", "mrr@10", "ndcg@10", "fact_recall", "first_line", "char_f1", "rouge_l",
                "answer_chars_median", "citation_correct", "citation_precision", "citation_recall",
                "refusal_precision", "refusal_recall", "retrieve_p50_ms", "answer_p95_ms", "total_p95_ms"):
        assert metrics[key] is not None, key
    assert 10 < metrics["answer_chars_median"] < 200 and 0 < metrics["first_line"] <= metrics["answer_correct"] + 0.2
    assert set(summary["configs"][0]["by_kind"]) == {"factoid", "numeric", "list", "multi", "unanswerable"}
    assert set(summary["configs"][0]["by_tag"]) == {"same_entity_other_fact", "same_fact_other_entity",
                                                     "out_of_domain", "future_or_hypothetical"}
    assert len(summary["configs"][0]["hit_curve"]) == 10
    assert summary["configs"][2]["top_k"] == 2 and summary["configs"][1]["retrieval"]["mode"] == "bm25"
    assert "| default |" in printed and "report.html" in printed
    lines = (out / "questions-default.jsonl").read_text("utf-8").splitlines()
    assert len(lines) == len(load_gold(GOLD))


def test_html_report_is_self_contained_with_plots_and_failures(report):
    out, _ = report
    page = (out / "report.html").read_text("utf-8")
    assert page.count("data:image/png;base64,") == 4  # kinds, hit@k, latency, the refusal threshold curve
    assert "http://" not in page and "https://" not in page and "<script" not in page
    assert "Questions to look at" in page and "refusals by tag" in page
    md = (out / "report.md").read_text("utf-8")
    assert "## default: by question kind" in md and "| numeric |" in md


def test_a_missed_threshold_exits_non_zero_and_says_which(sample_index, tmp_path):
    r = run("eval", str(GOLD), "--index", str(sample_index), "--out", str(tmp_path), "--quiet", "--limit", "5",
            "--min", "hit@5=1.01", "--max", "false_refusals=0.5")
    assert r.exit_code == 1 and "hit@5" in r.output and "false_refusals" not in r.output.split("未达标")[-1]
    r = run("eval", str(GOLD), "--index", str(sample_index), "--out", str(tmp_path), "--quiet", "--limit", "2",
            "--min", "hitt@5=0.9")
    assert r.exit_code == 1 and "没有这个指标" in r.output and "hit@5" in r.output


def test_a_question_that_fails_is_scored_wrong_and_named_and_the_run_finishes(sample_index, tmp_path, monkeypatch):
    # a fault injected into one question (a bug in the engine, as a KeyError once was): the other
    # questions are still asked and reported, and the faulty one is named with its error
    from wenjin.rag.engine import Engine

    first = load_gold(GOLD)[0]
    ask = Engine.ask

    def faulty(self, question, *args, **kwargs):
        if question == first.question:
            raise KeyError("某个名称")
        return ask(self, question, *args, **kwargs)

    monkeypatch.setattr(Engine, "ask", faulty)
    r = run("eval", str(GOLD), "--index", str(sample_index), "--out", str(tmp_path), "--quiet", "--limit", "3")
    assert r.exit_code == 1 and first.id in r.output and "KeyError" in r.output
    records = [json.loads(line) for line in (tmp_path / "questions-default.jsonl").read_text("utf-8").splitlines()]
    assert len(records) == 3 and records[0]["error"].startswith("KeyError") and records[0]["answer"] == ""
    assert all("error" not in rec and rec["answer"] for rec in records[1:])


def test_without_gold_turns_every_question_unanswerable(sample_index, tmp_path):
    """Each question is asked with its gold documents hidden from retrieval: what it then answers, it
    answers from elsewhere or wrongly, and refusals are measured on questions that were answerable."""
    r = run("eval", str(GOLD), "--index", str(sample_index), "--out", str(tmp_path), "--quiet", "--without-gold")
    assert r.exit_code == 0, r.output
    summary = json.loads((tmp_path / "metrics.json").read_text("utf-8"))["configs"][0]
    records = [json.loads(line) for line in (tmp_path / "questions-default.jsonl").read_text("utf-8").splitlines()]
    answerable = [i for i in load_gold(GOLD) if i.gold_sources]
    assert len(records) == len(answerable) and {r["kind"] for r in records} == {"unanswerable"}
    for rec in records:
        gold = next(i for i in answerable if i.id == rec["id"])
        assert rec["excluded"] == gold.gold_sources
        assert not any(c["source"].split("#")[0] in gold.gold_sources or c["source"] in gold.gold_sources
                       for c in rec["citations"])  # nothing is cited from a hidden document
    assert summary["metrics"]["refusal_recall"] is not None


def test_halves_split_by_article_and_cover_the_set(tmp_path):
    from wenjin.evals.gold import half

    items = load_gold(GOLD)
    one, two = half(items, 1), half(items, 2)
    assert len(one) + len(two) == len(items) and abs(len(one) - len(two)) <= 12
    key = lambda i: sorted(i.gold_sources)[0] if i.gold_sources else i.id  # noqa: E731
    assert not {key(i) for i in one} & {key(i) for i in two}


def test_bad_compare_specs_are_named(sample_index, tmp_path):
    r = run("eval", str(GOLD), "--index", str(sample_index), "--out", str(tmp_path), "--compare", "mode")
    assert r.exit_code == 1 and "键=值" in r.output
    r = run("eval", str(GOLD), "--index", str(sample_index), "--out", str(tmp_path), "--compare", "colour=red")
    assert r.exit_code == 1 and "colour" in r.output
    r = run("eval", str(GOLD), "--index", str(sample_index), "--out", str(tmp_path), "--compare", "chunk_chars=150")
    assert r.exit_code == 1 and "--corpus" in r.output


def test_csv_gold_set(sample_index, tmp_path):
    f = tmp_path / "gold.csv"
    f.write_text("question,answer\n锡会产业园累计引进了多少家企业?,27家\n理塘县的光伏电站装机容量是多少?,\n", "utf-8")
    items = load_gold(f)
    assert [i.kind for i in items] == ["factoid", "unanswerable"] and items[0].answers == ["27家"]
    r = run("eval", str(f), "--index", str(sample_index), "--out", str(tmp_path / "o"), "--quiet")
    assert r.exit_code == 0, r.output
    m = json.loads((tmp_path / "o" / "metrics.json").read_text("utf-8"))["configs"][0]["metrics"]
    assert m["answer_correct"] == 1.0 and m["refusal_recall"] == 1.0
    (tmp_path / "bad.csv").write_text("q,a\nx,y\n", "utf-8")
    with pytest.raises(GoldError, match="bad.csv:1"):
        load_gold(tmp_path / "bad.csv")


def test_crud_questions_are_read(tmp_path):
    f = tmp_path / "dev.jsonl"
    f.write_text(json.dumps({"qid": "q1", "kind": "2docs", "question": "问？", "answers": ["甲", "乙"],
                             "gold_doc_ids": ["crud-1", "crud-2"]}, ensure_ascii=False) + "\n", "utf-8")
    [item] = load_gold(f)
    assert item.kind == "multi" and item.answers == ["甲", "乙"] and item.gold_sources == ["crud-1", "crud-2"]
    if SHARED_CRUD.exists():
        assert len(load_gold(SHARED_CRUD)) == 115


@pytest.mark.parametrize("line, message", [
    ('{"id": "a", "question": "q", "kind": "factoid", "must_include": "德格"}', "字符串列表"),
    ('{"id": "a", "question": "q", "kind": "factoid"}', "must_include"),
    ('[1, 2]', "JSON 对象"),
])
def test_gold_validation_names_the_line_and_the_field(tmp_path, line, message):
    f = tmp_path / "g.jsonl"
    f.write_text('{"id": "ok", "question": "q", "kind": "unanswerable"}\n' + line + "\n", "utf-8")
    with pytest.raises(GoldError, match=f"g.jsonl:2: .*{message}"):
        load_gold(f)


def test_feedback_becomes_a_gold_set(sample_index, tmp_path):
    """The feedback file is a gold set: each question's latest 👍 answer is its reference and the
    articles it cited its gold sources; a question whose latest rating is 👎 is left out."""
    from wenjin.rag.engine import Engine
    from wenjin.rag.settings import Settings

    engine = Engine(Settings(index=str(sample_index)))
    rows = []
    for question, rating in (("德格帮扶项目有哪些", "down"), ("德格帮扶项目有哪些", "up"),
                             ("锡会产业园累计引进了多少家企业？", "up"), ("锡会产业园累计引进了多少家企业？", "down")):
        a = engine.ask(question, use_llm=False).to_dict()
        rows.append({"user": "zhang.san", "question": question, "answer": a["answer"], "rating": rating,
                     "comment": "", "citations": a["citations"]})
    feedback = tmp_path / "feedback.jsonl"
    feedback.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    items = load_gold(feedback)
    assert [i.question for i in items] == ["德格帮扶项目有哪些"]
    assert items[0].gold_sources == ["dege_assistance.txt"] and "[" not in items[0].reference
    r = run("eval", str(feedback), "--index", str(sample_index), "--out", str(tmp_path / "out"), "--quiet",
            "--min", "hit@1=1", "--min", "answer_correct=1")  # the same index answers as it was rated
    assert r.exit_code == 0, r.output
    (tmp_path / "bad.jsonl").write_text('{"question": "x", "rating": "meh"}\n', "utf-8")
    with pytest.raises(GoldError, match="bad.jsonl:1"):
        load_gold(tmp_path / "bad.jsonl")
