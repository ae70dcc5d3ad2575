"""What a question asks for: a list of things, one fact of a known type, or anything else.

A question is analysed once (`analyse`) and the result travels with it through
retrieval, the answerability gate, the answerer and the claim check. Question words
are matched on jieba's word boundaries, so 被选为什么职位 asks for a 职位, not a
reason, and 几乎 is no 几; the words themselves live in rag/lang.toml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from . import lang
from .tagger import NAMED, ORG, TIME, Word, bare_years, tag

# answer types, in the order their question words are tried (哪一年 is a date before 哪一 is a what)
TYPES = ("reason", "manner", "date", "place", "person", "org", "number", "what")
_PUNCT = re.compile(r"[，。？！?!,;；：:\s]")
_FILLER = re.compile(r"^(?:是|的|有|为|能|了|在|要|会|将|约|共|一共|总共|大概|大约|达到|达)+|(?:是|的|有|为|了|呢|吗)+$")


@dataclass
class Question:
    text: str
    kind: str                          # list | factoid | general
    wants: str | None = None           # one of TYPES, or money; None for list and general questions
    unit: str = ""                     # number questions: the classifier asked in (几套 → 套)
    head: str | None = None            # list questions: the noun the items are named by (项目)
    around: tuple[str, str] = ("", "")  # the clause's text just before and just after the question word
    numbers: tuple[str, ...] = ()      # digits the question states (2024): the evidence must state them too
    names: tuple[str, ...] = ()        # people, organisations, places, products the question names
    weights: dict[str, float] = field(default_factory=dict)  # content word → idf in the index
    kind_noun: str = ""                # the noun right after the question word: 什么原则 → 原则, 哪个城市 → 城市
    head_phrase: str = ""              # list questions: the head with the word before it (主导产业)
    times: tuple[str, ...] = ()        # times the question is about (2024年, 明年, 一季度): the evidence must speak of them

    @property
    def content(self) -> str:
        """The question without its punctuation: what a sentence repeating it would share."""
        return _PUNCT.sub("", self.text)

    @cached_property  # read by each quote an answer shows; the question does not change
    def asks_two(self) -> bool:
        """Does it ask a second thing after its question word (哪一天、在哪开的; 是啥公司，重点做哪个领域)?
        One clause may not answer it. 是否 after it is an embedded question (谁在调查…是否存在…), not one."""
        found = find_cue(self.text)
        if not found:
            return False
        after, before = self.text[found[2]:], self.text[:found[1]]
        second = find_cue(after)
        if second is not None and after[second[1]:second[2]] not in lang.words("question", "yes_no"):
            return True
        first = find_cue(before)  # the cue found first may stand second, in a clause of its own (几家、…多少)
        return first is not None and bool(re.search(r"[，、？；,;?]", before[first[2]:]))

    @property
    def condition(self) -> str:
        """The condition a conditional question supposes, as its own clause before a comma
        (如果武侯区不再安排资金，项目还能运营吗 → 武侯区不再安排资金); "" for any other question."""
        spans = _jieba_words(self.text)
        starts = {a for a, _ in spans}
        for m in lang.pattern("question", "conditions").finditer(self.text):
            clause = re.match(r"([^，,；;？?]+)(?:的话)?[，,]", self.text[m.end():])
            if m.start() in starts and clause:
                return re.sub(r"的话$", "", clause.group(1)).strip()
        return ""

    @cached_property  # read for each candidate sentence
    def focus(self) -> tuple[str, ...]:
        """The content words next to the question word: the relation asked about (接待…游客), not the
        noun a second question word asks for (哪个市的哪位领导: 领导 is asked, not what the city did)."""
        before, after = self.around
        second = find_cue(after)
        after = after[:second[1]] if second else after
        near = before[-6:] + "|" + after[:6]
        return tuple(t for t in self.weights if len(t) >= 2 and t in near)


@lru_cache(maxsize=1)
def _cues() -> list[tuple[str, str]]:
    """(question word, answer type), longest words first within each type's turn."""
    out = [(w, "list") for w in lang.words("question", "list")]
    for t in TYPES:
        out += [(w, t) for w in sorted(lang.words("question", t), key=len, reverse=True)]
    return out


def _jieba_words(text: str) -> list[tuple[int, int]]:
    from wenjin.index.tokens import plain_cutter

    spans, pos = [], 0
    for w in plain_cutter().lcut(text):
        spans.append((pos, pos + len(w)))
        pos += len(w)
    return spans


def find_cue(text: str) -> tuple[str, int, int] | None:
    """(type, start, end) of the first question word on a word boundary.

    A cue must start where a jieba word starts and end where one ends, or end inside a word
    whose rest is a classifier (几套, 多少家): 为什么 in 被选为/什么 is no cue, 什么 is. A cue
    holding 哪 asks wherever it ends, as jieba glues it to what follows (哪些方面, 在|哪开).
    """
    spans = _jieba_words(text)
    starts, ends = {s for s, _ in spans}, {e for _, e in spans}
    units = set(_units())
    for cue, kind in _cues():
        for m in re.finditer(re.escape(cue), text):
            s, e = m.start(), m.end()
            if s not in starts and not cue.startswith("些") and text[s - 1:s] != "第":
                continue  # jieba glues 些 to the verb before it (建些|什么), and 第 to 几 (第几名)
            rest = text[e:_end_of(e, spans)]
            if kind == "list" and text[e:].startswith(tuple(lang.words("question", "number"))):
                continue  # 内资、外资分别是多少: an amount asked of each, not a list
            if e in ends or rest in units or (cue == "几" and rest in lang.words("question", "after_ji")) or "哪" in cue:
                if kind == "what" and text[e:e + 1] in _PLACE_CHARS and cue.startswith("哪"):
                    return "place", s, e + 1  # 哪个乡, 哪座岛: any place word after 哪个 asks for a place
                return kind, s, e
    return None


_PLACE_CHARS = set("省市县区镇乡村州国岛港湾山河湖")


def _end_of(pos: int, spans: list[tuple[int, int]]) -> int:
    """The end of the jieba word holding position `pos`."""
    return next((b for a, b in spans if a < pos < b), pos)


_CONTENT_TAGS = ("n", "nz", "nw", "PER", "LOC", "ORG", "TIME", "vn", "s", "m", "t")


def weigh(text: str, tokens: list[str], idf) -> dict[str, float]:
    """Each distinct question word's weight, `idf(token, content)` where `content` says whether the
    tagger reads it as part of a noun, name, number or time in the question (not a verb or a particle)."""
    words = tag(text.strip())
    content = [w.text.lower() for w in words if (w.tag.startswith(_CONTENT_TAGS) and not _phrasing(w))
               or re.fullmatch(r"[\w.-]+", w.text, re.A)]
    return {t: idf(t, any(t in c or c in t for c in content)) for t in dict.fromkeys(tokens)}


def _phrasing(w: Word) -> bool:
    """A time or number word that names no thing (现在, 三个): a small collection may never use it,
    which says nothing of what it covers."""
    return w.text in lang.words("question", "present_times") or (
        w.tag == "m" and not re.search(r"\d", w.text) and w.text[0] in _NUMERALS)


_NUMERALS = "一二两三四五六七八九十百千几"


def body_names(text: str) -> tuple[str, ...]:
    """The organisations a question names: those the tagger reads (顺德集团), and a word with the kind
    of body after it (高德产业园, 锡会产业园), which it reads as two common nouns. A collection that
    writes only the parts (顺德 and 某某集团, 高德地图 and other 产业园) does not hold what is asked of
    the body. Places are not among them: their names are shortened and glued to other words too
    often (上海静安 for 上海市静安区), and the place rules of `gate` judge them."""
    words, heads = tag(text), set(lang.words("question", "name_heads"))
    joined = [a.text + b.text for a, b in zip(words, words[1:])
              if b.text in heads and len(a.text) >= 2 and a.tag in ("n", "nz", "nw", "PER", "ORG", "LOC")
              and not lang.pattern("question", "referring_words").fullmatch(a.text)]
    return tuple(dict.fromkeys([w.text for w in words if w.tag == ORG and len(w.text) >= 3] + joined))


def name_core(name: str) -> str:
    """A company's name as articles write it: without its legal form (股份有限公司) and the place
    before it (宁波双成药业股份有限公司 → 双成药业); other names are their own core."""
    legal = lang.pattern("question", "legal_forms")
    core = legal.sub("", name) if (m := legal.search(name)) and m.end() == len(name) else ""
    if not core:
        return name
    from wenjin.index.tokens import plain_cutter

    pieces = plain_cutter().lcut(core)
    while len(pieces) > 1 and [w.tag for w in tag(pieces[0])] == ["LOC"]:
        pieces = pieces[1:]
    return "".join(pieces) if len("".join(pieces)) >= 2 else name


def analyse(text: str, weights: dict[str, float]) -> Question:
    """The question's kind, the type of answer it wants, and the words around its question word."""
    q = text.strip()
    words = tag(q)
    names = tuple(dict.fromkeys(w.text for w in words if w.tag in NAMED and len(w.text) >= 2))
    numbers = tuple(re.findall(r"\d+(?:\.\d+)?", q))
    found = find_cue(q)
    times = _times(words, found, q)
    if not found:
        return Question(q, "general", numbers=numbers, names=names, weights=weights, times=times)
    kind, s, e = found
    before = _FILLER.sub("", _PUNCT.split(q[:s])[-1])
    after = _PUNCT.split(q[e:], maxsplit=1)[0]
    unit = _unit(q[e:]) if kind == "number" or q[s:e] in ("几", "多少") else ""
    if q[s:e] == "几" and q[e:e + 1] in lang.words("question", "after_ji"):
        unit = q[e]  # 几大产业: counted in 大
    after = _FILLER.sub("", after[len(unit):] if unit and after.startswith(unit) else after)
    if kind == "list":
        head = _list_head(q, s, e, words)
        phrase = re.search(rf"[\u4e00-\u9fff]{{2}}{re.escape(head)}", q[e:]) if head else None  # 哪些主导产业, not 锡会产业园
        return Question(q, "list", head=head, around=(before, after), numbers=numbers, names=names,
                        weights=weights, head_phrase=phrase.group() if phrase else "", times=times)
    if kind == "number" and not unit and (lang.pattern("question", "rate_topics").search(q)
                                          or (before.endswith(tuple(lang.words("question", "change_verbs"))) and not after)):
        unit = "%"  # 占比多少, 收入增长了多少: a share or a change is said in per cent (not 增加了多少亿元)
    elif kind == "number" and not unit and lang.pattern("question", "area_topics").search(q):
        unit = "平方米"  # 规划面积多大: answered in 亩, 公顷 or 平方公里 as well (lang.toml unit_forms)
    elif kind == "number" and (lang.pattern("question", "money_topics").search(q) or not unit and not after
                               and before.endswith(tuple(lang.words("question", "spending_verbs")))):
        kind = "money"
    noun = _kind_noun(q, s, e, words)
    if kind == "what" and _a_person_s_name(before, noun):
        kind = "person"  # 副台长叫什么名字 asks who, as 副台长是谁 does
    if noun:  # the answer stands in for the noun it asks for: 主席 answers 什么职位 without saying 职位
        weights = {t: w * 0.1 if t in noun else w for t, w in weights.items()}
    return Question(q, "factoid", kind, unit, None, (before, after), numbers, names, weights, noun, times=times)


def _times(words, found: tuple[str, int, int] | None, text: str) -> tuple[str, ...]:
    """The question's time expressions, by the tagger's TIME label, other than the one it asks for
    (哪一年, 几月) and the reporter's present (现在), and only on word boundaries: 投产后年产值 holds
    no 后年."""
    s, e = found[1:] if found else (0, 0)
    return tuple(dict.fromkeys(w.text for w in time_words(text, bare_years(words)) if not (w.start < e and w.end > s)
                               and not re.search(r"[哪几何]|多少|什么", w.text)
                               and w.text not in lang.words("question", "present_times")))


def time_words(text: str, words: tuple[Word, ...] | None = None) -> list[Word]:
    """The tagger's times in `text` that are not lengths of time (三个月 says how long), and, unless written
    with digits, that are times on jieba's word boundaries too: 投产后年产值 and 并网后年发电量 hold no 后年
    (the year after next), while 成都5月11日电 holds 5月11日 though jieba reads 日电 as a word."""
    cuts = {p for span in _jieba_words(text) for p in span}
    return [w for w in (words if words is not None else tag(text)) if w.tag == TIME and not _DURATION.match(w.text)
            and (re.search(r"\d", w.text) or w.start in cuts and w.end in cuts)]


# a length of time (一年, 三个月, 两天) says how long and a frequency (每年, 每个月) how often, not when:
# no article needs to repeat it, and it answers no 哪一年
_DURATION = re.compile(r"^(?:每|近|前)?(?:[一二两三四五六七八九十百半]+|\d{1,2})(?:个(?:多)?月|年|天|周|个?小时|分钟)$"
                       r"|^每个?(?:年|月|天|日|周|星期|季度|小时)$")


def _kind_noun(q: str, s: int, e: int, words) -> str:
    """The noun the answer is an instance of: inside the question word (哪个城市 → 城市), right after it
    (什么原则 → 原则), or before 是什么 (大会的主题是什么 → 主题)."""
    within = re.match(r"(?:哪个|哪座|哪家|哪所|哪一|哪位|什么|何种)(.+)", q[s:e])
    if within and (len(within.group(1)) >= 2 or within.group(1) in _PLACE_CHARS):
        return within.group(1)

    def noun(w) -> bool:  # a noun by LAC's tags: a place, body or person it names (LOC, ORG, PER) is no kind
        return len(w.text) >= 2 and w.tag.startswith("n")

    if sort := re.match(r"哪一?[类种]|何[类种]", q[s:]):  # 哪一类先进县: a classifier between the
        run = []  # question word and its noun, which the tagger may cut (先进|县)
        for w in (w for w in words if w.start >= s + sort.end()):
            if run and w.start != run[-1].end or not (w.tag.startswith("n") or w.tag in ("a", "vn")):
                break
            run.append(w)
        if len(kind := "".join(w.text for w in run)) >= 2:
            return kind
    if q[s - 1:s] == "以" and (framed := re.match(r"作?为([\u4e00-\u9fff]{2,4})(?:[？?，。！!]|$)", q[e:])):
        return framed.group(1)  # 以什么为主题 (the tagger reads 为主题 as a verb): the answer is 以“某某”为主题
    after = next((w.text for w in words if e <= w.start <= e + 1 and noun(w)), "")
    if after or not re.search(r"[是为]$", q[:s]):
        return after
    before = [w for w in words if w.end <= s - 1 and noun(w)]
    return before[-1].text if before and before[-1].end >= s - 2 else ""


def without_copula(before: str) -> str:
    """The words before a question word without the 的, 是 or 叫 that ties them to it: what is asked of."""
    return re.sub(r"(?:的|是|叫做?|为)+$", "", before)


def _a_person_s_name(before: str, noun: str) -> bool:
    """Is the name asked (叫什么名字, 的姓名是什么, 叫什么) that of someone named by a role or a kind of
    person (副台长, 负责人, 企业家)?"""
    if noun not in lang.words("answer", "name_nouns") and (noun or not re.search(r"叫做?$", before)):
        return False
    return a_person(without_copula(before.removesuffix(noun) if noun else before))


def a_person(phrase: str) -> bool:
    """Does the phrase end in a role or a kind of person (副台长, 负责人, 87岁老人)? A one-character ending
    needs two before it: 国家 names no person."""
    if not phrase:
        return False
    word = tag(phrase)[-1].text
    kinds = lang.words("answer", "person_suffixes")
    if len(phrase) >= 2 and phrase.endswith(tuple(lang.words("answer", "person_nouns"))):
        return True
    return word.endswith(tuple(lang.words("answer", "person_titles"))) or any(
        word.endswith(x) and len(word) - len(x) >= (2 if len(x) == 1 else 1) for x in kinds)


def _unit(after: str) -> str:
    """The classifier right after 几/多少 (几套反无人机系统 → 套)."""
    return next((u for u in _units() if after.startswith(u)), "")


@lru_cache(maxsize=1)
def _units() -> list[str]:
    """Classifiers a count is asked in (几套) and units of measure (多少度电, 多少公顷), longest first."""
    words = lang.words("question", "units") + lang.words("quantities", "units")
    return sorted(set(words) - {"%"}, key=len, reverse=True)


def _list_head(q: str, s: int, e: int, words) -> str | None:
    """The noun the items are named by: the last noun of the phrase after 哪些 (哪些非洲国家领导人 → 领导人,
    哪三个园 → 园), else the last noun before it (德格帮扶项目有哪些 → 项目)."""
    def nouns(lo: int, hi: int) -> list[str]:
        return [w.text for w in words if lo <= w.start and w.end <= hi and len(w.text) >= 2
                and (w.tag.startswith("n") or w.tag in ("vn", "ORG", "LOC", "PER"))]

    after, head = [], None
    # 在哪些领域合作: after a preposition the phrase is its object, and a verbal noun after it the verb
    governed = any(w.tag == "p" and w.end == s for w in words)
    for w in words:
        if w.start < e or w.tag == "q" and not after:
            continue  # 哪三|个|园: the classifier after the count
        if not (w.tag.startswith("n") or w.tag in ("vn", "ORG", "LOC")) or len(w.text) < 2 and after:
            break
        if governed and after and w.tag == "vn":
            break
        after.append(w.text)
        if len(w.text) < 2:
            break  # 哪五个县的文旅部门: the one-character noun counted is what the items are
    if after:
        head = after[-1]
    before = nouns(0, s)
    if head or not before:
        return head
    # a verb between the noun and the question word makes the noun its subject, not the items' kind
    # (南阳华侨城一期都建些什么 lists what is built); 有/是/包括 name the noun's members (德格帮扶项目有哪些)
    last = max(w.end for w in words if w.text == before[-1] and w.end <= s)
    between = [w.text for w in words if last <= w.start and w.end <= s and w.tag == "v"]
    return None if any(v not in lang.words("question", "member_verbs") for v in between) else before[-1]


_HAN = "\u4e00-\u9fff"


def spoken(text: str) -> str:
    """A question typed as it is said, written as it is read: a blank between two Chinese words parts
    clauses as a comma would (要是A撤资了 B会怎样, 多少家企业参展 设了几个展位), and a verb split by 的 at a
    clause's end is whole again (是谁揭的牌 → 是谁揭牌, 在哪签的约 → 在哪签约), as articles write it."""
    text = re.sub(rf"(?<=[{_HAN}])[ \u3000]+(?=[{_HAN}])", "，", text.strip())

    def joined(m: re.Match) -> str:
        words = tag(m.group(1) + m.group(2))
        return m.group(1) + m.group(2) if len(words) == 1 and words[0].tag in ("v", "vn") else m.group(0)
    return re.sub(rf"([{_HAN}])的([{_HAN}])(?=[啊呀呢吗嘛]?(?:[，,。？?！!；;\s]|$))", joined, text)


def asks_calendar(q: Question) -> bool:
    """Does a date question ask for a day, month or year (哪一天, 何年, 几号), which only a time on the
    calendar answers? 何时 and 什么时候 may be answered by another event (发布行程前)."""
    return q.wants == "date" and any(cue in q.text for cue in lang.words("question", "date")
                                     if re.search("[年月天日号]", cue))


def split_parts(question: str) -> list[str]:
    """'A和B的总投资分别是多少' → ['A的总投资是多少', 'B的总投资是多少']; [] when not such a question.

    Only questions that say they ask about each part (分别, 加起来…) are split, at
    their first 和/与/以及 standing as a word (not 同 of 合同外资, 与 of 与会), and the shared
    predicate is copied to both subjects.
    """
    q = question.strip()
    if not lang.pattern("question", "joint").search(q):
        return []
    joins = set(lang.words("question", "joins"))
    m = next((w for w in tag(q) if w.text in joins), None)
    if not m:
        return []
    left, right = q[: m.start], q[m.end:]
    p = lang.pattern("question", "predicate_starts").search(right, 2)
    if not p or len(left) < 2:
        return []
    subject, predicate = right[: p.start()], lang.pattern("question", "joint").sub("", right[p.start():])
    predicate = re.sub(r"^的的", "的", predicate)
    return [left + predicate, subject + predicate]


def split_clauses(question: str) -> list[str]:
    """'带动了多少户，每亩能多挣多少' → ['带动了多少户', '每亩能多挣多少']; [] unless two clauses parted
    by a comma or 、 each ask with a question word of their own (不是 那几位, which points back).

    The sentence answering the whole question often states only one of the facts; these are what
    the answer is checked against, clause by clause."""
    pieces = [p.strip(" ？?") for p in re.split(r"[，,；;、]", question.strip())]  # 由哪个部门主办、由哪所高校承办
    asking = [p for p in pieces if p and _asks(p)]
    return asking if len(asking) >= 2 else []


def _asks(clause: str) -> bool:
    """A clause asks on its own unless its question word is 几 pointing back (那几位) or the clause
    sets the time or case of the next one (提交什么后，…; 在有什么天气的情况下，…)."""
    found = find_cue(clause)
    if not found:
        return False
    pointing = tuple(lang.words("question", "demonstratives"))
    setting = tuple(lang.words("question", "relative_times")) + ("情况下",)
    return not (clause[found[1]:found[2]].startswith("几") and clause[:found[1]].endswith(pointing)
                or clause.endswith(setting))


def split_questions(message: str) -> list[str]:
    """'签了几个项目？签约总额是多少？' → ['签了几个项目？', '签约总额是多少？']; [] for one question.

    A message may ask several things, each ending in its own question mark and each with its own
    question word; one sentence seldom answers them all, so each is answered on its own. A piece
    without a question word (a remark, a greeting) keeps the message whole.
    """
    pieces = [p.strip() for p in re.findall(r"[^？?]+[？?]*", message) if p.strip(" ？?")]
    if len(pieces) < 2 or not all(find_cue(p) for p in pieces):
        return []
    return pieces
