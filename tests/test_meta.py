import pytest

from wenjin.index.meta import describe, find_date


@pytest.mark.parametrize("text,iso", [
    ("2025-08-15", "2025-08-15"),
    ("2021年06月05日08:29  来源:重庆日报网", "2021-06-05"),
    ("[ 2023-07-28 16：40 ]", "2023-07-28"),
    ("12月16日,大会在东莞举办", "--12-16"),
    ("没有日期的一句话", None),
    ("2024年13月40日", None),
])
def test_dates_in_many_formats_and_no_guessed_year(text, iso):
    assert find_date(text) == iso


def test_a_full_date_wins_over_a_month_day_mention():
    assert find_date("3月21日举行。发布于2025年3月22日") == "2025-03-22"


def test_title_outlet_and_date_from_the_top_of_an_article():
    meta = describe("川渝共建产业集群\n2021年06月05日08:29  来源：重庆日报网\n6月4日，推介会在德阳举行。")
    assert meta == {"title": "川渝共建产业集群", "date": "2021-06-05", "outlet": "重庆日报网", "author": None, "url": None}


def test_a_source_line_is_not_taken_for_a_title():
    assert describe("(来源：德阳日报)\n当三星堆的神秘邂逅紫禁城，德阳在北京举办推广活动。")["title"] is None


def test_author_and_url_from_the_byline_and_the_footer():
    meta = describe("川港签署9项协议\n2024-05-22 10:05 来源：天府观察网 作者：张一帆\n正文。\n原文链接：https://example.cn/a/1.html")
    assert meta["author"] == "张一帆" and meta["url"] == "https://example.cn/a/1.html"
    assert describe("标题行\n（记者 李明 王芳）正文很多。")["author"] == "李明、王芳"
    assert describe("标题行\n记者从市商务局获悉，项目已签约。")["author"] is None
