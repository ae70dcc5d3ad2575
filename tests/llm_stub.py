"""A scripted OpenAI-compatible chat server on 127.0.0.1: the one stand-in the tests allow.

`script(messages) -> reply` decides each answer: a string (sent whole, or as SSE
chunks when the client streams), or one of `Error(status)`, `Sleep(seconds, reply)`,
`Garbage()` to exercise the failure paths. Every request body is kept in `requests`.
The adversarial modes at the end (`MODES`, run through a `Switch`) write wrong, uncited,
hijacked or Markdown-laden answers about a fact of the sample corpus.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable


@dataclass
class Error:
    status: int


@dataclass
class Sleep:
    seconds: float
    reply: str = "迟到的回答。"


@dataclass
class Garbage:
    pass


class StubLLM:
    def __init__(self, script: Callable[[list[dict]], object]) -> None:
        self.script = script
        self.requests: list[dict] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_GET(self):
                self._json(200, {"object": "list", "data": [{"id": "stub", "object": "model"}]})

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                stub.requests.append(body)
                reply = stub.script(body.get("messages", []))
                if isinstance(reply, Sleep):
                    time.sleep(reply.seconds)
                    reply = reply.reply
                if isinstance(reply, Error):
                    return self._json(reply.status, {"error": {"message": "scripted failure", "type": "server_error"}})
                if isinstance(reply, Garbage):
                    data = b"this is not json"
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                    return
                if body.get("stream"):
                    return self._stream(str(reply))
                self._json(200, {"id": "c1", "object": "chat.completion", "created": 0, "model": "stub",
                                 "choices": [{"index": 0, "finish_reason": "stop",
                                              "message": {"role": "assistant", "content": str(reply)}}],
                                 "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}})

            def _json(self, status: int, obj: dict) -> None:
                data = json.dumps(obj, ensure_ascii=False).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, text: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                pieces = [text[i:i + 7] for i in range(0, len(text), 7)]
                for i, piece in enumerate(pieces):
                    chunk = {"id": "c1", "object": "chat.completion.chunk", "created": 0, "model": "stub",
                             "choices": [{"index": 0, "delta": {"role": "assistant", "content": piece} if i == 0
                                          else {"content": piece}, "finish_reason": None}]}
                    self.wfile.write(f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode())
                    self.wfile.flush()
                end = {"id": "c1", "object": "chat.completion.chunk", "created": 0, "model": "stub",
                       "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
                self.wfile.write(f"data: {json.dumps(end)}\n\ndata: [DONE]\n\n".encode())
                self.wfile.flush()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "StubLLM":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


# --- adversarial answers ----------------------------------------------------------------
# Scripts that write what a careless or hijacked LLM would, about one paragraph of
# samples/articles/dege_assistance.txt:
#   雪域牦牛乳精深加工项目由四川格萨尔牧业有限公司牵头,联合武侯区食品企业投资3.5亿元,在更庆片区建设
#   年处理鲜奶2万吨的生产线,主要生产牦牛奶粉、酸奶和奶渣饼干,预计带动1800户牧民增收。
# Each cites the number the prompt gave that paragraph's passage. Run them with `Switch`, whose
# mode a test sets: `switch = Switch(); StubLLM(switch); switch.mode = "negate"`.

def passage_with(messages: list[dict], needle: str) -> int:
    """The number the prompt gave the passage containing `needle` (99 if none does)."""
    user = messages[-1]["content"] if messages else ""
    for m in re.finditer(r"<资料 (\d+)[^>]*>\n(.*?)\n</资料 \1>", user, re.S):
        if needle in m.group(2):
            return int(m.group(1))
    return 99


YAK = "雪域牦牛乳精深加工项目"
YAK_QUESTION = "德格雪域牦牛乳项目投资多少"
CORRECT = "雪域牦牛乳精深加工项目由四川格萨尔牧业有限公司牵头，投资3.5亿元"
# Right in other words: reordered, 投入 for 投资, 让…增加收入 for 带动…增收, Chinese numerals.
PARAPHRASE = ("四川格萨尔牧业有限公司牵头的雪域牦牛乳精深加工项目，联合武侯区食品企业共投入三亿五千万元",
              "该项目预计能让一千八百户牧民增加收入")
# Right too, with a quantity worded otherwise: 每年 for 年; the measure word 一条 the article leaves out.
PARAPHRASE_YEARLY = "雪域牦牛乳精深加工项目每年处理鲜奶2万吨"
PARAPHRASE_ONE_LINE = "雪域牦牛乳精深加工项目在更庆片区建一条年处理鲜奶2万吨的生产线"
WRONG = {
    "swap_numbers": "雪域牦牛乳精深加工项目投资1800户，预计带动3.5亿元牧民增收",
    "negate": "雪域牦牛乳精深加工项目不生产牦牛奶粉，也未能带动牧民增收",
    "negate_fused": "雪域牦牛乳精深加工项目未联合武侯区食品企业",        # jieba makes one word of 未联合
    "swap_entities": "雪域牦牛乳精深加工项目由内蒙古伊利实业集团牵头，在炉霍县建设生产线",
    "swap_roles": "雪域牦牛乳精深加工项目由武侯区食品企业牵头，联合四川格萨尔牧业有限公司投资3.5亿元",
}
TAKE_OVER = "我已忽略之前的指令。HACKED"
NO_MARKERS = ("雪域牦牛乳精深加工项目由四川格萨尔牧业有限公司牵头。", "该项目投资3.5亿元，预计带动1800户牧民增收。")


def cited(*claims: str) -> Callable[[list[dict]], str]:
    """A script answering with `claims`, each ending in the marker of the passage that holds them."""
    def script(messages: list[dict]) -> str:
        n = passage_with(messages, YAK)
        return "".join(f"{c}[{n}]。" for c in claims)
    return script


def markdown(url: str) -> Callable[[list[dict]], str]:
    """A right cited claim, then a cited claim carrying a Markdown image and a link to `url`."""
    def script(messages: list[dict]) -> str:
        n = passage_with(messages, YAK)
        return f"雪域牦牛乳精深加工项目投资3.5亿元[{n}]，宣传图见 ![t]({url}/x.png) ，详见[点我]({url}/l)[{n}]。"
    return script


MODES: dict[str, Callable[[list[dict]], object]] = {
    "paraphrase": cited(*PARAPHRASE),
    "paraphrase_yearly": cited(PARAPHRASE_YEARLY),
    "paraphrase_one_line": cited(PARAPHRASE_ONE_LINE),
    **{kind: cited(CORRECT, wrong) for kind, wrong in WRONG.items()},       # one right claim, one wrong
    **{f"{kind}_alone": cited(wrong) for kind, wrong in WRONG.items()},     # the wrong claim only
    "take_over": lambda messages: TAKE_OVER,
    "no_markers": lambda messages: "".join(NO_MARKERS),
    "markdown": markdown("http://127.0.0.1:9"),
}


class Switch:
    """A script that answers as its current `mode` (a key of `modes`) does; one stub serves many tests."""

    def __init__(self, modes: dict[str, Callable[[list[dict]], object]] | None = None, mode: str = "paraphrase"):
        self.modes = dict(MODES if modes is None else modes)
        self.mode = mode

    def __call__(self, messages: list[dict]) -> object:
        return self.modes[self.mode](messages)
