"""The shortest span of a sentence that answers the question, for an answer's first line.

Candidates are the tagger's words and noun phrases, quoted names, and the gap the
question leaves in the sentence: with 两地合作应遵循什么原则 and the sentence
“…两地合作应遵循优势互补原则…”, the text between the question's words before and
after 什么 is the answer. A second small logistic model (weights beside the sentence
model's in rag/answer_model.json, fitted by evals/fit.py) picks among them.
"""

from __future__ import annotations

import math
import re

from wenjin.index.furniture import dateline_end

from . import lang
from .asked import DIGIT, QUOTED, TYPE_TAGS, typed_word, unit_forms
from .question import Question, asks_calendar
from .tagger import NAMED, tag
from .weights import load

_NOUNISH = {"n", "nz", "nw", "ORG", "LOC", "PER", "vn", "an", "m", "q", "TIME", "f", "s", "t", "a"}
_CLAUSE = re.compile(r"[，。；：！？、,;:!?（）()“”\"]")
MAX_SPAN = 30

SPAN_FEATURES = ("s_typed", "s_kind", "s_gap", "s_gap_exact", "s_near", "s_in_q", "s_len", "s_phrase", "s_quoted",
                 "s_follows", "s_precedes", "s_number", "s_named", "s_time", "s_noun", "s_unit",
                 "s_clause")
_CLAUSE_MARK = re.compile(r"[，。；：！？,;:!?]")
_CALENDAR = re.compile(r"\d|[〇零一二三四五六七八九十两]+[年月日号]|[今去明前]年|当[年天日]|[昨今明]天")  # not 全年, 年内


def _tail_head(text: str, around: tuple[str, str], weights: dict[str, float] | None = None
               ) -> tuple[int | None, int | None, float, float]:
    """Where the question's words before its question word end in `text`, and where those after begin,
    with the share of each side the match holds. Where the words before occur more than once
    (同比下降22%，较上季度下降6%), the occurrence whose few preceding words in its clause hold more of
    the question's other words (上季度) is the one asked about: a comparison or a period stands right
    before its verb, the shared subject further off."""
    before, after = around
    end = start = None
    held = [0.0, 0.0]
    for n in range(len(before), 1, -1):
        found = [m.start() for m in re.finditer(re.escape(before[-n:]), text)]
        if found:
            end = max(found, key=lambda i: (_held(_lead_in(text, i), weights or {}), -i)) + n
            held[0] = n / len(before)
            break
    for n in range(len(after), 1, -1):
        i = text.find(after[:n], end or 0)
        if i >= 0:
            start = i
            held[1] = n / len(after)
            break
    return end, start, held[0], held[1]


def _clause_bounds(text: str, pos: int) -> tuple[int, int]:
    lo = max((m.end() for m in _CLAUSE.finditer(text, 0, pos)), default=0)
    m = _CLAUSE.search(text, pos)
    return lo, m.start() if m else len(text)


def clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of `text` holding [start, end): from the punctuation before it to the one after.
    It is what an answer's first line shows around the span."""
    lo = max((m.end() for m in _CLAUSE_MARK.finditer(text, 0, start)), default=0)
    m = _CLAUSE_MARK.search(text, end)
    hi = (m.end() if m.group() in "。！？!?" else m.start()) if m else len(text)  # a sentence's end stays
    while lo < start and text[lo] in " “”\"":
        lo += 1
    return lo, hi


def _lead_in(text: str, i: int, reach: int = 6) -> str:
    """The few characters before position i, within its clause."""
    return text[max(_clause_bounds(text, i)[0], i - reach):i]


def _held(text: str, weights: dict[str, float]) -> float:
    return sum(w for t, w in weights.items() if t in text)


def _asked_share(q: Question, text: str) -> float:
    """The share of the question's word weight `text` holds: the answer sits beside the words asked."""
    return _held(text, q.weights) / (sum(q.weights.values()) or 1.0)


def gap(text: str, around: tuple[str, str], weights: dict[str, float] | None = None) -> tuple[int, int] | None:
    """The part of the sentence the question's question word stands for, when its words frame it."""
    end, start, before_held, after_held = _tail_head(text, around, weights)
    if end is not None and start is not None and 0 < start - end <= MAX_SPAN:
        return end, start
    if start is not None and after_held > before_held:
        end = None  # 林麝养殖项目…养殖多少头林麝: two characters of the words before matched far off; trust 林麝
    if end is not None:
        return end, min(_clause_bounds(text, end)[1], end + MAX_SPAN)
    if start is not None:
        return max(_clause_bounds(text, start)[0], start - MAX_SPAN), start
    return None


def candidates(text: str, q: Question | None = None) -> list[tuple[int, int, str]]:
    """(start, end, tag) of every word and noun phrase worth offering as an answer; a common noun
    whose ending makes it an instance of the asked type (数学家 for 谁) is tagged as one."""
    words = tag(text)
    out = [(w.start, w.end, "typed" if q is not None and w.tag in ("n", "nz", "nw") and typed_word(q, w) else w.tag)
           for w in words if len(w.text) >= 2 or w.tag == "m"]
    run: list = []
    for w in list(words) + [None]:
        if w is not None and w.tag in _NOUNISH and not _CLAUSE.fullmatch(w.text):
            run.append(w)
            continue
        if len(run) >= 2 and run[-1].end - run[0].start <= MAX_SPAN:
            kinds = {x.tag for x in run}
            out.append((run[0].start, run[-1].end, "phrase+" + ("".join(sorted(kinds & (NAMED | {"m", "TIME"}))))))
        run = []
    out += [(m.start(), m.end(), "quoted") for m in QUOTED.finditer(text)]
    return list({(s, e): (s, e, t) for s, e, t in out if text[s:e].strip()}.values())


def features(q: Question, text: str, s: int, e: int, kind: str, framed: tuple[int, int] | None,
             anchors: list[int]) -> dict[str, float]:
    span = text[s:e]
    c0, c1 = clause(text, s, e)
    asked = _asked_share(q, text[c0:s] + "\n" + text[e:c1])  # the answer stands in the clause of the words asked
    wanted = TYPE_TAGS.get(q.wants or "", set())
    asked_unit = q.unit or ("元" if q.wants == "money" else "")  # 多少钱: a sum of money, in whatever currency
    base = kind.split("+")[0]
    qchars = set(q.text)
    x = {
        "s_typed": float(base in wanted or base == "typed" or any(t in kind for t in wanted if len(t) > 1)),
        "s_gap": 0.0, "s_gap_exact": 0.0,
        "s_near": 1 / (1 + min((abs(s - a) for a in anchors), default=99) / 5),
        "s_in_q": sum(c in qchars for c in span) / max(1, len(span)),
        "s_len": min(len(span), MAX_SPAN) / 10,
        "s_phrase": float(kind.startswith("phrase")),
        "s_quoted": float(kind == "quoted" or bool(QUOTED.fullmatch(span))),
        "s_follows": 0.0, "s_precedes": 0.0,
        "s_number": float(base == "m" and bool(DIGIT.search(span))),
        "s_named": float(base in NAMED or any(t in kind for t in ("PER", "ORG", "LOC"))),
        "s_time": float(base == "TIME" or "TIME" in kind),
        "s_noun": float(base in ("n", "nz", "nw", "vn")),
        "s_clause": asked,
        "s_unit": float(bool(asked_unit) and bool(unit_forms(asked_unit).search(span)) and bool(DIGIT.search(span))),
        "s_kind": float(bool(q.kind_noun) and (span.endswith(q.kind_noun) or (
            q.wants in ("place", "org") and span.endswith(q.kind_noun[-1]))) and span not in q.text),
    }
    if framed:
        g0, g1 = framed
        inter = max(0, min(e, g1) - max(s, g0))
        x["s_gap"] = inter / max(1, max(e, g1) - min(s, g0))
        x["s_gap_exact"] = float((s, e) == framed)
        x["s_follows"] = float(0 <= s - g0 <= 2)
        x["s_precedes"] = float(0 <= g1 - e <= 2)
    return x


def spans(q: Question, text: str) -> list[tuple[int, int, dict[str, float]]]:
    """Every candidate span of `text` with its measurements."""
    framed = gap(text, q.around, q.weights)
    anchors = [m.start() for t in q.weights if len(t) >= 2 for m in re.finditer(re.escape(t), text)]
    lead = 0 if q.wants == "date" else dateline_end(text)  # an outlet and its reporters answer no question
    # the question's own words answer nothing (2023 of 2023某大会是哪天开的), unless it offers a choice (A还是B)
    echo = "" if "还是" in q.text else q.text
    found = [c for c in candidates(text, q) if c[0] >= lead and text[c[0]:c[1]].strip() not in echo]
    if framed and framed[0] >= lead and (framed[0], framed[1]) not in {(s, e) for s, e, _ in found} \
            and not _ends_in_verb(q, text[framed[0]:framed[1]]) and text[framed[0]:framed[1]].strip() not in echo:
        found.append((framed[0], framed[1], "gap"))
    if asks_calendar(q) and any("TIME" in k for _, _, k in found):  # 哪一天举行: a place framed like it is no answer
        found = [c for c in found if "TIME" in c[2]]
        dated = [c for c in found if _CALENDAR.search(text[c[0]:c[1]])]
        found = dated or found  # 哪一年 is answered by 2015年, not by 全年 or 年内 beside it
    return [(s, e, features(q, text, s, e, k, framed, anchors)) for s, e, k in found if e - s <= MAX_SPAN]



def _ends_in_verb(q: Question, framed: str) -> bool:
    """A gap asked to be a person, body or place that ends in a verb (某县通过招商引资引入 framed by
    某县与…高校 where the sentence goes on 高校资源) is a clause, no name."""
    words = tag(framed) if q.wants in ("person", "org", "place") and framed.strip() else []
    return bool(words) and words[-1].tag == "v"


def best(q: Question, text: str) -> tuple[int, int, float] | None:
    """(start, end, probability) of the likeliest answer span of `text`, or None without candidates."""
    model = load()
    weights = model.weights
    scored = []
    for s, e, x in spans(q, text):
        z = model.span_bias + sum(weights.get(k, 0.0) * v for k, v in x.items())
        scored.append((z, s, e))
    if not scored:
        return None
    z, s, e = max(scored)
    return s, e, 1 / (1 + math.exp(-max(-30, min(30, z))))


def marked(q: Question, text: str) -> tuple[int, int, float] | None:
    """For 为什么, the word that opens the reason or the purpose (因为, 由于, 为了; a preposition 为 opening a
    clause: 为提升竞争力，…), as a span whose clause answers: the span model is fitted on names and
    numbers, and a reason is a clause, not a word. Not for 怎么: a sentence often lists several means
    (通过密切接触传播，也可通过飞沫传播), and the question's words pick among them as the span model does."""
    if q.wants != "reason":
        return None
    markers = set(lang.words("answer", "reason_markers")) | {"为"}
    for w in tag(text):
        if w.text in markers and (len(w.text) >= 2 or w.tag == "p") \
                and (w.text != "为" or w.start == _clause_bounds(text, w.start)[0]):
            return w.start, w.end, 1.0
    return None
