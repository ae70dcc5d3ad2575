"""Markdown and HTML inside articles and LLM answers show as text on every page; nothing is fetched.

Articles here hold a Markdown image, a Markdown link, raw URLs, a table, a heading, emphasis, code,
LaTeX and an HTML <img>, all pointing at a local "beacon" server that records every request it gets.
The pages (/ui and /chat-example) are driven in real headless Chromium (Debian's, through
Playwright); the LLM is the scripted stub of tests/llm_stub.py. Each page must show those
characters literally, make no element of them (the only links are the [n] citations) and never
reach the beacon. The page tests are skipped where no Chromium is installed (.ci/run installs it);
the two that check the escaping and the chat's settings run everywhere.
"""

from __future__ import annotations

import html
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import ARTIFACTS, CHROMIUM, ROOT
from llm_stub import StubLLM
from server import signed_in, start, stop

needs_chromium = pytest.mark.skipif(not CHROMIUM, reason="Debian chromium not installed (.ci/run installs it)")
TOKEN = "markup-token"
INVEST = "高原冷链物流园区投资多少"    # answered from the 2.6亿元 sentences, one of them cut after its "!"
THROUGHPUT = "冷链园区年吞吐量多少"     # answered from the sentence full of links, HTML, emphasis and code
BUILDER = "理塘县高原冷链物流园区由谁承建"  # answered from the article whose title and outlet are Markdown images
# Elements that Markdown or HTML in the text would have made. The citation links are ours.
MARKUP = ("img, picture, svg, video, audio, iframe, object, embed, a:not(.wj-cite), table, tr, td, h1, h2, h3, "
          "h4, h5, h6, em, strong, code, pre, blockquote, ul, ol, li, hr, .katex, math, button:not(.cite)")


class Beacon:
    """An HTTP server on 127.0.0.1 that answers anything with an empty image and remembers the request."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        beacon = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _hit(self):
                beacon.hits.append(f"{self.command} {self.path}")
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_POST = do_HEAD = do_OPTIONS = _hit

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def beacon():
    b = Beacon()
    yield b
    b.close()


@pytest.fixture(autouse=True)
def fresh_beacon(beacon):
    beacon.hits.clear()  # each test answers for its own requests


@pytest.fixture(scope="module")
def index(tmp_path_factory, beacon):
    """A small index whose articles are full of Markdown and HTML aimed at the beacon."""
    from wenjin.index.ingest import ingest

    b = beacon.url
    folder = tmp_path_factory.mktemp("markup") / "articles"
    folder.mkdir()
    # A space before "!": the cleaner makes an ASCII "!" after a Chinese character full-width. Sentences
    # end at "!", so no quoted sentence holds a whole Markdown image; titles and the LLM's text can.
    (folder / "lengku.txt").write_text(
        "高原冷链物流园区开工\n"
        f"2024年5月8日，高原冷链物流园区在理塘县开工，总投资2.6亿元，宣传图见 ![t]({b}/x.png) 。\n"
        f"### 园区详情请看[点我]({b}/link)，官网 {b}/raw 和 www.example.com 可查，<img src={b}/h.png>"
        "**冷链园区**建成后年吞吐量`5万吨`，$$x^2$$。\n"
        "| 项目 | 投资 |\n| --- | --- |\n| 冷链园区 | 2.6亿元 |\n", "utf-8")
    rows = [{"title": f"冷链报道 ![t]({b}/title.png) [标题链接]({b}/tlink)", "outlet": f"![o]({b}/outlet.png)",
             "date": "2024-05-09", "text": "理塘县高原冷链物流园区由四川高原冷链公司承建，项目投资规模为2.6亿元人民币。"},
            {"title": "甘孜日报消息", "date": "2024-05-10", "text": "据悉，高原冷链物流园区计划投资2.6亿元，一期工程明年完工。"}]
    (folder / "reports.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    root = folder.parent / "index"
    ingest([folder], root, progress=False)
    return root


@pytest.fixture(scope="module")
def site(index):
    proc, base = start(index, WENJIN_API_TOKEN=TOKEN)
    yield base
    stop(proc)


def llm_reply(beacon_url: str):
    """The stub LLM's answer: the fact, cited, wrapped in every kind of markup, streamed in 7-character pieces."""
    def script(messages):
        passages = re.finditer(r"<资料 (\d+)[^>]*>\n(.*?)\n</资料 \1>", messages[-1]["content"], re.S)
        n = next((m.group(1) for m in passages if "2.6亿元" in m.group(2)), "1")
        return (f"## 投资\n2024年5月8日，高原冷链物流园区在理塘县开工，总投资2.6亿元 ![t]({beacon_url}/llm.png)[{n}]。"
                f"详见[点我]({beacon_url}/llm-link)和 {beacon_url}/llm-raw ，<img src={beacon_url}/llm-h.png>"
                f"**已开工**[{n}]。\n\n| 项目 | 投资 |\n| --- | --- |\n| 冷链园区 | 2.6亿元 |\n")
    return script


@pytest.fixture(scope="module")
def llm_site(index, beacon):
    with StubLLM(llm_reply(beacon.url)) as stub:
        proc, base = start(index, WENJIN_API_TOKEN=TOKEN, WENJIN_LLM_BASE_URL=stub.url, WENJIN_LLM_MODEL="stub",
                           WENJIN_LLM_MAX_RETRIES="0")
        yield base
        stop(proc)
        assert stub.requests, "the LLM was never asked: these tests did not exercise the LLM path"


def markup_in(locator) -> list[str]:
    """Elements inside `locator` that text would only have if it had been rendered as Markdown or HTML."""
    return locator.evaluate(f"(root) => Array.from(root.querySelectorAll({json.dumps(MARKUP)}),"
                            " (e) => e.outerHTML.slice(0, 120))")


def ask_ui(page, base: str, question: str):
    """Ask on /ui; return the last answer bubble's content once the sources panel is filled."""
    if not page.url.startswith(base):
        page.goto(signed_in(base, TOKEN, "/healthz"))  # the session cookie, then the page
        page.goto(f"{base}/", wait_until="networkidle")
    answers = page.locator("#wj-chat [data-testid='bot'] .message-content")
    cited = "() => Array.from(document.querySelectorAll('#wj-sources .wj-source'), (e) => e.innerText).join()"
    before = page.evaluate(cited)
    page.locator("#wj-question textarea").fill(question)
    page.locator("#wj-send").click()
    page.wait_for_function(f"(before) => {{ const now = ({cited})(); return now && now !== before; }}",
                           arg=before, timeout=60_000)
    page.wait_for_load_state("networkidle")  # whatever the answer would load has been asked for by now
    return answers.last


def ask_example(browser, base: str, question: str):
    """Ask on /chat-example as an embedding host would; return the page once the answer is complete."""
    import httpx

    token = httpx.post(f"{base}/api/embed-token", json={"user": "test.user"},
                       headers={"Authorization": f"Bearer {TOKEN}"}).json()["token"]
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    page.add_init_script(f"window.WENJIN = {{token: '{token}'}};")
    page.goto(f"{base}/chat-example")
    page.fill("#q", question)
    page.press("#q", "Enter")
    page.wait_for_selector("#sources .source", timeout=60_000)  # the last chunk: the text is complete too
    page.wait_for_load_state("networkidle")
    return page


def api_answer(base: str, question: str) -> dict:
    """The engine's own answer to `question`, from the HTTP API: what the pages must show, character for character."""
    import httpx

    r = httpx.post(f"{base}/api/ask", json={"question": question}, headers={"Authorization": f"Bearer {TOKEN}"},
                   timeout=120)
    r.raise_for_status()
    return r.json()


def squeezed(text: str) -> str:
    """HTML shows runs of spaces as one; line breaks must survive."""
    return re.sub(r"[ \t]+", " ", text).strip()


def shown_as_text(text: str, *needles: str) -> None:
    missing = [n for n in needles if n not in text]
    assert not missing, f"not shown literally: {missing}\nshown: {text}"


def test_as_text_makes_no_markup_of_markdown_or_html():
    from wenjin.ui.web import as_text, linked

    text = "## 标题\n![t](http://127.0.0.1:1/x.png) <img src=x> [点我](http://127.0.0.1:1/l) **粗** `码` $$x$$\r\n末行[2]"
    out = linked(text)
    assert re.findall(r"<[^>]+>", out) == ["<br>", "<br>", '<a class="wj-cite" href="#wj-cite-2">', "</a>"]
    assert "&lt;img src=x&gt;" in out and "![t](http://127.0.0.1:1/x.png)" in out
    assert html.unescape(re.sub(r"<[^>]+>", "", out.replace("<br>", "\n"))) == text.replace("\r\n", "\n")
    assert as_text("a & b < c") == "a &amp; b &lt; c"


def test_the_chat_shows_html_built_by_as_text_never_markdown_or_latex(tmp_path):
    """Gradio's Chatbot renders message content as Markdown (then sanitises it, which keeps <img src=http://…>)
    and typesets $$…$$ with KaTeX unless told otherwise: both are turned off."""
    from types import SimpleNamespace

    import gradio as gr

    from wenjin.rag.settings import Settings
    from wenjin.ui.web import build

    engine = SimpleNamespace(index=SimpleNamespace(docs={}))
    library = SimpleNamespace(names=["wenjin"], get=lambda kb=None: SimpleNamespace(get=lambda: engine))
    page = build(library, Settings(index=tmp_path))
    [chat] = [b for b in page.blocks.values() if isinstance(b, gr.Chatbot)]
    assert chat.render_markdown is False and chat.latex_delimiters == [] and chat.sanitize_html


@needs_chromium
def test_markup_quoted_from_articles_stays_text_in_the_page(site, browser, beacon):
    """Whatever the answerer quotes, the bubble shows exactly the answer's characters and the panel
    every cited title and quote; the only elements are the citation links, which still work."""
    answers = []
    for question in (INVEST, THROUGHPUT, BUILDER):
        page = browser.new_page(viewport={"width": 1300, "height": 900})  # a fresh page: no history
        bubble = ask_ui(page, site, question)
        assert beacon.hits == [], question
        expected = api_answer(site, question)
        assert squeezed(bubble.inner_text()) == squeezed(expected["answer"])
        assert markup_in(bubble) == [], question
        assert bubble.locator("a.wj-cite").count() == len(re.findall(r"\[\d+\]", expected["answer"])) > 0
        panel = page.locator("#wj-sources")
        shown_as_text(panel.inner_text(), *(f"《{c['title'] or c['source']}》" for c in expected["citations"]),
                      *(c["quote"] for c in expected["citations"]))
        assert markup_in(panel) == [], question
        answers.append(expected)
    # the test means something only if the answers did carry Markdown and HTML from the articles
    assert any(re.search(r"\*\*|\]\(|<img|#{2,} |`", a["answer"]) for a in answers), answers
    shown_as_text(panel.inner_text(), f"冷链报道 ![t]({beacon.url}/title.png) [标题链接]({beacon.url}/tlink)",
                  f"![o]({beacon.url}/outlet.png)")
    page.screenshot(path=str(ARTIFACTS / "untrusted-markup.png"), full_page=True)
    bubble.locator("a.wj-cite").first.click()  # the citation links still open their passage
    page.locator(".wj-source.wj-active").wait_for(timeout=10_000)
    assert page.locator(".wj-source.wj-active").get_attribute("id") == "wj-cite-1"
    assert beacon.hits == []


@needs_chromium
def test_markup_typed_into_the_question_stays_text(site, browser, beacon):
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    page.goto(signed_in(site, TOKEN, "/healthz"))  # the session cookie, then the page
    page.goto(f"{site}/", wait_until="networkidle")
    question = f"![q]({beacon.url}/q.png) <img src={beacon.url}/qh.png> [问]({beacon.url}/ql) 是什么"
    page.locator("#wj-question textarea").fill(question)
    page.locator("#wj-send").click()
    page.wait_for_function("() => { const p = document.querySelector('#wj-sources');"
                           " return p.querySelector('.wj-source') || p.innerText.includes('没有可引用的原文'); }",
                           timeout=60_000)
    page.wait_for_load_state("networkidle")
    assert beacon.hits == []
    chat = page.locator("#wj-chat")
    asked = chat.locator("[data-testid='user'] .message-content").last
    shown_as_text(asked.inner_text(), question)
    assert markup_in(asked) == []
    answer = chat.locator("[data-testid='bot'] .message-content").last
    assert squeezed(answer.inner_text()) == squeezed(api_answer(site, question)["answer"])  # a refusal repeats it
    assert markup_in(answer) == []


@needs_chromium
def test_titles_in_the_indexed_tab_stay_text(site, browser, beacon):
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    page.goto(signed_in(site, TOKEN, "/healthz"))  # the session cookie, then the page
    page.goto(f"{site}/", wait_until="networkidle")
    page.get_by_role("tab", name="已导入").click()
    page.wait_for_function("() => (document.querySelector('#wj-docs') || {}).innerText?.includes('冷链报道')",
                           timeout=20_000)
    page.wait_for_load_state("networkidle")
    table = page.locator("#wj-docs")
    shown_as_text(table.inner_text(), f"![t]({beacon.url}/title.png)")
    assert table.locator("img, a").count() == 0
    assert beacon.hits == []


@needs_chromium
def test_the_example_chat_page_shows_article_markup_as_text(site, browser, beacon):
    """chat.html writes text nodes only; its answer ends with the sources, titles included."""
    for question in (THROUGHPUT, BUILDER):
        page = ask_example(browser, site, question)
        expected = api_answer(site, question)
        bot = page.locator(".msg.bot").last
        shown_as_text(bot.inner_text(), expected["answer"],
                      *(f"《{c['title'] or c['source']}》" for c in expected["citations"]))
        assert markup_in(bot) == [] and bot.locator("button.cite").count() >= 1
        shown_as_text(page.locator("#sources").inner_text(), *(c["quote"] for c in expected["citations"]))
        assert markup_in(page.locator("#sources")) == []
    shown_as_text(page.locator("#sources").inner_text(), f"冷链报道 ![t]({beacon.url}/title.png)")
    assert beacon.hits == []


@needs_chromium
def test_markup_written_by_the_llm_stays_text(llm_site, browser, beacon):
    b = beacon.url
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    answer = ask_ui(page, llm_site, INVEST)
    assert beacon.hits == []  # not even while the answer streamed in, piece by piece
    # The checked answer replaces the streamed text (its flags may cut "![t](" apart): shown exactly
    expected = api_answer(llm_site, INVEST)
    assert squeezed(answer.inner_text()) == squeezed(expected["answer"])
    assert expected["mode"] == "llm" and f"]({b}/llm" in expected["answer"] and "<img src=" in expected["answer"], \
        expected  # else this test no longer shows the LLM's markup after the answer is checked
    assert markup_in(answer) == [] and answer.locator("a.wj-cite").count() >= 1
    assert markup_in(page.locator("#wj-sources")) == []
    page.screenshot(path=str(ARTIFACTS / "untrusted-markup-llm.png"), full_page=True)


@needs_chromium
def test_the_example_chat_page_shows_llm_markup_as_text(llm_site, browser, beacon):
    b = beacon.url
    page = ask_example(browser, llm_site, INVEST)
    bot = page.locator(".msg.bot").last
    shown_as_text(bot.inner_text(), f"![t]({b}/llm.png)", f"[点我]({b}/llm-link)", f"<img src={b}/llm-h.png>",
                  "| 项目 | 投资 |", "| --- | --- |")  # the LLM's text, each uncited row flagged
    assert markup_in(bot) == [] and bot.locator("button.cite").count() >= 1
    assert markup_in(page.locator("#sources")) == []
    assert beacon.hits == []
