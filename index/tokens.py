"""Chinese word tokens for BM25, the same for chunks and for questions.

bm25s's default regex tokenizer keeps whole clauses as one token in Chinese,
so we feed it jieba's search-mode words instead, minus punctuation and
function words that every article contains.
"""

from __future__ import annotations

import logging
import re
from functools import cached_property, lru_cache

_KEEP = re.compile(r"[\w\u3400-\u9fff]")
STOPWORDS = frozenset(
    "的 了 和 与 及 或 是 在 为 对 将 把 被 由 从 向 于 也 就 都 而 并 等 之 其 这 那 有 个 中 上 下 以 "
    "吗 呢 吧 啊 么 哪些 哪个 哪里 哪儿 什么 多少 几 怎么 怎样 如何 为什么 是否 谁 何时 哪天 有没有 "
    "请问 一下 告诉 我 你 我们 它 他们 分别 主要 包括 包含 哪 几个 多大 多长 多久".split()
)


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


# Question words carry no content, and jieba's search mode would split them into
# words that do ("哪一年" → "一年"), so questions lose them before tokenising.
_QUESTION_WORDS = re.compile(
    r"哪一年|哪年|哪一天|哪天|什么时候|什么时间|什么样的?|多少|哪些|哪里|哪儿|哪个|哪家|哪位|哪一|哪几|"
    r"是否|有没有|为什么|为何|有何|怎么样|怎样|如何|何时|何地|何种|什么|谁|吗|呢|几(?=[个家项条位次年天名所座月日号])"
)


class Tokenizer:
    """jieba search-mode words, with an index's own terms (index/terms.py) kept whole.

    Each index gets its own jieba instance, so two indexes in one process never
    share a dictionary, and a question is cut with the same terms as the chunks.
    A term also yields the words jieba would cut it into without the term
    ("逢春麝业" → 逢春麝业 + 逢春 + 麝业), so adding a term never loses a match.
    """

    def __init__(self, terms=()) -> None:
        self.terms = frozenset(t.strip().lower() for t in terms if t.strip())

    @cached_property
    def _cutter(self):
        if not self.terms:
            return _jieba()
        import jieba

        # A copy of the default dictionary instead of a second load from jieba's cache: loading
        # is most of the time a one-question `wenjin ask` spends in jieba.
        default = _jieba().dt
        cutter = jieba.Tokenizer()
        cutter.FREQ, cutter.total, cutter.initialized = dict(default.FREQ), default.total, True
        for term in sorted(self.terms):
            cutter.add_word(term)
        return cutter

    def tokenize(self, text: str) -> list[str]:
        """Search-mode jieba words (overlapping sub-words help recall on compound names)."""
        out = []
        for w in self._cutter.lcut_for_search(text.lower()):
            if w.isdigit() and w.isascii():
                w = w.lstrip("0") or "0"  # "07" in 2023-07-28 matches "7" in 2023年7月28日
            if _KEEP.search(w) and w not in STOPWORDS:
                out.append(w)
                if w in self.terms:  # search mode already gave the sub-words jieba knows
                    known = set(out[-len(w):])
                    out += [p for p in _jieba().lcut(w) if p not in known and _KEEP.search(p) and p not in STOPWORDS]
        return out

    def query_tokens(self, question: str) -> list[str]:
        return self.tokenize(_QUESTION_WORDS.sub(" ", question))


DEFAULT = Tokenizer()
tokenize = DEFAULT.tokenize
query_tokens = DEFAULT.query_tokens


@lru_cache(maxsize=1)
def _general_idf() -> dict[str, float]:
    """jieba's own idf table (270k words, from a general corpus), shipped in its wheel."""
    import os

    import jieba.analyse

    path = os.path.join(os.path.dirname(jieba.analyse.__file__), "idf.txt")
    with open(path, encoding="utf-8") as f:
        return {w: float(v) for w, v in (line.split() for line in f if line.strip())}


def general_idf(word: str) -> float:
    """How rare `word` is in general Chinese; words jieba's table lacks count as rarest."""
    return _general_idf().get(word, 99.0)
