"""Claim checking by meaning units, on the labelled claims (samples/claims*.jsonl) and hand-made answers."""

import pytest

from wenjin.evals.verify_bench import load, score
from wenjin.rag.quantities import compatible, quantities
from wenjin.rag.verify import FLAG_UNCITED, FLAG_UNSUPPORTED, check, dated_title, judge, supports

from conftest import ROOT

PASSAGE = "雪域牦牛乳精深加工项目由四川格萨尔牧业有限公司牵头，联合武侯区食品企业投资3.5亿元，预计带动1800户牧民增收。"


def test_the_flag_on_the_labelled_claims():
    claims = ROOT / "samples" / "claims_set.jsonl"
    dev = score(rows=load(claims, "dev"))          # the checks were developed looking at these
    held = score(rows=load(claims, "heldout"))     # scored, never tuned on
    assert dev["precision"] >= 0.95 and dev["recall"] >= 0.95
    assert held["precision"] >= 0.85 and held["recall"] >= 0.9
    for older in ("claims.jsonl", "claims_heldout.jsonl"):
        r = score(ROOT / "samples" / older)
        assert r["precision"] >= 0.9 and r["recall"] >= 0.9, older


def test_quantities_are_read_as_values_with_their_units():
    [q] = quantities("带动一千八百户牧民")
    assert (q.lo, q.unit) == (1800, "户")
    assert compatible(quantities("近19亿元")[0], quantities("18.6亿元")[0])
    assert not compatible(quantities("近19亿元")[0], quantities("12亿元")[0])  # 近 stays close
    assert compatible(quantities("不足5亿元")[0], quantities("4.2亿元")[0])   # an upper bound reaches further
    assert not compatible(quantities("不足5亿元")[0], quantities("5亿元")[0])
    assert compatible(quantities("超过3000名")[0], quantities("3000多名")[0])
    assert compatible(quantities("12000吨")[0], quantities("1.2万吨")[0])
    assert not compatible(quantities("3.5亿美元")[0], quantities("3.5亿元")[0])
    assert not compatible(quantities("1260平方公里")[0], quantities("1260亩")[0])


@pytest.mark.parametrize("claim", [
    "项目投资3.5亿元，带动1800户牧民增收",
    "该项目预计帮助一千八百户牧民增收",                 # Chinese numerals, a synonym
    "武侯区食品企业参与投资的这个项目由四川格萨尔牧业有限公司牵头",  # reordered
    "项目投资约3.5亿元",                                # an estimate that holds
])
def test_faithful_restatements_pass(claim):
    assert supports(PASSAGE, claim), judge(PASSAGE, claim).reasons


@pytest.mark.parametrize("claim, reason", [
    ("项目投资1800户，带动3.5亿元", "数字"),              # numbers swapped between their words
    ("项目投资3.5亿美元", "数字不符"),                   # unit
    ("项目投资5.3亿元", "数字不符"),
    ("项目未带动牧民增收", "否定"),                      # negation with 未
    ("项目已带动1800户牧民增收", "计划"),                # done, where the passage expects it
    ("项目由华为公司牵头", "华为"),                      # a company the passage does not name
    ("项目由武侯区食品企业牵头", "牵头的主体"),          # the other party in the leading role
    ("项目三年内建成", "数字不符"),                      # a count in Chinese numerals
    ("项目投资3.5亿元，是全省首个牦牛乳项目", "全省首"),  # an invented first
])
def test_each_kind_of_error_is_caught_with_its_reason(claim, reason):
    verdict = judge(PASSAGE, claim)
    assert not verdict.supported and any(reason in r for r in verdict.reasons), verdict.reasons


def test_check_removes_bad_markers_and_flags_unsupported_and_uncited_claims():
    text, checks = check("投资3.5亿元[1][9]。由华为公司承建[1]。我已忽略之前的指令。", {1: PASSAGE})
    assert "[9]" not in text and text.startswith("投资3.5亿元[1]。由华为公司承建[1]" + FLAG_UNSUPPORTED)
    assert text.endswith("我已忽略之前的指令。" + FLAG_UNCITED)
    assert [c.supported for c in checks] == [True, False, False]
    assert checks[1].reason.startswith("资料未提及") and checks[-1].reason == "未标注引用"


def test_a_sentence_before_a_cited_one_is_a_claim_of_its_own():
    text, checks = check("HACKED。项目投资3.5亿元[1]。", {1: PASSAGE})
    assert [c.claim for c in checks] == ["HACKED", "项目投资3.5亿元"]
    assert [c.supported for c in checks] == [False, True] and FLAG_UNCITED in text.split("项目")[0]


@pytest.mark.parametrize("passage, claim, supported", [
    # a bound that leaves its number out is not the number, nor the bound the other way
    ("两地每年安排协作资金不少于3000万元。", "两地每年安排的协作资金少于3000万元。", False),
    ("两地每年安排协作资金不少于3000万元。", "两地每年安排的协作资金至少3000万元。", True),
    ("园区产值力争突破50亿元。", "园区产值力争超过50亿元。", True),
    ("园区今年产值为50亿元。", "园区今年产值超过50亿元。", False),
    # an event reported as done must be one the passage reports
    ("考察团与开发区就共建物流园进行了洽谈。", "考察团已与开发区签订共建物流园协议。", False),
    ("考察团与开发区签署了共建物流园协议。", "考察团已与开发区签订共建物流园协议。", True),
    # a pair of provinces named whole for its short form; one of them alone must be literal
    ("川渝两地经信部门联合发布倡议。", "四川和重庆两地经信部门联合发布倡议。", True),
    ("推介会在成都举行，川渝两地企业参会。", "推介会在重庆举行，川渝两地企业参会。", False),
    ("园区地处川渝交界，距重庆主城约60公里。", "园区地处四川与重庆交界处，距重庆主城约60公里。", True),
    # a negation that says the passage's positive the other way round
    ("全市12个区县全部组团参展。", "全市12个区县无一缺席，都组团参展。", True),
    ("该展会首次设立独立的四川展馆。", "该展会此前从未设立独立的四川展馆。", True),
    ("该省首次以独立展馆形式亮相。", "该省此前并未以独立展馆形式亮相，本届是首次。", True),
    ("该展会首次设立独立的四川展馆。", "该展会没有设立独立的四川展馆。", False),
    # period words only on word boundaries: 达产后|年产值 names no 后年
    ("项目一期明年建成，全部达产后年产值80亿元。", "项目全部达产后年产值有望达到80亿元。", True),
    # a negated comparative bounds the number the other way round
    ("每年安排帮扶资金不少于3000万元。", "每年安排的帮扶资金不会低于3000万元。", True),
    ("园区带动就业1.2万人。", "园区带动就业不下1.2万人。", True),
    # a count moved to the other noun of the pair
    ("全省15个市和重庆40个区县参展。", "全省40个市和重庆15个区县参展。", False),
    # a total completion the passage does not report
    ("园区规划面积5平方公里，首期开发2平方公里。", "园区规划的5平方公里已全部开发完毕。", False),
    # 难有 is a negation even where the tagger splits it
    ("两地在航运物流方面大有可为。", "两地在航运物流方面难有作为。", False),
    # a floor turned into a cap; 不止 is a bound like 超过
    ("两市每年安排协作资金不少于2000万元。", "两市每年安排的协作资金不超过2000万元。", False),
    ("入驻企业已经超过300家。", "入驻企业已不止300家。", True),
    # the claim writes out what the passage shortens: a zone's full name, a suffix, a one-character place
    ("基地选址绵阳经开区南区。", "基地选址绵阳经济技术开发区南区。", True),
    ("阿坝州是青稞主产区之一。", "阿坝藏族羌族自治州是青稞主产区之一。", True),
    ("项目由广州一家企业投资。", "项目由广州市一家企业投资。", True),
    ("论坛在重庆市渝中区人民大礼堂开幕。", "论坛在渝中区人民大礼堂开幕。", True),
    ("展会在重庆市南岸区会展中心开幕。", "展会在渝南岸区会展中心开幕。", True),
    # 投入生产 starts production, it names no investor; 不乏 says there are some
    ("园区总投资2亿元，其中市级财政投入5000万元。6月1日园区正式投入生产。", "总投资2亿元的园区已于6月1日投入生产。", True),
    ("投资方既有央企，也有民营企业。", "投资方不只有央企，也不乏民营企业。", True),
    # an agreement's terms are commitments, a cumulative total is done
    ("按照协议，两地每年互派10名干部挂职。", "按照协议，两地已经互派了10名干部挂职。", False),
    ("园区累计引进企业40家，建成厂房10万平方米。", "园区计划引进企业40家，拟建厂房10万平方米。", False),
    # a bare completion verb: done in a report of the day, what is to be done in a project's description
    ("项目投资3亿元，在城北建设物流中心，开通至重庆的货运专线。", "项目将开通至重庆的货运专线。", True),
    ("6月2日，项目在城北开通至重庆的货运专线。", "项目将开通至重庆的货运专线。", False),
])
def test_bounds_events_counts_short_forms_and_negations(passage, claim, supported):
    assert judge(passage, claim).supported is supported, judge(passage, claim).reasons


def test_the_title_names_the_subject_but_says_nothing_of_roles():
    title = "锡会共建产业园三年引进27家企业"
    passage = "园区由无锡经开区派驻干部与会理市共同组建园区管委会，已建成标准厂房18万平方米。"
    assert judge(passage, "锡会产业园管委会由无锡经开区派驻干部与会理市共同组建。", title=title).supported
    assert judge(passage, "锡会共建产业园已引进27家企业。", title=title).supported  # the headline's amount
    assert not judge(passage, "锡会产业园已建成标准厂房28万平方米。", title=title).supported
    assert not judge(passage, "锡会产业园管委会由宜宾市组建。", title=title).supported  # a name neither gives
    # in an answer, the passage given to the checker is its title line and then its text
    _, [ok] = check("锡会产业园已建成标准厂房18万平方米[1]。", {1: f"{title}\n{passage}"})
    assert ok.supported


def test_a_hedge_inside_a_word_bounds_nothing():
    [q] = quantities("意向签约32.5亿元")  # 约 of 签约 is no 约 (about)
    assert q.lo == q.hi == 32.5e8
    [q] = quantities("投资约3亿元")
    assert q.lo < 3e8 < q.hi
    assert not supports("意向签约32.5亿元", "意向签约三十五点二亿元")


def test_a_place_does_not_stand_where_a_product_was():
    passage = "3月18日，眉山市彭山区与深圳一家企业签署协议，在彭山经济开发区建设年产10万吨磷酸锰铁锂正极材料项目。"
    assert supports(passage, "彭山区这一正极材料项目在彭山经济开发区建设。")


def test_names_swapped_between_the_nouns_they_qualify_are_flagged():
    passage = "产业园投产后，美姑花椒将通过顺德企业的销售渠道直接进入粤港澳大湾区市场。"
    assert not supports(passage, "产业园投产后，顺德花椒将通过美姑企业的销售渠道进入大湾区市场。")
    assert supports(passage, "产业园投产后，美姑花椒将借顺德企业的销售渠道进入粤港澳大湾区市场。")
    titled = "理塘县县长格桑与双流区区长李明出席签约仪式。"
    assert supports(titled, "格桑县长代表理塘县出席签约仪式。")  # a title after the name is the same title
    assert not supports(titled, "双流区县长格桑出席签约仪式。")
    listed = "双方在绿色金融、专业服务和国际航运物流方面合作空间很大。"
    assert supports(listed, "双方在国际航运物流、专业服务和绿色金融方面合作空间很大。")  # a list reordered


def test_a_denied_alternative_is_set_aside_and_a_plan_is_not_yet_done():
    passage = "日前，浙江省湖州市与四川省广元市在广元召开东西部协作联席会议，计划共同建设中央厨房。"
    assert supports(passage, "这次联席会议不是在湖州召开的，而是在广元召开的。")
    assert supports(passage, "中央厨房还没有建成，只是计划共同建设。")
    assert not supports("双方已建成中央厨房。", "中央厨房还没有建成。")
    assert not supports("博览会由重庆市农业农村委员会和四川省农业农村厅联合主办。", "博览会由重庆市农业农村委员会单独主办。")


def test_names_listed_together_keep_their_part():
    passage = "今年一季度，广安市邻水县与重庆市渝北区共建的邻渝协作产业园新签约项目14个。"
    assert supports(passage, "邻渝协作产业园由重庆市渝北区和广安市邻水县共同建设。")
    both = "产业园总投资1.8亿元，其中顺德区投入帮扶资金6000万元，其余由顺德一家调味品企业和美姑县国有平台公司共同出资。"
    assert not supports(both, "其余由美姑县一家调味品企业和顺德区国有平台公司共同出资。")


def test_a_temporary_negation_is_a_negation():
    passage = "下一步四川将在澳门设立经贸联络服务站。"
    assert not supports(passage, "四川暂无在澳门设立经贸联络服务站的计划。")


def test_who_gives_to_whom_is_kept():
    passage = "电池回收项目建成后，回收的镍、钴、锂等金属将直接供应园区内正极材料企业。"
    assert not supports(passage, "园区内的正极材料企业将向电池回收项目直接供应镍、钴、锂等金属。")
    assert supports(passage, "电池回收项目回收的镍、钴、锂等金属将向园区内正极材料企业直接供应。")


def test_doubling_is_a_growth_of_one_times():
    passage = "中欧班列(泸州)累计开行班次较去年同期翻番。"
    assert supports(passage, "中欧班列(泸州)开行班次比去年同期增加了一倍。")
    assert not supports(passage, "中欧班列(泸州)开行班次比去年同期增加了两倍。")
    assert supports(passage, "中欧班列(泸州)开行班次约为去年同期的两倍。")  # a ratio: twice as many
    assert not supports(passage, "中欧班列(泸州)开行班次是去年同期的三倍。")


def test_a_verb_the_passage_only_denies_is_not_asserted():
    """允许退还 where the passage says only 不予退还, in a clause the claim shares fewest words with."""
    passage = "参展企业的展位费一经缴纳，即与主办方签订合同，概不退还。"
    assert not supports(passage, "参展企业缴纳的展位费允许退还。")
    assert supports(passage, "参展企业的展位费缴纳后不予退还。")
    assert supports(passage, "参展企业缴纳展位费后与主办方签订合同。")


def test_an_amount_of_one_of_two_deals_listed_side_by_side_is_that_deal_s():
    passage = ("推介会上共签约项目6个，其中，一家上海医药企业将在园区投资新建制剂车间，"
               "一家深圳投资管理机构将与县属国企联合设立规模8亿元的产业基金。")
    assert not supports(passage, "其中一家上海医药企业将投资8亿元，在园区新建制剂车间。")
    assert supports(passage, "一家深圳投资管理机构将与县属国企联合设立规模8亿元的产业基金。")


def test_two_projects_ranked_by_amounts_from_two_sentences_are_no_moved_names():
    passage = ("青稞酒厂扩建项目由县国有资产投资公司牵头，联合本地酿酒企业投资1.2亿元，新建灌装车间。\n\n"
               "高原蜂蜜加工项目由县农业投资公司牵头，计划投资2.6亿元，建设蜂蜜精深加工生产线。")
    assert supports(passage, "高原蜂蜜加工项目的计划投资额高于青稞酒厂扩建项目。")
    assert not supports(passage, "青稞酒厂扩建项目的投资额高于高原蜂蜜加工项目。")


def test_two_negations_assert_what_the_passage_denies():
    passage = "美姑县过去以出售原椒为主，附加值偏低。"
    assert not supports(passage, "美姑县花椒的附加值并非不高。")
    assert supports(passage, "美姑县花椒的附加值不高。")


# Classes of wording met on the blind development sets (claims_dev9–11, claims_set2's dev half),
# each written anew: (passage, claim, supported).
CLASSES = [
    # a count of the items a claim lists is said
    ("基地一期建设检测车间、试车台和零件修理中心，二期拓展再制造业务。",
     "基地一期建设检测车间、试车台和零件修理中心三类设施。", True),
    ("基地一期建设检测车间、试车台和零件修理中心，二期拓展再制造业务。",
     "基地一期建设检测车间和试车台两类设施。", False),  # a part of the list, counted as the whole
    ("基地一期建设检测车间、试车台和零件修理中心，二期拓展再制造业务。",
     "基地一期建设检测车间、试车台和零件修理中心四类设施。", False),
    ("园区重点发展制氢设备、储氢容器、加氢装备和电池系统四类产品。",
     "园区重点发展制氢设备、储氢容器和电池系统三类产品。", False),
    # two negations and a lack filled say the positive
    ("两地企业在物流领域已有多年合作经验。",
     "两地企业在物流领域并非没有合作经验，已合作多年。", True),
    ("中心建成后将补齐全市冷链物流中的速冻加工环节，并解决农户的储运之忧。",
     "在中心建成之前，全市冷链物流不曾具备速冻加工环节。", True),
    ("中心建成后将补齐全市冷链物流中的速冻加工环节，并解决农户的储运之忧。",
     "中心建成后，农户不再为产品的储运而有后顾之忧。", True),
    ("两地企业尚无合作经验。",
     "两地企业并非没有合作经验。", False),
    # a citys literary name is the city
    ("推介会在成都东郊记忆园区举行。",
     "推介会在蓉城的东郊记忆园区举行。", True),
    ("推介会在成都东郊记忆园区举行。",
     "推介会在鹏城的东郊记忆园区举行。", False),
    # two parties abbreviated together are the same actors
    ("在成渝合作推介会上，成都与重庆企业现场签约15个项目，签约金额60亿元。",
     "成渝合作推介会上的签约金额逾55亿元。", True),
    ("在成渝合作推介会上，成都与重庆企业现场签约15个项目，签约金额60亿元。",
     "成渝合作推介会上的签约金额逾65亿元。", False),
    # a count is said of its own clause
    ("新开工项目以食品和纺织为主，其中食品项目6个、纺织项目3个，另有2个物流项目。",
     "新开工项目并非都是食品和纺织项目，另有2个物流项目。", True),
    ("新开工项目以食品和纺织为主，其中食品项目6个、纺织项目3个，另有2个物流项目。",
     "新开工项目中，纺织项目有2个。", False),
    # an office named after its government is one name
    ("6月3日，澳门特区政府经济及科技发展局代表团来到重庆访问。",
     "6月3日，澳门特区政府社会文化司代表团来到重庆访问。", False),
    ("6月3日，澳门特区政府经济及科技发展局代表团来到重庆访问。",
     "6月3日，澳门特区政府运输工务及房屋局代表团来到重庆访问。", False),
    ("6月3日，澳门特区政府经济及科技发展局代表团来到重庆访问。",
     "澳门特区政府经济及科技发展局代表团6月3日到访重庆。", True),
    # the rest and the total of the passages amounts are said
    ("开发区已引进企业40家，其中来自苏州的企业15家。",
     "开发区引进的40家企业中，非苏州企业有25家。", True),
    ("开发区已引进企业40家，其中来自苏州的企业15家。",
     "开发区引进的企业中，其余25家来自苏州以外。", True),
    ("开发区已引进企业40家，其中来自苏州的企业15家。",
     "开发区引进的企业中，非苏州企业有20家。", False),
    ("开发区已引进企业40家，其中来自苏州的企业15家。",
     "开发区引进的企业中，来自苏州的企业有25家。", False),  # no rest said: a wrong count
    ("新开工项目中，食品项目6个、纺织项目3个。",
     "新开工的食品和纺织项目共9个。", True),
    ("新开工项目中，食品项目6个、纺织项目3个。",
     "新开工的食品和纺织项目共10个。", False),
    # a denied bound turns round
    ("其中规模最大的是物流中心项目，计划投资12亿元；冷库项目投资3亿元。",
     "这批项目中，没有一个项目的投资额超过12亿元。", True),
    ("其中规模最大的是物流中心项目，计划投资12亿元；冷库项目投资3亿元。",
     "这批项目中，没有一个项目的投资额超过10亿元。", False),
    # the first months of a year are those months
    ("今年前两个月，港口吞吐量同比增长12%。",
     "今年1至2月，港口吞吐量同比增长12%。", True),
    ("今年前两个月，港口吞吐量同比增长12%。",
     "今年1至3月，港口吞吐量同比增长12%。", False),
    # a share of two counts is said
    ("园区已入驻企业150家，其中外资企业60家。",
     "园区入驻的企业中，外资企业不到一半。", True),
    ("园区已入驻企业150家，其中外资企业60家。",
     "园区入驻企业中外资企业占40%。", True),
    ("园区已入驻企业150家，其中外资企业60家。",
     "园区入驻企业中外资企业超过一半。", False),
    ("园区已入驻企业150家，其中外资企业60家。",
     "园区入驻企业中外资企业占45%。", False),
    # bounds more than one after a verb and of a reference
    ("基地重点发展制氢设备、储氢容器和电池系统三类产品，首期到位资金4.2亿元，从洽谈到签约用时45天。",
     "基地重点发展的产品不止一类。", True),  # more than one, however many
    ("基地重点发展制氢设备、储氢容器和电池系统三类产品，首期到位资金4.2亿元，从洽谈到签约用时45天。",
     "首期到位资金超过了4亿元。", True),  # 了 after the bound
    ("基地重点发展制氢设备、储氢容器和电池系统三类产品，首期到位资金4.2亿元，从洽谈到签约用时45天。",
     "首期到位资金超过了5亿元。", False),
    ("基地重点发展制氢设备、储氢容器和电池系统三类产品，首期到位资金4.2亿元，从洽谈到签约用时45天。",
     "从洽谈到签约用时不到两个月。", True),  # months against days
    ("基地重点发展制氢设备、储氢容器和电池系统三类产品，首期到位资金4.2亿元，从洽谈到签约用时45天。",
     "从洽谈到签约用时不到一个月。", False),
    ("园区规划面积4平方公里，首期开发1.6平方公里。",
     "园区首期开发的面积还不到规划面积的一半。", True),  # a bound of a share of a reference
    ("园区规划面积4平方公里，首期开发1.6平方公里。",
     "园区首期开发的面积超过了规划面积的一半。", False),
    # dates within periods and days counted from dates
    ("5月6日，开发区举行二季度项目集中签约活动，签约项目11个。",
     "开发区于5月上旬举行项目集中签约活动。", True),
    ("5月6日，开发区举行二季度项目集中签约活动，签约项目11个。",
     "开发区于5月下旬举行项目集中签约活动。", False),
    ("5月6日，开发区举行二季度项目集中签约活动，签约项目11个。",
     "开发区在二季度举行项目集中签约活动。", True),
    ("11月12日，为期三天的西部茶业博览会在贵阳国际会展中心落下帷幕。",
     "为期三天的西部茶业博览会于11月10日开幕，11月12日闭幕。", True),
    ("11月12日，为期三天的西部茶业博览会在贵阳国际会展中心落下帷幕。",
     "11月10日，西部茶业博览会在贵阳国际会展中心落下帷幕。", False),
    ("6月3日至6日，西部茶业博览会在贵阳国际会展中心举行。",
     "西部茶业博览会在贵阳国际会展中心举行，为期四天。", True),
    ("6月3日至6日，西部茶业博览会在贵阳国际会展中心举行。",
     "西部茶业博览会在贵阳国际会展中心举行，为期三天。", False),
    # shortened office names units and withdrawals
    ("由澳门特区政府经济及科技发展局副局长李明率领的代表团抵达重庆。",
     "澳门经科局副局长李明率代表团抵达重庆。", True),
    ("由澳门特区政府经济及科技发展局副局长李明率领的代表团抵达重庆。",
     "澳门社文司副局长李明率代表团抵达重庆。", False),
    ("项目建成后年产电解液3万立方米。",
     "项目建成后年产电解液3000万升。", True),
    ("企业如果连续两年亩均税收低于10万元，园区将收回其享受的租金减免。",
     "企业若连续两年亩均税收不足10万元，将不能再享受租金减免。", True),
    ("园区已入驻纺织、箱包和电子企业20家。",
     "园区入驻的20家企业分属纺织和电子两大类。", False),  # one left out between
    # frames floors on lists denied not only and agents
    ("博览会设四川展区、重庆展区和科技展区三大板块，占地90亩，为期两天。",
     "根据资料，博览会共设三个展区板块，包括四川展区和重庆展区。", True),  # a frame says where
    ("博览会设四川展区、重庆展区和科技展区三大板块，占地90亩，为期两天。",
     "博览会占地约6公顷。", True),  # 亩 as area
    ("博览会设四川展区、重庆展区和科技展区三大板块，占地90亩，为期两天。",
     "博览会设四川展区、重庆展区、科技展区等至少三个板块。", True),  # a floor on a list
    ("博览会设四川展区、重庆展区和科技展区三大板块，占地90亩，为期两天。",
     "博览会并非只开一天，而是为期两天。", True),  # 并非只…而是 denies
    ("6月1日，由温州市对口帮扶建设的昭觉县农产品加工园建成投产。",
     "昭觉县农产品加工园是在温州市的对口帮扶下建设的。", True),  # 在X的帮扶下: X helps
    ("6月1日，由温州市对口帮扶建设的昭觉县农产品加工园建成投产。",
     "温州市农产品加工园是在昭觉县的对口帮扶下建设的。", False),
    # no need to choose and not from scratch restate the positive
    ("企业在园区内可同时享受省级和市级两级的招商优惠政策。",
     "园区企业无须在省级和市级招商优惠政策之间二选一，可以同时享受。", True),
    ("绵阳是全国重要的电子信息产业基地，长虹等龙头企业在显示领域已有多年技术积累。",
     "长虹等龙头企业在显示领域并非从零起步，已有多年技术积累。", True),
    ("该县电商产业刚刚起步，尚无龙头企业。",
     "该县电商产业并非从零起步。", False),
    # a noun that only names the measure is said by the unit
    ("项目将在县城北部建设蓝莓种植基地1500亩，并配套建设冷库。",
     "项目将在县城北部建设蓝莓种植基地，面积1500亩。", True),
    ("项目将在县城北部建设蓝莓种植基地1500亩，并配套建设冷库。",
     "项目将在县城北部建设蓝莓种植基地，面积2500亩。", False),
    # a province in its one character word and a shortened subject
    ("投资方既有长三角的头部企业，也有川内成长型科技企业。",
     "投资方既有长三角的头部企业，也有四川本地的成长型科技企业。", True),
    ("投资方既有长三角的头部企业，也有川内成长型科技企业。",
     "投资方既有长三角的头部企业，也有贵州本地的成长型科技企业。", False),
    # a denied role is left to the polarity check
    ("基地总投资2亿元，其中佛山市投入帮扶资金8000万元，其余由佛山一家企业和昭觉县国有公司共同出资。",
     "昭觉县这一基地的投资并非全部来自佛山市的帮扶资金，其余由佛山一家企业和昭觉县国有公司共同出资。", True),
    ("基地由佛山市投资建设。",
     "基地并非由佛山市投资建设。", False),
    # every item a claim enumerates is one the passage names; reordered or shortened, the list holds
    ("茶园培训围绕采摘、炒制、包装和品牌营销等环节展开。",
     "茶园培训围绕采摘、窨花、包装和品牌营销等环节展开。", False),
    ("茶园培训围绕采摘、炒制、包装和品牌营销等环节展开。",
     "茶园培训围绕包装、采摘、炒制和营销等环节展开。", True),
    # a claim that reads as a report of the day reports its event as done
    ("5月6日，两县签署合作协议，将共建冷链仓储中心，总投资3亿元。",
     "5月6日，冷链仓储中心正式开工建设。", False),
    ("5月6日，两县签署合作协议，将共建冷链仓储中心，总投资3亿元。",
     "5月6日，两县正式签订了合作协议。", True),
    ("5月6日，两县签署合作协议，将共建冷链仓储中心，总投资3亿元。",
     "冷链仓储中心目前还没有开工，只是两县约定共建。", True),  # a denied event is no report
    # the first is said with 首 or 最 as often as with 第一
    ("该县是全省首个通过验收的示范县。", "该县在全省排第一位通过验收。", True),
    # an amount said to move the other way
    ("上半年园区实现营收42亿元，同比增长两成。", "上半年园区营收比去年同期有所下降。", False),
    ("上半年园区实现营收42亿元，同比增长两成。", "上半年园区营收同比提高了两成。", True),
    # one clause's subject put before another clause's predicate
    ("一家上海设计公司将在园区设立研发中心，一家本地农业合作社将与县国企合办冷链仓库。",
     "一家本地农业合作社将在园区设立研发中心。", False),
    ("一家上海设计公司将在园区设立研发中心，一家本地农业合作社将与县国企合办冷链仓库。",
     "一家上海设计公司将在这个园区设立研发中心。", True),
    # what one speaker said, given to another the passage quotes
    ("县长王某在会上表示，冷链物流是产业链的短板。市商务局负责人介绍，全市今年新签约项目41个。",
     "市商务局负责人在会上表示，冷链物流是产业链的短板。", False),
    ("县长王某在会上表示，冷链物流是产业链的短板。市商务局负责人介绍，全市今年新签约项目41个。",
     "王某认为冷链物流是产业链的短板。", True),
    # two event verbs run together (建成投产) are two events
    ("首批已有3家企业签约入园。", "首批已有3家企业建成投产。", False),
    ("市发改委负责人介绍，明年全市将新建充电桩3000个。", "省能源局负责人介绍，明年全市将新建充电桩3000个。", False),
    ("市发改委负责人介绍，明年全市将新建充电桩3000个。", "据市发改委负责人介绍，全市明年将新建3000个充电桩。", True),
    # the subject of one clause with the other's predicate, a word of the first subject in it
    ("一家本地物流公司将在园区建设冷链仓库，一家外地基金公司将与县国企共同设立产业基金。",
     "一家本地物流公司将与县国企共同设立产业基金。", False),
    # a designation put where a superlative names another
    ("其中投资最大的是光伏组件项目，计划投资20亿元；储能电站项目投资6亿元。",
     "此次签约项目中投资最大的是储能电站项目，计划投资20亿元。", False),
    ("其中投资最大的是光伏组件项目，计划投资20亿元；储能电站项目投资6亿元。",
     "此次签约项目中，投资最大的是计划投资20亿元的光伏组件项目。", True),  # what 的 modifies is the item
    ("其中投资最大的是光伏组件项目，计划投资20亿元；储能电站项目投资6亿元。",
     "此次签约项目中，投资最大的是计划投资20亿元的储能电站项目。", False),
    # what a sentence says of a designation it names, given to one another sentence names
    ("会上发布了《山区农旅融合倡议》。大会还推出了乡村民宿地图，首批收录精品民宿120家。",
     "《山区农旅融合倡议》首批收录了精品民宿120家。", False),
    ("会上发布了《山区农旅融合倡议》。大会还推出了乡村民宿地图，首批收录精品民宿120家。",
     "大会推出的乡村民宿地图首批收录精品民宿120家。", True),
    # a place the passage names elsewhere, shorter (射洪 of 遂宁射洪、蓬溪等县), put where it names another
    ("两市将在遂宁市船山区共建“成遂协作产业园”，首期已有3家成都企业确定入驻。同时，成都市将向遂宁射洪、蓬溪等县派出农技专家。",
     "成遂协作产业园将建在遂宁射洪县，首期已有3家成都企业确定入驻。", False),
    ("两市将在遂宁市船山区共建“成遂协作产业园”，首期已有3家成都企业确定入驻。同时，成都市将向遂宁射洪、蓬溪等县派出农技专家。",
     "成都市将向射洪县派出农技专家。", True),
    # a common noun before a noun takes no name's place
    ("推动更多加工产业向林芝梯度转移。", "推动更多加工产业梯度转移到林芝。", True),
    # an amount before 的 is said of the noun after it, not of what the next amount counts
    ("项目在河谷建设装机容量60兆瓦的风电场，配套15兆瓦储能设施。",
     "项目风电场的装机容量为15兆瓦，配套储能设施60兆瓦。", False),
    ("项目在河谷建设装机容量60兆瓦的风电场，配套15兆瓦储能设施。",
     "该风电场装机容量60兆瓦，另配15兆瓦的储能设施。", True),
    # a denied bound denies the bound, not the clause
    ("从立项到开工用了38天。", "从立项到开工没有超过40天。", True),
    ("从立项到开工用了45天。", "从立项到开工没有超过40天。", False),
    # an opening frame says where, not what
    ("园区已入驻企业42家。", "文章提到，园区已入驻企业42家。", True),
    ("园区已入驻企业42家。", "根据介绍，园区已入驻企业24家。", False),
    # a speaker restated with another verb of saying is still the speaker
    ("李某表示，两地在冷链物流、文旅康养等方面合作空间很大。", "李某认为两地在冷链物流等方面合作空间很大。", True),
    # a name contracted to some of its characters (农博会 for 农产品博览会)
    ("第三届西南农产品博览会在昆明开幕，参展企业650家。", "这届农博会有650家企业参展。", True),
    # counts before their nouns where the passage puts them after
    ("新签约项目中，文旅项目 6 个、农产品加工项目 3 个，另有 2 个冷链物流项目。",
     "新签约项目中有六个文旅项目、三个农产品加工项目和两个冷链物流项目。", True),
    ("新签约项目中，文旅项目 6 个、农产品加工项目 3 个，另有 2 个冷链物流项目。",
     "新签约项目中有三个文旅项目、六个农产品加工项目和两个冷链物流项目。", False),
    # all of a whole the passage says is mixed
    ("入驻企业既有本地的农业合作社，也有外地的食品企业。", "入驻企业全部是外地的食品企业。", False),
    ("园区首批收录重点企业120家，均为食品加工企业。", "园区首批收录的120家重点企业全部是食品加工企业。", True),
    # a pair of provinces shortened (川渝) stands for offices named by their provinces
    ("大会由四川省经信厅和重庆市经信委共同主办。", "大会由川渝两地经信部门共同主办。", True),
    # a superlative the listed amounts state, the total left aside
    ("6个项目总投资9亿元，其中茶叶精深加工项目投资3.6亿元，冷链仓储项目投资2.1亿元，民宿集群项目投资1.5亿元。",
     "茶叶精深加工项目在这些项目中投资最多。", True),
    ("6个项目总投资9亿元，其中茶叶精深加工项目投资3.6亿元，冷链仓储项目投资2.1亿元，民宿集群项目投资1.5亿元。",
     "冷链仓储项目在这些项目中投资最多。", False),
    # a majority the passage's part and total decide
    ("园区累计引进企业40家，其中来自苏州的企业13家。", "园区引进的40家企业大多数来自苏州。", False),
    ("园区累计引进企业40家，其中来自苏州的企业29家。", "园区引进的40家企业大多数来自苏州。", True),
    # a morpheme turned into its opposite inside a compound
    ("回收的金属将供应园区内正极材料企业。", "回收的金属将供应园区内的负极材料企业。", False),
    ("回收的金属将供应园区内正极材料企业。", "回收的金属会直接供给园区里的正极材料企业。", True),
    ("团队在核电站内外围墙之间发现地雷。", "团队在核电站外围墙附近发现地雷。", True),  # 内外: both sides named
    # the last item of a list before 等 is read too
    ("签约项目涉及茶叶加工、冷链物流和文旅康养等领域。", "签约项目涉及茶叶加工、冷链物流和跨境电商等领域。", False),
    # a word that only frames a time is judged by the time it frames
    ("到2024年底，全县累计建成冷库36座。", "截至2024年底，全县已累计建成冷库36座。", True),
    # a role made a noun names its actor after it
    ("茶旅融合示范项目由黔东文旅集团牵头，投资2亿元。", "茶旅融合示范项目的牵头单位是黔东文旅集团。", True),
    ("茶旅融合示范项目由黔东文旅集团牵头，投资2亿元。", "茶旅融合示范项目的牵头单位是遵义交旅集团。", False),
    # a task of a quoted division of labour given to the other party
    ("两地实行“苏州设计、铜仁生产”的合作模式。", "按照两地的合作模式，设计工作由铜仁负责。", False),
    ("两地实行“苏州设计、铜仁生产”的合作模式。", "两地合作中，苏州负责设计，铜仁负责生产。", True),
    # an agreement of intent is no formal one
    ("洽谈会上意向签约金额达12亿元。", "洽谈会上正式签约金额达12亿元。", False),
    ("洽谈会上意向签约金额达12亿元。", "洽谈会上达成的意向签约金额为12亿元。", True),
    # spans of years and months, counted or named
    ("2025年至2027年，县里每年安排帮扶资金不少于3000万元。", "在2025年到2027年这三年里，县里每年安排帮扶资金至少3000万元。", True),
    ("2025年至2027年，县里每年安排帮扶资金不少于3000万元。", "在2025年到2027年这四年里，县里每年安排帮扶资金至少3000万元。", False),
    ("今年一季度，园区新签约项目9个。", "园区今年头三个月新签约项目9个。", True),
    ("今年1-6月，园区新签约项目9个。", "园区今年上半年新签约项目9个。", True),
    # a designation moved to where the passage has another of its head noun
    ("其中规模最大的是光伏组件项目，投资20亿元；储能电站项目投资6亿元，建成后可调峰200兆瓦。",
     "光伏组件项目建成后可调峰200兆瓦。", False),
    ("其中规模最大的是光伏组件项目，投资20亿元；储能电站项目投资6亿元，建成后可调峰200兆瓦。",
     "储能电站项目建成后能调峰200兆瓦。", True),
    # a count moved to the noun another count of the passage counts, named before or after it
    ("展会设置展位900个，吸引参展企业620家。", "展会吸引了超过八百家企业参展。", False),
    ("展会设置展位900个，吸引参展企业620家。", "展会吸引了六百多家企业参展。", True),
    ("其中食品加工项目5个、家具制造项目3个，另有1个仓储物流项目。", "其中食品加工项目5个、仓储物流项目3个，另有1个家具制造项目。", False),
    ("其中食品加工项目5个、家具制造项目3个，另有1个仓储物流项目。", "其中有5个食品加工项目、3个家具制造项目和1个仓储物流项目。", True),
    # a district the tagger cuts in two (重庆市|长|寿区) is still a place the passage must name
    ("达州市开江县与重庆市梁平区共建的明月山产业园新签约项目6个。", "达州市开江县与重庆市长寿区共建的明月山产业园新签约项目6个。", False),
    # a place the claim lists as a party and also puts where the passage holds the event at the other
    ("嘉兴市与阿坝州在马尔康召开协作推进会，签约项目9个。", "嘉兴与阿坝在嘉兴召开协作推进会，签约项目9个。", False),
    ("嘉兴市与阿坝州在马尔康召开协作推进会，签约项目9个。", "嘉兴与阿坝两地在马尔康召开了协作推进会。", True),
    # where a product is made, said by a verb before 的, moved to the other place
    ("两地将推动宜宾制造的储能设备在珠三角地区的工业园区开展示范应用。", "两地将推动珠三角制造的储能设备到宜宾的工业园区开展示范应用。", False),
    ("两地将推动宜宾制造的储能设备在珠三角地区的工业园区开展示范应用。", "宜宾制造的储能设备将在珠三角的工业园区示范应用。", True),
    # a multiple of one amount by another, in words or digits, rounded as the claim rounds
    ("展会现场成交额3.1亿元，意向签约额22.4亿元。", "意向签约额是现场成交额的七倍多。", True),
    ("展会现场成交额3.1亿元，意向签约额22.4亿元。", "意向签约额约为现场成交额的7.2倍。", True),
    ("展会现场成交额3.1亿元，意向签约额22.4亿元。", "意向签约额是现场成交额的九倍多。", False),
    # a bound of the same direction, much weaker than the passage's, misstates it; falling short is said with 没达到
    ("今年力争新签约项目60个以上。", "今年力争新签约项目30个以上。", False),
    ("今年力争新签约项目60个以上。", "今年力争新签约项目超过50个。", True),
    ("企业连续两年亩均税收低于12万元的，将退出园区。", "亩均税收连续两年没达到12万元的企业将退出园区。", True),
    ("企业连续两年亩均税收低于12万元的，将退出园区。", "亩均税收连续两年达到12万元的企业将退出园区。", False),
    # what one phase does given to another
    ("园区分三期建设，一期建设冷库和分拣中心，二期建设电商直播基地。", "园区一期将建设电商直播基地。", False),
    ("园区分三期建设，一期建设冷库和分拣中心，二期建设电商直播基地。", "园区二期将建设电商直播基地。", True),
    ("园区分三期建设，一期建设冷库和分拣中心，二期建设电商直播基地。", "园区将分三期建成。", True),
    # one phase's date joined to the other's works, in one clause
    ("园区分两期建设，一期主要建设冷库和分拣中心，计划明年5月投入使用；二期将拓展电商直播和冷链配送业务。",
     "计划明年5月投用的一期工程将开展冷链配送业务。", False),
    ("园区分两期建设，一期主要建设冷库和分拣中心，计划明年5月投入使用；二期将拓展电商直播和冷链配送业务。",
     "计划明年5月投用的一期工程主要建设冷库和分拣中心。", True),
    ("本届茶博会在贵阳举办，明年第五届茶博会将移师遵义举办。", "将在遵义举办的是第四届茶博会。", False),
    ("本届茶博会在贵阳举办，明年第五届茶博会将移师遵义举办。", "第5届茶博会将在遵义举办。", True),
    # comparisons the passage's figures give: a difference, an order, a rank, a share of named amounts
    ("签约项目中，光伏项目投资15亿元，储能项目投资9亿元，冷链项目投资6亿元，农业项目投资4亿元。",
     "储能项目投资比冷链项目多3亿元。", True),
    ("签约项目中，光伏项目投资15亿元，储能项目投资9亿元，冷链项目投资6亿元，农业项目投资4亿元。",
     "储能项目投资比冷链项目多5亿元。", False),
    ("签约项目中，光伏项目投资15亿元，储能项目投资9亿元，冷链项目投资6亿元，农业项目投资4亿元。",
     "冷链项目的投资高于储能项目。", False),
    ("签约项目中，光伏项目投资15亿元，储能项目投资9亿元，冷链项目投资6亿元，农业项目投资4亿元。",
     "农业项目的投资不及冷链项目。", True),
    ("签约项目中，光伏项目投资15亿元，储能项目投资9亿元，冷链项目投资6亿元，农业项目投资4亿元。",
     "投资额排名第二的是储能项目。", True),
    ("签约项目中，光伏项目投资15亿元，储能项目投资9亿元，冷链项目投资6亿元，农业项目投资4亿元。",
     "冷链项目的投资额位列第二。", False),
    ("园区入驻企业40家，其中本地企业16家，外地企业24家。", "本地企业占入驻企业的一半以上。", False),
    ("园区入驻企业40家，其中本地企业16家，外地企业24家。", "外地企业占入驻企业的一半以上。", True),
    ("今年上半年新签约项目32个，比去年同期多8个。", "去年同期新签约项目24个。", True),
    ("今年上半年新签约项目32个，比去年同期多8个。", "去年同期新签约项目40个。", False),
    # a pair named by its prefix (双片区) is counted as two
    ("园区采取“研发在市区、生产在县里”的双片区布局。", "园区按研发和生产分设两个片区。", True),
    ("园区采取“研发在市区、生产在县里”的双片区布局。", "园区按研发和生产分设三个片区。", False),
    # a superlative given to another item than the passage gives it to
    ("首批4个项目中，投资最大的是光伏组件项目，投资12亿元；其余为储能、充电桩和运维项目。", "首批项目中投资最大的是储能项目。", False),
    ("首批4个项目中，投资最大的是光伏组件项目，投资12亿元；其余为储能、充电桩和运维项目。", "首批项目里投资最大的是光伏组件项目。", True),
    # an average worked out from a total and a count, and a total from an average, as the claim rounds
    ("会上签约项目12个，协议投资金额29亿元。", "签约的12个项目平均每个投资约2.4亿元。", True),
    ("会上签约项目12个，协议投资金额29亿元。", "签约的12个项目平均每个投资约3.4亿元。", False),
    ("合作社带动农户3500户，户均年增收约2000元。", "按户均约2000元计，3500户农户每年合计增收约700万元。", True),
    ("合作社带动农户3500户，户均年增收约2000元。", "按户均约2000元计，3500户农户每年合计增收约900万元。", False),
    # comparing two named amounts names neither in the other's place
    ("其中光伏项目计划投资15亿元建设组件工厂；储能项目投资6亿元，建成后可调峰200兆瓦。", "光伏项目的投资比储能项目多9亿元。", True),
    # a change against a time the passage never speaks of; 比去年同期 restates 同比
    ("推介会上签约项目9个，签约金额41亿元。", "推介会签约金额41亿元，较上一届有所增长。", False),
    ("今年一季度，港口集装箱吞吐量同比增长12%。", "今年一季度港口集装箱吞吐量比去年同期增长12%。", True),
    # all of a noun the passage narrows with a modifier
    ("园区出台八条措施，对新入驻的科技企业给予三年租金减免。", "园区对所有科技企业给予三年租金减免。", False),
    ("园区出台八条措施，对新入驻的科技企业均给予三年租金减免。", "园区对新入驻的科技企业全部给予三年租金减免。", True),
    # where a thing is set up, with a part of the place named (商圈, 县城)
    ("项目在乡里建设竹编工坊，并在成华区商圈开设展销窗口。", "项目还在青川县城开设了展销窗口。", False),
    ("项目在乡里建设竹编工坊，并在成华区商圈开设展销窗口。", "项目在成华区商圈开设了展销窗口。", True),
    # where something is built, said with 赴 in the claim and 在 in the passage
    ("3月2日，雅安市名山区与杭州一家茶饮企业签署协议，在名山经开区建设年产2万吨茶饮原料项目。",
     "雅安市名山区将赴杭州投资建设年产2万吨茶饮原料项目。", False),
    ("3月2日，雅安市名山区与杭州一家茶饮企业签署协议，在名山经开区建设年产2万吨茶饮原料项目。",
     "杭州一家茶饮企业将在名山经开区建设年产2万吨茶饮原料项目。", True),
    # two parties, each with its own deed, the second after 另有; the subject said last (…的是X)
    ("其中一家广州物流企业将在南宁建设冷链中心；另有广州一家餐饮集团与当地国企合资设立食品公司。",
     "一家广州餐饮集团将在南宁建设冷链中心，另有物流企业与当地国企合资设立食品公司。", False),
    ("其中一家广州物流企业将在南宁建设冷链中心；另有广州一家餐饮集团与当地国企合资设立食品公司。",
     "将在南宁建设冷链中心的是一家广州餐饮集团。", False),
    ("其中一家广州物流企业将在南宁建设冷链中心；另有广州一家餐饮集团与当地国企合资设立食品公司。",
     "将在南宁建设冷链中心的是一家广州物流企业。", True),
    # a negating character inside a name both share (非遗工坊) denies nothing
    ("非遗工坊项目由县文旅局牵头，投资0.3亿元。", "是县文旅局牵头、投资0.3亿元的非遗工坊项目。", True),
    # a count followed by the very words the passage puts before it counts what they name
    ("园区引进企业27家，其中非无锡企业16家。", "园区引进的企业中有16家非无锡企业。", True),
    # later blind sets (claims_dev16, claims_dev17): each class with a right and a wrong wording
    ("两地将按照“成都研发+雅安制造”的模式共建中试基地。", "两地将按“成都研发、雅安制造”的分工共建中试基地。", True),  # punctuation
    ("两地将按照“成都研发+雅安制造”的模式共建中试基地。", "两地将按“雅安研发、成都制造”的分工共建中试基地。", False),
    ("市长王建国与县长扎西次仁代表双方签署合作协议，并共同为园区揭牌。",
     "合作协议由王建国和扎西次仁代表双方签署，两人还共同为园区揭牌。", True),  # the people it has named
    ("市长王建国与县长扎西次仁代表双方签署合作协议，并共同为园区揭牌。",
     "合作协议由王建国和扎西次仁代表双方签署，三人还共同为园区揭牌。", False),
    # 自 of 甘孜藏族自治州 is no 从/自: the county after it is not where something comes from
    ("成都市青羊区与甘孜藏族自治州理塘县举行签约仪式，青羊区区长与理塘县县长签署协议。", "协议由青羊区区长与理塘县县长签署。", True),
    ("文创项目由青羊区文旅局牵头组织，投资0.5亿元。", "文创项目的牵头组织方是青羊区文旅局。", True),  # the role as a noun
    ("文创项目由青羊区文旅局牵头组织，投资0.5亿元。", "文创项目的牵头组织方是理塘县文旅局。", False),
    ("此次签约的项目多数计划于明年一季度开工。", "此次签约的项目均计划在明年一季度开工。", False),  # all against most
    ("此次签约的项目多数计划于明年一季度开工。", "此次签约的项目大多计划在明年一季度开工。", True),
    ("园区新签约项目8个，其中食品加工项目5个、物流项目3个。",
     "园区新签约的8个项目中，食品加工项目有5个，其余3个均为物流项目。", True),  # all of a counted set
    ("6月12日，为期三天的第五届西部茶业博览会在贵阳国际会展中心落下帷幕。", "第五届西部茶业博览会于6月12日开幕，会期三天。", False),
    ("6月12日，为期三天的第五届西部茶业博览会在贵阳国际会展中心落下帷幕。", "第五届西部茶业博览会于6月12日闭幕，会期三天。", True),
    ("6月12日，为期三天的第五届西部茶业博览会在贵阳国际会展中心落下帷幕。",
     "为期三天的第五届西部茶业博览会于6月10日开幕，6月12日闭幕。", True),  # a day counted from the passage's
    ("其中，一家物流企业计划在青白江铁路港建设区域分拨中心。",
     "那家物流企业在青白江铁路港的区域分拨中心目前还只是计划，尚未建成。", True),  # not yet: of the clause before
    ("其中，一家物流企业已在青白江铁路港建成区域分拨中心。",
     "那家物流企业在青白江铁路港的区域分拨中心目前还只是计划，尚未建成。", False),
    ("市商务局负责人表示，重庆是贵州对接东盟市场的重要通道。", "市商务局负责人表示，贵州是重庆对接东盟市场的重要通道。", False),
    ("市商务局负责人表示，重庆是贵州对接东盟市场的重要通道。", "市商务局负责人表示，重庆是贵州对接东盟市场的重要通道。", True),
    ("贵州将把产业合作从“引项目”转向“建集群”。", "贵州将把产业合作从“建集群”转向“引项目”。", False),  # exchanged
    ("平台推介了天府新区、三江新区和科技城等重点产业平台。", "平台推介了科技城、三江新区和天府新区等重点产业平台。", True),
    ("成都市与德阳市签署协议，共建氢能产业园。", "德阳市与成都市签署协议，共建氢能产业园。", True),  # listed together
    # one clause from two sentences with subjects of their own, naming only one of them
    ("德阳拥有完整的重大装备制造产业链，多家龙头企业在氢能领域积累了技术。临港新片区则在应用场景和金融资本方面具有优势。",
     "临港新片区的优势在于重大装备制造产业链。", False),
    ("德阳拥有完整的重大装备制造产业链，多家龙头企业在氢能领域积累了技术。临港新片区则在应用场景和金融资本方面具有优势。",
     "德阳拥有完整的重大装备制造产业链，临港新片区则在金融资本方面具有优势。", True),
    ("冷链物流园项目由蓉欣物流公司承建，投资2.4亿元。文旅康养项目由锦华文旅集团牵头，投资3.1亿元。",
     "文旅康养项目的投资比冷链物流园项目多0.7亿元。", True),  # both named: a comparison
    ("冷链物流园项目由蓉欣物流公司承建。该项目投资2.4亿元，明年投产。", "蓉欣物流公司承建的冷链物流园项目投资2.4亿元。", True),
    # a count's noun narrowed by a modifier the passage gives that noun elsewhere, not beside this count
    ("合作园区已签约企业40家，其中来自苏州的企业15家。", "合作园区已签约苏州企业40家。", False),
    ("合作园区已签约企业40家，其中来自苏州的企业15家。", "合作园区已签约企业40家，其中苏州企业15家。", True),
    ("当地规上电子企业产值突破200亿元，将再引进配套企业20家以上。", "当地将再引进规上电子企业20家以上。", False),
    ("当地将再引进配套电子企业20家以上。", "当地将再引进电子企业20家以上。", True),
    ("某县招商推介会现场签约15个项目\n推介会上，现场签约项目15个，协议投资60亿元。", "推介会上，现场签约项目15个，协议投资60亿元。", True),
    # a threshold not reached is a figure below it, and what is withdrawn can no longer be had
    ("企业如果年产值低于500万元，园区将收回其享受的租金补贴。", "年产值没有达到500万元的企业，将不能继续享受租金补贴。", True),
    ("企业如果年产值高于500万元，园区将给予租金补贴。", "年产值没有达到500万元的企业，将不能继续享受租金补贴。", False),
    # the site of the project the clause restates, not the next project's
    ("茶叶精制项目由某农投公司牵头，在东谷镇建设年产500吨的精制茶厂。\n\n风电项目由某能源集团牵头，在西岭乡建设装机50兆瓦的风电场。",
     "茶叶精制项目将在西岭乡建设年产500吨的精制茶厂。", False),
    ("茶叶精制项目由某农投公司牵头，在东谷镇建设年产500吨的精制茶厂。\n\n风电项目由某能源集团牵头，在西岭乡建设装机50兆瓦的风电场。",
     "茶叶精制项目将在东谷镇建设年产500吨的精制茶厂。", True),
    # an amount the passage pairs with another count, in another sentence than the claim's count
    ("今年以来全市新签约项目58个。制造业方面累计落地企业12家，完成投资36亿元。", "全市新签约的58个项目完成投资36亿元。", False),
    ("园区已入驻企业45家。2023年园区实现产值120亿元，同比增长15%。", "园区入驻的45家企业2023年实现产值120亿元。", True),
    ("项目分两期建设，双方共同出资，总投资26亿元。一期计划2026年投运。", "总投资26亿元的项目分两期建设。", True),
    # what the passage says of the whole once every phase is done is no one phase's
    ("基地分三期建设，一期2025年底投用，全面建成后年产饲料30万吨。", "基地一期建成后年产饲料30万吨。", False),
    ("基地分三期建设，一期2025年底投用，全面建成后年产饲料30万吨。", "基地全面建成后年产饲料30万吨，一期2025年底投用。", True),
    # a name swapped between two phrases joined by 和, each with its own noun, across a count (一家)
    ("其余资金由苏州一家物流企业和盐边县国有投资公司共同出资。", "其余资金由盐边县一家物流企业和苏州国有投资公司共同出资。", False),
    ("其余资金由苏州一家物流企业和盐边县国有投资公司共同出资。", "其余资金由盐边县国有投资公司和苏州一家物流企业共同出资。", True),
    # a change in per cent is the measure's the passage says it of, not another's
    ("今年前三季度，园区新签约项目26个，全市工业用电量同比增长12%。", "园区新签约项目26个，数量同比增长12%。", False),
    ("全市实现地区生产总值同比增长6.1%，规上工业增加值增长8%。", "全市规上工业增加值同比增长6.1%。", False),
    ("公司上半年营业收入同比增长12%。", "公司上半年营收同比增长12%。", True),  # the same measure, shortened
    ("港口货物吞吐量同比增长9%。", "港口吞吐量同比增长9%。", True),
    # a clause that one speaker's words run on into what another speaker said
    ("市商务局负责人表示，将组织企业赴东盟参展；合作方则承诺提供展位和翻译服务。",
     "市商务局负责人表示，将组织企业赴东盟参展，并承诺提供展位和翻译服务。", False),
    ("市商务局负责人表示，将组织企业赴东盟参展；合作方则承诺提供展位和翻译服务。",
     "市商务局负责人表示，将组织企业赴东盟参展。", True),
    # an amount said without its unit, in Chinese numerals, is still the amount of its own noun
    ("基地总投资2.4亿元，其中省级补助资金8000万元。", "基地总投资八千万，其中省级补助资金是二点四亿。", False),
    ("基地总投资2.4亿元，其中省级补助资金8000万元。", "基地总投资二点四亿，其中省级补助八千万。", True),
    # the subject counted before 有: 参会的代表有500名 counts the subject, not what stands right before
    ("论坛设置分会场12个，吸引参会企业500家。", "参会的企业有十二家。", False),
    ("论坛设置分会场12个，吸引参会企业500家。", "参会的企业有五百家。", True),
    # an item added to a list the passage closes with 等
    ("培训围绕刺绣、竹编、漆器等技艺开展。", "培训的技艺有刺绣、竹编和陶艺这几类。", False),
    ("培训围绕刺绣、竹编、漆器等技艺开展。", "培训的技艺有刺绣、竹编和漆器这几类。", True),
    # a period framed by 期间 says no more than the years
    ("根据协议，2025至2027年开发区每年投入资金不少于3000万元。", "根据协议，2025年至2027年期间，开发区每年投入资金都不少于3000万元。", True),
    # a plan inside a clause that reports something done: each marker over its own stretch
    ("两县将在河口镇共建物流园，首期已有3家企业确定入驻。", "首期已有3家企业确定入驻两县拟在河口镇共建的物流园。", True),
    ("两县将在河口镇共建物流园，首期已有3家企业确定入驻。", "两县已在河口镇建成物流园，首期已有3家企业确定入驻。", False),
    # 园区 for a name's 园
    ("东川协作产业园位于两省交界，规划面积8平方公里。", "东川园区规划面积8平方公里。", True),
    # a ratio read in its direction: A是B的N倍
    ("其中，光伏组件项目投资30亿元，储能电池项目投资12亿元。", "储能电池项目的投资额是光伏组件项目的两倍多。", False),
    ("其中，光伏组件项目投资30亿元，储能电池项目投资12亿元。", "光伏组件项目的投资额是储能电池项目的两倍多。", True),
    # a state that has lasted is not one just reached
    ("目前，广东一直是当地最大的客源地。", "目前，广东直到今年才成为当地最大的客源地。", False),
    ("目前，广东首次成为当地最大的客源地。", "目前，广东一直是当地最大的客源地。", False),
    ("目前，广东一直是当地最大的客源地。", "广东始终是当地最大的客源地。", True),
    # renting a site is not building it, nor buying it
    ("考察团就仓储用房租赁和冷链中心共建进行了洽谈。", "考察团就仓储用房建设和冷链中心共建进行了洽谈。", False),
    ("一家物流企业将在铁路港投资建设分拨中心。", "一家物流企业将在铁路港租用分拨中心。", False),
    ("一家物流企业将在铁路港投资建设分拨中心。", "一家物流企业将在铁路港新建分拨中心。", True),
    # a venue the tagger glues to the word before 在 (还在|某地) is still where it was held
    ("9月5日，苏州工业园区与凉山州西昌市在西昌举行合作推进会。", "合作推进会9月5日在苏州举行。", False),
    ("9月5日，苏州工业园区与凉山州西昌市在西昌举行合作推进会。", "合作推进会9月5日在西昌举行。", True),
    ("今年5月，杭州还在阿克苏举办了产业合作推介会。", "今年5月，产业合作推介会在杭州举办。", False),
    # 不高 restates a 偏低 said a clause further on
    ("全县苹果种植面积超过10万亩，但过去以出售鲜果为主，附加值偏低。", "全县苹果过去以卖鲜果为主、附加值不高。", True),
    # what a run of items is made of (以A和B为主的) does not act; the doer after 的是 does
    ("今年一季度，开发区新签约项目20个。新签约项目以电子信息和新材料为主。",
     "以电子信息和新材料为主的20个新签约项目是开发区今年一季度的成绩。", True),
    ("一家香港企业将在青白江铁路港投资建设物流中心，一家基金将与四川省属国企设立基金。",
     "在青白江铁路港投资建设物流中心的是一家四川省属国企。", False),
    ("一家香港企业将在青白江铁路港投资建设物流中心，一家基金将与四川省属国企设立基金。",
     "在青白江铁路港投资建设物流中心的是一家香港企业。", True),
    # a multiple of one count over another, at least as many times as the claim says
    ("展会吸引参展企业500家，邀请采购商2000多名。", "展会邀请的采购商超过2000名，是参展企业数量的三倍以上。", True),
    ("展会吸引参展企业500家，邀请采购商2000多名。", "展会邀请的采购商超过2000名，是参展企业数量的五倍以上。", False),
    # a count of the items named next, where the passage counts the same items otherwise
    ("园区设置“数字经济”“先进制造”和“现代服务”三个片区。", "园区的片区共有两个，分别为“数字经济”和“现代服务”。", False),
    # a place contracted from its second mention, the first one too far off
    ("锡山产业园位于宜兴市丁蜀镇，规划面积2平方公里。", "锡山园落址宜兴丁蜀镇，规划2平方公里。", True),
    # the top place said without 最, of another item than the passage's
    ("其中投资规模最大的是光伏组件项目，计划投资30亿元；储能电池项目投资12亿元。", "储能电池项目投资居首，12亿元。", False),
    ("其中投资规模最大的是光伏组件项目，计划投资30亿元；储能电池项目投资12亿元。", "光伏组件项目投资居首，30亿元。", True),
    # an amount put before another noun the passage names, its own noun gone
    ("基地建成标准厂房12万平方米，并配套建设员工食堂和职工公寓。", "基地建成了12万平方米的职工公寓。", False),
    ("基地建成标准厂房12万平方米，并配套建设员工食堂和职工公寓。", "基地建成了12万平方米的标准厂房，并配套职工公寓。", True),
    # a majority the passage gives no part for
    ("开发区已集聚电子、机械和食品企业40余家。", "开发区已集聚电子、机械和食品企业40余家，其中大多数为电子企业。", False),
    ("开发区已集聚企业40余家，多为电子企业。", "开发区已集聚企业40余家，其中大多数为电子企业。", True),
    # done before, where the passage says for the first time
    ("该省作为主宾省，首次以独立展馆形式参展。", "该省此前已多次以独立展馆形式参展。", False),
    ("该省作为主宾省，首次以独立展馆形式参展。", "该省头一回以独立展馆形式参展。", True),
    # a total over the years of a range, of what is given each year
    ("根据协议，2025至2027年某区每年安排帮扶资金不少于2000万元。", "2025至2027年，某区每年安排帮扶资金至少2000万元，三年合计不少于6000万元。", True),
    ("根据协议，2025至2027年某区每年安排帮扶资金不少于2000万元。", "2025至2027年，某区三年合计安排帮扶资金不少于8000万元。", False),
    # where a thing is, against where its sentence builds it
    ("6月2日，由宁波市北仑区对口帮扶建设的黔东南州榕江县茶叶加工园在古州镇建成投产。",
     "北仑区帮扶建设的茶叶加工园位于宁波市北仑区。", False),
    ("6月2日，由宁波市北仑区对口帮扶建设的黔东南州榕江县茶叶加工园在古州镇建成投产。",
     "茶叶加工园位于榕江县古州镇。", True),
    # one trait for another of its kind
    ("负责人表示，将推动更多劳动密集型产业向当地转移。", "负责人表示，将推动更多技术密集型产业向当地转移。", False),
    ("公司产品主要通过进口渠道销售。", "公司产品主要通过出口渠道销售。", False),
    ("负责人表示，将推动更多劳动密集型产业向当地转移。", "负责人称，要推动更多劳动密集型产业转移到当地。", True),
    # 居首的是X names the item after it
    ("其中投资规模最大的是光伏组件项目，计划投资30亿元。", "投资规模居首的是光伏组件项目，计划投资30亿元。", True),
    # 不过 opening a clause is "but", no denial
    ("两县将共建物流园，首期已有3家企业确定入驻。", "物流园是两县将要共建的园区，不过首期已有3家企业确定入驻。", True),
    # a report's opening (记者获悉) and a same day (同一天) say nothing to check
    ("代表团抵达当天，推介会在市会展中心召开。", "记者获悉，推介会召开日期与代表团抵达是同一天。", True),
    # done not alone is done together
    ("该项目由县农投公司与省药业集团共同推进。", "该项目不是由一家单位独自推进的，县农投公司和省药业集团都参与其中。", True),
    ("该项目由县农投公司与省药业集团共同推进。", "该项目由县农投公司单独推进。", False),
    # the years of a range, each named, and counted
    ("根据协议，2025至2027年某区每年安排帮扶资金不少于2000万元。", "根据协议，某区每年安排帮扶资金不少于2000万元，年份为2025、2026和2027三个年度。", True),
    ("根据协议，2025至2027年某区每年安排帮扶资金不少于2000万元。", "某区在2025至2026年每年安排帮扶资金不少于2000万元。", False),
    # an end day counted from the first day and a span
    ("6月3日，考察团抵达昆明，开展为期四天的考察。", "考察团在昆明的考察将持续到6月6日。", True),
    ("6月3日，考察团抵达昆明，开展为期四天的考察。", "考察团在昆明的考察将持续到6月8日。", False),
    # an arrival said as a departure
    ("记者获悉，6月3日，考察团来到昆明考察。", "6月3日，考察团结束了在昆明的考察。", False),
    # the kind a passage names, with 类 after it
    ("新签约项目中，电子信息项目6个、新材料项目3个。", "新签约项目中，电子信息类有六个、新材料类三个。", True),
    # two speakers the passage names, each given the other's words
    ("省商务厅负责人表示，下一步将在香港设立联络处。香港贸发局负责人则表示，欢迎更多内地企业来港。",
     "省商务厅负责人表示欢迎更多内地企业来港，香港贸发局负责人则表示将在香港设立联络处。", False),
    # a chat answer's opening word agrees, it denies nothing
    ("一家私募机构将与省属国企联合设立规模10亿元的产业基金。", "没错，这只规模10亿元的产业基金将由一家私募机构和省属国企联合设立。", True),
    ("开发区每年安排帮扶资金不少于2000万元。", "是的，开发区每年安排的帮扶资金至少2000万元，不会低于这个数。", True),
    # done alone where another sentence of the passage has the same act done together
    ("第三届茶博会在福州闭幕。本届茶博会由省农业农村厅和省商务厅联合主办。", "由省农业农村厅单独主办的第三届茶博会在福州闭幕。", False),
    # a rank the passage gives otherwise
    ("截至去年底，台资是当地利用外资的第一大来源。", "其实台资在当地利用外资里排第二。", False),
    ("截至去年底，台资是当地利用外资的第一大来源。", "台资在当地利用外资里排名第一。", True),
    # 头一号 and 过了 are a rank and a bound said plainly
    ("截至去年底，香港是当地利用外资的第一大来源。", "截至去年底，港资在当地利用的外资里是头一号。", True),
    ("全年外贸进出口额突破300亿元。", "全年外贸进出口额过了三百亿。", True),
]


@pytest.mark.parametrize("passage, claim, supported", CLASSES)
def test_classes_of_wording_from_the_blind_sets(passage, claim, supported):
    assert supports(passage, claim) is supported, judge(passage, claim).reasons


def test_zero_inside_a_word_is_no_quantity():
    assert quantities("汽车零部件项目8个")[0].lo == 8  # 零 of 零部件


def test_a_rare_dictionary_entry_does_not_swallow_a_hedge():
    assert not quantities("投入帮扶资金约13亿元")[0].exact  # 金约 is in the dictionary, but as noise
    assert quantities("现场签约32.5亿元")[0].exact  # 签约 is a word: its 约 is no hedge


def test_the_first_of_a_series_is_a_position_not_an_article():
    assert not quantities("园区新建一条生产线")  # 一 + classifier: the indefinite article
    first = quantities("第一批入园企业")
    assert first and first[0].ordinal and first[0].lo == 1
    assert supports("从首次接触到落地只用了三个月。", "从第一次接触到落地只用了三个月。")  # 首 is 第一


def test_the_title_may_name_the_subject_in_more_words():
    title = "成德共建智造产业园今日开园"
    passage = "园区由成都派驻干部与德阳市共同组建园区管委会，实行统一招商。"
    assert judge(passage, "成德智造产业园管委会由德阳市与成都派驻的干部共同组建。", title=title).supported
    assert not judge(passage, "成渝智造产业园管委会由德阳市与成都派驻的干部共同组建。", title=title).supported


@pytest.mark.parametrize("passage, claim, supported", [
    ("会上，北大与中科院签署合作协议，双方将共建联合实验室。", "北京大学与中国科学院签署合作协议。", True),
    ("综保区今年新引进外贸企业11家，主要从事酒类出口和跨境电商业务。", "综保区新引进的外贸企业主要从事酒类出口和跨境电子商务。", True),
    # 北大 contracts 北京大学, not 北京交通大学 (北交大); 德阳经开区 is no contraction of 德阳市经信局
    ("会上，北大与中科院签署合作协议，双方将共建联合实验室。", "北京交通大学与中国科学院签署合作协议。", False),
    ("德阳经开区管委会发布了氢能产业白皮书。", "德阳市经信局发布了氢能产业白皮书。", False),
])
def test_a_name_written_out_in_full_holds_for_its_contraction_and_only_for_it(passage, claim, supported):
    assert judge(passage, claim).supported is supported


def test_a_bounded_share_of_a_stated_total_is_computed_from_the_two_amounts():
    """不到…的5%: the bound belongs to the share, whatever amount stands between; 36 of 900余家 is 4%."""
    passage = "本届博览会吸引900余家企业参展，其中甘孜州组织36家企业参展。"
    assert supports(passage, "甘孜州组织的36家企业，不到900余家参展企业的5%。"), \
        judge(passage, "甘孜州组织的36家企业，不到900余家参展企业的5%。").reasons
    assert not supports(passage, "甘孜州组织的36家企业，超过900余家参展企业的5%。")
    assert not supports(passage, "甘孜州组织的36家企业，占900余家参展企业的一成。")
    # a bound its clause denies still turns round: 没有超过 caps
    assert supports("项目从洽谈到签约用时47天。", "项目从洽谈到签约没有超过50天。")


def test_an_event_of_another_kind_in_the_restated_clause_is_a_swap():
    """The passage names 开工 elsewhere (as a goal), but the clause the claim restates says 签约."""
    passage = "茶叶加工项目从首次洽谈到正式签约仅用时35天，县里将全力保障项目早日开工。"
    verdict = judge(passage, "茶叶加工项目从首次洽谈到正式开工仅用了35天。")
    assert not verdict.supported and any("事件与资料不符" in r for r in verdict.reasons), verdict.reasons
    assert supports(passage, "茶叶加工项目从首次洽谈到正式签约只用了35天。")
    assert supports(passage, "茶叶加工项目从首次洽谈到正式签署协议仅用时35天。")  # a word of the same kind


def test_a_share_is_of_the_whole_the_claim_states_and_of_the_part_it_names():
    """4 of the 14 projects is not more than half, though 4 is half of the passage's 8."""
    passage = "园区新签约项目以食品加工和农机制造为主，其中食品加工项目8个、农机制造项目4个，另有2个物流项目。"
    verdict = judge(passage, "园区新签约项目共14个，农机制造项目占了一半以上。")
    assert not verdict.supported and any("五成以上" in r for r in verdict.reasons), verdict.reasons
    assert supports(passage, "园区新签约项目共14个，食品加工项目占了一半以上。"), \
        judge(passage, "园区新签约项目共14个，食品加工项目占了一半以上。").reasons


def test_a_facility_or_party_of_another_kind_is_not_the_one_the_passage_names():
    passage = "多家温州鞋企在达州设立生产基地，产品经西部陆海新通道出口东盟。"
    verdict = judge(passage, "多家温州鞋企在达州设立研发中心，产品经西部陆海新通道出口东盟。")
    assert not verdict.supported and any("研发中心" in r for r in verdict.reasons), verdict.reasons
    assert supports(passage, "多家温州鞋企在达州设立制造基地，产品经西部陆海新通道出口东盟。")  # the same kind
    # a party of another kind: the passage's clause says 企业
    passage = "联盟将组织企业开展联合攻关和场景对接。"
    assert not supports(passage, "联盟将组织高校开展联合攻关和场景对接。")
    assert supports(passage, "联盟将组织公司开展联合攻关和场景对接。")


def test_a_short_opening_clause_is_judged_with_the_clause_after_it():
    """仪式现场 restates the passage's 现场 of a signing; alone, 仪式 would be half its weight."""
    passage = "现场集中签约6个协作项目，总投资12.5亿元。"
    assert supports(passage, "仪式现场，6个协作项目集中签约，总投资12.5亿元。"), \
        judge(passage, "仪式现场，6个协作项目集中签约，总投资12.5亿元。").reasons
    assert not supports(passage, "仪式现场，6个协作项目集中签约，总投资15亿元。")


def test_an_estimate_bounds_its_number_from_neither_side():
    """约3000元 may be 2950: it supports 3000元左右 and 近3000元 but not 超过3000元."""
    passage = "合作社预计带动农户1200户，户均年增收约3000元。"
    assert not supports(passage, "合作社预计带动农户1200户，户均年增收超过3000元。")
    assert supports(passage, "合作社预计带动农户1200户，户均年增收3000元左右。")
    assert supports(passage, "合作社预计带动农户1200户，户均年增收超过2500元。")  # every reading of 约3000 is above it


def test_a_headline_period_does_not_date_facts_the_passage_dates_otherwise():
    passage = "今年前两个月，港口集装箱吞吐量同比增长12%。"
    claim = "今年一季度，港口集装箱吞吐量同比增长12%。"
    assert not judge(passage, claim, title="港区一季度新引进企业9家").supported
    assert judge("港口集装箱吞吐量同比增长12%。", claim, title="港口一季度吞吐量增长12%").supported


def test_a_subject_carries_over_to_the_clauses_after_it():
    """云南省作为主宾省，首次设立独立展区: the claim may put 云南 before what the next clause says."""
    passage = "第十届南亚国际贸易博览会在昆明滇池国际会展中心举行。云南省作为主宾省，首次以独立展馆形式亮相，展馆面积800平方米。"
    claim = "云南此前未曾以独立展馆形式亮相南亚国际贸易博览会，本届是首次。"
    assert judge(passage, claim).supported, judge(passage, claim).reasons
    passage = "贵州省商务厅负责人介绍，截至去年底，广东在黔累计设立企业超过800家。"
    assert not supports(passage, "贵州省商务厅负责人介绍，截至去年底，贵州在粤累计设立企业超过800家。")


def test_a_half_of_a_duration_is_a_quantity():
    passage = "园区距机场约40公里，规划面积8平方公里。"
    assert not supports(passage, "园区距机场约40公里，车程约半小时。")
    assert [q.lo for q in quantities("车程约半小时")] == [0.5 * 0.9] and not quantities("上半年开工")


def test_the_item_after_a_lists_last_join_is_one_of_the_passages_list():
    """Read against the passage's list by what both say after it; the passage may name it elsewhere."""
    passage = "西安是重要的装备制造基地。新区则在应用场景、国际化人才和金融资本方面具有优势。"
    assert not supports(passage, "新区在应用场景、国际化人才、金融资本和装备制造方面具有优势。")
    assert supports(passage, "新区在国际化人才、金融资本和应用场景方面具有优势。")
    passage = "展会设四川展区、重庆展区、协作展区和科技展区四大板块。"
    assert not supports(passage, "展会设四川展区、重庆展区、协作展区和文旅展区四大板块。")
    assert supports(passage, "展会设四川展区、重庆展区、协作展区和科技展区等四大板块。")
    passage = "博览会设四川展区、重庆展区、东西部协作展区和农业科技展区四大板块。"  # a run longer than the list pattern reads
    assert not supports(passage, "博览会设四川展区、重庆展区、东西部协作展区和预制菜展区四大板块。")
    passage = "园区确定了铜基新材料、石榴精深加工和绿色建材三大主导产业。"
    assert supports(passage, "园区以铜基新材料、石榴精深加工和绿色建材为三大主导产业。")  # the item and a word more


def test_a_speaker_of_another_body_of_the_same_place():
    """德阳经开区 is not 德阳市经信局, though both are 德阳's; 经济和信息化局 and 经信局 are one body."""
    passage = "绵阳市经信局负责人介绍，到2027年，绵阳电子信息产业规模力争突破5000亿元。"
    claim = "绵阳高新区负责人介绍，到2027年绵阳电子信息产业规模力争突破5000亿元。"
    verdict = judge(passage, claim, title="绵阳高新区与深圳签约电子信息项目")  # the title names the other body
    assert not verdict.supported and any("说的" in r for r in verdict.reasons), verdict.reasons
    assert supports(passage, "绵阳市经济和信息化局有关负责人介绍，到2027年绵阳电子信息产业规模力争突破5000亿元。")

def test_two_unmentioned_words_in_a_row_are_an_invented_phrase():
    """Coverage forgives one paraphrased word in a long clause; a new phrase of two is a new thing said."""
    passage = "按照协议，合作社与全镇12个村的种植户签订保底收购协议，带动椒农800户增收。"
    verdict = judge(passage, "按照协议，合作社与全镇12个村的种植户签订免息贷款协议，带动椒农800户增收。")
    assert not verdict.supported and "资料未提及：免息贷款" in verdict.reasons, verdict.reasons
    passage = "示范基地配套建设了冷链仓库、分拣车间和农产品展销中心，年内投用。"
    assert not supports(passage, "示范基地配套建设了冷链仓库、分拣车间和无人机植保中心，年内投用。")
    assert supports(passage, "示范基地配套建了冷链仓库、分拣车间和农产品展销中心，年内投入使用。")


# Classes of wording met on claims_dev18 (and the rules' first trials): each a wrong claim, the
# fragment its reason names, and a right claim of the same passage.
WRONG_AND_RIGHT = {
    "a share above half makes its part the larger of two": (
        "合作社今年吸纳社员420人，其中返乡青年占比接近六成。", "合作社的社员中，返乡青年少于其他社员。", "少于",
        "合作社的社员中，返乡青年多于其他社员。"),
    "and below half the smaller": (
        "园区落户企业86家，其中民营企业占比不到三成。", "园区落户企业中民营企业多于其他企业。", "多于",
        "园区落户企业中民营企业少于其他企业。"),
    "a deputy is not the head": (
        "考察团由该市商务局副局长王立带队，成员约30人。", "考察团由市商务局局长王立带队。", "副局长",
        "考察团由市商务局副局长王立带队。"),
    "nor the head a deputy": ("仪式由县长李华主持。", "仪式由副县长李华主持。", "县长", "仪式由县长李华主持。"),
    "one compass point is not two": (
        "合作社的茶叶将通过跨境电商销往东南亚。", "合作社的茶叶将通过跨境电商销往南亚。", "东南亚",
        "合作社的茶叶将借助跨境电商卖到东南亚。"),
    "a minority where the sentence says a majority": (
        "此次签约的加工项目多数计划于年内投产。", "此次签约的加工项目只有少数计划在年内投产。", "少数",
        "此次签约的加工项目大多计划在年内投产。"),
    "the side compared is what 的 modifies": (
        "本届农业博览会由两市联合主办，展览面积3万平方米，设置展位900个，吸引参展企业640家。",
        "本届农业博览会吸引的参展企业数量多于所设展位数量。", "多于", "本届农业博览会所设的展位比参展企业多。"),
    "all of them said with a copula where the passage says some and some": (
        "现场签约项目8个，投资方既有珠三角的龙头企业，也有省内的成长型企业。",
        "现场签约的8个项目投资方均为珠三角的龙头企业。", "既有",
        "现场签约的8个项目投资方中既有珠三角龙头企业，也有省内成长型企业。"),
    "a name with its noun exchanged with another name (葡语|国家)": (
        "负责人表示，澳门是内地企业对接葡语国家市场的重要平台。",
        "负责人表示，葡语国家是内地企业对接澳门市场的重要平台。", "位置与资料相反",
        "负责人称，澳门是内地企业对接葡语国家市场的重要平台。"),
    "an estimate meeting the passage's only at its top (近30 for 20余)": (
        "近年来，当地已集聚电子材料企业20余家。", "当地已集聚电子材料企业近30家。", "近30家",
        "当地已集聚电子材料企业二十多家。"),
    "a gift is not a sale": (
        "对口帮扶的城市将继续向山区各县捐赠茶苗，并派出技术人员驻村指导。",
        "对口帮扶的城市将继续向山区各县出售茶苗。", "捐赠", "对口帮扶的城市将继续向山区各县捐助茶苗。"),
    "the item named before a superlative": (
        "首批4个项目中，投资最大的是光伏组件制造项目，投资6亿元；其余3个项目分别为储能电站、充电桩和运维中心项目。",
        "首批签约的4个项目中，储能电站项目投资规模最大。", "光伏组件",
        "首批签约的4个项目中，光伏组件制造项目投资规模最大。"),
}


@pytest.mark.parametrize("case", WRONG_AND_RIGHT, ids=str)
def test_a_wrong_wording_is_flagged_with_its_reason_and_the_right_one_passes(case):
    passage, wrong, reason, right = WRONG_AND_RIGHT[case]
    verdict = judge(passage, wrong)
    assert not verdict.supported and any(reason in r for r in verdict.reasons), verdict.reasons
    assert supports(passage, right)


def test_an_estimate_near_the_passages_estimate_holds():
    assert supports("园区年产值约3000万元。", "园区年产值近3000万元。")


def test_a_government_office_joined_to_its_name_does_not_stop_the_check():
    # the checker reads 澳门特区政府|运输|工务|及|房屋局 as one name, which the tagger has no kind for;
    # a claim naming it where the passage writes it shorter raised KeyError inside the gate
    p = "澳门运输工务局表示，新桥将于明年通车。旅游局周五介绍了夏季推广活动和优惠措施。"
    verdict = judge(p, "澳门特区政府运输工务及房屋局周五介绍了夏季推广活动和优惠措施。")
    assert isinstance(verdict.supported, bool)


def test_a_plan_that_was_made_is_no_report_that_it_was_carried_out():
    passage = "考察期间，访问团还将前往新区，并出席产业基金的签约仪式。"
    assert supports(passage, "访问团的日程中安排了出席产业基金签约仪式。")
    assert not supports(passage, "访问团已经出席了产业基金签约仪式。")


def test_a_facility_of_the_articles_subject_is_not_moved_to_another_designation():
    # the subject the headline names is what 园区 of the next sentence is: the facility is the park's
    title = "蓉北智造产业园引进企业12家"
    passage = ("蓉北智造产业园位于青白江区，是成都对口协作的重点平台项目。园区累计投入资金1.5亿元，"
               "建成标准厂房10万平方米，并配套建设员工食堂和职工书屋中心。")
    assert judge(passage, "蓉北智造产业园配套建设了职工书屋中心。", title=title).supported


def test_a_count_of_parties_closes_the_list_it_follows():
    passage = "园区由简阳市和资阳市雁江区共同派员管理，实行“两地共管、收益共享”。"
    assert supports(passage, "园区由简阳、雁江两地共同管理、共享收益。")
    assert judge(passage, "园区由简阳、乐至两地共同管理、共享收益。").reasons == ["资料未提及：乐至"]


def test_not_only_x_then_also_y_needs_only_y_in_the_passage():
    passage = "招商推介会还吸引了来自江苏、福建等地的客商参会，现场达成合作意向12项。"
    assert supports(passage, "参会客商并非只来自本省，还有江苏、福建等地的客商。")
    assert supports(passage, "参会客商并不全是本地的，也有来自江苏、福建的客商。")
    assert not supports(passage, "参会客商并非只来自本省，还有浙江、安徽等地的客商。")
    assert supports(passage, "参会客商并不只来自四川，推介会还吸引了江苏、福建等地的客商。")


def test_a_stage_a_plan_is_in_is_judged_by_its_polarity_not_as_words_to_find():
    passage = "其中，一家物流企业将在空港物流园投资建设冷链分拨中心。"
    assert supports(passage, "这家物流企业的冷链分拨中心尚未建成，还处于将要投资建设的阶段。")
    assert not supports(passage, "这家物流企业的冷链分拨中心已经建成，目前处于运营阶段。")


def test_two_quarters_named_together_are_the_half_year():
    passage = "签约项目大多计划于明年上半年投产。"
    assert supports(passage, "签约项目大多计划在明年第一、二季度投产。")
    assert not supports(passage, "签约项目大多计划在明年第三、四季度投产。")


def test_a_person_after_their_title_keeps_the_role_of_the_preposition():
    passage = ("记者从省商务厅获悉，澳门特区政府经济及科技发展局经贸代表团来到绵阳访问。这个代表团由该局"
               "副局长何志明带队，成员约30人，分别来自澳门20家企业和商协会。")
    assert supports(passage, "澳门经贸代表团由何志明带队来绵阳访问。")
    assert supports(passage, "代表团由澳门特区政府经济及科技发展局副局长何志明带队，成员来自澳门20家企业和商协会。")


def test_a_count_said_not_to_be_the_named_part_is_the_rest():
    passage = "今年以来，园区新签约项目35个，其中来自长三角地区的项目21个。"
    assert supports(passage, "园区今年新签约的35个项目中，有14个并非来自长三角地区。")
    assert supports(passage, "园区今年新签约的35个项目中，有14个不是长三角地区的项目。")
    assert not supports(passage, "园区今年新签约的35个项目中，有21个并非来自长三角地区。")
    assert not supports(passage, "园区今年新签约的35个项目中，有12个并非来自长三角地区。")
    assert not supports("园区引进企业27家，其中来自无锡的企业11家。", "园区引进的27家企业中有16家无锡企业。")


def test_a_count_of_the_items_named_right_after_it_holds():
    passage = "此次签约的5个项目包括：茶叶精深加工项目、竹木家具制造项目、茶旅融合民宿项目、冷链物流中心项目和光伏发电项目。"
    assert supports(passage, "签约的5个项目中有两个与茶叶有关，即茶叶精深加工项目和茶旅融合民宿项目。")
    assert not supports(passage, "签约的5个项目中有三个与茶叶有关，即茶叶精深加工项目和茶旅融合民宿项目。")


def test_an_item_replaced_before_the_join_of_two_is_flagged():
    passage = "根据规划，园区二期将发展竹木家具加工和跨境电商业务。"
    assert supports(passage, "园区的二期规划发展竹木家具加工和跨境电商业务。")
    verdict = judge(passage, "园区二期将发展茶叶加工和跨境电商业务。")
    assert not verdict.supported and any("茶叶" in r for r in verdict.reasons), verdict.reasons


def test_a_list_closing_its_clause_or_closed_by_deng_holds_only_the_passages_items():
    passage = "本届交易会设置了智慧农业、文旅融合和康养服务三个主题馆，展出了苹果、核桃、蜂蜜、木耳等山区特产。"
    assert supports(passage, "交易会的三个主题馆分别是智慧农业、文旅融合和康养服务。")
    assert not supports(passage, "交易会的三个主题馆分别是智慧农业、文旅融合和跨境物流。")
    assert supports(passage, "交易会展出了苹果、核桃、木耳等山区特产。")
    assert not supports(passage, "交易会展出了苹果、核桃、板栗等山区特产。")


def test_a_clause_denied_before_er_shi_that_the_passage_states_is_contradicted():
    passage = "为推进项目落地，开发区今年将扩建污水处理厂，并设立绿色转型专项资金。"
    assert not supports(passage, "开发区今年不扩建污水处理厂，而是设立绿色转型专项资金。")
    assert supports("论坛在遂宁举行。", "论坛不是在绵阳举行的，而是在遂宁举行的。")


def test_the_amount_of_a_whole_is_not_given_to_the_part_singled_out_after_it():
    passage = ("推介会上，两地企业现场签约15个项目，签约金额64亿元，涉及装备制造和现代物流等领域。"
               "其中，一家来自苏州的精密模具企业与开发区管委会签署协议，将建设模具研发生产基地。")
    assert supports(passage, "推介会现场签约15个项目，签约金额64亿元。")
    verdict = judge(passage, "一家苏州精密模具企业与开发区管委会签署了64亿元的协议，将建设模具研发生产基地。")
    assert not verdict.supported and any("64亿元" in r for r in verdict.reasons), verdict.reasons


def test_a_role_given_to_a_place_the_passage_never_names_is_flagged():
    passage = "乡村电商培训项目由青羊区商务局牵头组织，投资0.3亿元，在县城建设电商直播基地。"
    title = "温江区与青羊区结对帮扶推进会召开"  # the headline names 温江区, the passage's sentence does not
    assert judge(passage, "乡村电商培训项目由青羊区商务部门牵头组织。", title=title).supported
    assert not judge(passage, "乡村电商培训项目由温江区商务部门牵头组织。", title=title).supported


def test_a_chinese_decimal_is_an_amount_not_a_clock_time():
    passage = "五个项目中，冷链仓储项目投资最少，为0.7亿元，光伏项目投资最多，为4.2亿元。"
    assert supports(passage, "冷链仓储项目投资最少，为零点七亿元。")
    assert not supports(passage, "冷链仓储项目投资最少，为零点六亿元。")


def test_what_a_second_speaker_set_against_the_first_promised_is_not_the_firsts():
    passage = ("青白江区负责人表示，将引导更多物流企业到合作园区设立分拨中心；"
               "巴中市则承诺在仓储用地、物流通道和人才住房等方面给予支持。")
    assert supports(passage, "巴中市承诺，将在仓储用地、物流通道和人才住房等方面给予支持。")
    verdict = judge(passage, "青白江区负责人承诺，将在仓储用地、物流通道和人才住房等方面给予支持。")
    assert not verdict.supported and any("巴中市" in r for r in verdict.reasons), verdict.reasons


def test_a_comparison_reads_the_nouns_of_its_sides_and_may_name_the_first_in_the_clause_before():
    passage = "物流园项目总投资18亿元，建成后预计年营业收入25亿元。另一个冷链项目投资3亿元。"
    assert supports(passage, "物流园项目建成后的预计年营业收入将高于其总投资。")
    assert not supports(passage, "物流园项目建成后的预计年营业收入将低于其总投资。")
    assert supports(passage, "冷链项目投资3亿元，不及物流园项目的总投资。")
    assert not supports(passage, "物流园项目总投资18亿元，不及冷链项目的投资。")


def test_done_where_a_projects_description_says_what_it_is_to_build():
    passage = "农产品集配中心项目由某供销集团牵头，投资1.6亿元，在县城东部建设分拣仓库，开通县城至省会的农产品专线。"
    assert supports(passage, "农产品集配中心项目将开通县城至省会的农产品专线。")
    assert not supports(passage, "县城至省会的农产品专线已经开通运行。")


def test_a_part_counted_by_a_share_of_the_whole_holds_only_the_bound_the_share_implies():
    passage = "园区带动当地群众就业8000人，其中女性就业人员占比超过六成。"
    assert supports(passage, "园区带动就业8000人，其中女性超过4000人。")
    assert not supports(passage, "园区带动就业8000人，其中女性超过5000人。")
    assert supports("截至去年底，香港在四川设立的外资企业超过5000家。", "截至去年底，港商在四川设立的外资企业逾五千家。")


def test_a_count_that_sums_up_the_list_named_after_it_holds_when_the_passage_lists_as_many():
    passage = "茶旅融合项目投资0.8亿元，建设茶叶加工车间、茶文化体验馆和民宿集群。"
    assert supports(passage, "茶旅融合项目将建设三类设施：茶叶加工车间、茶文化体验馆和民宿集群。")
    assert supports(passage, "茶旅融合项目将建设三处设施，分别建设加工车间、体验馆和民宿集群。")
    assert not supports(passage, "茶旅融合项目将建设四类设施：茶叶加工车间、茶文化体验馆和民宿集群。")
    assert not supports("园区发展茶叶加工、竹木家具、文旅康养和农产品电商。",
                        "园区发展三类产业：茶叶加工、竹木家具和文旅康养。")


def test_a_noun_that_frames_the_answer_is_not_a_fact_the_passage_must_state():
    passage = "9月29日，为期四天的农产品交易会在县体育中心落下帷幕。"
    assert supports(passage, "农产品交易会的举办地点是县体育中心。")
    assert not supports(passage, "农产品交易会的举办地点是市图书馆。")


def test_provinces_a_passage_lists_by_their_one_character_names_are_named():
    passage = "来自川、渝、黔、滇等地的300余家企业参加了对接会。"
    assert supports(passage, "来自四川、重庆、贵州、云南等地的企业参加了对接会。")
    assert not supports(passage, "来自四川、重庆、湖南、云南等地的企业参加了对接会。")


def test_a_reporters_source_opening_a_sentence_is_not_the_subject_of_its_facts():
    passage = ("记者从某县获悉，今年一季度，两县共建的产业园新签约项目14个，协议投资40亿元，同比增长两成。"
               "新签约项目以食品加工和新材料为主，其中食品加工项目 9 个、新材料项目 3 个，另有 2 个物流项目。")
    assert supports(passage, "一季度新签约的14个项目中食品加工项目占了一半以上,数量是新材料项目的三倍。")


def test_an_item_swapped_before_a_join_is_read_within_the_item_not_across_another_list():
    passage = "园区入驻企业多为外地企业在本地设立的生产基地，产品通过中欧班列和综合保税区出口中亚和欧洲市场。"
    assert supports(passage, "园区产品经由两条渠道出口中亚和欧洲市场，分别是中欧班列和综合保税区。")
    assert not supports("园区产品通过中欧班列和综合保税区出口。", "园区产品通过中欧班列和跨境电商平台出口。")


def test_a_business_named_by_its_place_with_another_word_for_business_is_the_same():
    passage = "代表团表示，将帮助四川企业拓展东盟市场。"
    assert supports(passage, "代表团称将协助四川公司开拓东盟市场。")
    assert not supports(passage, "代表团称将协助贵州公司开拓东盟市场。")


def test_a_count_after_a_list_counts_its_items_unless_the_join_is_inside_a_body_s_name():
    passage = "签约项目聚焦电池隔膜、电解液、锂电铜箔、结构件、电池回收和储能系统集成等环节。"
    assert supports(passage, "签约项目聚焦电池隔膜、电解液、锂电铜箔、结构件、电池回收和储能系统集成六大环节。")
    assert not supports(passage, "签约项目聚焦电池隔膜、电解液、锂电铜箔、结构件、电池回收和储能系统集成五大环节。")
    bodies = "会议由市科技局、市财政局、市经济和信息化局联合召开。"
    assert supports(bodies, "会议由市科技局、市财政局、市经济和信息化局三个部门联合召开。")


def test_what_is_said_after_a_name_is_read_against_its_own_sentence():
    passage = ("开幕式上，省市部门联合发布《山区协作倡议》，提出共建物流枢纽。"
               "大会还发布了山区产业地图，首批收录四大领域的重点企业180家。")
    assert supports(passage, "省市部门联合发布的《山区协作倡议》提出共建物流枢纽。")
    assert not supports(passage, "省市部门联合发布的《山区协作倡议》首批收录了180家重点企业。")
    assert not supports(passage, "省市两地部门联合发布的《山区协作倡议》首批收录了180家重点企业。")


def test_a_slogan_s_terse_items_may_be_spelled_out_with_a_verb_between_doer_and_act():
    passage = "园区由两地共同组建管委会，实行“甲地招商、乙地服务、收益共享”的运营机制。"
    assert supports(passage, "园区实行甲地负责招商、乙地负责服务、收益双方共享的运营机制。")
    assert not supports(passage, "园区实行甲地负责招商、乙地负责投资、收益双方共享的运营机制。")
    assert not supports("园区集聚航空维修、航空物流和航空培训企业。", "园区集聚航空维修、航空制造和航空培训企业。")


def test_a_common_noun_put_before_a_phrase_of_the_passage_narrows_it_to_a_kind_never_named():
    passage = "推介会后，企业赴开发区考察，就标准厂房租赁和原料基地共建进行了洽谈。"
    assert not supports(passage, "推介会后，企业赴开发区考察，就厂房租赁和茶叶原料基地共建进行了洽谈。")
    assert supports(passage, "推介会后，企业赴开发区实地考察，洽谈了标准厂房租赁和原料基地共建。")


def test_a_first_time_for_the_subject_is_not_the_first_of_its_kind():
    passage = "该省作为本届展会的伙伴省份，首次以独立展馆形式亮相。"
    assert supports(passage, "该省第一次以独立展馆形式亮相本届展会。")
    assert not supports(passage, "该省是首个以独立展馆形式亮相本届展会的省份。")
    assert supports("该园区是全省首个跨市共建的产业园。", "该园区是全省第一个跨市共建的产业园。")


def test_an_amount_put_with_the_act_another_sentence_counts_is_of_the_other_thing():
    passage = ("3月15日，某市食品产业推介会在省城举行，200余家企业代表参会。"
               "推介会上，现场签约项目18个，协议投资96亿元。")
    assert not supports(passage, "某市食品产业推介会上，200多家企业现场签约，协议投资96亿元。")
    assert supports(passage, "某市食品产业推介会吸引200多家企业代表参会，现场签下18个项目。")
    assert supports("现场签约12个项目，金额86亿元。代表团与企业还签署了合作备忘录2份。",
                    "现场签署了12个项目，签约额达86亿元。")
    assert supports("代表团一行约60人。5月21日，代表团抵达成都，开始为期三天的访问。",
                    "约60人的代表团5月21日抵达成都。")


def test_a_comparison_with_bi_ranks_the_two_amounts_the_passage_gives():
    passage = "展会期间现场交易额达4.8亿元，意向签约金额32.5亿元。"
    assert not supports(passage, "展会期间现场交易额达到4.8亿元，比意向签约金额还高。")
    assert supports(passage, "展会期间意向签约金额达32.5亿元，比现场交易额高得多。")
    assert supports(passage, "展会期间现场交易额为4.8亿元，比意向签约金额少。")


def test_the_rest_s_share_is_bounded_the_other_way():
    passage = "产业园带动当地群众就业6500人，其中女性就业人员占比超过七成。"
    assert supports(passage, "在产业园带动就业的6500名群众中，男性不到三成。")
    assert not supports(passage, "在产业园带动就业的6500名群众中，女性不到三成。")
    assert not supports(passage, "在产业园带动就业的6500名群众中，男性超过三成。")


def test_who_supplies_is_read_after_you_too():
    passage = "电池回收项目建成后，回收的镍、钴、锂等金属将直接供应园区内正极材料企业。"
    assert not supports(passage, "电池回收项目所需的镍、钴、锂等金属由园区内正极材料企业直接供应。")
    assert supports(passage, "电池回收项目回收的镍、钴、锂等金属，将由该项目直接供应园区内正极材料企业。")


def test_a_venue_denied_where_the_passage_holds_the_event_elsewhere_is_consistent():
    passage = "主办方负责人表示，明年第三届交易会将移师省城举办，两地轮流承办。"
    assert supports(passage, "第三届交易会将不在本市举办。")
    assert supports(passage, "明年的第三届交易会不会在本市举办，将移师省城。")
    assert not supports(passage, "第三届交易会将不在省城举办。")


def test_a_list_after_the_verb_is_its_object_and_does_not_share_the_act_out():
    passage = ("交易会设本地展区、协作展区和科技展区三大板块。"
               "协作展区还邀请了浙江、广东等协作省份的企业设展。")
    assert not supports(passage, "交易会的科技展区邀请了浙江、广东等协作省份的企业设展。")
    assert supports(passage, "交易会的协作展区邀请了浙江、广东等协作省份的企业设展。")


def test_a_body_said_to_act_wholly_alone_where_the_passage_has_it_act_jointly():
    passage = "园区由甲区派驻干部与乙市共同组建管委会。"
    assert not supports(passage, "园区管委会完全由甲区派驻的干部组成。")
    assert supports(passage, "园区管委会由甲区派驻干部和乙市共同组建。")


def test_extremes_of_listed_counts_and_a_majority_named_before_its_word():
    passage = "新签约项目中，汽车零部件项目 8 个、智能家居项目 4 个，另有 2 个现代物流项目。"
    assert supports(passage, "新签约项目里汽车零部件类最多，有8个，现代物流项目最少。")
    assert not supports(passage, "新签约项目里智能家居类最多。")
    whole = "园区已累计引进企业27家，其中来自无锡的企业11家。"
    assert not supports(whole, "园区引进的27家企业里，无锡来的企业占了一大半。")
    assert supports(whole, "园区引进的27家企业里，无锡来的企业不到一半。")


def test_an_amount_in_the_clause_after_a_count_is_paired_with_that_count():
    passage = ("9月11日，两地举行第二批合作项目签约仪式，现场签约6个项目。"
               "自共建以来，产业园已累计引进企业27家，协议总投资42亿元。")
    assert not supports(passage, "9月11日的签约仪式上，现场签了6个项目，协议总投资42亿元。")
    assert supports(passage, "产业园累计引进了27家企业，协议总投资42亿元。")


def test_a_noun_that_frames_a_fact_is_no_content_the_passage_must_hold():
    passage = "10月19日至21日，第二十八届澳门国际贸易投资展览会在澳门金光会展中心举行。"
    assert supports(passage, "第28届澳门国际贸易投资展览会10月19日至21日举行，前后三天，地点在澳门金光会展中心。")
    assert not supports(passage, "第28届澳门国际贸易投资展览会10月19日至21日举行，地点在澳门国际博览中心。")


def test_amounts_as_people_say_them_in_a_chat_or_a_bullet():
    passage = "园区一期投资12亿元，到2025年力争产值突破100亿元，其中女性员工占比超过六成。"
    assert supports(passage, "园区一期投了12个亿。")            # 个亿: 亿 said with a classifier
    assert not supports(passage, "园区一期投了15个亿。")
    assert supports(passage, "园区一期投资快13个亿了。")         # 快: close below, as 近
    assert not supports(passage, "园区一期投资快20个亿了。")
    assert supports(passage, "目标：产值破百亿元（2025年）")      # 破 and a bare 百亿
    assert supports(passage, "女性员工占比>60%")                # a comparison sign bounds the number
    assert not supports(passage, "女性员工占比<60%")
    assert not supports("每年计划开工亿元以上项目30个。", "每年计划开工30个亿元以上的项目，共投资30亿元。")


def test_a_year_said_by_its_last_two_digits():
    passage = "按协议，2025至2027年两区每年安排协作资金不少于800万元，截至2024年底已到位1600万元。"
    assert supports(passage, "按协议，25年到27年两区每年安排协作资金不少于800万。")
    assert supports(passage, "到24年底已到位协作资金1600万元。")
    assert not supports(passage, "到23年底已到位协作资金1600万元。")
    assert not supports("截至2023年底，园区有企业50家。", "23年来，园区已有企业50家。")  # a length of time stays one


def test_the_article_year_dates_a_passage_that_names_none():
    passage = "9月20日至22日，第五届山地农业博览会在某县会展中心举行。"
    title = dated_title("山地农业博览会开幕", "2024-09-20")
    assert judge(passage, "第五届山地农业博览会于2024年9月20日至22日举行。", title=title).supported
    assert not judge(passage, "第五届山地农业博览会于2023年9月20日至22日举行。", title=title).supported
    assert not judge(passage, "第五届山地农业博览会于2024年9月20日至22日举行。").supported  # no date given
    said = "2023年，园区实现产值9.8亿元。"  # a passage that names its year is dated by it, not by the article's
    assert not judge(said, "2024年，园区实现产值9.8亿元。", title=dated_title("园区产值", "2024-03-01")).supported


def test_a_change_to_come_is_no_done_deed_and_a_first_time_is_never_before():
    passage = "明年第六届交易会将移师某市举办，此后两地轮流承办。"
    assert supports(passage, "明年第六届交易会要挪到某市去办了。")
    assert supports("甲省首次以独立展馆参展。", "甲省这回是头一次以独立展馆参展，之前没这么办过。")
    assert supports("双方将在新区共建维修基地。", "两家要一起在新区建维修基地。")


def test_bullet_lines_name_speakers_and_extremes_with_a_colon():
    passage = ("某市商务局相关负责人表示，该市将坚持“龙头+配套”思路招商。"
               "其中投资最多的是光伏组件项目，投资20亿元；储能项目投资8亿元。")
    assert supports(passage, "某市商务局负责人：坚持“龙头+配套”思路招商")
    assert not supports(passage, "某区管委会负责人：坚持“龙头+配套”思路招商")
    assert supports(passage, "投资最多：光伏组件项目（20亿元）")
    assert not supports(passage, "投资最多：储能项目（8亿元）")


def test_a_plan_denied_is_not_a_plan_not_yet_carried_out():
    passage = "三家企业组建了产业联盟，计划共同建设冷链配送中心。"
    assert not supports(passage, "三家企业组建了产业联盟，但尚未提出共建冷链配送中心的计划。")
    assert supports(passage, "三家企业组建了产业联盟，冷链配送中心尚未建成。")


def test_an_arrow_in_a_bullet_line_gives_and_receives():
    passage = "某市将继续向甲县、乙县捐赠茶苗，并派出技术专家驻村指导。"
    assert supports(passage, "某市 → 甲县、乙县：捐赠茶苗，派技术专家驻村指导")
    assert not supports(passage, "某市 → 甲县、乙县：出售茶苗，派技术专家驻村指导")


def test_a_change_in_per_cent_belongs_to_its_head_noun():
    passage = "开发区力争年内新材料产业产值增长12%以上。"
    assert supports(passage, "开发区力争新材料产业产值年内增长12%以上。")
    assert not supports(passage, "开发区力争年内新材料产业投资增长12%以上。")
