"""Gold sets: wenjin's JSONL format (DESIGN.md), the CRUD benchmark's questions, the feedback file, plain CSV.

Every loader validates as it reads and names the file and line of the first
problem, so a broken gold set fails before any question is asked.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path


KINDS = ("factoid", "numeric", "list", "multi", "unanswerable")


@dataclass
class GoldItem:
    id: str
    question: str
    kind: str
    reference: str = ""
    must_include: list[str] = field(default_factory=list)
    gold_sources: list[str] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)  # alternatives, any one of which is a full answer
    tags: list[str] = field(default_factory=list)     # free labels (e.g. the kind of unanswerable question)
    exclude: list[str] = field(default_factory=list)  # sources hidden from retrieval when it is asked


class GoldError(ValueError):
    """A gold file line that does not follow the format; the message names the line."""


def load_gold(path: Path, fmt: str = "auto") -> list[GoldItem]:
    """Read a gold set; `fmt` is gold | crud | csv, or auto (by suffix and the first line's keys)."""
    path = Path(path)
    if not path.is_file():
        raise GoldError(f"找不到金标准文件 {path}")
    if fmt == "auto":
        fmt = "csv" if path.suffix.lower() == ".csv" else "jsonl"
    if fmt == "csv":
        return _dedup_ids(path, _load_csv(path))
    rows = list(read_jsonl(path))
    if fmt == "crud" or (fmt == "jsonl" and rows and "qid" in rows[0][1] and "gold_doc_ids" in rows[0][1]):
        return _dedup_ids(path, [(no, _from_crud(path, no, obj)) for no, obj in rows])
    if fmt == "feedback" or (fmt == "jsonl" and rows and "rating" in rows[0][1] and "question" in rows[0][1]):
        return _from_feedback(path, rows)
    if fmt not in ("jsonl", "gold"):
        raise GoldError(f"未知的金标准格式 {fmt!r}；可用 gold、crud、feedback、csv 或 auto")
    return _dedup_ids(path, [(no, _from_gold(path, no, obj)) for no, obj in rows])


def read_jsonl(path: Path):
    """(line number, object) for each non-blank line; a bad line is an error naming file and line."""
    for no, line in enumerate(path.read_text("utf-8-sig").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise GoldError(f"{path}:{no}: 不是合法 JSON（{e.msg}）") from None
        if not isinstance(obj, dict):
            raise GoldError(f"{path}:{no}: 每行应是一个 JSON 对象")
        yield no, obj


def _from_gold(path: Path, no: int, obj: dict) -> GoldItem:
    missing = [k for k in ("id", "question", "kind") if not obj.get(k)]
    if missing:
        raise GoldError(f"{path}:{no}: 缺少字段 {', '.join(missing)}")
    if obj["kind"] not in KINDS:
        raise GoldError(f"{path}:{no}: kind 为 {obj['kind']!r}，应为 {' | '.join(KINDS)} 之一")
    for key in ("must_include", "gold_sources", "answers", "tags"):
        if key in obj and not (isinstance(obj[key], list) and all(isinstance(x, str) for x in obj[key])):
            raise GoldError(f"{path}:{no}: {key} 应是字符串列表")
    if obj["kind"] != "unanswerable" and not (obj.get("must_include") or obj.get("reference") or obj.get("answers")):
        raise GoldError(f"{path}:{no}: 可回答的问题需要 must_include、reference 或 answers 之一")
    return GoldItem(**{k: obj[k] for k in GoldItem.__dataclass_fields__ if k in obj})


def _from_crud(path: Path, no: int, obj: dict) -> GoldItem:
    """CRUD dev questions: `1doc` → factoid, `2docs`/`3docs` → multi; answers are alternatives."""
    if not obj.get("question") or not obj.get("answers"):
        raise GoldError(f"{path}:{no}: CRUD 题目缺少 question 或 answers")
    kind = "factoid" if obj.get("kind") == "1doc" else "multi"
    return GoldItem(str(obj.get("qid") or no), obj["question"], kind, reference=obj["answers"][0],
                    gold_sources=list(obj.get("gold_doc_ids", [])), answers=list(obj["answers"]))


def _from_feedback(path: Path, rows: list[tuple[int, dict]]) -> list[GoldItem]:
    """The feedback file (`/api/feedback`, the page's 👍/👎): each question's latest 👍 answer becomes
    its reference, the articles it cited its gold sources; a 👎 says what is wrong, not what is right."""
    latest: dict[str, tuple[int, dict]] = {}
    for no, obj in rows:
        if not isinstance(obj.get("question"), str) or obj.get("rating") not in ("up", "down"):
            raise GoldError(f"{path}:{no}: 反馈行需要 question 与 rating（up 或 down）")
        latest[obj["question"].strip()] = (no, obj)
    items = []
    for question, (no, obj) in latest.items():
        if obj["rating"] != "up":
            continue
        body = re.sub(r"\[\d+\]|〔[^〕]*〕", "", str(obj.get("answer", "")).split("\n\n来源：")[0]).strip()
        sources = sorted({c["source"] for c in obj.get("citations") or [] if isinstance(c, dict) and c.get("source")})
        if body:  # its first line (the answering sentence, or 共找到 N 项) must come back; the rest scores char-F1
            items.append(GoldItem(f"fb{no}", question, "factoid", reference=body, gold_sources=sources,
                                  answers=[body.splitlines()[0].strip()]))
    return items


def _load_csv(path: Path) -> list[tuple[int, GoldItem]]:
    """A header row with `question` and `answer` (optional `id`, `kind`, `sources` split on ;).

    An empty answer marks a question the collection cannot answer.
    """
    import csv

    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        if not reader.fieldnames or not {"question", "answer"} <= set(reader.fieldnames):
            raise GoldError(f"{path}:1: CSV 需要表头 question,answer（可选 id,kind,sources）")
        items = []
        for row in reader:
            no = reader.line_num
            question, answer = (row.get("question") or "").strip(), (row.get("answer") or "").strip()
            if not question:
                raise GoldError(f"{path}:{no}: question 为空")
            kind = (row.get("kind") or "").strip() or ("factoid" if answer else "unanswerable")
            if kind not in KINDS:
                raise GoldError(f"{path}:{no}: kind 为 {kind!r}，应为 {' | '.join(KINDS)} 之一")
            sources = [s.strip() for s in (row.get("sources") or "").split(";") if s.strip()]
            items.append((no, GoldItem((row.get("id") or "").strip() or f"row{no}", question, kind,
                                       reference=answer, gold_sources=sources, answers=[answer] if answer else [])))
    return items


def _dedup_ids(path: Path, rows: list[tuple[int, GoldItem]]) -> list[GoldItem]:
    seen = set()
    for no, item in rows:
        if item.id in seen:
            raise GoldError(f"{path}:{no}: id {item.id!r} 重复")
        seen.add(item.id)
    return [item for _, item in rows]


def source_matches(gold: str, source: str) -> bool:
    """`file.txt` matches `file.txt` and every article of it (`file.txt#2`); `a.jsonl#id` only itself."""
    return source == gold or source.split("#", 1)[0] == gold or source.split("#", 1)[-1] == gold


def half(items: list[GoldItem], which: int) -> list[GoldItem]:
    """One of two fixed halves of a gold set, split by article (the first gold source), so that
    settings can be tuned on half 1 and reported on half 2 with no article on both sides.

    Articles are taken in the order of a hash of their name and each goes to the half with fewer
    questions so far, so the halves are balanced and fixed for a given gold set."""
    import hashlib

    def key(item: GoldItem) -> str:
        return sorted(item.gold_sources)[0] if item.gold_sources else item.id

    groups: dict[str, list[GoldItem]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    sides: tuple[list, list] = ([], [])
    for name in sorted(groups, key=lambda k: hashlib.sha1(k.encode()).hexdigest()):
        smaller = sides[0] if len(sides[0]) <= len(sides[1]) else sides[1]
        smaller.extend(groups[name])
    chosen = {id(item) for item in sides[which - 1]}
    return [item for item in items if id(item) in chosen]
