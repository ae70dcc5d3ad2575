import pytest

from index.meta import describe, find_date


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
