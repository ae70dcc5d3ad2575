import json

from wenjin.index.readers import RawArticle, Rejected, read_file, split_listing


def read(path):
    return list(read_file(path, path.name))


def test_listing_page_becomes_one_article_each_with_its_own_date(tmp_path):
    page = "-\n眉山签约锂电项目\n眉山市彭山区签约锂电正极材料项目，总投资45亿元。\n2024-03-18\n" \
           "-\n遂宁举办推介会\n遂宁市在成都举办食品饮料推介会，签约23个项目。\n2024-03-15\n有想补充的信息?点我投稿\n"
    f = tmp_path / "listing.txt"
    f.write_text(page, encoding="utf-8")
    items = read(f)
    assert [i.source for i in items] == ["listing.txt#1", "listing.txt#2"]
    assert items[1].text.splitlines()[0] == "遂宁举办推介会"
    assert items[1].text.splitlines()[-1] == "2024-03-15"


def test_an_ordinary_article_with_one_date_is_not_a_listing():
    assert split_listing("标题\n2024-03-18\n正文一句。\n正文二句。") is None


def test_gbk_big5_and_bom_files_are_decoded(tmp_path):
    text = "成都高新区与德格县签署合作协议，共建产业园区，首批签约十五个项目。"
    for name, data in [("gbk.txt", text.encode("gbk")), ("bom.txt", b"\xef\xbb\xbf" + text.encode()),
                       ("big5.txt", "臺灣與四川簽署經貿合作協議，共建產業園區，首批簽約十五個項目。".encode("big5"))]:
        (tmp_path / name).write_bytes(data)
        [item] = read(tmp_path / name)
        assert isinstance(item, RawArticle), item
        assert "产业园区" in item.text or "產業園區" in item.text


def test_binary_empty_and_unsupported_files_are_rejected_with_a_reason(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "x.exe").write_bytes(b"MZ")
    reasons = {p: read(tmp_path / p)[0] for p in ("bin.txt", "empty.txt", "x.exe")}
    assert all(isinstance(r, Rejected) for r in reasons.values())
    assert "二进制" in reasons["bin.txt"].reason
    assert "空文件" in reasons["empty.txt"].reason
    assert ".exe" in reasons["x.exe"].reason


def test_jsonl_bad_lines_are_reported_by_number_and_good_lines_kept(tmp_path):
    f = tmp_path / "batch.jsonl"
    f.write_text("\n".join([
        json.dumps({"id": "a1", "title": "标题一", "date": "2024年5月12日", "text": "正文一"}, ensure_ascii=False),
        "{broken",
        json.dumps({"id": "a3", "title": "无正文"}, ensure_ascii=False),
    ]), encoding="utf-8")
    items = read(f)
    assert items[0].source == "batch.jsonl#a1" and items[0].meta["date"] == "2024-05-12"
    assert isinstance(items[1], Rejected) and "第 2 行" in items[1].reason
    assert isinstance(items[2], Rejected) and "text" in items[2].reason


def test_a_jsonl_line_of_binary_a_lone_surrogate_or_the_wrong_shape_loses_only_that_line(tmp_path):
    good = json.dumps({"title": "好行", "text": "道孚县新建温泉度假区，总投资3亿元。"}, ensure_ascii=False).encode()
    f = tmp_path / "mixed.jsonl"
    f.write_bytes(b"\xef\xbb\xbf" + good + b"\r\n\xff\xfe\x00garbage\n" + '{"text": "\\ud800理塘县新建赛马场。"}\n'.encode()
                  + b'[1, 2]\n{"text": 12345}\n')
    items = read(f)
    kept = [i.text for i in items if isinstance(i, RawArticle)]
    assert kept == ["道孚县新建温泉度假区，总投资3亿元。", "理塘县新建赛马场。"]
    reasons = [i.reason for i in items if isinstance(i, Rejected)]
    assert "第 2 行" in reasons[0] and "UTF-8" in reasons[0]
    assert "第 4 行" in reasons[1] and "对象" in reasons[1] and "第 5 行" in reasons[2] and "字符串" in reasons[2]


def test_utf16_without_its_byte_order_mark_is_text_not_binary(tmp_path):
    text = "UTF16文件：炉霍县建设光伏电站，装机容量20兆瓦。\n"
    for codec in ("utf-16-le", "utf-16-be"):
        (tmp_path / f"{codec}.txt").write_bytes((text * 3).encode(codec))
        [item] = read(tmp_path / f"{codec}.txt")
        assert isinstance(item, RawArticle) and "光伏电站" in item.text, item


def test_html_main_text_without_scripts_and_navigation(tmp_path):
    f = tmp_path / "page.html"
    f.write_text("<html><head><title>站点 - 文章</title><script>var x='广告';</script></head><body>"
                 "<nav>首页 | 新闻</nav><article><h1>川港签署9项协议</h1><p>正文第一段。</p></article>"
                 "<footer>京ICP备123号</footer></body></html>", encoding="utf-8")
    [item] = read(f)
    assert item.meta["title"] == "川港签署9项协议"
    assert "正文第一段" in item.text
    assert "广告" not in item.text and "首页" not in item.text and "ICP" not in item.text
