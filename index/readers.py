"""Readers: files on disk → raw articles (text plus whatever metadata the file states).

A reader never raises for bad content: it returns `Rejected(source, reason)` so
one broken file is reported and the rest of the folder is still indexed.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .meta import find_author, find_date, find_outlet

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".docx", ".pdf")
MAX_BYTES = 50 * 1024 * 1024


@dataclass
class RawArticle:
    source: str
    text: str
    meta: dict = field(default_factory=dict)  # title/date/url/outlet stated by the file itself


@dataclass
class Rejected:
    source: str
    reason: str


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) first, then the encoding charset-normalizer detects.

    Raises ValueError when the bytes are not text in any encoding we can trust.
    """
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        if (text := _utf16(data)) is not None:
            return text
        raise ValueError("二进制文件（含 NUL 字节），不是文本")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        if e.start >= len(data) - 3 and e.reason == "unexpected end of data":
            return data[:e.start].decode("utf-8-sig")  # a file cut mid-character: keep all but the stub
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ValueError("无法识别文件编码；请转存为 UTF-8")
    text = str(best)
    if best.encoding.lower() in {"gb2312", "gbk"}:
        text = data.decode("gb18030", errors="replace")  # gb18030 is the superset; detectors under-report it
    return text


def _utf16(data: bytes) -> str | None:
    """UTF-16 saved without its byte-order mark (ASCII in it is half NUL bytes): the byte order whose
    decoding is all printable text, or None for binary data."""
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if text and sum(c.isprintable() or c in "\r\n\t" for c in text) >= 0.99 * len(text):
            return text
    return None


_DATE_LINE = re.compile(r"^\[?\s*(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}[:：]\d{2}(?::\d{2})?)?\s*\]?$")


def split_listing(text: str) -> list[str] | None:
    """Split a listing page (title, body, date line — repeated) into its articles.

    Returns None when the page is not a listing: fewer than two date lines each
    closing a block that opens with a short title line followed by body text.
    """
    lines = [ln.strip() for ln in text.splitlines()]
    blocks, current = [], []
    for line in lines:
        if line in {"-", "—", "*"}:
            continue
        current.append(line)
        if _DATE_LINE.match(line):
            blocks.append(current)
            current = []
    blocks = [[ln for ln in b if ln] for b in blocks]
    articles = [b for b in blocks if len(b) >= 3 and len(b[0]) <= 80 and len("".join(b[1:-1])) > len(b[0])]
    if len(articles) < 2 or len(articles) < len(blocks):
        return None
    return ["\n".join(b) for b in articles]


def _markdown_to_text(text: str) -> str:
    text = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S)           # front matter
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)                  # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)              # links keep their words
    text = re.sub(r"^\s{0,3}(?:=+|-{3,}|\*{3,})\s*$", "", text, flags=re.M)  # setext underlines, rules
    text = re.sub(r"^\s{0,3}(?:#{1,6}|>|[-*+]\s|\d+\.\s)\s*", "", text, flags=re.M)
    text = re.sub(r"(\*\*|__|`)", "", text)
    return re.sub(r"(?<![\w*])[*_]([^*_\n]+)[*_](?![\w*])", r"\1", text)  # *emphasis*


def _html_meta(soup) -> dict:
    """What the page's <head> states: publication date, canonical URL, author."""
    meta = {}
    for key in ("article:published_time", "pubdate", "publishdate", "date", "dc.date"):
        tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
        if tag and tag.get("content") and find_date(tag["content"]):
            meta["date"] = find_date(tag["content"])
            break
    url = soup.find("link", rel="canonical") or soup.find("meta", attrs={"property": "og:url"})
    if url and (url.get("href") or url.get("content")):
        meta["url"] = url.get("href") or url.get("content")
    author = soup.find("meta", attrs={"name": "author"})
    if author and author.get("content"):
        meta["author"] = author["content"].strip()
    return meta


def _header_meta(soup, title: str, meta: dict) -> None:
    """Date, outlet and author from the byline under the headline (发布时间… | 来源…), which
    main-text extraction drops as page chrome; what <head> stated already wins."""
    page = (soup.body or soup).get_text("\n", strip=True)
    at = page.find(title) if title else -1
    byline = page[at + len(title): at + len(title) + 300] if at >= 0 else page[:300]
    found = {"date": find_date(byline), "outlet": find_outlet(byline), "author": find_author(byline)}
    for key, value in found.items():
        if value and not meta.get(key):
            meta[key] = value


def _html_to_article(html: str) -> tuple[str, dict]:
    """Main text without page chrome: trafilatura's extraction, bs4 when it finds nothing."""
    import trafilatura
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    meta = _html_meta(soup)
    h1 = soup.find("h1")
    title = (h1.get_text(" ", strip=True) if h1 else "") or (soup.title.get_text(strip=True) if soup.title else "")
    # Chrome that HTML names as such goes first; trafilatura then finds the main
    # text among what is left (sidebars, link lists, comment blocks).
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe"]):
        tag.decompose()
    _header_meta(soup, title, meta)
    extracted = trafilatura.extract(str(soup), include_comments=False, include_tables=True, favor_recall=True,
                                    include_links=False, include_images=False)
    if extracted and extracted.strip():
        text = extracted
    else:
        body = soup.find("article") or soup.find("main") or soup.body or soup
        text = body.get_text("\n", strip=True)
    if title:
        meta["title"] = title
        if title not in text[:200]:
            text = title + "\n" + text
    return text, meta


def _limit(name: str, default: int) -> int:
    """A reader's limit, raised by the environment variable its rejection names (a setting a reader
    needs while the rest of the settings live a layer above, in rag/settings.py)."""
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


def _docx_text(data: bytes) -> str:
    import io
    import zipfile

    import docx  # python-docx

    # A few MB of .docx can unpack to gigabytes of XML (a zip bomb): the sizes the archive
    # declares are checked before anything is unpacked, and zipfile reads no more than declared.
    limit = _limit("WENJIN_MAX_EXPANDED_MB", 200)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        expanded = sum(i.file_size for i in z.infolist())
        if expanded > limit * 2**20:
            raise ValueError(f"Word 文档解压后有 {expanded // 2**20} MB，超过 {limit} MB 的上限；"
                             f"请拆分文档，或设 WENJIN_MAX_EXPANDED_MB 提高上限")
        _check_xml_parts(z)
    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += ["\t".join(cell.text for cell in row.cells) for row in table.rows]
    return "\n".join(lines)


def _check_xml_parts(z) -> None:
    """Stream every XML part once before the parser sees it: count its elements (a small file of
    millions of empty paragraphs parses into gigabytes) and refuse entity declarations (billion
    laughs), the checks defusedxml makes, without building the tree twice."""
    limit = _limit("WENJIN_MAX_XML_ELEMENTS", 2_000_000)
    elements = 0
    for info in z.infolist():
        if not info.filename.endswith((".xml", ".rels")):
            continue
        with z.open(info) as part:
            tail = b""
            while chunk := part.read(1 << 20):
                window = tail + chunk
                if b"<!ENTITY" in window or b"<!DOCTYPE" in window:
                    raise ValueError(f"Word 文档的 {info.filename} 含有实体声明（可能是恶意构造的文件），已拒收")
                elements += chunk.count(b"<")
                tail = chunk[-8:]
                if elements > limit:
                    raise ValueError(f"Word 文档的 XML 元素超过 {limit:,} 个；请拆分文档，"
                                     f"或设 WENJIN_MAX_XML_ELEMENTS 提高上限")


def _pdf_text(data: bytes) -> str:
    import io
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings (EOF marker not found) are ours to word
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        raise ValueError("PDF 已加密；请先解除密码保护再导入")
    pages = _limit("WENJIN_MAX_PDF_PAGES", 2000)
    if len(reader.pages) > pages:
        raise ValueError(f"PDF 有 {len(reader.pages)} 页，超过 {pages} 页的上限；请拆分，或设 WENJIN_MAX_PDF_PAGES 提高上限")
    limit, parts, chars = _limit("WENJIN_MAX_PDF_CHARS", 20_000_000), [], 0
    for page in reader.pages:  # one page's content stream can expand to any amount of text
        parts.append(page.extract_text() or "")
        chars += len(parts[-1])
        if chars > limit:
            raise ValueError(f"PDF 提取出的文字超过 {limit:,} 字；请拆分，或设 WENJIN_MAX_PDF_CHARS 提高上限")
    text = "\n".join(parts)
    if not text.strip():
        raise ValueError("PDF 没有文字层（可能是扫描件）；请先做 OCR 再导入")
    return text


def _binary_text(suffix: str, data: bytes) -> str:
    """Text of a .docx or .pdf; any failure of the parser becomes a reason to reject."""
    try:
        return _docx_text(data) if suffix == ".docx" else _pdf_text(data)
    except ValueError:
        raise
    except Exception as e:  # the parsers raise many types for corrupt files
        kind = "Word 文档" if suffix == ".docx" else "PDF"
        raise ValueError(f"{kind}无法解析（{type(e).__name__}）；文件可能已损坏") from None


_SURROGATE = re.compile("[\ud800-\udfff]")  # a lone "\\ud800" escape is legal JSON but no character


def _jsonl_lines(source: str, data: bytes) -> Iterator[tuple[int, str] | Rejected]:
    """The lines of a JSONL file decoded one by one (JSON is UTF-8): a line of binary or another
    encoding is rejected by its number, the other lines are kept."""
    for no, raw in enumerate(data.removeprefix(b"\xef\xbb\xbf").split(b"\n"), 1):
        try:
            if b"\x00" in raw:
                raise ValueError
            yield no, raw.decode("utf-8").rstrip("\r")
        except (UnicodeDecodeError, ValueError):
            yield Rejected(f"{source}:{no}", f"第 {no} 行不是 UTF-8 文本（含二进制或其他编码的字节）")


def _read_jsonl(source: str, text: str | None, data: bytes = b"") -> Iterator[RawArticle | Rejected]:
    """Articles of a JSONL file, one per line; `text` is the whole file decoded, or None where it
    could not be (binary or mixed bytes), and `data` its bytes, then read line by line."""
    lines = enumerate(text.splitlines(), 1) if text is not None else _jsonl_lines(source, data)
    for item in lines:
        if isinstance(item, Rejected):
            yield item
            continue
        no, line = item
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield Rejected(f"{source}:{no}", f"第 {no} 行不是合法 JSON（{e.msg}）")
            continue
        except RecursionError:  # 100,000 nested brackets: this line, not the file
            yield Rejected(f"{source}:{no}", f"第 {no} 行嵌套过深，无法解析；文章应是一层的 JSON 对象")
            continue
        if not isinstance(obj, dict):
            yield Rejected(f"{source}:{no}", f"第 {no} 行不是 JSON 对象；每行应是一篇文章：{{\"text\": \"…\", \"title\": \"…\"}}")
            continue
        if not isinstance(obj.get("text"), str) or not obj["text"].strip():
            yield Rejected(f"{source}:{no}", f"第 {no} 行缺少非空的 \"text\" 字段（应为字符串）")
            continue
        key = _SURROGATE.sub("", str(obj.get("id") or no))
        meta = {k: _SURROGATE.sub("", str(obj[k])) for k in ("title", "date", "url", "outlet", "author") if obj.get(k)}
        if "date" in meta:
            meta["date"] = find_date(meta["date"]) or meta["date"]
        yield RawArticle(f"{source}#{key}", _SURROGATE.sub("", obj["text"]), meta)


def read_file(path: Path, source: str) -> Iterator[RawArticle | Rejected]:
    """All articles in one file; `source` is how citations will name the file."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield Rejected(source, f"不支持的文件类型 {suffix or '(无扩展名)'}；支持 {' '.join(SUFFIXES)}")
        return
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield Rejected(source, f"文件过大（{size // 2**20} MB > {MAX_BYTES // 2**20} MB）；请拆分后再导入")
            return
        data = path.read_bytes()
        text = _binary_text(suffix, data) if suffix in (".docx", ".pdf") else decode(data)
    except ValueError as e:
        lines = list(_read_jsonl(source, None, data)) if suffix == ".jsonl" else []
        if any(isinstance(x, RawArticle) for x in lines):
            yield from lines  # a bad line, not a bad file
        else:
            yield Rejected(source, str(e))
        return
    except OSError as e:
        yield Rejected(source, str(e))
        return
    if not text.strip():
        yield Rejected(source, "空文件")
        return
    if suffix == ".jsonl":
        yield from _read_jsonl(source, text)
    elif suffix in (".html", ".htm"):
        body, meta = _html_to_article(text)
        yield RawArticle(source, body, meta)
    else:
        if suffix in (".md", ".markdown"):
            text = _markdown_to_text(text)
        parts = split_listing(text)
        if parts is None:
            yield RawArticle(source, text)
        else:
            for i, part in enumerate(parts, 1):
                yield RawArticle(f"{source}#{i}", part)


def printable(name: str) -> str:
    """A file name any index file, JSON line or terminal can hold, and that prints as what it is:
    bytes that are not UTF-8 as \\xff, control and format characters (BEL, the right-to-left
    override) as \\u202e. The same file always gets the same name, so incremental ingest still
    recognises it."""
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Cc", "Cf") else c for c in name)


def iter_files(paths: list[Path]) -> Iterator[tuple[Path, str, str | None]]:
    """(file, source name, problem) for every file under `paths`, sources relative to each root.

    `problem` is a reason to reject the file without reading it: a symlink whose target lies
    outside the folder being ingested (a link to /etc/passwd must not end up quotable).
    """
    for root in paths:
        if root.is_file():
            yield root, printable(root.name), None
            continue
        if not root.exists():
            raise FileNotFoundError(f"路径不存在：{root}")
        top = root.resolve()
        for path in sorted(p for p in root.rglob("*") if not p.is_dir() or p.is_symlink()):
            if any(part.startswith(".") for part in path.relative_to(root).parts):
                continue
            problem = "指向目录的符号链接不跟随，已跳过；需要时请直接导入该目录" if path.is_dir() else _unreadable(path, top)
            yield path, printable(path.relative_to(root).as_posix()), problem


def _unreadable(path: Path, top: Path) -> str | None:
    """Why an entry is not read as an article, or None. Symbolic links are followed inside the folder
    only; a hard link is an ordinary file (nothing tells where its other names lie)."""
    if path.is_symlink() and not path.exists():
        return "符号链接指向不存在的文件或形成循环，已跳过"
    if not path.is_file():
        return "不是普通文件（管道、设备或套接字），已跳过"
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return "符号链接无法解析（循环），已跳过"
    if target != top and top not in target.parents:
        return "符号链接指向导入目录之外，已跳过"
    return None
