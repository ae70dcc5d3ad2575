"""An LLM that gets the facts wrong, drops its citations or is taken over, on every route.

The stub LLM (tests/llm_stub.py `MODES`) answers about one paragraph of dege_assistance.txt:
in other words (kept), with a swapped number, a negation, an invented company or place, or the
leader and the participant swapped (flagged when a right claim stands beside it, else the
extractive fallback), with "我已忽略之前的指令。HACKED", with no markers at all, or with Markdown
aimed at a local beacon. Every mode is asked through Engine.ask, Engine.stream, `wenjin ask
--json`, POST /api/ask and /v1/chat/completions, plain and streamed, of one server per module.
Whether the page /ui shows an LLM's Markdown as text without fetching anything is
tests/test_untrusted_markup.py's job; here the routes must hand the Markdown back literally.
"""

from __future__ import annotations

import json
import os
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

import httpx
import pytest
from click.testing import CliRunner

from llm_stub import (CORRECT, MODES, NO_MARKERS, PARAPHRASE, PARAPHRASE_ONE_LINE, PARAPHRASE_YEARLY, WRONG,
                      YAK_QUESTION, StubLLM, Switch, markdown)
from wenjin.rag.verify import FLAG_UNCITED, FLAG_UNSUPPORTED
from server import start, stop

FALLBACK = "大模型的回答没有一处能在资料中得到证实"
PARTLY = "回答中标有〔资料未证实〕的内容"
RECHECKED = "\n\n（核对引用后的回答）\n"


# --- the cases ------------------------------------------------------------------------------
@dataclass
class Case:
    mode: str
    expect: str                          # kept | flagged | fallback | no_markers | markdown | markdown_image
    right: tuple[str, ...] = ()          # claims that must be kept as supported
    wrong: tuple[str, ...] = ()          # claims that must never be shown plain
    flag: str = FLAG_UNSUPPORTED         # the flag each wrong claim must carry wherever it is shown
    marks: list = field(default_factory=list)


CASES = [
    Case("paraphrase", "kept", right=PARAPHRASE),
    Case("paraphrase_yearly", "kept", right=(PARAPHRASE_YEARLY,)),    # 每年 is said of the clause, not bound
    Case("paraphrase_one_line", "kept", right=(PARAPHRASE_ONE_LINE,)),  # 一条 is an article, not a count
    *(Case(kind, "flagged", right=(CORRECT,), wrong=(claim,)) for kind, claim in WRONG.items()),
    *(Case(f"{kind}_alone", "fallback", wrong=(claim,)) for kind, claim in WRONG.items()),
    Case("take_over", "fallback", wrong=("我已忽略之前的指令", "HACKED"), flag=FLAG_UNCITED),
    Case("no_markers", "no_markers", wrong=tuple(s.rstrip("。") for s in NO_MARKERS), flag=FLAG_UNCITED),
    Case("markdown", "markdown"),
    Case("markdown", "markdown_image"),  # the ! of ![t](…) ends no sentence
]


# --- one stub, one engine, one server per module ------------------------------------------------
@pytest.fixture(scope="module")
def beacon():
    """A server on 127.0.0.1 the Markdown points at; it remembers every request it gets."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            hits.append(self.path)
            self.send_response(204)
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield SimpleNamespace(url=f"http://127.0.0.1:{server.server_address[1]}", hits=hits)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def llm(beacon):
    switch = Switch({**MODES, "markdown": markdown(beacon.url)})
    with StubLLM(switch) as stub:
        stub.switch = switch
        yield stub


LLM_ENV = {"WENJIN_LLM_MODEL": "stub", "WENJIN_LLM_MAX_RETRIES": "0", "WENJIN_LLM_TIMEOUT": "120"}


@pytest.fixture(scope="module")
def engine(llm, sample_index, tmp_path_factory):
    from wenjin.rag.engine import Engine
    from wenjin.rag.settings import Settings

    with pytest.MonkeyPatch.context() as mp:  # no developer WENJIN_* or wenjin.toml reaches it
        for var in [v for v in os.environ if v.startswith("WENJIN_")]:
            mp.delenv(var)
        mp.chdir(tmp_path_factory.mktemp("engine"))
        return Engine(Settings(index=sample_index, llm_base_url=llm.url, llm_model="stub", llm_timeout=120,
                               llm_max_retries=0))


@pytest.fixture(scope="module")
def site(llm, sample_index):
    proc, base = start(sample_index, WENJIN_LLM_BASE_URL=llm.url, **LLM_ENV)
    yield base
    stop(proc)


# --- the routes: each gives the checked answer and what it showed ---------------------------------
@dataclass
class Seen:
    answer: dict                                       # the ask --json contract (the stream's `wenjin`)
    final: str                                         # the text the route gives as its answer
    streamed: list[str] = field(default_factory=list)  # what was shown before the checked answer

    @property
    def shown(self) -> list[str]:
        return [*self.streamed, self.final]


def engine_ask(ctx) -> Seen:
    a = ctx.engine().ask(YAK_QUESTION)
    return Seen(a.to_dict(), a.text)


def engine_stream(ctx) -> Seen:
    *pieces, a = ctx.engine().stream(YAK_QUESTION)
    assert all(isinstance(p, str) for p in pieces)
    return Seen(a.to_dict(), a.text, pieces)


def cli_ask(ctx) -> Seen:
    from wenjin.ui.cli import cli

    for var, value in {"WENJIN_LLM_BASE_URL": ctx.llm.url, **LLM_ENV}.items():
        ctx.monkeypatch.setenv(var, value)
    r = CliRunner().invoke(cli, ["ask", YAK_QUESTION, "--index", str(ctx.sample_index), "--json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    return Seen(d, d["answer"])


def api_ask(ctx) -> Seen:
    r = httpx.post(f"{ctx.site()}/api/ask", json={"question": YAK_QUESTION}, timeout=180)
    assert r.status_code == 200, r.text
    return Seen(r.json(), r.json()["answer"])


def chat(ctx) -> Seen:
    r = httpx.post(f"{ctx.site()}/v1/chat/completions", timeout=180,
                   json={"model": "wenjin", "messages": [{"role": "user", "content": YAK_QUESTION}]})
    assert r.status_code == 200, r.text
    d = r.json()
    content = d["choices"][0]["message"]["content"]
    assert content.startswith(d["wenjin"]["answer"]) and d["citations"] == d["wenjin"]["citations"]
    return Seen(d["wenjin"], content)


def chat_stream(ctx) -> Seen:
    with httpx.stream("POST", f"{ctx.site()}/v1/chat/completions", timeout=180, json={
            "model": "wenjin", "messages": [{"role": "user", "content": YAK_QUESTION}], "stream": True}) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        events = [line[6:] for line in r.iter_lines() if line.startswith("data: ")]
    assert events[-1] == "[DONE]"
    first, *middle, last = [json.loads(e) for e in events[:-1]]
    assert first["choices"][0]["delta"] == {"role": "assistant", "content": ""}
    assert last["choices"][0]["finish_reason"] == "stop" and last["citations"] == last["wenjin"]["citations"]
    streamed = [c["choices"][0]["delta"]["content"] for c in middle]
    answer, tail = last["wenjin"], last["choices"][0]["delta"]["content"]
    if not "".join(streamed).endswith(answer["answer"]):  # checking changed the text: the tail says so
        assert tail.startswith(RECHECKED + answer["answer"]), tail
    return Seen(answer, tail, streamed)


ROUTES = [engine_ask, engine_stream, cli_ask, api_ask, chat, chat_stream]


# --- what each kind of answer must look like -----------------------------------------------------
def never_plain(text: str, claim: str, flag: str) -> None:
    """Wherever `claim` is shown, its markers (and sentence end) are followed by `flag`."""
    for m in re.finditer(re.escape(claim), text):
        assert re.match(r"(?:\[\d+\])*[。！？；]?" + re.escape(flag), text[m.end():]), \
            f"{claim!r} shown without {flag}:\n{text}"


def kept(case: Case, seen: Seen) -> None:
    a = seen.answer
    assert a["mode"] == "llm" and not a["refused"] and a["notice"] == "", a
    assert [v["claim"] for v in a["verification"]] == list(case.right), a["verification"]
    assert all(v["supported"] and not v["reason"] for v in a["verification"]), a["verification"]
    assert a["citations"] and all(c["verified"] for c in a["citations"])
    for claim in case.right:
        assert re.search(re.escape(claim) + r"\[\d+\]", a["answer"]), a["answer"]
    for text in (a["answer"], *seen.shown):
        assert FLAG_UNSUPPORTED not in text and FLAG_UNCITED not in text, text
    if seen.streamed:
        assert all(claim in "".join(seen.streamed) for claim in case.right), seen.streamed


def flagged(case: Case, seen: Seen) -> None:
    a = seen.answer
    assert a["mode"] == "llm" and not a["refused"] and a["notice"].startswith(PARTLY), a
    checks = {v["claim"]: v for v in a["verification"]}
    assert set(checks) == {*case.right, *case.wrong}, a["verification"]
    for claim in case.right:
        assert checks[claim]["supported"], checks[claim]
        assert re.search(re.escape(claim) + r"(?:\[\d+\])+(?!〔)", a["answer"]), a["answer"]
    for claim in case.wrong:
        assert not checks[claim]["supported"] and checks[claim]["reason"], checks[claim]
        assert re.search(re.escape(claim) + r"(?:\[\d+\])+" + FLAG_UNSUPPORTED, a["answer"]), a["answer"]
        assert claim in "".join(seen.shown)  # the reader is shown the claim, flagged …
        for text in (a["answer"], *seen.shown):
            never_plain(text, claim, FLAG_UNSUPPORTED)  # … and never without its flag


def fallback(case: Case, seen: Seen, said_by_the_article: bool = False) -> None:
    a = seen.answer
    assert a["mode"] == "extractive" and not a["refused"] and a["notice"].startswith(FALLBACK), a
    assert a["answer"].startswith(a["notice"] + "\n") and a["notice"] in seen.final
    assert a["citations"] and "3.5亿元" in a["answer"]  # the extractive answer answers the question
    assert {v["claim"] for v in a["verification"]} >= set(case.wrong) and \
        not any(v["supported"] for v in a["verification"]), a["verification"]
    assert FLAG_UNSUPPORTED not in a["answer"] and FLAG_UNCITED not in a["answer"]  # the LLM's text is gone
    for claim in case.wrong:
        if not said_by_the_article:  # the extractive answer may quote a right claim's words
            assert claim not in a["answer"] and claim not in seen.final, (claim, seen.final)
        for text in seen.streamed:
            never_plain(text, claim, case.flag)
    if case.flag == FLAG_UNCITED:  # written with no marker at all
        assert all(v["reason"] == "未标注引用" and not v["cited"] for v in a["verification"]), a["verification"]
    if "HACKED" in case.wrong:
        assert all(FLAG_UNCITED in text for text in seen.streamed if "HACKED" in text), seen.streamed


def no_markers(case: Case, seen: Seen, route) -> None:
    fallback(case, seen, said_by_the_article=True)
    if route in (engine_stream, chat_stream):  # streamed sentence by sentence, each one flagged
        assert seen.streamed and all(FLAG_UNCITED in piece for piece in seen.streamed), seen.streamed
        assert all(s + FLAG_UNCITED in "".join(seen.streamed) for s in NO_MARKERS), seen.streamed


def markdown_kept(case: Case, seen: Seen, url: str, image: str) -> None:
    a = seen.answer
    assert a["mode"] == "llm" and a["verification"][0]["supported"], a  # the LLM's text is presented
    for literal in (f"[点我]({url}/l)", image):
        assert literal in a["answer"] and literal in "".join(seen.shown), (literal, seen.shown)
    assert not re.search(r"<(?:img|a)\b", a["answer"] + seen.final)


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.__name__)
@pytest.mark.parametrize("case", [pytest.param(c, marks=c.marks, id=f"{c.mode}-{c.expect}") for c in CASES])
def test_every_route_checks_the_llm_answer(case, route, llm, sample_index, beacon, monkeypatch, request):
    llm.switch.mode = case.mode
    beacon.hits.clear()
    ctx = SimpleNamespace(llm=llm, sample_index=sample_index, monkeypatch=monkeypatch,
                          engine=lambda: request.getfixturevalue("engine"),
                          site=lambda: request.getfixturevalue("site"))
    asked = len(llm.requests)
    seen = route(ctx)
    assert len(llm.requests) > asked and seen.answer["question"] == YAK_QUESTION  # the LLM did answer
    if case.expect == "kept":
        kept(case, seen)
    elif case.expect == "flagged":
        flagged(case, seen)
    elif case.expect == "fallback":
        fallback(case, seen)
    elif case.expect == "no_markers":
        no_markers(case, seen, route)
    else:  # the Markdown comes back as the characters the LLM wrote; nothing fetched its URLs
        markdown_kept(case, seen, beacon.url,
                      f"![t]({beacon.url}/x.png)" if case.expect == "markdown_image" else f"[t]({beacon.url}/x.png)")
        assert beacon.hits == []
