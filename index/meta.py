"""Title, date and outlet from the text of a scraped article.

Only what the text states is kept: a date without a year stays without a year
("12-16" is not turned into a guess), and an article with no date has none.
"""

from __future__ import annotations

import re

_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"|(?<![\d年])(?P<m2>\d{1,2})月(?P<d2>\d{1,2})日"
)
_OUTLET = re.compile(r"(?:来源|来自|媒体)\s*[:：]\s*([^\s()（）|｜,，。]{2,20}?)(?=作者|责任编辑|编辑|记者|通讯员|[\s()（）|｜,，。]|$)")
_AUTHOR = re.compile(r"(?:(?:作者|撰文|记者)\s*[:：]\s*|记者[ \u3000]+|文\s*/\s*)([\u4e00-\u9fff·]{2,4}(?![\u4e00-\u9fff])(?:[、 ][\u4e00-\u9fff·]{2,3}(?![\u4e00-\u9fff])){0,3})")
_URL = re.compile(r"https?://[^\s，。；）)\]」>\"']+")
_SENTENCE_END = "。！？!?；;…"


def find_dates(text: str) -> list[str]:
    """Every date in `text`, as ISO `YYYY-MM-DD`, or `--MM-DD` when no year is given."""
    out = []
    for m in _DATE.finditer(text):
        y = int(m.group("y")) if m.group("y") else None
        mo, d = (int(m.group("m")), int(m.group("d"))) if y else (int(m.group("m2")), int(m.group("d2")))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            out.append(f"{y:04d}-{mo:02d}-{d:02d}" if y else f"--{mo:02d}-{d:02d}")
    return out


def find_date(text: str) -> str | None:
    """The first full date in `text`, else the first month-day date, else None."""
    dates = find_dates(text)
    full = [d for d in dates if not d.startswith("--")]
    return (full or dates or [None])[0]


def find_outlet(text: str) -> str | None:
    m = _OUTLET.search(text)
    return m.group(1) if m else None


def find_author(text: str) -> str | None:
    m = _AUTHOR.search(text)
    return m.group(1).replace(" ", "、") if m else None


def find_url(text: str) -> str | None:
    m = _URL.search(text)
    return m.group(0).rstrip(".,") if m else None


def looks_like_title(line: str) -> bool:
    """A short line that does not read as a sentence of body text."""
    line = line.strip()
    return 4 <= len(line) <= 80 and line[-1] not in _SENTENCE_END


def guess_title(lines: list[str]) -> str | None:
    for line in lines[:3]:
        if looks_like_title(line) and not _OUTLET.search(line) and line[0] not in "(（[【":
            return line.strip()
    return None


def describe(text: str) -> dict:
    """Metadata stated near the top of the article, or in its last lines (as listings put it)."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    head, tail = "\n".join(lines[:6]), "\n".join(lines[-2:])
    dates = [d for d in (find_date(head), find_date(tail)) if d]
    full = [d for d in dates if not d.startswith("--")]
    date = (full or dates or [None])[0]
    return {"title": guess_title(lines), "date": date, "outlet": find_outlet(head),
            "author": find_author(head), "url": find_url(head) or find_url(tail)}
