"""The answerability gate's rules of kind: what a question asks for must be in the best sentences."""

from wenjin.rag.gate import (_counted_stated, _edition_reported, _editions_stated, _future_stated, _measure_stated,
                             _money_stated, _name_stated, _place_stated, _quoted_stated, _superlative_stated,
                             _unit_stated, _when_stated, _years_stated, _yes_no_stated)
from wenjin.rag.question import analyse
from wenjin.rag.sentences import Sentence


def sentence(text: str) -> Sentence:
    return Sentence({"doc_id": "d"}, text, 0, len(text))


def test_a_number_asked_for_needs_one_of_its_kind():
    visitors = analyse("雀儿山康养旅居示范项目预计每年接待多少游客？", {})
    assert not _unit_stated(visitors, [sentence("雀儿山康养旅居示范项目投资1.7亿元，建设康养旅居营地。")])
    assert _unit_stated(visitors, [sentence("项目建成后预计每年接待游客8万人次。")])
    boxes = analyse("泸州港一季度集装箱吞吐量是多少标箱？", {})
    assert not _unit_stated(boxes, [sentence("今年前两个月，泸州港集装箱吞吐量同比增长18%。")])
    cadres = analyse("无锡经开区派驻了几名干部？", {})
    assert _unit_stated(cadres, [sentence("无锡经开区派驻干部12人，与会理市共同组建园区管委会。")])  # 名 asked, 人 said


def test_the_thing_counted_must_be_counted_in_a_best_sentence():
    workers = analyse("新建的茶叶加工厂能吸纳多少名工人？", {})
    assert not _counted_stated(workers, [sentence("茶叶加工厂总投资8000万元，年加工干茶600吨。")])
    assert _counted_stated(workers, [sentence("加工厂投产后可吸纳工人150名。")])
    jobs = analyse("加工厂能新增多少就业岗位？", {})
    assert _counted_stated(jobs, [sentence("加工厂投产后可带动就业300人。")])  # 就业岗位 counted as 就业
    phrase = analyse("有多少座山塘水库蓄水超过了警戒线？", {})
    assert _counted_stated(phrase, [sentence("全县12座山塘超警戒。")])  # a long phrase is not looked for
    stations = analyse("新建的城际铁路将设多少座车站？", {})  # 设站9座: the noun's head beside the count in its unit
    assert _counted_stated(stations, [sentence("城际铁路全长86公里，设站9座。")])
    assert not _counted_stated(stations, [sentence("城际铁路全长86公里，总投资9亿元。")])
    period = analyse("新规施行后有多长的过渡期？", {})  # a length of time counts; a date does not
    assert _counted_stated(period, [sentence("新规自2024年3月1日起施行，设两年过渡期。")])
    assert not _counted_stated(period, [sentence("新规自2024年3月1日起施行，过渡期内旧证继续有效。")])


def test_a_sum_asked_for_needs_a_sum_of_money():
    q = analyse("航天企业落户园区投资了多少钱？", {})
    assert not _money_stated(q, [sentence("两家航天企业落户园区，在卫星制造领域实现转化。")])
    assert _money_stated(q, [sentence("两家航天企业落户园区，合计投资3.2亿元。")])
    assert _money_stated(q, [sentence("该企业在园区追加投资5000万美元。")])  # any currency
    points = analyse("园区工业利润增速回升了多少个百分点？", {})  # a money topic asked in points
    assert _money_stated(points, [sentence("园区工业利润增速较一季度回升4.2个百分点。")])


def test_who_needs_a_name_not_an_indefinite():
    which = analyse("磷酸锰铁锂正极材料项目是深圳哪家企业投资的？", {})
    assert not _name_stated(which, [sentence("眉山市彭山区与深圳一家新能源材料企业签署投资协议。")])
    assert _name_stated(which, [sentence("眉山市彭山区与深圳市德方纳米科技股份有限公司签署投资协议。")])
    assert not _name_stated(which, [sentence("投资方既有沿海的行业头部企业，也有川内成长型科技企业。")])  # 川内: where from


def test_a_unit_asked_in_is_compared_in_its_base_unit():
    power = analyse("金沙江光伏电站的装机容量有多少千瓦？", {})  # asked in 千瓦, said in 兆瓦: both read as 瓦
    assert _unit_stated(power, [sentence("该光伏电站在龚垭乡建设，装机容量100兆瓦。")])
    assert not _unit_stated(power, [sentence("该光伏电站在龚垭乡建设，计划投资5.8亿元。")])


def test_an_edition_asked_about_must_be_the_one_reported():
    from wenjin.index.store import Chunk
    from wenjin.rag.types import Hit

    hit = Hit(Chunk("c", "第二十八届澳门国际贸易投资展览会上，四川馆签约12个项目。", {"title": ""}), 1.0, 0)
    assert not _editions_stated(analyse("第二十七届澳门国际贸易投资展览会上四川签约了多少个项目？", {}), [hit])
    assert _editions_stated(analyse("第28届澳门国际贸易投资展览会上四川签约了多少个项目？", {}), [hit])
    assert not _editions_stated(analyse("下一届澳门国际贸易投资展览会在哪里举办？", {}), [hit])  # none announced
    assert not _editions_stated(analyse("第一届澳门国际贸易投资展览会上四川签约了多少个项目？", {}), [hit])


def test_an_edition_asked_about_must_be_named_by_the_best_sentences_articles():
    """第十一届 in a passage on another prize does not make the twelfth festival's article the eleventh's."""
    from wenjin.index.store import Chunk
    from wenjin.rag.types import Hit

    q = analyse("第十一届竹编文化节一共举办了多少项活动？", {})
    other = Hit(Chunk("c", "第十一届乡土文学奖揭晓。", {"title": ""}), 1.0, 0)
    docs = {"d": {"text": "第十二届竹编文化节开幕，共举办20项活动。", "metadata": {"title": "竹编文化节开幕"}}}
    best = [sentence("第十二届竹编文化节开幕，共举办20项活动。")]
    assert _editions_stated(q, [other])  # any passage naming the edition, where no article is known
    assert not _editions_stated(q, [other], best, docs)
    assert _editions_stated(analyse("第十二届竹编文化节一共举办了多少项活动？", {}), [other], best, docs)


def test_an_amount_asked_of_an_edition_must_be_reported_of_that_edition():
    docs = {"d": {"text": "本届博览会吸引参展企业420家。明年第三届博览会将在雅安举办。",
                  "metadata": {"title": "第二届茶产业博览会闭幕", "date": "2024-05-06"}}}
    q = analyse("第三届茶产业博览会将有多少家企业参展？", {"参展": 3.0, "博览会": 2.0})
    this_one = sentence("本届博览会吸引参展企业420家。")  # 本届: the second, the article's own
    announced = sentence("明年第三届博览会将在雅安举办，参展企业预计超过500家。")
    assert not _edition_reported(q, [this_one], docs)
    assert _edition_reported(q, [this_one, announced], docs)
    assert _edition_reported(analyse("第二届茶产业博览会有多少家企业参展？", {"参展": 3.0}), [this_one], docs)


def test_an_event_named_by_its_year_must_be_that_year_s():
    from wenjin.index.store import Chunk
    from wenjin.rag.types import Hit

    hit = Hit(Chunk("c", "11月22日，2024西部数字经济产业合作大会在重庆开幕，现场签约38个项目。", {"title": ""}), 1.0, 0)
    assert not _editions_stated(analyse("2023年西部数字经济产业合作大会签约总金额是多少？", {}), [hit])
    assert _editions_stated(analyse("2024年西部数字经济产业合作大会签约了多少个项目？", {}), [hit])
    named = Hit(Chunk("c", "12月3日，全国工业设计盛典(2025)在宁波举行。", {"title": ""}), 1.0, 0)  # the year after the name
    assert not _editions_stated(analyse("全国工业设计盛典2024在哪里举行？", {}), [named])
    assert _editions_stated(analyse("全国工业设计盛典2025在哪里举行？", {}), [named])
    ordinal = Hit(Chunk("c", "两起火情均未造成人员伤亡。", {"title": ""}), 1.0, 0)  # an order, not an edition
    assert _editions_stated(analyse("第二起火情是否造成人员伤亡？", {}), [ordinal])


def test_an_amount_asked_of_a_phase_must_be_that_phase_s():
    q = analyse("物流园二期投资额是多少？", {"二期": 6.0, "物流园": 3.0, "投资额": 2.0})
    first = sentence("物流园一期投资额超过6亿元，明年建成。")
    assert not _edition_reported(q, [first], {})
    assert _edition_reported(q, [first, sentence("物流园二期计划投资4亿元。")], {})
    assert _edition_reported(analyse("物流园首期投资额是多少？", {"首期": 6.0, "投资额": 2.0}), [first], {})  # 首期 = 一期


def test_a_list_of_a_kind_of_body_is_named_by_a_run_the_kind_closes():
    """哪些国际合作平台: 建设甲创业园、乙产业园等国际合作平台 names them, though the tagger reads no
    organisation there; a sentence that only says 平台 names none."""
    platforms = analyse("自贸区建设了哪些国际合作平台？", {})
    assert _name_stated(platforms, [sentence("自贸区加快建设中韩创业园、中德产业园等国际合作平台，打造产业集聚区。")])
    assert not _name_stated(platforms, [sentence("自贸区依托开放平台吸引了一批企业入驻。")])
    firms = analyse("产业联盟是由哪几家企业组建的？", {})  # the run closes with 省份, of which the firms are
    assert not _name_stated(firms, [sentence("展区还邀请了浙江、广东等对口协作省份的企业设展。")])


def test_an_area_asked_with_no_unit_needs_an_area_in_any_of_its_units():
    """占地多大 is answered by 亩, 公顷, 平方公里 or the spoken 平米 alike, not by a count or a sum."""
    site = analyse("滨江物流园占地多大？", {})
    assert _unit_stated(site, [sentence("滨江物流园占地约420亩，分两期建设。")])
    assert _unit_stated(site, [sentence("园区一期建成标准厂房3.6万平米。")])
    assert not _unit_stated(site, [sentence("滨江物流园计划引进物流企业30家，总投资12亿元。")])


def test_a_general_measure_is_of_the_noun_before_it_past_a_time_word():
    """基金未来规模: the size asked is the fund's, though 未来 stands between them."""
    fund = analyse("两区拟设立的产业引导基金未来规模将达到多少？", {})
    assert not _measure_stated(fund, [sentence("协议提出共建研发中心、设立产业引导基金等合作事项。")])
    assert _measure_stated(fund, [sentence("产业引导基金首期规模5亿元，远期规模20亿元。")])


def test_a_group_s_total_is_no_one_member_s_measure():
    """这些项目总投资12亿元 is the group's; 投资|额 cut apart by the tagger is still the measure asked."""
    q = analyse("雅江县松茸加工项目的总投资额是多少？", {})
    group = sentence("当天集中签约8个招商项目，这些项目总投资12亿元。")
    assert not _measure_stated(q, [group])
    assert _measure_stated(q, [sentence("其中松茸加工项目总投资1.2亿元。")])


def test_an_amount_asked_of_a_measure_needs_that_measure_beside_an_amount():
    output = analyse("冷链物流园建成后年产值能达到多少？", {})
    assert not _measure_stated(output, [sentence("冷链物流园由市交投集团投资4.2亿元建设，占地300亩。")])
    assert _measure_stated(output, [sentence("冷链物流园建成后预计实现年产值12亿元。")])
    tax = analyse("开发区去年上缴的税收有多少？", {})
    assert not _measure_stated(tax, [sentence("去年开发区实现规上工业产值86亿元，同比增长9%。")])
    assert _measure_stated(tax, [sentence("去年开发区上缴税收7.5亿元。")])
    invested = analyse("冷水鱼养殖基地投资多少？", {})  # 投资, a verb to the tagger, is the measure, not 基地
    assert _measure_stated(invested, [sentence("冷水鱼养殖基地签约落地，投资1.1亿元。")])
    subsidy = analyse("引进的博士可以获得多少购房补贴？", {})  # the measure after 多少
    assert not _measure_stated(subsidy, [sentence("今年已引进博士42名，落户后可申请人才公寓。")])
    assert _measure_stated(subsidy, [sentence("新引进的博士可获得购房补贴30万元。")])
    sales = analyse("牦牛养殖项目建成后年销售收入多少？", {})  # another project's measure, in the same article
    other = sentence("园区已落户总投资6亿元的青稞精深加工项目，达产后预计年销售收入5亿元。")
    assert not _measure_stated(sales, [other])
    assert _measure_stated(sales, [other, sentence("牦牛养殖项目建成后预计年销售收入1.2亿元。")])
    assert _measure_stated(sales, [sentence("该项目建成后预计年销售收入1.2亿元。")])  # 该项目 refers back
    share = analyse("外地游客的占比是多少？", {})  # asked in per cent: the unit check judges it
    assert _measure_stated(share, [sentence("今年接待的游客中外地游客达到六成。")])
    grant = analyse("某镇前年争取到多少钱的扶持资金修村道？", {})  # the measure the amount modifies, not 村道
    assert _measure_stated(grant, [sentence("前年，某镇争取上级扶持资金860万元，村道硬化全面完成。")])
    assert not _measure_stated(grant, [sentence("前年，某镇新修村道12公里。")])
    tax = analyse("这家药厂去年上缴的税收有多少钱？", {})  # 多少钱 at the end: the measure stands before it
    assert not _measure_stated(tax, [sentence("这家药厂去年新上两条生产线，总投资1.5亿元。")])
    assert _measure_stated(tax, [sentence("这家药厂去年上缴税收2300万元。")])


def test_a_general_measure_is_looked_for_with_what_it_measures():
    fund = analyse("县里的乡村振兴基金规模有多大？", {})  # 规模 of the 基金
    assert not _measure_stated(fund, [sentence("县里今年将新修机耕道40公里，并设立乡村振兴基金。")])
    assert _measure_stated(fund, [sentence("县里设立乡村振兴基金3亿元，支持良种繁育。")])


def test_a_measure_from_an_article_that_never_names_the_thing_asked_about_is_another_s():
    q = analyse("牦牛养殖项目建成后年销售收入多少？", {})
    found = Sentence({"doc_id": "b"}, "全部达产后预计年销售收入5亿元。", 0, 16)
    docs = {"a": {"metadata": {"title": "某县签约牦牛养殖项目"}, "text": "牦牛养殖项目投资2亿元。"},
            "b": {"metadata": {"title": "某区锂电材料项目开工"}, "text": "全部达产后预计年销售收入5亿元。"}}
    assert not _measure_stated(q, [found], docs)
    docs["b"]["text"] = "牦牛养殖项目一期已建成。全部达产后预计年销售收入5亿元。"
    assert _measure_stated(q, [found], docs)


def test_a_kind_word_inside_a_longer_name_is_not_what_the_measure_is_asked_of():
    # 项目 modifies 洽谈会: the fair's signed total is asked, and its 合同项目 are no other project
    fair = analyse("第三届川南农业项目洽谈会那天签约总投资多少钱？", {})
    assert _measure_stated(fair, [sentence("当天集中签约合同项目21个，总投资46.5亿元。")])
    project = analyse("川南冷链仓储项目总投资多少钱？", {})  # here the project heads the phrase
    assert not _measure_stated(project, [sentence("园区另一个果蔬分拣项目总投资3.1亿元。")])


def test_a_year_asked_about_must_be_one_the_article_states_or_is_dated_in():
    docs = {"d": {"text": "2022年，园区实现工业产值19.6亿元。今年园区将新建标准厂房5万平方米。",
                  "metadata": {"title": "园区建设提速", "date": "2023-09-12"}}}
    best = [sentence("2022年，园区实现工业产值19.6亿元。")]
    assert not _years_stated(analyse("园区2024年的工业产值是多少？", {}), best, docs)
    assert not _years_stated(analyse("到2030年园区能实现多少产值？", {}), best, docs)
    assert _years_stated(analyse("园区2022年的工业产值是多少？", {}), best, docs)
    assert _years_stated(analyse("园区2023年计划新建多少标准厂房？", {}), best, docs)  # 今年, dated 2023
    assert _years_stated(analyse("园区的工业产值是多少？", {}), best, docs)  # no year asked
    dated = {"d": {**docs["d"], "metadata": {"title": "园区建设提速", "date": "2024-03-01"}}}
    asked = analyse("园区2024年的工业产值是多少？", {"产值": 3.0, "园区": 1.0})
    assert not _years_stated(asked, best, dated)  # the sentence's own year, not the article's date, dates the figure
    assert _years_stated(asked, [sentence("今年园区工业产值预计突破25亿元。")], dated)


def test_who_asked_of_a_title_needs_a_person_in_a_sentence_on_that_title():
    q = analyse("物流协会的秘书长是谁？", {"物流协会": 3.0, "秘书长": 5.0})
    assert not _name_stated(q, [sentence("物流协会秘书长在会上介绍了行业运行情况。"),
                                sentence("年会由市商务局主办，两百多家会员企业参加。")])  # a body, in another sentence
    assert _name_stated(q, [sentence("物流协会秘书长王海平在会上介绍了行业运行情况。")])
    held = analyse("谁担任物流园管委会主任？", {"物流园": 5.0, "担任": 1.0})  # the title after the verb
    assert not _name_stated(held, [sentence("物流园管委会与市交投集团签署了合作协议。")])
    assert _name_stated(held, [sentence("物流园管委会主任由副市长李建国兼任。")])


def test_which_one_of_a_kind_of_organisation_needs_its_name():
    q = analyse("与港方共同设立物流基金的市属国企是哪一家？", {"物流基金": 4.0, "国企": 5.0})
    assert not _name_stated(q, [sentence("一家香港基金管理公司将与市属国企共同设立物流基金。")])
    assert _name_stated(q, [sentence("香港一家基金管理公司将与成都产业投资集团共同设立物流基金，国企出资六成。")])
    members = analyse("食品产业联盟由哪几家企业发起？", {})
    assert not _name_stated(members, [sentence("本地8家食品企业共同发起了食品产业联盟。")])  # counted, not named
    assert _name_stated(members, [sentence("通威集团、新希望集团等企业共同发起了食品产业联盟。")])
    # the noun after a name is the name's own (临港|药谷): the sentences on who moved in need not repeat it
    tenants = analyse("临港药谷二期都有哪些企业入驻了", {"临港": 6.0, "药谷": 8.7, "二期": 4.7, "企业": 2.0, "入驻": 5.5})
    assert _name_stated(tenants, [sentence("“临港药谷”为入驻企业提供研发和中试空间。"),
                                  sentence("目前，入驻企业北京华大基因已完成装修。")])


def test_when_needs_a_time_in_a_sentence_on_the_event_asked_about():
    q = analyse("储能电站什么时候并网？", {"储能电站": 4.0, "并网": 5.0})
    signed = sentence("8月3日，储能电站项目在县城签约落地。")
    assert not _when_stated(q, [signed, sentence("储能电站并网后年发电量可达1亿千瓦时。")])  # the date is the signing's
    assert _when_stated(q, [signed, sentence("储能电站建成后将于明年6月并网发电。")])
    assert _when_stated(q, [signed, sentence("储能电站在主变压器调试完成后并网。")])  # after another event
    year = analyse("储能电站哪一年并网？", {"储能电站": 4.0, "并网": 5.0})
    assert not _when_stated(year, [signed, sentence("储能电站在主变压器调试完成后并网。")])  # not a year
    opened = analyse("茶叶加工厂是哪一天正式投产的？", {"茶叶加工厂": 5.0, "投产": 2.0})
    assert not _when_stated(opened, [sentence("8月3日，茶叶加工厂项目在县城签约，总投资8000万元。")])  # no 投产 said
    assert _when_stated(opened, [sentence("茶叶加工厂已于9月1日正式投产。")])
    assert not _when_stated(year, [sentence("目前储能电站已完成主体建设，正在调试并网设备。")])  # now is no year
    assert _when_stated(year, [sentence("储能电站预计明年年底并网。")])
    assert _when_stated(q, [sentence("目前储能电站已经并网。")])  # 什么时候 may be answered by 目前
    both = analyse("推介会是几月几号在哪个城市开的？", {"推介会": 5.0})  # 城市 is the second question's
    assert _when_stated(both, [sentence("5月20日，川南文旅推介会在泸州开幕。")])
    told = analyse("两座城市的交往要从哪一年说起？", {"交往": 5.0})  # 说起 tells; it is no event to find
    assert _when_stated(told, [sentence("两座城市的交往可以追溯到2008年。")])
    begun = analyse("两县的结对帮扶是从什么时候开始的？", {"结对": 5.0, "帮扶": 4.0})  # the event is 帮扶, said as 自…以来
    assert _when_stated(begun, [sentence("自2016年3月两县开展结对帮扶以来，累计实施项目40个。")])
    assert not _when_stated(begun, [sentence("两县开展结对帮扶，累计实施项目40个。")])
    listed = analyse("这个镇是哪一年被列入全省特色小镇创建名单的？", {"特色": 3.0, "小镇": 3.0, "创建": 2.0, "名单": 5.0, "列入": 0.5})
    assert _when_stated(listed, [sentence("2019年，该镇入选全省特色小镇创建行列。")])  # 名单 said as 行列
    assert not _when_stated(listed, [sentence("2019年，该镇获评全省卫生乡镇。")])


def test_a_spoken_noun_is_counted_by_its_root():
    cars = analyse("这家车企上个月卖出了多少辆车子？", {})
    assert _counted_stated(cars, [sentence("上月该公司累计销售车辆3.2万辆，同比增长12%。")])
    assert not _counted_stated(cars, [sentence("上月该公司营业收入32亿元，同比增长12%。")])



def test_a_place_the_question_sets_its_act_in_must_be_the_act_s():
    q = analyse("这家无人机企业在雅安投资建设了什么？", {})
    elsewhere = sentence("这家无人机企业在绵阳高新区投资建设了整机总装基地。")
    assert not _place_stated(q, [elsewhere])
    assert _place_stated(q, [elsewhere, sentence("这家无人机企业还在雅安投资建设了试飞场。")])
    assert _place_stated(q, [sentence("这家无人机企业投资建设了整机总装基地。")])  # no place of its own
    assert _place_stated(analyse("这家无人机企业在北京设立了什么？", {}), [sentence("企业在京设立了研发中心。")])  # 京 for 北京


def test_an_act_set_in_a_place_is_not_answered_from_articles_that_never_name_it():
    q = analyse("招商小组在重庆签了几个合作项目？", {})
    signed = sentence("招商小组与当地企业签下合作项目6个。")
    docs = {"d": {"metadata": {"title": "招商小组赴贵阳考察"}, "text": "招商小组与当地企业签下合作项目6个。"}}
    assert not _place_stated(q, [signed], docs)
    docs["d"]["text"] = "小组一行随后抵渝。" + docs["d"]["text"]  # 渝, the one-character name
    assert _place_stated(q, [signed], docs)


def test_where_needs_a_place_the_question_does_not_name():
    q = analyse("哪个城市的仓库发生了火情？", {})
    assert not _name_stated(q, [sentence("记者致电当地街道办事处，工作人员表示火情已扑灭。")])
    assert _name_stated(q, [sentence("绵阳市一处仓库昨晚发生火情，无人员伤亡。")])
    spot = analyse("市里支持在什么地方设立便民服务站？", {})  # 什么地方 may be answered by a body
    assert _name_stated(spot, [sentence("支持在银行等金融机构设立便民服务站。")])


def test_a_name_asked_of_a_thing_needs_a_sentence_on_that_thing():
    q = analyse("这家茶企的总部设在哪个城市？", {"茶企": 6.0, "总部": 7.0})
    assert not _name_stated(q, [sentence("这家茶企与雅安市名山区签下了万亩茶园的合作协议。")])
    assert _name_stated(q, [sentence("这家茶企的总部在杭州，主营绿茶出口。")])
    set_up = analyse("园区里的便民服务窗口，是哪家单位设的？", {"窗口": 5.0, "单位": 2.0})  # 单位 is the kind asked
    assert _name_stated(set_up, [sentence("国网成都供电公司在园区设立了便民服务窗口。")])


def test_a_measure_is_asked_of_the_last_thing_the_question_names():
    q = analyse("滨江工业园的电解槽项目投资多少？", {})
    assert not _measure_stated(q, [sentence("滨江工业园首批签约新能源项目7个，总投资31亿元。")])
    assert _measure_stated(q, [sentence("其中电解槽项目投资6亿元。")])


def test_a_quoted_term_must_be_in_a_best_sentence():
    q = analyse("谁最早提出了“飞地经济”的说法？", {})
    assert not _quoted_stated(q, [sentence("某研究院院长在论坛上提出了发展园区经济的建议。")])
    assert _quoted_stated(q, [sentence("飞地经济这一说法最早由某研究院院长提出。")])  # without its marks
    assert _quoted_stated(analyse("《园区管理办法（试行）》对什么进行规范？", {}),
                          [sentence("管委会制定了《园区管理办法(试行)》，对入园企业用地进行规范。")])  # full-width forms
    points = analyse("县长在会上提出的三个“坚持”分别是什么？", {})  # a label each point opens with, further on
    docs = {"d": {"text": "县长在会上作了讲话。一是坚持项目为王。二是坚持生态优先。三是坚持共建共享。", "metadata": {}}}
    assert _quoted_stated(points, [sentence("县长在会上作了讲话。")], docs)
    assert not _quoted_stated(points, [sentence("县长在会上作了讲话。")], {"d": {"text": "县长在会上作了讲话。", "metadata": {}}})


def test_a_time_to_come_is_answered_by_a_plan_not_by_what_is_done():
    q = analyse("三年后茶叶加工园的年产值能有多少？", {})
    assert not _future_stated(q, [sentence("茶叶加工园去年实现产值2亿元。")])
    assert _future_stated(q, [sentence("茶叶加工园力争到2027年产值达到5亿元。")])
    assert _future_stated(analyse("茶叶加工园去年的产值是多少？", {}), [sentence("茶叶加工园去年实现产值2亿元。")])


def test_the_most_of_something_needs_a_sentence_that_ranks():
    q = analyse("入驻的几家企业里哪家年产量最高？", {})
    listed = sentence("园区入驻企业5家，其中一家饲料厂年产20万吨，一家面粉厂年产8万吨。")
    assert not _superlative_stated(q, [listed])
    assert _superlative_stated(q, [listed, sentence("年产量最高的是这家饲料厂。")])
    assert _superlative_stated(analyse("园区入驻了哪些企业？", {}), [listed])
    since = analyse("两座城市的交往最早要从哪一年说起？", {})  # the earliest asked of a date is the date asked
    assert _superlative_stated(since, [sentence("两座城市的交往可以追溯到2008年。")])


def test_whether_something_holds_needs_a_sentence_naming_it():
    q = analyse("这家茶厂是否获得了有机认证？", {})
    assert not _yes_no_stated(q, [sentence("这家茶厂位于名山区，年加工干茶300吨。")])
    assert _yes_no_stated(q, [sentence("这家茶厂去年通过了有机认证。")])  # 获得 worded otherwise


def test_an_amount_belongs_to_the_noun_it_follows_with_no_other_noun_between():
    from wenjin.rag.gate import amount_of
    assert amount_of("外资", "全年合同外资总额达5870万美元")  # a general measure between is the noun's own
    assert amount_of("产值", "达产后年产值可达12亿元")
    assert amount_of("总量", "迈上2.6万亿元的经济总量")  # or right before it
    assert not amount_of("外资", "当年新设外资企业12家")  # 12家 counts 企业
    assert not amount_of("投资", "吸引投资项目9个")
    assert not amount_of("投资", "投资建设了3个物流园")  # a count of the noun after its classifier


def test_a_place_the_question_names_must_be_named_by_the_best_sentence_s_article():
    from wenjin.rag.gate import _place_named
    found = Sentence({"doc_id": "a"}, "全市已培育5个省级特色产业集群。", 0, 16)
    docs = {"a": {"metadata": {"title": "绵阳市推进新型工业化"}, "text": "绵阳市工业经济稳中向好。全市已培育5个省级特色产业集群。"}}
    assert not _place_named(analyse("遂宁有几个省级特色产业集群？", {}), [found], docs)  # the article is on 绵阳
    assert _place_named(analyse("绵阳有几个省级特色产业集群？", {}), [found], docs)  # 绵阳 for 绵阳市
    assert _place_named(analyse("全市有几个省级特色产业集群？", {}), [found], docs)  # no place named


def test_a_body_named_after_its_place_is_not_answered_from_the_same_body_of_another_place():
    from wenjin.rag.gate import _place_named
    found = Sentence({"doc_id": "a"}, "会议选举产生新一届委员会，张某当选主席。", 0, 21)
    docs = {"a": {"metadata": {"title": ""}, "text": "甘肃省工商联第十届代表大会在兰州召开。会议选举产生新一届委员会，张某当选主席。"}}
    assert not _place_named(analyse("青海省工商联主席是谁？", {}), [found], docs)  # the article is on 甘肃
    assert _place_named(analyse("甘肃省工商联主席是谁？", {}), [found], docs)
    assert _place_named(analyse("国家市场监督管理总局局长是谁？", {}), [found], docs)  # opens with no place


def test_a_name_opening_with_a_city_is_not_answered_from_the_same_name_of_another_city():
    """洛阳|华侨城: the city ends in no division's suffix, and an article on 南阳华侨城 is another project."""
    from wenjin.rag.gate import _place_named
    found = Sentence({"doc_id": "a"}, "项目总建设用地面积约900亩。", 0, 15)
    docs = {"a": {"metadata": {"title": ""}, "text": "南阳华侨城项目正式签约。项目总建设用地面积约900亩。"}}
    assert not _place_named(analyse("洛阳华侨城项目的总建设用地面积是多少亩？", {}), [found], docs)
    assert _place_named(analyse("南阳华侨城项目的总建设用地面积是多少亩？", {}), [found], docs)


def test_a_person_asked_by_title_is_named_only_by_a_sentence_saying_that_title():
    q = analyse("某研究院的首任院长由何人担任？", {})
    signed = sentence("双方签署某研究院共建协议，记者张明、通讯员李华报道。")
    assert not _name_stated(q, [signed])  # people named, none as 院长
    assert _name_stated(q, [sentence("研究院首任院长由王立新教授担任。")])


def test_an_amount_in_a_condition_is_no_statement_of_the_measure():
    q = analyse("某协作园区去年实现税收多少？", {})
    assert not _measure_stated(q, [sentence("企业如果连续两年亩均税收低于10万元，园区将收回其租金减免。")])
    assert _measure_stated(q, [sentence("园区去年实现税收3.2亿元，同比增长12%。")])


def test_the_reporters_a_dateline_credits_answer_only_who_reported():
    lead = sentence("本报讯（记者张明）9月12日，川南低碳论坛在长宁开幕。")
    assert not _name_stated(analyse("川南低碳论坛开幕式上谁致辞？", {}), [lead])
    assert _name_stated(analyse("川南低碳论坛的报道是哪个记者写的？", {}), [lead])
