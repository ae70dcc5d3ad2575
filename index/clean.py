"""First cleaning pass: make scraped Chinese text searchable and quotable.

Every rule here is general (it names a kind of mess, not a file). The text that
comes out is what gets indexed, quoted in citations and shown by `inspect`, so
cleaning must never invent text, only normalise or drop it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from . import furniture

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

# Pinyin glosses written after each character: 產(chǎn)業(yè) -> 產業. A gloss is
# latin letters with at least one tone mark, in ASCII or full-width brackets.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
_PINYIN = re.compile(rf"(?<=[{_CJK}])[(（]([a-z{_TONED}]{{1,7}})[)）]")

# Whitespace between two CJK characters, or between a digit/letter and a CJK
# character, is a typesetting artefact ("15 亿" / "3 月") that breaks phrase matching.
_SPACE_CJK = re.compile(rf"(?<=[{_CJK}0-9%])[ \t\u3000]+(?=[{_CJK}])|(?<=[{_CJK}])[ \t\u3000]+(?=[0-9])")

# On a page flattened onto one line, a blank between two Chinese characters is also where a line
# broke: a caption's credit (德制坦克 资料图 据介绍, 某某 摄) stands between blanks. Cleaning keeps
# the mark while the furniture rules run, as a control character that patterns read as whitespace
# (Python's \s matches it) and that nothing else produces, and drops it once furniture is out.
BOUNDARY = furniture.BOUNDARY
_BLANK_CJK = re.compile(rf"(?<=[{_CJK}])[ \t\u3000]+(?=[{_CJK}])")

# Half-width punctuation next to CJK text goes back to its full-width form so
# quotes read as Chinese (NFKC turned ，：；！？ into ASCII).
_PUNCT = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}
_PUNCT_CJK = re.compile(rf"(?<=[{_CJK}”’）)])([,:;!?])|([,:;!?])(?=[{_CJK}“‘])")



# What is left of UTF-8 read as cp1252/latin-1 once ftfy has repaired what it can:
# a Latin-1 letter followed by more Latin-1/cp1252 debris ("æ®æ‚‰"). In Chinese
# news such runs are never words, so they are dropped rather than shown.
_MOJIBAKE = re.compile(
    "[\u00c0-\u00ff][\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]+"
)


# A byte lost in a double-byte encoding shows as "?" or U+FFFD between Chinese
# characters (Chinese text writes its question mark full-width), and every
# character after it is misaligned until the next ASCII byte resynchronises
# ("规?偭恳淹黄1.4万亿元"). A run of ideographs with no punctuation from there to
# the next ASCII character or line end is that garbage; a run that reaches Chinese
# punctuation first was a real question mark and stays.
_LOST_BYTE = re.compile(rf"(?<=[{_CJK}])[?\ufffd][{_CJK}]{{1,40}}(?=[\x00-\x7f]|$)", re.M)


def _drop(pattern: re.Pattern, text: str, removed: list | None, kind: str, repl: str = "") -> str:
    def sub(m: re.Match) -> str:
        if removed is not None:
            removed.append((kind, m.group(0)))
        return repl
    return pattern.sub(sub, text)


# UTF-8 text once read as GBK (寰锋牸鍘夸笌 for 德格县与) and the classic debris of such
# round trips: 锟斤拷 is U+FFFD's UTF-8 bytes read as GBK, 烫烫/屯屯 are uninitialised buffers.
_GBK_DEBRIS = re.compile(r"(?:锟斤拷)+|烫{3,}|屯{3,}")
_CJK_CHAR = re.compile(rf"[{_CJK}]")


def _utf8_read_as_gbk(line: str, removed: list | None) -> str:
    """Re-decode a line whose GBK bytes form mostly valid UTF-8 Chinese: it was UTF-8 read as GBK.

    Genuine Chinese almost never does (its GBK bytes are not UTF-8), so the test is safe.
    Bytes lost in the first misreading leave a few characters unrecoverable; UTF-8
    resynchronises after them, so the rest of the line comes back.
    """
    if len(_CJK_CHAR.findall(line)) < 6:
        return line
    raw = line.replace("\ufffd", "").encode("gb18030")
    fixed = raw.decode("utf-8", errors="replace")
    wide = len(raw) - len(line.encode("ascii", "ignore"))  # bytes of non-ASCII characters
    if 3 * len(_CJK_CHAR.findall(fixed)) < 0.7 * wide:
        return line
    if removed is not None:
        removed.append(("修复", line))
    return fixed.replace("\ufffd", "")


def repair_mojibake(text: str, removed: list | None = None) -> str:
    """Re-decode what can be (UTF-8 read as GBK or as cp1252: é¦–æ‰¹ → 首批), drop what cannot.

    Runs after U+FFFD is gone, so no garbled run can be joined up by a later removal.
    """
    import ftfy

    text = _drop(_GBK_DEBRIS, text, removed, "乱码")
    return _drop(_MOJIBAKE, ftfy.fix_encoding(text), removed, "乱码")


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # imported lazily: loading the conversion tables costs ~50 ms

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified, so simplified questions match traditional articles."""
    return _t2s().convert(text)


def strip_pinyin(text: str, removed: list | None = None) -> str:
    return _drop(_PINYIN, text, removed, "拼音")


# Years written in Chinese numerals (二〇二三年) become digits, as the rest of the text
# and every question write them, so "2023年" finds them.
_CN_DIGITS = str.maketrans("〇零○一二三四五六七八九", "00012345678" + "9")
_CN_YEAR = re.compile(r"(?<![〇零○一二三四五六七八九十百千])[〇零○一二三四五六七八九]{4}(?=年)")


# "[3]" inside an article would read as one of our citation markers once quoted in an
# answer; the full-width brackets look the same to a reader and are never parsed as one.
_FAKE_MARKER = re.compile(r"\[(\d{1,4})\]")


def normalize(text: str, removed: list | None = None, boundaries: bool = False) -> str:
    """Character-level normalisation, safe on any substring (used on queries too).

    `removed`, when given, collects (kind, text) for everything dropped, so
    `wenjin inspect` can show what cleaning took out. With `boundaries`, a blank between two
    Chinese characters becomes BOUNDARY instead of going (cleaning drops it after furniture).
    """
    # Order matters: GBK re-decoding needs the raw lines; the lost-byte rule needs pinyin gone
    # and U+FFFD still there; mojibake runs are judged once U+FFFD can no longer split them.
    text = "\n".join(_utf8_read_as_gbk(line, removed) for line in text.split("\n"))
    text = _drop(_LOST_BYTE, strip_pinyin(text, removed), removed, "乱码")
    text = text.replace("\ufffd", "").replace("\u200b", "").replace("\ufeff", "")
    text = text.replace("\ufe0f", "").replace("\ufe0e", "")  # emoji presentation selectors: invisible, and they split names
    text = unicodedata.normalize("NFKC", repair_mojibake(text, removed))
    text = _drop(_MOJIBAKE, text, removed, "乱码")  # NFKC can fold a character into Latin-1 debris
    text = to_simplified(text)
    text = _CN_YEAR.sub(lambda m: m.group(0).translate(_CN_DIGITS), text)
    text = _FAKE_MARKER.sub(r"［\1］", text)
    text = _SPACE_CJK.sub("", _BLANK_CJK.sub(BOUNDARY, text) if boundaries else text)
    return _PUNCT_CJK.sub(lambda m: _PUNCT[m.group(1) or m.group(2)], text)


def clean_text(text: str, removed: list | None = None) -> str:
    """Normalise characters, drop page furniture, squeeze whitespace; keep line breaks.

    Pages flattened to one line (common in scraped corpora) hold whole articles on a line, so
    furniture is cut out of lines (index/furniture.py), and only a line that is furniture as a
    whole is dropped. Repeated until nothing changes (one pass's output can expose more mojibake
    to the next, e.g. a tab squeezed to a space after "Ã"), so cleaning is idempotent.
    """
    for _ in range(4):
        cleaned = _clean_once(text, removed)
        if cleaned == text:
            break
        text = cleaned
    return text


def _clean_once(text: str, removed: list | None) -> str:
    lines = []
    for raw in _normalized_lines(text, removed):
        line = furniture.strip(re.sub(r"[ \t]+", " ", raw).strip(), removed).replace(BOUNDARY, "")
        if line:
            lines.append(line)
    return "\n".join(lines)


WINDOW = 100_000  # characters normalised at a time in a very long line


def _normalized_lines(text: str, removed: list | None) -> list[str]:
    """`normalize`d lines. A text is normalised whole, unless it is longer than a window (a site
    flattened onto one line): then a window at a time, each cut after a line break or else after a
    sentence end, so memory follows the window rather than the text (normalisation is
    character-level, safe on any piece)."""
    parts, start = [], 0
    while start < len(text):
        end = len(text)
        if end - start > WINDOW:
            cut = max(text.rfind("\n", start, start + WINDOW), text.rfind("。", start, start + WINDOW))
            end = cut + 1 if cut >= start else start + WINDOW
        parts.append(normalize(text[start:end], removed, boundaries=True))
        start = end
    return "".join(parts).splitlines()
