"""Word, PDF and HTML pages: fixtures built here, each read for real."""

import io

import pytest

from wenjin.index.readers import read_file

BODY = "2024年3月8日，成都市与甘孜州签署对口协作协议，共建高原农产品加工园区，总投资12亿元。"


def read(path):
    return list(read_file(path, path.name))


def make_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds `lines` (Type0 font, Identity-H, a ToUnicode map).

    Written by hand because no installed library writes CJK PDFs without a CJK font file;
    glyphs are irrelevant here, only the text layer a reader extracts.
    """
    chars = sorted({ord(c) for line in lines for c in line})
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def "
            "1 begincodespacerange <0000> <FFFF> endcodespacerange "
            f"{len(chars)} beginbfchar " + " ".join(f"<{c:04X}> <{c:04X}>" for c in chars)
            + " endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
    text = " ".join(f"1 0 0 1 50 {780 - 20 * i} Tm <{''.join(f'{ord(c):04X}' for c in line)}> Tj"
                    for i, line in enumerate(lines))
    content = f"BT /F1 12 Tf {text} ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        "/Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type0 /BaseFont /CJK /Encoding /Identity-H /DescendantFonts [6 0 R] "
        "/ToUnicode 7 0 R >>",
        f"<< /Length {len(content.encode())} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /CJK /CIDSystemInfo "
        "<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
        f"<< /Length {len(cmap.encode())} >>\nstream\n{cmap}\nendstream",
    ]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n{body}\nendobj\n".encode())
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    out.write("".join(f"{o:010d} 00000 n \n" for o in offsets).encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def test_docx_paragraphs_and_tables_are_read(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("成甘协作签约")
    d.add_paragraph(BODY)
    table = d.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "项目", "牦牛肉精深加工"
    d.save(tmp_path / "a.docx")
    [item] = read(tmp_path / "a.docx")
    assert BODY in item.text and "牦牛肉精深加工" in item.text


def test_pdf_text_layer_is_read(tmp_path):
    (tmp_path / "a.pdf").write_bytes(make_pdf(["成甘协作签约", BODY]))
    [item] = read(tmp_path / "a.pdf")
    assert "总投资12亿元" in item.text.replace(" ", "") and "成甘协作签约" in item.text


def test_encrypted_scanned_and_corrupt_documents_are_rejected_with_a_reason(tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(make_pdf([BODY]))))
    writer.encrypt("secret")
    with (tmp_path / "locked.pdf").open("wb") as f:
        writer.write(f)
    (tmp_path / "scan.pdf").write_bytes(make_pdf([]))
    (tmp_path / "broken.pdf").write_bytes(make_pdf([BODY])[:200])
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    reasons = {p.name: read(p)[0].reason for p in sorted(tmp_path.iterdir())}
    assert "加密" in reasons["locked.pdf"]
    assert "文字层" in reasons["scan.pdf"]
    assert "损坏" in reasons["broken.pdf"] or "文字层" in reasons["broken.pdf"]
    assert "损坏" in reasons["broken.docx"]


PAGE = """<html><head><title>协作签约 - 某某新闻网</title>
<meta name="pubdate" content="2024-03-08 10:20"><meta name="author" content="李明">
<link rel="canonical" href="https://news.example.cn/2024/0308/1.html"></head><body>
<div class="top-menu"><a href="/">首页</a> <a href="/gn">国内</a> <a href="/cj">财经</a> <a href="/ty">体育</a></div>
<div class="main"><div class="article"><h1>成甘协作签约</h1>
<p>{body}</p><p>协议明确，园区首期将引进牦牛肉、青稞和中藏药材加工企业，预计带动当地两千余户农牧民增收。</p>
<p>双方还将在文旅、教育和医疗领域开展人才交流，成都每年选派一百名专业技术人员赴甘孜工作。</p></div>
<div class="side"><h3>热门排行</h3><ul><li><a href="/1">某明星新剧开播</a></li><li><a href="/2">周末天气预报</a></li>
<li><a href="/3">油价今晚调整</a></li></ul></div></div>
<div class="comments"><p>网友评论：支持！</p></div>
<div class="foot">Copyright 2024 某某新闻网 京ICP备12345678号</div>
<script>document.write('广告位')</script></body></html>"""


def test_html_main_text_is_extracted_from_the_page_chrome(tmp_path):
    (tmp_path / "p.html").write_text(PAGE.format(body=BODY), "utf-8")
    [item] = read(tmp_path / "p.html")
    assert BODY in item.text and "两千余户" in item.text
    for chrome in ("财经", "热门排行", "某明星新剧", "广告位"):
        assert chrome not in item.text, chrome
    assert item.meta == {"title": "成甘协作签约", "date": "2024-03-08", "author": "李明",
                         "url": "https://news.example.cn/2024/0308/1.html"}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_simplified_text_in_each_encoding(tmp_path, encoding):
    (tmp_path / "a.txt").write_bytes(("成甘协作签约\n" + BODY).encode(encoding))
    [item] = read(tmp_path / "a.txt")
    assert BODY in item.text


def test_expansion_limits_name_the_setting_that_raises_them(tmp_path, monkeypatch):
    """Under the size limit, a .docx of many elements, one declaring entities (billion laughs)
    and a PDF that extracts more text than allowed are each rejected, saying how to raise the limit."""
    import zipfile

    import docx

    monkeypatch.setenv("WENJIN_MAX_XML_ELEMENTS", "30000")  # the blank template alone has ~24,000
    monkeypatch.setenv("WENJIN_MAX_PDF_CHARS", "40")
    d = docx.Document()
    for _ in range(3000):
        d.add_paragraph("甘孜")
    d.save(tmp_path / "many.docx")
    small = docx.Document()
    small.add_paragraph(BODY)
    small.save(tmp_path / "fine.docx")
    with zipfile.ZipFile(tmp_path / "fine.docx") as src, zipfile.ZipFile(tmp_path / "laughs.docx", "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE d [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>', 1)
            out.writestr(info, data)
    (tmp_path / "long.pdf").write_bytes(make_pdf([BODY]))
    reasons = {p.name: read(p)[0] for p in sorted(tmp_path.iterdir())}
    assert "WENJIN_MAX_XML_ELEMENTS" in reasons["many.docx"].reason
    assert "实体声明" in reasons["laughs.docx"].reason
    assert "WENJIN_MAX_PDF_CHARS" in reasons["long.pdf"].reason
    assert BODY in reasons["fine.docx"].text  # an ordinary document passes every check
