"""Print the result tables of README and docs/ from the committed results.

    python scripts/results_table.py        # reads docs/results/*.json (`wenjin eval` and `wenjin bench` runs)

The table is generated, not typed, so it cannot drift from the runs it reports.
"""

from __future__ import annotations

import json
from pathlib import Path

RESULTS = Path(__file__).resolve().parent.parent / "docs" / "results"
ROWS = [
    ("sample.json", "sample gold set (100 q: 34 answerable, 66 unanswerable)"),
    ("crud-dev-half1.json", "CRUD dev half 1 (58 q, tuned on)"),
    ("crud-dev-half2.json", "CRUD dev half 2 (57 q, reported only)"),
]
REFUSALS = [
    ("sample.json", "sample: unanswerable questions"),
    ("crud-dev-half1-without-gold.json", "CRUD dev half 1, gold documents hidden"),
    ("crud-dev-half2-without-gold.json", "CRUD dev half 2, gold documents hidden"),
]


def metrics(name: str) -> dict:
    return json.loads((RESULTS / name).read_text("utf-8"))["configs"][0]["metrics"]


def fmt(v, digits: int = 3) -> str:
    return "—" if v is None else (f"{v:.0f}" if digits == 0 else f"{v:.{digits}f}")


def main() -> None:
    print("| gold set | hit@1 | contains gold | first line holds it | median chars | char-F1 | citations hold gold "
          "| false refusals |")
    print("|---|---|---|---|---|---|---|---|")
    for name, label in ROWS:
        m = metrics(name)
        print(f"| {label} | {fmt(m['hit@1'])} | {fmt(m['answer_correct'])} | {fmt(m['first_line'])} "
              f"| {fmt(m['answer_chars_median'], 0)} | {fmt(m['char_f1'])} | {fmt(m['citation_correct'])} "
              f"| {fmt(m['false_refusals'])} |")
    print()
    print("| questions that should be refused | refused |")
    print("|---|---|")
    for name, label in REFUSALS:
        print(f"| {label} | {fmt(metrics(name)['refusal_recall'])} |")
    print()
    furniture()
    print()
    cli_speed()
    print()
    one_line()


def furniture() -> None:
    """`wenjin bench clean` against the hand-marked articles (docs/results/furniture.json)."""
    results = json.loads((RESULTS / "furniture.json").read_text("utf-8"))
    print("| hand-marked CRUD articles | articles | furniture pieces | removed | prose characters removed |")
    print("|---|---|---|---|---|")
    for half, label in (("dev", "dev (patterns written and score fitted on these)"), ("heldout", "held-out (reported only)")):
        r = results[half]
        print(f"| {label} | {r['articles']} | {r['pieces']} | {r['furniture_removed']:.1%} "
              f"| {r['prose_removed']:.2%} ({r['prose_chars_removed']:,} of {r['prose_chars']:,}) |")


def cli_speed() -> None:
    """`wenjin bench cli` (docs/results/cli.json)."""
    r = json.loads((RESULTS / "cli.json").read_text("utf-8"))
    print("| one question from the command line | median seconds | × `wenjin --help` |")
    print("|---|---|---|")
    print(f"| `wenjin --help` | {r['help_s']:.2f} | 1.0 |")
    print(f"| `wenjin ask`, a new process | {r['cold_ask_s']:.2f} | {r['cold_over_help']:.1f} |")
    print(f"| the same question, engine loaded | {r['warm_ask_s']:.3f} | {r['warm_ask_s'] / r['help_s']:.2f} |")


def one_line() -> None:
    """`wenjin bench oneline` (docs/results/oneline.json)."""
    r = json.loads((RESULTS / "oneline.json").read_text("utf-8"))
    print(f"| {r['mb']:g} MB of CRUD text | documents | chunks | clean s | split s | tokenise s | total s |")
    print("|---|---|---|---|---|---|---|")
    for key, label in (("ordinary", "as articles (JSONL)"), ("oneline", "all on one line")):
        x = r[key]
        print(f"| {label} | {x['documents']:,} | {x['chunks']:,} | {x['clean_s']:.1f} | {x['split_s']:.1f} "
              f"| {x['tokenize_s']:.1f} | {x['total_s']:.1f} |")
    print(f"| one line ÷ articles | | | | | | {r['time_ratio']:.2f}× |")


if __name__ == "__main__":
    main()
