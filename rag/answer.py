"""The extractive answerer: composes an answer from sentences of the retrieved articles.

It never writes a word that is not in a source, apart from short framing ("共找到 N 项",
"原文："). A factoid answer puts the shortest span that answers on its first line and the
supporting words of the source under it; a list question gets the distinct named items;
anything else the best sentences. Which sentence and which span is decided by the answer
model (rag/select.py, rag/span.py). Each cited text is exactly `document.text[start:end]`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from wenjin.index.furniture import dateline_credit, dateline_end

from . import lang, span as spans
from .gate import COUNTED_LABEL, amount_of, asked_event, asked_measure, dated, names_wanted
from .quantities import quantities, value
from .question import Question, a_person, find_cue, without_copula
from .select import Similarity, rank, semantic
from .tagger import PERSON, tag
from .sentences import Sentence, neighbour, sentences
from .types import Citation, Hit

MAX_ITEMS = 12
SPAN_MIN = 0.0       # a span the span model gives less than this is not put on a line of its own
RUNNER_UP = 0.8      # a sentence scoring this share of the best one's is shown after it
MAX_RUNNERS_UP = 1
QUOTE_CHARS = 60     # a longer supporting sentence is shown as its clauses around the answer
RELEVANT_DOC = 0.75  # list answers read the articles whose sentences hold this much of the question whole

_CLAUSE_END = re.compile(r"[，；：,;:]")


class Composer:
    """Collects cited passages and numbers sources in the order they are first cited."""

    def __init__(self) -> None:
        self.citations: list[Citation] = []
        self._by_span: dict[tuple[str, int, int], int] = {}

    def cite(self, s: Sentence, start: int | None = None, end: int | None = None) -> str:
        """The marker for `s` (or its part [start, end) in document coordinates)."""
        m = s.meta
        start, end = (s.start, s.end) if start is None else (start, end)
        key = (m["doc_id"], start, end)
        if key not in self._by_span:
            self._by_span[key] = len(self.citations) + 1
            quote = s.text[start - s.start: end - s.start]
            self.citations.append(Citation(self._by_span[key], m["doc_id"], m["source"], m.get("title", ""),
                                           m.get("date", ""), quote, start, end, m.get("outlet", ""),
                                           m.get("url", ""), list(m.get("also", []))))
        return f"[{self._by_span[key]}]"


def ranked_sentences(q: Question, hits: list[Hit], docs: dict[str, dict],
                     similarity: Similarity | None = None) -> list[Sentence]:
    """The sentences of the retrieved passages, best first (the answer model's order); with the
    embedder's `similarity` to the question, the best few re-ranked by it too."""
    ranked = rank(q, sentences([(h.meta["doc_id"], h.meta["start"], h.meta["end"]) for h in hits], docs), docs)
    return semantic(ranked, similarity) if similarity else ranked


TYPED_REACH = 4  # how many of the article's next best sentences may come up, stating the amount or noun asked


def stating_first(q: Question, ranked: list[Sentence]) -> list[Sentence]:
    """多少, 哪个学院, 谁: a best sentence that holds no amount (no body or person asked) cannot state
    the answer, however well it repeats the question (巴中合同外资规模呈现跨越式增长 for 合同外资一共多少);
    the first of the same article's next few sentences that holds one comes before it. They are
    counted within the article: other articles' sentences ranked between them (a reprint's lead
    repeating the question's names) say nothing of how far down this one's answer lies. A time asked
    (哪一年投产) moves only from a best sentence naming no time to one naming the event and a time: its
    answer is often a time no tagger reads as one (出发前), so a best sentence with any time stays."""
    event = asked_event(q) if q.wants == "date" else ""
    asked = q.wants in ("number", "money") or q.wants in ("what", "org") and bool(q.kind_noun) or \
        q.wants == "person" and names_wanted(q) == (PERSON,) or bool(event)  # 市委书记是谁; 谁主办 may be a body's name
    if not asked or not ranked:
        return ranked
    if event:  # 哪一年试投产: a best sentence naming no time gives way to one dating the event asked
        holds, states = (lambda text: dated(q, text)), (lambda text: event in text and dated(q, text))
    else:
        holds = states = _instance_of(q) if q.wants in ("org", "person") else _stating(q)
    if holds(ranked[0].text):
        return ranked
    doc = ranked[0].meta["doc_id"]
    same = [i for i, s in enumerate(ranked[1:], 1) if s.meta["doc_id"] == doc][:TYPED_REACH]
    i = next((i for i in same if states(ranked[i].text)), None)
    return ranked if i is None else [ranked[i]] + ranked[:i] + ranked[i + 1:]


def _stating(q: Question) -> Callable[[str], bool]:
    """Whether a text holds what is asked: for 哪个学院 the word 学院; for 多少 asked of a measure, an amount
    of that measure (合同外资多少: 新增外资企业6家 holds an amount of 企业); for money, a sum in some
    currency (年产12GWh is none); otherwise any amount (not a date's year or day: 2023年 is no count;
    一大亮点 and 一系列 are no amounts, which a numeral alone would be). The measure is read once, not
    once a sentence."""
    if q.wants == "what":
        noun = _named_thing(q) if q.kind_noun in lang.words("answer", "name_nouns") else q.kind_noun
        return lambda text: noun in text
    measure = asked_measure(q)
    if measure:
        return lambda text: amount_of(measure, text)
    currencies = lang.words("quantities", "currencies")
    if q.wants == "money" and (not q.unit or q.unit in currencies):
        return lambda text: any(n.amount and n.unit in currencies for n in quantities(text))
    if q.around[0].endswith("第"):  # 第几位, 第多少名: a position is asked, and answers
        return lambda text: any(n.amount or n.ordinal for n in quantities(text))
    return lambda text: any(n.amount for n in quantities(text))


def _instance_of(q: Question) -> Callable[[str], bool]:
    """Whether a text names a person or body the question does not: for 谁, a person the tagger reads;
    for 哪所学院, a body it reads or one of the kind asked (某某管理学院: the kind noun ending a name,
    which the tagger may cut off)."""
    if q.wants == "person":
        return lambda text: any(w.tag == PERSON and w.text not in q.text for w in tag(text))
    named = re.compile(rf"[\u4e00-\u9fff]{{2}}{re.escape(q.kind_noun)}")
    return lambda text: any(m.group() not in q.text for m in named.finditer(text)) or any(
        w.tag == "ORG" and w.text not in q.text for w in tag(text))


def _named_thing(q: Question) -> str:
    """What a name is asked of (新书 of 那本新书叫什么名字, 项目 of 项目的名称是什么): the sentence naming
    it names that thing, where one that never mentions it names something else."""
    nouns = [w.text for w in tag(without_copula(q.around[0])) if w.tag in ("n", "nz", "nw") and len(w.text) >= 2]
    return nouns[-1] if nouns else q.kind_noun


def compose(q: Question, ranked: list[Sentence], docs: dict[str, dict],
            composer: Composer | None = None) -> tuple[str, list[Citation]] | None:
    """The answer text and its citations from the ranked sentences, or None when there are none.

    Pass one `composer` to several calls to number the citations of a multi-part answer together.
    """
    if not ranked:
        return None
    composer = composer or Composer()
    ranked = stating_first(q, ranked)  # as the gate read them
    text = None
    if q.kind == "list":
        text = _list_answer(q, ranked, docs, composer)
    elif q.kind == "factoid":
        text = _factoid_answer(q, ranked, docs, composer)
    return text or _best_sentences(ranked, composer), composer.citations


# --- factoid --------------------------------------------------------------------
def _factoid_answer(q: Question, ranked: list[Sentence], docs: dict[str, dict], composer: Composer) -> str:
    """The clause that answers on the first line, then the source's words around it, both cited; when
    the answer model is unsure between sentences, the runners-up's answering clauses follow."""
    best = ranked[0]
    lines = []
    before = _antecedent(q, best, docs)
    found = spans.best(q, before.text) if before else None
    if found:  # the sentence that names what `best` refers back to, which the reader needs first
        c0, c1 = spans.clause(before.text, found[0], found[1])
        lines.append(f"{_quoted(before, c0, c1)}{composer.cite(before, before.start + c0, before.start + c1)}")
    found = spans.marked(q, best.text) or spans.best(q, best.text)
    lo, hi = _past_dateline(best.text, *window(best.text, found[:2] if found else None, q), found)
    marker = composer.cite(best, best.start + lo, best.start + hi)
    if found and found[2] >= SPAN_MIN and not lines and not q.asks_two:  # two answers: not one clause
        c0, c1 = _past_dateline(best.text, *spans.clause(best.text, found[0], found[1]), found)
        if not (c0 <= lo and hi <= c1):  # the window says more than the answering clause
            lines.append(f"{_shown(best.text, c0, c1)}{marker}")
    lines.append(("原文：" if lines else "") + f"{_quoted(best, lo, hi)}{marker}")
    for other in _runners_up(ranked):
        found = spans.best(q, other.text)
        c0, c1 = _past_dateline(other.text, *(spans.clause(other.text, *found[:2]) if found and not q.asks_two
                                              else window(other.text, found[:2] if found else None, q)), found)
        lines.append(f"另见：{_quoted(other, c0, c1)}{composer.cite(other, other.start + c0, other.start + c1)}")
    return "\n".join(lines)


ANTECEDENT_REACH = 5  # how many sentences back a pronoun's person may be named


def _antecedent(q: Question, best: Sentence, docs: dict[str, dict]) -> Sentence | None:
    """The earlier sentence that names what the best one only refers to. 那一年，… : the year asked for is
    in the sentence before. 他强调，… : a news report names its speaker once and then says 他, so 谁 is
    answered by the nearest sentence before that names a person."""
    if q.wants == "date":
        return neighbour(best, docs, after=False) if lang.pattern("answer", "anaphors").match(best.text) else None
    if _named_before(q, best):
        return neighbour(best, docs, after=False)
    subject = without_copula(q.around[0]).strip()
    if q.wants != "person" or subject and not a_person(subject) or not _opens_with_pronoun(best.text):
        return None  # 向谁提供 asks no subject; 主讲人是谁 asks the one a report calls 他 once it has named him
    earlier = sentences([(best.meta["doc_id"], 0, best.start)], docs)[-ANTECEDENT_REACH:]
    return next((s for s in reversed(earlier) if any(w.tag == PERSON and w.text not in q.text for w in tag(s.text))), None)


def _named_before(q: Question, best: Sentence) -> bool:
    """哪个铺面 where the best sentence describes the thing (70多平方米的场地将被打造成…) and the one before
    names it (南大街26号是新开辟的铺面): the kind of thing asked of is said there, not in the best one.
    Not a division (哪个城市): a place is named without the word 城市."""
    noun = q.kind_noun
    return (q.wants in ("place", "what") and len(noun) >= 2 and noun not in lang.words("question", "divisions")
            and noun not in best.text and noun in best.before)


def _opens_with_pronoun(text: str) -> bool:
    """Is the sentence's subject a pronoun (他强调…, 此外，她表示…)?"""
    connective = lang.pattern("answer", "connectives").pattern
    return bool(re.match(rf"(?:(?:{connective})，?)?(?:{lang.pattern('answer', 'pronouns').pattern})", text))


def _runners_up(ranked: list[Sentence]) -> list[Sentence]:
    """Sentences the answer model rates nearly as high as the best: shown too, so a close call between
    two sentences does not hide the right one."""
    top = ranked[0]
    return [s for s in ranked[1:1 + MAX_RUNNERS_UP] if s.score >= RUNNER_UP * top.score and s.text != top.text]


def window(text: str, answer: tuple[int, int] | None, q: Question) -> tuple[int, int]:
    """The clauses of a long sentence that hold the answer and the question's words; a short one whole."""
    limit = QUOTE_CHARS * (2 if q.wants in ("reason", "manner") else 1)  # a reason or a means takes a clause or two
    if len(text) <= limit:
        return 0, len(text)
    bounds, lo = [], 0
    for m in _CLAUSE_END.finditer(text):
        bounds.append((lo, m.end()))
        lo = m.end()
    if lo < len(text):
        bounds.append((lo, len(text)))
    weight = [sum(w for t, w in q.weights.items() if t in text[a:b]) for a, b in bounds]
    keep = {i for i, (a, b) in enumerate(bounds) if answer and a < answer[1] and answer[0] < b}
    if not keep:
        keep = {max(range(len(bounds)), key=lambda i: weight[i])}
    if q.asks_two and (second := _second_clause(q, text, bounds, max(keep))) is not None:
        # 签了多少个项目？签约总额多少？: the clause the second question's words stand in is shown too
        lo_i, hi_i = min(keep | {second}), max(keep | {second})
        if bounds[hi_i][1] - bounds[lo_i][0] <= 2 * QUOTE_CHARS:
            keep, limit = set(range(lo_i, hi_i + 1)), 2 * QUOTE_CHARS
    # widen towards the clause with the most question weight next to what is kept, while it fits
    while True:
        lo_i, hi_i = min(keep), max(keep)
        options = [i for i in (lo_i - 1, hi_i + 1) if 0 <= i < len(bounds) and weight[i] > 0]
        if not options:
            break
        i = max(options, key=lambda j: weight[j])
        if bounds[max(hi_i, i)][1] - bounds[min(lo_i, i)][0] > limit:
            break
        keep.add(i)
    a, b = bounds[min(keep)][0], bounds[max(keep)][1]
    return a, len(text[:b].rstrip("，；：,;: "))


def _second_clause(q: Question, text: str, bounds: list[tuple[int, int]], kept: int) -> int | None:
    """The clause holding most of the words the question asks after the question word it is read by;
    where those are only another question word asking an amount (卖了多少吨、多少钱), the next clause
    after the `kept` one that states an amount."""
    found = find_cue(q.text)
    rest = q.text[found[2]:] if found else ""
    terms = {t: w for t, w in q.weights.items() if len(t) >= 2 and t in rest}
    weight = [sum(w for t, w in terms.items() if t in text[a:b]) for a, b in bounds]
    best = max(range(len(bounds)), key=lambda i: weight[i])
    if weight[best] > 0:
        return best
    second = find_cue(rest)
    if second and second[0] == "number":
        return next((i for i in range(kept + 1, len(bounds)) if re.search(r"\d", text[slice(*bounds[i])])), None)
    return None


def _past_dateline(text: str, lo: int, hi: int, found: tuple | None = None) -> tuple[int, int]:
    """[lo, hi) without the report's opening dateline and reporters (本报讯（记者 某某）), unless the
    answer lies in it: a credit is no part of an answer."""
    lead = dateline_end(text)
    if lo < lead < hi and (not found or found[0] >= lead):
        return lead, hi
    return lo, hi


def _quoted(s: Sentence, lo: int, hi: int) -> str:
    """The words of `s` from lo to hi, with an ellipsis where the sentence goes on."""
    return ("……" if lo > 0 else "") + _shown(s.text, lo, hi) + ("……" if hi < len(s.text) else "")


def _shown(text: str, lo: int, hi: int) -> str:
    """text[lo:hi] without a dateline's reporters, which a quote keeping the dateline would show."""
    credit = dateline_credit(text)
    if credit and lo <= credit[0] and credit[1] <= hi:
        return text[lo:credit[0]] + text[credit[1]:hi]
    return text[lo:hi]


def _best_sentences(ranked: list[Sentence], composer: Composer, n: int = 2) -> str:
    """The best one or two sentences of the best article, in reading order."""
    top = [ranked[0]] + [s for s in ranked[1:n + 2] if s.meta["doc_id"] == ranked[0].meta["doc_id"]
                         and s.score >= 0.5 * ranked[0].score][: n - 1]
    top.sort(key=lambda s: s.start)
    shown = [(s, _past_dateline(s.text, 0, len(s.text))) for s in top]
    return "".join(f"{s.text[lo:hi]}{composer.cite(s, s.start + lo, s.start + hi)}" for s, (lo, hi) in shown)


# --- lists ----------------------------------------------------------------------
def _list_answer(q: Question, ranked: list[Sentence], docs: dict[str, dict], composer: Composer) -> str | None:
    # Items are named in sentences of the relevant articles even when the sentence repeats none
    # of the question's words and lies outside the retrieved chunks, so those articles are read whole.
    top_doc = ranked[0].meta["doc_id"]
    strong = {s.meta["doc_id"] for s in ranked if s.score >= RELEVANT_DOC * ranked[0].score}
    relevant = [top_doc] + sorted(strong - {top_doc})
    whole = sentences([(d, 0, len(docs[d]["text"])) for d in relevant[:3]], docs)
    if count := _asked_count(q):  # 哪八个市: the sentence that says 等八个, or names that many, and no other
        counted = _counted(q, whole, composer, count)
        if counted or _ASKED_COUNT.search(q.text):  # 这五个人都有谁: a count only stated may be read otherwise
            return counted
    if _asks_people(q) and (people := _people(q, ranked[:3], composer, count, whole)):
        return people
    found: dict[str, Sentence] = {}
    for s in whole:
        name = list_item(s.text, q.head)
        if name and name not in found:
            found[name] = s
    # Items introduced one per paragraph are the list; names met mid-paragraph are asides.
    items = {k: s for k, s in found.items() if s.opens_paragraph}
    items = items if len(items) >= 2 else found
    if len(items) < 2:
        return _enumerated(q, ranked, composer, whole)
    # the best sentence naming them all together (在A、B、C以及D等方面加强合作) where the paragraphs
    # introduce only some: a point worded otherwise (推动对口协作 for 乡村振兴) is not cut as an item
    if _closes_with_head(q, ranked[0]) and len(names := _sentence_items(q, ranked[0])) > len(items):
        return _one_line(names, ranked[0], composer)
    shown = list(items.items())[:MAX_ITEMS]
    lines = [f"共找到 {len(items)} 项：" if len(items) <= MAX_ITEMS else f"共找到 {len(items)} 项，列出前 {MAX_ITEMS} 项："]
    for i, (name, s) in enumerate(shown, 1):
        lines.append(f"{i}. {name}：{_detail(s.text, name)}{composer.cite(s)}")
    return "\n".join(lines)


def _asks_people(q: Question) -> bool:
    """分别是谁, 都有谁, 哪几位专家: a list of people, whose items are the names a tagger reads."""
    return "谁" in q.text or bool(q.head) and q.head.endswith(tuple(lang.words("answer", "person_suffixes")))


def _people(q: Question, best: list[Sentence], composer: Composer, count: int | None = None,
            whole: Sequence[Sentence] = ()) -> str | None:
    """The people the best sentence names that the question does not (何飞, 任烨, 夏正旺: each name
    with its title, in commas, which no 、-pattern reads as one enumeration). With a count asked
    (这五个人都有谁), the first sentence of the relevant articles naming that many."""
    def named(s: Sentence) -> list[str]:
        return list(dict.fromkeys(w.text for w in tag(s.text) if w.tag == PERSON and w.text not in q.text))

    for s in whole if count else ():
        if len(names := named(s)) == count:
            return _listed(names, s, composer)
    for s in best:
        if len(names := named(s)) >= 2:
            return _listed(names, s, composer)
    return None


_NUMBERED = re.compile(r"^(?:第[一二三四五六七八九十]+|[（(]?[一二三四五六七八九十\d]+[)）、.．])[，,：:、]?")


def _lead_off(sentence: str) -> str:
    """The sentence without an opening connective or list number (其中，… / 一是… / （二）…)."""
    body = _NUMBERED.sub("", sentence)
    m = lang.pattern("answer", "connectives").match(body)
    return (body[m.end():] if m else body).lstrip("，,：:、 ")


@lru_cache(maxsize=64)
def _item_re(head: str) -> re.Pattern:
    follow = "|".join(re.escape(w) for w in sorted(lang.words("answer", "item_follow"), key=len, reverse=True))
    return re.compile(rf"(.{{2,45}}?{re.escape(head)})[”\"’]?(?:{follow})")


def list_item(sentence: str, head: str | None) -> str | None:
    """The name a sentence introduces, when it opens with '<name><head>' followed by what it does
    (光伏储能项目由…, 光伏储能项目总投资…)."""
    if not head:
        return None
    m = _item_re(head).match(_lead_off(sentence))
    if not m:
        return None
    name = re.sub(r"[“”\"‘’]", "", m.group(1)).strip("《》 ")
    if re.search(r"[，。、：:；]", name) or lang.pattern("answer", "not_item").match(name) or len(name) <= len(head) + 1:
        return None  # 利用A、B等平台, 产业升级：依托某平台: a clause or a run of items, not one name
    first = tag(name)[0]
    # 通过这些平台: a preposition or an adverb opens a clause; a verb may open a name (援建某某医院项目)
    return None if first.tag in ("p", "c", "d", "r") and first.end < len(name) - len(head) else name


def _enumerated(q: Question, ranked: list[Sentence], composer: Composer, whole: list[Sentence]) -> str | None:
    """The sentence that enumerates the things asked for, as one cited line: first one of the
    relevant articles that introduces them by the head noun (领导人包括A、B、C), then one of the
    best ranked that closes with it (A、B等领域) or with the words after it in the question (由哪些单位
    共同举办: A、B、C共同举办), then the best sentence if it enumerates anything."""
    head = re.escape(q.head or "")
    intro = "|".join(map(re.escape, lang.words("answer", "enumeration_intro")))
    introduced = [s for s in whole if head and re.search(rf"{head}(?:{intro})[^，。]{{1,24}}、", s.text)]
    introduced.sort(key=lambda s: not any(n in s.text for n in q.names))  # 吴江区的项目分别是… for 吴江区的项目
    best = [s for s in whole if s.meta["doc_id"] == ranked[0].meta["doc_id"] and s not in ranked[:5]]
    named = [s for s in ranked[:5] + best if _closes_with_head(q, s)]  # the best article's, past its best five
    named.sort(key=lambda s: bool(q.head_phrase) and q.head_phrase not in s.text)  # 主导产业 before other 产业
    cues = "|".join(map(re.escape, _follow_cues(_after_head(q))))
    framed = [s for s in ranked[1:5] + whole if cues and s.meta["doc_id"] == ranked[0].meta["doc_id"]
              and re.search(rf"、[^，。；]{{1,24}}(?:{cues})", s.text)]  # the best article's, after its best
    quoted = [s for s in whole if _quoted_items(s.text, q.head)]
    for s in introduced[:1] + quoted[:1] + named + [s for s in ranked[:1] if s not in named] + framed:
        if len(names := _sentence_items(q, s)) >= 2:
            return _one_line(names, s, composer)
    return None


def _closes_with_head(q: Question, s: Sentence) -> bool:
    """Does the sentence close a run of items with the head noun asked for (A、B等领域, 3个项目)?"""
    return bool(q.head) and bool(re.search(rf"(?:等|{_COUNTED.pattern})[^，。]{{0,4}}{re.escape(q.head)}", s.text))


def _after_head(q: Question) -> str:
    """The question's words after its head noun (哪几家单位共同举办 → 共同举办): items may end before them."""
    at = q.around[1].find(q.head) if q.head else -1  # 哪几家单位: the head after its classifier
    return q.around[1][at + len(q.head):] if 0 <= at <= 1 else ""


def _sentence_items(q: Question, s: Sentence) -> list[str]:
    """The items one sentence names of the head asked for, however it words the run."""
    asked = tuple(w for w in q.weights if len(w) >= 2 and w != q.head)
    text = s.text[dateline_end(s.text):]  # 记者某某、通讯员某某 credits the report and lists nothing
    return _stated_items(text, q.head, asked) or _quoted_items(text, q.head) or \
        list(dict.fromkeys(enumeration(text, q.head, asked, _after_head(q))))


def _one_line(names: list[str], s: Sentence, composer: Composer) -> str:
    """The items on one line, then the sentence they were cut from: a wrongly cut item shows at once."""
    lo, hi = _past_dateline(s.text, 0, len(s.text))
    return (f"共找到 {len(names)} 项：{'、'.join(names)}。\n"
            f"原文：{s.text[lo:hi]}{composer.cite(s, s.start + lo, s.start + hi)}")


def _quoted_items(text: str, head: str | None) -> list[str]:
    """Names quoted side by side, each ending in the noun asked for (开发了“A技术”“B技术”“C技术”), or
    closed by 等 and that noun (展示了《A》《B》《C》等多个舞蹈节目): the list, though no 、 parts them; else none."""
    if not head:
        return []
    h = re.escape(head)
    run = re.search(rf"(?:“[^“”]{{1,30}}{h}”(?:[、，,和及与]|以及)?){{2,}}", text) or \
        re.search(rf"(?:[《“][^《》“”]{{1,30}}[》”](?:[、，,和及与]|以及)?){{2,}}(?=等[^，。；]{{0,8}}{h})", text)
    return re.findall(r"[《“]([^《》“”]+)[》”]", run.group()) if run else []


_ASKED_COUNT = re.compile(r"哪([两二三四五六七八九十]|\d+)")
_COUNT = r"(?<![第\d两二三四五六七八九十])([两二三四五六七八九十\d]+)"  # a whole count, not 第24 (an edition)


def _asked_count(q: Question) -> int | None:
    """How many things a list question says there are (哪三个园, 这5个产业分别是什么 → 3, 5), or None
    (哪些, 哪几个)."""
    says = tuple(lang.words("answer", "after_stated_count"))  # not 放在“十大战略”首位: a name
    stated = [m for m in _count_of(q.head).finditer(q.text) if q.text[m.end():].startswith(says)] if q.head else []
    labelled = (m for m in COUNTED_LABEL.finditer(q.text) if q.text[m.end():].startswith(says))  # 三个“坚持”分别是
    m = _ASKED_COUNT.search(q.text) or next(iter(stated), None) or next(labelled, None)
    m = m or (_people_count().search(q.text) if _asks_people(q) else None)
    n = value(m.group(1)) if m else None
    return int(n) if n and n >= 2 else None


@lru_cache(maxsize=1)
def _people_count() -> re.Pattern:
    """A count of people a question states (这五个人, 三位专家), whatever noun jieba cuts off as its head."""
    units = "|".join(map(re.escape, sorted(lang.words("answer", "person_units"), key=len, reverse=True)))
    return re.compile(rf"{_COUNT}(?:{units})")


def _counted(q: Question, whole: list[Sentence], composer: Composer, count: int) -> str | None:
    """A list asked with its count (哪八个市参加, 哪四个方面): the first sentence of the relevant articles
    that says that many of the noun counted (…永川等八个市, 围绕“惠商”“助商”…四个方面), its items read
    around the count, or the sentence itself where none can be; else the first whose enumeration
    names that many beside the question's words."""
    asked = tuple(w for w in q.weights if len(w) >= 2 and w != q.head)
    counts = _count_of(q.head or "\0")
    kind = _counted_kind(counts.search(q.text), q.head)  # 配套 of 3项配套活动: not the 3项主体活动 beside it
    said = [(s, m) for s in whole for m in counts.finditer(s.text) if value(m.group(1)) == count]
    said.sort(key=lambda sm: bool(kind) and kind not in sm[1].group())
    first = None  # where the count is said but its items are not (共有5项前期活动…及3项系列活动；): the
    for s, m in said:  # sentence to quote, unless a later one names them (3项系列活动…分别是：A、B、C)
        names = _items_counted(s.text, m, count, q.head, asked)
        if len(names) >= 2:
            return _listed(names, s, composer)
        first = first or s
    if numbered := _numbered_run(whole, count):
        return _numbered_items(numbered, composer)
    if first:
        return _best_sentences([first], composer, 1)
    for s in whole:
        if q.head and q.head in s.text and any(w in s.text for w in asked):
            names = _items_before(s.text, q.head, asked)
            if len(names) == count:
                return _listed(names, s, composer)
    return None


def _counted_kind(said: re.Match | None, head: str | None) -> str:
    """The words between a count and its noun (配套 of 3项配套活动), which tell one counted run from another."""
    if not said or not head:
        return ""
    words = tag(said.group()[:-len(head)])
    return "".join(w.text for w in words if w.tag not in ("m", "q", "u")).removeprefix("大")  # 三大 counts


_ORDINALS = "一二三四五六七八九十"


def _numbered_run(whole: list[Sentence], count: int) -> list[Sentence]:
    """`count` sentences in a row numbered as points (一是…。二是…。三是…; 第一，…; 其一，…), each
    one item of a list a speech or plan states point by point; else none."""
    if count > len(_ORDINALS):
        return []
    def opens(s: Sentence, k: int) -> bool:
        n = _ORDINALS[k]
        return re.match(rf"(?:{n}是|第{n}[，,、：:]|其{n}[，,、：:])", s.text.lstrip()) is not None
    for i, s in enumerate(whole):
        run = whole[i:i + count]
        if opens(s, 0) and len(run) == count and all(opens(r, k) for k, r in enumerate(run)):
            return run
    return []


def _numbered_items(run: list[Sentence], composer: Composer) -> str:
    """Each point of a numbered run on a line: its first clause, then the rest with its citation."""
    lines = [f"共找到 {len(run)} 项："]
    for i, s in enumerate(run, 1):
        body = _lead_off(s.text.lstrip())
        name, _, rest = body.partition("，")
        lines.append(f"{i}. {name}：{rest or name}{composer.cite(s)}")
    return "\n".join(lines)


def _items_counted(text: str, said: re.Match, count: int, head: str | None, asked: tuple[str, ...]) -> list[str]:
    """The items of a stated count (`said`), where the sentence names them: in brackets after it
    (三市（汉中、安康、商洛）), after 分别 (3个中心，分别位于A、B、C), or before it, as an enumeration, a
    run of quoted terms, or clauses of their own (A项目，B项目，C项目等3个项目) — the reading that
    names as many as the count wins."""
    after, before = text[said.end():], text[:said.start()]
    readings = []
    if named := re.match(r"[（(]([^（）()]+)[)）]", after):
        parts = named.group(1).split("、")
        readings.append(parts[:-1] + _last_items(parts[-1]))  # 和 inside a name is no cut
    if then := _named_after(after):
        clause = re.split(r"[，。；]", after[then:])[0]
        parts = clause.split("、")
        tail = _last_items(parts[-1])
        readings.append([p for p in parts[:-1] + tail if p])
        if len(tail) > 2:  # 葡萄季摄影和书法绘画作品展和吐鲁番研学游体验活动: only the last 和 parts items
            rest = re.sub(r"(?:以及|和|及|与|跟)$", "", parts[-1][:parts[-1].rfind(tail[-1])])
            readings.append([p for p in parts[:-1] + [rest, tail[-1]] if p])
    listed = _items_before(before, head, asked)
    readings.append(listed)
    if head and said.group().startswith("等"):
        readings.append([c for c in re.split(r"[，,]", before)[-count:] if c.endswith(head[-1])])
    return next((r for r in readings if len(r) == count), listed)


def _named_after(text: str) -> int:
    """Where the items named after a count begin (，分别位于A、B…; 在节会期间同步开展，分别是：A、B…, past
    one clause on what they did), or 0 where none are."""
    said = lang.pattern("answer", "named_after_count").pattern
    m = re.match(rf"(?:[，,]|[^，,。；;]{{1,24}}[，,])?(?:{said})[：:]?", text)
    return m.end() if m else 0


def _stated_items(text: str, head: str | None, asked: tuple[str, ...]) -> list[str]:
    """The items of a list whose count the sentence states (A，B，C等3个项目; 3个中心，分别位于…), where
    as many are named as it says; else none."""
    for said in _count_of(head).finditer(text) if head else ():
        count = value(said.group(1))
        if count and count >= 2 and (said.group().startswith("等") or _named_after(text[said.end():])):
            names = _items_counted(text, said, int(count), head, asked)
            if len(names) == count:
                return names
    return []


@lru_cache(maxsize=64)
def _count_of(head: str) -> re.Pattern:
    """A count of `head` in a classifier (等八个市, 四个方面, 三大板块, 5个千亿级产业)."""
    units = "|".join(map(re.escape, sorted(lang.words("question", "units"), key=len, reverse=True)))
    noun = "、?".join(map(re.escape, head))  # 八个市区 asked, 八个市、区 written
    return re.compile(rf"等?{_COUNT}(?:(?:{units}|大)[^，。；、“”\d]{{0,8}}?)?{noun}")


def _items_before(text: str, head: str | None, asked: tuple[str, ...]) -> list[str]:
    """The items an enumeration names (资阳和重庆渝北: two), or a run of quoted terms (“惠商”“助商”)."""
    quoted = re.search(r"(?:[“\"][^“”\"]{1,20}[”\"][、和及与]?){2,}$", text)
    if quoted:
        return re.findall(r"[“\"]([^“”\"]{1,20})[”\"]", quoted.group())
    listed = enumeration(text, head, asked)
    return list(dict.fromkeys(x for n in listed for x in (_last_items(n) or [n])))


def _listed(names: list[str], s: Sentence, composer: Composer) -> str:
    lo, hi = _past_dateline(s.text, 0, len(s.text))
    return (f"共找到 {len(names)} 项：{'、'.join(names)}。\n"
            f"原文：{s.text[lo:hi]}{composer.cite(s, s.start + lo, s.start + hi)}")


_COUNTED = re.compile(r"等|[一二三四五六七八九十两\d]+(?:大|个|类|项|种|家|条)")
_RUN = re.compile(r"[^，。；：:、“”]{1,30}(?:、[^，。；：:、“”]{1,24})+")


def enumeration(sentence: str, head: str | None = None, words: tuple[str, ...] = (), follows: str = "") -> list[str]:
    """Items of an inline enumeration: '涉及调味品、预制菜、白酒和饮用水等领域' → 4 items.

    Among several runs of 、-separated items, the one right before the words that follow the question
    word in the question (`follows`: A、B、C共同举办 for 由哪些单位共同举办) wins, else the one followed by
    the question's head noun ("…等特色产品" for 哪些产品), else one beside another of the question's
    `words`, else the longest.
    """
    runs = list(_RUN.finditer(sentence))
    if not runs:
        return []
    cues = _follow_cues(follows)
    framed = [r for r in runs if _cue_at(r.group().split("、")[-1], cues) is not None  # …东莞市人民政府共同举办
              and all(_cue_at(part, cues) is None for part in r.group().split("、")[:-1])]  # clauses (创下…) are no items
    runs = framed or runs
    def after(r: re.Match) -> str:  # the run's last item runs on into what follows it (…和休闲食品等领域),
        # within its clause: 展区 after the next comma closes the next run (…企业参展，设立A、B六大展区)
        return sentence[max(r.start(), r.end() - 6): r.end()] + re.split(r"[，。；：:,;]", sentence[r.end(): r.end() + 12])[0]

    if head:
        runs = [r for r in runs if head in after(r) or head[-1] in after(r)] or runs
    def before(r: re.Match) -> str:  # in the run's own clause
        return re.split(r"[，。；]", sentence[max(0, r.start() - 12): r.start()])[-1]

    if len(runs) > 1 and words:  # A、B、C共同主办 for 由哪些单位主办
        runs = [r for r in runs if any(w in before(r) + "|" + after(r) for w in words)] or runs
    run = max(runs, key=lambda r: r.group().count("、"))
    parts = run.group().split("、")
    closed = next((i for i, p in enumerate(parts[1:-1], 1) if re.search(r"等[一二三四五六七八九十两\d]", p)), None)
    parts = parts[:closed + 1] if closed else parts  # …永川等八个市、区的经信部门: the count's 市、区 ends the run
    if run in framed:
        parts[-1] = parts[-1][:_cue_at(parts[-1], cues)]
    parts[0:1] = _joined(_noun_tail(_after_intro(parts[0])))
    last = _COUNTED.split(re.split(r"…|\.{3}", parts[-1])[0])[0]  # …版纳米线......7月20日
    split = _last_items(last)
    named = head and len(parts) > 1 and all(p.endswith(head) for p in parts[:-1])
    parts[-1:] = [last] if named and not all(p.endswith(head) for p in split) else split  # 某某拥有者及驾驶员协会: one name
    if head and parts[-1].endswith(head) and "的" in parts[-1] and not any(p.endswith(head) for p in parts[:-1]):
        parts[-1] = parts[-1][:parts[-1].rindex("的")]  # A、B和C的创新解决方案: the head all of them share
    if len(parts) >= 3:  # an end item that runs on past its peers holds a verb's clause too
        parts[-1] = _fit_to_peers(parts[-1], parts[:-1], first=False)
        parts[0] = _fit_to_peers(parts[0], parts[1:], first=True)
    items = [p.strip("“”\"《》 ") for p in parts]
    return [p for p in items if 1 < len(p) <= 20]


def _joined(item: str) -> list[str]:
    """A first item where one body joins the run (国家知识产权局联合教育部、工信部): the body is an item of
    its own, when it ends as an organisation's name does."""
    joins = "|".join(map(re.escape, lang.words("answer", "joining_verbs")))
    ends = "|".join(map(re.escape, lang.words("answer", "org_suffixes")))
    m = re.fullmatch(rf"(.{{2,20}}?(?:{ends}))(?:{joins})(.{{2,}})", item)
    return [m.group(1), m.group(2)] if m else [item]


def _fit_to_peers(item: str, peers: list[str], first: bool) -> str:
    """An end item much longer than the other items, cut at a verb to the length closest to theirs:
    the first item keeps what follows a verb (舞台上表演苏州评弹 → 苏州评弹), the last what precedes
    one (田坝镇开展对口帮扶工作 → 田坝镇). Items of like length are left whole, verbs and all
    (推动产业升级、加强基础设施建设)."""
    if len(item) <= max(map(len, peers)) + 2:
        return item
    middle = sorted(map(len, peers))[len(peers) // 2]
    verbs = [w for w in tag(item) if w.tag == "v" and len(w.text) >= 2]
    pieces = [item[w.end:] if first else item[:w.start] for w in verbs]
    return min((p for p in pieces if len(p) >= 2), key=lambda p: abs(len(p) - middle), default=item)


def _cue_at(text: str, cues: tuple[str, ...]) -> int | None:
    """Where the first of `cues` stands after a whole item of `text`: 中和 of 碳信用购买和碳中和保险 leaves
    a one-character item (碳) before it, so it is inside a name, not the verb that follows the run."""
    found = [m.start() for c in cues for m in re.finditer(re.escape(c), text)
             if len(re.split(r"[和及与、]", text[:m.start()])[-1]) != 1]
    return min(found) if found else None


@lru_cache(maxsize=64)  # read for each sentence a list question offers
def _follow_cues(follows: str) -> tuple[str, ...]:
    """What marks the end of the items in a sentence, from the words after the question's head
    (共同举办 of 由哪几家单位共同举办): their first two characters, and their last verb, which a
    sentence may say with another adverb (联合举办 asked, 共同举办 written) or another verb of the same act
    (`same_acts`: 主办 asked, 举办 written)."""
    if len(follows) < 2:
        return ()
    verbs = [w.text for w in tag(follows) if w.tag == "v" and len(w.text) >= 2][-1:]
    acts = [a for family in lang.data()["answer"]["same_acts"] if verbs and verbs[0] in family for a in family]
    return tuple(dict.fromkeys([follows[:2]] + verbs + acts))


def _last_items(text: str) -> list[str]:
    """The items at an enumeration's end: split at 和/及/与 where the tagger reads a conjunction, not
    inside a name (四川省经济和信息化厅), without the verb the list is the subject of (…共同主办)."""
    words = tag(text)
    while len(words) > 2 and words[-1].tag == "v" and words[-2].tag in ("ad", "d", "vd"):
        text, words = text[:words[-2].start], words[:-2]  # 共同主办, 联合举办: what the items did
    if len(words) > 1 and words[-1].tag in ("ad", "d", "vd"):
        text, words = text[:words[-1].start], words[:-1]  # 共同 of 共同举办, cut at the verb asked
    cuts = [w for w in words if w.tag == "c" and w.text in ("和", "及", "与", "以及", "跟")]
    bounds = [0] + [x for w in cuts for x in (w.start, w.end)] + [len(text)]
    return [text[a:b] for a, b in zip(bounds[::2], bounds[1::2])]


def _after_intro(text: str) -> str:
    """`text` after the last word that introduces an enumeration (涉及, 重点发展, 确定了), matched as a
    whole word of the tagger's: 发展 inside 某某发展联盟 introduces nothing."""
    intros = set(lang.words("answer", "enumeration_head"))
    return text[max((w.end for w in tag(text) if w.text in intros), default=0):]


def _noun_tail(text: str) -> str:
    """The noun phrase that ends `text`: the first item of an enumeration, without the verb and
    subject before it (…主动加强与应急管理 → 应急管理; …领导人包括科摩罗总统 → 科摩罗总统), or the
    preposition that governs the list (在新能源、现代农业等领域 → 新能源)."""
    words = tag(text)
    if len(words) > 1 and words[0].tag == "p":
        text, words = text[words[1].start:], tag(text[words[1].start:])
    if len(text) <= 4:
        return text
    keep = len(words)
    while keep > 0 and (words[keep - 1].tag.startswith("n") or words[keep - 1].tag in _ITEM_TAGS
                        or words[keep - 1].text.isspace()):  # a blank inside a name: 推出了 Nova 智能手表
        keep -= 1
    return text[words[keep].start:].strip() if keep < len(words) else text


_ITEM_TAGS = ("ORG", "LOC", "PER", "vn", "an", "nz", "nw", "s", "f", "a", "m", "q", "TIME")


def _detail(sentence: str, name: str, limit: int = 80) -> str:
    """The sentence without its opening name, shortened for a list line."""
    body = _lead_off(sentence)
    plain = re.sub(r"[“”\"‘’]", "", body)
    rest = plain[len(name):].lstrip("，：:") if plain.startswith(name) else sentence
    return rest if len(rest) <= limit else rest[: limit - 2] + "……"


# --- dates ----------------------------------------------------------------------
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
