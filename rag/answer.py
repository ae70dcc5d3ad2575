"""The extractive answerer: composes an answer from sentences of the retrieved articles.

It never writes a word that is not in a source, apart from the short framing
("共找到 N 项"): list questions get the distinct named items, factoid
questions get the sentence stating the fact first, everything else the best
supported sentences. Each sentence carries a citation whose quote is exactly
`document.text[start:end]`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from index.split import SENTENCE
from index.tokens import is_name

from .question import MEASURES, QuestionKind, closeness, has_evidence
from .types import Citation, Hit

_SENT = re.compile(SENTENCE)
_LEAD = re.compile(r"^(?:其中|此外|另外|同时|与此同时|首先|其次|再次|最后|一是|二是|三是|四是|五是|六是|七是|八是|"
                   r"第[一二三四五六七八九十]+|[（(]?[一二三四五六七八九十\d]+[)）、.．])[，,：:、]?")
_DEMONSTRATIVE = re.compile(r"^(?:这|那|该|此|本|上述|以上|各|每|其|多个|一批|首批|一系列|相关|有关|这些|其他|在|对|向|把|将|从|为)")
_ITEM_FOLLOW = "由是以将在从于为拟计划依托位于总投资投资主要通过聚焦占地建设作为共总，：:"

MIN_SENTENCE_SUPPORT = 0.34   # share of the question's idf mass a sentence must contain to be used
MIN_DOC_SUPPORT = 0.6         # …and that its whole article must contain, for a factoid answer
MAX_ITEMS = 12
_ANAPHOR = re.compile(r"^(?:那一年|这一年|那年|当年|同年|当时|此后|随后)")
_MEASURED = ("number", "money", "date", "day")
KIND_BONUS = 0.3
CLOSE_BONUS = 0.1
RUNNER_UP = 0.85


@dataclass
class Sentence:
    meta: dict          # the document's metadata (doc_id, source, title, date, …)
    text: str
    start: int          # in the cleaned document
    end: int
    support: float      # idf-weighted share of the question's words found here (title, previous sentence: half)
    opens_paragraph: bool = False
    before: str = ""    # the previous sentence of the same paragraph: it often names the subject


def sentences(spans: list[tuple[str, int, int]], docs: dict[str, dict]) -> list[Sentence]:
    """Sentences of (doc_id, start, end) spans in document coordinates, each once."""
    seen, out = set(), []
    for doc_id, lo, hi in spans:
        doc = docs[doc_id]
        before = ""
        for sm in _SENT.finditer(doc["text"], lo, hi):
            text = sm.group().strip()
            start = sm.start() + (len(sm.group()) - len(sm.group().lstrip()))
            if not text:
                before = ""  # a line break ends the paragraph
            if len(text) < 6 or (doc_id, start) in seen:
                continue
            seen.add((doc_id, start))
            opens = start == 0 or doc["text"][start - 1] == "\n"
            out.append(Sentence(doc["metadata"], text, start, start + len(text), 0.0, opens, before))
            before = text
    return out


def coverage(weights: dict[str, float], *texts: str) -> float:
    """Share of the question's word weight found in `texts`: the one measure of evidence used throughout."""
    text = "\n".join(texts).lower()
    return sum(w for t, w in weights.items() if t in text) / (sum(weights.values()) or 1.0)


def score(sents: list[Sentence], weights: dict[str, float]) -> None:
    """A sentence's support: its own words, plus half for words only its title or previous sentence hold."""
    for s in sents:
        own = coverage(weights, s.text)
        s.support = own + 0.5 * (coverage(weights, s.text, s.before, s.meta.get("title", "")) - own)


def stand_ins(weights: dict[str, float], qk: QuestionKind) -> set[str]:
    """Words the answer itself stands in for: 什么职位 is answered by 主席 and 百分比 by
    "52.3%", so an article that lacks 职位 or 百分比 may still answer."""
    return {t for t in weights if t == qk.kind_of or t in MEASURES}


class Composer:
    """Collects cited sentences and numbers sources in the order they are first cited."""

    def __init__(self) -> None:
        self.citations: list[Citation] = []
        self._by_span: dict[tuple[str, int], int] = {}

    def cite(self, s: Sentence) -> str:
        m = s.meta
        key = (m["doc_id"], s.start)
        if key not in self._by_span:
            n = len(self.citations) + 1
            self._by_span[key] = n
            self.citations.append(Citation(n, m["doc_id"], m["source"], m.get("title", ""),
                                           m.get("date", ""), s.text, s.start, s.end,
                                           m.get("outlet", ""), m.get("url", ""), list(m.get("also", []))))
        return f"[{self._by_span[key]}]"


def list_item(sentence: str, head: str | None) -> str | None:
    """The name a sentence introduces, when it opens with '<name><head>' (光伏储能项目由…)."""
    if not head:
        return None
    body = _LEAD.sub("", sentence)
    m = re.match(rf"(.{{2,45}}?{re.escape(head)})[”\"’]?(?=[{_ITEM_FOLLOW}])", body)
    if not m:
        return None
    name = re.sub(r"[“”\"‘’]", "", m.group(1)).strip("《》 ")
    if "，" in name or "。" in name or _DEMONSTRATIVE.match(name) or len(name) <= len(head) + 1:
        return None
    return name


_RUN = re.compile(r"[^，。；：:、“”（）()]{1,24}(?:、[^，。；：:、“”（）()]{1,24})+")
_ITEM_HEAD = re.compile(r"^.*(?:涉及|包括|包含|涵盖|围绕|聚焦|重点发展|发展|确定了|展示了|展示|推介了|推介|设立|设置|建设|生产|是|了|如|即)")
_ITEM_TAIL = re.compile(r"(?:等|四大|三大|五大|六大|[一二三四五六七八九十两\d]+(?:大|个|类|项|种|家|条)).*$")


def enumeration(sentence: str, head: str | None = None) -> list[str]:
    """Items of an inline enumeration: '涉及调味品、预制菜、白酒和饮用水等领域' → 4 items.

    Among several runs of 、-separated items, the one followed by the question's head noun
    ("…等特色产品" for 哪些产品) wins, else the longest.
    """
    runs = list(_RUN.finditer(sentence))
    if not runs:
        return []
    if head:
        near = [r for r in runs if head in sentence[r.end(): r.end() + 12] or head[-1] in sentence[r.end(): r.end() + 12]]
        runs = near or runs
    run = max(runs, key=lambda r: r.group().count("、"))
    parts = run.group().split("、")
    parts[0] = _ITEM_HEAD.sub("", parts[0])
    last = _ITEM_TAIL.sub("", parts[-1])
    parts[-1:] = [p for p in re.split(r"以及|和|及|与", last)]
    items = [p.strip("“”\"《》 ") for p in parts]
    return [p for p in items if 1 < len(p) <= 20]


def compose(question: str, qk: QuestionKind, hits: list[Hit], docs: dict[str, dict],
            weights: dict[str, float], composer: "Composer | None" = None) -> tuple[str, list[Citation]] | None:
    """The answer text and its citations, or None when no sentence is supported well enough.

    Pass one `composer` to several calls to number the citations of a multi-part answer together.
    """
    sents = sentences([(h.meta["doc_id"], h.meta["start"], h.meta["end"]) for h in hits], docs)
    score(sents, weights)
    usable = [s for s in sents if s.support >= MIN_SENTENCE_SUPPORT]
    if not usable:
        return None
    top_doc = max(usable, key=lambda s: s.support).meta["doc_id"]
    composer = composer or Composer()
    if qk.kind == "list":
        text = _list_answer(qk, usable, top_doc, docs, composer)
        if text:
            return text, composer.citations
    if qk.kind == "factoid":
        text = _factoid_answer(question, qk, usable, docs, weights, composer)
        return (text, composer.citations) if text else None
    return _general_answer(usable, composer), composer.citations


def _list_answer(qk: QuestionKind, usable: list[Sentence], top_doc: str, docs: dict[str, dict],
                 composer: Composer) -> str | None:
    # Items are named in sentences of the relevant articles even when the sentence
    # repeats none of the question's words and lies outside the retrieved chunks,
    # so read those articles whole.
    relevant = [top_doc] + sorted({s.meta["doc_id"] for s in usable if s.support >= 0.75} - {top_doc})
    found: dict[str, Sentence] = {}
    whole = sentences([(d, 0, len(docs[d]["text"])) for d in relevant[:3]], docs)
    for s in whole:
        name = list_item(s.text, qk.head)
        if name and name not in found:
            found[name] = s
    # Items introduced one per paragraph are the list; names met mid-paragraph are asides.
    items = {k: s for k, s in found.items() if s.opens_paragraph}
    items = items if len(items) >= 2 else found
    if len(items) < 2:
        return _enumerated(qk, usable, composer, whole)
    lines = [f"共找到 {len(items)} 项：" if len(items) <= MAX_ITEMS else f"共找到 {len(items)} 项，列出前 {MAX_ITEMS} 项："]
    for i, (name, s) in enumerate(list(items.items())[:MAX_ITEMS], 1):
        lines.append(f"{i}. {name}：{_detail(s.text, name)}{composer.cite(s)}")
    return "\n".join(lines)


def _enumerated(qk: QuestionKind, usable: list[Sentence], composer: Composer,
                whole: list[Sentence] = ()) -> str | None:
    """The sentence that enumerates the things asked for, as one cited line: first one of the
    relevant articles that introduces them by the head noun (领导人包括A、B、C), then one of the
    best supported that closes with it (A、B等领域), then the best supported sentence if it enumerates
    anything. A weaker sentence's enumeration of something else is no answer: the caller then shows
    the best sentences as they are (CRUD dev: +1 of 115)."""
    ranked = sorted(usable, key=lambda s: s.support, reverse=True)
    head = re.escape(qk.head or "")
    introduced = [s for s in whole if head and re.search(rf"{head}(?:包括|包含|涵盖|分别是|分别为|有)[^，。]{{1,24}}、", s.text)]
    named = [s for s in ranked[:5] if head and re.search(rf"等[^，。]{{0,4}}{head}", s.text)]
    for s in introduced[:1] + named + [s for s in ranked[:1] if s not in named]:
        names = list(dict.fromkeys(enumeration(s.text, qk.head)))
        if len(names) >= 2:
            # the items are cut out of one sentence by pattern: the sentence itself follows, so a
            # wrongly cut item (应急管理 lost from 与应急管理、气象…) is visible at once
            return f"共找到 {len(names)} 项：{'、'.join(names)}。\n原文：{s.text}{composer.cite(s)}"
    return None


def _detail(sentence: str, name: str, limit: int = 80) -> str:
    """The sentence without its opening name, shortened for a list line."""
    body = _LEAD.sub("", sentence)
    plain = re.sub(r"[“”\"‘’]", "", body)
    rest = plain[len(name):].lstrip("，：:") if plain.startswith(name) else sentence
    return rest if len(rest) <= limit else rest[: limit - 2] + "……"


def _previous(s: Sentence, docs: dict[str, dict]) -> Sentence | None:
    """The sentence just before `s` in its paragraph, if any."""
    doc_id = s.meta["doc_id"]
    text = docs[doc_id]["text"]
    lo = text.rfind("\n", 0, s.start) + 1
    before = sentences([(doc_id, lo, s.start)], docs)
    return before[-1] if before else None


def _next(s: Sentence, docs: dict[str, dict]) -> Sentence | None:
    """The sentence just after `s` in its paragraph, if any."""
    doc_id = s.meta["doc_id"]
    text = docs[doc_id]["text"]
    hi = text.find("\n", s.end)
    after = sentences([(doc_id, s.end, len(text) if hi < 0 else hi)], docs)
    return after[0] if after else None


def answers_it(s: Sentence, qk: QuestionKind, doc_support: float) -> bool:
    """Could this sentence state the fact asked for, rather than another fact on the same topic?"""
    stated = s.before + s.text + s.meta.get("title", "") + s.meta.get("date", "")
    # A quantity about something else is a wrong answer (多少游客 vs 投资1.7亿元); for dates,
    # places and people the event is often named in other words, so there focus only ranks.
    focus_needed = qk.focus and qk.wants in ("number", "money")
    return (doc_support >= MIN_DOC_SUPPORT
            and (not focus_needed or has_focus(s.text, qk))
            and all(n in stated for n in qk.numbers))


_COUNT = "\\d一二三四五六七八九十两百千万"
_NOT_NAME = set("的向在对和与及了是为把被从到给让等将也都个该此这那其各家一")
_KIND_SUFFIX = {"城市": "市", "国家": "国", "省份": "省", "团队": "队"}  # 哪个城市 is answered by 蔚山市


def counts_in(text: str, unit: str) -> bool:
    """Does the text count in the question's classifier ("4套" for 几套)?"""
    return bool(re.search(rf"[{_COUNT}]\s*{unit}", text))


# kinds whose instances do not end in the kind's word: a name is given (取名“共创辉煌”), a model is a code
_KIND_PATTERN = {"名称": re.compile(r"取名|名为|命名|名叫|叫做|称为|定名"), "型号": re.compile(r"[A-Z]{1,4}-?\d{1,4}[A-Z]?")}
_KIND_PATTERN["名字"] = _KIND_PATTERN["名称"]
_KIND_PATTERN.update({"原因": re.compile(r"因为|由于|因[^此而]|所致|归因|原因是|源于"),
                      "目的": re.compile(r"为了|以便|旨在|目的是|用于|以期|了解"),
                      "方式": re.compile(r"通过|采用|利用|经由|借助|以[^，。]{1,8}方式")})


def names_kind(text: str, kind: str, question: str) -> bool:
    """Does the text name an instance of `kind` in words the question lacks (互利共赢原则 for 什么原则)?"""
    if kind in _KIND_PATTERN:
        return bool(_KIND_PATTERN[kind].search(text))
    for k in dict.fromkeys([kind, _KIND_SUFFIX.get(kind, kind)]):
        for m in re.finditer(re.escape(k), text):
            lead = text[max(0, m.start() - 2): m.start()]
            if len(lead) == 2 and re.fullmatch(r"[\w\u3400-\u9fff]{2}", lead) and lead not in question \
                    and not _NOT_NAME & set(lead[-1]):
                return True
    return False


def has_focus(text: str, qk: QuestionKind) -> bool:
    return any(w in text.lower() for w in qk.focus)


def _factoid_answer(question: str, qk: QuestionKind, usable: list[Sentence], docs: dict[str, dict], weights: dict[str, float],
                    composer: Composer) -> str | None:
    optional = stand_ins(weights, qk)
    doc_support = {d: _support(docs[d], weights, optional) if _names_match(docs[d], weights) else 0.0
                   for d in {s.meta["doc_id"] for s in usable}}
    fitting = [s for s in usable if answers_it(s, qk, doc_support[s.meta["doc_id"]])]
    if not fitting:
        return None
    # A fact's sentence often leaves its subject to the headline ("总投资18.6亿元" under a title naming
    # 武侯区 and 德格县), so the words of sentence, previous sentence and title together count, plus
    # the kind of thing asked for, wording shared with the question next to its question word
    # ("项目总投资") and the focus word. Evidence gates numbers and dates; for people and places it
    # is only a bonus, since their patterns are loose (数学家 answers 谁 without 公司 or 局).
    def rank(s: Sentence) -> tuple[bool, float]:
        context = coverage(weights, s.meta.get("title", ""), s.before, s.text)
        evidence = has_evidence(s.text, qk.wants, weights) or bool(
            _ANAPHOR.match(s.text) and has_evidence(s.before, qk.wants, weights))  # 那一年 after 2008年…
        if qk.unit:
            evidence = evidence and counts_in(s.text, qk.unit)
        typed = bool(qk.kind_of) and names_kind(s.text, qk.kind_of, question)
        return (evidence or qk.wants not in _MEASURED,
                s.support + 0.5 * context + 0.2 * evidence + CLOSE_BONUS * closeness(s.text, qk.around)
                + 0.1 * has_focus(s.text, qk) + KIND_BONUS * typed)

    ranked = sorted(fitting, key=rank, reverse=True)
    best = ranked[0]
    before = _previous(best, docs)
    text = ""
    if before and not has_evidence(best.text, qk.wants, weights) and has_evidence(before.text, qk.wants, weights):
        text = f"{before.text}{composer.cite(before)}"  # "那一年，…" needs the year stated before it
    text += f"{best.text}{composer.cite(best)}"
    after = _next(best, docs)  # the fact is often finished in the next sentence (CRUD dev: +2 of 115)
    if after:
        text += f"{after.text}{composer.cite(after)}"
    shown = {best.text, after.text if after else "", before.text if before else ""}
    runner = _runner_up(ranked, rank, shown)
    if runner:
        text += f"\n原文还说：{runner.text}{composer.cite(runner)}"
        shown.add(runner.text)
    others = [s for s in ranked[1:3] if s.text not in shown and has_evidence(s.text, qk.wants, weights) and s.support >= best.support * 0.9
              and s.meta["doc_id"] != best.meta["doc_id"] and s.text != best.text]  # a reprint adds nothing
    for s in others[:1]:
        where = f"《{s.meta['title']}》" if s.meta.get("title") else (s.meta.get("outlet") or "另一篇报道")
        text += f"\n另据{where}：{s.text}{composer.cite(s)}"
    return text


def _runner_up(ranked: list[Sentence], rank, shown: set[str]) -> Sentence | None:
    """A sentence ranking within RUNNER_UP of the best: when two nearly tie, the reader sees both
    (CRUD dev: +2 of 115 for 17 more characters per answer)."""
    top = rank(ranked[0])
    for s in ranked[1:4]:
        mine = rank(s)
        if s.text not in shown and mine[0] == top[0] and mine[1] >= RUNNER_UP * top[1]:
            return s
    return None


def _names_match(doc: dict, weights: dict[str, float]) -> bool:
    """Does the article name the question's subject (锡会, 宜宾…), not just share its topic?

    Names are the question's rare words (whole words, not search-mode fragments such as 效期
    of 有效期); the article must hold the weightiest and two thirds of their weight.
    """
    names = [t for t in weights if is_name(t) and t not in MEASURES and not any(t != o and t in o for o in weights)]
    if not names:
        return True
    text = (doc["metadata"].get("title", "") + "\n" + doc["text"]).lower()
    found = sum(weights[n] for n in names if n in text)
    return max(names, key=weights.get) in text and found >= 2 / 3 * sum(weights[n] for n in names)


def _support(doc: dict, weights: dict[str, float], optional: set[str] = frozenset()) -> float:
    """The article's coverage of the question; an `optional` word it lacks counts half."""
    text = doc["metadata"].get("title", "") + "\n" + doc["text"]
    lacking = {t for t in optional if t not in text.lower()}
    return coverage({t: w * (0.5 if t in lacking else 1.0) for t, w in weights.items()}, text)


def _general_answer(usable: list[Sentence], composer: Composer) -> str:
    ranked = sorted(usable, key=lambda s: s.support, reverse=True)[:3]
    first = ranked[0].meta["doc_id"]
    ranked.sort(key=lambda s: (s.meta["doc_id"] != first, s.start))
    return "".join(f"{s.text}{composer.cite(s)}" for s in ranked)


def show_date(date: str) -> str:
    """A date as Chinese text writes it (2023年8月16日); one stated without its year says so."""
    if date.startswith("--"):
        month, day = date[2:].split("-")
        return f"{int(month)}月{int(day)}日（年份不详）"
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", date)
    return f"{m[1]}年{int(m[2])}月{int(m[3])}日" if m else date


def date_note(citations: list[Citation]) -> str:
    """One line giving the date of each cited article: news facts change, the reader should know when.

    Sources are named by number without brackets, so the note adds no citation markers.
    """
    by_date: dict[str, list[int]] = {}
    for c in citations:
        if c.date:
            by_date.setdefault(c.date, []).append(c.n)
    if not by_date:
        return ""
    if len(by_date) == 1 and len(next(iter(by_date.values()))) == len(citations):
        return f"（报道日期：{show_date(next(iter(by_date)))}）"
    return "（报道日期：" + "；".join(f"来源{'、'.join(map(str, ns))} {show_date(d)}" for d, ns in by_date.items()) + "）"
