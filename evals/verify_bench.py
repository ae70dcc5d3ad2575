"""How well citation checking flags unsupported claims: `wenjin bench verify`.

Each labelled line is {id, passage, claim, supported}; the verifier (rag/verify.py
`supports`) flags a claim when the passage does not support it. Precision and
recall are those of the flag: of the claims flagged, how many were unsupported;
of the unsupported claims, how many were flagged.
"""

from __future__ import annotations

import json
from pathlib import Path

from rag.verify import supports


def score(path: Path) -> dict:
    rows = [json.loads(line) for line in Path(path).read_text("utf-8").splitlines() if line.strip()]
    flagged = [not supports(r["passage"], r["claim"]) for r in rows]
    unsupported = [not r["supported"] for r in rows]
    tp = sum(f and u for f, u in zip(flagged, unsupported))
    return {"claims": len(rows), "unsupported": sum(unsupported), "flagged": sum(flagged),
            "precision": tp / sum(flagged) if any(flagged) else None,
            "recall": tp / sum(unsupported) if any(unsupported) else None,
            "missed": [r["claim"] for r, f, u in zip(rows, flagged, unsupported) if u and not f],
            "false_flags": [r["claim"] for r, f, u in zip(rows, flagged, unsupported) if f and not u]}


def table(results: dict[str, dict]) -> str:
    lines = ["| claims file | claims | unsupported | flagged | precision | recall | missed |", "|---|---|---|---|---|---|---|"]
    for name, r in results.items():
        lines.append(f"| {name} | {r['claims']} | {r['unsupported']} | {r['flagged']} | {r['precision']:.2f} "
                     f"| {r['recall']:.2f} | {'；'.join(r['missed']) or '—'} |")
    return "\n".join(lines)
