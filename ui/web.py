"""The Gradio page (mounted at /ui, `/` redirects there): chat, cited passages, filters, feedback, index.

Everything goes through the same `Engines` as the HTTP API. Citation markers in an
answer are links; a small script in the page head makes a click on `[n]` scroll to
passage n in the sources panel and highlight it (plain anchors would fight Gradio's
own routing). Everything else from documents, the LLM or the user is shown as text (`as_text`):
Markdown or HTML in it never becomes markup. Labels are Chinese; fonts are the system's, so
nothing is fetched.
"""

from __future__ import annotations

import html
import re
import shutil
from collections import OrderedDict
from pathlib import Path

import gradio as gr

from .settings import ServerSettings
from wenjin.rag.types import Answer

from . import access
from . import feedback as feedback_file
from .embed import same_secret

HEAD = """<script>
document.addEventListener("click", (e) => {
  const a = e.target.closest("a.wj-cite");
  if (!a) return;
  e.preventDefault();
  const n = (a.getAttribute("href") || "").split("-").pop();  // the sanitizer keeps href, not data-*
  const box = document.getElementById("wj-cite-" + n);
  if (!box) return;
  document.querySelectorAll(".wj-source.wj-active").forEach((el) => el.classList.remove("wj-active"));
  box.classList.add("wj-active");
  box.scrollIntoView({behavior: "smooth", block: "center"});
}, true);
</script>"""
CSS = """
.wj-source { border: 1px solid #ddd; border-radius: 6px; padding: 8px 10px; margin: 8px 0; }
.wj-source.wj-active { border-color: #e67e22; background: #fff7e6; box-shadow: 0 0 0 2px #f5b041; }
.wj-head { font-weight: 600; margin-bottom: 4px; }
.wj-meta { color: #666; font-size: 0.9em; }
.wj-source mark { background: #ffe08a; }
a.wj-cite { text-decoration: none; font-weight: 600; }
"""
_MARKER = re.compile(r"\[(\d+)\]")


def as_text(text: str) -> str:
    """Untrusted text (words from documents, the LLM or a user) as HTML that shows exactly those characters.

    Articles and model output may hold Markdown or HTML (`![t](http://…)`, `<img src=…>`, links,
    tables); in the page they are data and must never become markup: an image would be fetched
    from anywhere, a link would lead there. The chat is therefore built with `render_markdown=False`
    (its messages are HTML, not Markdown) and every such text goes through here: escaped, so `<`,
    `&` and Markdown's characters display as themselves, with newlines as <br> to keep line breaks.
    """
    return html.escape(text).replace("\r\n", "\n").replace("\n", "<br>")


def linked(text: str) -> str:
    """Answer text as text (see `as_text`), the only markup being each [n] as a link to passage n."""
    return _MARKER.sub(lambda m: f'<a class="wj-cite" href="#wj-cite-{m.group(1)}">[{m.group(1)}]</a>',
                       as_text(text))


def sources_html(answer: Answer, docs: dict) -> str:
    """Each cited passage in its context, the quoted words marked, with title, date, outlet and file."""
    if answer.refused or not answer.citations:
        return "<p>没有可引用的原文。</p>" if answer.refused else "<p>引用的原文会显示在这里。</p>"
    parts = []
    for c in answer.citations:
        text = docs.get(c.doc_id, {}).get("text", "")
        before, after = text[max(0, c.start - 80):c.start], text[c.end:c.end + 80]
        meta = " · ".join(x for x in (c.date, c.outlet, c.source) if x)
        also = "；".join(a.get("outlet") or a["source"] for a in c.also)
        flag = "" if c.verified is not False else '<div class="wj-meta">（该处引用未能核实）</div>'
        parts.append(
            f'<div class="wj-source" id="wj-cite-{c.n}">'
            f'<div class="wj-head">[{c.n}] 《{as_text(c.title or c.source)}》</div>'
            f'<div class="wj-meta">{as_text(meta)}{"；亦见 " + as_text(also) if also else ""}</div>'
            f"<p>…{as_text(before)}<mark>{as_text(c.quote)}</mark>{as_text(after)}…</p>{flag}</div>")
    return "".join(parts)


def example_questions(docs: dict, n: int = 4) -> list[str]:
    """Questions drawn from what is indexed: the titles of the longest articles, asked about."""
    rows = sorted((d for d in docs.values() if not d.get("duplicate_of") and d["metadata"].get("title")),
                  key=lambda d: -len(d["text"]))
    heads = [re.split(r"[\s，,:：]+", d["metadata"]["title"])[0][:24] for d in rows]
    return [f"{h}，有哪些要点？" for h in dict.fromkeys(h for h in heads if len(h) >= 6)][:n]


def _text(content) -> str:
    """A chat message's text: Gradio 6 keeps content as a list of {type, text} parts, without tags."""
    if isinstance(content, list):
        content = "".join(p.get("text", "") for p in content if isinstance(p, dict))
    return html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<br\s*/?>", "\n", str(content or ""))))


def _pairs(messages: list[dict]) -> list[tuple[str, str]]:
    out, pending = [], None
    for m in messages:
        content = _text(m["content"])
        if m["role"] == "user":
            pending = content
        elif pending is not None:
            out.append((pending, content))
            pending = None
    return out


def build(library, settings: ServerSettings) -> gr.Blocks:
    """The page over a server's knowledge bases (ui/api.py `Library`): each session sees and asks
    only the bases its token may read, checked again on every call, not only in the selector."""
    def docs(kb: str | None = None) -> dict:
        return library.get(kb).get().index.docs

    def readable(request: gr.Request | None) -> list[str]:
        who = access.caller(request.request, settings) if request is not None and request.request else None
        return library.readable(who or {"user": ""}) if who or not settings.api_token else []

    def engine(kb: str, request: gr.Request):
        if kb not in readable(request):
            raise PermissionError(f"无权读取知识库 {kb!r}")
        return library.get(kb).get()

    def bases(request: gr.Request):
        names = readable(request)
        return gr.update(choices=names, value=names[0] if names else None, visible=len(library.names) > 1)

    cited: OrderedDict[tuple[str, int], list] = OrderedDict()  # (session, answer's place) → its citations

    def respond(question, messages, since, until, source, kb, request: gr.Request):
        question = (question or "").strip()
        if not question:
            yield "", messages, gr.update()
            return
        filters = {k: v.strip() for k, v in {"since": since, "until": until, "source": source}.items() if v and v.strip()}
        history = _pairs(messages)
        messages = messages + [{"role": "user", "content": as_text(question)},
                               {"role": "assistant", "content": "……"}]
        yield "", messages, gr.update()
        text = ""
        try:
            for piece in engine(kb, request).stream(question, history, filters or None):
                if isinstance(piece, Answer):
                    messages[-1] = {"role": "assistant", "content": linked(piece.text)}
                    cited[(request.session_hash or "", len(messages) - 1)] = piece.to_dict()["citations"]
                    while len(cited) > 10_000:  # kept for feedback on recent answers only
                        cited.popitem(last=False)
                    yield "", messages, sources_html(piece, docs(kb))
                else:
                    text += piece
                    messages[-1] = {"role": "assistant", "content": linked(text)}
                    yield "", messages, gr.update()
        except (ValueError, PermissionError) as e:  # a bad filter, a base not granted: say so, in the chat
            messages[-1] = {"role": "assistant", "content": as_text(f"无法回答：{e}")}
            yield "", messages, gr.update()

    def feedback(data: gr.LikeData, messages, comment, kb, request: gr.Request):
        at = data.index if isinstance(data.index, int) else len(messages) - 1
        answer = _text(messages[at]["content"])
        question = next((_text(m["content"]) for m in reversed(messages[:at]) if m["role"] == "user"), "")
        who = access.caller(request.request, settings) if getattr(request, "request", None) else None
        feedback_file.append(settings, {"user": (who or {}).get("user", ""), "kb": kb, "question": question,
                                        "answer": answer,
                                        "rating": "up" if data.liked else "down", "comment": comment or "",
                                        "citations": cited.get((request.session_hash or "", at), [])})
        return gr.update(value="", placeholder="已记录反馈，谢谢！")

    def overview(kb, request: gr.Request):
        if kb not in readable(request):
            return "无权查看这个知识库。", []
        ix = library.get(kb).get().index
        rows = [[d["metadata"].get("title", ""), d["metadata"].get("date", ""), d["metadata"].get("outlet", ""),
                 d["metadata"]["source"], "转载（未单独索引）" if d.get("duplicate_of") else ""]
                for d in ix.docs.values()]
        dates = sorted(d["metadata"]["date"] for d in ix.docs.values() if d["metadata"].get("date", "")[:1].isdigit())
        span = f"，日期 {dates[0]} 至 {dates[-1]}" if dates else ""
        return (f"**{ix.manifest['counts']['documents']}** 篇文档，**{ix.manifest['counts']['chunks']}** 个文本块"
                f"{span}；嵌入模型 {ix.embed_model}；索引版本 {ix.path.name}", rows)

    def upload(token, files, kb, progress=gr.Progress(track_tqdm=True)):
        from wenjin.index.ingest import IngestSettings, ingest

        if not settings.api_token:
            return "服务未设置 WENJIN_API_TOKEN，网页上传已关闭。"
        if not same_secret(token or "", settings.api_token):
            return "令牌不对：只有持有 WENJIN_API_TOKEN 的用户可以上传。"
        if not files:
            return "请先选择文件。"
        root = library.paths[kb]  # admin only: the API token, checked above
        inbox = root / "uploads"
        inbox.mkdir(parents=True, exist_ok=True)
        for f in files:
            shutil.copy(f if isinstance(f, str) else f.name, inbox / Path(f if isinstance(f, str) else f.name).name)
        roots = [Path(p) for p in library.get(kb).get().index.manifest.get("roots", []) if Path(p).exists()]
        report = ingest(list(dict.fromkeys(roots + [inbox.resolve()])), root, IngestSettings.from_settings(settings), progress=True)
        rejected = "；".join(f"{s}：{r}" for s, r in report.rejected[:10])
        return as_text(f"已导入：新增 {len(report.added)}、更新 {len(report.updated)} 个文件，文档 {report.documents} 篇，"
                       f"新嵌入 {report.embedded} 个文本块" + (f"。拒收：{rejected}" if rejected else "。"))

    with gr.Blocks(title="问津") as page:
        gr.Markdown("## 问津 · 中文资料问答\n回答中的每条事实都标注出处，点击 [n] 查看原文。")
        kb = gr.Dropdown(library.names[:1], value=library.names[0], label="知识库", elem_id="wj-kb",
                         visible=len(library.names) > 1)
        with gr.Tab("问答"):
            with gr.Row():
                with gr.Column(scale=3):
                    # Messages are HTML built by `as_text`/`linked`, never Markdown or LaTeX: see `as_text`.
                    chat = gr.Chatbot(label="对话", height=480, buttons=["copy"], elem_id="wj-chat",
                                      render_markdown=False, latex_delimiters=[], allow_tags=False,
                                      placeholder="问一个关于已导入文章的问题，例如：德格帮扶项目有哪些")
                    with gr.Row():
                        box = gr.Textbox(show_label=False, placeholder="输入问题，回车发送", scale=5,
                                         elem_id="wj-question")
                        send = gr.Button("提问", variant="primary", scale=1, elem_id="wj-send")
                    gr.Examples(example_questions(docs()), inputs=box, label="示例问题")
                    with gr.Accordion("筛选", open=False):
                        with gr.Row():
                            since = gr.Textbox(label="起始日期（YYYY-MM-DD）", elem_id="wj-since")
                            until = gr.Textbox(label="截止日期（YYYY-MM-DD）", elem_id="wj-until")
                            source = gr.Dropdown([""] + sorted({d["metadata"]["source"].split("#")[0]
                                                                for d in docs().values()}),
                                                 value="", label="来源文件", elem_id="wj-source")
                    comment = gr.Textbox(label="反馈说明（可选，点 👍/👎 时一并记录）", elem_id="wj-comment")
                with gr.Column(scale=2):
                    gr.Markdown("### 引用的原文")
                    panel = gr.HTML("<p>引用的原文会显示在这里。</p>", elem_id="wj-sources")
            box.submit(respond, [box, chat, since, until, source, kb], [box, chat, panel])
            send.click(respond, [box, chat, since, until, source, kb], [box, chat, panel])
            chat.like(feedback, [chat, comment, kb], [comment])
        with gr.Tab("已导入"):
            summary = gr.Markdown(elem_id="wj-summary")
            table = gr.Dataframe(headers=["标题", "日期", "来源媒体", "文件", "备注"], interactive=False,
                                 elem_id="wj-docs")
            refresh = gr.Button("刷新")
            with gr.Accordion("上传文章（需要令牌）", open=False):
                token = gr.Textbox(label="令牌（WENJIN_API_TOKEN）", type="password")
                files = gr.File(label="文件（txt/md/html/jsonl/docx/pdf）", file_count="multiple", elem_id="wj-upload")
                go = gr.Button("导入")
                result = gr.HTML(elem_id="wj-upload-result")  # names uploaded files: text via `as_text`
            go.click(upload, [token, files, kb], [result])
            refresh.click(overview, [kb], [summary, table])
            kb.change(overview, [kb], [summary, table])
            page.load(bases, None, [kb]).then(overview, [kb], [summary, table])
    return page


def mount(app, library, settings: ServerSettings):
    """The page at /ui, with `/` sending browsers there."""
    from fastapi.responses import RedirectResponse

    @app.get("/", include_in_schema=False)
    def root():
        return RedirectResponse("/ui/")

    theme = gr.themes.Default(font=["system-ui", "PingFang SC", "Noto Sans CJK SC", "sans-serif"],
                              font_mono=["ui-monospace", "monospace"])
    return gr.mount_gradio_app(app, build(library, settings), path="/ui", theme=theme, css=CSS, head=HEAD,
                               ssr_mode=False, footer_links=[], max_file_size="50mb")
