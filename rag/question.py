"""What a question asks for: a list of things, one fact of a known type, or anything else."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

_LIST = re.compile(r"有哪些|哪些|有什么|包括什么|包括哪|包含哪|哪几|都有谁|列举|分别是")
_TYPES = {
    "number": re.compile(r"多少|几[个家项条位次年天名所座万亿千百]?|多大|多高|多长|多久|"
                         r"(?:规模|金额|总额|比例|增长了)(?!.*(?:有何|什么|如何|怎样|怎么|为何))"),
    "date": re.compile(r"何时|哪天|哪一天|哪年|哪一年|几月|什么时候|什么时间|日期|时间是"),
    "place": re.compile(r"哪里|哪儿|在哪|何地|什么地方|地点|哪个城市|哪个省|哪个县|位于"),
    "who": re.compile(r"谁|哪位|什么人|哪家|哪个单位|哪个部门|哪个企业|哪个公司|由哪"),
    "what": re.compile(r"什么|哪个|哪一|何种|是否"),
}
_MONEY_Q = re.compile(r"投资|金额|资金|产值|销售额|收入|营收|融资|总额|多少钱|多少元")
_EVIDENCE = {
    "money": re.compile(r"\d[\d.,]*\s*[万亿千百]*(?:美)?元"),
    "number": re.compile(r"\d+(?:\.\d+)?(?![\d.]*[年月日号时])|[一二三四五六七八九十百千万亿两]+(?:个|家|项|条|位|名|亿|万|千|百|倍|成)"),
    "date": re.compile(r"\d{1,4}\s*[年月日]|[一二三四五六七八九十]+月"),
    "day": re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\d{4}-\d{1,2}-\d{1,2}|[一二三四五六七八九十]+月[一二三四五六七八九十]+日"),
    "place": re.compile(r"[省市县区镇乡村州园馆港]|中心|基地"),
    "who": re.compile(r"[公司局委会院校部厅办家者员师队]|集团|政府|书记|主任|董事长|负责人|市长|县长|主席|总统|总理|首相|"
                     r"大使|部长|教授|专家|军方"),
}


_WH = re.compile(r"多少|几|多大|多高|多长|多久|何时|哪天|哪一天|哪年|哪一年|什么时候|什么时间|哪里|哪儿|在哪|何地|"
                 r"什么地方|谁|哪位|哪家|哪个|哪一|什么|何种")
_FILLER = re.compile(r"^(?:是|的|有|为|能|了|在|要|会|将|约|共|一共|总共|大概|大约|达到|达)+|(?:是|的|有|为|了|呢|吗)+$")
_PUNCT = re.compile(r"[，。？！?!,;；：:\s]")


# Nouns that name the measure rather than the thing measured: the number itself answers
# them ("8人" answers 人数, "52.3%" answers 百分比), so a sentence need not repeat them.
MEASURES = frozenset("人数 百分比 比例 比重 占比 数量 数目 价格 金额 规模 有效期 期限 时间 时长 面积 长度 高度 "
                      "次数 数字 总数 总量 总额 数额 多少 增速 增幅 速度 年限 年龄 温度 距离 名称 型号".split())


@dataclass
class QuestionKind:
    kind: str          # list | factoid | general
    wants: str | None  # number | date | place | who | what | None
    head: str | None   # for lists: the noun the items are named by ("项目", "企业")
    focus: tuple[str, ...] = ()   # factoid: the words next to the question word ("多少游客" → 游客)
    around: tuple[str, str] = ("", "")  # the question's text just before and just after its question word
    numbers: tuple[str, ...] = ()  # digits the question states ("2024年"): the answer must state them too
    unit: str = ""     # number questions: the classifier asked for ("几套" → 套); the answer counts in it
    kind_of: str = ""  # what/who/place questions: the noun the answer is an instance of (什么原则 → 原则)


def classify(question: str, tokens: list[str]) -> QuestionKind:
    q = question.strip()
    if _LIST.search(q):
        before, after = _LIST.split(q, maxsplit=1)
        head = _phrase_head(after) or _head_noun(before, tokens)
        return QuestionKind("list", None, head)
    numbers = tuple(re.findall(r"\d+(?:\.\d+)?", q))
    for wants, pattern in _TYPES.items():
        if pattern.search(q):
            if wants == "number" and _MONEY_Q.search(q):
                wants = "money"
            if wants == "date" and re.search(r"哪天|哪一天|几月几[日号]|日期", q):
                wants = "day"
            return QuestionKind("factoid", wants, None, focus=focus_words(q, tokens), numbers=numbers,
                                around=around(q), unit=asked_unit(q) if wants == "number" else "",
                                kind_of=asked_kind(q, tokens) if wants in ("what", "who", "place") else "")
    return QuestionKind("general", None, None, numbers=numbers)


def around(question: str) -> tuple[str, str]:
    """The clause's text before and after the question word, without fillers (是, 的, 有…)
    or a leading classifier (多少家企业 → 企业)."""
    m = _WH.search(question)
    if not m:
        return "", ""
    after = _PUNCT.split(question[m.end():], maxsplit=1)[0]
    after = _FILLER.sub("", re.sub(r"^[个家项条位次年天名所座万亿千百]", "", after))
    before = _FILLER.sub("", _PUNCT.split(question[: m.start()])[-1])
    return before, after


_UNIT = re.compile(r"(?:几|多少)([个家项条位次天名所座套台辆架艘件只头株亩元吨枚颗场批轮户间处种类起例])")
_PLACE_SUFFIX = set("州省市县区国")  # one-character kinds: 哪个州 is answered by 佛罗里达州
_WHY = re.compile(r"(?<![选成作称改名认视列评定设转更命])为(?:什么|何)|何故")  # not 被选为|什么职位
_KIND = re.compile(r"(?:什么样的?|什么|哪个|哪家|哪一|哪种|何种|哪座|哪所|哪支|哪款|哪部|哪条)")


def asked_unit(question: str) -> str:
    """The classifier a count question asks in: 几套反无人机系统 is answered by "4套", not "13亿美元"."""
    m = _UNIT.search(question)
    return m.group(1) if m else ""


def asked_kind(question: str, tokens: list[str]) -> str:
    """The noun the answer is one of: right after 什么/哪个 (什么原则 → 原则, 哪个州 → 州), or
    before 是什么 (纪念碑的名称是什么 → 名称). The answer names it in words the question lacks."""
    if _WHY.search(question):
        return "原因"  # 为什么 holds 什么 but asks for a reason: the sentence saying 因为/由于 answers it
    m = _KIND.search(question)
    if not m:
        return ""
    after = question[m.end():]
    words = [t for t in tokens if (len(t) >= 2 or t in _PLACE_SUFFIX) and after.startswith(t)]
    if not words and not _PUNCT.sub("", after) and question[: m.start()].endswith(("是", "为")):
        before = re.sub(r"[是为]$", "", question[: m.start()])  # 目的是什么 keeps the 的 of 目的; 关注的是什么 names no kind
        words = [t for t in tokens if len(t) >= 2 and before.endswith(t)]
    return max(words, key=len) if words else ""


def closeness(sentence: str, around: tuple[str, str]) -> int:
    """Characters of the question's wording next to its question word found verbatim in the sentence:
    the longest tail of the text before it ("年能加工") plus the longest head of the text after it."""
    before, after = around
    tail = next((n for n in range(len(before), 1, -1) if before[-n:] in sentence), 0)
    head = next((n for n in range(len(after), 1, -1) if after[:n] in sentence), 0)
    return tail + head


def focus_words(question: str, tokens: list[str]) -> tuple[str, ...]:
    """Words right after the question word, else right before it: what is asked about.

    "接待多少游客" → 游客; "工业产值是多少" → 工业产值. A sentence lacking them
    answers some other question about the same topic.
    """
    before, after = around(question)
    span = after if len(after) >= 2 else before[-6:]
    if not span:
        return ()
    # Only nouns: a sentence may say 召开 where the question says 举办, but 游客 has no stand-in.
    nouns = [w.word for w in _posseg().lcut(span) if w.flag.startswith("n") or w.flag == "vn"]
    measures = [m for m in MEASURES if m in span]  # 百分 of 百分比 is no focus either: "52.3%" answers it
    words = [t for t in tokens if len(t) >= 2 and any(t in n for n in nouns) and not any(t in m for m in measures)]
    longest = [w for w in words if not any(w != o and w in o for o in words)]
    return tuple(dict.fromkeys(longest))


def _phrase_head(after: str) -> str | None:
    """The last noun of the noun phrase after 哪些: 非洲国家领导人发表了… → 领导人."""
    head = None
    for w in _posseg().lcut(after):
        if not (w.flag.startswith("n") or w.flag == "vn") or len(w.word) < 2:
            break
        head = w.word
    return head


def _head_noun(before: str, tokens: list[str]) -> str | None:
    """The last word of the question before 有哪些: in 德格帮扶项目有哪些 it is 项目."""
    words = [t for t in tokens if t in before and len(t) >= 2]
    if not words:
        return None
    return max(words, key=before.rfind)


@lru_cache(maxsize=1)
def _posseg():
    import jieba.posseg

    return jieba.posseg


def has_evidence(sentence: str, wants: str | None, asked: Iterable[str] = ()) -> bool:
    """Does the sentence contain the kind of thing asked for (a number for 多少…)?

    Words of the question itself (`asked`) do not count: 产业园 in "高德产业园设在哪里"
    is not a place that answers it.
    """
    pattern = _EVIDENCE.get(wants or "")
    if not pattern:
        return True
    for word in sorted(asked, key=len, reverse=True):
        sentence = sentence.replace(word, " ")
    return bool(pattern.search(sentence))


_JOINT = re.compile(r"分别|加起来|合计|一共|总共|各自|各是|两者|二者")
_PREDICATE = re.compile(r"的|分别|加起来|合计|一共|总共|各自|各是|是|有|在|投资|签")


def split_parts(question: str) -> list[str]:
    """'A和B的总投资分别是多少' → ['A的总投资是多少', 'B的总投资是多少']; [] when not such a question.

    Only questions that say they ask about each part (分别, 加起来…) are split, at
    their first 和/与/以及, and the shared predicate is copied to both subjects.
    """
    q = question.strip()
    if not _JOINT.search(q):
        return []
    m = re.search(r"以及|和|与|跟|同", q)
    if not m:
        return []
    left, right = q[: m.start()], q[m.end():]
    p = _PREDICATE.search(right, 2)
    if not p or len(left) < 2:
        return []
    subject, predicate = right[: p.start()], _JOINT.sub("", right[p.start():])
    predicate = re.sub(r"^的的", "的", predicate)
    return [left + predicate, subject + predicate]
