"""What a question asks for: a list of things, one fact of a known type, or anything else."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LIST = re.compile(r"有哪些|哪些|有什么|包括什么|包括哪|包含哪|哪几|都有谁|列举|分别是")
_TYPES = {
    "number": re.compile(r"多少|几[个家项条位次年天名所座万亿千百]?|多大|多高|多长|多久|规模|金额|总额|比例|增长了"),
    "date": re.compile(r"何时|哪天|哪一天|哪年|哪一年|几月|什么时候|什么时间|日期|时间是"),
    "place": re.compile(r"哪里|哪儿|在哪|何地|什么地方|地点|哪个城市|哪个省|哪个县|位于"),
    "who": re.compile(r"谁|哪位|什么人|哪家|哪个单位|哪个部门|哪个企业|哪个公司|由哪"),
    "what": re.compile(r"什么|哪个|哪一|何种|是否"),
}
_EVIDENCE = {
    "number": re.compile(r"\d|[一二三四五六七八九十百千万亿两]+(?:个|家|项|条|位|名|亿|万|千|百|倍|%)"),
    "date": re.compile(r"\d{1,4}\s*[年月日]|[一二三四五六七八九十]+月"),
    "place": re.compile(r"[省市县区镇乡村州园馆港]|中心|基地"),
    "who": re.compile(r"[公司局委会院校部厅办]|集团|政府|书记|主任|董事长|负责人|市长|县长"),
}


@dataclass
class QuestionKind:
    kind: str          # list | factoid | general
    wants: str | None  # number | date | place | who | what | None
    head: str | None   # for lists: the noun the items are named by ("项目", "企业")


def classify(question: str, tokens: list[str]) -> QuestionKind:
    q = question.strip()
    if _LIST.search(q):
        before, after = _LIST.split(q, maxsplit=1)
        after_words = [t for t in tokens if len(t) >= 2 and after.startswith(t)]
        head = after_words[0] if after_words else _head_noun(before, tokens)
        return QuestionKind("list", None, head)
    for wants, pattern in _TYPES.items():
        if pattern.search(q):
            return QuestionKind("factoid", wants, None)
    return QuestionKind("general", None, None)


def _head_noun(before: str, tokens: list[str]) -> str | None:
    """The last word of the question before 有哪些: in 德格帮扶项目有哪些 it is 项目."""
    words = [t for t in tokens if t in before and len(t) >= 2]
    if not words:
        return None
    return max(words, key=before.rfind)


def has_evidence(sentence: str, wants: str | None) -> bool:
    """Does the sentence contain the kind of thing asked for (a number for 多少…)?"""
    pattern = _EVIDENCE.get(wants or "")
    return bool(pattern.search(sentence)) if pattern else True
