"""Chinese word tokens for BM25, the same for chunks and for questions.

bm25s's default regex tokenizer keeps whole clauses as one token in Chinese,
so we feed it jieba's search-mode words instead, minus punctuation and
function words that every article contains.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sqlite3
from contextlib import closing
from functools import cached_property, lru_cache
from pathlib import Path

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


# jieba keeps its 500k-word dictionary as one marshalled dict; loading it is most of what a
# one-question `wenjin ask` would spend. An index keeps the same words in SQLite beside it
# (written by ingest, which has the dictionary loaded anyway), and a query process looks up only
# the few hundred words a question's cut asks about. Same words, same counts: the same cut.
_UNKNOWN = object()


class _Freq:
    """The parts of a dict jieba's Tokenizer uses for its FREQ (`in`, `[]`, `.get`, assignment
    by `add_word`), read from SQLite on demand; assignments stay in memory."""

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._known: dict[str, int | None] = {}  # looked up (None: not a word), a bounded cache
        self._added: dict[str, int] = {}         # the index's terms and their prefixes
        self.total = int(self._db.execute("select f from freq where w = ''").fetchone()[0])

    def get(self, word: str, default=None):
        if word in self._added:
            return self._added[word]
        value = self._known.get(word, _UNKNOWN)
        if value is _UNKNOWN:  # (threads may share this: read into a local, never back from the cache)
            if len(self._known) > 200_000:  # a server's years of questions: keep memory bounded
                self._known = {}
            row = self._db.execute("select f from freq where w = ?", (word,)).fetchone()
            value = self._known[word] = row[0] if row else None
        return default if value is None else value

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None

    def __getitem__(self, word: str) -> int:
        value = self.get(word)
        if value is None:
            raise KeyError(word)
        return value

    def __setitem__(self, word: str, freq: int) -> None:
        self._added[word] = freq


def dictionary_file(root: Path) -> Path:
    """Where an index directory keeps jieba's dictionary (named for jieba's version and words)."""
    import jieba

    words = Path(jieba.__file__).with_name("dict.txt")
    key = hashlib.sha1(f"{jieba.__version__}:{words.stat().st_size}".encode()).hexdigest()[:10]
    return root / f"jieba-{key}.sqlite"


def save_dictionary(root: Path) -> None:
    """Write jieba's dictionary beside an index, once per jieba version (a rename publishes it)."""
    path = dictionary_file(root)
    if path.exists():
        return
    jieba = _jieba()
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    try:
        with closing(sqlite3.connect(tmp)) as db:
            db.execute("create table freq (w text primary key, f integer) without rowid")
            db.executemany("insert into freq values (?, ?)", [("", jieba.dt.total), *jieba.dt.FREQ.items()])
            db.commit()
        os.replace(tmp, path)
    except (OSError, sqlite3.Error) as e:  # only speed is lost: queries then load jieba's own cache
        tmp.unlink(missing_ok=True)
        logging.getLogger("wenjin.tokens").warning("jieba 词典未能写入 %s（%s）；查询会慢一些", path, e)


_DICTIONARY: list[Path] = []  # the first loaded index's dictionary: question analysis cuts with it


def use_dictionary(path: Path) -> None:
    if path.exists() and not _DICTIONARY:
        _DICTIONARY.append(path)


def _cutter_over(path: Path | None, terms: frozenset[str] = frozenset()):
    """A jieba Tokenizer with `terms` added: over an index's SQLite dictionary when there is one,
    else over a copy of the loaded default dictionary (what ingest, which forks workers, uses: an
    SQLite connection must not cross a fork)."""
    import jieba

    cutter = jieba.Tokenizer()
    if path is not None:
        freq = _Freq(path)
        cutter.FREQ, cutter.total = freq, freq.total
    else:
        default = _jieba().dt
        cutter.FREQ, cutter.total = (dict(default.FREQ) if terms else default.FREQ), default.total
    cutter.initialized = True
    for term in sorted(terms):
        cutter.add_word(term)
    return cutter


@lru_cache(maxsize=1)
def _plain_over(path: Path | None):
    return _cutter_over(path) if path is not None else _jieba().dt


def plain_cutter():
    """jieba's cutter without any index's terms (question cues, claim words)."""
    return _plain_over(_DICTIONARY[0] if _DICTIONARY else None)


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

    def __init__(self, terms=(), dictionary: Path | None = None) -> None:
        self.terms = frozenset(t.strip().lower() for t in terms if t.strip())
        self.dictionary = dictionary if dictionary is not None and dictionary.exists() else None

    @cached_property
    def _cutter(self):
        return _cutter_over(self.dictionary, self.terms) if self.terms else self._plain

    @cached_property
    def _plain(self):
        return _plain_over(self.dictionary)

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
                    out += [p for p in self._plain.lcut(w) if p not in known and _KEEP.search(p) and p not in STOPWORDS]
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
