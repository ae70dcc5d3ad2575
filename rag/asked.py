"""What counts as an instance of the type of thing a question asks for: by the tagger's label, by a
common noun's ending, by the unit a number is written in. Shared by the sentence and span measurements.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import lang
from .question import Question
from .tagger import ORG, PERSON, PLACE, TIME

# which tagger labels instantiate each asked-for type
TYPE_TAGS = {"person": {PERSON, ORG}, "org": {ORG}, "place": {PLACE, ORG}, "date": {TIME},
             "number": {"m"}, "money": {"m"}}
DIGIT = re.compile(r"[\d一二三四五六七八九十两百千万亿]")
QUOTED = re.compile(r"“[^”]{2,30}”|《[^》]{1,30}》|「[^」]{2,30}」")

_SUFFIXED = {"person": "person_suffixes", "org": "org_suffixes", "place": "place_suffixes"}


def typed_word(q: Question, word) -> bool:
    """Is this tagged word an instance of the asked-for type: by its tag (PER for 谁), or, for the
    common nouns the tagger gives no name tag, by its ending (数学家, 商务部, 产业园)?"""
    wanted = TYPE_TAGS.get(q.wants or "")
    if not wanted or word.text in q.text or word.text in lang.words("answer", "anaphors"):
        return False  # 那一年 names no year: it points back to one
    if word.tag in wanted and (word.tag != "m" or DIGIT.search(word.text)):
        return not (q.wants == "money" and word.tag == "m" and "元" not in word.text)
    key = _SUFFIXED.get(q.wants or "")
    return bool(key) and word.tag in ("n", "nz", "nw") and len(word.text) >= 2 and \
        word.text.endswith(tuple(lang.words("answer", key)))


@lru_cache(maxsize=64)
def unit_forms(unit: str) -> re.Pattern:
    """Any way a number in `unit` is written (七成 for a share in %; lang.toml unit_forms)."""
    return re.compile("|".join(re.escape(f) for f in lang.data()["question"]["unit_forms"].get(unit, [unit])))
