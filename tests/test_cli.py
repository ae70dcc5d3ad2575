"""The `wenjin` command, in process (click's runner) and once as a real subprocess."""

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from wenjin.ui.cli import cli

from conftest import SAMPLES


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_ask_json_has_the_contract_keys(sample_index):
    r = run("ask", "德格帮扶项目有哪些", "--index", str(sample_index), "--json")
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    assert d["question"] == "德格帮扶项目有哪些" and not d["refused"] and d["mode"] == "extractive"
    assert d["citations"][0]["n"] == 1 and d["citations"][0]["source"] == "dege_assistance.txt"


def test_ask_human_output_lists_numbered_sources(sample_index):
    r = run("ask", "锡会产业园累计引进了多少家企业?", "--index", str(sample_index))
    assert r.exit_code == 0
    assert "来源：" in r.output and "wuxi_park.md" in r.output
    lines = r.output.splitlines()
    heading = lines.index("来源：") + 1
    assert lines[heading].startswith("《锡会") and lines[heading + 1].startswith("  [1] “")


def test_ingest_reports_counts_and_rejections(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text((SAMPLES / "kashgar_aid.txt").read_text("utf-8"), "utf-8")
    (folder / "bad.jsonl").write_text("{oops\n", "utf-8")
    r = run("ingest", str(folder), "--index", str(tmp_path / "ix"), "--quiet")
    assert r.exit_code == 0, r.output
    # a file with nothing kept is counted among the rejections, not as added
    assert "新增 1" in r.output and "拒收 1" in r.output and "bad.jsonl:1" in r.output and "文档 1 篇" in r.output


def test_inspect_shows_documents_and_chunks(sample_index):
    r = run("inspect", "--index", str(sample_index), "--json", "--source", "dege")
    d = json.loads(r.output)
    [doc] = d["documents"]
    assert doc["date"] == "2024-04-18" and doc["chunks"][0]["start"] == 0


def test_errors_are_one_line_without_traceback(tmp_path):
    wenjin = Path(sys.executable).parent / "wenjin"  # the installed console script
    r = subprocess.run([str(wenjin), "ask", "问题", "--index", str(tmp_path / "none")],
                       capture_output=True, text=True)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert r.stderr.strip().startswith("错误：") and "wenjin ingest" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_missing_input_path_is_an_error(tmp_path):
    r = run("ingest", str(tmp_path / "missing"), "--index", str(tmp_path / "ix"))
    assert r.exit_code == 1 and "路径不存在" in r.output


def test_empty_question_is_an_error(sample_index):
    r = run("ask", "  ", "--index", str(sample_index))
    assert r.exit_code == 1 and "问题不能为空" in r.output


def test_inspect_a_source_shows_text_removals_and_chunks(sample_index):
    r = run("inspect", "--index", str(sample_index), "--source", "expo_pinyin")
    assert r.exit_code == 0, r.output
    assert "── 正文 ──" in r.output and "── 文本块 ──" in r.output
    assert "[拼音]" in r.output and "[版式]" in r.output and "ICP" in r.output  # what went, shown
    r = run("inspect", "--index", str(sample_index), "--json", "--source", "yibin_battery_reprint")
    doc = json.loads(r.output)["documents"][0]
    assert doc["also"][0]["source"] == "yibin_battery.md" and "扫一扫" in doc["original"]
    assert run("inspect", "--index", str(sample_index), "--source", "nope").exit_code == 1


def test_dry_run_prints_the_plan(sample_index, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x.txt").write_text("新文章标题\n攀枝花与攀西试验区签署钒钛产业协作协议。", "utf-8")
    r = run("ingest", str(folder), "--index", str(sample_index), "--dry-run", "--quiet")
    assert r.exit_code == 0 and "试运行" in r.output and "新增 x.txt" in r.output and "删除 dege_assistance.txt" in r.output


def test_ask_names_the_reprint_and_the_article_date(sample_index):
    r = run("ask", "宜宾三江新区锂电铜箔项目计划投资多少?", "--index", str(sample_index))
    assert r.exit_code == 0, r.output
    assert "（报道日期：2023年12月10日）" in r.output
    assert "亦见：" in r.output and "yibin_battery.md" in r.output


def test_a_real_ask_prints_nothing_but_the_answer(sample_index):
    """jieba announces its dictionary load on stderr at DEBUG; a user sees only the answer."""
    wenjin = Path(sys.executable).parent / "wenjin"
    r = subprocess.run([str(wenjin), "ask", "德格帮扶项目有哪些", "--index", str(sample_index)],
                       capture_output=True, text=True)
    assert r.returncode == 0 and "雪域牦牛乳" in r.stdout
    assert "prefix dict" not in r.stderr and "Loading model" not in r.stderr, r.stderr
