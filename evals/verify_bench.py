"""How well citation checking flags unsupported claims: `wenjin bench verify`.

Each labelled line is {id, passage, claim, supported} and, in the categorised set,
`category` and `split` (dev: the rules were written looking at it; heldout: scored only).
The checker (rag/verify.py `judge`) flags a claim when the passage does not support it.
A line naming its `source` article (in `articles/` beside the set) is checked as answers are
checked in use, with its article's title and date (`Engine` gives the checker each cited chunk with
them), so a claim may name the article's subject where the sentence only says 园区, and date the
passage's 10月19日 by the article's year.
Precision and recall are those of the flag: of the claims flagged, how many were
unsupported; of the unsupported claims, how many were flagged. Per category, accuracy is
the share of claims judged as labelled (a supported category cannot have recall).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from wenjin.index.clean import clean_text
from wenjin.index.ingest import Document, to_document
from wenjin.index.readers import read_file
from wenjin.rag.verify import dated_title, judge

@lru_cache(maxsize=None)
def _documents(folder: Path, source: str) -> tuple[tuple[str, str], ...]:
    """(header line as the checker is given it in use: title and date, text in word characters only)
    of each article the file holds, cleaned as ingest cleans it."""
    path = folder / source
    if not path.is_file():
        return ()
    docs = [to_document(raw)[0] for raw in read_file(path, source) if not hasattr(raw, "reason")]
    return tuple((dated_title(d.metadata.get("title", ""), d.metadata.get("date", "")), _bare(d.text))
                 for d in docs if isinstance(d, Document))


def _bare(text: str) -> str:
    return re.sub(r"\W", "", unicodedata.normalize("NFKC", text))


def title(row: dict, folder: Path) -> str:
    """The title and date of the article holding the row's passage (its `source` in `folder`), which
    the checker is given in use."""
    bare = _bare(clean_text(row["passage"]))
    for headline, text in _documents(folder, row.get("source", "").split("#")[0]):
        if bare[:30] in text:
            return headline
    return ""


def load(path: Path, split: str | None = None) -> list[dict]:
    rows = [json.loads(line) for line in Path(path).read_text("utf-8").splitlines() if line.strip()]
    return [r for r in rows if split is None or r.get("split", split) == split]


def score(path: Path | None = None, rows: list[dict] | None = None, articles: Path | None = None) -> dict:
    """`articles`: the folder the rows' `source` files are in (default: `articles/` beside the set)."""
    rows = rows if rows is not None else load(path)
    folder = articles or (Path(path).parent / "articles" if path else Path("samples/articles"))
    judged = [(r, judge(r["passage"], r["claim"], title=title(r, folder))) for r in rows]
    flagged = [not v.supported for _, v in judged]
    unsupported = [not r["supported"] for r in rows]
    tp = sum(f and u for f, u in zip(flagged, unsupported))
    by_category: dict[str, list[bool]] = defaultdict(list)
    for (r, v), f in zip(judged, flagged):
        by_category[r.get("category", "all")].append(f == (not r["supported"]))
    return {"claims": len(rows), "unsupported": sum(unsupported), "flagged": sum(flagged), "caught": tp,
            "precision": tp / sum(flagged) if any(flagged) else None,
            "recall": tp / sum(unsupported) if any(unsupported) else None,
            "by_category": {k: sum(v) / len(v) for k, v in sorted(by_category.items())},
            "missed": [r["claim"] for (r, _), f, u in zip(judged, flagged, unsupported) if u and not f],
            "false_flags": [(r["claim"], v.reasons) for (r, v), f, u in zip(judged, flagged, unsupported) if f and not u]}


def _num(value) -> str:
    return "—" if value is None else f"{value:.2f}"


def pooled(results: dict[str, dict]) -> dict[str, dict]:
    """The development and the held-out sets each taken as one set: the figures a reader wants first."""
    parts: dict[str, list[dict]] = defaultdict(list)
    for name, r in results.items():
        parts["held-out sets, pooled" if "heldout" in name else "development sets, pooled"].append(r)
    out = {}
    for part in ("development sets, pooled", "held-out sets, pooled"):
        rs = parts.get(part, [])
        n, unsupported, flagged, caught = (sum(r.get(k, 0) for r in rs) for k in ("claims", "unsupported", "flagged", "caught"))
        out[part] = {"claims": n, "unsupported": unsupported, "flagged": flagged, "caught": caught,
                     "precision": caught / flagged if flagged else None,
                     "recall": caught / unsupported if unsupported else None, "by_category": {}}
    return out


def table(results: dict[str, dict]) -> str:
    """The pooled figures, then each set's, then each category's by set."""
    lines = ["| claims | n | unsupported | flagged | precision | recall |", "|---|---|---|---|---|---|"]
    lines += _rows(pooled(results)) + ["", lines[0], lines[1]] + _rows(results)
    categories = sorted({c for r in results.values() for c in r["by_category"] if c != "all"})
    if categories:
        names = [n for n, r in results.items() if set(r["by_category"]) - {"all"}]
        lines += ["", "| category | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
        for c in categories:
            lines.append(f"| {c} | " + " | ".join(_num(results[n]["by_category"].get(c)) for n in names) + " |")
    return "\n".join(lines)


def _rows(results: dict[str, dict]) -> list[str]:
    lines = []
    for name, r in results.items():
        lines.append(f"| {name} | {r['claims']} | {r['unsupported']} | {r['flagged']} | {_num(r['precision'])} "
                     f"| {_num(r['recall'])} |")
    return lines


def run(files: list[Path]) -> dict[str, dict]:
    """Each file scored whole; a categorised set scored per split."""
    out = {}
    for path in files:
        rows = load(path)
        if any("split" in r for r in rows):
            for split in dict.fromkeys(r.get("split") for r in rows):
                out[f"{path.name} ({split})"] = score(rows=[r for r in rows if r.get("split") == split],
                                                             articles=path.parent / "articles")
        else:
            out[path.name] = score(rows=rows, articles=path.parent / "articles")
    return out
