"""A real `wenjin serve` on 127.0.0.1: every route, streaming, auth, CORS, limits and bad requests."""

import json
import time
from pathlib import Path

import httpx
import pytest

from server import start, stop

TOKEN = "s3cret-token"
ORIGIN = "https://chat.example.cn"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def feedback_file(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("feedback") / "feedback.jsonl"


@pytest.fixture(scope="module")
def server(sample_index, feedback_file):
    proc, base = start(sample_index, WENJIN_API_TOKEN=TOKEN, WENJIN_CORS_ORIGINS=json.dumps([ORIGIN]),
                       WENJIN_MAX_QUESTION_CHARS="100", WENJIN_MAX_BODY_BYTES="8192",
                       WENJIN_FRAME_ANCESTORS=json.dumps(["'self'", "https://intranet.example.cn"]),
                       WENJIN_FEEDBACK_FILE=str(feedback_file))
    yield base
    stop(proc)


def clean_error(r: httpx.Response, status: int) -> str:
    """A 4xx answer: the status, a JSON error with a reason, and nothing local in it."""
    assert r.status_code == status, r.text
    message = r.json()["error"]["message"]
    assert message and "Traceback" not in r.text and "/tmp" not in r.text and "/work" not in r.text
    return message


def test_healthz_says_what_is_loaded(server):
    d = httpx.get(f"{server}/healthz").json()
    assert d["status"] == "ok" and d["documents"] >= 14 and d["chunks"] > 0 and d["llm"] is False
    head = httpx.head(f"{server}/healthz")  # a load balancer's probe
    assert head.status_code == 200 and head.content == b""


def test_api_ask_returns_the_ask_json(server):
    r = httpx.post(f"{server}/api/ask", json={"question": "德格帮扶项目有哪些"}, headers=AUTH, timeout=30)
    d = r.json()
    assert r.status_code == 200 and {"question", "answer", "citations", "refused", "mode"} <= d.keys()
    assert d["citations"][0]["source"] == "dege_assistance.txt" and "[1]" in d["answer"]
    r = httpx.post(f"{server}/api/ask", json={"question": "锡会产业园累计引进了多少家企业?",
                                               "filters": {"since": "2024-01-01"}}, headers=AUTH, timeout=30)
    assert all(c["date"] >= "2024-01-01" for c in r.json()["citations"])


def test_every_api_route_needs_the_token(server):
    for method, path, body in (("post", "/api/ask", {"question": "德格"}), ("get", "/v1/models", None),
                               ("post", "/v1/chat/completions", {"messages": [{"role": "user", "content": "德格"}]})):
        r = httpx.request(method, f"{server}{path}", json=body)
        assert "Authorization" in clean_error(r, 401)
        r = httpx.request(method, f"{server}{path}", json=body, headers={"Authorization": "Bearer wrong"})
        clean_error(r, 401)


def test_openai_models_and_plain_chat(server):
    models = httpx.get(f"{server}/v1/models", headers=AUTH).json()
    assert models["data"][0]["id"] == "wenjin"
    r = httpx.post(f"{server}/v1/chat/completions", headers=AUTH, timeout=30, json={
        "model": "wenjin", "messages": [{"role": "system", "content": "你好"},
                                        {"role": "user", "content": "德格帮扶项目有哪些"}]})
    d = r.json()
    content = d["choices"][0]["message"]["content"]
    assert "[1]" in content and "\n\n来源：\n[1] 《" in content
    assert d["citations"][0]["source"] == "dege_assistance.txt" and d["wenjin"]["mode"] == "extractive"


def test_streaming_chat_sends_sse_deltas_and_citations_last(server):
    with httpx.stream("POST", f"{server}/v1/chat/completions", headers=AUTH, timeout=30, json={
            "messages": [{"role": "user", "content": "德格帮扶项目有哪些"}], "stream": True}) as r:
        assert r.headers["content-type"].startswith("text/event-stream")
        events = [line[6:] for line in r.iter_lines() if line.startswith("data: ")]
    assert events[-1] == "[DONE]"
    chunks = [json.loads(e) for e in events[:-1]]
    text = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks)
    assert "[1]" in text and "来源：" in text
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop" and chunks[-1]["citations"]


def test_the_openai_python_client_gets_a_cited_answer(server):
    from openai import OpenAI

    client = OpenAI(base_url=f"{server}/v1", api_key=TOKEN)
    reply = client.chat.completions.create(model="wenjin", messages=[{"role": "user", "content": "德格帮扶项目有哪些"}])
    assert "[1]" in reply.choices[0].message.content
    stream = client.chat.completions.create(model="wenjin", stream=True,
                                            messages=[{"role": "user", "content": "德格帮扶项目有哪些"}])
    text = "".join(c.choices[0].delta.content or "" for c in stream if c.choices)
    assert "[1]" in text and "来源：" in text


def test_cors_allows_the_configured_origin_only(server):
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type"}
    r = httpx.options(f"{server}/api/ask", headers={"Origin": ORIGIN, **preflight})
    assert r.status_code == 200 and r.headers["access-control-allow-origin"] == ORIGIN
    r = httpx.options(f"{server}/api/ask", headers={"Origin": "https://evil.example", **preflight})
    assert r.status_code == 400 and "access-control-allow-origin" not in r.headers


def test_bad_requests_get_a_4xx_with_a_reason(server):
    post = lambda path, **kw: httpx.post(f"{server}{path}", headers={**AUTH, **kw.pop("headers", {})}, **kw)  # noqa: E731
    assert "JSON" in clean_error(post("/api/ask", content=b"{not json", headers={"Content-Type": "application/json"}), 400)
    for junk in (b"\xff\xfe\xfd", b"[" * 5000):  # not UTF-8; nested past the parser's depth
        assert "JSON" in clean_error(post("/api/ask", content=junk, headers={"Content-Type": "application/json"}), 400)
    assert "不能为空" in clean_error(post("/api/ask", json={"question": "   "}), 400)
    assert "太长" in clean_error(post("/api/ask", json={"question": "德格" * 60}), 400)
    assert "question" in clean_error(post("/api/ask", json={"question": 123}), 422)
    assert "top_k" in clean_error(post("/api/ask", json={"question": "德格", "top_k": 0}), 422)
    assert "过大" in clean_error(post("/api/ask", json={"question": "德格", "pad": "x" * 9000}), 413)
    assert "YYYY-MM-DD" in clean_error(post("/api/ask", json={"question": "德格", "filters": {"since": "昨天"}}), 400)
    assert "user" in clean_error(post("/v1/chat/completions", json={"messages": [{"role": "assistant", "content": "x"}]}), 400)
    assert "messages" in clean_error(post("/v1/chat/completions", json={"messages": []}), 422)
    assert "/docs" in clean_error(httpx.get(f"{server}/nowhere", headers=AUTH), 404)
    assert "不存在" in clean_error(post("/api/ask", json={"question": "德格", "filters": {"until": "2024-13-45"}}), 400)


@pytest.mark.parametrize("stream", [False, True])
@pytest.mark.parametrize("part", [{"type": "text", "text": 123}, {"type": "text", "text": ["德格"]},
                                  {"type": "text", "text": {"t": "德格"}}, {"text": "德格"}])
def test_a_malformed_message_part_gets_a_4xx(server, part, stream):
    body = {"messages": [{"role": "user", "content": [part]}], "stream": stream}
    assert "messages" in clean_error(httpx.post(f"{server}/v1/chat/completions", json=body, headers=AUTH), 422)


def test_text_that_cannot_be_encoded_gets_a_4xx_in_chinese(server):
    lone = rb'"\ud800\u5fb7\u683c"'  # a lone UTF-16 surrogate, legal in JSON, in no encoding
    for path, body in (("/api/ask", b'{"question": %s}' % lone),
                       ("/api/feedback", b'{"question": %s, "rating": "up"}' % lone),
                       ("/v1/chat/completions", b'{"messages": [{"role": "user", "content": %s}]}' % lone)):
        r = httpx.post(f"{server}{path}", content=body, headers={**AUTH, "Content-Type": "application/json"})
        assert "代理项" in clean_error(r, 422)


def test_a_non_ascii_token_is_refused_and_the_connection_lives_on(server):
    with httpx.Client() as client:
        for token in ("Bearer 令牌".encode(), "Bearer s3cret-tokén".encode("latin-1"), b"Bearer \xff\xfe.\xff"):
            r = client.post(f"{server}/api/ask", json={"question": "德格"}, headers={"Authorization": token})
            assert "Authorization" in clean_error(r, 401)
        assert client.post(f"{server}/api/ask", json={"question": "德格"}, headers=AUTH, timeout=30).status_code == 200


def test_openapi_docs_are_served_offline(server):
    import re

    spec = httpx.get(f"{server}/openapi.json").json()
    assert {"/api/ask", "/v1/chat/completions", "/v1/models", "/healthz"} <= spec["paths"].keys()
    for page in ("/docs", "/redoc"):
        html = httpx.get(f"{server}{page}").text
        assets = re.findall(r"""(?:src|href)=["']([^"']+\.(?:js|css))""", html)
        assert assets and all(a.startswith("/") for a in assets), (page, assets)  # nothing from a CDN
        assert all(httpx.get(f"{server}{a}").status_code == 200 for a in assets)


def test_many_requests_at_once_all_get_their_answers(server):
    from concurrent.futures import ThreadPoolExecutor

    questions = ["德格帮扶项目有哪些", "锡会产业园累计引进了多少家企业?", "香港代表团在成都签署了几项合作协议?"] * 6

    def ask(q):
        return httpx.post(f"{server}/api/ask", json={"question": q}, headers=AUTH, timeout=60).json()

    with ThreadPoolExecutor(max_workers=9) as pool:
        answers = list(pool.map(ask, questions))
    for q, a in zip(questions, answers):
        assert a["question"] == q and a["citations"] and not a["refused"]


def test_a_finished_ingest_is_picked_up_without_a_restart(sample_copy, tmp_path):
    import shutil

    from conftest import SAMPLES
    from wenjin.index.ingest import ingest

    proc, base = start(sample_copy)
    try:
        question = "稻城亚丁机场新开通了几条航线?"
        assert httpx.post(f"{base}/api/ask", json={"question": question}, timeout=30).json()["refused"]
        folder = tmp_path / "articles"
        shutil.copytree(SAMPLES, folder)
        (folder / "daocheng.txt").write_text("稻城亚丁机场开通新航线\n2024年6月3日，稻城亚丁机场新开通航线7条，"
                                             "通达上海、广州和西安。", "utf-8")
        ingest([folder], sample_copy, progress=False)
        a = httpx.post(f"{base}/api/ask", json={"question": question}, timeout=60).json()
        assert not a["refused"] and "7条" in a["answer"] and a["citations"][0]["source"] == "daocheng.txt"
    finally:
        stop(proc)


def test_an_embed_token_works_for_asking_but_cannot_mint_more(server):
    r = httpx.post(f"{server}/api/embed-token", json={"user": "zhang.san", "ttl": 120}, headers=AUTH)
    token = r.json()["token"]
    assert r.status_code == 200 and r.json()["expires_at"] > time.time() + 100
    widget = {"Authorization": f"Bearer {token}"}
    a = httpx.post(f"{server}/api/ask", json={"question": "德格帮扶项目有哪些"}, headers=widget, timeout=30)
    assert a.status_code == 200 and a.json()["citations"]
    assert "API 令牌" in clean_error(httpx.post(f"{server}/api/embed-token", json={}, headers=widget), 403)
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    clean_error(httpx.post(f"{server}/api/ask", json={"question": "德格"}, headers={"Authorization": f"Bearer {forged}"}), 401)
    clean_error(httpx.post(f"{server}/api/embed-token", json={}), 401)


def test_feedback_is_appended_with_the_embedded_user(server, feedback_file):
    token = httpx.post(f"{server}/api/embed-token", json={"user": "li.si"}, headers=AUTH).json()["token"]
    r = httpx.post(f"{server}/api/feedback", headers={"Authorization": f"Bearer {token}"},
                   json={"question": "德格帮扶项目有哪些", "answer": "共找到 8 项", "rating": "down", "comment": "缺少金额"})
    assert r.status_code == 200
    row = json.loads(feedback_file.read_text("utf-8").splitlines()[-1])
    assert row["user"] == "li.si" and row["rating"] == "down" and row["comment"] == "缺少金额"
    assert "rating" in clean_error(httpx.post(f"{server}/api/feedback", headers=AUTH,
                                              json={"question": "q", "rating": "meh"}), 422)


def test_the_example_chat_page_knows_which_hosts_may_hand_it_a_token(server):
    import html
    import re

    page = httpx.get(f"{server}/chat-example").text
    trusted = json.loads(html.unescape(re.search(r'<meta name="wenjin-origins" content="([^"]*)">', page)[1]))
    assert sorted(trusted) == sorted(["https://intranet.example.cn", ORIGIN])  # framers and CORS origins


def test_pages_may_be_framed_only_by_the_allowlist(server):
    r = httpx.get(f"{server}/healthz")
    assert r.headers["content-security-policy"] == "frame-ancestors 'self' https://intranet.example.cn"
    assert r.headers["x-content-type-options"] == "nosniff"


def test_no_route_serves_files_outside_its_own(server):
    for path in ("/chat-example/../../../../etc/passwd", "/chat-example/%2e%2e/%2e%2e/etc/passwd",
                 "/ui/gradio_api/file=/etc/passwd", "/ui/file=/etc/passwd", "/..%2f..%2fetc%2fpasswd",
                 "/static/../../etc/passwd"):
        r = httpx.get(f"{server}{path}", headers=AUTH)
        assert "root:x:0:0" not in r.text, path
        assert r.status_code in (400, 403, 404, 405) or (r.status_code == 200 and "<html" in r.text.lower()), path


def mounted_routes(app, prefix: str = ""):
    """(path, methods) of every route the server mounts: FastAPI's own and, under /ui, Gradio's."""
    from starlette.routing import Mount, WebSocketRoute

    for route in app.routes:
        path = prefix + getattr(route, "path", "")
        if isinstance(route, Mount) and hasattr(route.app, "routes"):
            yield from mounted_routes(route.app, path)
        elif isinstance(route, Mount):  # static files
            yield path + "/x", ["GET"]
        elif hasattr(route, "original_router"):  # FastAPI's include_router (Gradio's gradio_api routes)
            yield from mounted_routes(route.original_router, prefix + route.include_context.prefix)
        elif not isinstance(route, WebSocketRoute):
            yield path, sorted((getattr(route, "methods", None) or {"GET"}) - {"HEAD", "OPTIONS"})


def test_no_mounted_route_reads_or_writes_without_a_credential(server, sample_index):
    """Every route of FastAPI and of the mounted Gradio app, each of its methods, with no token and
    with a wrong one: a 401, unless it is one of the few that hold no data."""
    import re

    from wenjin.ui.settings import ServerSettings
    from wenjin.ui import access
    from wenjin.ui.api import create_app

    routes = list(mounted_routes(create_app(ServerSettings(index=str(sample_index), api_token=TOKEN))))
    checked = []
    for path, methods in routes:
        if path in access.OPEN or path.startswith(access.OPEN_PREFIXES):
            continue
        url = server + re.sub(r"\{[^}]+\}", "x", path)
        for method in methods:
            for headers in ({}, {"Authorization": "Bearer wrong"}, {"Cookie": f"{access.COOKIE}=forged"}):
                r = httpx.request(method, url, headers=headers, timeout=30)
                assert r.status_code == 401, (method, path, headers, r.status_code, r.text[:200])
            checked.append(f"{method} {path}")
    assert {"POST /ui/gradio_api/upload", "POST /api/ask", "POST /api/feedback", "GET /ui/gradio_api/info",
            "GET /"} <= set(checked), checked
    assert len(checked) > 30


def test_a_browser_signs_in_once_with_an_embed_token(server):
    from wenjin.ui import access

    page = httpx.get(f"{server}/ui/", headers={"Accept": "text/html"})
    assert page.status_code == 401 and "需要登录" in page.text
    token = httpx.post(f"{server}/api/embed-token", json={"user": "zhang.san"}, headers=AUTH).json()["token"]
    assert httpx.get(f"{server}/session", params={"token": token + "x"}).status_code == 401
    r = httpx.get(f"{server}/session", params={"token": token, "next": "/ui/"})
    assert r.status_code == 303 and r.headers["location"] == "/ui/"
    cookie = r.headers["set-cookie"].lower()
    assert f"{access.COOKIE}=" in cookie and "httponly" in cookie and "samesite=lax" in cookie
    with httpx.Client(cookies=r.cookies) as browser:
        assert browser.get(f"{server}/ui/").status_code == 200  # no token in the address any more
        assert browser.get(f"{server}/ui/gradio_api/info").status_code == 200
    for elsewhere in ("//evil.example", "https://evil.example/", "evil"):
        r = httpx.get(f"{server}/session", params={"token": token, "next": elsewhere})
        assert r.headers["location"] == "/ui/", elsewhere  # never an open redirect


def test_serving_beyond_this_machine_needs_a_token(sample_index):
    import subprocess
    import sys

    wenjin = Path(sys.executable).parent / "wenjin"
    r = subprocess.run([str(wenjin), "serve", "--index", str(sample_index), "--host", "0.0.0.0", "--port", "9"],
                       capture_output=True, text=True, timeout=120,
                       env={k: v for k, v in __import__("os").environ.items() if not k.startswith("WENJIN_")})
    assert r.returncode != 0 and "WENJIN_API_TOKEN" in r.stderr and "--allow-anonymous" in r.stderr


@pytest.fixture(scope="module")
def two_bases(sample_index, tmp_path_factory):
    """One server, two knowledge bases: the sample articles, and a base of the Kashgar article alone."""
    import shutil

    from conftest import SAMPLES
    from wenjin.index.ingest import ingest

    folder = tmp_path_factory.mktemp("kb") / "articles"
    folder.mkdir()
    shutil.copy(SAMPLES / "kashgar_aid.txt", folder)
    root = folder.parent / "index"
    ingest([folder], root, progress=False)
    proc, base = start(sample_index, WENJIN_API_TOKEN=TOKEN,
                       WENJIN_KBS=json.dumps({"帮扶": str(sample_index), "援疆": str(root)}, ensure_ascii=False))
    yield base
    stop(proc)


def test_each_knowledge_base_is_a_model_and_answers_from_itself(two_bases):
    ids = [m["id"] for m in httpx.get(f"{two_bases}/v1/models", headers=AUTH).json()["data"]]
    assert ids == ["帮扶", "援疆"]
    for kb, source in (("援疆", "kashgar_aid.txt"), ("帮扶", "dege_assistance.txt")):
        r = httpx.post(f"{two_bases}/v1/chat/completions", headers=AUTH, timeout=60,
                       json={"model": kb, "messages": [{"role": "user", "content": "德格帮扶项目有哪些"}]}).json()
        sources = {c["source"] for c in r["citations"]}
        assert sources <= {source}, (kb, sources)  # the Kashgar base knows nothing of 德格 and says so
    r = httpx.post(f"{two_bases}/api/ask", headers=AUTH, json={"question": "深喀时尚产业园入驻了多少家企业", "kb": "援疆"})
    assert r.json()["kb"] == "援疆" and r.json()["citations"][0]["source"] == "kashgar_aid.txt"
    assert "帮扶、援疆" in clean_error(httpx.post(f"{two_bases}/api/ask", headers=AUTH, json={"question": "德格"}), 400)
    assert "无此库" in clean_error(httpx.post(f"{two_bases}/api/ask", headers=AUTH,
                                           json={"question": "德格", "kb": "无此库"}), 404)


def test_an_embed_token_reads_only_the_bases_it_was_minted_for(two_bases):
    assert "无此库" in clean_error(httpx.post(f"{two_bases}/api/embed-token", headers=AUTH, json={"kbs": ["无此库"]}), 400)
    token = httpx.post(f"{two_bases}/api/embed-token", headers=AUTH, json={"user": "li.si", "kbs": ["援疆"]}).json()
    mine = {"Authorization": f"Bearer {token['token']}"}
    assert [m["id"] for m in httpx.get(f"{two_bases}/v1/models", headers=mine).json()["data"]] == ["援疆"]
    ask = {"question": "深喀时尚产业园入驻了多少家企业"}
    assert httpx.post(f"{two_bases}/api/ask", headers=mine, json={**ask, "kb": "援疆"}, timeout=60).status_code == 200
    assert "帮扶" in clean_error(httpx.post(f"{two_bases}/api/ask", headers=mine, json={**ask, "kb": "帮扶"}), 403)
    chat = {"model": "帮扶", "messages": [{"role": "user", "content": ask["question"]}]}
    clean_error(httpx.post(f"{two_bases}/v1/chat/completions", headers=mine, json=chat), 403)
    rating = {"question": ask["question"], "rating": "up"}
    clean_error(httpx.post(f"{two_bases}/api/feedback", headers=mine, json={**rating, "kb": "帮扶"}), 403)
    assert httpx.post(f"{two_bases}/api/feedback", headers=mine, json={**rating, "kb": "援疆"}).status_code == 200
