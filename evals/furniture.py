"""How much page furniture cleaning removes, and how much prose it takes with it.

Scored against articles whose furniture was marked by hand (`evals/data/furniture.jsonl`:
4,180 CRUD-RAG news articles, Apache-2.0, each `{id, half, text, furniture: [exact substrings]}`;
the marks were made by reading, without the cleaner in view). The patterns in
`index/furniture.toml` are written on the `dev` half; the `heldout` half is only reported.

Both texts are compared after `normalize` (what cleaning starts from) with all whitespace
dropped, and aligned character by character (difflib: cleaning only deletes), so a piece cut out of
the middle of a one-line article counts as exactly as much as a whole line. The marks travel
through normalisation as private-use sentinels around each piece.

A piece counts as removed when at most a tenth of its characters survive. The title after
`原标题：` is left out of both counts: it is a headline (content), and where it runs into the
body nothing marks its end, so only the label counts as furniture.
"""

from __future__ import annotations

import json
import re
from difflib import SequenceMatcher
from pathlib import Path

from tqdm import tqdm

from wenjin.index.clean import clean_text, normalize

from .report import save

MARKS = Path(__file__).resolve().parent / "data" / "furniture.jsonl"
_SPACE = re.compile(r"\s+")
_TITLE_LABEL = "原标题："


def _squeeze(text: str) -> str:
    return _SPACE.sub("", text)


def _kept(base: str, cleaned: str) -> list[bool]:
    """For each character of `base`, whether it survives in `cleaned` (a subsequence of it)."""
    kept = [False] * len(base)
    for block in SequenceMatcher(None, base, cleaned, autojunk=False).get_matching_blocks():
        kept[block.a:block.a + block.size] = [True] * block.size
    return kept


_OPEN, _CLOSE = "\ue001", "\ue002"  # private-use characters: normalisation leaves them alone


def _marked(record: dict) -> str:
    """The article with each marked piece between sentinels, so that the marks survive the same
    normalisation as the text (NFKC turns a trailing "；" into ";", which a plain search would miss)."""
    text, taken = record["text"], []
    for piece in record["furniture"]:
        start = text.find(piece)
        while start >= 0 and any(a < start + len(piece) and start < b for a, b in taken):
            start = text.find(piece, start + 1)
        if start >= 0:
            taken.append((start, start + len(piece)))
    for a, b in sorted(taken, reverse=True):
        text = text[:a] + _OPEN + text[a:b] + _CLOSE + text[b:]
    return text


def score_article(record: dict) -> dict:
    marked = _squeeze(normalize(_marked(record)))
    base, label, inside, start = [], [], False, 0
    pieces: list[tuple[int, int]] = []
    for ch in marked:
        if ch == _OPEN:
            inside, start = True, len(base)
        elif ch == _CLOSE:
            inside = False
            pieces.append((start, len(base)))
        else:
            base.append(ch)
            label.append("furniture" if inside else None)
    base = "".join(base)
    kept = _kept(base, _squeeze(clean_text(record["text"])))
    removed, missed = 0, []
    for a, b in pieces:
        counted = range(a, b)
        if base.startswith(_TITLE_LABEL, a):  # the title after the label is neither furniture nor prose
            counted = range(a, a + len(_TITLE_LABEL))
            for i in range(a + len(_TITLE_LABEL), b):
                label[i] = "neutral"
        if sum(kept[i] for i in counted) <= len(counted) / 10:
            removed += 1
        else:
            missed.append(base[a:b] + "  ⟶ kept: " + "".join(base[i] for i in counted if kept[i]))
    prose = [k for k, lab in zip(kept, label) if lab is None]
    furniture = [k for k, lab in zip(kept, label) if lab == "furniture"]
    cut = [i for i, (k, lab) in enumerate(zip(kept, label)) if lab is None and not k]
    return {"id": record["id"], "pieces": len(pieces), "removed": removed, "missed": missed,
            "unplaced": len(record["furniture"]) - len(pieces),
            "furniture_chars": len(furniture), "furniture_chars_removed": furniture.count(False),
            "prose_chars": len(prose), "prose_chars_removed": prose.count(False),
            "prose_cut": _runs(base, cut)}


def _runs(text: str, positions: list[int]) -> list[str]:
    """Consecutive removed prose characters as strings (what a reader would have lost)."""
    runs, start = [], None
    for a, b in zip(positions, positions[1:] + [None]):
        start = a if start is None else start
        if b != a + 1:
            runs.append(text[start:a + 1])
            start = None
    return runs


def score(records: list[dict], label: str = "", examples: bool = True) -> dict:
    """Totals over `records`; with `examples`, also the pieces missed and the prose cut, which are
    left out for the held-out half so that reading the results cannot turn it into a dev half."""
    rows = [score_article(r) for r in tqdm(records, desc=f"清洗 {label}".strip(), unit="篇", leave=False)]
    total = {k: sum(r[k] for r in rows) for k in ("pieces", "removed", "unplaced", "furniture_chars",
                                                   "furniture_chars_removed", "prose_chars", "prose_chars_removed")}
    return {"articles": len(rows), **total,
            "furniture_removed": total["removed"] / max(total["pieces"], 1),
            "furniture_chars_removed_share": total["furniture_chars_removed"] / max(total["furniture_chars"], 1),
            "prose_removed": total["prose_chars_removed"] / max(total["prose_chars"], 1),
            "missed": [p for r in rows for p in r["missed"]] if examples else [],
            "prose_cut": [p for r in rows for p in r["prose_cut"]] if examples else []}


def load(path: Path = MARKS) -> dict[str, list[dict]]:
    halves: dict[str, list[dict]] = {}
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            halves.setdefault(record["half"], []).append(record)
    return halves


def table(results: dict[str, dict]) -> str:
    lines = ["| half | articles | marked pieces | furniture removed | furniture chars removed | prose chars removed |",
             "|---|---|---|---|---|---|"]
    for half, r in results.items():
        lines.append(f"| {half} | {r['articles']} | {r['pieces']} | {r['furniture_removed']:.1%} "
                     f"({r['removed']}/{r['pieces']}) | {r['furniture_chars_removed_share']:.1%} "
                     f"| {r['prose_removed']:.2%} ({r['prose_chars_removed']:,}/{r['prose_chars']:,}) |")
    return "\n".join(lines)


def _plot(results: dict[str, dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    halves = list(results)
    fig, (left, right) = plt.subplots(1, 2, figsize=(8, 3))
    left.bar(halves, [results[h]["furniture_removed"] * 100 for h in halves], color="#4a4")
    left.axhline(95, color="#c44", linestyle="--", linewidth=1)
    left.set_ylabel("% of marked furniture removed")
    left.set_ylim(0, 100)
    right.bar(halves, [results[h]["prose_removed"] * 100 for h in halves], color="#c44")
    right.axhline(0.5, color="#c44", linestyle="--", linewidth=1)
    right.set_ylabel("% of prose characters removed")
    right.set_ylim(0, 1)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def run(marks: Path, out: Path) -> str:
    """Score every half of the marked set; writes furniture.json/.md/.png under `out`."""
    results = {half: score(records, half, examples=half != "heldout") for half, records in load(marks).items()}
    text = table(results)
    save(out, "furniture", results, text, _plot)
    return text
