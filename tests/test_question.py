"""Question analysis and the pieces of the extractive answerer, on hand-made sentences."""

import pytest

from wenjin.index.tokens import query_tokens
from wenjin.rag.answer import _count_of, _joined, enumeration, list_item
from wenjin.rag.question import analyse, body_names, name_core, split_clauses, split_parts


def kind(q):
    return analyse(q, {t: 1.0 for t in query_tokens(q)})


def test_list_questions_and_their_head_noun():
    assert kind("德格帮扶项目有哪些").kind == "list" and kind("德格帮扶项目有哪些").head == "项目"
    assert kind("成都与德格签约了哪些企业").head == "企业"
    assert kind("部长与哪些非洲国家领导人举行了会谈？").head == "领导人"
    counted = kind("示范区由哪四个镇组成？")  # a count of more than one asks for a list of what it counts
    assert (counted.kind, counted.head) == ("list", "镇")
    assert kind("示范区由哪一个镇牵头？").kind != "list"


def test_the_type_of_answer_comes_from_the_question_word():
    assert (kind("锡会产业园2024年的工业产值是多少?").wants, kind("锡会产业园2024年的工业产值是多少?").numbers) == \
        ("money", ("2024",))
    assert kind("园区有多少人就业").wants == "number"
    assert kind("双方是哪天签约的").wants == "date"
    assert kind("冷链项目由谁牵头").wants == "person"
    assert kind("园区位于哪个县").wants == "place"
    assert kind("哪家企业投资了光伏项目").wants == "org"
    assert kind("为什么这种电池更安全").wants == "reason"


def test_the_kind_of_thing_asked_is_a_common_noun_never_a_name():
    assert kind("大会的主题是什么？").kind_noun == "主题"
    assert kind("考察团到访绵阳是谁带队的？").kind_noun == ""      # 绵阳 is where, not what kind of person
    assert kind("谁在上海进博会上发布了新品？").kind_noun == ""
    assert kind("该县入选的是哪一类示范县？").kind_noun == "示范县"  # past the classifier, 示范|县 joined
    assert kind("哪种农产品最好卖").kind_noun == "农产品"


def test_question_words_are_matched_as_words():
    assert kind("他被选为什么职位？").wants == "what"    # 选为 / 什么, not 为什么
    assert kind("几乎所有企业落户在哪里").wants == "place"  # 几乎 is no 几
    assert kind("签约仪式上发言的那位副市长叫什么名字？").wants == "person"  # a role's name: who
    assert kind("合作社理事长叫什么").wants == "person"
    assert kind("园区运营方负责人的姓名是什么").wants == "person"
    assert kind("这个新品种叫什么名字").wants == "what"  # a thing's name
    assert kind("这个国家叫什么名字").wants == "what"  # 国家 ends in 家 but names no person
    assert kind("全面生效对口岸进口规模有何影响？").kind == "general"
    assert kind("园区重点在哪些方面加强合作？").kind == "list"  # jieba's one word 哪些方面 still asks
    assert kind("推介会是哪一天、在哪开的？").asks_two  # and so does 在哪 in 在|哪开
    assert kind("园区引进的是哪艘科考船的配套项目？").wants == "what"  # 哪|艘: 哪 and a classifier
    assert kind("这次地震的烈度是几级？").wants == "number"  # jieba's one word 几级
    assert kind("这家合作社因何被通报表扬？").wants == "reason"  # 因何, jieba's one word


def test_the_unit_a_count_is_asked_in():
    assert kind("新一批援助中包括了几套防空系统？").unit == "套"
    assert kind("园区有多少家企业").unit == "家"
    assert kind("园区有多少游客").unit == ""  # 游 is no classifier
    assert kind("今年评出了多少张城市名片？").unit == "张"  # a classifier of flat things, counted as 家 is
    assert kind("参展企业中外资企业占比多少？").unit == "%"  # a share is said in per cent
    assert kind("今年一季度的就业率是多少").unit == "%"
    assert kind("项目总投资是多少").unit == ""
    # a unit of measure is asked in as a classifier is: 多少度电 asks for a number
    assert (kind("这座电站每年能发多少度电？").wants, kind("这座电站每年能发多少度电？").unit) == ("number", "度")
    assert kind("园区规划面积多少公顷？").unit == "公顷"
    # a change with no unit named is said in per cent, even of money; a named unit stays
    assert (kind("园区今年的营业收入同比增长了多少？").wants, kind("园区今年的营业收入同比增长了多少？").unit) == ("number", "%")
    assert kind("茶叶出口量预计下降多少").unit == "%"
    assert kind("项目投资比去年增加了多少亿元？").wants == "money"  # the unit named is kept
    assert kind("园区今年新增多少企业？").unit == ""  # 新增 counts what was added
    assert (kind("园区确定了几大主导产业？").wants, kind("园区确定了几大主导产业？").unit) == ("number", "大")  # 四大
    assert kind("园区有多少大型企业？").unit == ""  # 大 counts only after 几
    assert kind("女性职工占多少？").unit == "%"  # a share


def test_a_purpose_is_asked_for_as_a_reason():
    assert kind("工作组赴灾区的目的是什么？").wants == "reason"  # answered by 为了, 旨在, 以便


def test_spoken_ways_of_asking_why_ask_for_a_reason():
    assert kind("昨晚小区停电是因为啥？").wants == "reason"
    assert kind("港口集装箱运价突然翻倍，这到底是咋回事？").wants == "reason"


def test_a_spoken_verb_of_spending_asks_a_sum_only_when_nothing_follows():
    assert kind("那个冷库项目到底投了多少？").wants == "money"
    assert kind("冷库建设花了多少时间？").wants != "money"


def test_a_name_asked_of_a_kind_of_person_asks_who():
    """叫什么名字 of 老人 or 男子 asks a person's name; of a product, a name in quotes."""
    assert kind("被救出的那位八旬老人叫什么名字？").wants == "person"
    assert kind("新推出的那款无人机叫什么名字？").wants != "person"


def test_the_words_around_the_question_word():
    k = kind("川港两地应坚持什么原则？")
    assert k.around == ("川港两地应坚持", "原则")


def test_question_words_are_not_searched_for():
    assert "一年" not in query_tokens("《雪域长歌》是哪一年出版的")
    assert query_tokens("德格帮扶项目有哪些") == ["德格", "帮扶", "项目"]


def test_two_part_questions_share_their_predicate():
    assert split_parts("武侯区帮扶德格的项目和锡会产业园的总投资分别是多少?") == [
        "武侯区帮扶德格的项目的总投资是多少?", "锡会产业园的总投资是多少?"]
    assert split_parts("成都和德阳在哪里签约") == []  # nothing says "each"
    assert split_parts("某县去年合同外资一共多少？") == []  # 同 of 合同 joins nothing
    assert split_parts("与会企业和高校一共多少家") == ["与会企业多少家", "高校多少家"]


def test_list_items_open_their_sentence():
    assert list_item("其中，光伏及配套储能项目由成都高新发展股份有限公司牵头策划。", "项目") == "光伏及配套储能项目"
    assert list_item("“新能源+熊猫专列”项目由三方共同打造。", "项目") == "新能源+熊猫专列项目"
    assert list_item("这些项目围绕德格县的优势资源展开。", "项目") is None
    assert list_item("同时，在甘眉工业园布局配套项目，积极打造产业园。", "项目") is None


def test_an_item_is_one_name_not_a_clause_or_a_run_of_them():
    """A paragraph opening 通过这些平台， or 利用甲、乙等平台， or 产业升级：依托某平台 names no item."""
    assert list_item("通过这些平台，园区吸引了一批企业入驻。", "平台") is None
    assert list_item("利用甲新区、乙试验区等平台，共享政策红利。", "平台") is None
    assert list_item("产业升级：依托自贸区开放平台，加快转型。", "平台") is None
    assert list_item("跨境电商服务平台由市商务局牵头建设。", "平台") == "跨境电商服务平台"


def test_an_item_is_followed_by_a_word_not_by_one_of_its_characters():
    # 通过 follows an item; 过 alone (项目过去三年…) does not make 项目 an item name
    assert list_item("城东物流项目通过招商引进三家企业。", "项目") == "城东物流项目"
    assert list_item("园区配套项目过去三年累计投资5亿元。", "项目") is None


def test_enumerations_pick_the_run_of_the_asked_noun():
    s = "四川馆设置“天府好物”和“投资四川”两个展区，集中展示白酒、茶叶、中医药和文创产品等特色产品，并推介天府新区、绵阳科技城等平台。"
    assert enumeration(s, "产品") == ["白酒", "茶叶", "中医药", "文创产品"]
    assert enumeration("园区确定了铜基新材料、石榴精深加工和绿色建材三大主导产业。", "产业") == [
        "铜基新材料", "石榴精深加工", "绿色建材"]
    assert enumeration("没有列举的一句话。") == []
    # a first item whose name opens in Latin letters keeps them, blank and all
    assert enumeration("该企业推出了 Nova 智能手表、AR 眼镜等产品。", "产品") == ["Nova 智能手表", "AR 眼镜"]


def test_the_asked_noun_closes_a_run_only_within_its_clause():
    """展区 closes the second run; the 区 of its first item (区域协作), after the next comma, is no
    ending of the first run (…企业参展，设立区域协作…)."""
    s = "本届展会吸引来自越南、老挝、泰国、缅甸以及省内各市县的300余家企业参展，设立区域协作、装备制造、现代农业三大展区。"
    assert enumeration(s, "展区") == ["区域协作", "装备制造", "现代农业"]


def test_a_conjunction_inside_the_last_name_does_not_cut_it_when_every_item_is_named_by_the_head():
    """甲协会、乙协会 and 丙拥有者及驾驶员协会: every item ends in 协会, so 及 is inside the last name;
    where the last part is two names of the kind (乙协会和丙协会), or the head names no item, 和 cuts."""
    assert enumeration("省建筑业协会、省物流协会、省货车拥有者及驾驶员协会等单位代表参会", "协会") == [
        "省建筑业协会", "省物流协会", "省货车拥有者及驾驶员协会"]
    assert enumeration("省建筑业协会、省物流协会和省会展协会共同主办", "协会") == ["省建筑业协会", "省物流协会", "省会展协会"]


def test_an_end_item_far_longer_than_its_peers_is_cut_at_a_verb():
    """A first item that holds what was done to the items (轮番表演川剧变脸), a last one that runs on
    into the clause after the run (普昌镇开展产业帮扶调研): cut at a verb to the length of the others.
    Items of like length keep their verbs."""
    assert enumeration("晚会上演员轮番表演川剧变脸、清音、金钱板、竹琴等曲艺节目。", "节目") == ["川剧变脸", "清音", "金钱板", "竹琴"]
    assert enumeration("帮扶工作队走访了甘洛县新市坝镇、田坝镇、普昌镇开展产业帮扶调研。", "镇") == ["甘洛县新市坝镇", "田坝镇", "普昌镇"]
    assert enumeration("推动产业升级、加强基础设施建设、扩大对外开放等工作", "工作") == ["推动产业升级", "加强基础设施建设", "扩大对外开放"]


def test_a_body_that_joins_the_run_is_an_item_of_it():
    """省商务厅联合省发改委、省财政厅等部门: three departments acted, 联合 only joins the first."""
    assert enumeration("省商务厅联合省发改委、省财政厅等部门印发实施方案。", "部门") == ["省商务厅", "省发改委", "省财政厅"]
    assert _joined("产业联合发展") == ["产业联合发展"]  # no body before 联合: nothing joins


def test_a_count_of_a_compound_division_may_part_it_with_a_comma():
    """八个市区 asked, 等八个市、区 written (市、区 and 县、市 are how reports pair divisions)."""
    assert _count_of("市区").search("来自甲、乙、丙和丁等四个市、区的经信部门发布合作宣言").group().endswith("市、区")
    assert not _count_of("市区").search("四个市的代表和两个区的代表")
    # the count closes the run: its 市、区 is no item (区的经信部门发布合作宣言)
    assert enumeration("江油市、安州区、平武县等三个县、市、区的代表参加座谈", "区") == ["江油市", "安州区", "平武县"]


def test_the_noun_after_wei_is_what_yi_shenme_wei_asks_for():
    """以什么为主题 asks for a theme, which an article states as 以“某某”为主题."""
    assert analyse("本届农博会以什么为主题？", {}).kind_noun == "主题"
    assert analyse("这次论坛以什么作为主要目标", {}).kind_noun == "主要目标"


def test_an_area_asked_with_no_unit_is_asked_in_square_metres():
    assert analyse("锡会产业园规划面积有多大？", {}).unit == "平方米"
    assert analyse("锡会产业园规划面积有多少亩？", {}).unit == "亩"
    assert analyse("锡会产业园入驻企业有多少家？", {}).unit == "家"


def test_an_enumeration_is_cut_by_the_taggers_words_and_chosen_beside_the_asked_words():
    """由哪些单位主办: the run that ends in 共同主办, not a longer one; 和 and 发展 inside a name
    (某省经济和信息化厅, 某某发展联盟) neither end an item nor introduce the list; the verb the items
    did is no part of the last one; the asked noun may close the last item (…等领域)."""
    s = ("论坛由西部数字经济发展联盟、重庆市经济和信息化委员会、四川省经济和信息化厅共同主办，"
         "来自川、渝、黔、滇、陕等地的政府部门、科研院所和600余家企业代表参会。")
    assert enumeration(s, "单位", ("主办",)) == ["西部数字经济发展联盟", "重庆市经济和信息化委员会", "四川省经济和信息化厅"]
    s = "推介会上重点推介了射洪市、船山区等地的产业园区，签约项目涉及调味品、预制菜、白酒和饮用水等领域。"
    assert enumeration(s, "领域", ("推介会", "推介")) == ["调味品", "预制菜", "白酒", "饮用水"]



def test_the_run_right_before_the_words_after_the_question_word_wins():
    """由哪些单位共同举办: the organisers stand right before 共同举办, and a longer run of the aims later
    in the sentence is no answer; a run of clauses (…创下…、…创下…) is no list of names."""
    s = ("大会由省经济和信息化厅、市人民政府、某某产业联盟共同举办，旨在整合资源、发布成果、促进对接、"
         "搭建合作网络。")
    assert enumeration(s, "单位", ("大会",), "共同举办") == ["省经济和信息化厅", "市人民政府", "某某产业联盟"]
    assert enumeration(s, "单位", ("大会",), "联合主办") == ["省经济和信息化厅", "市人民政府", "某某产业联盟"]  # same act
    clauses = "甲市创下了连续40天高温的纪录、乙市创下了连续30天高温的纪录，丙市也接近纪录。"
    assert enumeration(clauses, "城市", (), "创下了新的纪录") == enumeration(clauses, "城市", ())


def test_a_supposition_is_its_own_clause_opened_on_a_word_boundary():
    assert kind("要是明年园区电价上涨，企业会不会外迁？").condition == "明年园区电价上涨"
    assert kind("假如签约企业撤资的话，园区怎么办").condition == "签约企业撤资"
    assert kind("企业主要是为了什么落户园区，原因有哪些？").condition == ""  # 主要/是: no 要是
    assert kind("一旦项目投产将带动多少人就业").condition == ""  # no clause of its own


def test_the_times_a_question_is_about_but_not_how_long_or_which():
    assert kind("园区2025年的产值是多少").times == ("2025年",)
    assert kind("五年后园区会有多少家企业").times == ("五年后",)
    assert kind("园区一年能加工多少吨花椒").times == ()  # a length of time, not a point in it
    assert kind("园区是哪一年建成的").times == ()      # the time asked for
    assert kind("园区现在有多少家企业").times == ()    # the reporter's present: every article's own
    assert kind("园区在2026中国开发区榜单中排在哪里").times == ("2026",)  # a year glued to the list's name
    assert kind("园区2026家企业在哪里").times == ()      # …not a count before its classifier
    assert kind("2026人参加的论坛在哪里开").times == ()


def test_a_position_glued_to_its_question_word_is_asked_as_a_number():
    for question in ("该县在百强县榜单中排名第几？", "该县在百强县榜单中位列第几名？"):
        q = kind(question)
        assert (q.kind, q.wants) == ("factoid", "number") and q.around[0].endswith("第"), question


def test_a_word_for_now_or_a_bare_count_the_collection_lacks_is_phrasing_not_a_gap():
    """A small collection may never write 现在 or 三个; only a thing it never names says it lacks the answer."""
    from wenjin.rag.question import weigh

    def idf(token: str, content: bool) -> float:
        return 9.0 if content else 0.1  # as for words the index has never seen

    weights = weigh("园区现在有哪三个火星基地", ["园区", "现在", "三个", "火星", "基地"], idf)
    assert weights["现在"] == weights["三个"] == 0.1
    assert weights["火星"] == weights["基地"] == 9.0


def test_a_name_written_inside_a_longer_word_is_not_unknown():
    from wenjin.index.store import Chunk
    from wenjin.rag.gate import unmentioned as _unseen
    from wenjin.rag.types import Hit

    hits = [Hit(Chunk("c1", "宝付支付开展集中宣传月活动", {"title": "反诈宣传"}), 1.0, 0),
            Hit(Chunk("c2", "第二届农产品博览会在重庆开幕。", {"title": ""}), 1.0, 1)]
    assert _unseen(("宝付", "火星"), hits) == ("火星",)
    assert _unseen(("农博会", "博会", "理塘县"), hits) == ("理塘县",)  # 农博会 shortens 农产品博览会


def test_a_time_is_read_on_word_boundaries_only():
    """投产后年产值 is 投产后 + 年产值: no 后年 (the year after next) for the evidence to speak of."""
    assert analyse("牦牛乳加工项目投产后年产值能达到多少？", {}).times == ()
    assert analyse("德阳的氢能产业规模到2030年能做到多大？", {}).times == ("2030年",)
    assert analyse("园区明年计划新建多少厂房？", {}).times == ("明年",)


def test_an_amount_asked_of_each_of_several_things_is_a_number_question_not_a_list():
    each = analyse("协议利用的内资、外资分别是多少？", {})
    assert each.kind == "factoid" and each.wants in ("number", "money"), each
    assert analyse("签约的项目分别是哪些？", {}).kind == "list"


@pytest.mark.parametrize("question, clauses", [
    ("产业园带动了多少户，每亩能多挣多少", ["产业园带动了多少户", "每亩能多挣多少"]),
    ("德阳这次去北京推介，现场签了几个项目，协议金额是多少？", ["现场签了几个项目", "协议金额是多少"]),
    ("书记见了那几位老专家，是哪天见的", []),  # 那几位 points back: one question
    ("培训班由哪个部门主办、由哪所高校承办", ["培训班由哪个部门主办", "由哪所高校承办"]),
    ("培训班请了哪些企业、高校参加", []),  # 、 in one run of things asked for
    ("企业拿到什么证书后，能享受哪些补贴", []),  # the first clause sets the time of the second
    ("在抢险救援中，要坚持什么原则？", []),
])
def test_split_clauses_keeps_the_clauses_that_ask(question, clauses):
    assert split_clauses(question) == clauses


def test_a_question_typed_as_spoken_is_read_as_written():
    from wenjin.rag.question import spoken
    # a blank between Chinese words parts clauses; between a Latin name and Chinese it is a blank
    assert spoken("夏交会来了多少家企业 签了几个项目") == "夏交会来了多少家企业，签了几个项目"
    assert split_clauses(spoken("夏交会来了多少家企业 签了几个项目")) == ["夏交会来了多少家企业", "签了几个项目"]
    assert spoken("HX300 无人机谁造的") == "HX300 无人机谁造的"
    # a verb split by 的 at the clause's end is whole again; 的 before a noun stays
    assert spoken("广元食品产业园是谁揭的牌") == "广元食品产业园是谁揭牌"
    assert spoken("那个项目在哪签的约？") == "那个项目在哪签约？"
    assert spoken("他说的话是什么") == "他说的话是什么"
    assert spoken("要是补贴停了 茶园还能办下去吗").startswith("要是补贴停了，")


def test_colloquial_questions_asking_for_several_things_are_lists():
    assert kind("青川那三大特色产业都是啥").kind == "list"
    assert kind("园区二期都建些什么").kind == "list"
    assert kind("开发区有啥龙头企业").kind == "list"
    assert kind("这个园区叫什么").kind == "factoid"


def test_a_noun_that_acts_before_the_question_word_is_no_head():
    """园区二期都建些什么 lists what is built, not kinds of 二期; 有/是 name the noun's members."""
    assert kind("园区二期都建些什么").head is None
    assert kind("园区企业主要生产哪些").head is None
    assert kind("德格帮扶项目有哪些").head == "项目"
    assert kind("青川那三大特色产业都是啥").head == "产业"


def test_formal_question_words_ask_what_their_plain_forms_ask():
    assert kind("研究院的首任院长由何人担任？").wants == "person"
    assert kind("论坛于何日在宜宾举行？").wants == "date"


def test_a_spoken_verb_after_a_place_is_not_part_of_its_name():
    from wenjin.rag.tagger import tag

    assert "办" not in "".join(w.text for w in tag("重庆武隆办的大会来了多少人") if w.tag in ("LOC", "ORG"))
    assert [w.text for w in tag("国台办的发言人表示") if w.tag == "ORG"] == ["国台办"]  # an office's short name


def test_a_verb_asked_after_the_head_is_not_read_inside_an_item_and_the_shared_head_is_not_the_last_items():
    """中和 of 碳中和 is part of an item; the verb the question puts after the head (…中和全年碳排放) stands
    after the comma. 的综合解决方案 closes the whole run, not its last item."""
    sentence = "园区采用光伏发电、储能调峰和碳中和林建设的综合解决方案，中和全年碳排放。"
    assert enumeration(sentence, "解决方案", (), "中和全年碳排放")[1:] == ["储能调峰", "碳中和林建设"]


def test_a_verb_glued_to_a_division_is_cut_off():
    """LAC reads 临空经济区合建 as one place; the verb is no part of the name a passage says."""
    from wenjin.rag.tagger import tag

    words = [(w.text, w.tag) for w in tag("将在天府国际机场临空经济区合建航空发动机维修基地")]
    assert ("合建", "v") in words and ("天府国际机场临空经济区", "LOC") in words, words


def test_bodies_a_question_names_and_the_core_an_article_writes():
    assert "高德产业园" in body_names("高德产业园揭牌仪式在哪里举行？")  # two common nouns, one name
    assert body_names("该产业园有多少家企业？") == ()  # 该 refers back: no name
    assert name_core("宁波双成药业股份有限公司") == "双成药业"  # without the legal form and the place
    assert name_core("某某环保公司") == "某某环保" and name_core("高德产业园") == "高德产业园"
