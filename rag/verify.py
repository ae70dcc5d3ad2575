"""Claim checking: does each cited passage say what the claim citing it says?

A claim is checked unit by unit, and each failed unit gives a reason:
- quantities, read as values (rag/quantities.py), must agree with a passage quantity in
  value and unit, and be bound to the same thing (“投资3.5亿元” is no support for “投资1800户”);
- people, organisations, places and products the tagger finds in the claim must be named
  by the passage;
- negation and modality must agree with the passage clause the claim restates (未 against
  a plain statement; 计划/将 against 已/建成);
- the actor of a role verb (牵头, 主办, 投资, 承建…) must be the passage's actor of that verb;
- and most of the claim's weight of words must be in the passage (an invented addition
  brings words of its own).
Paraphrases pass: reordered clauses, synonyms for common words, Chinese numerals, rounding
(近19亿元 for 18.6亿元). Used after an LLM writes an answer, and by `wenjin bench verify`.
"""

from __future__ import annotations

import itertools
import os
import re
from difflib import SequenceMatcher
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Sequence

from . import lang
from .quantities import Quantity, compatible, quantities, units_match, value
from .tagger import NAMED, ORG, PERSON, PLACE, tag


def norm(text: str) -> str:
    """Compare texts after pinyin glosses, NFKC, simplified script, lower case, no spaces or quotes."""
    from wenjin.index.clean import strip_pinyin, to_simplified

    text = to_simplified(unicodedata.normalize("NFKC", strip_pinyin(text))).lower()
    return re.sub(r"[\s\"'“”‘’「」『』《》]", "", text)


def lcs(a: str, b: str) -> int:
    """Length of the longest common subsequence (ROUGE-L's core).

    Written by hand: rouge-score splits on whitespace (Chinese has none) and pulls
    in nltk; character LCS is this one dynamic programme.
    """
    if len(a) < len(b):
        a, b = b, a
    row = [0] * (len(b) + 1)
    for ca in a:
        prev = 0
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], prev + 1 if ca == cb else max(row[j], row[j - 1])
    return row[-1]


# --- reading a text into clauses ---------------------------------------------------
_CLAUSE = re.compile(r"[^，。；;！？!?\n：:]+")
MIN_COVERAGE = 0.5   # share of a claim clause's word weight the passage must hold
ENTITY_MATCH = 1.0   # a name may be shortened (德阳经开区), every character it keeps in order; 本草堂 is not 本草源


_FIRST_MONTHS = re.compile(r"(?<=年)[前头]([两二三四五六七八九十]|1[0-2]|[1-9])个月")


_MONTH_RANGE = re.compile(r"(?<!\d)(\d{1,2})月?(?:至|到|-|—|－|~)(\d{1,2})月")
_QUARTER_RANGE = re.compile(r"第?([一二三四])(?:季度)?(?:、|和|与|及|至|到)第?([一二三四])季度")  # 第一、二季度
_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4}


@lru_cache(maxsize=1)
def _named_periods() -> dict[tuple[int, int], str]:
    """(first month, last month) → the quarter or half year it is (lang.toml period_months)."""
    named = lang.data()["claims"]["period_months"]
    return {tuple(v): k for k, v in named.items() if k.endswith(("季度", "半年"))}


def _prepared(text: str) -> str:
    """NFKC, simplified, lower case, Chinese punctuation; spaces and quotes gone; 今年前两个月 (头两个月) as
    the months they are (今年1至2月), and a range of months that is a quarter or a half year by its
    name (1至3月 as 一季度, 第一、二季度 as 上半年), so either wording holds for the other."""
    text = norm(text)
    text = _FIRST_MONTHS.sub(lambda m: f"1至{int(value(m[1]))}月", text)
    text = _MONTH_RANGE.sub(lambda m: _named_periods().get((int(m[1]), int(m[2])), m[0]), text)
    text = _QUARTER_RANGE.sub(lambda m: _named_periods().get((_QUARTER[m[1]] * 3 - 2, _QUARTER[m[2]] * 3), m[0]), text)
    return text.replace(",", "，").replace(";", "；")


def clauses(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _CLAUSE.finditer(text) if m.group().strip()]


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def region(claim_clause: str, passage: str, spans: list[tuple[int, int]]) -> str:
    """The passage clauses a claim clause restates: those sharing a good part of its character pairs
    (a claim clause often merges two of the passage's: 项目已投资5.8亿元 ← 项目由…牵头，计划投资5.8亿元)."""
    mine = _bigrams(claim_clause)
    shared = [(len(mine & _bigrams(passage[a:b])), a, b) for a, b in spans]
    if not shared or not mine:
        return passage
    top = max(n for n, _, _ in shared)
    keep = [passage[a:b] for n, a, b in shared if n >= max(2, 0.3 * len(mine), 0.5 * top)]
    return "，".join(keep) or passage


@lru_cache(maxsize=20000)
def _words(text: str) -> tuple[str, ...]:
    from wenjin.index.tokens import plain_cutter

    return tuple(plain_cutter().lcut(text))


def _has(words: Sequence[str], key: str) -> bool:
    """A listed word among the words, or a listed phrase of several (根据|协议) on their boundaries."""
    listed = set(lang.words("claims", key))
    if any(w in listed for w in words):
        return True
    text, cuts = "".join(words), set(itertools.accumulate(len(w) for w in words)) | {0}
    return any(m.start() in cuts and m.end() in cuts for entry in listed if len(entry) > 2
               for m in re.finditer(re.escape(entry), text))


# --- one claim against one passage ---------------------------------------------------
@dataclass
class Verdict:
    supported: bool
    reasons: list[str] = field(default_factory=list)


def judge(passage: str, claim: str, facts: Sequence[str] = (), title: str = "") -> Verdict:
    """Whether `passage` supports `claim`, with a reason for every unit that does not hold.

    `title` is the passage's article title: what it names (锡会产业园 where the passage says 园区)
    and the amounts it states count as said, but roles, positions, negation and which noun an
    amount counts are read from the passage alone, since a headline is no sentence of it."""
    title, year = _undated(title)
    p, c, t = _prepared(passage), _prepared(claim), _prepared(title)
    c = _frame().sub("", c)  # 根据资料，… says where, not what
    c = _opener().sub("", c)  # 没错，… agrees, it denies nothing
    c = _as_prose(c)
    if not re.sub(r"\W", "", c):
        return Verdict(True)
    reasons = [f"资料未提及：{f}" for f in facts if norm(f) in c and norm(f) not in p + t]
    p_spans, spans = clauses(p), clauses(c)
    denied = _denied(c) | {i for i, (lo, hi) in enumerate(spans) if _venue_denied(c[lo:hi], p, p_spans)}
    said = "，".join(c[lo:hi] for i, (lo, hi) in enumerate(spans) if i not in denied)
    reasons += _quantity_reasons(p, said, p_spans, t, year)
    reasons += _entity_reasons(p, said, p_spans, t)
    words_only = lambda text: re.sub(r"\W", "", norm(text))  # noqa: E731  临港研发、德阳制造 quotes 临港研发+德阳制造
    reasons += [f"引号内的文字与资料不符：{t}" for t in _quoted(claim) if words_only(t) not in words_only(passage)]
    reasons += _list_reasons(said, p, t) or _pair_reasons(said, p)
    reasons += _speaker_reasons(said if denied else c, p)  # c keeps a bullet's 负责人：
    reasons += _deputy_reasons(said, p)
    reasons += _division_reasons(said, passage)
    ranked = lang.pattern("claims", "superlatives")
    reasons += [f"资料未提及：{w}" for w in dict.fromkeys(ranked.findall(c))
                if not ranked.search(p) and not _extreme_listed(c, w, p) and not _rank_derived(c, p)]
    reasons += _first_of_kind(c, p) + _rank_reasons(c, p)
    before = ""
    quoted = [norm(q) for q in _quoted(claim)]
    for i, (lo, hi) in enumerate(spans):
        if i in denied:
            reasons += _affirmed(c[lo:hi], p, p_spans)
            continue
        part = c[lo:hi]
        if i - 1 in denied:  # 而是分两期建设: the opener joins the clauses, it states nothing
            part = lang.pattern("claims", "contrast_openers").sub("", part.lstrip(), count=1)
        restated = region(part, p, p_spans)
        if before and len(_content_words(part)) < 2 and lang.pattern("claims", "not_yet").search(part):
            # …还只是计划，尚未建成: what is not yet done is the clause before's
            joined = before + "，" + part
            reasons += _polarity_reasons(joined, p, p_spans, region(joined, p, p_spans))
        elif not _denies_a_part(part, p):
            reasons += _polarity_reasons(part, p, p_spans, restated)
        reasons += _alone_reasons(part, restated, p)
        sentence = _sentence_of(restated, p)  # what a move or an attribute is said of is often named before it
        reasons += _trend_reasons(part, sentence)
        reasons += _formality_reasons(part, sentence)
        reasons += _universal_reasons(part, sentence)
        reasons += _opposite_reasons(part, sentence) or _lasting_reasons(part, sentence)
        reasons += _majority_reasons(part, p) or _share_word_flipped(part, sentence)
        opens = _comparative(part)  # 不及… opening the clause: the clause before names the first side
        ranking = before + "，" + part if before and opens and not opens[0].start() else part
        reasons += _comparison_reasons(ranking, p) or _complement_reasons(part, p) or _extreme_named_reasons(part, p) \
            or _baseline_reasons(part, p + t)
        reasons += _role_reasons(part, p, p_spans)
        reasons += _event_reasons(part, p, c) or _event_swapped(part, restated) or _kind_swapped(part, restated, p) \
            or _opposite_event(part, sentence, c)
        # a clause of one or two content words (分两期推进, 金额超过3亿元) is judged with the one before it,
        # an opening one (仪式现场，) with the one after: alone, one paraphrased word would be half of it
        short = len(_content_words(part)) < 3
        after = c[spans[i + 1][0]:spans[i + 1][1]] if i + 1 < len(spans) else ""
        scope = before + "，" + part if before and short else part + "，" + after if short and after else part
        reasons += _coverage_reasons(scope, p, region(scope, p, p_spans), t) or _invented_phrase(part, p, t) \
            or _inserted_modifier(part, p, t)
        previous, before = before, part
        reasons += _displaced(part, restated, p) or _moved_designation(part, p, p_spans, t) \
            or _moved_phase(part, p, p_spans)
        reasons += _crossed(part, p, p_spans) or _subject_swapped(part, p, p_spans) or _sentences_joined(part, p) \
            or _amount_of_another_count(part, p, previous) or _change_of_another_measure(part, p) \
            or _amount_of_parallel_subject(part, p) or _total_given_to_part(part, p)
        if not _negated(_masked(part)):  # 并非全部来自顺德区: a role denied is for the polarity check to judge
            reasons += _preposition_reasons(part, p) or _venue_reasons(part, p, sentence)
        reasons += _rebound(part, p)
        reasons += _direction_reasons(part, p) or _order_reversed(part, p, quoted)
    return Verdict(not reasons, list(dict.fromkeys(reasons)))


def _as_prose(c: str) -> str:
    """A chatbot's bullet line read as the sentence it stands for, so that the role, event and ranking
    checks see their verbs: 投资最多：A is 投资最多的是A, and A → B：捐赠… is A向B捐赠…. Only an arrow
    after a Chinese word is read; a formula keeps its own."""
    c = re.sub(r"(最[\u4e00-\u9fff]{1,2})[:：]", r"\1的是", c)
    return re.sub(r"(?<=[\u4e00-\u9fff])\s*(?:→|->|⇒)\s*([^：:，。；→]{2,20})[：:]\s*", r"向\1", c)


@lru_cache(maxsize=1)
def _frame() -> re.Pattern:
    """An opening frame: 根据介绍， 文章提到， 资料显示： 据悉， (lang.toml frame_leads, frame_sources, frame_verbs)."""
    part = lambda key: lang.pattern("claims", key).pattern  # noqa: E731
    return re.compile(rf"^(?:{part('frame_leads')})?(?:{part('frame_sources')})(?:{part('frame_verbs')})?[，：]")


@lru_cache(maxsize=1)
def _opener() -> re.Pattern:
    """A chat answer's opening word before a comma, at the start of any of its sentences (lang.toml
    answer_openers)."""
    return re.compile(rf"(?:^|(?<=[。！？]))(?:{lang.pattern('claims', 'answer_openers').pattern})[，：]")


def _denied(c: str) -> set[int]:
    """The clauses a claim denies to set aside for the next (不是在湖州召开的，而是在广元召开的;
    并非A，而是B): the alternative is said not to hold, so it is not checked as a statement; the
    clause replacing it carries the claim and is checked as usual."""
    spans = clauses(c)
    opens = lang.pattern("claims", "contrast_openers")
    return {i for i in range(len(spans) - 1)
            if opens.match(c[spans[i + 1][0]:].lstrip()) and _denies(c[spans[i][0]:spans[i][1]])
            or _adds(c[spans[i + 1][0]:spans[i + 1][1]].lstrip()) and _not_all().search(c[spans[i][0]:spans[i][1]])}


def _venue_denied(part: str, p: str, p_spans: list[tuple[int, int]]) -> bool:
    """不在重庆举办 where the passage holds the event elsewhere (明年…将移师四川成都举办): a place denied
    that the passage's clause never names, while it names another, is set aside like a denied
    alternative (`_affirmed` still flags one the passage does name). lang.toml venue_verbs, venue_words."""
    verbs, at = lang.pattern("claims", "venue_verbs").pattern, lang.pattern("claims", "venue_words").pattern
    m = re.search(rf"(?:不|并不|没有|未)(?:会|再|将)?在([\u4e00-\u9fff]{{2,8}}?)(?:{verbs})", part)
    restated = region(part, p, p_spans) if m else ""
    return bool(m) and m[1] not in restated and bool(re.search(rf"(?:{at})[\u4e00-\u9fff]{{2,}}", restated))


def _affirmed(part: str, p: str, p_spans: list[tuple[int, int]]) -> list[str]:
    """A clause the claim denies before 而是 (今年不新增工业用地，而是…) that the passage states in all its
    content words, without a negation, contradicts it; one the passage does not state is the claim's
    own alternative (不是在湖州召开的，而是在广元: 湖州 is in no clause of the passage)."""
    words = _content_words(part)
    restated = region(part, p, p_spans)
    if len(words) < 2 or not _negated(_masked(part)) or lang.pattern("claims", "not_only").search(part) \
            or re.search(r"(?:并非|不是|并不是)只", part) or _not_all().search(part) or _negated(_masked(restated)):
        return []
    return ["否定与资料不一致"] if all(w in restated for w in words) else []


def _adds(clause: str) -> bool:
    """Does the clause add to what was said (还有…, 也有…, or 还/也 before its verb: 某展区还邀请了…)?"""
    adds = lang.pattern("claims", "additive_openers")
    return bool(adds.match(clause)) or any(adds.fullmatch(w.text) and w.tag in ("d", "v") for w in tag(clause[:12]))


@lru_cache(maxsize=1)
def _not_all() -> re.Pattern:
    """"Not only", "not all" (并不全来自川渝，还有…): what the next clause adds to need not be in the passage."""
    alt = lambda *keys: "|".join(lang.pattern("claims", k).pattern for k in keys)  # noqa: E731
    return re.compile(rf"(?:{alt('negation')})是?(?:{alt('restrictives', 'universals', 'universal_adverbs')})")


def _denies(clause: str) -> bool:
    """A clause before 而是 denies when it negates, “not only” included (并非只开一天，而是两天)."""
    return _negated(_masked(clause)) or bool(lang.pattern("claims", "not_only").search(clause)
                                             or re.search(r"(?:并非|不是|并不是)只", clause))


_CLAUSE_END = re.compile(r"[，。；：]")


def _clause_start(text: str, pos: int) -> int:
    return max((m.end() for m in _CLAUSE_END.finditer(text, 0, pos)), default=0)


def _clause_at(text: str, pos: int) -> str:
    m = _CLAUSE_END.search(text, pos)
    return text[_clause_start(text, pos):m.start() if m else len(text)]


def _quoted(text: str) -> list[str]:
    """Text the claim presents as quoted (“…”, 《…》, 「…」): it must be in the passage word for word
    (its punctuation may differ)."""
    return [m.group(1) for m in re.finditer(r"[“「《]([^”」》]{2,40})[”」》]", text)]


def _displaced(part: str, restated: str, p: str) -> list[str]:
    """A name the passage uses elsewhere, standing where the passage has another name: the claim
    moved it (会理市负责人表示… where the passage says 无锡经开区负责人表示…)."""
    def own_clause_restated(e: str) -> bool:  # 川渝 stays in its clause if the claim restates that one too
        theirs = {b for m in re.finditer(re.escape(e), p) for b in _bigrams(_clause_at(p, m.start()))}
        return len((_bigrams(part) & theirs) - _bigrams(e)) >= 3

    def subject_carried(e: str) -> bool:  # 四川省作为伙伴省份，首次以独立展馆亮相: the clauses after it are its own
        for m in re.finditer(re.escape(e), p):
            for lo, hi in clauses(p[m.end():re.search(r"[。；！？]|$", p[m.end():]).end() + m.end()])[1:]:
                clause = p[m.end() + lo:m.end() + hi]
                if "actor" in _kinds(clause).values():
                    break  # a clause with its own subject
                if clause in restated:
                    return True
        return False

    def antecedent(e: str) -> bool:  # 由川渝两地轮流承办 restates 两地将轮流承办: the name is what 两地 refers to
        return any(a in restated and part.find(e + a) >= 0 for a in lang.words("claims", "pair_anaphors"))

    def speaker(e: str) -> bool:  # 梁某表示，…大有可为 restated as 梁某认为…大有可为: the speaker still speaks
        verbs = lang.pattern("claims", "speech_verbs").pattern
        m = re.search(rf"{re.escape(e)}[^，。]{{0,6}}(?:{verbs})", part)
        after = part[m.end():] if m else ""  # …if what follows in the clause is what they said
        return bool(m) and any(e in s and (len(after) < 4 or len(_bigrams(after) & _bigrams(said)) >= 2)
                               for s, said in _speeches(p))

    def moved(mine: list[str]) -> list[str]:
        if not mine:
            return []
        # _entities joins a government and its office (_office_end) into a name no tagged word holds:
        # an organisation
        kind = _kinds(part).get(mine[0], "actor")
        others = [e for e, k in _kinds(restated).items() if e not in part and not _abbreviates(e, part)  # 川渝: 四川与重庆
                  and not any(_bigrams(e) & _bigrams(m) for m in mine)  # 彭山区 and 彭山经济开发区 are one place
                  and k == kind  # a place stands where a place was, not where a product (磷酸锰铁锂) was
                  and not _expands(e, part)]  # 广元市 where the claim says 广元
        return [f"{mine[0]}与资料中的{others[0]}位置不符"] if others else []

    named = [e for e in _entities(part) if e not in restated and not own_clause_restated(e)
             and not antecedent(e) and not speaker(e) and not subject_carried(e)]
    # then a name the passage writes shorter (青川县 where it says 广元青川、旺苍等县)
    return moved([e for e in named if e in p]) or \
        moved([e for e in named if e not in p and _expands(e, p) and not _expands(e, restated)])


def _moved_designation(part: str, p: str, p_spans: list[tuple[int, int]], title: str = "") -> list[str]:
    """_displaced for the designations a tagger does not see as names (电池回收项目, 农业科技展区): what
    the claim says of one, the passage says in a sentence of another of the same head noun, and names
    the claim's elsewhere (not one it shortens: 香港企业 for 香港物流企业)."""
    def several(text: str, joins: str) -> bool:  # 分别有8个、4个和2个, A比B多22亿元: each is said of its own
        return bool(lang.pattern("claims", joins).search(text) or lang.pattern("claims", "comparisons").search(text)
                    or _compared(text, p))

    for head, name in _designations(part):
        rest = part.replace(name, "")
        for subject in (_in_title(rest, e, title) for e in _entities(rest)):
            rest = rest.replace(subject, "") if len(subject) >= 4 else rest  # the article's subject: every sentence is of it
        if name not in p:
            continue
        # what the rest says, and apart what is said after the name (发布的《某倡议》|首批收录…: the
        # words before it may rightly come from another sentence than its predicate); after the name
        # only 分别/各自 share a predicate out among several (a list there is the verb's object); a name
        # opening the clause leaves nothing apart to read
        after = part[part.find(name) + len(name):]
        readings = [(rest, "joining")] + ([(after, "shared_out")] if after != rest else [])
        for said, joins in readings:
            if len(_bigrams(said)) < 4 or several(part if joins == "joining" else said, joins):
                continue
            # every passage sentence it restates (a claim clause often merges two)
            sentence = "。".join(dict.fromkeys(_sentence_of(x, p) for x in region(said, p, p_spans).split("，")))
            others = [o for h, o in _designations(sentence) if o not in part and not _names_item(name, o)
                      and (h == head or not _names_item(name, title))]  # the article's subject is what 园区 and 该 refer to
            if others and name not in sentence:
                return [f"{name}与资料中的{others[0]}位置不符"]
    return []


def _in_title(text: str, name: str, title: str) -> str:
    """The longest run of `text` around `name` that the title also writes (蓉北|智造产业园 from 蓉北)."""
    at = text.find(name)
    if at < 0 or name not in title:
        return ""
    lo, hi = at, at + len(name)
    while hi < len(text) and text[lo:hi + 1] in title:
        hi += 1
    while lo > 0 and text[lo - 1:hi] in title:
        lo -= 1
    return text[lo:hi]


_PHASE = re.compile(r"(?<![分共为两])(?:第?[一二三四五六七八九十]+|第\d+|首)(期|阶段|批)|第(?:[一二三四五六七八九十]+|\d+)(届|轮)")


def _moved_phase(part: str, p: str, p_spans: list[tuple[int, int]]) -> list[str]:
    """A phase or edition the claim names (一期, 第二阶段, 首批, 第三届) where the passage clause it
    restates names another of the same kind and not the claim's: what one does was given to the other."""
    for m in _PHASE.finditer(part):
        rest = part[:m.start()] + part[m.end():]
        if len(_bigrams(rest)) < 4:
            continue
        named = {_phase(x): x.group() for x in _PHASE.finditer(region(rest, p, p_spans))}
        mine = _phase(m)
        if any(kind == mine[0] for kind, _ in named) and mine not in named:
            return [f"{m.group()}与资料中的{next(iter(named.values()))}位置不符"]
        if other := _said_of_other_phase(part[:m.start()], mine, p) or _said_of_other_phase(part[m.end():], mine, p):
            return [f"{m.group()}与资料中的{other}位置不符"]
    return []


def _said_of_other_phase(side: str, mine: tuple[str, float | None], p: str) -> str:
    """The phase whose part of the passage (from its name to the next phase or the sentence's end)
    holds what the claim says on one side of its phase, when that is another phase than the claim's:
    计划2026年投运的一期工程将开展航材分销业务 where 航材分销 is in 二期将拓展…航材分销业务 — the claim
    joined one phase's date to the other's business, each clause of it restated somewhere."""
    words = _bigrams(side)
    if len(words) < 4:
        return ""
    shared = {}
    for key, name, text in _phase_scopes(p):
        shared[key] = max(shared.get(key, (0, name))[0], len(words & _bigrams(text))), name
    if mine not in shared or not any(k[0] == mine[0] and k != mine for k in shared):
        return ""
    best = max(shared, key=lambda k: shared[k][0])
    n = shared[best][0]
    return shared[best][1] if best != mine and n >= 3 and shared[mine][0] < n / 2 else ""


@lru_cache(maxsize=256)
def _phase_scopes(p: str) -> tuple[tuple[tuple[str, float | None], str, str], ...]:
    """(phase, its name, what the passage says of it): from each phase's name to the next phase's or
    the end of its sentence (一期主要建设…，计划2026年投入运营；二期将拓展…)."""
    out = []
    whole = lang.pattern("claims", "all_phases")  # 全部达产后: the whole project's, no phase's
    for sentence in re.split(r"[。；！？\n]", p):
        found = sorted([*_PHASE.finditer(sentence), *whole.finditer(sentence)], key=lambda m: m.start())
        if not any(x.re is _PHASE for x in found):
            continue
        for x, y in zip(found, found[1:] + [None]):
            key = _phase(x) if x.re is _PHASE else ("期", 0.0)
            out.append((key, x.group(), sentence[x.end():y.start() if y else len(sentence)]))
    return tuple(out)


def _phase(m: re.Match) -> tuple[str, float | None]:
    """(kind, number) of a phase or edition: 第28届 and 第二十八届 are one, 首批 is 第一批."""
    number = re.sub(r"^第|[期阶段批届轮]+$", "", m.group())
    return m.group(1) or m.group(2), 1.0 if number == "首" else value(number)


def _designations(text: str) -> list[tuple[str, str]]:
    """(head noun, the designation ending in it): the head with up to two content words before it."""
    words, out = _words(text), []
    heads, stop = set(lang.words("claims", "designation_heads")), set(lang.words("claims", "designation_stops"))
    for i, w in enumerate(words):
        if w not in heads:
            continue
        lead = []
        for x in reversed(words[max(0, i - 2):i]):
            if x in stop or not _HAN_RUN.fullmatch(x):
                break
            lead.insert(0, x)
        if len("".join(lead)) >= 2:
            out.append((w, "".join(lead) + w))
    return out


def _kinds(text: str) -> dict[str, str]:
    """The names of `text` by kind: people, organisations and places are one kind (actors and sites
    trade places: 由武侯区 / 由格萨尔牧业), other proper nouns (products, brands) another."""
    actors, names = (PERSON, ORG, PLACE), set(_entities(text))
    return {w.text: "actor" if w.tag in actors else "other" for w in tag(text) if w.text in names}


def _crossed(part: str, p: str, p_spans: list[tuple[int, int]]) -> list[str]:
    """Two side-by-side passage clauses on one frame (研发孵化|片区设在|武侯区, 生产加工|片区设在|德格县),
    and a claim clause taking what comes before the frame from one and what follows it from the other
    (研发孵化片区设在德格县): the claim swapped them. A claim joining both (分别, 和) is left alone."""
    if lang.pattern("claims", "joining").search(part):
        return []
    spans = [p[a:b] for a, b in p_spans]
    for one, two in zip(spans, spans[1:]):
        m = SequenceMatcher(None, one, two, autojunk=False).find_longest_match(0, len(one), 0, len(two))
        frame = one[m.a:m.a + m.size]
        if m.size < 3 or frame not in part:
            continue
        a, b = one.split(frame, 1), two.split(frame, 1)
        if min(map(len, a + b)) < 2:
            continue  # a shared topic word (项目, 产业园), or a clause that only continues the other
        mine = [_bigrams(x) for x in part.split(frame, 1)]
        fit = lambda side, x, y: len(mine[side] & _bigrams(x) - _bigrams(y))  # noqa: E731
        gone = lambda x: len(_bigrams(part) & _bigrams(x)) < 2  # noqa: E731  (a claim merging both keeps all four)
        if (fit(0, a[0], b[0]) >= 2 and fit(1, b[1], a[1]) >= 2 and gone(a[1]) and gone(b[0])) or \
                (fit(0, b[0], a[0]) >= 2 and fit(1, a[1], b[1]) >= 2 and gone(b[1]) and gone(a[0])):
            return [f"把资料中两处并列的内容对调了：{one}／{two}"]
    return []


_SUBJECT_TAGS = frozenset({"n", "nz", "nw", "vn", "m", "s", "a", "an", "j", "LOC", "ORG", "PER"})
SWAP_EVIDENCE = 2  # character pairs each half of a claim clause must share with one passage clause alone
_HAN_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


def _subject(text: str) -> tuple[str, str]:
    """(subject, predicate): the leading run of nouns, names and counts (一家香港物流企业 | 将在…建设…,
    电池回收项目 | 投资16亿元), and the rest. No subject when the clause opens otherwise."""
    opener = lang.pattern("claims", "subject_openers").match(text)  # 另有|香港私募基金管理机构…
    skip = opener.end() if opener else 0
    words = [w for w in tag(text) if w.start >= skip]
    end = next((i for i, w in enumerate(words) if w.tag not in _SUBJECT_TAGS), len(words))
    if end == 0 or end == len(words) or words[end - 1].tag not in ("n", "nz", "nw", "LOC", "ORG", "PER"):
        return "", text
    return text[skip:words[end].start], text[words[end].start:]


def _subject_swapped(part: str, p: str, p_spans: list[tuple[int, int]]) -> list[str]:
    """Two passage clauses, each with its own subject (一家香港物流企业将建分拨中心，一家香港私募基金管理
    机构将设立基金), and a claim clause putting one's subject before the other's predicate: what the
    passage says of one, the claim says of the other. A clause joining several (分别, 和) is left alone."""
    cleft = re.fullmatch(r"(.{4,}?)的(?:是|为)(.{4,})", part.strip())
    if cleft:  # 将建分拨中心的是一家私募机构: the subject said last
        part = cleft.group(2) + cleft.group(1)
    mine_subject, mine_rest = _subject(part)
    if not mine_subject or lang.pattern("claims", "joining").search(mine_subject):
        return []
    near = [p[a:b] for a, b in p_spans if len(_bigrams(part) & _bigrams(p[a:b])) >= SWAP_EVIDENCE]
    plain = lambda s: _bigrams(lang.pattern("answer", "indefinites").sub("", s))  # noqa: E731  (一家 says no who)
    halves = [(s, r, plain(s), _bigrams(r)) for s, r in map(_subject, near)
              if len(s) >= 4]  # not 项目, 首期: a clause about a part of what the one before names
    head, tail = plain(mine_subject), {b for b in _bigrams(mine_rest) if _HAN_PAIR.fullmatch(b)}
    for (sa, _, subject_a, rest_a), (sb, _, subject_b, rest_b) in itertools.permutations(halves, 2):
        if (len(head & (subject_b - subject_a)) >= SWAP_EVIDENCE and not head & (subject_a - subject_b)
                and len(tail & (rest_a - rest_b)) > SWAP_EVIDENCE  # words, not 超过|100
                and not tail & (rest_b - rest_a)):
            return [f"把资料中{sa}的内容说成了{sb}的：{mine_subject}"]
    return []


_REPORTED = re.compile(r"^(?:记者|本报|笔者)?(?:从|自|据|经)[^，。]{0,24}?(?:获悉|了解到|得知|介绍|消息|报道)，|^据悉，")


def _sentences_joined(part: str, p: str) -> list[str]:
    """One claim clause holding what two passage sentences say of two different subjects (高原青稞项目
    投资1.3亿元。雀儿山项目由某集团牵头。 → 由某集团牵头的高原青稞项目投资1.3亿元): the clause's names,
    amounts and distinctive words come from two sentences, each with a subject of its own, and the
    clause names only one of the two subjects, so it says of that one what the passage says of the
    other. A clause naming both (甲项目投资比乙项目多7亿元) or joining them (分别, 和) is left alone, and
    so is a sentence that goes on about the one before (其中一期…, 该项目…, no subject)."""
    if _has(_words(part), "joining"):  # on word boundaries: not the 都 of 成都
        return []
    texts = [m.group() for m in re.finditer(r"[^。！？；\n]+", p) if len(m.group().strip()) > 1]
    if len(texts) < 2:
        return []
    anchors = [(e, True) for e in _entities(part)] + [(q.text, True) for q in quantities(part) if not q.ordinal] + \
        [(w, False) for w in _content_words(part)]
    held: dict[int, list[bool]] = {}
    for anchor, strong in anchors:
        where = [i for i, s in enumerate(texts) if anchor in s]
        if len(where) == 1:
            held.setdefault(where[0], []).append(strong)
    found = sorted(i for i, kinds in held.items() if any(kinds) or len(kinds) >= 2)
    if not any(any(held[i]) for i in found):
        return []
    generic = set(lang.words("claims", "subject_anaphors"))
    subjects = {}
    for i in found:
        text = _REPORTED.sub("", texts[i].strip())  # 记者从某县获悉，…: the reporter is no subject of the facts
        own = lang.pattern("answer", "indefinites").sub("", _subject(text[:clauses(text)[0][1]])[0]) if text else ""
        if len(own) >= 2 and own not in generic and not own.startswith(("该", "此", "这", "其", "上述")):
            subjects[i] = own
    named = [i for i in subjects if _bigrams(subjects[i]) & _bigrams(part)]
    unnamed = [i for i in subjects if i not in named and not _bigrams(subjects[i]) & _bigrams(subjects[named[0]])] \
        if len(named) == 1 else []
    return [f"把资料中说{subjects[unnamed[0]]}的内容说成了{subjects[named[0]]}的"] if unnamed else []


def _same(a: Quantity, b: Quantity) -> bool:
    return a.lo == b.lo and a.hi == b.hi and a.unit == b.unit


def _amount_of_another_count(part: str, p: str, previous: str = "") -> list[str]:
    """A clause pairing a count with an amount (签约的6个项目协议总投资42亿元) that the passage states in
    different sentences, where the amount's own sentence pairs it with another count (累计引进企业27家，
    协议总投资42亿元): the amount is that count's, not the claim's. A clause with an amount and no count
    is paired with the count of the clause before (现场签了6个项目，协议总投资42亿元)."""
    classifiers = set(lang.words("quantities", "count_classifiers"))
    mine = [q for q in quantities(part) if q.amount]
    if previous and not any(q.unit in classifiers for q in mine):
        part = previous + "，" + part
        mine = [q for q in quantities(part) if q.amount]
    counts = [q for q in mine if q.unit in classifiers]
    amounts = [q for q in mine if q.unit and q.unit not in classifiers]
    if not counts or not amounts:
        return []
    texts = [p[a:b] for a, b in _sentence_spans(p)]
    held = [quantities(t) for t in texts]
    for a in amounts:
        with_a = [i for i, qs in enumerate(held) if any(_same(a, x) for x in qs)]
        for c in counts:
            with_c = [i for i, qs in enumerate(held) if any(_same(c, x) for x in qs)]
            if not with_a or not with_c or set(with_a) & set(with_c):
                continue
            for i in with_a:
                at = next(y.start for y in held[i] if _same(a, y))
                near = [x for x in held[i] if x.amount and x.unit in classifiers and at - 12 <= x.end <= at]
                if near and not any(_same(near[-1], y) for y in mine):
                    return [f"{a.text}在资料中是{near[-1].text}的，不是{c.text}的"]
    return []


# a clause opening with its own indefinite subject (其中，一家香港物流企业将…；另一家…): deals listed side by side
_OWN_SUBJECT = re.compile(r"^(?:其中)?(?:另)?(?:一|两|三)[家个所名位]([^，；、]{2,14}?(?:企业|机构|公司|集团|商会|协会|银行|学校|医院|平台))")


def _amount_of_parallel_subject(part: str, p: str) -> list[str]:
    """An amount the passage states in a clause with its own subject (一家私募基金管理机构将…设立规模20亿元的
    基金), given by the claim to the subject of a parallel clause (一家物流企业将投资20亿元): each clause of
    such a list says its own deal."""
    mine = [q for q in quantities(part) if q.amount and q.unit]
    if not mine:
        return []
    for sentence in re.findall(r"[^。！？\n]+", p):
        opened = [(m.group(1), c) for c in re.split(r"[，；]", sentence) if (m := _OWN_SUBJECT.match(c))]
        if len(opened) < 2:
            continue
        for a in mine:
            holding = [subject for subject, c in opened if any(_same(a, x) for x in quantities(c))]
            if len(holding) != 1 or holding[0] in part:
                continue
            other = next((subject for subject, _ in opened if subject != holding[0] and subject in part), "")
            if other:
                return [f"{a.text}在资料中是{holding[0]}的，不是{other}的"]
    return []


def _total_given_to_part(part: str, p: str) -> list[str]:
    """An amount the passage states of a whole (签约12个项目，签约金额86亿元) given by the claim to the
    part that the next sentence singles out with 其中 (其中，一家企业与某平台签署协议): the clause names
    what only that sentence says, and the amount is not that sentence's. A clause that says the part
    is one of the whole (其中, 包括, 之一) is left alone."""
    mine = [q for q in quantities(part) if q.amount and q.unit]
    if not mine or re.search(r"其中|包括|之一|当中", part):
        return []
    texts = [t.strip() for t in re.findall(r"[^。！？；\n]+", p)]
    for whole, nxt in zip(texts, texts[1:]):
        if not nxt.startswith("其中"):
            continue
        own = [w for w in _entities(part) + _content_words(part) if w in nxt and w not in whole]
        for a in mine:
            if len(own) >= 2 and any(_same(a, x) for x in quantities(whole)) \
                    and not any(_same(a, x) for x in quantities(nxt)):
                return [f"{a.text}在资料中是全部的，不是其中{max(own, key=len)}的"]
    return []


def _changed_measure(text: str, q: Quantity) -> str:
    """The noun a change in per cent is said of (吞吐量 of 集装箱吞吐量同比增长18%): the word just before
    the change verb (and 同比/环比), within the clause."""
    before = text[_clause_start(text, q.start):q.start]
    verbs = "|".join(map(re.escape, lang.words("question", "change_verbs")))
    m = re.search(rf"(\w{{2,}}?)(?:同比|环比|较上年|比上年)?(?:{verbs})了?(?:约|近|超过|逾)?$", before)
    if not m:
        return ""
    run = []
    for w in reversed(tag(m.group(1))):  # the noun phrase ending there: 工业|用电|量
        if w.tag not in ("n", "vn", "nz"):
            break
        run.insert(0, w.text)
    return "".join(run)



def _change_of_another_measure(part: str, p: str) -> list[str]:
    """A change in per cent the claim says of one measure (数量同比增长18%) where the passage says it of
    another (集装箱吞吐量同比增长18%): what rose by that much is the passage's measure. A shortened name
    of the same measure (营收 for 营业收入) is the same."""
    for q in quantities(part):
        if q.unit != "%":
            continue
        mine = _changed_measure(part, q)
        if len(mine) < 2:
            continue
        for t in quantities(p):
            if _same(t, q):
                theirs = _changed_measure(p, t)
                if len(theirs) >= 2 and mine not in p[_clause_start(p, t.start):t.start] and theirs not in part \
                        and not _contracted(mine, theirs) and not _bigrams(_head(mine)) & _bigrams(_head(theirs)):
                    return [f"{q.text}在资料中是{theirs}的变化，不是{mine}的"]
    return []


def _head(run: str) -> str:
    """The last word of a noun run (钒钛产业|产值): what it measures, the words before saying of what."""
    return tag(run)[-1].text


_MODIFIERS = ("LOC", "ORG", "PER", "nz", "n", "s")


def _modified(text: str) -> set[tuple[str, str]]:
    """(modifier, noun) pairs: 美姑|花椒, 顺德|企业, and from a name through 的 and adjectives,
    德格|的|好|产品, or through a verb and 的, 德阳|生产|的|装备."""
    words, out = tag(text), set()
    for i, a in enumerate(words):
        if a.tag not in _MODIFIERS or len(a.text) < 2:
            continue
        for k, b in enumerate(words[i + 1:i + 4], i + 1):
            if b.tag == "m" and k == i + 1 and not re.search(r"\d", b.text):
                continue  # 美姑县|一家|调味品企业: a count between the name and its noun qualifies nothing
            if b.tag == "n" and len(b.text) >= 2:
                out.add((a.text, b.text))
            made = b.tag == "v" and k == i + 1 and a.tag in (PLACE, ORG) and k + 1 < len(words) \
                and words[k + 1].text == "的"  # 德阳|生产|的|氢能装备: made there
            if (b.text != "的" and b.tag not in ("a", "ad") and not made) or a.tag in ("n", "s"):
                break  # through 的 only from a name: 规模最大的项目 is no 规模项目
    return out


def _rebound(part: str, p: str) -> list[str]:
    """A name put before a noun that the passage gives to another name of the claim: 顺德花椒 where
    the passage says 美姑花椒 and 顺德企业 — the claim swapped what the two names qualify."""
    mine, theirs = _modified(part), _modified(p)
    for a, x in sorted(mine - theirs, key=lambda ax: (part.find(ax[0] + ax[1]), ax)):  # the first in the claim, every run
        if x + a in p or any(y == x and a in b for b, y in theirs):
            continue  # 泽仁多吉县长 for 县长泽仁多吉: a title after its holder; 家居|项目 within 智能家居|项目
        owners = [b for b, y in sorted(theirs, key=lambda by: (p.find(by[0] + by[1]), by))
                  if y == x and b in part and a in p and x in p
                  and not (a in b or b in a or _bigrams(a) & _bigrams(b)) and not _coordinated(a, b, p, x)
                  and _named(a) == _named(b)]  # 产业|梯度转移 is no name's place taken (喀什|梯度转移)
        if owners:
            return [f"{a}{x}：资料中是{owners[0]}{x}"]
    return []


def _named(word: str) -> bool:
    return any(w.tag in NAMED for w in tag(word))


def _coordinated(a: str, b: str, p: str, noun: str = "") -> bool:
    """Items of one list in the passage (绿色金融、专业服务和国际航运物流方面), whose order a claim may
    change, so that the list's last noun follows another item. Items each with the noun of their own
    (顺德一家调味品企业和美姑县国有平台公司, for 调味品) are two phrases, not one list before it."""
    for m in re.finditer(re.escape(a), p):
        for n in re.finditer(re.escape(b), p):
            between = p[min(m.start(), n.start()):max(m.start(), n.start())]
            if not re.search(r"[，。；：,;:]", between) and re.search(r"[、和及]", between) \
                    and not (noun and noun in between):
                return True
    return False


def _direction_reasons(part: str, p: str) -> list[str]:
    """Who gives to whom with a verb of transfer (lang.toml transfer_verbs): 正极材料企业将向电池回收项目
    供应金属 where the passage says 回收的金属将供应正极材料企业. In the claim, what stands before 向 gives
    and what stands between 向 and the verb receives, and what stands between 由 and the verb gives; in the passage, with no 向, what follows the verb
    receives or is given, and what precedes it gives or is given. A word giving in one and receiving
    in the other was moved across."""
    for verb in lang.words("claims", "transfer_verbs"):
        at = part.find(verb)
        to, by = part.rfind("向", 0, max(at, 0)), part.rfind("由", 0, max(at, 0))
        theirs = p.find(verb)
        if at < 0 or max(to, by) < 0 or theirs < 0 or re.search("[向由]", p[_clause_start(p, theirs):theirs]):
            continue
        if to > by:  # A向B供应: A gives, B receives
            giver, receiver = part[_clause_start(part, to):to], part[to + 1:at]
        else:  # 金属由B供应: B gives, what the clause opens with is given
            giver, receiver = part[by + 1:at], ""
        before, after = p[_clause_start(p, theirs):theirs], p[theirs + len(verb):theirs + len(verb) + 30]
        moved = [w for w in _content_words(giver) if w in after and w not in before] + \
                [w for w in _content_words(receiver) if w in before and w not in after]
        if moved:
            return [f"{moved[0]}在“{verb}”中的方向与资料相反"]
    return []


_JOINED = re.compile(r"[和与及、同跟或]|以及")


def _order_reversed(part: str, p: str, quoted: list[str]) -> list[str]:
    """Two names (or quoted terms) of a passage clause that the claim has exchanged: the claim with
    them put back shares a much longer run with the clause than as written (四川是澳门对接…的窗口 for
    澳门是四川对接…的窗口, 从“建链条”转向“给资金” for 从“给资金”转向“建链条”). Names joined by 和/与
    (武侯区与德格县) may stand either way round."""
    names = [e for e in dict.fromkeys(_with_noun(part, p) + [q for q in quoted if q in part]) if e in p]
    for a, b in itertools.combinations(names, 2):
        if a in b or b in a or part.count(a) != 1 or part.count(b) != 1:
            continue
        (i, a), (j, b) = sorted(((part.find(a), a), (part.find(b), b)))
        between = part[i + len(a):j]
        if not between or _JOINED.match(between) or re.search(rf"(?:{_JOINED.pattern})$", between):
            continue  # listed together: A与B, A、C和B
        back = part[:i] + b + between + a + part[j + len(b):]
        for lo, hi in clauses(p):
            clause = p[lo:hi]
            if a in clause and b in clause and _run(back, clause) >= _run(part, clause) + SWAP_RUN \
                    and _run(back, clause) >= len(a + between + b):
                return [f"{a}与{b}的位置与资料相反"]
    return []


def _with_noun(part: str, p: str) -> list[str]:
    """The clause's names, each with the noun after it where the passage writes them together too
    (葡语|国家 is one party, which the tagger cuts in two)."""
    nouns = {w.start: w.text for w in tag(part) if w.tag == "n"}
    out = []
    for e in _entities(part):
        at = part.find(e)
        joined = e + nouns.get(at + len(e), "") if at >= 0 else e
        out.append(joined if joined in p else e)
    return out


SWAP_RUN = 4  # characters by which the claim with two names put back must share a longer run with the clause


def _run(a: str, b: str) -> int:
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


def _listed_together(text: str, a: str, b: str, at: int | None = None) -> bool:
    """Two names side by side in one list (重庆市渝北区和广安市邻水县) or one within the other (广安市
    邻水县): nothing but names and list words between them. `at`: this mention of `a` (湖州与广元在湖州
    召开: the 湖州 after 在 stands alone), else its first."""
    i = text.find(a) if at is None else at
    if i < 0:
        return False
    for j in (m.start() for m in re.finditer(re.escape(b), text)):
        between = text[i + len(a):j] if i < j else text[j + len(b):i]
        if not between:
            return True  # 广安市邻水县: a place named within its region
        words = [w for w in tag(between) if w.text not in ("和", "与", "及", "、", "以及", "同")]
        if re.search(r"和|与|及|、|同", between) and all(w.tag in (PLACE, ORG) for w in words):
            return True
    return False


def _preposition_reasons(part: str, p: str) -> list[str]:
    """A name after a preposition of one kind (在四川, 由喀什, 经葡语国家) that the passage never puts
    there, while it puts another name of the claim there: the claim swapped where, whither or by whom."""
    groups = lang.data()["claims"]["role_prepositions"]

    def roles(text: str, name: str) -> dict[int, int]:
        """The groups of the prepositions before each mention, directly or across a coordination
        (由重庆市农委和四川省农业农村厅: both after 由), with where the mention stands."""
        out = {}
        for m in re.finditer(re.escape(name), text):
            clause = re.split(r"[，。；：]", text[max(0, m.start() - 40):m.start()])[-1]
            inside = [(w.start, w.end) for w in tag(clause) if w.tag in _NOUNS + ("PER",)]  # 自 of 自治州 is none
            found = [(at + len(w), i) for i, g in enumerate(groups) for w in g for at in [clause.rfind(w)]
                     if at >= 0 and not any(a <= at and at + len(w) <= b and b - a > len(w) for a, b in inside)]
            if found:
                end, group = max(found)
                between = clause[end:]
                listed = re.search(r"(?:和|与|及|、|同|以及)$", between) and \
                    not any(w.tag in ("v", "vd", "d", "p") for w in tag(between))  # names listed, no new verb
                nested = between and all(w.tag in (PLACE, ORG) for w in tag(between))  # 在广元市|利州区
                titled = between.endswith(tuple(lang.words("answer", "person_titles")))  # 由该局副局长|梁某
                if not between or listed or nested or titled:
                    out.setdefault(group, m.start())
        return out

    names = [e for e in dict.fromkeys(_entities(part) + _entities(p)) if e in part and e in p]
    for e in names:
        mine = roles(part, e)
        for g in mine.keys() - roles(p, e).keys():
            others = [o for o in names if o != e and o not in e and e not in o and g in roles(p, o)
                      and not _listed_together(part, e, o, mine[g])  # 由渝北区和邻水县共建: both there
                      and not _holds_title_of(part, e, o)]  # 由某局副局长某某: the body is the person's
            if others:
                return [f"{e}与{others[0]}在句中的位置对调了"]
    return []


def _holds_title_of(text: str, body: str, person: str) -> bool:
    """Does `person` stand right after a title at `body` (某局副局长|某某, 该局局长某某)?"""
    titles = lang.pattern("answer", "person_titles").pattern
    return bool(re.search(rf"{re.escape(body)}[^，。；、和与]{{0,6}}?(?:{titles}){re.escape(person)}", text))


def _venues(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """(place, verbs) of each 在/于/赴/到 + place + one or two verbs (在马尔康召开, 赴深圳投资建设): where
    something is held or built."""
    words = [w for w in tag(text) if not w.text.isspace()]
    out = []
    # the tagger glues 在 to the word before it (还在|喀什, 会理市在|会理): a word ending in it opens a venue too
    for i in (k for k, w in enumerate(words) if w.text in ("在", "于", "赴", "到") or w.text.endswith("在")):
        j = i + 1
        while j < len(words) and words[j].tag == PLACE:
            j += 1  # 在广元市|利州区: the place within its region
        if j == i + 1:
            continue
        if j < len(words) and words[j].tag in ("n", "s") and len(words[j].text) <= 3:
            j += 1  # 在武侯区|商圈, 在德格|县城: a part of the place
        verbs = tuple(w.text for w in words[j:j + 2] if w.tag in ("v", "vn"))  # 建设 is tagged as a noun too
        if verbs and words[j].tag in ("v", "vn"):
            out.append(("".join(w.text for w in words[i + 1:j]), verbs))
    return out


def _venue_reasons(part: str, p: str, sentence: str = "") -> list[str]:
    """What the claim has held or built at one place where the passage, with the same verb, has it at
    another (在湖州召开 for 在广元召开, 赴深圳投资建设 for 在彭山经济开发区建设), though the claim may name both
    places elsewhere as its parties. The sentence the clause restates is read first: where it says where
    its own thing is built, another project's site further on (在龚垭乡建设) is not this one's."""
    scopes = [(t, _venues(t)) for t in (sentence, p) if t]
    for place, verbs in _venues(part):
        scope, held = next(((t, h) for t, venues in scopes if (h := [x for x, v in venues if set(v) & set(verbs)])),
                           (p, []))
        if any(re.search(rf"{re.escape(place)}.{{0,3}}{re.escape(v)}", scope) for v in verbs):
            continue  # 移师遵义举办: the place said with the verb without 在
        if held and not any(_same_place(place, x) for x in held):
            return [f"{place}{verbs[0]}：资料中是在{held[0]}"]
    return _location_reasons(part, sentence)


def _location_reasons(part: str, sentence: str) -> list[str]:
    """位于佛山市顺德区 where the sentence the clause restates builds it 在巴普镇: where a thing is, said
    with a verb of location (lang.toml location_verbs), against where its sentence puts it."""
    verbs = lang.pattern("claims", "location_verbs")
    places = _located(part, verbs)
    held = [x for x, _ in _venues(sentence)] + _located(sentence, verbs) if places else []
    if not held:
        return []
    named = held + _places_not_acting(sentence)  # 凉山州美姑县花椒产业园 places the park in 美姑县 too
    for place in places:
        if not any(_same_place(place, x) or _same_place(x, place) or _abbreviates(x, part) for x in named):  # 川渝
            return [f"位于{place}：资料中是在{held[0]}"]
    return []


def _places_not_acting(text: str) -> list[str]:
    """Runs of place names in `text` that no 由, 与 or 和 makes a party (由佛山市顺德区帮扶建设 is who helped)."""
    out, run, before = [], "", ""
    for w in [*tag(text), None]:
        if w is not None and w.tag == PLACE:
            run += w.text
            continue
        if run and before not in ("由", "与", "和", "同", "及", "对"):
            out.append(run)
        run, before = "", w.text if w is not None else ""
    return out


def _located(text: str, verbs: re.Pattern) -> list[str]:
    """The places named right after a verb of location (位于|会理市鹿厂镇)."""
    out = []
    for m in verbs.finditer(text):
        words = [w for w in tag(text[m.end():m.end() + 16]) if not w.text.isspace()]
        run = "".join(w.text for w in itertools.takewhile(lambda w: w.tag == PLACE, words))
        if len(run) >= 2:
            out.append(run)
    return out


def _same_place(a: str, b: str) -> bool:
    """One place named two ways: within the other (两江新区, 重庆市两江新区), contracted, or with a
    province's one-character name (渝两江新区, 在渝)."""
    full = _place_short().get(a[0], a[0]) + a[1:]
    return a in b or b in a or _contracted(a, b) or _expands(a, b) or lcs(full, b) == len(full)


def supports(quote: str, claim: str, facts: Sequence[str] = ()) -> bool:
    """A passage supports a claim when every unit of the claim holds in it (see `judge`)."""
    return judge(quote, claim, facts).supported


def _quantity_reasons(p: str, c: str, p_spans: list[tuple[int, int]], title: str = "", year: str = "") -> list[str]:
    """Every claim quantity needs a passage quantity of the same value and unit, said of the same thing
    (or one the title states: 总投资18.6亿元 in the headline is said of the article's subject; or, where
    the passage names no year, that of the article's date, by which a reader dates its 10月19日)."""
    mine, theirs, headline = quantities(c), quantities(p), quantities(title)
    if not any(t.unit == "年" and t.lo >= 1000 for t in theirs):  # a passage that names its year is dated by it
        headline += quantities(year)
    out = []
    for q in mine:
        q = _short_year(c, _denied_bound(c, q, mine), theirs + headline)
        wholes = [w for w in mine if w.end <= q.start and w.exact and units_match(w.unit, q.unit)
                  and "其中" in c[w.end:q.start] and not re.search(r"[。；！？]", c[w.end:q.start])]
        matches = [t for t in theirs if compatible(q, t) and not any(_same(w, t) for w in wholes)]  # 其中: a part
        if q.unit == "方" and q.lo == 2 and not any(t.unit == "方" for t in theirs):
            continue  # 双方: the two parties the passage names, whether or not it counts them
        if q.exact and q.lo == 2 and any(re.search(rf"[双两]{re.escape(n[:2])}", p) for n in _count_nouns(c, q)):
            continue  # 两个片区 for 双片区布局: a pair named by its prefix
        if not matches and (any(compatible(q, t) and not any(_same(w, t) for w in wholes) for t in headline)
                            or _counts_listed(c, q, p, theirs)
                            or _counts_named_next(c, q, p) or _counts_people(c, q, p)
                            or _derived(c, q, p, theirs) or _day_arithmetic(c, q, p, theirs)):
            continue
        if not matches and q.ordinal and q.lo == 1 and re.search(r"首|第一|最", p):
            continue  # 第一位, 排名第一: the first is said as 首 or 最 as often as with a numeral
        if not matches:
            out.append(f"数字不符：{q.text}")
        elif q.unit not in _CALENDAR and not q.ordinal and (not _counts_the_same(c, q, p, matches) and (
                _said_of_another(c, q, mine, p, theirs, matches) or _counts_another(c, q, p, theirs, matches)
                or _narrowed_to_another(c, q, p, matches) or _measure_moved(c, q, p, matches))
                or _acted_elsewhere(c, q, p, theirs, matches)):
            out.append(f"数字与所指对象不符：{q.text}")  # 锂电铜箔项目投资16亿元 where 16亿元 is the other project's
    return out


def _short_year(c: str, q: Quantity, theirs: list[Quantity]) -> Quantity:
    """24年到26年, 到23年底: a year said by its last two digits, as people say it, where the passage
    names that year in full; not a length of time (23年来, 26年间, 十年)."""
    if q.unit != "年" or not q.exact or not 0 <= q.lo < 100 or q.lo != int(q.lo) or not re.match(r"\d\d年", q.text) \
            or re.match(r"[来间内多余的]|以来|时间", c[q.end:q.end + 2]):
        return q
    full = next((t.lo for t in theirs if t.unit in ("年", "") and t.exact and t.lo in (1900 + q.lo, 2000 + q.lo)), None)
    return replace(q, lo=full, hi=full) if full else q


def _denied_bound(c: str, q: Quantity, mine: list[Quantity]) -> Quantity:
    """A bound its clause denies turns round: 没有一个项目超过38亿元 caps at 38亿元, 并未低于 floors."""
    lo = _clause_start(c, q.start)
    before = _masked(c[lo:q.start])
    for o in mine:  # 不到1200余家企业的5%: 不到 bounds the share spanning this amount, denying nothing
        if o.start < q.start < o.end:
            cut = max(o.start, lo) - lo
            before = before[:cut] + " " * (len(before) - cut)
    if not q.bound or not _negated(before):
        return q
    if q.bound == "more":
        return replace(q, lo=q.lo * 2 / 3, hi=q.lo, bound="less", strict=False)
    return replace(q, lo=q.hi, hi=q.hi * 1.5, bound="more", strict=False)


def _denied_after(text: str, at: int) -> bool:
    """Is what a count ending at `at` counts denied in the rest of its clause (16家并非来自无锡,
    16家不是无锡企业; not 16家无锡企业, where the tagger reads 无锡 as a name)?"""
    end = _CLAUSE_END.search(text, at)
    return _negated(_masked(text[at:end.start() if end else len(text)]))


def _denies_a_part(part: str, p: str) -> bool:
    """16家并非来自无锡 where the passage says 其中来自无锡的企业11家 of 27: the negation names the rest,
    it contradicts nothing the passage says."""
    denied = [q for q in quantities(part) if q.exact and _denied_after(part, q.end)]
    return bool(denied) and any(_derived(part, q, p, quantities(p)) for q in denied)


def _derived(c: str, q: Quantity, p: str, theirs: list[Quantity]) -> bool:
    """The rest or the total of the passage's amounts in the claim's unit, where the claim's clause
    says it is one (lang.toml rest_words, total_words): 非无锡企业有16家 for 累计引进27家，其中无锡11家."""
    if q.unit == "%":  # a share: 72家 of 186家 is 不到五成, 38.7%; 男性不到三成 where 女性超过七成
        return _a_share(c, q, p, theirs) or _share_of_rest(c, q, p, theirs)
    if _count_of_share(q, theirs):  # 超过4000人 for 就业6500人，其中女性占比超过七成
        return True
    if q.unit == "倍":  # a ratio: 32.5亿元 is 六倍多 4.8亿元
        return _a_ratio(c, q, p, theirs)
    if _a_difference(c, q, p, theirs) or _per_unit(c, q, p, theirs):  # 多3亿元 for 9亿元 against 6亿元
        return True
    if _period_total(c, q, p, theirs):  # 三年合计不少于1.5亿元 for 2024至2026年每年不少于5000万元
        return True
    if q.ordinal and q.unit in ("位", "名", "人") and lang.pattern("claims", "rank_words").search(_clause_at(c, q.start)):
        return _ranked(c, q.start, q.lo, p, theirs)  # 排在第二位: the second largest of the listed amounts
    clause = c[_clause_start(c, q.start):q.end]
    denied = _denied_after(c, q.end)  # 16家并非来自无锡: the rest
    same = [t.lo for t in theirs if t.exact and not t.ordinal and t.unit == q.unit and t.unit not in _CALENDAR]
    if not q.exact or len(same) < 2:
        return False
    near = lambda x: abs(x - q.lo) <= 1e-6 * max(1.0, q.lo)  # noqa: E731
    if denied or any(w in clause for w in lang.words("quantities", "rest_words")):
        return any(near(a - b) for a, b in itertools.permutations(same, 2))
    if any(w in clause for w in lang.words("quantities", "total_words")):
        return near(sum(same)) or any(near(a + b) for a, b in itertools.combinations(same, 2))
    return False


def _period_total(c: str, q: Quantity, p: str, theirs: list[Quantity]) -> bool:
    """A total over the years of a range (2024至2026年) of what the passage gives each year (每年不少于
    5000万元), bounded as the yearly amount is."""
    clause = c[_clause_start(c, q.start):q.end]
    ranges = list(_YEAR_RANGE.finditer(c + "\n" + p))
    if not ranges or not any(w in clause for w in lang.words("quantities", "total_words")):
        return False
    yearly = [t for t in theirs if t.unit == q.unit and not t.ordinal and "每年" in p[max(0, t.start - 12):t.start]]
    return any(compatible(q, replace(t, lo=t.lo * n, hi=t.hi * n)) and q.bound == t.bound
               for t in yearly for n in {int(m[2]) - int(m[1]) + 1 for m in ranges})


def _count_of_share(q: Quantity, theirs: list[Quantity]) -> bool:
    """A count the passage implies by a share of a whole in the same unit (占比超过七成 of 6500人 is more
    than 4550): a bound the claim puts on it holds when the implied one is at least as strong."""
    shares = [t for t in theirs if t.unit == "%" and not t.about]
    wholes = [t for t in theirs if t.exact and not t.ordinal and t.unit and units_match(q.unit, t.unit)]
    return any(s.bound == q.bound == "more" and q.lo < w.lo and s.lo * w.lo / 100 >= q.lo
               or s.bound == q.bound == "less" and s.lo * w.lo / 100 <= q.lo
               for s, w in itertools.product(shares, wholes))


_YEAR_RANGE = re.compile(r"((?:19|20)\d\d)年?(?:至|到|-|—|－|~)((?:19|20)\d\d)年")
_DAY_RANGE = re.compile(r"(\d{1,2})日?(?:至|到|-|—|－|~)(?:\d{1,2}月)?(\d{1,2})日")


def _day_arithmetic(c: str, q: Quantity, p: str, theirs: list[Quantity]) -> bool:
    """展期三天 for 10月19日至21日, 9月26日开幕 for 为期四天…9月29日落幕: days counted from the
    passage's dates, both ends included; a first day from a last one only where the claim says the
    event opened and the passage that it closed (or the other way round)."""
    if not q.exact:
        return False
    if q.unit == "天":
        return any(int(m[2]) - int(m[1]) + 1 == q.lo for m in _DAY_RANGE.finditer(p))
    ranges = [(int(m[1]), int(m[2])) for m in _YEAR_RANGE.finditer(c + "\n" + p)]
    if q.unit in ("年", "") and 1900 <= q.lo <= 2100:  # 2024、2025和2026: a year within the passage's range,
        own_range = any(m.start() <= q.start < m.end() for m in _YEAR_RANGE.finditer(c))  # not a narrower range's end
        return not own_range and any(int(m[1]) <= q.lo <= int(m[2]) for m in _YEAR_RANGE.finditer(p))
    if q.unit == "年" or q.unit == "个" and c.startswith(("年度", "年"), q.end):
        # 2024年到2026年这三年, 三个年度: the years of a range the claim or the passage states
        return any(b - a + 1 == q.lo for a, b in ranges)
    if q.unit != "日":
        return False
    said = lambda text, key: lang.pattern("claims", key).search(text) is not None  # noqa: E731
    clause = _clause_at(c, q.start)
    step = -1 if said(clause, "opening_words") and said(p, "closing_words") else \
        1 if said(clause, "closing_words") and said(p, "opening_words") else 0
    spans = [t.lo for t in theirs if t.unit == "天" and t.exact]
    days = [t.lo for t in theirs if t.unit == "日" and t.exact]
    return bool(step) and any(q.lo == d + step * (n - 1) for d in days for n in spans)


def _a_ratio(c: str, q: Quantity, p: str, theirs: list[Quantity]) -> bool:
    """A multiple that one of the passage's amounts is of another in the same unit, both of which the
    claim speaks of (意向签约金额是现场交易额的六倍多 for 32.5亿元 and 4.8亿元). Ratios are kept as
    growths (quantities: 是…的两倍 is 增长一倍), rounded as the claim rounds."""
    at_least = q.bound == "more"  # 三倍以上: 3000多名 of 860家 is at least that many times, by its floor
    amounts = [t for t in theirs if (t.exact or at_least and t.bound == "more") and not t.ordinal and t.lo > 0
               and t.unit not in _CALENDAR + ("倍", "%") and _spoken_of(c, t, p, theirs)]
    sides = _ratio_sides(c, q)
    counts = set(lang.words("quantities", "count_classifiers"))  # 采购商3000名 is 三倍 参展企业860家
    return any((a.unit == b.unit or {a.unit, b.unit} <= counts) and _rounds_to(q, a.lo / b.lo - 1)
               and b.exact and _in_order(a, b, sides, p, theirs)
               for a, b in itertools.permutations(amounts, 2))


def _ratio_sides(c: str, q: Quantity) -> tuple[set[str], set[str]] | None:
    """The character pairs of what a ratio compares and of what it compares it with: 电池回收项目的投资额|是|
    锂电铜箔项目|的两倍多."""
    before = c[_clause_start(c, q.start):q.start]
    m = re.search(rf"(?:{lang.pattern('quantities', 'ratio_verbs').pattern})([^，。；：]{{2,14}}?)的?$", before)
    return (_bigrams(before[:m.start()]), _bigrams(m[1])) if m else None


def _in_order(a: Quantity, b: Quantity, sides: tuple[set[str], set[str]] | None, p: str,
              theirs: list[Quantity]) -> bool:
    """Is `a` the amount the ratio's subject names and `b` the one it is compared with, not the reverse?
    Where the claim's words tell neither apart, either order is."""
    if not sides:
        return True
    (subject, reference), mine, other = sides, _own_words(p, a, theirs), _own_words(p, b, theirs)
    return len(mine & subject) + len(other & reference) >= len(mine & reference) + len(other & subject)


def _rounds_to(q: Quantity, x: float) -> bool:
    """Is `x` what the claim's quantity says, rounded as the claim writes it: within its interval (约2.6亿元,
    六倍多), or within half a unit of its last written digit (2.6亿元 for 2.64亿元, 6.8倍 for 6.77倍)?"""
    if compatible(q, replace(q, lo=x, hi=x, bound="", strict=False)):
        return True
    written = re.search(r"\d+(?:\.(\d+))?", q.text)
    if not q.exact or not written or not value(written[0]):
        return False
    scale = 1.0 if q.unit == "倍" else q.lo / value(written[0])  # 2.6亿元 is 2.6e8; a 倍 is kept as a growth
    return abs(x - q.lo) <= 0.5 * 10 ** -len(written[1] or "") * scale + 1e-9


def _rank_derived(c: str, p: str) -> bool:
    """Does the claim rank something by an ordinal (排名第三, 位列第2) that the passage's amounts give it?"""
    return any(_ranked(c, m.start(), value(m[1]) or 0, p, quantities(p)) for m in _ranks_said().finditer(c))


@lru_cache(maxsize=1)
def _ranks_said() -> re.Pattern:
    """A rank said with its number (排名第三, 位列第2, 排第二)."""
    return re.compile(rf"(?:{lang.pattern('claims', 'rank_words').pattern})第?([一二三四五六七八九十]+|\d+)")


def _rank_reasons(c: str, p: str) -> list[str]:
    """排第二 where the passage says 第一大来源 (or 最大, 居首) of the same thing, and its figures rank
    nothing second: a rank the passage gives otherwise."""
    mine = {value(m[1]) for m in _ranks_said().finditer(c)}
    theirs = {value(m[1]) for m in re.finditer(r"第([一二三四五六七八九十]+|\d+)(?:大|位|名)", p)}
    if re.search("|".join(lang.words("claims", "first_place") + lang.words("claims", "superlatives_most")), p):
        theirs.add(1.0)
    if mine and theirs and not mine & theirs and not _rank_derived(c, p):
        return [f"排名与资料不符：资料为第{int(min(theirs))}"]
    return []


def _ranked(c: str, at: int, rank: float, p: str, theirs: list[Quantity]) -> bool:
    """A rank (排在第二位) that the amount the claim names holds among the passage's amounts of its unit,
    totals left out (at least three listed), largest first."""
    amounts = _listed(p, [t for t in theirs if t.exact and not t.ordinal and t.unit not in _CALENDAR])
    own = _amount_named(_clause_at(c, at), p, amounts)
    peers = sorted({t.lo for t in amounts if own and t.unit == own.unit}, reverse=True)
    return bool(own) and len(peers) >= 3 and peers.index(own.lo) + 1 == rank


def _per_unit(c: str, q: Quantity, p: str, theirs: list[Quantity]) -> bool:
    """An average the claim works out (14个项目平均每个约2.6亿元 from 37亿元 over 14个), or a total
    from the passage's average (户均3000元 for 4200户: 合计约1260万元), rounded as the claim rounds:
    an amount in the claim's unit divided by, or multiplied by, a count of the passage."""
    averaged = lang.pattern("claims", "averages")
    classifiers = set(lang.words("quantities", "count_classifiers"))
    counts = [t for t in theirs if t.exact and not t.ordinal and t.unit in classifiers]
    amounts = [t for t in theirs if not t.ordinal and not t.bound and t.unit not in _CALENDAR and units_match(t.unit, q.unit)]
    nominal = lambda t: (t.lo + t.hi) / 2  # noqa: E731  (约3000元 is read as 2700–3300)
    if averaged.search(_clause_at(c, q.start)):
        return any(_rounds_to(q, nominal(a) / n.lo) for a in amounts for n in counts if n is not a and n.lo)
    per = [a for a in amounts if averaged.search(p[max(_clause_start(p, a.start), a.start - 8):a.start])]  # 户均年增收约3000元
    return any(_rounds_to(q, nominal(a) * n.lo) for a in per for n in counts if n is not a)


def _a_difference(c: str, q: Quantity, p: str, theirs: list[Quantity]) -> bool:
    """An amount the passage's figures give by a difference: between two amounts of one unit the claim
    speaks of, where its clause compares (储能项目比冷链项目多3亿元); or the amount compared with, where
    the passage says one is more or less than it (新签约32个，比去年同期多8个 → 去年同期24个)."""
    if not q.exact or q.unit in _CALENDAR:
        return False
    near = lambda x: abs(x - q.lo) <= 1e-6 * max(1.0, abs(q.lo))  # noqa: E731
    same = [t for t in theirs if t.exact and not t.ordinal and units_match(t.unit, q.unit) and t.unit not in _CALENDAR]
    if lang.pattern("claims", "comparisons").search(_clause_at(c, q.start)):
        spoken = [t for t in same if _spoken_of(c, t, p, theirs)]
        if any(near(abs(a.lo - b.lo)) for a, b in itertools.combinations(spoken, 2)):
            return True
    for a, b in itertools.permutations(same, 2):  # …a，比X多b: X is a − b
        m = re.fullmatch(r"[，,]?(?:比|较)([^，。；]{1,12}?)(多|增加|增长|高|少|减少|下降|低)了?", p[a.end:b.start])
        more = m and m[2] in ("多", "增加", "增长", "高")
        if m and near(a.lo - b.lo if more else a.lo + b.lo) and _bigrams(m[1]) & _bigrams(c):
            return True
    return False


_EXTREME_NAMED = re.compile(r"(最[\u4e00-\u9fff]{1,2}?)的(?:是|为|要数|当属)([^，。；：(（]{2,24})")


def _extreme_named_reasons(part: str, p: str) -> list[str]:
    """投资最大的是储氢瓶项目 where the passage says 投资最大的是碱性电解槽制造项目: the superlative given
    to another item than the one the passage names with it."""
    theirs = {m[1]: m[2] for m in _EXTREME_NAMED.finditer(p)}
    for m in _EXTREME_NAMED.finditer(part):
        head = m[2].rsplit("的", 1)[-1]  # 计划投资38亿元的|锂电铜箔项目: what 的 modifies is the item named
        named, mine = theirs.get(m[1]), _bigrams(head if len(head) >= 2 else m[2]) - {"项目", "企业"}  # heads every item shares
        if named and len(mine & _bigrams(named)) * 2 < len(mine):
            return [f"{m[1]}的是{m[2]}：资料中是{named}"]
    first = lang.words("claims", "first_place")  # 电池回收投资居首 says 最大 in other words
    for key, named in theirs.items():  # 燃料电池电堆项目投资规模最大: the item named before the superlative
        at = part.find(key)
        if at < 0 and key in lang.words("claims", "superlatives_most"):
            at = next((i for w in first if (i := part.find(w)) >= 0 and not part.startswith(w + "的", i)), -1)
        if at < 0 or part.startswith(key + "的", at):  # 居首的是X names the item after it: the loop above
            continue
        before = re.split(r"[，：；]|(?<=[目业个家])中", part[:at])[-1]  # 5个项目中，|燃料电池电堆项目…
        distinct = _bigrams(named) - {"项目", "企业"}
        if len(distinct & _bigrams(before)) * 2 >= len(distinct):
            continue  # the item the passage names
        item = next((before[i:i + 4] for i in range(len(before) - 3) if before[i:i + 4] in p), "")
        if item and not _bigrams(item) & distinct:
            return [f"{key}的是{item}：资料中是{named}"]
    return []


def _baseline_reasons(part: str, p: str) -> list[str]:
    """A comparison with a time the passage never speaks of (较上一届有所增长, 比去年多): the change is
    the claim's, not the article's (lang.toml baselines, said several ways: 比去年同期 for 同比)."""
    baselines = lang.pattern("claims", "baselines").pattern
    same = {w: group for group in lang.data()["claims"]["baseline_synonyms"] for w in group}
    for m in re.finditer(rf"(?:较|比|与|相比|同比|环比)[^，。；]{{0,8}}?({baselines})", part):
        if not any(w in p for w in same.get(m[1], [m[1]])):
            return [f"资料未提及：{m[1]}"]
    return []


def _comparative(part: str) -> tuple[re.Match, bool] | None:
    """The word ranking two things in the clause (高于, 少于) and whether it says the first is more;
    none where it bounds a number instead (超过3亿元, read with the number)."""
    more, less = lang.pattern("claims", "comparative_more"), lang.pattern("claims", "comparative_less")
    found = [m for m in (more.search(part), less.search(part)) if m]
    if not found:
        m = _BI.search(part)  # 比意向签约金额还高: 比 opens the second side, the adjective after it ranks
        return (m, bool(m.group(1))) if m else None
    m = min(found, key=lambda x: (x.start(), -len(x.group())))
    if any(n.start == 0 for n in quantities(part[m.end():m.end() + 8])):
        return None
    return m, m.re is more


_BI = re.compile(r"比(?=[^，。；比]{2,16}?(?:还|更|要)?(?:(高|多|大)|低|少|小)(?![于出]))")


def _comparison_reasons(part: str, p: str) -> list[str]:
    """A claim clause ranking two things without a number (冷链项目的投资高于储能项目; 今年已超过去年
    全年): each side is matched to the passage amount said of it in words no other amount has, and
    the amounts must stand in the order the comparative says."""
    sides = _compared(part, p)
    if not sides:
        return []
    m, more, left, right = sides
    if (left.lo > right.lo) != more:
        return [f"{m.group()}：资料中是{left.text}对{right.text}"]
    return []


def _compared(part: str, p: str) -> tuple | None:
    """(comparative, says more, left amount, right amount) where the clause ranks two things whose
    amounts the passage states, each in words no other amount has; None otherwise. Such a clause joins
    what the passage says of each, often in two sentences: neither name is moved from the other's."""
    ranked = _comparative(part)
    if not ranked:
        return None
    m, more = ranked
    theirs = [t for t in quantities(p) if t.exact and not t.ordinal and t.unit not in _CALENDAR]
    before = part[:m.start()]
    head = before.rsplit("的", 1)[-1]  # 博览会吸引的|参展企业数量: what 的 modifies is the side compared
    nouns = "".join(w.text for w in tag(head) if w.tag in _NOUNS)  # 预计年产值将: 年产值, not 预计
    left = (len(nouns) >= 2 and _amount_named(nouns, p, theirs)) \
        or (len(head) >= 2 and _amount_named(head, p, theirs)) or _amount_named(before, p, theirs)
    right = _amount_named(part[m.end():], p, theirs)
    if not left or not right or left is right or not units_match(left.unit, right.unit) or left.lo == right.lo:
        return None
    return m, more, left, right


def _complement_reasons(part: str, p: str) -> list[str]:
    """女性多于男性 where the passage says 其中女性…占比超过七成: a share of a whole ranks its part against
    the rest, which the passage leaves unnamed; above half the part is the larger, below it the smaller."""
    ranked = _comparative(part)
    if not ranked:
        return []
    m, more = ranked
    left = re.split(r"[，：；]|(?<=[目业个家员人户])中", part[:m.start()])[-1]  # 落户企业中|民营企业
    right = re.split(r"[，。：；]", part[m.end():])[0]
    heads = [re.sub(r"^(?:其中|的)+", "", side)[:2] for side in (left, right)]  # 女性人数 | 男性: what tells them apart
    if len(set(heads)) < 2:
        return []
    for q in quantities(p):
        owner = re.split(r"[，。；！？]", p[:q.start])[-1]
        if q.unit != "%" or "占" not in owner or (q.lo <= 50 <= q.hi and not q.bound):
            continue
        if sum(h in owner for h in heads) != 1:
            continue
        mine, other = (left, right) if heads[0] in owner else (right, left)
        if heads[1 if mine is left else 0] in p:
            continue  # both sides named in the passage: _comparison_reasons reads their amounts
        larger = left if (q.lo > 50) == (mine is left) else right
        if (larger is left) != more:
            return [f"{m.group()}：资料中{mine}占{q.text}"]
    return []


def _amount_named(text: str, p: str, theirs: list[Quantity]) -> Quantity | None:
    """The passage amount `text` names by words the passage says of it alone, if just one."""
    fits = sorted(((len(_bigrams(text) & _own_words(p, t, theirs)), i) for i, t in enumerate(theirs)), reverse=True)
    if not fits or fits[0][0] == 0 or (len(fits) > 1 and fits[1][0] == fits[0][0]):
        return None
    return theirs[fits[0][1]]


def _spoken_of(c: str, t: Quantity, p: str, theirs: list[Quantity]) -> bool:
    """Does the claim name what the passage's amount `t` is said of, in words the passage says of no
    other amount (储能电站 for 储能电站项目投资9亿元, not 项目 or 投资)?"""
    return bool(_own_words(p, t, theirs) & _bigrams(c))


def _own_words(p: str, t: Quantity, theirs: list[Quantity]) -> set[str]:
    """The character pairs of what `t` is said of that no other amount of the passage is said with."""
    return _said_of(p, t, theirs) - set().union(*(_said_of(p, o, theirs) for o in theirs if o is not t))


def _listed(p: str, amounts: list[Quantity]) -> list[Quantity]:
    """The amounts of a listing, its totals left out: those said as one (共, 合计, 总投资), and one that
    is the sum of the others of its unit after it, with 其中 between (新签约项目14个…其中…8个、4个和2个)."""
    totals = lang.words("quantities", "total_words") + ["总"]
    kept = [q for q in amounts if not any(w in p[max(0, q.start - 4):q.start] for w in totals)]

    def total(q: Quantity) -> bool:
        parts = [o for o in kept if o.start > q.end and o.unit == q.unit and o.exact and not o.ordinal]
        return q.exact and len(parts) >= 2 and "其中" in p[q.end:parts[0].start] \
            and abs(q.lo - sum(o.lo for o in parts)) < 1e-9

    return [q for q in kept if not total(q)]


def _a_share(c: str, q: Quantity, p: str, theirs: list[Quantity]) -> bool:
    """A percentage that one of the passage's amounts is of a larger one in the same unit, both of
    which the claim speaks of, rounded as percentages are (38.7% or 39% for 72 of 186; 不到一半 for
    1.1 of 3.2平方公里). Where the claim states the whole (新签约的14个项目中，…占了一半以上), the
    share is of that whole, not of any larger amount the passage lists."""
    stated = [m for m in quantities(c) if m.unit and m.unit not in _CALENDAR + ("%",) and not m.ordinal]
    counts = [t for t in theirs if (t.exact or t.bound == "more") and not t.ordinal and t.unit
              and t.unit not in _CALENDAR + ("%",)
              and (_spoken_of(c, t, p, theirs) or any(m.unit == t.unit and compatible(m, t) for m in stated))]
    counts += [m for m in stated if m.exact and not any(compatible(m, t) for t in counts)]  # a total it derived
    sharer = re.search(r"([\u4e00-\u9fff]{2,12})占", c[_clause_start(c, q.start):q.start])
    part = _amount_named(sharer[1], p, theirs) if sharer else None  # 智能家居项目占…: the share is its amount's
    for a, b in itertools.permutations(counts, 2):  # stated by the claim, or spoken of; 1200余家 as 1200
        whole = [m for m in stated if m.unit == b.unit]
        if a.unit == b.unit and 0 < a.lo < b.lo and (not whole or any(compatible(m, b) for m in whole)) \
                and (part is None or part.unit != a.unit or compatible(a, part)):
            share = 100 * a.lo / b.lo
            if (abs(share - q.lo) <= 0.5) if q.exact else compatible(q, replace(q, lo=share, hi=share, bound="")):
                return True
    return False


def _share_of_rest(c: str, q: Quantity, p: str, theirs: list[Quantity]) -> bool:
    """男性不到三成 where the passage says 其中女性…占比超过七成: the rest's share, bounded the other way,
    said of the rest by name (the opposite of the passage's part: lang.toml opposite_morphemes) or
    as the rest (其余, 其他: rest_words)."""
    def stated(x: Quantity) -> float:
        return x.hi if x.bound == "less" else x.lo
    clause = c[_clause_start(c, q.start):q.start]
    for t in theirs:
        if t.unit != "%" or {q.bound, t.bound} not in ({"more", "less"}, {""}) or abs(stated(q) + stated(t) - 100) > 0.5:
            continue
        theirs_clause = p[_clause_start(p, t.start):t.start]
        rest = any(w in clause for w in lang.words("quantities", "rest_words")) or any(
            w.replace(a, b) in theirs_clause for a, b in _opposites() for w in re.findall(rf"{a}[\u4e00-\u9fff]", clause))
        if rest:
            return True
    return False


def _opposites() -> list[tuple[str, str]]:
    pairs = lang.data()["claims"]["opposite_morphemes"]
    return [(a, b) for a, b in pairs] + [(b, a) for a, b in pairs]


_LIST_SEPARATOR = re.compile(r"[、]")
_LAST_JOIN = re.compile(r"以及|及|和|与|跟")


_LIST = re.compile(r"[^、，。；：,;:！？\s]{1,16}(?:、[^、，。；：,;:！？\s]{1,16})+")


def _division(passage: str) -> list[tuple[str, str]]:
    """(party, task) of a quoted division of labour (“无锡招商、会理服务”, “临港研发+德阳制造”,
    “研发在成都、生产在德格”): each part of four to six characters, the task its last two (or what
    stands before 在)."""
    out = []
    for quote in re.findall(r"[“「]([^”」]{8,40})[”」]", passage):
        parts = re.split(r"[、+＋，,；]", quote)
        pairs = [(m[2], m[1]) if (m := re.fullmatch(r"([\u4e00-\u9fff]{2})在([\u4e00-\u9fff]{2,4})", x))
                 else (x[:-2], x[-2:]) for x in parts if re.fullmatch(r"[\u4e00-\u9fff]{4,6}", x)]
        if len(pairs) >= 2 and len({a for a, _ in pairs}) == len(pairs) and len({t for _, t in pairs}) == len(pairs):
            out += pairs
    return out


def _division_reasons(c: str, passage: str) -> list[str]:
    """A task the passage's division of labour gives one party, given by the claim to another of them
    (由会理负责招商 where the passage says “无锡招商、会理服务”)."""
    pairs = _division(passage)
    for piece in re.split(r"[，。；、+＋]", c):
        for party, task in pairs:
            others = [a for a, _ in pairs if a != party and a in piece]
            if task in piece and others and party not in piece:
                return [f"资料中{task}是{party}的分工，不是{others[0]}的"]
    return []


def _extreme_listed(c: str, word: str, p: str) -> bool:
    """投资最多 said of the item whose amount is the largest of the passage's amounts in that unit
    (at least three listed): a superlative the passage's figures state without its word."""
    most = word in lang.words("claims", "superlatives_most")
    if not most and word not in lang.words("claims", "superlatives_least"):
        return False
    amounts = _listed(p, quantities(p))  # not 总投资11.5亿元
    names = [n for _, n in _designations(c) if n in p  # 投资最大的是某项目: a designation anywhere in the claim,
             and not re.match(r"里|中|内|当中|之中", c[c.find(n) + len(n):])]  # not the set ranked in (新签约项目里)
    for name in names + _named_before(c, word, p):
        for start in (m.start() for m in re.finditer(re.escape(name), p)):
            at = start + len(name)
            # its amount after it (铜箔项目，投资4.2亿元) or right before it (2 个现代物流项目)
            own = next((q for q in amounts if 0 <= q.start - at <= 12
                        or 0 <= start - q.end <= 2 and not p[q.end:start].strip()), None)
            peers = [q.lo for q in amounts if own and q.unit == own.unit and not q.ordinal]
            if own and len(peers) >= 3 and own.lo == (max(peers) if most else min(peers)):
                return True
    return False


def _named_before(c: str, word: str, p: str) -> list[str]:
    """The longest run of the passage's words right before a superlative in the claim (汽车零部件|类最多):
    what it ranks, where no designation names it."""
    at = c.find(word)
    lead = re.sub(rf"(?:{lang.pattern('claims', 'rank_suffixes').pattern})$", "", c[_clause_start(c, at):at])
    return [lead[i:] for i in range(len(lead) - 2) if lead[i:] in p][:1]


@lru_cache(maxsize=4096)
def _speeches(text: str) -> tuple[tuple[str, str], ...]:
    """(speaker, what they said) of each reported speech: the clause before a speech verb, and the
    text after it up to the next speaker's clause."""
    verbs = lang.pattern("claims", "speech_verbs").pattern
    # 某市则承诺在用地…: a second speaker set against the first (则, 也) needs no comma after the verb;
    # 某局负责人：坚持… (a bullet line): the colon after a person's title introduces their words
    spans = [m.span() for m in re.finditer(rf"(?:{verbs})[，：]|(?<=[则也])(?:{verbs})", text)]
    spans += [m.span(1) for m in _titled_colon().finditer(text)]
    found = [(a, b, _clause_start(text, a)) for a, b in sorted(spans)]
    return tuple((_subject(text[start:a])[0] or text[start:a],  # 梁某|在致辞中: the speaker
                  text[b:found[i + 1][2] if i + 1 < len(found) else len(text)]) for i, (a, b, start) in enumerate(found))


@lru_cache(maxsize=1)
def _titled_colon() -> re.Pattern:
    """The colon after a person's title (某局负责人：), which opens what they said."""
    return re.compile(rf"[^，。；：:]{{2}}(?:{lang.pattern('answer', 'person_titles').pattern})([：:])")


def _without_common_title(a: str, b: str) -> tuple[str, str]:
    """Two speakers without the title they share at the end (某局|负责人, 某区|负责人): who they are."""
    n = len(os.path.commonprefix([a[::-1], b[::-1]]))
    return a[:len(a) - n], b[:len(b) - n]


def _bodies_apart(a: str, b: str) -> tuple[str, str]:
    """Two offices without the place they share (德阳|经开区, 德阳市|经信局): which bodies they are."""
    n = len(os.path.commonprefix([a, b]))
    if n < 2:
        return a, b
    return re.sub(r"^[省市州县区]", "", a[n:]), re.sub(r"^[省市州县区]", "", b[n:])


def _one_body(a: str, b: str) -> bool:
    """经信局 and 经济和信息化局: the shorter name's characters, from its first, in order in the longer."""
    short, full = sorted((a, b), key=len)
    return bool(short) and short[0] == full[0] and lcs(short, full) == len(short)


def _deputy_reasons(c: str, p: str) -> list[str]:
    """局长 where the passage names only a 副局长 (or the reverse): a deputy is not the head."""
    titles = "|".join(map(re.escape, lang.words("answer", "person_titles")))
    out = []
    for title in dict.fromkeys(re.findall(rf"副([\u4e00-\u9fff]{{0,3}}?(?:{titles}))", p + c)):
        deputy = lambda text: {m.start() > 0 and text[m.start() - 1] == "副"  # noqa: E731
                               for m in re.finditer(re.escape(title), text)}
        mine, theirs = deputy(c), deputy(p)
        if not theirs and True in mine:
            out.append(f"资料未提及：副{title}")
        elif mine - theirs:
            out.append(f"职务与资料不符：资料为{'副' if True in theirs else ''}{title}")
    return out


def _speaker_reasons(c: str, p: str) -> list[str]:
    """What the passage has one speaker say, the claim gives to another: a speaker the passage does not
    have say it (某局负责人介绍，… where the passage's speaker is another), or one the passage quotes
    on something else (梁某表示，香港是超级联系人 / 某厅负责人介绍…)."""
    speakers = [(s, said) for s, said in _speeches(p) if len(s) >= 3]
    unhedged = lambda x: re.sub(r"(?:相关|有关)(?=负责人|人士)", "", x)  # noqa: E731  有关负责人 is 相关负责人
    for mine, what in _speeches(c):  # 某负责人介绍，… where the passage has another speaker say it
        fit = {s: len(_bigrams(what) & _bigrams(said)) for s, said in speakers}
        best = max(fit, key=fit.get, default="")
        who, theirs = _without_common_title(unhedged(mine), unhedged(best))
        body, other = _bodies_apart(who, theirs)
        if best and fit[best] >= 4 and len(body) >= 2 and not _bigrams(body) & _bigrams(other) \
                and not _names_item(mine, best) and not _one_body(who, theirs) and mine not in p:
            return [f"资料中这是{best}说的，不是{mine}"]
    if len(speakers) < 2:
        return []
    own = {s: _bigrams(s) - set().union(*(_bigrams(o) for o, _ in speakers if o != s)) for s, _ in speakers}
    for mine, what in _speeches(c):  # two speakers of the passage, each given the other's words
        match = [s for s, _ in speakers if len(own[s] & _bigrams(mine)) >= 2]
        fit = {s: len(_bigrams(what) & _bigrams(said)) for s, said in speakers}
        best = max(fit, key=fit.get)
        if len(match) == 1 and best != match[0] and fit[best] >= fit[match[0]] + SWAP_MARGIN:
            return [f"资料中这是{best}说的，不是{match[0]}"]
    named = [s for s, _ in speakers if len(own[s] & _bigrams(c)) >= 2]  # 负责人 names no one of two 负责人
    if len(named) != 1:
        return []
    # the whole claim, then each clause of it: one speaker's words run on with what the other said
    # (某区负责人表示，将推动…，并承诺提供保障 where 某市则承诺 the latter)
    for text in [c, *re.split(r"[，,；;]", c)]:
        words = _bigrams(text) - _bigrams(named[0])
        fit = {s: len(words & _bigrams(said)) for s, said in speakers}
        best = max(fit, key=fit.get)
        if best != named[0] and fit[best] >= fit[named[0]] + SWAP_MARGIN:
            return [f"资料中这是{best}说的，不是{named[0]}"]
    return []


def _list_reasons(c: str, p: str, title: str = "") -> list[str]:
    """Every item a claim enumerates (A、B和C) must be one the passage names: a list with one item put
    in place of another (唐卡 for 土陶) is not the passage's list, however much else it shares. Only the
    items between two separators are read whole; the first and last runs also hold the words around
    the list (围绕木雕, 藏香和铜器锻造等技艺), so of the last only what stands before its 和 is."""
    out = []
    for m in _LIST.finditer(c):
        runs = m.group().split("、")
        last = _LAST_JOIN.split(runs[-1], maxsplit=1)
        closing = [last[-1].split("等")[0]] if "等" in last[-1] else []  # 和农机装备等领域, 、白酒等特色农产品
        for item in runs[1:-1] + last[:-1] + closing:
            item = _COLLECTIVE.split(item.split("等")[0])[0]  # 邻水、渝北两地共同管理: the count closes the list
            if len(item) >= 2 and not quantities(item) and not _names_item(item, p + title) \
                    and not _spelled_out(item, p + title):  # 项目八个: a count
                out.append(f"资料未提及：{item}")
        out += _last_item_reasons(runs[1:-1] + last[:-1], _clause_rest(c, m), p, runs[0])
    return out


def _spelled_out(item: str, text: str) -> bool:
    """An item a slogan's terse form states with a verb put in (会理负责服务 for 会理服务): the item
    without that one verb is the passage's. A negation is no such verb (会理不服务)."""
    return any(w.tag == "v" and len(w.text) >= 2 and not _negated(w.text) and item.replace(w.text, "", 1) in text
               and 0 < item.find(w.text) < len(item) - len(w.text) for w in tag(item))  # between its doer and its act


_COLLECTIVE = re.compile(r"(?<=..)(?:[两二三四五六七八九十]|双)(?:地|方|国|省|市|县|区|岸|城)")


def _pair_reasons(c: str, p: str) -> list[str]:
    """A和B where the passage says A'和B: the item before the join was replaced (整机制造和航材分销 for
    零部件再制造和航材分销). The two items are aligned character by character; a noun put in place of
    the passage's words that the passage never uses is the swap (a reworded item keeps its nouns)."""
    for m in re.finditer(r"(?:和|与|及|以及)([^，。；、和与及]{3,})", c):
        at = p.find(m[0])
        if at < 0:
            continue
        mine = re.split(r"[，。；：、]", c[:m.start()])[-1]
        theirs = re.split(r"[，。；：、]", p[:at])[-1]
        for op, a, b, i, j in SequenceMatcher(None, mine, theirs, autojunk=False).get_opcodes():
            if op != "replace" or a < 2 or not 2 <= len(mine) - b <= 4 or _JOINED.search(theirs[i:j]):
                continue  # a swap stands between words both share, inside the item the join closes (no join in it)
            new = [w.text for w in tag(mine[a:b]) if w.tag in ("n", "nz") and len(w.text) >= 2 and w.text not in p]
            if new:
                return [f"资料所列的项中没有：{mine[max(0, a - 3):b + 2]}"]
    return []


def _clause_rest(text: str, m: re.Match) -> str:
    """What follows a list's last join up to the clause's end (the list pattern reads at most 16
    characters of a run: 东西部协作展区和农业科技展区四大板块 is longer)."""
    end = re.compile(r"[，。；：,;:！？]|$").search(text, m.end()).start()
    return _LAST_JOIN.split(text[m.start():end].split("、")[-1], maxsplit=1)[-1]


_ITEM_END = re.compile(r"等|的|这|那|\d|[一二两三四五六七八九十百千万]")  # what closes a list's last item


def _last_item_reasons(items: list[str], tail: str, p: str, first: str = "") -> list[str]:
    """The item after a list's 和 is read against the passage's list of the same items, from which it
    is cut by what both say after it (…和农业科技展区四大板块 against …和预制菜展区四大板块): an item
    the passage's list lacks was put in (or in place of one), though the passage may name it elsewhere."""
    for m in _LIST.finditer(p):
        theirs = m.group()
        shared = sum(len(x) >= 2 and x in theirs for x in items)
        opens_alike = len(os.path.commonprefix([first[::-1], theirs.split("、")[0][::-1]])) >= 2  # 分别是算力产业、
        if shared + opens_alike < 2:
            continue
        if not _LAST_JOIN.search(theirs.split("、")[-1]):  # 木雕、土陶、藏香、铜器锻造等: closed by 等, not 和
            mine = _ITEM_END.split(tail)[0]  # 唐卡这几样
            words = tag(mine)
            if len(mine) >= 2 and words and all(w.tag in _NOUNS for w in words) and not _names_item(mine, p):
                return [f"资料所列的项中没有：{mine}"]
            continue
        rest = _clause_rest(p, m)
        common = len(os.path.commonprefix([tail[::-1], rest[::-1]]))
        mine = _ITEM_END.split(tail[:len(tail) - common])[0]  # 物流等四个领域
        their_item = rest[:len(rest) - common]
        if common >= 2 and len(mine) >= 2 and mine not in theirs and not _contracted(mine, theirs) \
                and not _LAST_JOIN.search(mine) \
                and not (their_item and their_item in mine) \
                and len(os.path.commonprefix([mine, their_item])) < 2:  # 人才引进上提供 for 人才引进方面给予
            return [f"资料所列的项中没有：{mine}"]
        words = tag(mine)
        if common < 2 and tail == mine and words and all(w.tag in _NOUNS for w in words) \
                and not _names_item(words[0].text, p):  # the list closes its clause with an item named nowhere
            return [f"资料所列的项中没有：{mine}"]
    return []


_ONE_OF = re.compile(r"^(?:[一两二三四五六七八九十]|\d+)[个家项所座条名位]")  # 一个智能门锁生产项目 for 一家…


def _names_item(item: str, text: str) -> bool:
    """The item verbatim or contracted (汽车零部件 for 新能源汽车零部件, 农博会 for 农产品博览会)."""
    item = _ONE_OF.sub("", item)
    return item in text or _contracted(item, text) or _province_list(item, text)


def _counts_listed(c: str, q: Quantity, p: str, theirs: list[Quantity]) -> bool:
    """三类 after 挂面、饼干和酒: a count of the items the claim lists right before it, each of which
    the passage names, unless the passage counts the same noun otherwise (四类产品: one was left out).
    The last two items may be joined by 和/及/与, which names also hold (经济和信息化厅), so the
    list is read both ways and either may give the count."""
    n = q.lo
    if q.unit not in lang.words("quantities", "count_classifiers") or q.strict or n != int(n) or not 2 <= n <= 12:
        return False  # 三类, and 至少四个 (a floor): the items listed are that many
    if any(t.unit == q.unit and _counted(p, t) == _counted(c, q) for t in theirs):
        return False
    before = re.sub(r"(?:这|这些)$", "", c[_clause_start(c, q.start):q.start])  # A、B和C这三个方面
    for listed in _readings(_LIST_SEPARATOR.split(before)):
        if len(listed) < n:
            continue
        counted = listed[-int(n):]
        head = next((counted[0][i:] for i in range(len(counted[0]) - 1) if counted[0][i:] in p), "")
        if len(listed) == n and head and all(len(x) >= 2 and x in p for x in counted[1:]):
            return _none_left_out([head, *counted[1:]], p, apart_ok=False)
    return False


def _none_left_out(items: list[str], p: str, apart_ok: bool = True) -> bool:
    """The passage lists these items and no more: 纺织服装、鞋帽箱包和电子组装 is three, and no item
    stands before the first or after the last. Items the passage names apart (汽车零部件项目 8 个、
    智能家居项目 4 个) hold when `apart_ok`: there is no list of them to count against."""
    start, end = p.find(items[0]), p.find(items[-1]) + len(items[-1])
    if apart_ok and (start < 0 or end < start or re.search(r"[，。；：]", p[start:end])):
        return True
    whole = not (p[end:].startswith("、") or _LAST_JOIN.match(p, end)) and not p[:start].endswith("、")
    if apart_ok:  # 挂面、饼干和酒 for 青稞挂面、青稞饼干和青稞酒: the passage's list read both ways
        return whole and any(len(r) == len(items) for r in _readings(_LIST_SEPARATOR.split(p[start:end])))
    inner = p[start:end - len(items[-1])]
    joined = any(m.end() == len(inner) for m in _LAST_JOIN.finditer(inner))
    return whole and inner.count("、") + 1 + joined == len(items)


# 即A和B, 分别是A、B, 分别生产A、B, 包括, 三类：A、B和C (also where the clauses were joined at the colon: 三类，A、B和C)
_NAMED_NEXT = re.compile(r"[^。；：:]{0,16}?(?:，?(?:即|分别(?:是|为|[\u4e00-\u9fff]{1,2}(?=[^，。]{2,}、))|包括|[：:])"
                         r"|，(?=[^，。；]{1,16}、))")


def _counts_named_next(c: str, q: Quantity, p: str) -> bool:
    """两个 before …，即A和B: a count of the items the claim names right after it, each one the passage's."""
    n, m = q.lo, _NAMED_NEXT.match(c, q.end)
    if not m or q.unit not in lang.words("quantities", "count_classifiers") or q.strict or n != int(n) or n < 2:
        return False
    some = "中" in c[_clause_start(c, q.start):q.start]  # 5个项目中有两个…，即A和B: a selection, not the whole list
    nouns = _count_nouns(c, q)  # 展区共有两个 where the passage has 三个展区: the passage counts them otherwise
    if not some and any(units_match(t.unit, q.unit) and t.lo != n and nouns & _count_nouns(p, t) for t in quantities(p)):
        return False
    return any(len(r) == n and all(x and (x in p or _contracted(x, p)) for x in r) and (some or _none_left_out(r, p))
               for r in _readings(_LIST_SEPARATOR.split(re.split(r"[。；，]", c[m.end():])[0])))


def _readings(items: list[str]) -> list[list[str]]:
    """A list with its last item split at each 和/及/与, and as written where the item is a body's
    name, which may hold the join (经济和信息化厅); a join elsewhere is the list's last one
    (电池回收和储能系统集成 is two items)."""
    last = items[-1]
    split = [items[:-1] + [last[:m.start()], last[m.end():]] for m in _LAST_JOIN.finditer(last)]
    bodies = tuple(lang.words("answer", "org_suffixes"))
    return split if split and not last.endswith(bodies) else [items] + split


def _counts_people(c: str, q: Quantity, p: str) -> bool:
    """两人 after 刘某与泽某签署…: the people the claim has named before it, each of whom the passage names."""
    if q.unit not in ("人", "位", "名") or not q.exact or not 2 <= q.lo <= 5:
        return False
    named = {w.text for w in tag(c[:q.start]) if w.tag == "PER" and w.text in p}
    return len(named) == q.lo


_CALENDAR = ("年", "月", "日")  # a date is said of the whole clause, not of one word in it
SWAP_MARGIN = 3  # character pairs by which another amount's words must beat the matching amount's


def _said_of(text: str, q: Quantity, others: list[Quantity], reach: int = 10**6, ends: str = "。；！？\n") -> set[str]:
    """The character pairs of what a quantity is said of: the text before it back to the sentence start
    or the previous quantity (锂电铜箔项目,计划投资|38亿元; 电池回收项目投资|16亿元), at most `reach` long."""
    lo = max((m.end() for m in re.finditer(f"[{ends}]", text[:q.start])), default=0)
    lo = max([lo] + [_attributed(text, o.end) for o in others if lo <= o.end <= q.start])
    said = text[lo:q.start][-reach:] + text[q.end:_attributed(text, q.end)]
    return _bigrams(re.sub(r"\W", "", said))


_ATTRIBUTE = re.compile(r"的[\u4e00-\u9fff]{1,8}?(?=[，。；、！？\n]|$)")


def _attributed(text: str, end: int) -> int:
    """Where a quantity's noun phrase ends: 100兆瓦|的光伏电站 — an amount before 的 qualifies the noun after
    it, so that noun is what the amount is said of, not what the next amount is."""
    m = _ATTRIBUTE.match(text, end)
    return m.end() if m else end


_NOUNS = ("n", "nz", "nw", "vn", "LOC", "ORG", "j")


def _noun_run(text: str, backwards: bool = False, localizers: bool = False) -> str:
    """The nouns at the start of `text` (or, backwards, at its end), at most 8 characters; with
    `localizers`, 上 and 内 may join them (链上企业)."""
    words = [w for w in tag(text) if not w.text.isspace()]
    kinds = _NOUNS + ("f",) if localizers else _NOUNS
    out = ""
    for w in reversed(words) if backwards else words:
        joined = w.text + out if backwards else out + w.text
        if w.tag not in kinds or len(joined) > 8 or not (
                text.rstrip().endswith(joined) if backwards else text.lstrip().startswith(joined)):
            break
        out = joined
    return out


def _count_nouns(text: str, q: Quantity) -> set[str]:
    """What a count counts: the noun or nouns after its classifier (21个|区县|组团, 2个|现代物流项目), or
    the nouns right before its number (参展企业|860家)."""
    after = text[q.end:q.end + 10]
    before = _COPULA_END.sub("", text[max(0, q.start - 12):q.start])  # 参展的企业|有|一千二百家: the subject counted
    return {n for n in (_counted(text, q), _noun_run(after), _noun_run(before, True))
            if len(n) >= 2 and tag(n)[0].tag in _NOUNS}


_COPULA_END = re.compile(r"(?:总共|一共|共计|累计|共|总计)?(?:有|是|为|达到|达)$")


def _said_of_another(c: str, q: Quantity, mine: list[Quantity], p: str, theirs: list[Quantity],
                     matches: list[Quantity]) -> bool:
    """The claim puts the amount with words the passage gives to a different amount: of the same unit
    (a swap between two projects, or between 规划产能 and 链上企业), or, right before it, of another
    unit (投资1800户 where 投资 goes with 3.5亿元 and 1800户 with 带动)."""
    others = [t for t in theirs if not compatible(q, t) and not t.ordinal and t.unit not in _CALENDAR]
    same = [t for t in others if t.unit == q.unit]
    for rivals, reach, margin in ((same, 10**6, SWAP_MARGIN), ([t for t in others if t not in same], VERB_REACH, 1)):
        # 另有|2个: what the clause says it of, or where the clause says nothing else, the sentence
        words = _said_of(c, q, mine, reach, "，。；！？\n") or _said_of(c, q, mine, reach)
        fit = lambda t: len(words & _said_of(p, t, theirs, reach))  # noqa: E731
        if rivals and max(map(fit, rivals)) >= max(map(fit, matches)) + margin:
            return True
    return False


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[^。；！？\n]+[。；！？\n]?", text)]


def _acted_elsewhere(c: str, q: Quantity, p: str, theirs: list[Quantity], matches: list[Quantity]) -> bool:
    """120多家企业现场签约 where 120余家企业 参会 and 签约 is said in another sentence, with its own amount
    (现场签约项目23个): the verb next to the claim's amount is the other sentence's act. A verb after a
    count that qualifies a noun (约60人的代表团抵达) is the noun's; one sharing a character with the
    amount's own sentence (签署 for 签约) is read as a paraphrase of it, and one before 的 (以汽配为主的|14个
    项目) says what the items are."""
    if len(matches) != 1:
        return False
    sentences = _sentence_spans(p)
    home = next((p[a:b] for a, b in sentences if a <= matches[0].start < b), "")
    light = set(lang.words("claims", "amount_verbs"))
    for w in tag(c):
        before, after = 0 <= q.start - w.end <= 4, 0 <= w.start - q.end <= 6
        between = c[min(w.start, q.start):max(w.end, q.end)]
        if w.tag != "v" or len(w.text) < 2 or w.text in light or not (before or after) \
                or re.search(r"[，。；]", between) or (after and "的" in c[q.end:w.start]) \
                or (before and "的" in c[w.end:q.start]) \
                or any(ch in home for ch in w.text):
            continue
        if any(w.text in p[a:b] and p[a:b] != home and any(a <= t.start < b for t in theirs if t.unit not in _CALENDAR)
               for a, b in sentences):
            return True
    return False


VERB_REACH = 2  # characters right before an amount that say what it counts (投资, 带动)


def _counted(text: str, q: Quantity) -> str:
    """The noun a count is of: the word right after its classifier (21个|区县)."""
    words = _words(text[q.end:q.end + 8])
    return words[0] if words and re.fullmatch(r"[\u4e00-\u9fff]{1,4}", words[0]) else ""


def _counts_the_same(c: str, q: Quantity, p: str, matches: list[Quantity]) -> bool:
    """还有4个智能家居项目和2个现代物流项目: a count followed by the noun the passage's count is of
    (2个现代物流项目, or 标准厂房18万平方米 with the noun before it) is of that noun, whatever stands
    before it in the claim."""
    noun = _counted(c, q)
    # or the noun the passage names right before its amount (标准厂房18万平方米 for 18万平方米标准厂房)
    if len(noun) >= 2 and any(_counted(p, t) == noun or noun in p[max(0, t.start - 8):t.start] for t in matches):
        return True
    phrase = re.match(r"[\u4e00-\u9fff]{3,8}", c[q.end:])  # 16家|非无锡企业 for 非无锡企业16家: the words themselves,
    words = phrase.group() if phrase else ""  # or the first of them (14个|新签约项目|协议投资…)
    return any(p[:t.start].rstrip().endswith(words[:n]) for n in range(len(words), 2, -1) for t in matches)


def _counts_another(c: str, q: Quantity, p: str, theirs: list[Quantity], matches: list[Quantity]) -> bool:
    """21个区县 where the passage counts 21个市(州) and 38个区县, 超过八百家企业 where it has 展位900个 and
    参展企业620家: the number moved to the other noun."""
    if q.unit not in lang.words("quantities", "count_classifiers"):
        return False
    nouns = _count_nouns(c, q)  # 1200余家|来自…: a verb after the count says nothing of what it counts

    def counts(t: Quantity) -> bool:  # 物流项目 is counted where the passage counts 现代物流项目
        return any(a.endswith(b) or b.endswith(a) for a in nouns for b in _count_nouns(p, t))

    if not nouns or any(map(counts, matches)):
        return False
    return any(units_match(t.unit, q.unit) and not compatible(q, t) and counts(t) for t in theirs)


def _measure_moved(c: str, q: Quantity, p: str, matches: list[Quantity]) -> bool:
    """28万平方米的职工宿舍 where the passage has 标准厂房28万平方米 and lists 职工宿舍 among other things
    with no amount: the claim's amount qualifies another item, and the passage's own noun is gone."""
    m = re.match(r"的([\u4e00-\u9fff]{2,8})", c[q.end:])
    noun = _noun_run(m[1]) if m else ""
    listed = re.search(rf"[、和及与]{re.escape(noun)}|{re.escape(noun)}[、和及与]", p) if len(noun) >= 2 else None
    if not listed:
        return False  # only an item the passage lists among others (宿舍、食堂和…) is another thing for sure
    theirs = set().union(*(_count_nouns(p, t) for t in matches))
    mine = _bigrams(c[_clause_start(c, q.start):q.start])
    return bool(theirs) and not any(n in c or noun in n or n in noun or _bigrams(n) & mine for n in theirs)


def _narrowed_to_another(c: str, q: Quantity, p: str, matches: list[Quantity]) -> bool:
    """无锡企业27家 where the passage has 企业27家，其中来自无锡的企业11家; 规上食品企业30家 where it has
    配套企业30家 and 规上食品企业 only of revenue: the claim's count keeps its noun but takes a modifier the
    passage gives that noun elsewhere, never beside this count."""
    if q.unit not in lang.words("quantities", "count_classifiers"):
        return False
    nouns, theirs = _count_nouns(c, q), [(t, _count_nouns(p, t)) for t in matches]
    if any(b.endswith(a) for _, bs in theirs for b in bs for a in nouns):
        return False  # one of the passage's counts is said of the claim's noun itself (签约项目23个)
    for t, bs in theirs:
        window = p[max(0, t.start - 12):t.start]
        for a in nouns:
            for b in bs:
                head = os.path.commonprefix([a[::-1], b[::-1]])[::-1]
                mod = a[:len(a) - len(head)]
                if len(head) < 2 or len(mod) < 2 or mod in window:
                    continue
                elsewhere = [m.start() for m in re.finditer(rf"{re.escape(mod)}[\u4e00-\u9fff]{{0,2}}的?{re.escape(head)}", p)]
                if elsewhere and all(not t.start - 12 <= at <= t.start for at in elsewhere):
                    return True
    return False


def _entities(text: str) -> list[str]:
    """Named entities, with the office after a government's name joined to it (澳门特区政府|运输|工务|
    及|房屋局: the tagger reads a name and nouns) when the run of nouns ends as an office does
    (lang.toml org_suffixes)."""
    words, out, skip = tag(text), [], 0
    for i, w in enumerate(words):
        if i < skip:
            continue
        if w.tag in NAMED and len(w.text) >= 2 and not re.fullmatch(r"[\d.%]+", w.text):
            end = _office_end(words, i) if w.tag == ORG else i
            out.append("".join(x.text for x in words[i:end + 1]))
            skip = end + 1
    return out


def _office_end(words, i: int) -> int:
    """The last word of an office named after the organisation at `i`, or `i` itself."""
    suffixes, end, length = tuple(lang.words("answer", "org_suffixes")), i, 0
    for j in range(i + 1, min(len(words), i + 6)):
        w = words[j]
        length += len(w.text)
        if length > 12 or not (w.tag in ("n", "vn", "nz") or w.text in ("及", "和", "与")):
            break
        if w.tag in ("n", "vn") and w.text.endswith(suffixes) and length >= 4:
            end = j
    return end


def _entity_reasons(p: str, c: str, p_spans: list[tuple[int, int]], title: str = "") -> list[str]:
    out = []
    for e in dict.fromkeys(_entities(c)):
        if _compass_part(e, p) and not _compass_part(e, c):
            out.append(f"地点与资料不符：资料为{p[p.index(e) - 1]}{e}")
            continue
        if _written(e, p, c, title):
            continue
        best = max((lcs(e, p[lo:hi]) for lo, hi in p_spans), default=0)
        if best < ENTITY_MATCH * len(e) or not _shares_run(e, p):
            out.append(f"资料未提及：{e}")
    # a headline dates too, unless the passage gives its facts a period of its own (今年1至2月)
    dating = title if not (_times(p) or _MONTH_RANGE.search(p)) else ""
    out += [f"时间与资料不符：{t}" for t in _times(c)
            if t not in _times(p) + _times(dating) and not _dated_within(t, c, p + dating)]
    out += _affiliation_reasons(p, c)
    return out


def _written(e: str, p: str, c: str, title: str = "") -> bool:
    """The passage (or its title) names `e`, in full, short, contracted, by a nickname or as a pair,
    or with another word for a business after the same place (四川公司 for 四川企业)."""
    bodies = lang.words("claims", "generic_bodies")
    stem = next((e[:-len(b)] for b in bodies if e.endswith(b)), "")
    return len(stem) >= 2 and any(stem + b in p + title for b in bodies) or e in p or e in title \
        or _abbreviates(e, p, c) or _short_form(e, p) or _expands(e, p) or _shortens(e, p) \
        or _contracted(e, p + title) or _written_out(e, p + title) or _shortens(e, title) \
        or _of_subject(e, p, title) or _nickname(e, p + title) or _province_word(e, p) or _province_list(e, p) \
        or len(e) > 2 and e.endswith("类") and e[:-1] in p + title  # 智能家居类: the kind the passage names


def _compass_part(e: str, text: str) -> bool:
    """南亚 where the text says only 东南亚, 北非 where it says 西北非: a region named by a compass point
    is another region with a second point before it."""
    compass = "东西南北"
    found = [m.start() for m in re.finditer(re.escape(e), text)]
    return e[:1] in compass and bool(found) and all(i > 0 and text[i - 1] in compass for i in found)


def _nickname(e: str, text: str) -> bool:
    """A city's literary name for the city `text` names (蓉城 for 成都; lang.toml place_nicknames)."""
    city = _nicknames().get(e)
    return bool(city) and city in text


@lru_cache(maxsize=1)
def _nicknames() -> dict[str, str]:
    return dict(lang.data()["claims"]["place_nicknames"])


_DATE = re.compile(r"(?:(\d{1,2})月)?(\d{1,2})日")
_MONTH = re.compile(r"(?<![至到\-—－~])(?<!\d)(\d{1,2})月(?![至到\-—－~]\d)")  # a month, not the end of a span (1至2月)


def _dated_within(period: str, c: str, text: str) -> bool:
    """3月上旬 where the passage says 3月8日, 一季度 where it says 2月: a date in the part of the month
    or year the claim names (lang.toml period_days, period_months), in the month the claim names."""
    claims = lang.data()["claims"]
    if period in claims["period_days"]:
        lo, hi = claims["period_days"][period]
        month = re.search(rf"(\d{{1,2}})月{period}", c)
        return any(lo <= int(m[2]) <= hi and (not month or m[1] == month[1]) for m in _DATE.finditer(text))
    if period in claims["period_months"]:
        lo, hi = claims["period_months"][period]
        return any(lo <= int(m[1]) <= hi for m in _MONTH.finditer(text))
    return False


def _of_subject(e: str, p: str, title: str) -> bool:
    """邻渝协作产业园管理委员会 where the title or the passage names 邻渝协作产业园 and the passage says 园区管理委员会:
    the article's subject, which the passage calls by a generic word (lang.toml subject_anaphors),
    with a part of it the passage names. The title may name it in more words (锡会产业园 in 锡会共建
    产业园). 遂宁经济技术开发区 for 射洪经济技术开发区 is no such thing."""
    return any((lcs(e[:i], title) == i or e[:i] in p) and a + e[i:] in p and set(a) & set(e[i - 2:i])
               for i in range(2, len(e) - 1) for a in lang.words("claims", "subject_anaphors"))


_DATED = re.compile(r"\d+月\d+日|\d+日[，,]")  # a report of the day: 5月11日…, 11日，…


def _event_reasons(part: str, p: str, claim: str = "") -> list[str]:
    """An event a claim clause reports as done (已签订, 签署了) must be one the passage reports, in any
    word of its kind: 签订 holds for 签署, not for 洽谈. Words, not substrings (组建成渝 builds no 建成).
    A claim that reads as a report of the day (7月1日…正式开工, 3月18日…宣告竣工) reports its bare event
    verbs as done, as a passage's are read (`_polarity_reasons`), unless it plans or denies them."""
    reported = not _planned(part) and not _negated(_masked(part)) and bool(
        _DATED.search(claim) or lang.pattern("claims", "reported").search(part))
    if not (_done(part) or reported):
        return []
    groups, out = lang.data()["claims"]["event_groups"], []
    events = {w for group in groups for w in group}
    words = set(_words(part))
    words |= {half for w in words if len(w) == 4 and w[:2] in events and w[2:] in events for half in (w[:2], w[2:])}
    for group in groups:  # two-character words as words (建成投产 as two), longer as text
        said = [w for w in group if (w in words if len(w) <= 2 else w in part)]
        if said and not any(w in p for w in group):
            out.append(f"资料未提及：{said[0]}")
    return out


def _event_swapped(part: str, restated: str) -> list[str]:
    """The passage clause a claim clause restates reports another kind of event in the same place, after
    the same words (到正式开工仅用47天 ← 到正式签约仅用时47天): the claim's event is said of something
    else, even where the passage names it elsewhere (确保项目早开工)."""
    groups = lang.data()["claims"]["event_groups"]

    def slots(text: str, group: list[str]) -> set[str]:  # the two characters before each of the group's words
        return {text[m.start() - 2:m.start()] for w in group for m in re.finditer(re.escape(w), text)
                if m.start() >= 2 and _HAN_PAIR.fullmatch(text[m.start() - 2:m.start()])}

    for mine in (g for g in groups if not any(w in restated for w in g)):
        for theirs in (g for g in groups if g is not mine and not any(w in part for w in g)):
            if slots(part, mine) & slots(restated, theirs):
                said = next(w for w in mine if w in part)
                return [f"事件与资料不符：{said}（资料为{next(w for w in theirs if w in restated)}）"]
    return []


_DAY = re.compile(r"\d{1,2}月\d{1,2}日|(?<!月)\d{1,2}日")


def _opposite_event(part: str, sentence: str, claim: str = "") -> list[str]:
    """An opening on the day the passage closes the event (9月29日开幕 ← 9月29日落下帷幕), or the reverse;
    an arrival for a departure (lang.toml opposite_events). A day the claim counts from the passage's
    (9月26日开幕 from 为期四天…9月29日落幕) is another day. The day may open the claim in a clause of its own."""
    days = set(_DAY.findall(part)) or set(_DAY.findall(claim))
    for mine, theirs in ((a, b) for one, other in lang.data()["claims"]["opposite_events"]
                         for a, b in ((one, other), (other, one))):
        said = next((w for w in mine if w in part), "")
        if said and days and any(w in sentence for w in theirs) and not any(w in sentence for w in mine) \
                and days <= set(_DAY.findall(sentence)):
            return [f"事件与资料不符：{said}（资料为{next(w for w in theirs if w in sentence)}）"]
    return []


def _kind_swapped(part: str, restated: str, p: str) -> list[str]:
    """A kind of facility or party, or a way of coming by a site, that the passage never names, where
    the clause the claim restates names one of another kind (在喀什设立的研发中心 ← 在喀什设立的生产基地,
    组织高校 ← 组织企业, 租用 ← 投资建设, 资本密集型 ← 劳动密集型; lang.toml facility_groups, party_groups,
    means_groups, trait_groups)."""
    claims = lang.data()["claims"]
    groups = claims["facility_groups"] + claims["party_groups"] + claims["means_groups"]
    said = [w for g in groups if not any(x in p for x in g) for w in g if w in part]
    instead = [w for g in groups if not any(x in part for x in g) for w in g if w in restated]
    if said and instead:
        return [f"资料未提及：{said[0]}（资料为{instead[0]}）"]
    for g in claims["trait_groups"]:  # one trait for another of its kind, the passage naming only the other
        mine, theirs = [w for w in g if w in part and w not in p], [w for w in g if w in restated and w not in part]
        if mine and theirs:
            return [f"资料未提及：{mine[0]}（资料为{theirs[0]}）"]
    return []


def _times(text: str) -> list[str]:
    """Parts of the year a claim names (上旬, 下半年, 一季度, 明年): each must be the passage's."""
    same = lang.data()["claims"]["same_period"]
    cuts = set(itertools.accumulate(len(w) for w in _words(text))) | {0}
    periods = lang.words("claims", "periods")  # on word boundaries: 达产后|年产值 holds no 后年, 3|月|中旬 no 月中
    found = [w for at in sorted(cuts) for w in periods if text.startswith(w, at) and at + len(w) in cuts]
    return list(dict.fromkeys(same.get(w, w) for w in found))


@lru_cache(maxsize=1)
def _place_short() -> dict[str, str]:
    return dict(lang.data()["claims"]["place_abbreviations"])


def _abbreviates(e: str, p: str, c: str = "") -> bool:
    """A short name made of one character of each of two longer ones the passage names (川渝: 四川 and
    重庆/渝北; 邻渝: 邻水 and 渝北): Chinese abbreviates pairs of places this way. The other way round,
    a province the claim names in full stands in the passage's pair by its one-character name
    (四川 and 重庆 for 川渝)."""
    short = _place_short()
    stands = lambda ch, name: ch in name or bool(short.get(ch)) and short[ch] in name  # noqa: E731  (渝: 重庆市经信委)
    if len(e) == 2:
        names = [w.text for w in tag(p) if w.tag in (PLACE, ORG) and len(w.text) >= 2]
        if any(stands(e[0], a) and stands(e[1], b) and a != b for a in names for b in names):
            return True
    # expanded, the pair is named whole (四川和重庆两地); one of it alone (在重庆举行) must be literal
    for m in re.finditer(rf"[{''.join(short)}]{{2,4}}", p):  # 川渝 粤港澳 京津冀
        named = {short[ch] for ch in m.group() if short[ch] in c}
        if e in named and len(named) >= 2:
            return True
    return False


def _expands(e: str, p: str) -> bool:
    """The claim writes out in full what the passage shortens: 德阳经济技术开发区 for 德阳经开区, 凉山彝族自治州
    for 凉山州 (the passage's name keeps the full one's first two and last characters, the rest in
    order), 深圳市 for 深圳 (an administrative suffix added), 渝两江新区 for 重庆市两江新区 (a province's
    one-character name)."""
    short = _place_short()
    if e[-1] in "市县区省州" and len(e) >= 3 and e[:-1] in p:
        return True
    if e[0] in short and len(e) >= 3:
        full = short[e[0]] + e[1:]
        if any(lcs(full, p[lo:hi]) == len(full) for lo, hi in clauses(p)):
            return True
    for m in re.finditer(re.escape(e[:2]), p):
        ends = (j for j in range(m.start() + 2, min(len(p), m.start() + len(e) - 1)) if p[j] == e[-1])
        if any(lcs(p[m.start():j + 1], e) == j + 1 - m.start() for j in ends):
            return True
    return False


def _shortens(e: str, p: str) -> bool:
    """香港商经局 for 香港特区政府商务及经济发展局: a name the passage gives, shortened the way Chinese
    shortens names (its first two and last characters kept, the rest a selection in order)."""
    return len(e) >= 3 and any(len(n) > len(e) + 1 and n[:2] == e[:2] and n[-1] == e[-1] and lcs(e, n) == len(e)
                               for n in _entities(p))


def _contracted(word: str, text: str) -> bool:
    """农博会 for 农产品博览会: a name contracted to some of its characters, in order, found within twice
    its length plus one (the way 人大, 农博会, 进博会 are made), its head perhaps in its everyday form (邻渝园区
    for 邻渝协作产业园: lang.toml head_variants). The gate asks it too (`gate.unmentioned`)."""
    return bool(full_form(word, text)) or any(word.endswith(long) and bool(full_form(word[:-len(long)] + short, text))
                                              for long, short in lang.data()["claims"]["head_variants"].items())


def full_form(word: str, text: str) -> str:
    """The name in `text` that `word` contracts (农产品博览会 for 农博会; see `_contracted`), or ""."""
    if len(word) < 2:
        return ""
    name = re.compile(re.escape(word[0]) + "".join(f"[^，。；！？、\\s]*?{re.escape(ch)}" for ch in word[1:]))
    # from every occurrence of the first character: the first one (锡会|产业园位于会理…) may reach too far
    matches = (name.match(text, at) for at, ch in enumerate(text) if ch == word[0])
    return next((m.group() for m in matches if m and len(m.group()) <= 2 * len(word) + 1), "")


def contracts(short: str, full: str) -> bool:
    """Is `short` the contraction Chinese makes of the name `full` (电商 of 电子商务, 农博会 of 农产品博览会,
    北大 of 北京大学): its first character and others in order, at least half its length, and a
    character of each of its words (北大 is not 北京交通大学, which is 北交大; 招商资管 drops 财富
    from 招商财富资管, so it is not that)."""
    from wenjin.index.tokens import plain_cutter

    return ((len(full) + 1) // 2 <= len(short) < len(full) and short[0] == full[0] and short not in full
            and lcs(short, full) == len(short) and all(set(part) & set(short) for part in plain_cutter().lcut(full)))


def _written_out(word: str, text: str) -> bool:
    """跨境电子商务 where the text says 跨境电商: the word in full, one of the text's words (the
    tagger's) its contraction."""
    return len(word) >= 4 and any(contracts(w.text, word) for w in tag(text))


def _province_list(e: str, p: str) -> bool:
    """四川、重庆、贵州 where the passage lists 川、渝、黔: a province named by its one character as a list item."""
    return any(full == e and re.search(rf"(?:^|[、，（(自在从由与和及])({ch})(?=[、等和及）)])", p)
               for ch, full in _place_short().items())


def _province_word(e: str, p: str) -> bool:
    """四川 where the passage says 川内 or 川企, and 港商 where it says 香港: a province in the
    one-character form news puts before 内/企/籍/资/商 (lang.toml province_words)."""
    short, after = _place_short(), lang.words("claims", "province_words")
    return any(f"{ch}{a}" in p for ch, full in short.items() if full == e for a in after) \
        or len(e) == 2 and e[1] in after and short.get(e[0], "\0") in p


def _short_form(e: str, p: str) -> bool:
    """The passage names it by the end of its name, as a word of its own: 新区 for 三江新区,
    综保区管委会 for 泸州综保区管委会 (a later mention in the article; 天府新区 is another place)."""
    return any(len(w.text) >= 2 and e.endswith(w.text) and w.text != e for w in tag(p) if w.tag in ("n", ORG, PLACE))


def _affiliation_reasons(p: str, c: str) -> list[str]:
    """A person the passage names, put under another place or organisation than there (武侯区区长X)."""
    out = []
    mine = tag(c)
    for i, w in enumerate(mine):
        if w.tag != PERSON or w.text not in p:
            continue
        claimed = next((x.text for x in reversed(mine[max(0, i - 3):i]) if x.tag in (PLACE, ORG)), None)
        theirs = tag(p)
        said = {next((x.text for x in reversed(theirs[max(0, j - 3):j]) if x.tag in (PLACE, ORG)), None)
                for j, v in enumerate(theirs) if v.text == w.text}
        if claimed and claimed in p and said - {None} and not any(s and (claimed in s or s in claimed) for s in said):
            out.append(f"{w.text}的所属与资料不符：{claimed}")
    return out


def _shares_run(entity: str, p: str) -> bool:
    """The entity's characters appear in the passage as runs of two or more, not scattered singly."""
    runs = [entity[i:i + 2] for i in range(len(entity) - 1)]
    return sum(r in p for r in runs) >= max(1, len(runs) // 2)


def _done(text: str) -> bool:
    """Said as done: 已/已经…, or a verb with the aspect particle 了 (建成了, 举行了) unless a future time
    says when (明年…就办了: 了 then marks the change to come)."""
    words = tag(text)
    marks, total = set(lang.words("claims", "done")), set(lang.words("claims", "cumulative"))
    plans, future = set(lang.words("claims", "plan_made")), set(lang.words("question", "future_times"))
    return any(w.text in marks or w.text in total or (len(w.text) <= 3 and w.text[:1] in marks) for w in words) or (
        not any(w.text in future for w in words) and any(  # 已有/已达: the tagger joins 已 to its verb
            a.tag == "v" and b.text == "了" and a.text not in plans for a, b in zip(words, words[1:])))


# a negation run together with an adverb (尚未, 并不, 概不), and one with a modal (不可, 无法, 不予)
_ADVERBS, _DENIALS = "[尚并毫从绝均皆都也仍还亦暂概]", "(?:不|未|没有?|无|非)"
_ADVERB_DENIAL = re.compile(_ADVERBS + _DENIALS)
_MODAL_DENIAL = re.compile(f"{_ADVERBS}?{_DENIALS}[可能得会用予再]?")


def _negated(text: str) -> bool:
    """The tagger finds a negation: a listed word (未, 不, 尚未…), one run together with an adverb
    (尚无, 并不), or a verb or adverb opening with one (不由, 未能); 无锡 and 非遗 are names, and
    “not only” (不仅, 并不只有) adds rather than denies, and two negations assert (并非没有)."""
    words = tag(lang.pattern("claims", "double_negations").sub("", text))
    for w, after in zip(words, [*words[1:], None]):
        not_only = lang.words("claims", "not_only")
        if w.text in not_only or (after and (after.text in set(lang.words("claims", "restrictives"))
                                             or (w.text + after.text).endswith(tuple(not_only)))):
            continue  # 也不|乏: the tagger splits 不乏 too
        if w.text == "非" and after and after.tag in (PLACE, ORG, "n", "nz", "vn"):
            continue  # 非无锡企业, 非农产业: a noun's prefix (non-), which denies nothing
        joined = w.text + (after.text if after else "")  # 难|有: the tagger splits a listed word in two
        if w.text in set(lang.words("claims", "negation")) or joined in set(lang.words("claims", "negation")) \
                or _ADVERB_DENIAL.fullmatch(w.text):
            return True
        if w.tag in ("v", "d") and w.text[:1] in "不未没无" and len(w.text) <= 3:
            return True
    return False


def _only_denied(claim: str, p: str) -> bool:
    """允许转让 where the passage says only 不可转让: a verb of the claim that every time the passage writes
    it comes right after a negation is denied there, whichever clause of the passage the claim shares
    most words with (门票 of 门票一经售出，不可转让). 未开工前 is a time, not a denial; 不断推进 denies nothing."""
    words = tag(p)
    for w in tag(claim):
        if w.tag not in ("v", "vn") or len(w.text) < 2:
            continue
        at = [i for i, x in enumerate(words) if x.text == w.text]
        if at and len(at) == p.count(w.text) and all(
                i > 0 and _denial(words[i - 1]) and not (i + 1 < len(words) and words[i + 1].text in ("前", "之前"))
                for i in at):
            return True
    return False


def _denial(w) -> bool:
    """Is this word a negation (不, 不可, 概不, 尚未), not an adverb that opens with one (不断, 不少)?"""
    if w.text in lang.words("claims", "not_denials"):
        return False
    return w.text in set(lang.words("claims", "negation")) or bool(
        _MODAL_DENIAL.fullmatch(w.text))


def _negated_positive(part: str, p: str) -> bool:
    """无一缺席 where the passage says 全部参展, 此前从未 where it says 首次: the negation restates a
    positive the passage gives (lang.toml negated_positives)."""
    return any(re.search(neg, part) and re.search(pos, p) for neg, pos in lang.data()["claims"]["negated_positives"])


def _not_yet(part: str, p: str, p_spans: list[tuple[int, int]]) -> bool:
    """尚未建成 / 还没有开工 where the passage says it is planned (计划…建成, 将…开工) and not done: a
    completion denied restates a plan."""
    verbs = lang.pattern("claims", "completion").pattern + "|" + lang.pattern("claims", "building").pattern
    m = re.search(rf"(?:{lang.pattern('claims', 'not_yet').pattern})([^，。；]{{0,3}})(?:{verbs})", part)
    if not m or lang.pattern("claims", "plan_proposed").search(m[1]) or lang.pattern("claims", "plan_made").search(m[1]):
        return False  # 尚未提出共建…的计划 denies the plan itself, not that it is carried out
    for said in dict.fromkeys((_best_clause(part[m.start():], p, p_spans), _best_clause(part, p, p_spans))):
        opening = p[p.rfind("。", 0, p.find(said)) + 1:p.find(said)]  # 计划投资…，在某地建设: 计划 covers both
        if (_planned(said) or _planned(opening)) and not _done(said):
            return True
    return False


def _double_negated_antonym(part: str, restated: str) -> bool:
    """并非不高 where the passage says 偏低: two negations assert the word, which the passage denies by
    its opposite."""
    for a, b in lang.data()["claims"]["antonyms"]:
        for x, y in ((a, b), (b, a)):
            if re.search(rf"(?:{lang.pattern('claims', 'double_negations').pattern})[^，。]{{0,2}}{x}", part) \
                    and y in restated:
                return True
    return False


def _negated_antonym(part: str, restated: str, sentence: str = "") -> bool:
    """不高 where the passage says 偏低: a negated gradable word restates its opposite, said in the
    clause restated or, graded (偏低, 较少), elsewhere in its sentence."""
    pairs = lang.data()["claims"]["antonyms"]
    for a, b in pairs:
        for x, y in ((a, b), (b, a)):
            if re.search(rf"(?:不|并不|没有|没)[^，。]{{0,2}}{x}", part) and (
                    y in restated or re.search(rf"(?:偏|较|很|太|过于|相对|比较){y}", sentence)):
                return True
    return False


def _masked(text: str) -> str:
    """`text` with its quantities blanked: 不低于5000万元 bounds a number, it negates nothing."""
    for q in quantities(text):  # by position: an idiom (一半) is read as another text of its length (五成)
        start = q.start
        if q.bound and (m := re.search(r"(?:并未|并没有|没有|没|未)$", text[:start])):
            start = m.start()  # 没有超过50天 denies the bound (≤ 50天, `_denied_bound`), not the clause
        text = text[:start] + " " * (q.end - start) + text[q.end:]
    return text


def _polarity_reasons(part: str, p: str, p_spans: list[tuple[int, int]], restated: str) -> list[str]:
    """Negation and modality of a claim clause against the passage clause that says the same thing:
    the one sharing most with the claim from its marker on (已建成中央厨房 ← 计划共同建设中央厨房)."""
    words, part, restated = part, _masked(part), _masked(restated)  # masked: numbers' own words (不到, 超过) are no markers
    masked_restated = restated
    part, restated = _shared_negations_blanked(part, restated)
    ranks = lang.pattern("claims", "negating_comparatives")  # A不及B ranks two things, it denies nothing
    part, restated = ranks.sub("  ", part), ranks.sub("  ", restated)
    out = []
    denies, denied = _negated(part), _only_denied(words, p)
    if _double_negated_antonym(part, restated) or (
            denies != _negated(restated) and not (denies and denied)
            and not _negated_antonym(part, restated, _sentence_of(restated, p))  # 附加值偏低 a clause on
            and not _negated_positive(words, p) and not _not_yet(words, p, p_spans)) \
            or denied and not _negated(words):
        out.append("否定与资料不一致")
    if _modality_clash(words, p, p_spans, masked_restated):
        out.append("已完成与计划中不一致")  # 计划…建成投产 where the passage reports it built
    return out


def _modality_clash(words: str, p: str, p_spans: list[tuple[int, int]], restated: str) -> bool:
    """A plan reported as done, or the reverse, against the passage clause the claim's marker
    restates. Where the clause holds both a done and a plan marker (首期已有5家企业确定入驻两市拟共建的
    园区), each is read over its own stretch: the plan is the park's, the done the firms'."""
    plan_at, done_at = lang.pattern("claims", "planned").search(words), lang.pattern("claims", "done").search(words)
    if plan_at and done_at and plan_at.start() != done_at.start():
        cut = max(plan_at.start(), done_at.start())
        return any(_modality_clash(stretch, p, p_spans, restated) for stretch in (words[:cut], words[cut:]))
    part, _ = _shared_negations_blanked(_masked(words), restated)
    part = lang.pattern("claims", "negating_comparatives").sub("  ", part)
    marker = plan_at or done_at
    said = _best_clause(words[marker.start():] if marker else words, p, p_spans)
    opening = p[p.rfind("。", 0, p.find(said)) + 1:p.find(said)]  # 计划投资5.8亿元，在龚垭乡建设…: 计划 covers both
    said = _masked(said)
    planned, done = _planned(part), _done(part)
    their_done = _done(said)
    their_plan = _planned(said) or (not their_done and _planned(_masked(opening)) and not _done(_masked(opening)))
    # a bare completion verb reports a completion in a report of the day (5月11日…建成投产, 推介会上…签署);
    # in a project's description (投资2亿元，建设…，开通…) it says what the project is to do
    sentence = p[p.rfind("。", 0, p.find(said)) + 1:]
    dated = _DATED.search(sentence) or lang.pattern("claims", "reported").search(sentence)
    completed = [v for v in lang.words("claims", "completion") if v in part and re.search(rf"{v}(?!后)", said)] \
        if dated else []
    described = not dated and _DESCRIBED.search(sentence[:sentence.find(said) + 1])  # 项目…投资2.4亿元，…开通…专线
    return bool(done and (their_plan or described) and not their_done
                or planned and (their_done or completed) and not their_plan)


# a project's description: who leads it and what it invests, then what it is to build (not a report of the day)
_DESCRIBED = re.compile(r"项目[^。；]{0,30}投资(?:约|总额)?\d")


def _shared_negations_blanked(part: str, restated: str) -> tuple[str, str]:
    """Both texts with each run of three characters they share around a negating character blanked:
    非遗工坊 in both is a name, 尚未建成 in both says the same, and neither decides which side denies
    (the tagger reads 麦宿非|遗 as a name and a verb in one and not in the other)."""
    for i in range(len(part) - 2):
        run = part[i:i + 3]
        if re.search(r"[不未没无非]", run) and run in restated and " " not in run \
                and not re.search(r"[不未没无非并尚从毫绝]$", part[:i]):  # 并|非无锡: denied once more
            part, restated = part.replace(run, "   "), restated.replace(run, "   ")
    return part, restated


def _sentence_of(restated: str, p: str) -> str:
    """The passage sentence (to 。；！？) holding the first clause a claim clause restates: what a
    clause says a move or an attribute of is often named in the clause before it."""
    at = p.find(restated.split("，")[0])
    if at < 0:
        return restated
    lo = max((m.end() for m in re.finditer(r"[。；！？\n]", p[:at])), default=0)
    hi = re.search(r"[。；！？\n]|$", p[at:]).start() + at
    return p[lo:max(hi, at + len(restated))]


def _majority_reasons(part: str, p: str) -> list[str]:
    """大多数来自无锡 where the passage has 27家, 其中来自无锡的11家: a majority (or minority) the passage's
    part and total of one unit contradict. The part is the amount said of what follows the claim's word."""
    for key, more in (("majority", True), ("minority", False)):
        said = lang.pattern("claims", key).search(part)
        if not said:
            continue
        rest = _bigrams(part[said.end():])
        if len(re.sub(r"\W", "", part[said.end():])) < 3:  # 无锡来的企业占了一大半: the part is named before it
            rest = _bigrams(part[_clause_start(part, said.start()):said.start()])
        amounts = [q for q in quantities(p) if q.exact and q.unit and not q.ordinal]
        fit = {q: len(rest & _said_of(p, q, amounts, ends="。；！？\n，")) for q in amounts}
        for q in amounts:  # the part is the amount said most nearly as the claim says it (外地企业, not 本地企业)
            total = max(t.lo for t in amounts if t.unit == q.unit)
            if q.lo < total and fit[q] >= 2 and fit[q] == max(fit.values()) and (q.lo / total > 0.5) != more:
                return [f"{said.group()}与资料中的{q.text}（共{total:g}{q.unit}）不符"]
        parts = [q for q in amounts if fit[q] >= 2 and q.lo < max(t.lo for t in amounts if t.unit == q.unit)]
        if not parts and not any(w in p for w in lang.words("claims", "share_said")) \
                and not any(t.unit == "%" for t in quantities(p)):
            return [f"资料未提及：{said.group()}"]  # 其中半数以上为某类企业, where the passage gives no part at all
    return []


def _share_word_flipped(part: str, sentence: str) -> list[str]:
    """少数 where the passage's sentence says 多数 of it (or the reverse): the share is said in words."""
    for key, other in (("majority", "minority"), ("minority", "majority")):
        said = lang.pattern("claims", key).search(part)
        if said and not lang.pattern("claims", key).search(sentence):
            theirs = lang.pattern("claims", other).search(sentence)
            if theirs:
                return [f"{said.group()}与资料中的{theirs.group()}不符"]
    return []


def _opposite_reasons(part: str, restated: str) -> list[str]:
    """负极材料企业 where the passage's clause has 正极材料企业: one morpheme turned into its opposite
    inside a compound the passage otherwise writes the same (lang.toml opposite_morphemes)."""
    for a, b in lang.data()["claims"]["opposite_morphemes"]:
        if a + b in restated or b + a in restated:
            continue  # 内外围墙, 上下游: the passage names both sides at once
        for x, y in ((a, b), (b, a)):
            for m in re.finditer(x, part):
                i = m.start()
                for mine, theirs in ((x + part[i + 1:i + 3], y + part[i + 1:i + 3]), (part[i - 2:i] + x, part[i - 2:i] + y)):
                    if len(mine) == 3 and _HAN_RUN.fullmatch(mine) and theirs in restated and mine not in restated:
                        return [f"{mine}与资料中的{theirs}相反"]
    return []


def _lasting_reasons(part: str, sentence: str) -> list[str]:
    """才跃居第一 where the passage says it 一直是 the first, or the reverse: a state reached and a
    state that has lasted are not one fact (lang.toml lasting, became)."""
    mine, theirs = _words(part), _words(sentence)
    for now, then in (("became", "lasting"), ("lasting", "became")):
        if _has(mine, now) and _has(theirs, then) and not _has(mine, then) and not _has(theirs, now):
            said = next(w for w in lang.words("claims", now) if w in part)
            return [f"资料未说{said}：资料为{next(w for w in lang.words('claims', then) if w in sentence)}"]
    return []


def _universal_reasons(part: str, restated: str) -> list[str]:
    """全部来自长三角 where the passage says 既有长三角的…也有川内的: all of them, where the passage says the
    whole is mixed (lang.toml universals, partitions). A denied one (并非全部) is the polarity check's."""
    said = lang.pattern("claims", "universals").search(part) or next(
        (re.compile(re.escape(w.text)).search(part, w.start) for w in tag(part)
         if (w.text in lang.words("claims", "universal_adverbs") and w.tag == "d"
             or w.tag == "v" and w.text[:1] in lang.words("claims", "universal_adverbs") and w.text[1:] in ("为", "是"))
         and not any(q.end >= w.start - 3 for q in quantities(part[:w.start]))), None)
    # 其余6个均, 6家企业均: all of a counted set, which the numbers check; 6个项目的投资方均 is not
    if not said or _negated(_masked(part[:said.start()])):
        return []
    mixed = lang.pattern("claims", "partitions").search(restated)
    if mixed:
        return [f"{said.group()}与资料中的{mixed.group()}不一致"]
    # 所有链上企业 where the passage says 新落户的链上企业 and no 均/都: the claim dropped what narrows them
    noun = _noun_run(part[said.end():said.end() + 10].lstrip("的"), localizers=True)  # 所有|链上企业
    narrowed = re.search(rf"([\u4e00-\u9fff]{{2,8}})的{re.escape(noun)}", restated) if len(noun) >= 2 else None
    if narrowed and not re.search(rf"{lang.pattern('claims', 'universals').pattern}|均|都|皆", restated):
        return [f"{said.group()}{noun}与资料中的{narrowed.group()}不一致"]
    return []


def _formality_reasons(part: str, restated: str) -> list[str]:
    """正式签订 where the passage's agreement is only 意向 or 框架 (lang.toml tentative, formal)."""
    formal, tentative = lang.pattern("claims", "formal").search(part), lang.pattern("claims", "tentative").search(restated)
    if formal and tentative and not lang.pattern("claims", "formal").search(restated) and not _negated(_masked(part)):
        return [f"{formal.group()}与资料中的{tentative.group()}不一致"]
    return []


def _trend_reasons(part: str, restated: str) -> list[str]:
    """An amount said to move one way (有所下降) where the passage's clause has it move only the other
    (同比增长三成). A denied move (没有下降) is the polarity check's to judge."""
    if _negated(_masked(part)):
        return []
    up, down = lang.pattern("claims", "trend_up"), lang.pattern("claims", "trend_down")
    for mine, theirs in ((up, down), (down, up)):
        said = mine.search(part)
        if said and theirs.search(restated) and not mine.search(restated):
            return [f"{said.group()}与资料中的{theirs.search(restated).group()}方向相反"]
    return []


def _alone_reasons(part: str, restated: str, p: str = "") -> list[str]:
    """单独主办 where the passage says 联合主办: done alone against done together (lang.toml alone/jointly);
    not alone (不是由一家单位独自推进) says together."""
    alone, jointly = lang.pattern("claims", "alone").search(part), lang.pattern("claims", "jointly").search(restated)
    if not alone or _negated(part[_clause_start(part, alone.start()):alone.start()]):
        return []
    act = part[alone.end():alone.end() + 2]  # 单独主办 where another sentence says 联合主办: the same act, done together
    jointly = jointly or (re.search(rf"(?:{lang.pattern('claims', 'jointly').pattern}){re.escape(act)}", p)
                          if len(act) == 2 else None)
    return [f"{alone.group()}与资料中的{jointly.group()}不一致"] if jointly else []


def _planned(text: str) -> bool:
    """Said as planned: 计划/将…, or what follows a completion (建成后每年可处理: not yet)."""
    return _has(_words(text), "planned") or any(f"{v}后" in text for v in lang.words("claims", "completion"))


def _best_clause(segment: str, p: str, p_spans: list[tuple[int, int]]) -> str:
    """The passage clause sharing most with `segment`, with the clause before it when it opens with a
    conjunction (…还将前往参观，并出席…: 将 covers both)."""
    mine = _bigrams(segment)
    if not p_spans:
        return p
    i = max(range(len(p_spans)), key=lambda k: len(mine & _bigrams(p[p_spans[k][0]:p_spans[k][1]])))
    a, b = p_spans[i]
    if i and lang.pattern("claims", "conjunctions").match(p[a:b]):
        a = p_spans[i - 1][0]
    return p[a:b]


_NAMED_AFTER = re.compile(r"[\u4e00-\u9fff]{0,2}?(?:单位|方|者|人|机构|企业|部门|主体)(?:是|为)|的(?:是|为)")  # 牵头(组织)方是


@lru_cache(maxsize=1)
def _roles_longest_first() -> list[str]:
    return sorted(lang.words("claims", "roles"), key=len, reverse=True)


def _actor_span(text: str, verb_at: int) -> tuple[int, int]:
    """Where a role verb's actors stand: its clause before it, after 由 when the clause has one
    (雪域项目由格萨尔牧业牵头 → 格萨尔牧业), before 向/给/为 (湖州向广元投入: 广元 receives), or after
    the role made a noun (项目的牵头单位是格萨尔牧业)."""
    role = next((r for r in _roles_longest_first() if text.startswith(r, verb_at)), "")
    named = _NAMED_AFTER.match(text, verb_at + len(role)) if role else None
    if named:  # 牵头单位是X, 主办方为X, 牵头的是X: the actor is named after the role
        end = re.search(r"[，。；！？]|$", text[named.end():]).start() + named.end()
        return named.end(), end
    lo = _clause_start(text, verb_at)
    by = text.rfind("由", lo, verb_at)
    lo = by + 1 if by >= 0 else lo
    to = re.search(r"向|给|对|为|帮助|支援", text[lo:verb_at])
    return lo, lo + to.start() if to else verb_at


_AGENT = re.compile(r"在([^，。；在]{2,15}?)的[^，。；]{0,8}下")  # 在顺德区的对口帮扶下: who helped


_CLEFT = re.compile(r"[^，。；]{0,20}?的(?:是|为)([^，。；]{2,20})")
_TOPIC = re.compile(r"以[^，。；]{1,20}?为(?:主|重点|核心|龙头|主导|特色)的?")


def _actors(text: str, verb_at: int) -> dict[str, None]:
    """The named actors of a role verb; a place after 在/于 is where it happens, not who acts, unless
    it is 在X的帮扶下, which names the one acting (and makes the clause's subject the one acted on).
    Where none stands before the verb, a cleft names it after (在某港投资建设分拨中心的是|一家某国企)."""
    text = _TOPIC.sub(lambda m: " " * len(m.group()), text)  # 以汽配和家居为主的: what, not who (length kept)
    lo, hi = _actor_span(text, verb_at)
    agents = [m.group(1) for m in _AGENT.finditer(text, lo, verb_at + 8)]
    if agents:
        return _names([w for a in agents for w in tag(a)])
    cleft = _CLEFT.match(text, verb_at)
    return _names(tag(text[lo:hi])) or (_names(tag(cleft[1])) if cleft else {})


def _names(words) -> dict[str, None]:
    """The names among tagged words, in text order (so a reason names the same one in every run); a
    place after 在/于/赴/到 is where, not who."""
    return dict.fromkeys(w.text for prev, w in zip([None, *words], words) if w.tag in (ORG, PERSON, PLACE, "nz")
                         and len(w.text) >= 2 and not (prev and prev.text in ("在", "于", "赴", "到")))


def _starts_event(text: str, at: int) -> bool:
    """Does an event phrase of more than one word begin here (投入生产, 投入使用)?"""
    return any(len(w) > 2 and text.startswith(w, at) for group in lang.data()["claims"]["event_groups"] for w in group)


def _role_reasons(part: str, p: str, p_spans: list[tuple[int, int]]) -> list[str]:
    out = []
    roles = set(lang.words("claims", "roles"))
    for word in tag(part):
        w, at = word.text, word.start
        if w not in roles or word.tag not in ("v", "vn") or re.match(r"\s*[\d一二三四五六七八九十两百千万]", part[word.end:]) \
                or _starts_event(part, at):
            continue  # 项目投资3.5亿元 states an amount, not who invests; 投入生产 is a start of production
        claimed = _actors(part, at)
        sentences = [m.span() for m in re.finditer(r"[^。；！？]+", p)]
        restated = [(a, b) for a, b in sentences if p[a:b] in region(part, p, sentences)]  # the same fact, not another
        verbs = [v.start for v in tag(p) if v.text == w and v.tag in ("v", "vn")
                 and any(a <= v.start < b for a, b in restated)]
        said = {a for v in verbs for a in _actors(p, v)}
        if not claimed or not said:
            continue  # the passage words the role otherwise: the other checks decide
        spans = [p[slice(*_actor_span(p, v))] for v in verbs]
        same = lambda a, b: a in b or b in a  # noqa: E731  (湖州 and 湖州市 are one actor)
        strangers = [a for a in claimed if a in p and not any(a in s for s in spans)
                     and not any(same(a, b) for b in said) and not _abbreviates(a, p)  # 川澳: 四川与澳门
                     or a not in p and _named_apart(a, said, p, part)
                     and not any(same(x, b) for x in claimed for b in said)]  # 泸州|综保区: one of them the passage's
        left_out = [b for b in said if not any(same(a, b) for a in claimed)]
        if strangers and left_out:  # another actor in the role the passage gives to someone else
            out.append(f"{w}的主体与资料不符：{strangers[0]}")
    return out


def _named_apart(actor: str, said: set[str], p: str, claim: str) -> bool:
    """An actor (德格县商务部门) named after a place, organisation or person that the passage never
    writes, however short or long, where the passage gives the role to others (武侯区商务局)."""
    names = [w.text for w in tag(actor) if w.tag in (PLACE, ORG, PERSON) and len(w.text) >= 2]
    return bool(names) and all(not _written(n, p, claim) and not any(n in b or b in n for b in said) for n in names)


_CONTENT = ("n", "nz", "nw", "vn", "v", "a", "an", "ORG", "LOC", "PER", "s", "f")


def _content_words(part: str) -> list[str]:
    modal = set(lang.words("claims", "planned") + lang.words("claims", "done")
                + lang.words("claims", "negation")  # _polarity_reasons judges these, _quantity_reasons totals
                + lang.words("quantities", "total_words") + lang.words("claims", "time_frames")
                + lang.words("claims", "stage_frames")  # _polarity_reasons
                + lang.words("claims", "comparative_more") + lang.words("claims", "comparative_less")  # _comparative
                + lang.words("claims", "frame_nouns"))  # 地点在某中心: the noun frames the fact, the place is checked
    masked, measures = _masked(part), set(lang.words("claims", "measure_nouns"))
    words = [w.text for w in tag(masked) if w.tag in _CONTENT and len(w.text) >= 2 and w.text not in modal
             and not (w.text in measures and masked[w.end:w.end + 1] == " ")]  # 面积3000亩: the unit says it
    return list(dict.fromkeys(words))


def _coverage_reasons(part: str, p: str, clause: str, title: str = "") -> list[str]:
    """Most of the clause's content-word weight must be in the passage; a word of which only some
    characters are there (签署 for 签订) counts half, one elsewhere in the passage or in the title
    three quarters."""
    from wenjin.index.tokens import general_idf

    words = _content_words(part)
    if not words:
        return []
    weight = {w: min(general_idf(w), 12.0) if general_idf(w) < 99 else 8.0 for w in words}  # names: _entity_reasons
    found = {w: 1.0 if w in clause else 0.75 if w in p or w in title or _contracted(w, p + title)
             or _written_out(w, p + title)
             else 0.5 if sum(ch in clause for ch in w) * 2 >= len(w) else 0.0 for w in words}
    share = sum(weight[w] * found[w] for w in words) / sum(weight.values())
    if share >= MIN_COVERAGE:
        return []
    missing = [w for w in words if not found[w]]
    return [f"资料未提及：{'、'.join(missing[:4])}"]


@lru_cache(maxsize=1)
def _framing_words() -> frozenset[str]:
    keys = ("planned", "done", "negation", "time_frames", "not_only", "restrictives", "contrast_openers",
            "universals", "majority", "minority", "partitions", "speech_verbs", "auxiliaries", "measure_nouns",
            "comparisons", "comparative_more", "comparative_less", "superlatives", "frame_nouns")
    return frozenset(w for k in keys for w in lang.words("claims", k))


def _invented_phrase(part: str, p: str, title: str = "") -> list[str]:
    """免息贷款 where the passage says 保底收购, 无人机植保 where it says 农产品展销: two content words in a row, neither
    in the passage (nor most of its characters), are a phrase the claim added. A paraphrase swaps
    one word at a time, and coverage forgives one; a run of two is a new thing said. Negated
    clauses are left to the polarity check: what is denied need not be in the passage."""
    masked = _masked(part)
    words = tag(masked)
    if _negated(masked) or any(w.text in lang.words("claims", "negation") for w in words):  # 并非只在国内销售
        return []
    run: list[str] = []
    for w in [*words, None]:
        if w and w.tag in _CONTENT and len(w.text) >= 2 and w.text not in _framing_words() \
                and not (w.text in p or w.text in title or _contracted(w.text, p + title)
                         or _written_out(w.text, p + title) or sum(ch in p for ch in w.text) * 2 >= len(w.text)):
            run.append(w.text)
            continue
        if len(run) >= 2:
            return [f"资料未提及：{''.join(run)}"]
        run = []
    return []


def _first_of_kind(c: str, p: str) -> list[str]:
    """首个以独立展馆亮相的省份 where the passage says the province 首次以独立展馆亮相: the first time for
    the subject is not the first among all."""
    first, once = lang.pattern("claims", "first_of_kind"), lang.pattern("claims", "first_time")
    m = first.search(c)
    return [f"资料只说{once.search(p).group()}：{m.group()}"] if m and not first.search(p) and once.search(p) else []


def _inserted_modifier(part: str, p: str, title: str = "") -> list[str]:
    """调味品|原料基地 where the passage says 和原料基地: a common noun put before a phrase of the passage,
    which neither the passage nor the title writes (nor half its characters), narrows what the passage
    said to a kind it never named. Names are the entity check's; a denied clause the polarity check's."""
    masked = _masked(part)
    words = tag(masked)
    if _negated(masked):
        return []
    for w, nxt in zip(words, words[1:]):
        if w.tag != "n" or len(w.text) < 2 or w.text in _framing_words() or w.text in p + title \
                or sum(ch in p for ch in w.text) * 2 >= len(w.text):
            continue
        phrase = masked[masked.find(w.text) + len(w.text):][:max(4, len(nxt.text))]
        at = p.find(phrase)
        if len(phrase) >= 4 and nxt.tag in ("n", "nz", "vn") and at >= 0:
            return [f"资料未提及：{w.text}{phrase}"]
    return []


# --- an answer's claims ------------------------------------------------------------------
_MARKERS = re.compile(r"(?:\[\d+\])+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")

# List numbers ("2. "), count headings ("共找到 4 项："), attributions ("另据《…》：", "原文："), frame a
# claim; the cited passage need not repeat them, so they are cut off before the claim is checked.
_ENUMERATOR = re.compile(r"^\s*(?:\d+[.、)）]|[-*•])\s*|^\s*共?(?:找到|有)?\s*\d+\s*项[^：:]{0,12}[：:]\s*"
                         r"|^\s*另?据[^：:，。]{1,60}?(?:报道|消息|称)?[：:]\s*|^\s*原文(?:还说)?[：:]\s*")
_SENTENCE_END = re.compile(r"(?<=[。！？?；;])|(?<=!)(?!\[)")


def claims(answer: str) -> list[tuple[str, list[int]]]:
    """(claim text, cited numbers) for each run of text that ends in citation markers.

    "甲项目投资3亿元[1]；乙项目在德格[2][3]。" → [("甲项目投资3亿元", [1]), ("；乙项目在德格", [2, 3])].
    A claim is the cited text on its own line, without a list number ("2. "); earlier
    lines (headings such as "共找到 8 项：") and text after the last marker are claims
    with no citation.
    """
    out, pos = [], 0
    for m in _MARKERS.finditer(answer):
        *before, cited = answer[pos:m.start()].split("\n")
        out += [(line, []) for line in before if _content(line)]
        out.append((_ENUMERATOR.sub("", cited), [int(n) for n in re.findall(r"\d+", m.group())]))
        pos = m.end()
    out += [(line, []) for line in answer[pos:].split("\n") if _content(line)]
    return out


def _content(line: str) -> bool:
    return bool(norm(re.sub(r"[。；，、：\s（）()…]", "", line)))


FLAG_UNSUPPORTED = "〔资料未证实〕"
FLAG_UNCITED = "〔未标注出处〕"


@dataclass
class ClaimCheck:
    """One claim of an answer and what checking its citations found."""

    claim: str
    cited: list[int]
    supported: bool
    reason: str = ""                        # why not, in Chinese: 引用的资料不存在 / 数字不符：… / 未标注引用
    numbers_missing: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"claim": self.claim, "cited": self.cited, "supported": self.supported, "reason": self.reason,
                "numbers_missing": self.numbers_missing}


_SENTENCE_DONE = re.compile(r"(?:[。！？?；;\n]|!(?!\[))(?:\[\d+\])*(?=[^\[\d\]])")


def sentence_end(text: str) -> int | None:
    """Where the first complete sentence of streamed text ends (after its citation markers), once the
    text after it shows the markers are over; None while the sentence may still be going on."""
    m = _SENTENCE_DONE.search(text)
    return m.end() if m else None


def has_markers(text: str) -> bool:
    return bool(_MARKERS.search(text))


def is_refusal(text: str) -> bool:
    """Did the LLM decline (资料中没有找到相关内容) rather than answer? A refusal cites nothing."""
    return not has_markers(text) and bool(lang.pattern("claims", "refusals").search(text))


def check(text: str, passages: dict[int, str]) -> tuple[str, list[ClaimCheck]]:
    """The answer with bad markers removed and every claim flagged that no cited passage supports,
    plus one check per claim.

    `passages` maps the numbers the model was given to their text, title first (a line of its own).
    A marker to a number not given is removed; a sentence with no marker at all is a claim too, flagged as uncited
    (an answer taken over by text planted in an article typically cites nothing).
    """
    everything = _prepared("\n".join(passages.values()))
    out, checks, pos = [], [], 0
    for m in _MARKERS.finditer(text):
        segment = text[pos:m.start()]
        head, claim_text = _split_uncited(segment)
        out.append(_flag_uncited(head, everything, checks))
        cited = [int(n) for n in re.findall(r"\d+", m.group())]
        kept = [n for n in cited if n in passages]
        claim = _ENUMERATOR.sub("", claim_text.split("\n")[-1]).lstrip("；;，,。、 ")
        verdicts = [judge(_body(passages[n]), claim, title=_title(passages[n])) for n in kept]
        ok = any(v.supported for v in verdicts)
        reason = "" if ok else ("引用的资料不存在" if not kept else "；".join(
            dict.fromkeys(r for v in verdicts for r in v.reasons)) or "资料未提及")
        missing = [n for n in _NUMBER.findall(norm(claim)) if n not in everything]
        checks.append(ClaimCheck(claim.strip(), kept, ok, reason, missing))
        out.append(claim_text + "".join(f"[{n}]" for n in kept) + ("" if ok else FLAG_UNSUPPORTED))
        pos = m.end()
    out.append(_flag_uncited(text[pos:], everything, checks))
    text = "".join(out)
    while True:  # removing "[3]" from "[9[3]9]" would leave "[99]": sweep until no stray marker is left
        swept = re.sub(r"\[(\d+)\]", lambda m: m.group(0) if int(m.group(1)) in passages else "", text)
        if swept == text:
            return text, checks
        text = swept


_HEADER_DATE = re.compile(r"（(\d{4})-\d{2}-\d{2}）$")


def dated_title(title: str, date: str) -> str:
    """A passage's header line: its article's title, then its date where the date has a year."""
    return f"{title}（{date[:10]}）" if re.match(r"\d{4}-\d{2}-\d{2}", date or "") else title


def _undated(header: str) -> tuple[str, str]:
    """(title, "2023年") of a header line made by dated_title: only the year counts as said, since the
    day an article was published is seldom the day of what it reports."""
    m = _HEADER_DATE.search(header)
    return (header[:m.start()], f"{m[1]}年") if m else (header, "")


def _title(passage: str) -> str:
    return passage.split("\n", 1)[0] if "\n" in passage else ""


def _body(passage: str) -> str:
    return passage.split("\n", 1)[1] if "\n" in passage else passage


def _split_uncited(segment: str) -> tuple[str, str]:
    """(sentences before the cited one, the cited sentence): a marker covers the sentence it ends."""
    cut = max((m.end() for m in _SENTENCE_END.finditer(segment.rstrip("。！？!?；;"))), default=0)
    line = segment.rfind("\n") + 1
    cut = max(cut, line)
    return segment[:cut], segment[cut:]


def _flag_uncited(text: str, everything: str, checks: list[ClaimCheck]) -> str:
    """Each sentence of `text` that states something without a marker, flagged where it ends."""
    out = []
    for piece in re.split(r"(?<=[。！？?；;\n])|(?<=!)(?!\[)", text):
        core = _ENUMERATOR.sub("", piece).strip()
        if _content(core) and not _is_frame(core):
            missing = [n for n in _NUMBER.findall(norm(core)) if n not in everything]
            checks.append(ClaimCheck(core.strip("；;，,。、 "), [], False, "未标注引用", missing))
            end = len(piece.rstrip("\n"))
            piece = piece[:end] + FLAG_UNCITED + piece[end:]
        out.append(piece)
    return "".join(out)


def _is_frame(line: str) -> bool:
    """Framing that states no fact: a list heading, a dates line, a short lead-in ending in a colon."""
    return bool(re.fullmatch(r"(?:共?(?:找到|有)?\s*\d+\s*项.{0,12}|（报道日期：.*）|.{0,16}[：:])", line.strip()))


def best_sentence(passage: str, claim: str) -> tuple[int, int]:
    """Span (start, end) in `passage` of the sentence that best supports `claim`."""
    best, span = -1.0, (0, len(passage))
    for m in re.finditer(r"[^。！？；\n]+[。！？；]?", passage):
        sentence = m.group()
        if not sentence.strip():
            continue
        score = lcs(norm(claim), norm(sentence)) / max(1, len(norm(claim)))
        numbers = _NUMBER.findall(norm(claim))
        score += sum(n in norm(sentence) for n in numbers)
        if score > best:
            best, span = score, (m.start(), m.end())
    return span
