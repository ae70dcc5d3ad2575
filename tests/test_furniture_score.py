"""The fitted furniture score: units no pattern names go, short prose stays, and the fit runs."""

import json

import pytest

from wenjin.evals import fit_furniture
from wenjin.index import furniture_score
from wenjin.index.clean import clean_text

BODY = ("德格县与武侯区共建的藏药材种植基地今年扩种到3000亩，带动周边两个乡的牧户务工增收，"
        "县农牧局表示，基地明年将配套建设初加工车间，让药材在当地完成清洗和切片。"
        "基地采用“企业+合作社+牧户”的模式，企业保底收购，合作社组织种植，牧户以草场入股分红。")  # a flattened page
OFF = {"weights": {}, "bias": -30.0, "threshold": 1.0}


@pytest.mark.parametrize("furniture", [" 视频 某某广电出品", " 新媒体中心出品", " 某某融媒 出品"])
def test_furniture_no_pattern_names_goes_by_its_score(furniture, monkeypatch):
    """Credits closing a page flattened onto one line, in words no pattern lists."""
    assert clean_text(BODY + furniture) == BODY
    monkeypatch.setattr(furniture_score, "model", lambda: OFF)
    assert clean_text(BODY + furniture) != BODY  # the patterns alone keep it


@pytest.mark.parametrize("prose", ["会议由县委副书记主持。", "德格县今年还将新建两座冷库。", "王某摄影作品获奖。"])
def test_short_sentences_of_a_report_stay(prose):
    assert clean_text(BODY + prose + BODY) == BODY + prose + BODY


@pytest.mark.parametrize("line", ["某县与某区共建黑砂产业研究院", "发布时间：2023-10-21 09:30来源：某某商报"])
def test_a_short_line_of_a_structured_page_is_left_to_the_patterns(line):
    """A headline or a header line is where ingest finds the title and the date: the score, fitted on
    flattened pages, does not read short lines."""
    assert clean_text(line + "\n" + BODY) == line + "\n" + BODY


def test_a_unit_stating_a_full_date_is_kept_by_the_score():
    text = BODY + "\x1f发布时间：2023-10-21 09:30"  # \x1f: a blank where the page had a line break
    spans = furniture_score.units(text)
    assert furniture_score.scored_out(text, {**OFF, "bias": 30.0, "threshold": 0.5}) == spans[:-1]
    assert text[spans[-1][0]:].startswith("发布时间")


def test_cleaning_scores_a_unit_as_the_fitted_features_read_it():
    """Cleaning sums the weights without building features(); the two must agree, or the model
    fitted on features() is not the one applied."""
    units = ["某某日报 ", "记者 王某", "基地今年扩种到3000亩。", "本期主持人 小李", "2023年8月1日"]
    m = furniture_score.model()
    for i in range(len(units)):
        expected = furniture_score.probability(furniture_score.features(units, i), m)
        assert furniture_score._fast_probability(units, i, m) == pytest.approx(expected, abs=1e-12)
        assert furniture_score._fast_probability(units, i, m) == pytest.approx(expected, abs=1e-12)  # kept
