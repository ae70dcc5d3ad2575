"""Question analysis and the pieces of the extractive answerer, on hand-made sentences."""

from index.tokens import query_tokens
from rag.answer import counts_in, enumeration, list_item, names_kind
from rag.question import classify, split_parts


def kind(q):
    return classify(q, query_tokens(q))


def test_list_questions_and_their_head_noun():
    assert kind("德格帮扶项目有哪些").kind == "list" and kind("德格帮扶项目有哪些").head == "项目"
    assert kind("成都与德格签约了哪些企业").head == "企业"


def test_factoid_kinds_focus_and_numbers():
    k = kind("锡会产业园2024年的工业产值是多少?")
    assert (k.kind, k.wants, k.focus, k.numbers) == ("factoid", "money", ("工业产值",), ("2024",))
    assert kind("双方是哪天签约的").wants == "day"
    assert kind("雀儿山项目每年接待多少游客").focus == ("游客",)
    assert kind("下落不明人数是多少").focus == ()  # 人数 is answered by the number itself


def test_question_words_are_not_searched_for():
    assert "一年" not in query_tokens("《求佛》是哪一年推出的")
    assert query_tokens("德格帮扶项目有哪些") == ["德格", "帮扶", "项目"]


def test_two_part_questions_share_their_predicate():
    assert split_parts("武侯区帮扶德格的项目和锡会产业园的总投资分别是多少?") == [
        "武侯区帮扶德格的项目的总投资是多少?", "锡会产业园的总投资是多少?"]
    assert split_parts("成都和德阳在哪里签约") == []  # nothing says "each"


def test_list_items_open_their_sentence():
    assert list_item("其中，光伏及配套储能项目由成都高新发展股份有限公司牵头策划。", "项目") == "光伏及配套储能项目"
    assert list_item("“新能源+熊猫专列”项目由三方共同打造。", "项目") == "新能源+熊猫专列项目"
    assert list_item("这些项目围绕德格县的优势资源展开。", "项目") is None
    assert list_item("同时，在甘眉工业园布局配套项目，积极打造产业园。", "项目") is None


def test_enumerations_pick_the_run_of_the_asked_noun():
    s = "四川馆设置“天府好物”和“投资四川”两个展区，集中展示白酒、茶叶、中医药和文创产品等特色产品，并推介天府新区、绵阳科技城等平台。"
    assert enumeration(s, "产品") == ["白酒", "茶叶", "中医药", "文创产品"]
    assert enumeration("园区确定了铜基新材料、石榴精深加工和绿色建材三大主导产业。", "产业") == [
        "铜基新材料", "石榴精深加工", "绿色建材"]
    assert enumeration("没有列举的一句话。") == []


def test_the_asked_unit_and_kind():
    assert kind("新一批援助中包括了几套防空系统？").unit == "套"
    assert kind("园区有多少游客").unit == ""  # 游 is no classifier
    assert kind("双方应坚持什么原则？").kind_of == "原则"
    assert kind("试验在哪个州进行？").kind_of == "州"
    assert kind("这座雕像的名称是什么？").kind_of == "名称"
    assert kind("党的建设取得了什么？").kind_of == ""  # 取得 is a verb, not a kind
    assert kind("他试驾装甲车的目的是什么？").kind_of == "目的"  # the 的 of 目的 is no filler
    assert kind("百亿级私募关注的是什么？").kind_of == ""  # 关注 is what they do, not a kind
    assert kind("为什么这种材料不是超导体？").kind_of == "原因"  # 为什么 asks for a reason
    assert kind("李丰被选为什么职位？").kind_of == "职位"  # 选为 + 什么职位: no 为什么 here


def test_a_measure_noun_asks_for_a_number_only_when_nothing_else_is_asked():
    assert kind("园区的投资规模为？").wants == "money"
    assert kind("全面生效对口岸进口规模有何影响？").kind == "general"
    assert "有何" not in query_tokens("全面生效对口岸进口规模有何影响？")


def test_the_list_head_is_the_last_noun_of_the_phrase():
    assert kind("部长与哪些非洲国家领导人举行了会谈？").head == "领导人"
    assert kind("这种材料在哪些领域有应用前景？").head == "领域"


def test_the_answer_counts_in_the_unit_and_names_an_instance_of_the_kind():
    assert counts_in("一揽子计划包括4套地空导弹系统", "套") and not counts_in("援助金额为13亿美元", "套")
    q = "双方应坚持什么原则？"
    assert names_kind("双方应坚持互利共赢原则。", "原则", q)
    assert not names_kind("双方都应坚持这一原则。", "原则", q)  # 这一 names no instance
    assert names_kind("试飞在佛罗里达州进行。", "州", "试飞在哪个州？")
    assert names_kind("这座纪念碑取名“同心”。", "名称", "纪念碑的名称是什么？")


def test_everyday_compounds_are_not_names():
    from index.tokens import is_name

    assert not is_name("管理策略") and not is_name("入选为") and not is_name("厂要")
    assert is_name("锡会") and is_name("逢春麝业") and is_name("理塘")
