"""Numbers as values: Chinese numerals, 万/亿, percentages, ranges and approximations, with their units.

The claim checker compares quantities by value, so “一千八百户” holds for “1800户”,
“近19亿元” for “18.6亿元”, and “3.5亿美元” does not hold for “3.5亿元”. cn2an reads
Chinese numerals; the rest (scales, units, the words that make a number approximate)
is this module, with its word lists in rag/lang.toml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from . import lang

_CN = "零〇一二两三四五六七八九十百千万亿"
# 一万千瓦: the numeral stops before a unit that opens with 千 (千瓦, 千米, 千克)
# 半小时, 半个月: a half of a duration (not 上半年, a part of the year, nor 多半, 大半)
_NUMBER = rf"\d+(?:[.,]\d+)*|[{_CN}]+(?:点[{_CN}]+)?(?=千[瓦米克])|[{_CN}]+(?:点[{_CN}]+)?" \
          r"|(?<![上下前后多大过一个])半(?=小时|天|年|个月|月|日)"
_SCALE = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}
_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")


@dataclass(frozen=True)
class Quantity:
    lo: float
    hi: float
    unit: str       # normalised: 元, 美元, %, 个百分点, 亩, 户, 年 …; "" for a bare number
    start: int      # span in the text it was read from
    end: int
    text: str
    ordinal: bool = False  # 第二届: a position, not an amount
    bound: str = ""        # "more" for 超过100 / 100多, "less" for 不到100: an open side
    strict: bool = False   # the bound itself is left out: 超过100, 少于100 (not 不少于100)
    about: bool = False    # 约100, 100左右: near the number on either side, so it bounds it from neither

    @property
    def exact(self) -> bool:
        return self.lo == self.hi

    @property
    def amount(self) -> bool:
        """How much or how many: no position (第二届) and no date's part (2023年, 9月, 4日), while a
        length of time (一年过渡期) is one."""
        return not self.ordinal and not (self.unit == "年" and self.lo >= 1000 or self.unit in ("月", "日"))


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    units = sorted(set(lang.words("quantities", "units") + lang.words("quantities", "count_classifiers")),
                   key=len, reverse=True)
    before = sorted(lang.words("quantities", "more_than") + lang.words("quantities", "less_than")
                    + lang.words("quantities", "about") + ["数", "几"], key=len, reverse=True)
    after = sorted(lang.words("quantities", "approx_after"), key=len, reverse=True)
    alt = lambda ws: "|".join(map(re.escape, ws))  # noqa: E731
    classifiers = alt(sorted(lang.words("quantities", "count_classifiers"), key=len, reverse=True))
    # 38个亿, 三个多亿: 亿 said with a classifier, as people say money
    return re.compile(  # 首届, 首批: 首 before a classifier is the ordinal 第一
        rf"(?:(?P<pre>{alt(before)})了?)?(?P<pct>百分之)?(?P<num>{_NUMBER}|首(?=(?:{classifiers})))(?:个(?=多?亿(?!元)))?(?P<lead>多|余)?(?P<scale>万亿|亿|万|千)?"
        rf"(?P<more>{alt(after)})?\s?(?P<unit>{alt(units)})?(?P<post>{alt(after)})?")


def value(number: str) -> float | None:
    """A number written in digits or Chinese numerals (1,800 · 一千八百 · 二〇二四 · 三点五)."""
    number = number.replace(",", "")
    try:
        return float(number)
    except ValueError:
        pass
    import cn2an

    if number == "半":
        return 0.5
    if number in ("十", "百", "千", "万", "亿"):  # 百亿元, 千余人: a bare power of ten, which cn2an refuses
        return {"十": 10.0, "百": 100.0, "千": 1000.0, "万": 1e4, "亿": 1e8}[number]
    try:
        return float(cn2an.cn2an(number, "smart"))
    except Exception:  # cn2an raises its own ValueError subclasses and more for malformed runs
        pass
    if number[-1:] in ("万", "亿") and len(number) > 1:  # 三点五亿: cn2an reads 三点五, the scale is ours
        base = value(number[:-1])
        return base * _SCALE[number[-1]] if base is not None else None
    return None


def quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, dates split into their year, month and day."""
    out: list[Quantity] = []
    text = _DATE.sub(lambda m: f"{m[1]}年{int(m[2])}月{int(m[3])}日", text).replace("双方", "两方")
    for idiom, said in lang.data()["quantities"]["idioms"].items():  # same length: positions hold
        text = text.replace(idiom, said)
    for m in _pattern().finditer(text):
        q = _read(m)
        if q:
            out.append(q)
    return out


WORD_FREQ = 10  # a dictionary entry this rare (金约: 2) is noise, not a word that swallows the hedge


def _hedge(m: re.Match) -> str | None:
    """The word before the number that bounds it, unless it ends a word of its own: 签约32.5亿元 is
    no estimate (约 of 签约), 附近3公里 no bound (近 of 附近)."""
    pre, at = m["pre"], m.start("pre")
    if pre and len(pre) == 1 and at > 0:
        from wenjin.index.tokens import plain_cutter  # the index's dictionary: no 500k-word load to ask

        if plain_cutter().FREQ.get(m.string[at - 1] + pre, 0) >= WORD_FREQ:
            return None
    return pre


def _read(m: re.Match) -> Quantity | None:
    num, pre = m["num"], _hedge(m)
    if not re.search(r"\d", num) and len(num) == 1 and (num == "零" or not m["unit"] and not m["scale"]):
        return None  # a lone 一 or 十 inside a word (一体化, 十分), 零 of 零部件, is no quantity
    v = 1.0 if num == "首" else value(num)
    if v is None:
        return None
    unit = "%" if m["pct"] else (m["unit"] or "")
    if not unit and not pre and not m["scale"] and not re.search(r"\d", num) and not _spoken_amount(num):
        return None  # 一些, 三大 …: Chinese numerals without a classifier are words, not quantities
    plain = not (pre or m["lead"] or m["more"] or m["post"] or m["scale"])
    ordinal = num == "首" or m.start() > 0 and m.string[m.start() - 1] == "第"
    if num == "一" and plain and not ordinal and unit in lang.words("quantities", "count_classifiers"):
        return None  # 建一条生产线: 一 + classifier is the indefinite article, not a count (第一届 is a position)
    scale = _SCALE[m["scale"]] if m["scale"] else 1.0
    factor = 1.0
    if unit in lang.data()["quantities"]["unit_factor"]:  # 2.6平方公里 → 2600000平方米
        unit, factor = lang.data()["quantities"]["unit_factor"][unit]
    start = m.start() if pre or not m["pre"] else m.start("pct") if m["pct"] else m.start("num")  # 不过|首期: no hedge
    before = m.string[max(0, start - 24):start]
    reference = None if pre else _of_reference(before)  # 不到规划面积的一半: the bound stands before what it is of
    if reference:
        pre, start = reference.group(1), m.start() - len(reference.group())
    lo, hi, side = _bounds(v, pre, m["lead"] or m["more"] or m["post"], num)
    if unit == "倍" and (reference or _ratio(before)):
        lo, hi = lo - 1, hi - 1  # 为去年的两倍 says what 增长一倍 says
    strict = bool(side) and pre in lang.words("quantities", "strict")
    about = not side and lo < hi and bool({pre, m["more"], m["post"]} & set(lang.words("quantities", "about")))
    return Quantity(lo * scale * factor, hi * scale * factor, unit, start, m.end(), m.string[start:m.end()], ordinal,
                    side, strict, about)


def _spoken_amount(num: str) -> bool:
    """六千万, 一点八亿: an amount said with its unit left off, as people say money. A digit and a
    decimal point or a closing 万/亿/千 make it one; 千万 (by all means) and 万一 (in case) are words."""
    return len(num) >= 3 and bool(re.search(r"[一二两三四五六七八九]", num)) and ("点" in num or num[-1] in "千万亿")


def _of_reference(before: str) -> re.Match | None:
    """A bound said of a share or a multiple of something named between (不少于去年同期的两倍)."""
    return _reference_pattern().search(before)


def _ratio(before: str) -> bool:
    """为去年同期的两倍: N times as much, said with a verb of a ratio (lang.toml ratio_verbs)."""
    return _ratio_pattern().search(before) is not None


@lru_cache(maxsize=1)
def _reference_pattern() -> re.Pattern:
    bounds = sorted(lang.words("quantities", "more_than") + lang.words("quantities", "less_than"), key=len, reverse=True)
    # what it is of may hold a number of its own (不到参展的1200余家企业的5%)
    return re.compile(rf"({'|'.join(map(re.escape, bounds))})[^，。；：]{{1,20}}的$")


@lru_cache(maxsize=1)
def _ratio_pattern() -> re.Pattern:
    return re.compile(rf"(?:{lang.pattern('quantities', 'ratio_verbs').pattern})[^，。；：]{{0,14}}的$")


def _bounds(v: float, before: str | None, after: str | None, num: str) -> tuple[float, float, str]:
    """The interval a written number stands for, and its open side: 3000多 is [3000, 4000) "more",
    1200余 [1200, 1300) "more", 近19 [17.1, 19] "less", 不足2 [1.33, 2] "less", 约5 [4.5, 5.5] ""."""
    whole = str(int(v)) if v == int(v) else ""
    step = 10.0 ** (len(whole) - len(whole.rstrip("0"))) if whole and whole != "0" else 1.0
    more, less, about = (set(lang.words("quantities", k)) for k in ("more_than", "less_than", "about"))
    if before in ("数", "几"):  # 数十家: some tens
        return v, v * 10, ""
    if after in ("以下", "以内"):
        return 0.0, v, "less"
    if (after == "以上" or before in more) and v == 1:
        return v, float("inf"), "more"  # 不止一家: more than one, however many
    if after == "以上" or before in more:
        return v, v * 1.5, "more"
    if after in ("多", "余", "有余", "还多"):
        return v, v + step, "more"
    if before in less:  # 近 stays close to its number; 不足 reaches as far down as 超 reaches up
        return v * (0.9 if before in lang.words("quantities", "near") else 2 / 3), v, "less"
    if before in about or after in about:
        return v * 0.9, v * 1.1, ""
    return v, v, ""


def compatible(claim: Quantity, passage: Quantity) -> bool:
    """Could the claim's quantity be a faithful rendering of the passage's (same unit, values agree)?"""
    if not units_match(claim.unit, passage.unit):
        return False
    if claim.exact and passage.exact:
        return abs(claim.lo - passage.lo) <= 1e-6 * max(1.0, abs(passage.lo))
    if claim.bound and claim.bound == passage.bound:
        # 超过100 holds for 超过150 but not the reverse; a much weaker bound (30个以上 for 50个以上) misstates
        # the figure though it follows from it; 超过150兆瓦时 for 超过150吉瓦时 is true and misleads
        weaker, stronger = (claim.lo, passage.lo) if claim.bound == "more" else (passage.hi, claim.hi)
        return weaker * 0.9999 <= stronger <= weaker * 1.5
    if claim.bound and passage.about:  # 超过3000 for 约3000: an estimate does not say on which side it lies
        middle = (passage.lo + passage.hi) / 2
        passage = replace(passage, lo=middle, hi=middle)
    # an approximate number holds when its interval meets the passage's: 近19亿 for 18.6亿, 超3000 for 3000多;
    # meeting in one point only counts when neither side leaves it out (少于5000 for 不少于5000 does not)
    # and the two do not bound it from opposite sides (不超过5000 for 不少于5000 turns a floor into a cap)
    low, high = max(claim.lo, passage.lo), min(claim.hi, passage.hi)
    if low < high * 0.9999:
        return passage.exact or (high - low) >= 0.5 * (passage.hi - passage.lo)
    opposite = {claim.bound, passage.bound} == {"more", "less"}
    return abs(low - high) <= 1e-4 * max(1.0, abs(high)) and _holds(claim, low) and _holds(passage, low) \
        and not opposite


def _holds(q: Quantity, x: float) -> bool:
    """Whether the point `x` (an end of `q`'s interval) belongs to what `q` says."""
    near = lambda a: abs(a - x) <= 1e-4 * max(1.0, abs(x))  # noqa: E731
    if q.strict and q.bound == "more" and near(q.lo):
        return False
    return not (q.strict and q.bound == "less" and near(q.hi))


def units_match(a: str, b: str) -> bool:
    """Same unit; a generic classifier (个) stands for any count classifier, and a bare number in the
    passage (2024 of 2024至2026年) for any unit."""
    if a == b or not a or not b:
        return True  # a bare number (3.5亿 for 3.5亿元, 2024 of 2024至2026年) leaves its unit to the context
    counts = set(lang.words("quantities", "count_classifiers"))
    generic = set(lang.words("quantities", "generic_classifiers"))
    return (a in generic and b in counts) or (b in generic and a in counts)
