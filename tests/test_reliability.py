"""Faults and hostile input: a second writer, links out of the folder, kill -9 mid-ingest, fuzzed text."""

import json
import random
import re
import shutil
import itertools
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from wenjin.index import store
from wenjin.index.clean import clean_text
from wenjin.index.errors import IndexBusy
from wenjin.index.ingest import ingest
from wenjin.index.split import make_splitter, split
from llama_index.core import Document
from wenjin.rag.verify import check, claims

from conftest import SAMPLES


def test_a_second_ingest_is_refused_while_one_holds_the_index(sample_copy):
    before = store.current_version(sample_copy)
    with store.writer_lock(sample_copy):
        with pytest.raises(IndexBusy, match="正在被另一个 wenjin ingest 更新"):
            ingest([SAMPLES], sample_copy, progress=False)
    assert store.current_version(sample_copy) == before
    ingest([SAMPLES], sample_copy, progress=False)  # the lock is gone with its holder


def test_a_symlink_leaving_the_folder_is_rejected_and_the_rest_indexed(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("内部口令：这段文字不应被索引，也不应出现在任何回答中。", "utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text("德格县签约\n德格县与武侯区签约共建产业园，首批项目8个。", "utf-8")
    (folder / "link.txt").symlink_to(secret)
    (folder / "inner.txt").symlink_to(folder / "ok.txt")  # a link inside the folder is fine
    (folder / "up").symlink_to(tmp_path, target_is_directory=True)  # a folder link is named, not followed
    (folder / "bad.jsonl").write_text("{broken\n", "utf-8")
    report = ingest([folder], tmp_path / "ix", progress=False)
    assert ("link.txt", "符号链接指向导入目录之外，已跳过") in report.rejected
    assert any(source == "up" and "目录" in why for source, why in report.rejected)
    assert "bad.jsonl" not in report.added and sorted(report.added) == ["inner.txt", "ok.txt"]
    texts = " ".join(d["text"] for d in store.load(tmp_path / "ix").docs.values())
    assert "内部口令" not in texts and "首批项目8个" in texts


def consistent(root) -> None:
    """FAISS, BM25, the chunk store, the BM25 words and the manifest agree."""
    ix = store.load(root)
    tokens = (ix.path / "tokens.jsonl").read_text("utf-8").splitlines()
    n = ix.manifest["counts"]["chunks"]
    assert ix.faiss.ntotal == len(ix.chunks) == len(tokens) == ix.bm25.scores["num_docs"] == n
    assert all(c.metadata["doc_id"] in ix.docs for c in ix.chunks)


@pytest.mark.slow
def test_kill_9_at_random_moments_never_breaks_the_index(sample_index, tmp_path):
    """20 ingests killed at random moments; after each the index loads whole; the next run recovers."""
    root = tmp_path / "index"
    shutil.copytree(sample_index, root, symlinks=True)
    folder = tmp_path / "articles"
    shutil.copytree(SAMPLES, folder)
    rng = random.Random(20261123)
    code = ("import sys; from pathlib import Path; from index.ingest import ingest; "
            "ingest([Path(sys.argv[1])], Path(sys.argv[2]), progress=False)")
    for run in range(20):
        # change a file each time, so every run has real work to do (and to be killed in)
        (folder / "dege_assistance.txt").write_text(
            (SAMPLES / "dege_assistance.txt").read_text("utf-8") + f"\n补记第{run}条：项目进展顺利。", "utf-8")
        proc = subprocess.Popen([sys.executable, "-c", code, str(folder), str(root)])
        time.sleep(rng.uniform(0.2, 4.0))
        proc.kill()
        proc.wait()
        consistent(root)
    ingest([folder], root, progress=False)
    consistent(root)
    assert not list((root / "versions").glob("tmp-*"))
    assert "补记第19条" in " ".join(d["text"] for d in store.load(root).docs.values())


text = st.text(alphabet=st.sampled_from(list("德格县产业园签约项目投资亿元，。！？；、 \n\t()（）[]【】|·-—…") +
                                       list("產業園(chǎn)(yè)é¦–æ‰¹?\ufffd锟斤拷0123456789.%abcXYZǎ¦Ã©â€™") + ["\u3000", "\r"]),
               max_size=400)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text)
def test_cleaning_never_fails_and_is_idempotent(raw):
    once = clean_text(raw)
    assert clean_text(once) == once


@settings(max_examples=200, deadline=None)
@given(text, st.integers(20, 120), st.integers(0, 19))
@example(raw='?【¹©】(元ǎ格9¦县8h65–·¹格c™)8德县斤業)\t[园業投\u3000(、5X\tnǎh¦©(格Ã 签8n8éaÃ，]\n-业拷，|8|(产\r产園è4業园\râZ】™项业-\u3000園?5¹™Y园[【æ[™園！(、投县%、?2斤€%Y；4亿h格¦元âX！]）¦·约)è【3–68‰?ǎ[锟)·6！园2德¦(46目 [德德)斤\n项、©ǎ–园斤\u3000投)。.�y…4目6资\r€）约拷】元？產8園\n县？锟¹)亿约7)?Y资投签?|產产c|(05|¦業园(Ã项Y。?目n', size=28, overlap=18)  # the splitter's next chunk started where its prefix did
def test_splitting_loses_no_character_and_spans_are_exact(raw, size, overlap):
    doc_text = clean_text(raw)
    if not doc_text:
        return
    doc = Document(id_="d", text=doc_text, metadata={"source": "f", "doc_id": "d"})
    chunks = split(doc, make_splitter(size, overlap))
    covered = set()
    for c in chunks:
        start, end = c.metadata["start"], c.metadata["end"]
        assert doc_text[start:end] == c.text
        covered.update(range(start, end))
    assert all(i in covered or doc_text[i].isspace() for i in range(len(doc_text)))


ANSWER_PIECES = list("甲乙项目投资3.5亿元，。；[]1234567890\n 另据《》：共找到项") + ["[1]", "[2]", "[99]", "[3]"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ANSWER_PIECES), max_size=80).map("".join))
def test_citation_parsing_never_fails_and_keeps_only_given_passages(answer):
    claims(answer)
    checked, checks = check(answer, {1: "甲项目投资3.5亿元。", 2: "乙项目在德格。"})
    assert all(n in (1, 2) for c in checks for n in c.cited)
    assert not re.search(r"\[(?!1\]|2\])\d+\]", checked)  # no marker to a passage that was not given


def test_bad_and_odd_files_are_indexed_or_rejected_with_a_reason(tmp_path):
    """One folder holding every kind of awkward file; the run finishes and says what happened to each."""
    folder = tmp_path / "in"
    folder.mkdir()
    good = "德格县签约\n德格县与武侯区签约共建产业园，首批项目8个，总投资18.6亿元。"
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    with (folder / "huge.txt").open("wb") as f:
        f.truncate(100 * 2**20)  # 100 MB (sparse): refused by size before anything is read
    (folder / "long_line.txt").write_text("甘孜州与成都市签约共建飞地园区，首批入驻企业12家。" * 40000, "utf-8")
    (folder / "truncated.txt").write_bytes(("雅安市签约\n雅安市与天全县签约共建茶叶加工园区，投资3亿元。").encode()[:-2])
    (folder / "gbk.txt").write_bytes("阿坝州签约\n阿坝州与汶川县签约共建水电站配套园区，投资6亿元。".encode("gbk"))
    (folder / "big5.txt").write_bytes("臺灣廠商簽約\n臺灣電子廠商與成都市簽約共建研發中心，投資五億元。".encode("big5"))
    (folder / "deep.html").write_text("<html><body>" + "<div>" * 20000 + "<p>" + good + "</p>" + "</div>" * 20000
                                      + "</body></html>", "utf-8")
    (folder / "script_only.html").write_text("<html><script>var a = '德格县';</script></html>", "utf-8")
    (folder / "corrupt.docx").write_bytes(b"PK\x03\x04 broken")
    (folder / "名 字 (1) [草稿]#1.txt").write_text(good.replace("8个", "9个"), "utf-8")
    (folder / "quote'and\"dq🙂.md").write_text(good.replace("8个", "10个"), "utf-8")
    report = ingest([folder], tmp_path / "ix", progress=False)
    rejected = dict(report.rejected)
    assert "空文件" in rejected["empty.txt"] and "二进制" in rejected["binary.txt"]
    assert "过大" in rejected["huge.txt"] and "正文" in rejected["script_only.html"]
    assert "损坏" in rejected["corrupt.docx"]
    ix = store.load(tmp_path / "ix")
    sources = {d["metadata"]["source"] for d in ix.docs.values()}
    assert {"long_line.txt", "truncated.txt", "gbk.txt", "big5.txt", "名 字 (1) [草稿]#1.txt",
            "quote'and\"dq🙂.md"} <= sources
    assert "deep.html" in sources or "deep.html" in rejected  # parsed or refused, never a crash
    text = " ".join(d["text"] for d in ix.docs.values())
    assert "投资3亿" in text and "台湾电子厂商" in text and "投资6亿元" in text
    consistent(tmp_path / "ix")


@pytest.mark.slow
def test_any_file_name_is_indexed_under_a_printable_name(tmp_path):
    """A name that is not UTF-8 once stopped the whole folder with a codec error; control and
    right-to-left characters reached the terminal. Now each is indexed under a printable name, the
    same on the next run, and the summary shows no control character."""
    import os

    from click.testing import CliRunner

    from wenjin.ui.cli import cli

    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(SAMPLES / "dege_assistance.txt", folder)
    article = "甘孜州冷水鱼养殖基地签约\n2024年5月1日，甘孜州冷水鱼养殖基地签约投资1.1亿元。"
    (folder / os.fsdecode(b"bad\xff\xfe.txt")).write_text(article, "utf-8")
    (folder / "ctrl\x07\u202etxt.md").write_text(article.replace("冷水鱼", "牦牛"), "utf-8")
    root = tmp_path / "index"
    report = ingest([folder], root, progress=False)
    assert len(report.added) == 3 and not report.rejected
    names = {d["metadata"]["source"] for d in store.load(root).docs.values()}
    assert names == {"dege_assistance.txt", "bad\\xff\\xfe.txt", "ctrl\\u0007\\u202etxt.md"}
    again = CliRunner().invoke(cli, ["ingest", str(folder), "--index", str(root), "--quiet"])
    assert again.exit_code == 0 and "新增 0，更新 0，未变 3" in again.output
    assert not re.search(r"[\x00-\x08\x0b-\x1f\u202a-\u202e]", again.output)


def test_one_deeply_nested_jsonl_line_loses_only_itself(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    good = json.dumps({"id": "a", "title": "冷水鱼基地签约", "text": "2024年5月1日，甘孜州冷水鱼养殖基地签约投资1.1亿元。"},
                      ensure_ascii=False)
    (folder / "batch.jsonl").write_text(good + "\n" + "[" * 100_000 + "\n" + good.replace('"a"', '"b"') + "\n", "utf-8")
    report = ingest([folder], tmp_path / "index", progress=False)
    assert [s for s, _ in report.rejected] == ["batch.jsonl:2"] and "嵌套过深" in report.rejected[0][1]
    assert report.documents == 2


def test_links_pipes_and_loops_are_each_named_with_a_reason(tmp_path, capfd):
    import os

    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(SAMPLES / "dege_assistance.txt", folder)
    os.mkfifo(folder / "pipe.txt")
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "loop_a.txt").symlink_to(folder / "loop_b.txt")
    (folder / "loop_b.txt").symlink_to(folder / "loop_a.txt")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\n")  # no EOF marker
    report = ingest([folder], tmp_path / "index", progress=False)
    why = dict(report.rejected)
    assert "管道" in why["pipe.txt"] and "不存在" in why["dangling.txt"]
    assert why.keys() >= {"loop_a.txt", "loop_b.txt", "broken.pdf"} and report.documents == 1
    assert "EOF marker" not in capfd.readouterr().err  # pypdf's own complaint stays out of the terminal


def test_the_terminal_gets_no_control_or_bidi_character_from_a_document(tmp_path):
    from click.testing import CliRunner

    from wenjin.ui.cli import cli

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "fish.txt").write_text("冷水鱼基地签约\n2024年5月1日，甘孜州冷水鱼养殖基地\x07\x08签约，"
                                     "投资\u202e1.1亿元\u202c，年产冷水鱼800吨。", "utf-8")
    ingest([folder], tmp_path / "index", progress=False)
    r = CliRunner().invoke(cli, ["ask", "甘孜州冷水鱼养殖基地投资多少", "--index", str(tmp_path / "index")])
    assert r.exit_code == 0 and "亿元" in r.output
    assert not re.search(r"[\x00-\x08\x0b-\x1f\u202a-\u202e\u2066-\u2069]", r.output), repr(r.output)


def test_a_docx_that_unpacks_to_far_more_is_rejected_at_once(tmp_path, monkeypatch):
    """A small .docx whose document.xml unpacks to many times its size (here 40 MB from a few
    hundred KB, against a limit set to 10 MB) is rejected by its declared sizes, before unpacking."""
    import zipfile

    monkeypatch.setenv("WENJIN_MAX_EXPANDED_MB", "10")
    folder = tmp_path / "articles"
    folder.mkdir()
    paragraph = "<w:p><w:r><w:t>甘孜</w:t></w:r></w:p>"
    body = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            'wordprocessingml/2006/main"><w:body>' + paragraph * (40 * 2**20 // len(paragraph)) + "</w:body></w:document>")
    with zipfile.ZipFile(folder / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", body)
    shutil.copy(SAMPLES / "dege_assistance.txt", folder)
    assert (folder / "bomb.docx").stat().st_size < 2 * 2**20
    report = ingest([folder], tmp_path / "index", progress=False)
    why = dict(report.rejected)["bomb.docx"]
    assert "解压后有 4" in why and "10 MB" in why and "WENJIN_MAX_EXPANDED_MB" in why and report.documents == 1


def test_fifty_thousand_tiny_files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(50_000):
        (folder / f"{i:05d}.txt").write_text("好", "utf-8")
    (folder / "ok.txt").write_text("德格县签约\n德格县与武侯区签约共建产业园，首批项目8个。", "utf-8")
    report = ingest([folder], tmp_path / "ix", progress=False)
    assert report.documents == 1 and len(report.rejected) == 50_000
    assert all("没有正文" in why for _, why in report.rejected)


def rss_mb(pid: int) -> float:
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


@pytest.mark.slow
def test_soak_clients_keep_getting_answers_while_ingests_run(sample_copy, tmp_path):
    """4 clients keep asking while 3 ingests replace the index under the server: no errors, bounded memory.

    Each client asks at least 10 questions and goes on until the ingests are done, so the count asserted
    is not a throughput figure that a loaded machine could miss."""
    import threading

    import httpx

    from server import start, stop

    folder = tmp_path / "articles"
    shutil.copytree(SAMPLES, folder)
    proc, base = start(sample_copy, WENJIN_WEB="false")
    questions = ["德格帮扶项目有哪些", "锡会产业园累计引进了多少家企业?", "香港代表团在成都签署了几项合作协议?"]
    errors, answered, ingests_done = [], [0], threading.Event()

    def client(k: int) -> None:
        with httpx.Client(timeout=60) as http:
            for asked in itertools.count():
                if asked >= 10 and ingests_done.is_set():
                    break
                try:
                    r = http.post(f"{base}/api/ask", json={"question": questions[k % 3]})
                    if r.status_code != 200 or not r.json()["citations"]:
                        errors.append((r.status_code, r.text[:200]))
                    answered[0] += 1
                except httpx.HTTPError as e:
                    errors.append(repr(e))

    try:
        httpx.post(f"{base}/api/ask", json={"question": questions[0]}, timeout=60)
        before = rss_mb(proc.pid)
        threads = [threading.Thread(target=client, args=(k,), daemon=True) for k in range(4)]
        for t in threads:
            t.start()
        for run in range(3):
            (folder / "wuxi_park.md").write_text((SAMPLES / "wuxi_park.md").read_text("utf-8") + f"\n补记{run}。", "utf-8")
            ingest([folder], sample_copy, progress=False)
            time.sleep(3)
        ingests_done.set()
        for t in threads:
            t.join()
        growth = rss_mb(proc.pid) - before
    finally:
        ingests_done.set()
        stop(proc)
    assert errors == [] and answered[0] >= 40
    assert growth < 400, f"server memory grew by {growth:.0f} MB"
    print(f"soak: {answered[0]} answers, 0 errors, RSS growth {growth:.0f} MB")
