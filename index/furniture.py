"""Page furniture: credits, notices, navigation, share prompts and ads around a scraped article.

The patterns live in furniture.toml (a new kind of furniture is a line there, not code); this
module is the mechanism. Scraped corpora often flatten a page onto one line, where no line rule
can see furniture, so it works at five places in a line:

- pieces that carry their own delimiters ((完), 【编辑：某某】, 返回搜狐，查看更多) anywhere;
- whole sentences (a disclaimer, a reprint notice) and whole short lines;
- a run of credits after the article's last sentence (某报记者 某某 编辑：某某 来源：某网);
- credits closing a line after a link title (…的公告编辑某某), or a short line after a blank;
- credits at the article's head (某报记者 某某 before the report starts);

and what the patterns keep of a long line is then read unit by unit by a fitted score
(furniture_score.py), for the house styles no pattern names.

Where a flattened page had a line break there is often a blank, which normalisation removes
between Chinese characters; cleaning hands this module the blank as BOUNDARY instead, which the
patterns read as whitespace (德制坦克 资料图 据介绍, 记者 李超 任珂 摄). Where no blank is left,
no spaces separate a name from the report that follows it ("记者胡瑞近日，…"), so at the head a
name is what jieba's part-of-speech tagger reads as a person's name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from . import furniture_score

MAX_LINE = 120  # a line up to this long may be furniture as a whole; in any line, furniture is cut out
MAX_SENTENCE = 250  # no notice runs longer; testing longer "sentences" (pages without 。) costs quadratic time
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f"  # names use the extension blocks' rare characters (周𬱖)
BOUNDARY = "\x1f"  # a blank that stood between Chinese characters (a control character \s matches)
_CUT = "\ue000"  # where a piece was cut out (a private-use character: it carries no text)
# the end mark of a label that was a sentence (。报告截图。), the comma before one that closed it (，某某新闻图。)
_CUT_SENTENCE = re.compile(rf"(?<=[。！？!?]){_CUT}+[。！？!?]+|[，,]{_CUT}+(?=[。！？!?])")
_SENTENCES = re.compile(r"[^。！？!?\ue000]*[。！？!?\ue000]+[”’」』\"]*|[^。！？!?\ue000]+")
_CLOSERS = "”’」』\"）) \t"
_HEAD = re.compile(r"[^。]{0,100}")  # the title (原标题：…, commas and all), credits, the report's start
_AFTER_BREAK = re.compile(r"(?:^|(?<=[\s！？!?■□]))[^\s，。！？：:（）()【】\[\]“”《》、]{2,8}$")  # 标题！每经 记者：某某
# an outlet's report in brackets opening the text (【某网报道 记者 某某】): a dateline, as 某社某地电(记者 某某) is
_REPORT_BRACKET = r"[【\[][^【】\[\]（）()。，！？]{0,16}报道[^【】\[\]（）()。，！？]{0,40}[】\]]"
_DATELINE = re.compile(rf"(?:电|讯|消息)\s*[（(][^（）()]{{0,40}}[）)]|记者[{HAN}·\s]{{2,20}}?报道"  # 某社某地电(记者 某某)
                       rf"|{_REPORT_BRACKET}")
_LINK_FARM_SEP = re.compile(r"\s*[|｜]\s*")
# a sentence end, a closing comma, a date opening a clause (7月27日，), a dateline (某地8月1日电) or a
# credit's slash (文、图/某报): what the text before a cut holds when it is no headline
_NOT_A_HEADLINE = re.compile(r"[。！？!?；;]|[，,]$|日[，,电]|[/／]")
_HEADLINE_END = re.compile(r"[^\w”’」』》）)】\]!！?？]+$")  # marks after a headline (■, blanks)
_CREDIT = r"\s*[（(][^（）()]{0,40}?(?:记者|通讯员|实习生|摄影|编辑)[^（）()]{0,40}[）)]\s*"
# 某某网7月31日讯 and 某社某地8月1日电 may name no reporters: then an outlet (…社, …网, …报, …客户端)
# and a date before the mark say it is a dateline, not 截至6月30日电价…
_OPENING_DATELINE = re.compile(rf"[^。，！？]{{0,80}}?(?:(?:电|讯|消息)(?={_CREDIT})"
                               rf"|[社网报台端闻][^。，！？\d]{{0,6}}\d{{1,2}}月\d{{1,2}}日(?:电|讯)"
                               rf"|{_REPORT_BRACKET})"
                               rf"(?P<credit>{_CREDIT}|\s*[（(][^（）()，。：:\d]{{2,16}}[）)]\s*)?")  # …日电 (某某某某)


def dateline_end(sentence: str) -> int:
    """Where a sentence's opening dateline with its reporters ends (本报讯（记者 某某）, 某社某地8月1日电
    (记者 某某), a headline glued before it included), or 0. Cleaning keeps datelines (they say where
    and when); an answer quoting the report's first sentence starts after it, since the answer
    shows the report's date anyway."""
    m = _OPENING_DATELINE.match(sentence)
    return m.end() if m else 0


def dateline_credit(sentence: str) -> tuple[int, int] | None:
    """Where the reporters' bracket of the sentence's opening dateline stands ((记者 某某) of 某社某地
    8月1日电(记者 某某)), or None: a quote that must keep the dateline (it holds the date asked for)
    leaves out the credit."""
    m = _OPENING_DATELINE.match(sentence)
    return m.span("credit") if m and m.group("credit") else None


class Patterns:
    """furniture.toml, compiled once."""

    def __init__(self, data: dict) -> None:
        self.line = re.compile(_any(data["lines"]), re.IGNORECASE)
        self.to_end = re.compile(f"(?:{_any(data['to_end'])}).{{0,400}}$", re.IGNORECASE)  # closing the page, not a book
        self.labels = re.compile(_any(data["labels"]))
        credit, source = _longest_first(data["credit_words"]), _longest_first(data["source_words"])
        free = r"[^\s，。！？：:（）()【】\[\]]"
        named = rf"(?:{free}|[（(][A-Za-z]{{2,8}}[）)])"  # a name may carry its Latin short form: 某协会(NHK)
        outlet = (rf"(?:《[^》]{{1,20}}》(?:视频截图|截图|视频)?"  # 《某报》: the title marks say where it ends
                  rf"|{_longest_first(data['picture_agencies'])}"  # 图源：图虫创意, glued to the text
                  rf"|{named}{{0,14}}?(?:{_longest_first(data['outlet_suffixes'])}){{1,2}}(?:(?<=报)网)?"  # 某某新闻客户端
                  rf"|{free}{{1,14}}?(?:{_longest_first(data['outlet_last_chars'])})"
                  rf"|{free}{{2,14}}(?={BOUNDARY}))")  # or a blank says where it ends
        not_after = r"(?<![电讯向对据被让给跟与和从在的])(?<![电讯]\s)(?<![电讯息][（(])(?<![电讯息]\s[（(])"  # 某社…电(记者…) is a dateline
        self.credit_word = re.compile(rf"(?:{credit})|(?:{source})")
        # A run of credits is cut at its credit words; what lies between two of them is a name
        # (or an outlet) and the next credit's outlet: no sentence punctuation, and short.
        self.between = re.compile(rf"[\s|｜/:：丨·、，和（）()【】\[\]“”《》□■A-Za-z0-9@._{HAN}-]*")
        self.lone_bracket = re.compile(r"[（(【\[](?:[^（）()【】\[\]。，！？\d为是系指]{1,14}"  # (某某) (某某网)
                                       rf"|[{HAN}·]{{2,4}}(?:\s[{HAN}·]{{2,4}})+)[）)】\]]")  # (某某 某某)
        self.head = re.compile(rf"{not_after}(?:{credit})\s*[:：丨]?\s*|(?:{source})\s*[:：丨]\s*(?P<outlet>{outlet})"
                               rf"|^[（(](?P<bracket>[^（）()，。！？]{{0,16}}?(?:{credit}|{outlet})[^（）()，。！？]{{0,8}})[）)]")
        latin = r"[A-Z][A-Za-z]{1,11}(?:[\s/][A-Z][A-Za-z]{1,11})*(?=[\s）)。，]|$)"  # 图源：BBC, 图片来源：SOPA IMAGES/LIGHTROCKET
        supplier = r"受访者|受访单位|网络"  # 图源：受访者
        image_source = (rf"[（(]?(?:{_longest_first(data['image_source_words'])})\s*[:：/]+\s*(?:{outlet}|{latin}|{supplier})"
                        rf"[）)]?")  # 图源：某网
        # 。来源：某网 before another sentence (closing credits are a run, for the tail rules to judge whole)
        mid_source = rf"(?<=[。！？\s])(?:{_longest_first(data['source_after_sentence'])})\s*[:：丨]\s*{outlet}(?=[^。！？]{{0,80}}[。！？])"
        suffix = _longest_first(data["outlet_suffixes"] + data["outlet_last_chars"])
        glued = [_latin_picture_credit(data, suffix)]  # before the pieces' ▲图源 rule, which stops at a blank
        # 。图/某某新闻16日，…: a slash credit naming an outlet, glued before a date or set off by a blank
        slash_outlet = (rf"(?<=[。！？!?”\s])(?:图片|摄影|图)\s?[/／]\s?"
                        rf"{named}{{0,10}}?(?:{_longest_first(data['outlet_suffixes'])})(?=[\d\s]|$)")
        extra = [image_source, mid_source, slash_outlet, _glued_picture_credit(data), _source_list(suffix),
                 rf"(?:[{re.escape(data['column_marks'])}]\s?(?:{_longest_first(data['column_labels'])})"
                 rf"|【(?:{_longest_first(data['column_labels'])})】)"]  # ■记者来信, 【短评】
        self.pieces = re.compile(_any(glued + data["pieces"] + extra), re.IGNORECASE | re.MULTILINE)
        account = r"(?:[（(](?:ID[:：]\s?)?[A-Za-z][A-Za-z0-9_-]{3,20}[）)])?"  # 某某晚报(wechat_id)
        self.lone_outlet = re.compile(rf"{free}{{2,8}}(?:{suffix}){account}")  # 每日经济新闻 closing the page
        self.head_outlet = re.compile(rf"{free}{{2}}(?:{suffix}){{1,2}}$")  # 极目新闻 四川在线 北京日报客户端: 2 + endings
        self.byline = re.compile(rf"{free}{{1,6}}(?:{suffix})\s[{HAN}·]{{2,3}}(?=\s|\d{{1,2}}月|\d{{4}}年)")  # 某某财经 某某
        self.surnames = frozenset(data["surnames"])
        self.role_after_name = re.compile(rf"\s?(?:{_longest_first(data['head_credit_roles'])})")
        self.slash_credit = re.compile(rf"(?<=[。！？!?”{_CUT}\s])(?:{_longest_first(data['slash_credit_words'])})\s?[/／]\s?"
                                       rf"(?:{_longest_first(data['slash_credit_roles'])})?")


def _latin_picture_credit(data: dict, suffix: str) -> str:
    """▲图源 Netenrich 公司, ▲图源 Some Name: a picture credit naming a foreign source in Latin
    letters, which runs word by word (blanks and all) and may end in an outlet's ending (公司)."""
    latin = r"[A-Za-z][A-Za-z0-9.&'-]*"
    return (rf"[▲△]\s?(?:{_longest_first(data['image_source_words'])})\s?[:：]?\s?"
            rf"{latin}(?:\s{latin})*(?:\s?(?:{suffix}))?")


def _glued_picture_credit(data: dict) -> str:
    """图自美媒, 图据某地公安 glued to the caption before and the report after: after a sentence,
    a comma or a blank, the outlet ends at an outlet's ending that nothing continues — not a
    longer name (某某新闻网), a date or a quote, which make it the report's (图据某社10日报道).
    A stock library after 据 (…工作据ICphoto据悉) is one too."""
    words, name = _longest_first(data["picture_from_words"]), r"[^\s\d，。！？：:（）()【】\[\]“”《》|｜/丨]"
    endings = _longest_first(data["outlet_suffixes"] + data["picture_from_endings"])
    outlet = (rf"(?:{_longest_first(data['picture_agencies'])}|{name}{{1,14}}?(?:{endings})"
              rf"|{name}{{1,3}}?(?:{_longest_first(data['outlet_last_chars'])}))")  # 美媒 俄新社, not 某某街道社区
    not_after = rf"(?![\d（(“《网报社台媒体厅局处分支大派所]|报道|消息|称|援引|表示|日电|{endings})"  # no longer name
    by_agency = rf"据(?:{_longest_first(data['picture_agencies'])})(?![A-Za-z]|报道|消息|称|援引|表示)"  # 工作据ICphoto据悉
    return rf"(?<=[。！？，\s])(?:{words}){outlet}(?:(?:报道)?配图|{not_after})|{by_agency}"  # 图自某社报道配图


def _source_list(suffix: str) -> str:
    """A list of three or more outlets on a line of its own (央视新闻、某某网、@某某新闻网): the
    sources of a compiled report, which blanks (or the dateline's digits) set off from the text."""
    item = rf"@?[^\s\d，。！？：:（）()【】\[\]“”、@]{{1,12}}?(?:{suffix})"
    return rf"(?<=\s)(?:{item}、\s?){{2,}}{item}(?=[\s\d]|$)"


def _any(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def _longest_first(words: list[str]) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    with open(Path(__file__).with_name("furniture.toml"), "rb") as f:
        data = tomllib.load(f)
    return Patterns({k: [p.replace(r"\u4e00-\u9fff", HAN) for p in v] if isinstance(v, list) else v
                     for k, v in data.items()})


def is_link_farm(line: str) -> bool:
    """A line of many short `|`-separated items (place names, tags): a spam trailer."""
    parts = [p for p in _LINK_FARM_SEP.split(line.strip()) if p]
    return len(parts) >= 6 and sum(len(p) for p in parts) / len(parts) <= 8


def is_boilerplate(line: str) -> bool:
    """A whole line (or sentence) that is page furniture: a notice, a credit line, a link farm."""
    p = patterns()
    return bool(p.line.fullmatch(line.rstrip("。！？!?；;"))) or is_credit_run(line, alone=True) or is_link_farm(line)


def is_credit_run(text: str, alone: bool = False) -> bool:
    """Whether `text` is nothing but credits: 某报记者 某某 编辑：某某 来源：某网 (某某).

    Cut at its credit words, every gap between two of them must be a name (2–16 characters, the
    names of several people run together) plus the next credit's outlet, with no sentence
    punctuation. A line standing `alone` is held to more: a separator after every credit word, or
    several credits — 编辑部的故事, a headline, is one credit word and no separator. Scanned, not
    matched by one regular expression, whose backtracking on a long near-miss takes seconds."""
    p = patterns()
    if len(text) > 160 or not p.between.fullmatch(text):
        return False
    words = list(p.credit_word.finditer(text))
    if not words:
        return bool(p.lone_bracket.fullmatch(text) or p.lone_outlet.fullmatch(text)) and not alone
    gaps = [text[a.end():b.start()] for a, b in zip(words, words[1:])]
    head, last = text[:words[0].start()], text[words[-1].end():]
    opener = _letters(head.lstrip("（(【[□■"))  # 某某广播电视台新媒体记者：an outlet's long name may open it
    if (len(opener) > 10 and not (len(opener) <= 16 and p.head_outlet.search(opener))) \
            or not 1 <= len(_letters(last)) <= 80:  # a link may close it
        return False
    if "，" in head + last:  # a comma only between credits (记者 某某，通讯员 某某): after one, a clause
        return False
    if any(not ((g and not _letters(g)) or 2 <= len(_letters(g)) <= 26) for g in gaps):  # 终审 编委, 来源丨综合
        return False
    separated = all(text[w.end():w.end() + 1] in ":：|｜/丨 " for w in words)
    return not alone or separated or len(words) >= 3


def _letters(text: str) -> str:
    return re.sub(r"[\s|｜/:：丨·、（）()【】\[\]“”@._-]", "", text)


def strip(line: str, removed: list | None = None) -> str:
    """`line` less its furniture ("" when it is furniture as a whole); `removed` gets what went:
    first what the patterns name, then the units the fitted score reads as furniture."""
    line = _strip_patterns(line, removed)
    # short lines are a structured page's headlines and headers, which the marked pages (flattened
    # onto one line) never show the score: it reads only the units of long lines
    cuts = furniture_score.scored_out(line) if len(line) > MAX_LINE else []
    kept, pos = [], 0
    for a, b in cuts:  # joined once: a site flattened onto one line may lose thousands of units
        kept.append(line[pos:a])
        _note(removed, line[a:b])
        pos = b
    return ("".join(kept) + line[pos:]).strip() if cuts else line


def _strip_patterns(line: str, removed: list | None) -> str:
    if len(line) <= MAX_LINE and is_boilerplate(line):
        _note(removed, line)
        return ""
    p = patterns()
    line = p.pieces.sub(lambda m: _note(removed, m.group(0), _CUT), line)  # a cut ends a sentence
    line = _slash_credits(line, removed)
    line = p.to_end.sub(lambda m: _note(removed, m.group(0)), line)
    line = p.labels.sub(lambda m: _note(removed, m.group(0), _CUT), line)
    kept = []
    for s in _SENTENCES.findall(line):
        if len(s) <= MAX_SENTENCE and is_boilerplate(s.strip(_CUT + " ")):
            _note(removed, s.strip(_CUT + " "))
        else:
            kept.append(s)
    line = _CUT_SENTENCE.sub("", "".join(kept)).replace(_CUT, "").strip()
    if len(line) > MAX_LINE:
        line = _cut_spans(line, _head_credits(line), removed)
        tail = _tail(line)
        if tail is None or not is_credit_run(line[tail:].strip()):
            tail = _closing_credits(line)
        if tail is not None:
            _note(removed, line[tail:])
            line = line[:tail].rstrip()
    elif (tail := _credits_after_blank(line)) is not None or (tail := _closing_run(line)) is not None:
        _note(removed, line[tail:])
        line = line[:tail].rstrip()
    return line


def _closing_run(line: str) -> int | None:
    """Where credits after a short line's last sentence start (…副区长。 (某市纪委监委)): the same
    closing-run test long lines get, without the search for runs that no sentence end precedes."""
    tail = _tail(line)
    return tail if tail is not None and is_credit_run(line[tail:].strip()) else None


def _slash_credits(line: str, removed: list | None) -> str:
    """`line` less the picture credits glued between its sentences with a slash (。摄影/某某该项目…):
    no mark says where the name ends, so one is cut only where the tagger reads a person's name.
    A run of credits (文/某某 图/某某 海报…) and credits after the last sentence are left whole to the
    rules for runs and for closing credits."""
    p, parts, pos = patterns(), [], 0
    for m in p.slash_credit.finditer(line):
        name = _name_at(line, m.end())
        if m.start() < pos or not _NAME_CHARS.fullmatch(name) or not _SENTENCE_END.search(line, m.end()):
            continue
        end = m.end() + len(name)
        if p.credit_word.match(line, _BLANKS.match(line, end).end()):  # 文/某某 图/某某: a run, judged whole
            continue
        parts += [line[pos:m.start()], _note(removed, line[m.start():end], _CUT)]
        pos = end
    return "".join(parts) + line[pos:] if parts else line


def _credits_after_blank(line: str) -> int | None:
    """Where credits closing a short line of other text start after a blank (…绝美湖泊 制图：某某):
    the blank says where a credit line stood, so they are held to what a line of credits alone must
    be. A line with credits before them (日期 来源：某网 作者：某某) is a header, judged whole."""
    for blank in re.finditer(BOUNDARY, line):
        if patterns().credit_word.search(line, 0, blank.start()):
            return None
        if is_credit_run(line[blank.end():].strip(), alone=True):
            return blank.start()
    return None


def _tail(line: str) -> int | None:
    """Where the text after the last sentence starts, if 2–120 characters follow it (a scan from
    the end: a regular expression would try every sentence end of a 50 MB line)."""
    end = max(line.rfind(c) for c in "。！？!?")
    if end < 0:
        return None
    start = end + 1
    while start < len(line) and line[start] in _CLOSERS:
        start += 1
    return start if 2 <= len(line) - start <= 120 else None


def _closing_credits(line: str) -> int | None:
    """Where a run of credits closing the line starts, when no sentence end comes right before it
    (a link title, then 编辑某某): the longest suffix from a credit word that is credits alone."""
    p = patterns()
    for m in p.credit_word.finditer(line, max(0, len(line) - 60)):
        if is_credit_run(line[m.start():].strip()):
            return m.start()
    return None


def _note(removed: list | None, text: str, replacement: str = "") -> str:
    text = text.replace(BOUNDARY, "").strip(_CUT + " ")
    if removed is not None and text:
        removed.append(("版式", text))
    return replacement


def _cut_spans(line: str, spans: list[tuple[int, int]], removed: list | None) -> str:
    for a, b in sorted(spans, reverse=True):
        _note(removed, line[a:b])
        if _headline_ends(line, a, b):  # marks closing the headline (■, a blank) open the report's line
            head = _HEADLINE_END.sub("", line[:a])
            line = head + "\n" + line[len(head):a] + line[b:]
        else:
            line = line[:a] + line[b:]
    return line


def _headline_ends(line: str, a: int, b: int) -> bool:
    """Whether credits cut from a page's head stood between its headline and the report
    (某某项目开工 2023-08-15 作者：某某 近日，…): the headline ran from the line's start with no sentence
    end, so the cut leaves a line break there rather than gluing the two into one false sentence."""
    head, rest = line[:a].replace(BOUNDARY, "").strip(), line[b:].lstrip(BOUNDARY + " ")
    return 6 <= len(head) <= 60 and not _NOT_A_HEADLINE.search(head) and bool(re.match(r"[\w“\"（(《【]", rest))


def _head_credits(line: str) -> list[tuple[int, int]]:
    """Credits at the article's head: 某报记者 某某 (通讯员 某某), 来源：某网, 作者：某某.

    The head of a scraped page is where the title ends and the credits stand before the report
    begins; a credit word there followed by no person's name (记者从市政府获悉) is prose."""
    p, spans = patterns(), []
    clause = _HEAD.match(line).group(0)
    dateline = _DATELINE.search(clause)
    pos = 0
    if byline := p.byline.match(clause):  # 某某财经 某某 opening the page: an outlet and a name
        spans, pos = [(0, byline.end())], byline.end()
    while m := p.head.search(clause, pos):
        if dateline and dateline.start() <= m.start() < dateline.end():  # 某社某地电(记者 某某) is the report's
            pos = dateline.end()
            continue
        if m.group("outlet") or m.group("bracket"):
            end = m.end()
        else:
            name = _name_at(clause, m.end()) or _name_before_credit(clause, m)
            if not name:
                pos = m.end()
                continue
            end = m.end() + len(name)
            if role := p.role_after_name.match(clause, end):  # 记者 某某 文/制图
                end = role.end()
        start = m.start()
        if spans and 0 <= start - spans[-1][1] <= 4 and p.between.fullmatch(clause[spans[-1][1]:start]):
            start = spans.pop()[0]  # one run: 记者某某通讯员某某, 每经记者：某某每经编辑：某某
        else:
            sep = _SEPARATOR.search(clause, 0, start)  # 某报客户端 | 记者 某某
            before = sep.start() if sep else start
            outlet = _AFTER_BREAK.search(clause, 0, before) or p.head_outlet.search(clause, 0, before)
            if outlet and not (m.group("outlet") or m.group("bracket")):
                start = 0 if outlet.start() <= 2 else outlet.start()  # at the very head: the whole outlet
        spans.append((_stamp_before(clause, start), end))
        pos = end
    return [(_stamp_before(clause, _repeated_outlet(clause, a, b)), b) for a, b in spans]


_SEPARATOR = re.compile(r"\s*[|｜丨]\s*$")


def _repeated_outlet(clause: str, start: int, end: int) -> int:
    """Where a run of credits starts when the characters glued before it stand again before a
    later credit word of the run (…偏低每经记者：某某 每经编辑：某某): they are the outlet's name."""
    before = clause[:start]
    for m in patterns().credit_word.finditer(clause, start + 1, end):
        for k in range(6, 1, -1):
            name = clause[m.start() - k:m.start()]
            if m.start() - k > start and _CJK_WORD.fullmatch(name) and before.endswith(name):
                return start - k
    return start


_STAMP = re.compile(r"\d{4}-\d{1,2}-\d{1,2}\s?\d{1,2}:\d{2}(?::\d{2})?\s?$")


def _stamp_before(clause: str, start: int) -> int:
    """Where the credits at `start` begin with the page's publishing time glued before them
    (…标题2023-08-17 08:41:27作者：某某): a header stamp, no part of the report."""
    stamp = _STAMP.search(clause, 0, start)
    return stamp.start() if stamp else start


def _name_before_credit(clause: str, m: re.Match) -> str:
    """作者：朝阳来源：某网 — between a credit word and its colon and the next credit, a name
    (which the tagger may read as a place or a word)."""
    following = patterns().head.search(clause, m.end())
    gap = clause[m.end():following.start()] if following else ""
    return gap if m.group(0).rstrip()[-1] in ":：丨" and _CJK_WORD.fullmatch(gap) and len(gap) <= 6 else ""


_SENTENCE_END = re.compile(r"[。！？!?]")
_BLANKS = re.compile(rf"[{BOUNDARY} ]*")
_NAME_CHARS = re.compile(rf"(?:(?!丨)[{HAN}·{BOUNDARY}])+")  # 丨 is a separator in the CJK block
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]+")  # jieba tags rare characters (謦) as x, like punctuation
_NOT_NAME = frozenset("p c u d m t x f q r v uj ul ug eng".split())  # function words, numbers, verbs


_BOUNDED_NAME = re.compile(rf"[{HAN}·]{{2,4}}{BOUNDARY}")


def _name_at(text: str, start: int) -> str:
    """The people's names that start at `start`: 2–4 characters between blanks that start with a
    surname or are tagged a name (李超 任珂 …, not 现场), then what jieba's tagger reads as a name.

    Rare given names are often tagged as something else (孙/nr 喆/yg, 时/n 争艳/a), so a surname
    character takes up to two more characters of any content word; further names must be tagged."""
    run, bounded = "", ""
    for _ in range(4):  # 尕玛多吉 李曾骙: a name the tagger does not know, then one it does
        if not (m := _BOUNDED_NAME.match(text, start + len(run))):
            break
        run += m.group(0)
        if _is_name(m.group(0)[:-1]):
            bounded = run
    return bounded + _tagged_name(text, start + len(bounded))


def _is_name(word: str) -> bool:
    import jieba.posseg

    from .tokens import _jieba

    _jieba()
    return word[0] in patterns().surnames or jieba.posseg.lcut(word)[0].flag.startswith("nr")


def _tagged_name(text: str, start: int) -> str:
    import jieba.posseg

    from .tokens import _jieba

    _jieba()  # quiet, and one dictionary for the tokenizer and the tagger
    surnames = patterns().surnames
    names, current = "", ""
    for word, flag in jieba.posseg.lcut(text[start:start + 16]):
        surname_only = len(current) == 1
        if flag.startswith("nr") and len(word) >= 2 and not surname_only:
            names, current = names + current, word
        elif (flag.startswith("nr") or flag == "n" or word in surnames) and len(word) == 1 and not current:
            current = word
        elif surname_only and len(word) <= 2 and (flag not in _NOT_NAME or (flag == "x" and _CJK_WORD.fullmatch(word))):
            current += word
        else:
            break
    names += current
    return names if len(names) >= 2 and len(current) >= 2 else ""
