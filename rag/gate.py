"""Answerability: one calibrated score from the evidence, and the threshold below which we refuse.

The score says how likely the retrieved passages are to hold the answer: how much of
the question's word weight the best passage holds, whether the best article names
the question's names and states its numbers and times, whether the best passage holds
the rarest word the question asks about, and the answer model's belief in its best
sentence (which already weighs the asked-for type of fact and the relation around the
question word). A logistic model over these is fitted by evals/fit.py on CRUD train
questions asked with their article in the index, without it, with its answering
sentences blanked, and of another entity or time; the threshold is read off
the curve of false refusals against wrong answers accepted (`wenjin eval` plots it).
How the answer is then written plays no part in the decision.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from wenjin.index.furniture import dateline_end
from wenjin.index.tokens import plain_cutter

from . import lang
from .asked import QUOTED
from .quantities import quantities, units_match
from .select import in_unit
from .question import Question, asks_calendar, body_names, find_cue, time_words, without_copula
from .tagger import ORG, PERSON, PLACE, tag
from .sentences import Sentence, coverage
from .types import Hit

MODEL = Path(__file__).with_name("gate_model.json")
EVENT_SAID = 0.75  # share of the words after the question word a text must hold to say its event otherwise
PREMISE_COVERAGE = 0.8  # share of a supposition's word weight a passage must hold to state it
FEATURES = ("best", "cover", "said", "names", "rarest", "numbers", "times", "focus", "restated", "agree", "unseen")


@dataclass
class Gate:
    score: float                      # probability that the passages hold the answer
    threshold: float                  # below it, the extractive answerer refuses
    llm_threshold: float              # below it, not even the LLM is asked (it can still refuse itself)
    features: dict[str, float] = field(default_factory=dict)
    llm_score: float | None = None    # the LLM's, where it may differ (it can reason from a supposition)

    @property
    def passed(self) -> bool:
        return self.score >= self.threshold

    @property
    def passed_for_llm(self) -> bool:
        return (self.score if self.llm_score is None else self.llm_score) >= self.llm_threshold


@lru_cache(maxsize=4)
def _model(path: Path = MODEL) -> dict:
    return json.loads(Path(path).read_text("utf-8"))


def measure(q: Question, hits: list[Hit], ranked: list[Sentence], docs: dict[str, dict],
            unseen: tuple[str, ...] = ()) -> dict[str, float]:
    """The evidence measurements the score is computed from (see FEATURES). `unseen`: the question's
    nouns and names that no indexed text contains (火星 in a collection of investment news), as
    `Engine.unseen` finds them."""
    total = sum(q.weights.values()) or 1.0
    missing = sum(q.weights.get(t, 0.0) for t in unseen) / total
    if not hits or not ranked:
        return {**{f: 0.0 for f in FEATURES}, "unseen": missing}
    best = ranked[0]
    chunk_cover = max(coverage(q.weights, h.meta.get("title", ""), h.node.text) for h in hits)
    doc = docs[best.meta["doc_id"]]
    doc_text = _article(best, docs)
    rarest = max(q.weights, key=q.weights.get) if q.weights else ""
    top_docs = [s.meta["doc_id"] for s in ranked[:3]]
    return {
        "best": best.score,
        "cover": chunk_cover,
        "said": _said_in_sentence(q, ranked[:3]),
        "names": sum(n in doc_text for n in q.names) / len(q.names) if q.names else 1.0,
        "rarest": float(not rarest or any(rarest in h.meta.get("title", "") + h.node.text for h in hits[:3])),
        "numbers": float(all(n in doc_text for n in q.numbers)),
        "times": sum(_time_stated(t, doc_text, doc["metadata"].get("date", "")) for t in q.times) / len(q.times)
        if q.times else 1.0,
        "focus": float(any(f in best.before + best.text for f in q.focus)) if q.focus else 0.5,
        "restated": _restated(q, best),
        "agree": top_docs.count(top_docs[0]) / len(top_docs),
        "unseen": missing,
    }


def decide(q: Question, hits: list[Hit], ranked: list[Sentence], docs: dict[str, dict],
           unseen: tuple[str, ...] = (), quoted: list[Sentence] | None = None) -> Gate:
    """The score, and the thresholds to hold it against.

    What the collection never mentions at all cannot be answered from it, whatever else the passages
    share with the question: the fitted probability is scaled by the share of the question's weight
    the collection covers (火星 in a collection of investment news), and a person, organisation or
    place the question names that no indexed text contains (理塘县) sets it to 0, and so does a
    supposition (如果…，) no passage states. The CRUD questions
    the weights are fitted on cannot teach this: their corpus holds every name they ask about."""
    model = _model()
    x = measure(q, hits, ranked, docs, unseen)
    z = model["bias"] + sum(model["weights"].get(k, 0.0) * v for k, v in x.items())
    score = 1 / (1 + math.exp(-max(-30.0, min(30.0, z)))) * (1.0 - x["unseen"])
    inner = _inner_places(q)  # 湖北宜昌: a collection naming 宜昌 but never 湖北 still answers of 宜昌
    x["unknown_name"] = float(any(_unknown(name, unseen) and not (name in inner and not _unknown(inner[name], unseen))
                                  for name in q.names + body_names(q.text)))
    x["premise"] = float(_premise_stated(q, hits))
    # the kind asked must also be stated in the best sentences of articles that name what the question
    # names: an amount in 亩 or a year from an article on something else states nothing of it. They are
    # read in the order the answer quotes them (`quoted`: one stating an amount is put first).
    top = (quoted or ranked)[:3]
    named = [s for s in top if _names_all(q, s, docs)]
    x["kind"] = float(kind_stated(q, top, hits[:3], docs)
                      and (named in ([], top) or kind_stated(q, named, hits[:3], docs)))
    known = hits and not x["unknown_name"] and not _another_body(q, top, docs)
    # where the answer model believes no sentence states an answer (under the floor fitted on train:
    # hardly any answerable question's best sentence scores lower), names and words the passages
    # share with the question are an incidental echo (圆珠笔 in a report on printed LEDs)
    believed = x["best"] >= model.get("best_floor", 0.0)
    # an LLM can still answer what a passage implies under the supposition, or say it cannot;
    # the extractive answerer can only quote, and no quote states what follows from it
    return Gate(score if known and x["premise"] and x["kind"] and believed else 0.0, model["threshold"],
                model["llm_threshold"], x, llm_score=score if known else 0.0)


def _another_body(q: Question, top: list[Sentence], docs: dict[str, dict]) -> bool:
    """Does the best sentence's article name, in place of a body the question names, another of its kind
    (华中师范大学 where 北京师范大学 is asked), in its best sentences, and never that one, in full or
    shortened? What it states is the other body's: the collection knows the name, so `unknown_name`
    passes it."""
    from .verify import contracts

    if not top:
        return False
    article = _article(top[0], docs)
    for name in (w.text for w in tag(q.text) if w.tag == ORG and len(w.text) >= 4):
        if name in article or _abbreviated(name, article) or name[:min(4, len(name) - 2)] in article:
            continue  # 宁波双成 for 宁波双成药业股份有限公司: a body is shortened to its leading words
        same = [s for s in top if s.meta.get("doc_id") == top[0].meta.get("doc_id")]
        bodies = {w.text for s in same for w in tag(s.text) if w.tag == ORG}
        if any(contracts(b, name) or b in name or name in b for b in bodies):
            continue
        if any(b.endswith(name[-2:]) for b in bodies):
            return True
    return False


def kind_stated(q: Question, top: list[Sentence], hits: list[Hit], docs: dict[str, dict]) -> bool:
    """Whether the best sentences hold what the question asks for, of the kind it asks (an amount in
    its unit, a place, a year it names…): passages on the topic that lack it do not answer."""
    return (_unit_stated(q, top) and _counted_stated(q, top) and _name_stated(q, top)
            and _editions_stated(q, hits, top, docs) and _years_stated(q, top, docs) and _when_stated(q, top)
            and _measure_stated(q, top, docs) and _money_stated(q, top) and _place_stated(q, top, docs)
            and _future_stated(q, top) and _superlative_stated(q, top) and _yes_no_stated(q, top)
            and _quoted_stated(q, top, docs) and _edition_reported(q, top, docs) and _place_named(q, top, docs))


def _years_stated(q: Question, top: list[Sentence], docs: dict[str, dict]) -> bool:
    """A year the question is about (2024年的产值, 到2030年) must be one an article of the best sentences
    states or is dated in: a figure of 2022 does not answer for 2024, nor a 2025 target for 2030. Where
    every best sentence on the relation asked about names a year of its own and none the asked one, the
    article's date does not stand for them (an article of 2024 reporting 2022年，园区实现产值…)."""
    asked = (re.fullmatch(r"(?:到|至|截至)?((?:19|20)\d\d)年?(?:底|末|初)?", t) for t in q.times)
    years = [m.group(1) + "年" for m in asked if m]
    if not years:
        return True
    focus = _on_focus(q, top, fallback=False)
    if focus and all(_own_year(s.text) for s in focus) and not any(y[:4] in s.text for s in focus for y in years):
        return False
    bare = [t for t in q.times if re.fullmatch(r"(?:19|20)\d\d", t)]  # 2026 of 2026某博会: written so in the article too
    articles = [docs[s.meta["doc_id"]] for s in top if s.meta.get("doc_id") in docs]
    return not articles or any(
        all(_time_stated(y, text := d["metadata"].get("title", "") + "\n" + d["text"], d["metadata"].get("date", ""))
            or y[:4] in bare and re.search(rf"(?<![\d.]){y[:4]}(?=[\u4e00-\u9fff])(?![年月日万亿元人个家名户])", text)
            for y in years)
        for d in articles)


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d年")


def _own_year(text: str) -> bool:
    """Whether a sentence dates what it states by a year: one not named as what it is compared with
    (较2022年同期, 比2021年增长), which leaves the figure's own year to the article's date."""
    return any(not re.search(r"(?:较|比|相比|同比|对比|与)$", text[max(0, m.start() - 2):m.start()])
               and not text.startswith("同期", m.end()) for m in _YEAR.finditer(text))


def _unit_stated(q: Question, top: list[Sentence]) -> bool:
    """A number asked for needs a number of its kind in one of the best sentences: in the unit asked
    (多少标箱, 几名干部), or with none asked (多少游客) one that is not a sum of money — 投资1.7亿元 does
    not say how many 游客 a year, nor 增长18% how many 标箱."""
    if q.wants != "number":
        return True
    unit = q.unit or next((u for u in _units() if q.around[1].startswith(u)), "")
    unit = lang.data()["quantities"]["unit_factor"].get(unit, [unit])[0]  # 兆瓦 is read as 瓦, as the passage's are
    found = [n.unit for s in top for n in quantities(s.before + s.text)]
    if unit:  # a bare number (20 of 20:00) is in no unit: a claim may leave its unit to the context, a count may not
        people = lang.words("quantities", "people_counts")
        return any(u and (units_match(unit, u) or u in people and unit in people) for u in found)
    return any(u not in lang.words("quantities", "currencies") for u in found)  # 多少游客: not a sum of money


def _quoted_stated(q: Question, top: list[Sentence], docs: dict[str, dict] | None = None) -> bool:
    """A term the question quotes (“数智乡村”, 《若干意见》) names what it asks about: one of the best
    sentences, with its headline and the sentence before it, must hold it. A sentence on the same
    topic that never uses the term speaks of something else."""
    terms = [_plain(m.group()[1:-1]) for m in QUOTED.finditer(q.text)]
    texts = [_plain(s.meta.get("title", "") + s.before + s.text) for s in top]
    counted = {_plain(m.group(2)) for m in COUNTED_LABEL.finditer(q.text)}  # 三个“坚持”: a label each item
    articles = [_plain(_article(s, docs)) for s in top] if counted else []  # opens with (一是坚持…), further on
    return all(any(t in text for text in texts) or t in counted and any(t in a for a in articles) for t in terms)


COUNTED_LABEL = re.compile(r"([两二三四五六七八九十\d]+)个?[“\"]([^“”\"]{1,8})[”\"]")  # 三个“坚持”: count, label


def _plain(text: str) -> str:
    """Text with full-width forms folded and blanks dropped: （试行） is (试行)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _money_stated(q: Question, top: list[Sentence]) -> bool:
    """多少钱, 投资多少 ask for a sum of money: one of the best sentences must state one, in any currency.
    两家航天企业落户园区 says who came, not what they invested."""
    currencies = lang.words("quantities", "currencies")
    if q.wants != "money" or q.unit and q.unit not in currencies:
        return True  # 利润增速回升了多少个百分点: asked in points, not money
    return any(n.unit in currencies for s in top for n in quantities(s.before + s.text))


def _place_stated(q: Question, top: list[Sentence], docs: dict[str, dict] | None = None) -> bool:
    """A place the question sets its act in (在雅安投资建设了什么, 在重庆签约) must be that of a best
    sentence on the act: one saying it was done 在绵阳高新区 answers for another place, and so do
    sentences on the act from articles that never name the place (nor by its one-character name, 渝).
    A sentence on the act that names no place of its own leaves the question to the others."""
    if "在" not in q.text and "于" not in q.text:
        return True  # most questions set no place: no tagging on their path
    words = tag(q.text)
    asked = next(((b.text, c.text) for a, b, c in zip(words, words[1:], words[2:])
                  if a.text in ("在", "于") and b.tag == PLACE and c.tag.startswith("v")), None)
    if asked is None:
        return True
    place, verb = asked
    on = [s for s in top if any(w.tag.startswith("v") and w.text.startswith(verb) for w in tag(s.text))]
    if on and docs and not any(_names_place(place, _article(s, docs)) for s in on):
        return False
    return not on or any(place in s.before + s.text for s in on) or not all(
        _done_elsewhere(s.text, place, verb) for s in on)


_YEARS_AHEAD = re.compile(r"[\d一二三四五六七八九十两几]+年(?:以|之)?后")  # 五年后, 3年以后


def _future_stated(q: Question, top: list[Sentence]) -> bool:
    """A question about a time to come (五年后, 明年, 将来) is answered by a plan, a forecast or a target
    (将, 预计, 力争, 到2030年), not by what a sentence reports as done now: 已入驻企业18家 says nothing of
    how many there will be."""
    if not (_YEARS_AHEAD.search(q.text) or any(w in q.text for w in lang.words("question", "future_times"))):
        return True
    planned = lang.pattern("claims", "planned")
    return any(planned.search(s.before + s.text) or re.search(r"到\d{4}年", s.text) for s in top)


def _superlative_stated(q: Question, top: list[Sentence]) -> bool:
    """Which one is the most of something (哪家企业产量最高, 哪个项目投资最多) is answered by a sentence
    that ranks (最大的是…, 居首, 第一), not by one that lists the items with their figures: comparing
    them is reasoning the extractive answerer does not do (the LLM, whose gate this rule does not
    touch, may). The earliest or latest asked of a date (最早从哪一年说起) is the date asked for."""
    asked = set(lang.pattern("question", "superlatives").findall(q.text))
    if q.kind == "general" or not asked or q.wants == "date" and asked <= set(lang.words("question", "time_superlatives")):
        return True
    ranked = lang.pattern("claims", "superlatives")
    return any(ranked.search(s.before + s.text) for s in top)


def _yes_no_stated(q: Question, top: list[Sentence]) -> bool:
    """是否 and 有没有 ask whether what follows holds: one of the best sentences (with its headline and
    the sentence before) must speak of it, holding each of its nouns and qualities (是否被认定为省级开发区:
    省级 too; a sentence on where the park lies does not say). Its verbs may be worded otherwise."""
    cue = lang.pattern("question", "yes_no").search(q.text)
    if not cue:
        return True
    asked = [w.text for w in tag(q.text[cue.end():]) if w.tag in ("n", "nz", "nw", "a", PERSON, ORG, PLACE)
             and len(w.text) >= 2]
    return not asked or any(all(a in s.meta.get("title", "") + s.before + s.text for a in asked) for s in top)


def _place_named(q: Question, top: list[Sentence], docs: dict[str, dict] | None = None) -> bool:
    """A place the question names (资阳有几个产业集群) must be named by the article of the best sentence,
    whole, short or by its one-character name: an article on 德阳 states 德阳's figures, however well
    its sentence repeats the rest of the question. (A place no indexed text names refuses already.)"""
    home = lang.words("question", "home_country")
    words = tag(q.text)
    places = [w.text for w in words if w.tag == PLACE and len(w.text) >= 2 and w.text not in home]
    endings = tuple(lang.words("answer", "org_suffixes"))
    bodies = [w.text for w in words if w.tag == ORG  # and 驻深圳办事处, which the tagger reads as a verb
              or (w.tag != PLACE and len(w.text) >= 4 and w.text.endswith(endings))]
    places += [p for body in bodies for p in _places_within(body) if p not in home]
    article = _article(top[0], docs) if top else ""
    inner = _inner_places(q)
    return not places or not top or all(
        _names_place(p, article) or _names_parts(p, article) or _names_division_and_name(p, q.text, article)
        or p in inner and _names_place(inner[p], article) for p in places)


def _inner_places(q: Question) -> dict[str, str]:
    """Each place the question writes right before another (湖北宜昌猇亭区: 湖北 → 宜昌, 宜昌 → 猇亭区): it
    only says where the next one is, and an article naming that one need not name it."""
    words = tag(q.text)
    return {a.text: b.text for a, b in zip(words, words[1:]) if a.tag == b.tag == PLACE and a.end == b.start}


def _names_division_and_name(place: str, question: str, article: str) -> bool:
    """当阳市锦屏|新材料玻璃产业园: the tagger reads a city and the name that follows it as one place. The
    article names it when it names the city and the name with what follows it in the question."""
    lead = "".join(_leading_divisions(place))
    rest, at = place[len(lead):], question.find(place)
    following = question[at + len(place):at + len(place) + 2] if at >= 0 else ""
    return bool(lead and rest and following) and _names_place(lead, article) and rest + following in article


def _names_parts(place: str, article: str) -> bool:
    """A place the tagger reads as one with its neighbours (上海长宁 and the verb after it, 上海长宁派;
    静安派) is named when each of jieba's words in it is, where those of two characters or more are
    each a place of their own (not 北京城区: 城区 says which part of 北京)."""
    parts = [w for w in plain_cutter().lcut(place) if len(w) >= 2]
    glued = len(parts) >= 2 or bool(parts) and parts[0] != place
    return glued and all(_is_place(w) and _names_place(w, article) for w in parts)


def _is_place(word: str) -> bool:
    """Does the tagger read the word alone as a place?"""
    words = tag(word)
    return len(words) == 1 and words[0].tag == PLACE


def _places_within(org: str) -> list[str]:
    """The places an organisation's name holds: the divisions it opens with, and a place further in
    that the tagger reads as one on its own (河南省政府驻上海办事处 → 河南省, 上海; 洛阳华侨城 → 洛阳): 驻上海办事处 and
    驻广州办事处 are two bodies, as 甘肃省工商联 and 青海省工商联 are."""
    words = plain_cutter().lcut(org)
    inner = [w for w in words[1:] if len(w) >= 2 and w != org and _is_place(w)]
    # a city the name opens with though it ends in no division's suffix (洛阳|华侨城): 南阳华侨城 is another
    opening = words[:1] if len(words) > 1 and len(words[0]) >= 2 and _is_place(words[0]) else []
    return list(dict.fromkeys(_leading_divisions(org) + opening + inner))


def _leading_divisions(org: str) -> list[str]:
    """The divisions an organisation's name opens with (甘肃省工商联 → 甘肃省, 成都市武侯区人民政府 → 成都市,
    武侯区): the tagger reads the whole as one body, and 青海省工商联 is another body of the same kind.
    jieba's words say where the place ends; 国家市场监督管理总局 opens with none."""
    out = []
    for word in plain_cutter().lcut(org):
        if len(word) < 3 or not word.endswith(tuple(lang.words("answer", "admin_suffixes"))) or word == org:
            break
        out.append(word)
    return out


def _names_place(place: str, article: str) -> bool:
    """Does the article name the place, whole, without its suffix (北京市 → 北京) or by its
    one-character name (渝 for 重庆)? Without an article it may."""
    core = _core(place)
    short = [a for a, full in lang.data()["claims"]["place_abbreviations"] if full == core]
    return not article or core in article or any(a in article for a in short)


def _core(place: str) -> str:
    """The place without its suffix (北京市 → 北京); one made of suffix characters only stays (中山)."""
    return place.rstrip("".join(lang.words("answer", "place_suffixes"))) or place


def _done_elsewhere(text: str, place: str, verb: str) -> bool:
    """Does the sentence set `verb` in a place that is not `place` (在绵阳投资 for 在雅安投资)? A place
    sharing a character with it (在京 for 北京) may be the same one written short."""
    words = tag(text)
    core = _core(place)
    return any(a.text in ("在", "于") and b.tag == PLACE and c.text.startswith(verb[0])
               and not set(core) & set(b.text) for a, b, c in zip(words, words[1:], words[2:]))


def _when_stated(q: Question, top: list[Sentence]) -> bool:
    """何时 and 哪一年 ask for a time: one of the best sentences on the relation asked about, or the one
    before it, must name a time the question does not (明年6月底, 近日, 2025年底) — 建成后年产300台
    says what, not when, and the dateline's 7月27日 is when the deal was signed, not when it opens.
    何时 may also be answered by another event (在发布行程前), 哪一年 only by the calendar (not 目前)."""
    if q.wants != "date":
        return True
    calendar = asks_calendar(q)
    relative = () if calendar else tuple(lang.words("question", "relative_times"))
    return any(dated(q, s.before + s.text) or any(w.tag == "f" and w.text in relative and w.start > 0
                                                  for w in tag(s.before + s.text)) for s in _on_event(q, top))


def dated(q: Question, text: str) -> bool:
    """Does `text` name a time the question does not (for 哪一年 and 几月, one on the calendar)?"""
    calendar = asks_calendar(q)
    return any(w.text not in q.text and (not calendar or _ON_CALENDAR.search(w.text)) for w in time_words(text))


# a time on the calendar (2025年, 年底, 6月, 11日, 当天, 周五), which 目前 and 近日 are not
_ON_CALENDAR = re.compile(r"[年月天]|[\d〇零一二三四五六七八九十]+[日号]|周[一二三四五六日末]|星期")


def _on_event(q: Question, top: list[Sentence]) -> list[Sentence]:
    """The sentences on the event whose time is asked (投产 of 什么时候投产, 开园 of 哪一天正式开园): the
    last content word after the question word, or the relation `_on_focus` finds where none follows.
    Where no sentence names the event, none is on it: their times (a dateline's) are other events'."""
    event = asked_event(q)
    if not event:
        return _on_focus(q, top)
    return [s for s in top if event in s.before + s.text or _says_object(q, event, s.before + s.text)]


def _says_object(q: Question, event: str, text: str) -> bool:
    """Is an event ending in a noun (进入示范县名单 of 哪一年进入…名单) said in other words for the noun
    (跻身示范县行列): the text holds most of the weight of the other words after the question word? A
    verb (投产) is the event itself, and a text without it speaks of another."""
    if tag(event)[-1].tag != "n":
        return False
    after = {t: w for t, w in q.weights.items() if t in q.around[1] and t not in event and event not in t}
    return len(after) >= 2 and sum(w for t, w in after.items() if t in text) >= EVENT_SAID * sum(after.values())


def asked_event(q: Question) -> str:
    """The event whose time is asked: the last content word after the question word (投产 of 什么时候投产).
    A verb of telling from a point (从哪一年说起) is no event, nor a noun of a second question."""
    telling = lang.words("question", "telling_verbs")
    after = q.around[1]
    second = find_cue(after)  # 几号在哪个城市开的: 城市 is the second question's, no event
    after = after[:second[1]] if second else after
    events = [w.text for w in tag(after) if w.tag in ("v", "vn", "n") and len(w.text) >= 2 and w.text not in telling]
    return events[-1] if events else ""


def _counted_stated(q: Question, top: list[Sentence]) -> bool:
    """多少游客, 几名干部: the thing a count is asked of must be counted in one of the best sentences, in
    a clause holding both the noun and a number that is no date or position. 投资1.7亿元 in a sentence
    on the same project says nothing of its 游客. Only a short noun is looked for: 多少座中型水库超过了
    汛限水位 asks of a phrase a sentence words its own way."""
    noun = q.around[1]
    if q.wants != "number" or not noun or len(noun) > 4 or tag(noun)[-1].tag not in ("n", "nz", "nw"):
        return True
    if q.unit and _head_counted(noun[-1], q.unit, top):
        return True  # 多少座车站 answered by 设站37座: the noun's head character beside the count
    if q.unit and len(noun) == 2 and noun[-1] in lang.words("question", "noun_suffixes"):
        return any(noun[0] in c and in_unit(q.unit).search(c) and any(n.amount for n in quantities(c))
                   for s in top for c in re.findall(r"[^，。；！？\n]+", s.text))  # 多少套房子: 交付房屋27.8万套
    return amount_beside(noun, [s.text for s in top])


def _head_counted(head: str, unit: str, top: list[Sentence]) -> bool:
    """Does a best sentence count `head` in `unit` right after naming it (站37座, 校3所)?"""
    counted = re.compile(re.escape(head) + r"\s*[\d.,一二三四五六七八九十两百千万亿]*" + in_unit(unit).pattern)
    return any(counted.search(s.text) for s in top)


def _measure_stated(q: Question, top: list[Sentence], docs: dict[str, dict] | None = None) -> bool:
    """多少钱 and 多少 asked of a measure (年产值能达到多少, 2023年实现税收多少, 基金规模有多大): one of the best
    sentences must hold the measure and an amount in one clause. 投资3.5亿元 does not say what the
    project's 年产值 will be, nor 产值215亿元 what its 税收 was. A measure any thing has (规模, 金额) is
    looked for with what it is the measure of (基金规模 → 基金): 设立产业发展基金 says no size. Asked of
    a counted noun (多少家企业), `_counted_stated` judges instead. A sentence from an article that
    never names the thing asked about states another thing's measure."""
    noun = asked_measure(q)
    if not noun:
        return True
    subject = _subject_of(q.text, noun)
    on = [s for s in top if not _names_another(subject, s.text) and _names_subject(subject, _article(s, docs))]
    return amount_beside(noun, [s.text for s in on])


def asked_measure(q: Question) -> str:
    """The measure a 多少 of money or number asks of (年产值, 税收, 基金 of 基金规模), or "" when it asks
    in a unit (占比多少 is asked in per cent: `_unit_stated` judges), of a counted noun or of a name."""
    if q.wants not in ("money", "number") or q.unit or q.around[1] and q.wants == "number":
        return ""
    if not q.around[1] and q.around[0].endswith(tuple(lang.words("question", "spending_verbs"))):
        return ""  # 项目投了多少: a sum spent on the thing, not a measure named before the verb
    before = q.around[1].lstrip("钱") and q.around[1] or q.around[0]  # 多少购房补贴; 投资多少(钱)
    noun = _measure_after(q.around[1]) or _measure(before)
    if noun in lang.words("question", "count_measures"):
        return ""
    if noun in lang.words("question", "generic_measures"):
        noun = _owner(before, noun)
    return "" if noun in q.names else noun


def _owner(before: str, measure: str) -> str:
    """The noun a general measure is of: 基金 of 产业发展基金规模, also past a time word (基金未来规模);
    "" when none stands right before it."""
    at = before.rfind(measure)
    words = [w for w in tag(before) if w.end <= at]
    while words and words[-1].end == at and words[-1].tag in ("t", "TIME") and len(words) > 1:
        at = words.pop().start
    head = next((w for w in words if w.end == at), None)
    return head.text if head and len(head.text) >= 2 and head.tag in ("n", "vn", "nz") else ""


def _article(s: Sentence, docs: dict[str, dict] | None) -> str:
    """The sentence's whole article with its headline ("" when the index holds no such article)."""
    doc = (docs or {}).get(s.meta.get("doc_id", ""))
    return doc["metadata"].get("title", "") + "\n" + doc["text"] if doc else ""


def _names_all(q: Question, s: Sentence, docs: dict[str, dict]) -> bool:
    """Does the sentence's article name (or paraphrase) every name the question gives?"""
    article = _article(s, docs)
    return not article or all(_mostly_in(n, article) for n in q.names)


def _names_subject(subject: tuple[str, str] | None, article: str) -> bool:
    """Does the article name the thing asked about, by at least half its character pairs (a
    paraphrased name keeps most of them)? Without an article or a subject to look for, it may."""
    if subject is None or not article:
        return True
    return _mostly_in(subject[0], article)


def _mostly_in(name: str, text: str) -> bool:
    """At least half the name's character pairs are in the text: the name, or a paraphrase of it."""
    pairs = {name[i:i + 2] for i in range(len(name) - 1)}
    return sum(p in text for p in pairs) * 2 >= len(pairs)


def _subject_of(text: str, measure: str) -> tuple[str, str] | None:
    """The thing a question asks a measure of, as (its distinguishing words, its kind): (牦牛养殖, 项目)
    of 牦牛养殖项目预计年销售收入多少, (电解槽, 项目) of 某产业园的电解槽项目投资多少. A kind word that
    modifies the noun after it heads nothing: 某某项目合作推介会 is a 推介会, and what it signed is no
    project of its own name."""
    words = tag(text)  # the last kind named: 某产业园的电解槽项目 asks of the project, not the park
    return next(((m, k) for i, k in reversed(_kinds(words))
                 if _heads(words, i, measure) and (m := _modifier(words, i, k))), None)


def _heads(words, i: int, measure: str) -> bool:
    """Does the word at i end its noun phrase? Not when the nouns right after it, up to the measure
    asked, hold a plain noun (项目|合作|推介会); 项目|投资多少 and 项目|年产值 ask the project's own."""
    run = []
    for w in words[i + 1:]:
        if w.tag not in _NOUNISH or measure in w.text:
            break
        run.append(w)
    return not any(w.tag in ("n", "nz", "nw") for w in run)


def _names_another(subject: tuple[str, str] | None, text: str) -> bool:
    """Does the sentence name another thing of the subject's kind (青稞精深加工项目 where 牦牛养殖项目 is
    asked about) and not the subject itself? Its measures are that other thing's, as an article on
    several projects gives each its own. 该项目 or 这一批重大项目 names none; 这些项目 names their group,
    whose total is no one project's."""
    if subject is None:
        return False
    own, kind = subject
    if _mostly_in(own, text):
        return False
    words = tag(text)
    referring, group = lang.words("question", "referring_words"), lang.words("question", "group_words")
    return any((m := _modifier(words, i, k)) and m not in referring or i and words[i - 1].text in group
               for i, k in _kinds(words) if k == kind)


def _kinds(words) -> list[tuple[int, str]]:
    """(position, kind) of each word that is or ends in a kind of thing (项目, 甘眉工业园)."""
    kinds = sorted(lang.words("question", "subject_kinds"), key=len, reverse=True)  # 工业园 before 园
    return [(i, next(k for k in kinds if w.text.endswith(k))) for i, w in enumerate(words)
            if w.text.endswith(tuple(kinds))]


_NOUNISH = frozenset({"n", "nz", "nw", "vn", "LOC", "ORG", "PER"})


def _modifier(words, i: int, kind: str) -> str:
    """The words that tell this thing of its kind from others: the word's own head (甘眉 of 甘眉工业园),
    or the run of nouns and adjectives before the kind word (青稞精深加工 of 青稞|精深|加工|项目), if it
    holds a noun (重大 of 这一批重大项目 does not)."""
    if words[i].text != kind:
        return words[i].text[:-len(kind)]
    run = []
    for w in reversed(words[:i]):
        if w.tag not in _NOUNISH | {"a", "s"}:
            break
        run.insert(0, w)
    return "".join(w.text for w in run) if any(w.tag in _NOUNISH for w in run) else ""


def amount_beside(noun: str, texts: list[str]) -> bool:
    """Whether a clause of the texts holds the noun (by its first or last two characters: 就业岗位 is
    counted as 就业1200人 as often as 岗位1200个) and an amount (no date or position)."""
    keys = (noun[:2], noun[-2:])
    return any(any(k in clause for k in keys) and any(n.amount for n in quantities(clause)) and not _supposed(clause)
               for text in texts for clause in re.findall(r"[^，。；！？\n]+", text))


def _supposed(clause: str) -> bool:
    """Does the clause state a condition (企业如果两年亩均税收低于15万元): its amount is a threshold, not a fact."""
    return any(c in clause for c in lang.words("question", "conditions"))


_OTHER_NOUN = frozenset({"n", "nz", "nw", "j", "LOC", "ORG", "PER"})


def amount_of(noun: str, text: str) -> bool:
    """Whether a clause of the text gives the noun (its first or last two characters) an amount: one
    after it with no other noun between (合同外资总额6438万美元, 年产值可达10亿元; not 新增外资企业6家, a
    count of 企业, nor 投资建设了3个产业园) or one before the phrase it heads (1.2万亿元的经济总量). A general
    measure (总额, 规模) between them is the noun's own. Stricter than `amount_beside`, which takes
    any amount of the clause."""
    generic = set(lang.words("question", "generic_measures"))
    for clause in re.findall(r"[^，。；！？\n]+", text):
        keys = [(m.start(), m.end()) for k in {noun[:2], noun[-2:]} for m in re.finditer(re.escape(k), clause)]
        if not keys or _supposed(clause):
            continue
        words = tag(clause)
        for a in (n for n in quantities(clause) if n.amount):
            after = next((w for w in words if w.start >= a.end), None)
            if a.unit in _count_classifiers() and after and after.tag in _OTHER_NOUN and not any(
                    after.start <= k < after.end for k, _ in keys):
                continue  # 3个产业园 counts 产业园
            if any(e <= a.start and not any(w.start >= e and w.end <= a.start and w.tag in _OTHER_NOUN
                                             and w.text not in generic for w in words) for _, e in keys):
                return True
            if _head_after(words, a.end, keys):
                return True
    return False


def _head_after(words, end: int, keys: list[tuple[int, int]]) -> bool:
    """Does the noun phrase right after an amount (past a 的) end in one of the keys? 2.6万亿元的经济总量
    is an amount of 总量, 6家外资企业 one of 企业, not of 外资."""
    run = [w for w in words if w.start >= end]
    if run and run[0].text == "的":
        run = run[1:]
    head = None
    for w in run:
        if w.tag not in _OTHER_NOUN:
            break
        head = w
    return head is not None and any(head.start <= k < head.end for k, _ in keys)


@lru_cache(maxsize=1)
def _count_classifiers() -> frozenset[str]:
    return frozenset(lang.words("quantities", "count_classifiers"))


def _measure(before: str) -> str:
    """The measure a 多少 asks of, from the words before it: the last noun (年产值 of 年产值能达到, past the
    verbs and adverbs: 合同外资一共), or a verb that is itself a measure of money (投资 of 基地投资多少,
    which the tagger reads as v)."""
    money = lang.words("question", "money_topics")
    words = tag(before)
    if len(words) > 1 and words[-1].text in lang.words("question", "measure_endings") and words[-2].text in money:
        return words[-2].text + words[-1].text  # 投资|额 cut apart, as 投资 alone would be read
    for w in reversed(words):
        if len(w.text) >= 2 and (w.tag in ("n", "vn", "nz") or w.tag == "v" and w.text in money):
            return w.text
        if not w.tag.startswith(("v", "d")):
            return ""
    return ""


def _measure_after(after: str) -> str:
    """The measure a 多少 asks of, from the words after it: the head of the noun phrase that the
    amount modifies (资金 of 多少钱的专项资金搞农村电商, 补贴 of 多少万元补贴给农户), not the last noun,
    which a clause of purpose may add. 多少钱建设… names no measure after it."""
    words = list(tag(after))
    amount = bool(words) and (words[0].text == "钱" or words[0].tag in ("m", "q"))
    if amount:
        words.pop(0)
        if words and words[0].text == "的":
            words.pop(0)
        elif after.startswith("钱"):
            return ""
    run = []
    for w in words:
        if w.tag not in ("n", "vn", "nz", "a"):
            break
        run.append(w)
    nouns = [w.text for w in run if w.tag != "a"]
    return nouns[-1] if nouns and len(nouns[-1]) >= 2 else ""


def _editions_stated(q: Question, hits: list[Hit], top: Sequence[Sentence] = (),
                     docs: dict[str, dict] | None = None) -> bool:
    """An edition the question names (第二十七届, 第3期, 下一届) must be one a top passage names: the
    28th fair's figures do not answer for the 27th, nor for the next one. Where the best sentences'
    articles are known, it is they that must name it: 第十一届 of another prize in another passage
    does not make the twelfth festival's article the eleventh's."""
    texts = [(h.meta.get("title") or "") + "\n" + h.node.text for h in hits]
    coming = lang.pattern("question", "next_editions")
    if coming.search(q.text) and not any(coming.search(t) for t in texts):
        return False  # 下一届: an article must announce it
    editions = lang.words("question", "edition_units")  # 第二起事件, 首位: an order, not an edition
    asked = [n for n in quantities(q.text) if n.ordinal and n.unit in editions]
    ids = dict.fromkeys(s.meta.get("doc_id") for s in top)
    articles = [(docs[i]["metadata"].get("title") or "") + "\n" + docs[i]["text"] for i in ids if docs and i in docs]
    said = [n for t in articles or texts for n in quantities(t) if n.ordinal]
    return all(any(n.unit == m.unit and n.lo == m.lo for m in said) for n in asked) and _year_edition_stated(q, texts)


def _edition_reported(q: Question, top: list[Sentence], docs: dict[str, dict]) -> bool:
    """An amount asked of an edition or a phase (第三届…有多少家企业参展, 二期投资额) must be stated by a
    sentence on the relation that reports that edition or phase: an article on the second fair that
    announces the third gives the second's figures, under 本届 or its number, and 一期投资额超10亿元 says
    nothing of the second phase. 本届 is the edition the article opens with (its title's)."""
    asked = set(_editions(q.text))
    if not asked or q.wants not in ("number", "money"):
        return True
    measure = _measure(q.around[0])  # 二期投资额: the phase is the rarest word, the measure names the relation
    on = _on_focus(q, top, fallback=False) or [s for s in top if measure and measure in s.text]
    focus = [s for s in on if any(not n.ordinal for n in quantities(s.text))]
    if not focus:
        return True
    for s in focus:
        said = set(_editions(s.text))
        if not said and re.search(r"本届|此届|这一届", s.text) and s.meta.get("doc_id") in docs:
            doc = docs[s.meta["doc_id"]]
            said = set(_editions(doc["metadata"].get("title", "") + "\n" + doc["text"][:300])[:1])
        if not said or said & asked:
            return True
    return False


_PHASE = re.compile(r"(?<![\d一二三四五六七八九十百千])第?([一二三四五六七八九十首]|\d{1,2})期(?![间限货刊])")


def _editions(text: str) -> list[tuple[str, float]]:
    """The editions (第三届, 首届) and then the phases (二期, 首期) a text names, each in order."""
    editions = [("届", n.lo) for n in quantities(text) if n.ordinal and n.unit == "届"]
    return editions + [("期", _numeral(m.group(1))) for m in _PHASE.finditer(text)]


def _numeral(word: str) -> float:
    """A one-character ordinal's value (首 and 一 are 1) or a number in digits."""
    return float(word) if word.isdigit() else 1.0 if word == "首" else float("一二三四五六七八九十".find(word) + 1)


def _year_edition_stated(q: Question, texts: list[str]) -> bool:
    """An event named by its year (2023年西部数字经济产业合作大会, 工业设计盛典2024) where the passages
    name it only with another year (2024西部数字经济产业合作大会, 盛典(2025)): that is another edition."""
    name = rf"[\u4e00-\u9fff]{{2,20}}?(?:{'|'.join(map(re.escape, lang.words('question', 'events')))})"
    asked = [(m.group(1), m.group(2)) for m in re.finditer(rf"{_YEAR_OF}年?({name})", q.text)]
    asked += [(m.group(2), m.group(1)) for m in re.finditer(rf"({name})[（(]?{_YEAR_OF}(?!\d)", q.text)]
    for year, event in asked:
        said = _event_years(event, texts)
        if said and year not in said:
            return False
    return True


_YEAR_OF = r"((?:19|20)\d\d)"


def _event_years(event: str, texts: list[str]) -> set[str]:
    """The years the passages give an event by (2024西部…大会, 第二届…大会 of 2024, 盛典(2025)): the
    name as the question writes it, or the longest tail of it they write (今年的设计盛典 → 设计盛典)."""
    for i in range(0, max(1, len(event) - 3)):
        name = re.escape(event[i:])
        said = {a or b for t in texts for a, b in re.findall(
            rf"{_YEAR_OF}年?(?:第[^，。]{{1,5}}届)?{name}|{name}[（(]?{_YEAR_OF}(?!\d)", t)}
        if said:
            return said
    return set()


def _name_stated(q: Question, top: list[Sentence]) -> bool:
    """谁, 哪家 and 哪里 ask for a name: one of the best sentences must hold a person, organisation or
    place the question does not name, and not as an indefinite or a count (深圳一家新能源材料企业, 某公司,
    6家预制菜企业) — a sentence that only says 理事长 or 一家企业 does not say who, nor 当地 where. A name in quotation marks (a
    slogan's “数智” the tagger reads as a person) does not count. Where the question asks it of a title
    or a kind of organisation, only a sentence on the relation asked about counts (`_on_focus`): the
    article names other people and bodies than the one asked for."""
    wanted = names_wanted(q)
    if not wanted or q.kind == "list" and any(_enumerates(q.head or "", s.text) for s in top[:1]):
        return True  # 建设A、B等国际合作平台 names the platforms, whatever the tagger reads A and B as
    indefinite = tuple(lang.words("answer", "indefinites"))
    plain = wanted == {"person": (PERSON, ORG), "org": (ORG,), "place": (PLACE,)}.get(q.wants or "")
    if plain and not _focus_noun_said(q, top):
        return False
    if wanted == (PERSON,) and (title := _title_asked(q)) and not any(title in s.before + s.text for s in top):
        return False  # 首任院长由何人担任: sentences that never say 院长 do not say who holds it
    credits = any(w in q.text for w in lang.words("question", "credit_words"))  # 哪个记者写的 asks the byline
    for s in top if plain else _on_focus(q, top):  # plain 谁/哪家: the tagger misses names (生态|环境|部)
        text = s.before + s.text if plain else s.text
        lead = 0 if credits else dateline_end(text)  # 某某网讯（记者某某）names who reported, not who did it
        for w in tag(text):
            if (w.tag in wanted or q.wants != "what" and _named_by_ending(w, wanted)) and w.text not in q.text \
                    and w.start >= lead \
                    and not text[max(0, w.start - 4):w.start].endswith(indefinite) \
                    and not _COUNTED.search(text[max(0, w.start - 6):w.start]) and not _quoted(text, w.start) \
                    and not _provincial(w.text):
                return True
    return False


def _enumerates(head: str, text: str) -> bool:
    """Does a clause of the text close a run of items with the head noun (A、B等国际合作平台), not with
    another noun the head is said of (浙江、广东等对口协作省份的企业)? Stricter than the answerer's
    `_closes_with_head`, which also takes a count (6家预制菜企业): a count names no item."""
    return bool(head) and bool(re.search(rf"、[^，。；：]{{1,30}}等[^，。；：、的]{{0,4}}{re.escape(head)}", text))


def _provincial(word: str) -> bool:
    """A province's one-character name made a word (川内, 渝企, 港资): it says where from, not who."""
    short = {a for a, _ in lang.data()["claims"]["place_abbreviations"]}
    return len(word) == 2 and word[0] in short and word[1] in lang.words("claims", "province_words")


_COUNTED = re.compile(r"[\d一二两三四五六七八九十百千几多]+[家个名位所]$")


def _focus_noun_said(q: Question, top: list[Sentence]) -> bool:
    """A name asked of a thing (总部在哪个城市, 谁是项目的设计方) needs that thing in a best sentence, the one
    before it or its headline: a city the article names for something else is not where the 总部 is.
    A verb asked about (谁认为, 谁推出) is often worded otherwise, so only a noun is held to this, and
    not the kind the question word asks for (哪家单位设的: a 供电公司 is the 单位, named otherwise)."""
    focus = max((t for t in q.focus if t != q.kind_noun), key=lambda t: q.weights.get(t, 0.0), default="")
    words = tag(focus) if focus else []
    if len(words) != 1 or words[0].tag not in ("n", "nz", "nw"):
        return True
    return any(focus in s.meta.get("title", "") + s.before + s.text for s in top)


def _named_by_ending(word, wanted: tuple[str, ...]) -> bool:
    """A common noun the tagger gives no name tag that names one by its ending (数学家, 生态环境部); not
    for a title (管委会主任是谁 is answered by a person's name only), nor where a kind of organisation is
    asked which one it is (省属国企是哪一家): 香港私募基金管理机构 describes, it does not name. A place
    the tagger reads as an organisation (某某花湖机场) names a place by its ending too."""
    named = ("n", "nz", "nw", ORG) if wanted == (PLACE,) else ("n", "nz", "nw")
    if wanted == (PERSON,) or word.tag not in named or len(word.text) < 2:
        return False
    keys = [k for t, k in ((PERSON, "person_suffixes"), (ORG, "org_suffixes")) if t in wanted]
    keys += ["place_suffixes"] if PLACE in wanted else []
    # a one-character ending names only after two more (商务部, not 头部 or 东部)
    return any(word.text.endswith(e) and len(word.text) - len(e) >= (2 if len(e) == 1 else 1)
               for k in keys for e in lang.words("answer", k))


def _title_asked(q: Question) -> str:
    """The title a person is asked by (院长 of 首任院长由何人担任, 市委书记 of 市委书记是谁), or ""."""
    words = tag(without_copula(q.around[0]).removesuffix("由"))
    return words[-1].text if words and words[-1].text.endswith(tuple(lang.words("answer", "person_titles"))) else ""


def names_wanted(q: Question) -> tuple[str, ...]:
    """The entity tags that answer the question, if it asks for a name: 谁 asked of a role only a person
    holds (管委会主任是谁) wants a person; 哪一家 or 叫什么名字 asked of a kind of organisation (省属国企,
    横琴企业叫什么名字) wants an organisation, as 哪家 does, and so does a list of them (哪几家企业)."""
    before = without_copula(q.around[0])
    kinds = tuple(w for w in lang.words("answer", "org_suffixes") if len(w) >= 2)  # 企业, 国企; not 队 of 军队
    if q.wants == "person":
        titles = tuple(lang.words("answer", "person_titles"))
        held = lang.pattern("answer", "role_verbs").match(q.around[1]) if not before else None
        role = q.around[1][held.end():] if held else ""  # 谁担任园区管委会主任: the title after the verb
        after = tag(q.around[1])
        acts = bool(after) and after[0].tag == "v" and not held  # 专家是谁组织的: who did it, not who they are
        taken = before.endswith("由") and lang.pattern("answer", "role_verbs").match(q.around[1])  # 院长由何人担任
        return (PERSON,) if before.endswith(titles) and not acts or role.endswith(titles) \
            or taken and before[:-1].endswith(titles) else (PERSON, ORG)
    if q.wants == "org" or q.kind == "list" and (q.head or "").endswith(kinds):
        return (ORG,)
    if q.wants == "place" and q.kind_noun in lang.words("question", "divisions"):
        return (PLACE,)  # 哪个城市: a place by name; 什么地方 may be 金融机构, 哪里 扎克伯格家的后院
    if q.wants == "what":
        noun = before if q.kind_noun in lang.words("answer", "name_nouns") or not q.kind_noun else q.kind_noun
        if noun.endswith(kinds):
            return (ORG,)
    return ()


def _on_focus(q: Question, top: list[Sentence], fallback: bool = True) -> list[Sentence]:
    """The sentences that speak of the relation asked about: those holding the rarest of the words next
    to the question word (投产 of 什么时候投产, 理事长 of 理事长是谁), with the sentence before them. A
    time or a name elsewhere in the article belongs to another fact. A noun written right after a name
    the question gives is that name's own (药谷 of 某某药谷), not the relation: the article's sentences
    speak of it without repeating it. (A phase, 物流园二期, is no noun: it is what is asked about.)"""
    glued = {w.text for w in tag(q.text) if w.tag in ("n", "nz", "nw") and q.text[:w.start].endswith(q.names)}
    relation = [t for t in q.focus if t not in glued] or q.focus
    focus = max(relation, key=lambda t: q.weights.get(t, 0.0), default="")
    if q.wants == "what" and q.kind_noun and q.kind_noun not in lang.words("answer", "name_nouns"):
        focus = q.kind_noun  # 省属国企是哪一家: the kind asked of, whose weight the question analysis damps
    on = [s for s in top if focus and focus in s.before + s.text]
    return on or (top if fallback else [])  # none: the passages word it otherwise (率领 for 带队)


def _quoted(text: str, pos: int) -> bool:
    """Is position `pos` inside a pair of quotation marks?"""
    return text.count("“", 0, pos) > text.count("”", 0, pos)


@lru_cache(maxsize=1)
def _units() -> list[str]:
    return sorted(lang.words("quantities", "units"), key=len, reverse=True)


def _said_in_sentence(q: Question, top: list[Sentence]) -> float:
    """The share of the question's words one of the best sentences holds, with its headline and the
    sentence before it, each word weighed by how rare it is in the language at large. The index's own
    weights make a word the collection never uses nearly weightless; but when the article on the
    subject is found, the words it lacks (接待…游客 where it only tells the investment) are the
    fact asked about, and the answer is not there."""
    weights = _language_weights(q.weights)
    return max((coverage(weights, s.meta.get("title", ""), s.before, s.text) for s in top), default=0.0)


def _language_weights(words) -> dict[str, float]:
    """Each word's weight by how rare it is in the language at large (jieba's idf), not in the index."""
    from wenjin.index.tokens import general_idf

    return {t: min(general_idf(t), 12.0) for t in words}


def _restated(q: Question, best: Sentence) -> float:
    """Does the best sentence support the question with its answer put in place of the question
    word (园区规划面积多大 + 1260亩 → 园区规划面积1260亩)? The claim checker reads it as it reads an
    answer's claim, so an answer found for another subject, year or count fails. 0.5 when the
    question has no single answer to put in place (lists, how and why)."""
    from .span import best as best_span
    from .verify import judge

    if q.kind != "factoid" or q.wants in ("reason", "manner"):
        return 0.5
    found = best_span(q, best.text)
    if not found:
        return 0.0
    before, after = q.around
    answer = best.text[found[0]:found[1]]
    if q.kind_noun and after.startswith(q.kind_noun) and q.kind_noun in answer:
        after = after[len(q.kind_noun):]  # 由哪个核电站供电 + 田湾核电站: the answer names the noun asked for
    claim = before + answer + after
    return float(judge(best.meta.get("title", "") + "\n" + best.before + best.text, claim).supported)


def _premise_stated(q: Question, hits: list[Hit], top: int = 3) -> bool:
    """Does a passage state what a conditional question supposes? What follows from a supposition
    the articles never make is not in them, however much else they share with the question; the
    claim checker decides, so a premise that negates or changes what a passage says does not hold."""
    from .verify import judge

    premise = q.condition
    if not premise:
        return True
    # weighed by the language at large: a word the collection never uses is the one that matters here
    weights = _language_weights(t for t in q.weights if t in premise)
    passages = [h.meta.get("title", "") + "\n" + h.node.text for h in hits[:top]]
    # the checker tolerates a paraphrased verb in a claim; a supposition turns on its verb (遇上减产)
    return any(coverage(weights, p) >= PREMISE_COVERAGE and judge(p, premise).supported for p in passages)


def _time_stated(time: str, text: str, date: str) -> bool:
    """Does the article speak of this time: verbatim, or each of its dated parts (2023年, 7月, 14日)
    in its text or its publication date (a news story says 14日 and leaves the year to the dateline)?"""
    if time in text:
        return True
    parts = re.findall(r"\d+[年月日号]", time)
    if not parts:
        return False
    y, m, d = (date.split("-") + ["", "", ""])[:3]
    dated = f"{y}年{m.lstrip('0')}月{d.lstrip('0')}日" if y else ""
    return all(p in text or p in dated for p in parts)


def unmentioned(words: tuple[str, ...], hits: list[Hit]) -> tuple[str, ...]:
    """Of words no index token holds, those no retrieved passage contains either, whole or as an
    abbreviation: a name the articles only write inside a longer word (宝付 in 宝付支付), or in full
    where the question shortens it (农博会 for 农产品博览会), is one the collection does mention."""
    texts = [h.meta.get("title", "") + h.node.text for h in hits]
    short = [w for w in words if any(_abbreviated(w, t) for t in texts)]
    return tuple(w for w in words if not any(w in t for t in texts) and not any(w in a for a in short))


def written_out(q: Question, hits: list[Hit], known: Callable[[str], bool]) -> str:
    """The question with each contraction in it that the passages write out in full (农博会 →
    农产品博览会) replaced by that full form: the sentence and gate measures then find the name the
    passages use instead of missing a word. A word the index holds anywhere is none to expand."""
    from .verify import contracts, full_form

    texts = [h.meta.get("title", "") + h.node.text for h in hits]
    text = q.text
    for word in dict.fromkeys(q.names + tuple(q.weights)):
        if len(word) < 3 or known(word) or any(word in t for t in texts):  # two characters in order: chance
            continue
        full = next((f for t in texts if (f := full_form(word, t))), "")
        if full and contracts(word, full):
            text = text.replace(word, full)
    return text


def _abbreviated(word: str, text: str) -> bool:
    """Is `word` a Chinese abbreviation of a name in `text`: its first and last characters there, its
    others between them in order, within a name's length (农博会 in 农产品博览会)? Two characters in
    order are found by chance, save a long city name cut to its first character and 市 (呼市 for
    呼和浩特市, 乌市 for 乌鲁木齐市)."""
    from .verify import _contracted, full_form

    if len(word) == 2 and word[1] == "市":
        return len(full_form(word, text)) >= 4
    return len(word) >= 3 and _contracted(word, text)


def _unknown(name: str, unseen: tuple[str, ...]) -> bool:
    """Is the name one the collection never saw: the name itself, or a word inside it, unseen?"""
    return any(t == name or (len(t) >= 2 and t in name) for t in unseen)
