"""Eval reports: metrics.json, report.md, and a self-contained report.html with plots.

Plots are matplotlib PNGs embedded as data URIs, so the HTML is one file to mail
or attach to a ticket. Plot labels are English: the default fonts have no CJK glyphs.
"""

from __future__ import annotations

import base64
import html
import io
import json
from pathlib import Path

HEADLINE = ("hit@1", "hit@5", "mrr@10", "recall@10", "fact_recall", "answer_correct", "first_line", "char_f1",
            "answer_chars_median", "citation_correct", "citation_precision", "refusal_recall", "false_refusals",
            "total_p50_ms", "total_p95_ms")
BY_KIND = ("hit@5", "mrr@10", "fact_recall", "answer_correct", "rouge_l", "citation_precision")


def fmt(value) -> str:
    if value is None:
        return "—"
    return f"{value:.1f}" if isinstance(value, float) and abs(value) >= 10 else f"{value:.3f}"


def failures(run: dict) -> list[dict]:
    """Questions a person should look at, each with why."""
    out = []
    for r in run["questions"]:
        s, why = r["scores"], []
        if r["kind"] == "unanswerable":
            if not r["refused"]:
                why.append("应拒答却作答")
        else:
            if r["refused"]:
                why.append("误拒答")
            elif s["answer_correct"] == 0:
                why.append("答案缺少事实")
            if s["hit@5"] == 0:
                why.append("前5篇未检索到金标准文档")
            if s["citation_precision"] is not None and s["citation_precision"] < 1:
                why.append("有引用不支持其论断")
        if why:
            out.append({**r, "why": "；".join(why)})
    return out


def write(runs: list[dict], gold: Path, out: Path) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    summary = {"gold": str(gold), "configs": [{k: v for k, v in run.items() if k != "questions"} for run in runs]}
    paths = {"json": out / "metrics.json", "md": out / "report.md", "html": out / "report.html"}
    paths["json"].write_text(json.dumps(summary, ensure_ascii=False, indent=1), "utf-8")
    for run in runs:
        with (out / f"questions-{_slug(run['config'])}.jsonl").open("w", encoding="utf-8") as f:
            for r in run["questions"]:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    paths["md"].write_text(markdown(runs, gold), "utf-8")
    paths["html"].write_text(page(runs, gold), "utf-8")
    return paths


def save(out: Path, stem: str, result: dict, table: str, plot=None) -> None:
    """A benchmark's three outputs side by side: `stem`.json (the numbers), .md (the table), .png."""
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{stem}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), "utf-8")
    (out / f"{stem}.md").write_text(table + "\n", "utf-8")
    if plot:
        plot(result, out / f"{stem}.png")


def _slug(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name)[:60]


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def comparison_rows(runs: list[dict]) -> list[list[str]]:
    return [[run["config"]] + [fmt(run["metrics"].get(k)) for k in HEADLINE] for run in runs]


def kind_rows(run: dict) -> list[list[str]]:
    return [[kind, str(v["questions"])] + [fmt(v.get(k)) for k in BY_KIND] for kind, v in run["by_kind"].items()]


def tag_rows(run: dict) -> list[list[str]]:
    return [[tag, str(v["questions"]), fmt(v["refused"])] for tag, v in run.get("by_tag", {}).items()]


def failure_rows(run: dict, limit: int = 200) -> list[list[str]]:
    rows = []
    for r in failures(run)[:limit]:
        expected = "、".join(r["must_include"]) or r["reference"] or "（应拒答）"
        retrieved = "；".join(r["retrieved"][:3])
        rows.append([r["id"], r["kind"], r["question"], expected, _short(r["answer"], 120), retrieved, r["why"]])
    return rows


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n] + "…"


FAIL_HEADER = ["id", "kind", "question", "expected", "answered", "retrieved (top 3)", "why"]


def markdown(runs: list[dict], gold: Path) -> str:
    first = runs[0]
    parts = [f"# wenjin eval: {gold.name}", "",
             f"{first['questions_total']} questions; index `{first['index']}`; metric definitions in docs/evaluation.md "
             "(“Evaluation”).", "", "## Configurations", "",
             _table(["config"] + list(HEADLINE), comparison_rows(runs))]
    for run in runs:
        parts += ["", f"## {run['config']}: by question kind", "",
                  _table(["kind", "questions"] + list(BY_KIND), kind_rows(run))]
        if run.get("by_tag"):
            parts += ["", f"## {run['config']}: refusals by tag", "",
                      _table(["tag", "questions", "refused"], tag_rows(run))]
    parts += ["", f"## Questions to look at ({first['config']})", "",
              _table(FAIL_HEADER, failure_rows(first)) if failures(first) else "None."]
    return "\n".join(parts) + "\n"


def page(runs: list[dict], gold: Path) -> str:
    first = runs[0]
    esc = html.escape
    def table(header, rows):
        head = "".join(f"<th>{esc(h)}</th>" for h in header)
        body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in rows)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    plots = "".join(f'<figure><img alt="{esc(alt)}" src="data:image/png;base64,{png}"><figcaption>{esc(alt)}'
                    "</figcaption></figure>" for alt, png in _plots(runs))
    sections = [f"<h1>wenjin eval: {esc(gold.name)}</h1>",
                f"<p>{first['questions_total']} questions; index <code>{esc(first['index'])}</code>; "
                "metric definitions in docs/evaluation.md.</p>",
                "<h2>Configurations</h2>", table(["config"] + list(HEADLINE), comparison_rows(runs)),
                f"<div class='plots'>{plots}</div>"]
    for run in runs:
        sections += [f"<h2>{esc(run['config'])}: by question kind</h2>",
                     table(["kind", "questions"] + list(BY_KIND), kind_rows(run))]
        if run.get("by_tag"):
            sections += [f"<h2>{esc(run['config'])}: refusals by tag</h2>",
                         table(["tag", "questions", "refused"], tag_rows(run))]
    sections += [f"<h2>Questions to look at ({esc(first['config'])})</h2>",
                 table(FAIL_HEADER, failure_rows(first)) if failures(first) else "<p>None.</p>"]
    style = ("body{font-family:system-ui,'Noto Sans CJK SC','PingFang SC',sans-serif;margin:2em;max-width:1400px}"
             "table{border-collapse:collapse;margin:1em 0;font-size:14px}td,th{border:1px solid #ccc;"
             "padding:4px 8px;vertical-align:top;text-align:left}th{background:#f3f3f3}"
             ".plots{display:flex;flex-wrap:wrap;gap:1em}figure{margin:0}img{max-width:620px}")
    return (f"<!doctype html><html lang='zh'><head><meta charset='utf-8'><title>wenjin eval</title>"
            f"<style>{style}</style></head><body>{''.join(sections)}</body></html>")


def _plots(runs: list[dict]) -> list[tuple[str, str]]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out = []
    first = runs[0]
    fig, ax = plt.subplots(figsize=(8, 3.6))
    kinds = list(first["by_kind"])
    width = 0.8 / len(BY_KIND)
    for i, key in enumerate(BY_KIND):
        values = [first["by_kind"][k].get(key) for k in kinds]
        values = [float("nan") if v is None else v for v in values]  # no bar where a metric does not apply
        ax.bar([x + i * width for x in range(len(kinds))], values, width, label=key)
    ax.set_xticks([x + 0.4 - width / 2 for x in range(len(kinds))], kinds)
    ax.set_ylim(0, 1.05)
    ax.set_title(f"metrics by question kind ({first['config']})")
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1))
    out.append(("metrics by question kind", _png(fig, plt)))

    fig, ax = plt.subplots(figsize=(6, 3.6))
    for run in runs:
        if run["hit_curve"]:
            ax.plot(range(1, len(run["hit_curve"]) + 1), run["hit_curve"], marker="o", label=run["config"])
    ax.set_xlabel("k (documents)")
    ax.set_ylabel("hit@k")
    ax.set_ylim(0, 1.05)
    ax.set_title("hit@k curve" if any(run["hit_curve"] for run in runs) else "hit@k curve (no gold sources given)")
    if any(run["hit_curve"] for run in runs):
        ax.legend(fontsize=7)
    out.append(("hit@k curve", _png(fig, plt)))

    import numpy as np

    fig, ax = plt.subplots(figsize=(6, 3.6))
    every = [r["timings"]["total_ms"] for run in runs for r in run["questions"]]
    bins = np.histogram_bin_edges(every, bins=40) if every else 10  # shared bins: configurations compare
    for run in runs:
        ax.hist([r["timings"]["total_ms"] for r in run["questions"]], bins=bins, histtype="step", linewidth=1.5,
                label=run["config"])
    ax.set_xlabel("ms per question, warm process (retrieve + answer)")
    ax.set_ylabel("questions")
    ax.set_title("latency")
    ax.legend(fontsize=7)
    out.append(("latency histogram", _png(fig, plt)))

    fig, ax = plt.subplots(figsize=(6, 3.6))
    drawn = False
    for run in runs:
        scored = [(r["answerability"], r["kind"] != "unanswerable") for r in run["questions"]
                  if r.get("answerability") is not None]
        if any(a for _, a in scored) and not all(a for _, a in scored):
            from .fit import refusal_curve

            curve = refusal_curve([s for s, _ in scored], [a for _, a in scored])
            ax.plot([c["false_refusals"] for c in curve], [c["wrong_accepted"] for c in curve], label=run["config"])
            drawn = True
    ax.set_xlabel("answerable questions refused (share)")
    ax.set_ylabel("unanswerable questions answered (share)")
    ax.set_title("refusal threshold curve" if drawn else "refusal curve (needs answerable and unanswerable questions)")
    if drawn:
        ax.axvline(0.03, color="grey", linestyle=":", linewidth=1)
        ax.legend(fontsize=7)
    out.append(("refusal threshold curve: each point one threshold on the answerability score", _png(fig, plt)))
    return out


def _png(fig, plt) -> str:
    buf = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buf, format="png", dpi=110)
    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode()
