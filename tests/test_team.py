"""Serving a team, in real headless Chromium: the page framed by a host on another origin with an
embed token its backend minted, two knowledge bases a token may or may not read, offline docs."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from conftest import CHROMIUM, SAMPLES
from server import start, stop

pytestmark = pytest.mark.skipif(not CHROMIUM, reason="Debian chromium not installed (.ci/run installs it)")
TOKEN = "team-token"


class Host:
    """The host's intranet page, on its own origin (another port: another origin, the same site)."""

    def __init__(self) -> None:
        self.html = ""
        host = self

        class Page(BaseHTTPRequestHandler):
            def do_GET(self):
                body = host.html.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture(scope="module")
def host():
    h = Host()
    yield h
    h.server.shutdown()


@pytest.fixture(scope="module")
def feedback_file(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("feedback") / "feedback.jsonl"


@pytest.fixture(scope="module")
def team(sample_index, tmp_path_factory, host, feedback_file):
    """Two bases: 帮扶 (the sample articles) and 援疆 (the Kashgar article alone); the host may frame."""
    import shutil

    from wenjin.index.ingest import ingest

    folder = tmp_path_factory.mktemp("kb") / "articles"
    folder.mkdir()
    shutil.copy(SAMPLES / "kashgar_aid.txt", folder)
    ingest([folder], folder.parent / "index", progress=False)
    proc, base = start(sample_index, WENJIN_API_TOKEN=TOKEN, WENJIN_FEEDBACK_FILE=str(feedback_file),
                       WENJIN_KBS=json.dumps({"帮扶": str(sample_index), "援疆": str(folder.parent / "index")},
                                             ensure_ascii=False),
                       WENJIN_FRAME_ANCESTORS=json.dumps(["'self'", host.url]))
    yield base
    stop(proc)


def framed(browser, host, src: str):
    """The host page with wenjin in an iframe, as an intranet chat page embeds it."""
    host.html = f'<!doctype html><meta charset="utf-8"><h1>内部门户</h1><iframe id="w" src="{src}" ' \
                'style="width:1280px;height:900px;border:0"></iframe>'
    page = browser.new_page(viewport={"width": 1300, "height": 1000})
    page.goto(host.url, wait_until="load")
    return page, page.frame_locator("#w")


def session_for(team: str, user: str, kbs: list[str]) -> str:
    """What the host's backend does: mint an embed token for the signed-in user and the bases they may read."""
    token = httpx.post(f"{team}/api/embed-token", json={"user": user, "kbs": kbs},
                       headers={"Authorization": f"Bearer {TOKEN}"}).json()["token"]
    return f"{team}/session?token={token}&next=/ui/"


def ask_and_rate(frame, question: str, kb: str) -> str:
    # the selector offers the bases this session may read, once the page has loaded them
    from playwright.sync_api import expect

    expect(frame.locator("#wj-kb input")).to_have_value(kb, timeout=60_000)
    frame.locator("#wj-question textarea").fill(question, timeout=60_000)
    frame.locator("#wj-send").click()
    frame.locator("#wj-sources .wj-source").first.wait_for(timeout=60_000)
    frame.locator("#wj-comment textarea").fill("请补充开工时间")
    frame.locator("#wj-chat button[aria-label='Dislike']").last.click()
    return frame.locator("#wj-sources").inner_text()


def last_feedback(path: Path, n: int) -> dict:
    deadline = time.time() + 15
    while time.time() < deadline and (not path.exists() or len(path.read_text("utf-8").splitlines()) < n):
        time.sleep(0.2)
    return json.loads(path.read_text("utf-8").splitlines()[n - 1])


def test_the_framed_page_asks_cites_and_records_who_asked_in_which_base(team, host, browser, feedback_file):
    page, frame = framed(browser, host, session_for(team, "wang.wu", ["帮扶"]))
    shown = ask_and_rate(frame, "德格帮扶项目有哪些", "帮扶")
    assert "dege_assistance.txt" in shown
    row = last_feedback(feedback_file, 1)
    assert row["user"] == "wang.wu" and row["kb"] == "帮扶" and row["rating"] == "down"
    assert row["citations"] and {c["source"] for c in row["citations"]} == {"dege_assistance.txt"}


def test_a_token_for_one_base_reads_only_that_base_on_the_page(team, host, browser, feedback_file):
    page, frame = framed(browser, host, session_for(team, "zhao.liu", ["援疆"]))
    shown = ask_and_rate(frame, "深喀时尚产业园入驻了多少家企业", "援疆")
    assert "kashgar_aid.txt" in shown and "dege_assistance.txt" not in shown
    row = last_feedback(feedback_file, 2)
    assert row["user"] == "zhao.liu" and row["kb"] == "援疆"
    frame.get_by_role("tab", name="已导入").click()
    frame.locator("#wj-summary").get_by_text("篇文档").wait_for(timeout=20_000)
    assert frame.locator("#wj-summary").inner_text().startswith("1 篇文档")  # its own base: one article


def test_the_framed_page_without_a_token_shows_a_chinese_message_not_data(team, host, browser):
    page, frame = framed(browser, host, f"{team}/ui/")
    body = frame.locator("body")
    body.get_by_text("需要登录").wait_for(timeout=20_000)
    assert "德格" not in body.inner_text()


def test_the_api_docs_render_with_nothing_fetched_from_outside(team, browser):
    page = browser.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(team) else None)
    page.goto(f"{team}/docs", wait_until="networkidle")
    page.locator(".swagger-ui .info .title").wait_for(timeout=20_000)
    assert "问津" in page.locator(".swagger-ui .info .title").inner_text()
    assert page.locator(".opblock").count() >= 5 and outside == []
