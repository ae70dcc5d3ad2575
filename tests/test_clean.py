import pytest

from wenjin.index.clean import clean_text, normalize
from wenjin.index.furniture import is_boilerplate, is_link_farm


def test_pinyin_glosses_are_removed_and_script_simplified():
    assert normalize("中國(guó)產(chǎn)業(yè)名片") == "中国产业名片"


def test_full_width_digits_and_spaces_inside_chinese_are_normalised():
    assert normalize("签约 １５ 个项目，投资 10 亿元") == "签约15个项目，投资10亿元"


def test_ascii_punctuation_between_chinese_goes_back_to_full_width():
    assert normalize("德格县,成都高新区:合作!") == "德格县，成都高新区：合作！"


def test_decimal_points_and_latin_text_are_left_alone():
    assert normalize("增长19.3%, GDP 3.5") == "增长19.3%, GDP 3.5"


def test_mojibake_is_repaired_or_dropped():
    garbled = "首批签约".encode("utf-8").decode("cp1252", errors="replace")
    assert normalize(f"双方{garbled}项目") == "双方首批签约项目"
    assert "æ" not in normalize("示范应用。æ®æ‚‰,双方")


def test_boilerplate_lines_are_dropped_and_content_kept():
    text = "\n".join([
        "标题：德格县签约8个项目",
        "![]()",
        "正文第一句。",
        "责任编辑：王某",
        "Copyright 1999-2025 某网 All Rights Reserved.京ICP备14033264号-5",
        "特别声明:以上内容为自媒体平台用户上传并发布,本平台仅提供信息存储服务。",
        "Notice: The content above is uploaded by a user.",
        "上一篇 2025年3月22日",
        "阿城市| 航空| 永登县| 南宁市| 东平县| 洛宁县| 张家港市",
        "本文由 some_bot 整理发布,转载请保留出处:https://www.example.org/archives/1.html",
        "未经授权，禁止转载。",
        "图片来源/某某互动",
        "视频来源丨某某新闻",
    ])
    assert clean_text(text) == "标题：德格县签约8个项目\n正文第一句。"


def test_link_farm_needs_many_short_items():
    assert is_link_farm("成都| 德阳| 眉山| 资阳| 渝北| 江北")
    assert not is_link_farm("成都市与德阳市 | 签约仪式")
    assert not is_boilerplate("编辑部门表示将继续推进合作。")


def test_cleaning_is_idempotent():
    text = "中國(guó)產(chǎn)業(yè) 15 亿\n\n责任编辑：某\n正文。"
    once = clean_text(text)
    assert clean_text(once) == once


def test_a_whole_article_on_one_line_keeps_its_body():
    body = "德阳经开区与上海临港签约共建氢能装备产业园，首批签约项目5个，总投资28亿元。" * 4
    flat = body + "责任编辑：王某。版权所有，未经授权不得转载。"
    assert clean_text(flat) == body


def test_a_run_misaligned_by_a_lost_byte_is_dropped_and_recorded():
    removed = []
    assert clean_text("两地装备制造业规?偭恳淹黄1.4万亿元。", removed) == "两地装备制造业规1.4万亿元。"
    assert removed == [("乱码", "?偭恳淹黄")]


def test_a_real_question_mark_is_kept():
    assert clean_text("他问：是吗?他说，不是。") == "他问：是吗？他说，不是。"
    assert clean_text("项目是否可行?") == "项目是否可行？"


def test_cleaning_records_what_it_removed():
    removed = []
    clean_text("產(chǎn)業(yè)园签约。\n责任编辑：张三\n版权所有 © 某某网", removed)
    kinds = [k for k, _ in removed]
    assert kinds.count("拼音") == 2 and kinds.count("版式") == 2


def test_years_in_chinese_numerals_become_digits():
    assert normalize("二〇二三年签约，二○一八年开工") == "2023年签约，2018年开工"
    assert normalize("一千二百年前") == "一千二百年前"


def test_iso_and_chinese_dates_share_their_bm25_words():
    from wenjin.index.tokens import tokenize

    assert {"2023", "7", "28"} <= set(tokenize("2023-07-28签约")) & set(tokenize("2023年7月28日签约"))


def test_chrome_words_inside_a_sentence_of_content_are_kept():
    text = "王同学分享到：“今天我学到了保护鱼类，不能乱丢垃圾，回家后要告诉爸爸妈妈。”"
    assert clean_text(text) == text
    assert clean_text("李同学分享到：“我学会了垃圾分类。”") == "李同学分享到：“我学会了垃圾分类。”"
    assert clean_text("扫一扫分享到朋友圈") == ""
    assert clean_text("本文仅代表作者本人观点，不构成投资建议。") == ""


def test_utf8_read_as_gbk_is_re_decoded():
    original = "德格县与成都高新区签约共建产业园，总投资15亿元，带动牧民增收。"
    garbled = original.encode("utf-8").decode("gbk", errors="replace")
    removed = []
    repaired = clean_text(garbled, removed)
    assert removed[0][0] == "修复" and "德格县与成都高新区" in repaired and "15亿元" in repaired
    assert not set(repaired) - set(original)  # only characters of the original come back


def test_round_trip_debris_is_dropped_and_genuine_text_untouched():
    assert clean_text("项目锟斤拷锟斤拷签约。烫烫烫烫") == "项目签约。"
    genuine = "成都高新区与德格县携手共建高德产业园，首批签约15个项目。"
    removed = []
    assert clean_text(genuine, removed) == genuine and removed == []


def test_citation_like_markers_in_articles_cannot_pose_as_citations():
    assert clean_text("项目投资3亿元[1]，详见附件[12]。") == "项目投资3亿元［1］，详见附件［12］。"


BODY = ("德格县与武侯区共建的藏药材种植基地今年扩种到3000亩，带动周边两个乡的牧户务工增收，"
        "县农牧局表示，基地明年将配套建设初加工车间，让药材在当地完成清洗和切片。"
        "基地采用“企业+合作社+牧户”的模式，企业保底收购，合作社组织种植，牧户以草场入股分红。")


@pytest.mark.parametrize("furniture", [
    "【编辑：周某】 更多精彩内容请进入国内新闻",
    "[ 责编：李某 ]",
    "【纠错】 【责任编辑：张某 】",
    "返回搜狐，查看更多责任编辑：",
    "(完)",
    "（完）【编辑:吴某】",
    "(责任编辑：孙某 CN021)",
    "某某日报记者 王小明 编辑 李某 责编 赵某某",
    "来源：某某新闻网 | 记者某某 流程编辑：U021",
    "本文由 xinwen_bot 整理发布，转载请保留出处：https://example.org/a/1.html",
    "以上内容由某数据平台根据公开信息整理，由算法生成，与本站立场无关。",
    "相关阅读：《另一篇文章的标题》《第三篇文章》",
    "图片来源/受访者供图",
    "关注官方微信公众号【某某之家】与微博等社群平台，了解更多的游戏资讯！",
    "本文由某某娱乐原创，欢迎关注，带你一起长知识！",
    "《某某教育报》2023年08月15日第1版",
    "对此，大家是如何看待的呢？以上为笔者个人观点，图片仅供参考！",
    "（持续更新中。。。）",
    "某某市广播电视台新媒体记者：王某某 编辑：李某某",  # an outlet's long name opening the credits
    "某某日报微信发布文案：李某剪辑：王某某",
    "来源：某某日报记者王某某编辑：李某某\ufe0f将我设为“星标”，获取第一手某地资讯",  # an emoji selector in a name
    "【原标题】某地暴雨致多条道路中断来源|某某网编辑|李某某",  # the headline again, among the closing credits
    "责任编辑：",
    "来源某某财经编辑王某监制赵某某点击在看，让更多朋友看到！",  # credits, then a prompt to press a button
    "来源/某县交警编辑/李某审核/王某监制/赵某点赞的你最可爱↓↓↓",
    "订阅号加星标，身边消息不错过",
    "责编丨李某审核丨王某猜你还会看：· 某地发布高温预警 · 某县开通夜间公交",
    "大家都在看↓↓↓某地发布高温预警！某县开通夜间公交...",
    "近日要览1.某地发布高温预警2.某县开通夜间公交",
    "本文源自某某财经李某",
    "部分素材整理自网络，遇侵必删。",
    "风险提示：基金有风险，投资需谨慎。本文观点仅供参考，不构成对任何产品的操作建议。基金过往业绩不代表其未来表现。",
    "风险提示及免责条款市场有风险，投资须谨慎。",
    "以上观点仅供参考，不作为交易依据。",
    "以上内容不代表某某网的任何立场。",
])
def test_furniture_after_a_flattened_article_is_cut_and_the_report_kept(furniture):
    """Scraped pages flattened onto one line: the furniture after the last sentence goes, the
    report stays whole, character for character."""
    assert clean_text(BODY + furniture) == BODY


@pytest.mark.parametrize("credit, rest", [
    ("某某新闻记者 李明", "近日，德格县召开藏药材产业推进会。"),
    ("来源：某某新闻网", "德格县召开藏药材产业推进会。"),
    ("来源：某某日报网", "德格县召开藏药材产业推进会。"),  # a paper's site: the 网 after 日报 is the name's
    ("本报评论员 李明", "乡村产业要立足本地资源。"),
    ("某城晚报客户端 | 记者 周小兰", "近日，德格县召开藏药材产业推进会。"),  # a separator after the outlet
    ("来源：某某县融媒体中心", "德格县召开藏药材产业推进会。"),  # a county's media centre, not 某某县融媒 + 体中心
    ("来源：某市新闻中心", "德格县召开藏药材产业推进会。"),
    ("本文转自：某某网 ", "德格县召开藏药材产业推进会。"),  # not 转自：某某网 with 本文 left behind, nor the report
    ("某某在线记者 李明 文/制图", "8月14日，德格县召开藏药材产业推进会。"),  # what the credit's name did
    ("全文共1200字，阅读大约需要3分钟 ", "德格县召开藏药材产业推进会。"),  # a reading-time counter
    ("撰文丨李明 ", "德格县召开藏药材产业推进会。"),
    ("扫描二维码观看相关视频。拍摄：李明制作：周小兰", "某某晚报讯（记者 李明）德格县召开藏药材产业推进会。"),
])
def test_a_credit_at_the_head_goes_and_the_report_starts_clean(credit, rest):
    assert clean_text(credit + rest + BODY) == normalize(rest + BODY)


@pytest.mark.parametrize("head", [
    "藏药材基地扩种三千亩某经记者：孙立 某经编辑：陈文",  # the outlet glued to the headline, repeated in the run
    "原标题：藏药材基地扩种三千亩 某报记者 尕玛多吉 罗小川 ",  # a name the tagger does not know, then one it does
])
def test_credits_after_a_headline_go_whole_and_the_headline_stays(head):
    rest = "德格县召开藏药材产业推进会。" + BODY
    assert clean_text(head + rest) == "藏药材基地扩种三千亩\n" + normalize(rest)


@pytest.mark.parametrize("prose", [
    "新华社成都8月2日电（记者 张某某）德格县召开藏药材产业推进会。",  # a dateline is the report's
    "【某某网报道 见习记者 张某某】德格县召开藏药材产业推进会。",  # so is an outlet's report in brackets
    "某某网8月15日讯(通讯员王某某文/图)德格县召开藏药材产业推进会。",
    "某某网8月15日讯(记者 王某某 李某某摄影报道)德格县召开藏药材产业推进会。",
    "网友上传的相关截图在网络上引发关注，县里随即回应。",  # a screenshot the report is about
    "记者从县农牧局获悉，基地明年扩种。",                               # 记者 + no name: prose
    "测量人员向记者表示，数据已经上报。",
    "他们在现场拍摄了基地的全景。",
    "卫星7月31日晚拍摄的影像显示，基地已被洪水包围。",  # 拍摄 with no colon is the report's
    "事发后有网友拍摄的视频显示，河水已漫过桥面。",                    # not 某某网+name+摄
    "带队老师王某某(某区摄影家协会副秘书长)指导学员拍摄了基地全景。",      # an office, not a photo credit
    "村民们纷纷为他点个赞，这段视频让更多人看到了守山人的坚持。",        # praise and reach, not page buttons
])
def test_prose_that_looks_like_credits_is_kept(prose):
    assert clean_text(prose + BODY) == normalize(prose + BODY)


def test_photo_credits_inside_an_article_go_but_the_caption_stays():
    caption = "图为牧民在基地采收红景天。"
    assert clean_text(caption + "李某某摄" + BODY) == caption + BODY
    assert clean_text(caption + "某某网李某某摄" + BODY) == caption + BODY  # the outlet goes with the name
    assert clean_text(BODY + "（受访者供图）" + BODY) == BODY + BODY


@pytest.mark.parametrize("furniture", [
    "图自外媒",         # a picture credit glued to the caption and the report
    "图据某县公安",
    "▲图源 Acme Labs 公司",  # a Latin-named source, blanks and all
    "▲ 图源 Jane Doe",
    "图自某国通讯社报道配图",  # a news agency as the outlet, and the picture it ran
    "（图片来自某县文旅局官网）",
    "图片来源：某国广播协会(ABC)报道截图",  # an outlet carrying its Latin short form
    "据ICphoto",
    "新华社 资料图",
    "图/受访单位供图",
    "通讯员李某某 供图",  # the credit's word and name go with it, not only 通讯员某某
    "（某县应急管理局/图）",
    "（来自某某客户端）",
    "图源：：受访者",
    "报告截图。",  # a label that was a sentence of its own: no 。。 left behind
    "▲ 图源《某某》杂志 ",  # a blank says where the magazine's name ends
    "截图自某某网公众号",
    "某区卫健委供稿",
    "本文图片均由警方提供",
    "(原标题为《某县夏粮收购进度过半》)",
    "(新华社资料图)",
    "(示意图/Pixabay)",
    "某某监察网截图",
    "图片来源：某某研究杂志",
    "来源：某某卫视",
    "Play Video0:21/1:48",
    "记者李𬱖摄",  # a name with a rare character of an extension block
    "某某融媒 供图",
    "周某某 吴 某摄影报道",  # a photo report's credit: names, one of them written with a blank
    "BBC报道配图",
    "截图自某某公司公告",
    "某区农业农村局办公室供图",
    "(图截自外媒报道)",
    "某国通讯社报道截图",
    "(IC photo)",
    " | 某平台up主“某某”视频截图",
])
def test_a_glued_picture_credit_goes_and_the_caption_and_report_stay(furniture):
    caption = "图为抢险队员在堤坝上加固沙袋。"
    assert clean_text(caption + furniture + BODY) == caption + BODY


@pytest.mark.parametrize("credit", ["摄影/何红梅", "图/林晓峰", "图片/吴建国", "图/民警林晓峰"])
def test_a_slash_credit_glued_between_sentences_goes_up_to_the_name(credit):
    """No mark says where the name ends; the report after it starts at once (…某某该基地…)."""
    caption, report = "图为牧民在基地采收红景天。", "该基地今年扩种红景天三百亩。"
    assert clean_text(caption + credit + report) == caption + report


@pytest.mark.parametrize("credit", ["图/某某新闻", "图/公众号", "“某某发布”微信公众号 图"])
def test_a_slash_credit_naming_an_outlet_goes_before_a_date(credit):
    caption, report = "图为牧民在基地采收红景天。", "8月7日，该基地扩种红景天三百亩。"
    assert clean_text(caption + credit + report) == caption + report


def test_a_source_title_label_goes_and_the_title_stays():
    assert clean_text("来源标题：藏药材基地扩种三千亩\n" + BODY) == "藏药材基地扩种三千亩\n" + normalize(BODY)


def test_a_slash_inside_a_sentence_is_no_credit():
    text = "基地今年的产量是去年的两倍，图表显示增速达到1/3。"
    assert clean_text(text) == text


def test_a_latin_picture_source_ends_where_its_words_do():
    caption = "图为抢险队员在堤坝上加固沙袋。"
    cleaned = clean_text(caption + "图源：ABC News " + BODY)
    assert "ABC" not in cleaned and cleaned.startswith(caption) and cleaned.endswith(BODY)


def test_an_outlet_credit_closing_a_caption_takes_no_comma_with_it_and_leaves_none():
    caption = "医生和患者握手"
    assert clean_text(BODY + caption + "，某某新闻图。" + BODY) == BODY + caption + "。" + BODY


def test_a_caption_naming_who_is_shown_stays_before_its_picture_label():
    """资料图 after a person's name is the picture's label; the name is its caption, which the
    marks keep (新华社 资料图: an outlet's label goes whole)."""
    caption = "图为抢险队员在堤坝上加固沙袋。"
    assert clean_text(caption + "王某某 资料图" + BODY) == caption + "王某某" + BODY


def test_a_picture_label_glued_before_the_next_report_goes():
    caption, report = "图为抢险队员在堤坝上加固沙袋", "据当地媒体报道，堤坝已经合龙。"
    assert clean_text(caption + "资料图" + report) == caption + report
    assert clean_text("他展示了一张资料图据说拍摄于上世纪。") == "他展示了一张资料图据说拍摄于上世纪。"


def test_a_picture_credit_word_that_starts_a_report_is_kept():
    text = "图为抢险队员在堤坝上加固沙袋。图据塔斯社10日报道，当地已转移两千人。"
    assert clean_text(text) == text


def test_a_list_of_source_outlets_between_blanks_goes():
    text = "原标题：某地暴雨致多条道路中断      新华网、央视新闻、某某日报      " + BODY
    assert clean_text(text) == "某地暴雨致多条道路中断" + BODY  # the 原标题 label goes too


def test_a_label_before_an_earlier_report_goes_and_the_report_stays():
    """此前报道：before a whole earlier report: too long to be a list of links, so only the label goes."""
    earlier = "此前报道：" + BODY * 4
    assert clean_text("园区二期今天开工。" + earlier) == "园区二期今天开工。" + BODY * 4


def test_a_report_of_someone_scanning_a_code_is_kept():
    prose = "村民按照工作人员的要求扫描二维码，完成了医保缴费。"
    assert clean_text(prose + BODY) == prose + BODY


def test_a_column_label_after_a_block_mark_goes_and_its_text_stays():
    assert clean_text("■记者手记" + BODY) == BODY


@pytest.mark.parametrize("furniture", ["☝点上面蓝字 免费订阅某某信息！", "图片来自外交部", "(摄影：王某某)",
                                       "△视频截图 图源：某某新闻客户端", "播放视频 画中画", "【编者按】",
                                       "扫描下方二维码了解活动细则哦~", "【此前报道】", "点个“在看”", "↓↓↓",
                                       "李某某摄(某某视觉)", "某某网发 李某某 摄", "(原标题：某县夏粮收购进度过半)",
                                       "图源：某某区检察微博", 'loadVideo({src:"/v/2024/a.mp4",width:640});'])
def test_a_prompt_or_source_glued_between_sentences_goes(furniture):
    caption = "图为牧民在基地采收红景天。"
    assert clean_text(caption + furniture + BODY) == caption + BODY


def test_a_follow_prompt_glued_after_the_title_goes():
    assert clean_text("山洪过后的第一个早晨！关注我们" + BODY) == "山洪过后的第一个早晨！" + BODY


def test_a_tip_line_address_inside_a_report_goes_and_the_sentence_stays():
    text = "7月5日，某某晨报(报料邮箱：tips2023@example.com)记者联系到景区的一名工作人员。"
    assert clean_text(text) == "7月5日，某某晨报记者联系到景区的一名工作人员。"
    assert clean_text(BODY + "投稿微信：abc_news 合作微信：88990") == BODY


def test_a_publishing_time_before_the_head_credits_goes_and_the_headline_keeps_its_own_line():
    """Glued to the report, the headline would make one false first sentence with it."""
    text = "某市夏粮收购进度过半2024-06-30 09:15:42作者：王晓明 " + BODY
    assert clean_text(text) == "某市夏粮收购进度过半\n" + BODY
    sentence = "6月30日，某市夏粮收购进度过半2024-06-30 09:15:42作者：王晓明 " + BODY  # a clause, no headline
    assert "\n" not in clean_text(sentence)


def test_an_outlet_with_its_account_id_closing_the_page_goes():
    assert clean_text(BODY + "某某晚报(abc_news)") == BODY


def test_a_bracketed_compiler_credit_goes():
    assert clean_text(BODY + "(整理：李某某)" + BODY) == BODY + BODY


def test_a_bracket_closing_a_short_report_goes():
    """A short page's source in brackets after its last sentence, as long pages' closing credits go."""
    report = "某县原副县长王某涉嫌严重违纪违法，目前正接受纪律审查和监察调查。王某，男，汉族，曾任某县政府副县长。"
    assert clean_text(report + " (某省纪委监委)") == report
    assert clean_text("他笑着说：“来了就不想走。”") == "他笑着说：“来了就不想走。”"


def test_an_author_widget_that_prints_the_handle_twice_goes():
    # a blog theme's author box: the avatar's label and the name, one after the other on a line
    assert clean_text(BODY + "\nzhangwei_01zhangwei_01\n") == BODY
    assert clean_text(BODY + "\nKelsang\n") == BODY + "\nKelsang"  # once is not the widget
