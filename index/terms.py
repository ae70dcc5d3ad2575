"""A jieba user dictionary for one index: names found in its own articles plus the user's terms.

jieba cuts names it has never seen into single characters ("逢春麝业" → 逢/春/麝/业,
"高德产业园" → 高/德/产业园), so BM25 matches them only character by character
and a question may be cut differently from the article. Written by hand because
no maintained library does Chinese new-word discovery for jieba: a name shows up
as a run of two or more single-character pieces (optionally closed by a suffix
such as 产业园 or 公司) that recurs in the corpus. Function characters never
belong to such a run, which keeps ordinary phrases out.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Iterable

from .parallel import pmap
from .tokens import _jieba

SUFFIXES = frozenset(
    "产业园 工业园 科技园 园区 开发区 高新区 试验区 合作区 示范区 新区 公司 集团 合作社 基地 大学 学院 医院 "
    "中心 协会 商会 银行 景区 小镇 牧场 镇 乡 村 县 州 旗 社区 街道".split()
)
_FUNCTION = frozenset("的了在是和与及等为对将把被由从向于也就都而并之其这那有个中上下以年月日时分第各该此每已又再还更最很"
                      "一二三四五六七八九十百千万亿元多不没要会可能到来去说做让给着过所以但如因而且或")
_CJK = re.compile(r"^[\u4e00-\u9fff]$")
MIN_COUNT = 2
MAX_TERMS = 20000


def _runs(line: str) -> Iterable[str]:
    """Candidate names in one line: runs of single unknown characters, with a closing suffix."""
    run: list[str] = []
    for word in _jieba().lcut(line, HMM=False) + [""]:
        if len(word) == 1 and _CJK.match(word) and word not in _FUNCTION:
            run.append(word)
            continue
        if len(run) >= 2:
            name = "".join(run) + (word if word in SUFFIXES else "")
            if 3 <= len(name) <= 8:
                yield name
        run = []


def _candidates(text: str) -> Counter[str]:
    return Counter(name for line in text.splitlines() for name in _runs(line))


def discover(texts: Iterable[str], min_count: int = MIN_COUNT) -> set[str]:
    """Names that recur at least `min_count` times across `texts`."""
    counts: Counter[str] = Counter()
    _jieba()  # loaded before workers fork, so they inherit it
    for found in pmap(_candidates, list(texts)):
        counts.update(found)
    return {name for name, n in counts.most_common(MAX_TERMS) if n >= min_count}


def read_terms_file(path: Path) -> set[str]:
    """One term per line (jieba's `word [freq] [tag]` lines work too); `#` starts a comment."""
    try:
        lines = path.read_text("utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise ValueError(f"词表文件 {path} 无法读取（{e}）；请提供 UTF-8 文本，每行一个词") from None
    terms = {line.split("#")[0].split()[0] for line in lines if line.split("#")[0].strip()}
    bad = sorted(t for t in terms if len(t) < 2)
    if bad:
        raise ValueError(f"词表文件 {path} 中有过短的词 {bad[:5]}；每个词至少两个字")
    return terms
