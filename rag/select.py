"""Which sentence states the answer: one logistic model over general signals.

Every candidate sentence gets the same few measurements: how much of the question's
word weight it holds (alone, with its headline and previous sentence, and its whole
article), whether it names the question's names and states its numbers, how closely
it repeats the words around the question word, whether the tagger finds in it an
instance of the type of thing asked for (a person for 谁, a place for 哪里, a count
in the asked unit for 几套) that the question does not already name, and a few more.
The weights are fitted on the CRUD train questions by `wenjin bench fit-answers`
(evals/fit.py) and stored in rag/answer_model.json; nothing here is tuned by hand.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from . import lang
from .asked import DIGIT, QUOTED, TYPE_TAGS, typed_word, unit_forms
from .question import Question
from .sentences import Sentence, as_asked, coverage
from .span import best
from .tagger import NAMED, tag
from .weights import Model, load, logit

PREFILTER = 24  # sentences measured in full (the tagger costs a few ms a sentence)


FEATURES = ("cover", "context", "doc", "names", "names_doc", "numbers", "near", "shared", "focus", "kind", "typed",
            "typed_far", "unit", "quoted", "bigram", "lead", "length", "typed_x_number", "typed_x_named",
            "typed_x_date", "typed_x_what", "marker", "span")


Similarity = Callable[[Sequence[str]], list[float]]  # the embedder's cosine of each text to the question


def _bigrams(text: str) -> set[str]:
    text = re.sub(r"[\s，。？！?!,、：:；;“”\"（）()]", "", text)
    return {text[i:i + 2] for i in range(len(text) - 1)}


def closeness(text: str, around: tuple[str, str]) -> float:
    """Share of the question's wording next to its question word found verbatim in the sentence:
    the longest tail of the text before it plus the longest head of the text after it."""
    before, after = around
    tail = next((n for n in range(len(before), 1, -1) if before[-n:] in text), 0)
    head = next((n for n in range(len(after), 1, -1) if after[:n] in text), 0)
    return (tail + head) / max(1, len(before) + len(after))


def shared_run(question: str, text: str) -> tuple[int, int]:
    """(length, position in `text`) of the longest run of characters the question and the text share.

    Written by hand (difflib's SequenceMatcher finds the same block but is slower on every
    candidate sentence): a dynamic programme over the two short strings."""
    best, at = 0, -1
    prev = [0] * (len(text) + 1)
    for a in question:
        row = [0] * (len(text) + 1)
        for j, b in enumerate(text, 1):
            if a == b:
                row[j] = prev[j - 1] + 1
                if row[j] > best:
                    best, at = row[j], j - row[j]
        prev = row
    return best, at


def names_instance(text: str, q: Question) -> bool:
    """Does the text name an instance of the noun the question asks about, in words the question lacks
    (互利共赢原则 for 什么原则, 蔚山市 for 哪个城市)? The kind's last character stands for it too."""
    if not q.kind_noun:
        return False
    return any(True for _ in kind_instances(text, q))


def kind_instances(text: str, q: Question):
    """(start, end) of each instance of the asked noun: two or more characters the question lacks right
    before the noun, or before 为/作为 and a closing quote (以“算力筑基”为主题)."""
    if not q.kind_noun:
        return
    members = lang.data()["answer"]["kind_members"].get(q.kind_noun)
    if members == "quoted":
        yield from (m.span() for m in QUOTED.finditer(text) if m.group()[1:-1] not in q.text)
    elif members:
        for w in tag(text):
            if w.text.endswith(tuple(lang.words("answer", members))) and w.text not in q.text:
                yield w.start, w.end
    kinds = [q.kind_noun] + ([q.kind_noun[-1]] if q.wants in ("place", "org") else [])  # 蔚山市 for 哪个城市
    for kind in dict.fromkeys(kinds):
        for m in re.finditer(re.escape(kind), text):
            end = m.start()
            gap = re.search(r"[”」》\"]?(?:为|作为)?$", text[:end])
            end -= len(gap.group()) if gap else 0
            lead = text[max(0, end - 2): end]
            if len(lead) == 2 and re.fullmatch(r"[\u4e00-\u9fff\w]{2}", lead) and lead not in q.text \
                    and not any(c in "的了是在和与及这那该此其各等" for c in lead):
                yield max(0, end - 8), m.end()


def instances(q: Question, text: str) -> list[tuple[int, int]]:
    """Spans of `text` that are instances of the asked-for type and not words of the question."""
    wanted = TYPE_TAGS.get(q.wants or "")
    out = []
    if wanted:
        out = [(w.start, w.end) for w in tag(text) if typed_word(q, w)]
    elif q.wants == "what":
        out = [(w.start, w.end) for w in tag(text) if w.tag in NAMED and w.text not in q.text]
        out += [m.span() for m in QUOTED.finditer(text) if m.group()[1:-1] not in q.text]
    return out


def _marker(q: Question, text: str) -> float:
    if q.wants in ("reason", "manner"):
        return float(bool(lang.pattern("answer", f"{q.wants}_markers").search(text)))
    return 0.0


def _matched(q: Question, text: str) -> list[int]:
    """Positions in `text` of the question's content words and of the longest run it shares with it."""
    length, at = shared_run(q.content, text)
    return [m.start() for t in q.weights if len(t) >= 2 for m in re.finditer(re.escape(t), text)] + \
        ([at, at + length] if length >= 2 else [])


def cheap(q: Question, s: Sentence, doc_text: str) -> dict[str, float]:
    """The measurements that need no tagger."""
    title = s.meta.get("title", "")
    own = coverage(q.weights, s.text)
    names = [n for n in q.names]
    qb = _bigrams(q.text)
    return {
        "cover": own,
        "context": coverage(q.weights, s.text, s.before, title) - own,
        "doc": coverage(q.weights, title, doc_text),
        "names": sum(n in s.text for n in names) / len(names) if names else 1.0,
        "names_doc": sum(n in title + doc_text for n in names) / len(names) if names else 1.0,
        "numbers": float(all(n in s.before + s.text + title for n in q.numbers)),
        "near": closeness(s.text, q.around),
        "shared": shared_run(q.content, s.text)[0] / max(1, len(q.content)),
        "focus": float(any(f in s.text for f in q.focus)) if q.focus else 0.5,
        "kind": float(names_instance(s.text, q)),
        "quoted": float(bool(QUOTED.search(s.text))),
        "bigram": len(qb & _bigrams(s.text)) / max(1, len(qb)),
        "lead": float(s.first),
        "length": min(len(s.text), 200) / 100,
        "marker": _marker(q, s.text),
    }


@lru_cache(maxsize=64)
def in_unit(unit: str) -> re.Pattern:
    """A number followed by `unit` in one of its forms."""
    return re.compile(rf"{DIGIT.pattern}\s*(?:{unit_forms(unit).pattern})")


def measure(q: Question, s: Sentence, doc_text: str, base: dict[str, float] | None = None) -> dict[str, float]:
    """Every measurement of one sentence (see FEATURES)."""
    x = dict(base or cheap(q, s, doc_text))
    found = instances(q, s.text)
    anchors = _matched(q, s.text)
    near = [sp for sp in found if anchors and min(abs(sp[0] - a) for a in anchors) <= 20]
    typed = float(bool(near))
    x["typed"] = typed
    x["typed_far"] = float(bool(found) and not near)
    x["unit"] = float(bool(q.unit) and bool(in_unit(q.unit).search(s.text)))
    group = {"number": "number", "money": "number", "date": "date", "what": "what"}.get(q.wants or "", "named")
    for g in ("number", "named", "date", "what"):
        x[f"typed_x_{g}"] = typed if g == group and q.wants else 0.0
    x["span"] = _span_belief(q, s.text)
    return x


def _span_belief(q: Question, text: str) -> float:
    """The span model's probability for the best answer span the sentence offers: a sentence whose
    words frame a span of the asked kind (同比增长88.0% for 同比增长了多少) states the answer more
    surely than one that only shares the question's topic words (营业利润率为18.9%)."""
    found = best(q, text)
    return found[2] if found else 0.0


def measured(q: Question, sents: list[Sentence], docs: dict[str, dict]) -> list[tuple[Sentence, dict[str, float]]]:
    """Every sentence with its measurements: in full for the PREFILTER most promising by the cheap
    ones, the tagger's left at 0 for the rest (they rank below anyway)."""
    out = []
    for s in sents:
        seen = as_asked(s, q.text, docs)
        base = cheap(q, seen, docs[s.meta["doc_id"]]["text"])
        out.append((base["cover"] + 0.5 * base["context"] + 0.5 * base["doc"] + base["near"] + base["shared"], s, seen, base))
    out.sort(key=lambda t: -t[0])
    return [(s, measure(q, seen, "", base) if i < PREFILTER else base) for i, (_, s, seen, base) in enumerate(out)]


def rank(q: Question, sents: list[Sentence], docs: dict[str, dict], model: Model | None = None) -> list[Sentence]:
    """The sentences, best first, each with its probability of stating the answer in `.score`."""
    model = model or load()
    pairs = measured(q, sents, docs)
    for s, x in pairs:
        s.score = model.probability(x)
    return sorted((s for s, _ in pairs), key=lambda s: -s.score)


def semantic_measures(scores: Sequence[float], sims: Sequence[float]) -> list[dict[str, float]]:
    """The second stage's measurements of the first stage's best sentences: its log-odds, the
    embedder's question–sentence cosine, and that cosine against the best of them."""
    best = max(sims)
    return [{"logit": logit(p), "cos": c, "cos_gap": c - best} for p, c in zip(scores, sims)]


def semantic(ranked: list[Sentence], similarity: Similarity, model: Model | None = None) -> list[Sentence]:
    """The first stage's best few sentences re-ranked with the embedder's similarity to the question.

    The lexical measurements miss an answer that words the question differently (试飞地点 for a
    sentence saying 在…进行了试飞); the embedder sees it, but costs ~25 ms a sentence, so only the
    `top` best are embedded, and their scores become the second stage's probabilities. An article's
    headline is left out: it sums the article up, so the embedder finds it close to any question
    about it, and the CRUD articles the stage was fitted on have no headline line to learn that
    from. It keeps the first stage's score; the other sentences are capped below the re-ranked ones."""
    model = model or load()
    body = [s for s in ranked if s.text != s.meta.get("title")]
    pool, rest = body[: model.semantic.get("top", 0)], body[model.semantic.get("top", 0):]
    if len(pool) < 2:
        return ranked
    for s, x in zip(pool, semantic_measures([s.score for s in pool], similarity([s.text for s in pool]))):
        s.score = model.semantic_probability(x)
    floor = min(s.score for s in pool)
    for s in rest:
        s.score = min(s.score, floor)
    return sorted(ranked, key=lambda s: -s.score)
