"""Citation checking: does each cited passage say what the claim citing it says?

Used after an LLM writes an answer (drop markers to passages that do not exist,
flag claims their passages do not support and numbers no passage holds) and by
`evals/` to score any answer's citations the same way.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Sequence


def norm(text: str) -> str:
    """Compare texts after NFKC, simplified script, lower case, no spaces or quotes."""
    from index.clean import to_simplified

    text = to_simplified(unicodedata.normalize("NFKC", text)).lower()
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



_MARKERS = re.compile(r"(?:\[\d+\])+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


# List numbers ("2. "), count headings ("共找到 4 项："), attributions ("另据《…》：", "原文还说：") frame a
# claim; the cited passage need not repeat them, so they are cut off before the claim is checked.
_ENUMERATOR = re.compile(r"^\s*(?:\d+[.、)）]|[-*•])\s*|^\s*共?(?:找到|有)?\s*\d+\s*项[^：:]{0,12}[：:]\s*"
                         r"|^\s*另?据[^：:，。]{1,60}?(?:报道|消息|称)?[：:]\s*|^\s*原文(?:还说)?[：:]\s*")


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
    return bool(norm(re.sub(r"[。；，、：\s（）()]", "", line)))


# A number is checked with its unit: "53亿美元" is not supported by "53亿元".
_QUANTITY = re.compile(r"\d+(?:\.\d+)?(?:[万亿千百]?(?:美元|港元|欧元|元|%|个|家|项|人|户|吨|亩|平方米|平方公里|兆瓦|年|月|日|天|名))?")
# Counts written in Chinese numerals (三年, 五个) are numbers too.
_CN_COUNT = re.compile(r"[一二两三四五六七八九十百千]+(?=[年个家项天名座条所批期])")
_NEGATION = ("不会", "不是", "没有", "并未", "并非", "未能", "不能", "无法", "不再", "不得")


def supports(quote: str, claim: str, facts: Sequence[str] = ()) -> bool:
    """A passage supports a claim when it holds the claim's facts, quantities, names, negations
    and most of its words.

    Facts: the must_include facts the claim states; quantities: every number with its unit
    (and counts in Chinese numerals); names: every word rare in general Chinese (a place,
    company or project the passage never names); negations (不会, 没有…) the passage lacks;
    words: at least 70% of the claim's content words.
    """
    from index.tokens import is_name, tokenize

    q, c = norm(quote), norm(claim)
    if not c:
        return True
    if any(norm(f) in c and norm(f) not in q for f in facts):
        return False
    if any(n not in q for n in _QUANTITY.findall(c) + _CN_COUNT.findall(c)):
        return False
    if any(w in c and w not in q for w in _NEGATION):
        return False
    words = [w for w in dict.fromkeys(tokenize(c)) if not w.isdigit() and len(w) > 1]
    if any(is_name(w) and w not in q for w in words):
        return False
    return not words or sum(w in q for w in words) / len(words) >= 0.7


_ONE_MARKER = re.compile(r"\[(\d+)\]")
FLAG_UNSUPPORTED = "〔资料未证实〕"
FLAG_NUMBER = "〔数字未见于资料〕"


@dataclass
class ClaimCheck:
    """One claim of an answer and what checking its citations found."""

    claim: str
    cited: list[int]
    supported: bool
    reason: str = ""                        # why not: 引用的资料不存在 / 资料未提及 / 未标注引用
    numbers_missing: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"claim": self.claim, "cited": self.cited, "supported": self.supported, "reason": self.reason,
                "numbers_missing": self.numbers_missing}


def has_markers(text: str) -> bool:
    return bool(_MARKERS.search(text))


def check(text: str, passages: dict[int, str]) -> tuple[str, list[ClaimCheck]]:
    """The answer with bad markers removed and unsupported claims flagged, plus one check per claim.

    `passages` maps the numbers the model was given to their text (title included).
    A marker to a number not given is removed; a claim none of whose cited passages
    supports it is flagged; a number in any claim that no passage holds is flagged.
    """
    everything = norm("\n".join(passages.values()))
    out, checks, pos = [], [], 0
    for m in _MARKERS.finditer(text):
        segment = text[pos:m.start()]
        cited = [int(n) for n in re.findall(r"\d+", m.group())]
        kept = [n for n in cited if n in passages]
        claim = _ENUMERATOR.sub("", segment.split("\n")[-1]).lstrip("；;，,。、 ")
        missing = [n for n in _NUMBER.findall(norm(claim)) if n not in everything]
        ok = any(supports(passages[n], claim) for n in kept)
        reason = "" if ok else ("引用的资料不存在" if not kept else "资料未提及")
        checks.append(ClaimCheck(claim.strip(), kept, ok, reason, missing))
        flags = ("" if ok else FLAG_UNSUPPORTED) + (FLAG_NUMBER if missing else "")
        out.append(segment + "".join(f"[{n}]" for n in kept) + flags)
        pos = m.end()
    rest = text[pos:]
    for line in rest.split("\n"):
        missing = [n for n in _NUMBER.findall(norm(line)) if n not in everything]
        if _content(line) and (missing or len(norm(line)) > 12):  # a claim of its own with no citation
            checks.append(ClaimCheck(line.strip().lstrip("；;，,。、 "), [], False, "未标注引用", missing))
    if rest and any(c.numbers_missing for c in checks if not c.cited):
        rest = rest.rstrip() + FLAG_NUMBER
    out.append(rest)
    text = "".join(out)
    while True:  # removing "[3]" from "[9[3]9]" would leave "[99]": sweep until no stray marker is left
        swept = _ONE_MARKER.sub(lambda m: m.group(0) if int(m.group(1)) in passages else "", text)
        if swept == text:
            return text, checks
        text = swept


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
