"""The web page and the example chat page in real headless Chromium (Debian's, driven by Playwright).

Screenshots go to test-artifacts/. Skipped where no Chromium is installed; .ci/run installs it.
"""

import shutil
from pathlib import Path

import pytest

from conftest import ARTIFACTS, CHROMIUM, ROOT, SAMPLES
from server import signed_in, start, stop

pytestmark = pytest.mark.skipif(not CHROMIUM, reason="Debian chromium not installed (.ci/run installs it)")
QUESTION = "德格帮扶项目有哪些"
TOKEN = "web-token"


@pytest.fixture(scope="module")
def feedback_file(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("feedback") / "feedback.jsonl"


@pytest.fixture(scope="module")
def site(tmp_path_factory, feedback_file):
    """A server over the samples plus one hostile article whose text is HTML and script."""
    from wenjin.index.ingest import ingest

    folder = tmp_path_factory.mktemp("web") / "articles"
    shutil.copytree(SAMPLES, folder)
    (folder / "hostile.txt").write_text(
        "甘孜州冷水鱼养殖基地签约\n甘孜州冷水鱼养殖基地签约投资1.1亿元<img src=x onerror=\"window.__pwned=1\">。"
        "<script>window.__pwned=2</script>基地年产冷水鱼800吨。", "utf-8")
    root = folder.parent / "index"
    ingest([folder], root, progress=False)
    proc, base = start(root, WENJIN_API_TOKEN=TOKEN, WENJIN_FEEDBACK_FILE=str(feedback_file))
    yield base
    stop(proc)


def ask_on_page(page, base: str, question: str) -> None:
    """Open the page, ask, and wait for the sources panel (filled once the answer is complete)."""
    if not page.url.startswith(base):
        page.goto(signed_in(base, TOKEN, "/healthz"))  # the session cookie, then the page
        page.goto(f"{base}/", wait_until="networkidle")
    page.locator("#wj-question textarea").fill(question)
    page.locator("#wj-send").click()
    page.wait_for_selector("#wj-sources .wj-source", timeout=60_000)


def test_the_page_streams_a_cited_answer_and_a_marker_opens_its_passage(site, browser):
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(site) else None)
    ask_on_page(page, site, QUESTION)
    chat = page.locator("#wj-chat")
    assert "雪域牦牛乳精深加工项目" in chat.inner_text() and chat.locator("a.wj-cite").count() >= 8
    chat.locator("a.wj-cite").nth(2).click()
    active = page.locator(".wj-source.wj-active")
    active.wait_for(timeout=10_000)
    assert active.get_attribute("id") == "wj-cite-3"
    assert "dege_assistance.txt" in active.inner_text() and active.locator("mark").inner_text().strip()
    page.screenshot(path=str(ARTIFACTS / "web-page.png"), full_page=True)
    assert outside == []  # nothing fetched from outside: the page works offline


def test_the_indexed_tab_lists_documents(site, browser):
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    page.goto(signed_in(site, TOKEN, "/healthz"))  # the session cookie, then the page
    page.goto(f"{site}/", wait_until="networkidle")
    page.get_by_role("tab", name="已导入").click()
    page.wait_for_selector("#wj-docs", timeout=20_000)
    assert "dege_assistance.txt" in page.locator("#wj-docs").inner_text()
    assert "篇文档" in page.locator("#wj-summary").inner_text()
    page.screenshot(path=str(ARTIFACTS / "web-indexed.png"), full_page=True)


def example_page(browser, site: str):
    """The example chat page as a host would embed it: its backend got a short-lived embed token."""
    import httpx

    token = httpx.post(f"{site}/api/embed-token", json={"user": "test.user"},
                       headers={"Authorization": f"Bearer {TOKEN}"}).json()["token"]
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    page.add_init_script(f"window.WENJIN = {{token: '{token}'}};")
    page.goto(f"{site}/chat-example")
    return page


def test_the_example_chat_page_takes_a_token_only_from_a_trusted_origin(site, browser):
    import httpx

    token = httpx.post(f"{site}/api/embed-token", json={"user": "test.user"},
                       headers={"Authorization": f"Bearer {TOKEN}"}).json()["token"]
    page = browser.new_page()
    page.goto(f"{site}/chat-example")
    sent = []
    page.on("request", lambda r: sent.append(r.headers.get("authorization")) if "/v1/chat" in r.url else None)
    # a frame of another origin (a sandboxed one: origin "null") tries to hand the page its own token
    page.evaluate(r"""(t) => { const f = document.createElement('iframe'); f.sandbox = 'allow-scripts';
        f.srcdoc = `<script>parent.postMessage({type: 'wenjin:init', token: '${t}'}, '*')<\/script>`;
        document.body.appendChild(f); }""", token)
    page.wait_for_timeout(500)
    page.fill("#q", QUESTION)
    page.press("#q", "Enter")
    page.wait_for_function("() => document.querySelector('#log').innerText.includes('出错了')", timeout=30_000)
    assert sent == [None]  # ignored: the page asked without a token and was refused
    page.evaluate("(t) => window.postMessage({type: 'wenjin:init', token: t}, location.origin)", token)
    page.wait_for_timeout(200)
    page.fill("#q", QUESTION)
    page.press("#q", "Enter")
    page.wait_for_selector("#sources .source", timeout=60_000)
    assert sent[-1] == f"Bearer {token}"  # its own origin is trusted


def test_the_example_chat_page_streams_and_opens_passages(site, browser):
    page = example_page(browser, site)
    page.fill("#q", QUESTION)
    page.press("#q", "Enter")
    page.wait_for_selector("#sources .source", timeout=60_000)
    page.locator("button.cite").nth(1).click()
    active = page.locator(".source.active")
    assert active.get_attribute("id") == "source-2" and "dege_assistance.txt" in active.inner_text()
    page.screenshot(path=str(ARTIFACTS / "chat-example.png"), full_page=True)


def test_html_and_script_inside_an_article_stay_inert(site, browser):
    for path in ("/", "/chat-example"):
        page = browser.new_page()
        if path == "/":
            ask_on_page(page, site, "甘孜州冷水鱼养殖基地投资多少")
            shown = page.locator("#wj-chat").inner_text() + page.locator("#wj-sources").inner_text()
        else:
            page = example_page(browser, site)
            page.fill("#q", "甘孜州冷水鱼养殖基地投资多少")
            page.press("#q", "Enter")
            page.wait_for_selector("#sources .source", timeout=60_000)
            shown = page.locator("body").inner_text()
        assert "1.1亿元" in shown
        assert page.evaluate("() => window.__pwned") is None, path
        assert page.locator("img[src='x']").count() == 0


def test_thumbs_down_with_a_comment_lands_in_the_feedback_file(site, browser, feedback_file):
    import json
    import time

    page = browser.new_page(viewport={"width": 1300, "height": 900})
    ask_on_page(page, site, QUESTION)
    page.locator("#wj-comment textarea").fill("缺少每个项目的开工时间")
    page.locator("#wj-chat button[aria-label='Dislike']").last.click()
    feedback = feedback_file
    deadline = time.time() + 10
    # the writer creates the file before the line is in it: wait for a whole line, not the file
    while time.time() < deadline and not (feedback.exists() and feedback.read_text("utf-8").endswith("\n")):
        time.sleep(0.2)
    row = json.loads(feedback.read_text("utf-8").splitlines()[-1])
    assert row["rating"] == "down" and row["comment"] == "缺少每个项目的开工时间"
    assert row["question"] == QUESTION and "雪域牦牛乳精深加工项目" in row["answer"] and "<a" not in row["answer"]
    assert row["user"] == "tester"  # the signed-in user, from the session the embed token opened
    assert row["citations"] and row["citations"][0]["source"] == "dege_assistance.txt"


def test_upload_needs_the_token_and_ingests_with_progress(site, browser, tmp_path):
    article = tmp_path / "upload_ganzi.txt"
    article.write_text("甘孜州光伏扶贫电站并网\n2024年7月1日，甘孜州光伏扶贫电站并网发电，装机容量60兆瓦。", "utf-8")
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    page.goto(signed_in(site, TOKEN, "/healthz"))  # the session cookie, then the page
    page.goto(f"{site}/", wait_until="networkidle")
    page.get_by_role("tab", name="已导入").click()
    page.get_by_text("上传文章（需要令牌）").click()
    page.locator("#wj-upload input[type=file]").set_input_files(str(article))
    page.get_by_role("button", name="导入").click()
    page.get_by_text("令牌不对").wait_for(timeout=20_000)
    page.locator("input[type=password]").fill(TOKEN)
    page.get_by_role("button", name="导入").click()
    page.get_by_text("已导入：新增 1").wait_for(timeout=120_000)
    page.screenshot(path=str(ARTIFACTS / "web-upload.png"), full_page=True)
    page.get_by_role("tab", name="问答").click()
    ask_on_page(page, site, "甘孜州光伏扶贫电站装机容量多少")
    assert "60兆瓦" in page.locator("#wj-chat").inner_text()
