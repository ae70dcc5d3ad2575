"""The Engine facade: what every interface (CLI, web page, HTTP API, evals) calls.

A question passes through once, and `Engine` reads as that pipeline:

    analyse (rag/question.py) → retrieve (rag/retrieve.py) → rank sentences (rag/select.py:
    lexical measurements, then the embedder's similarity for the best few)
    → answerability gate (rag/gate.py) → answer: extractive (rag/answer.py) or LLM (rag/llm.py)
    → check every claim against its cited passage (rag/verify.py) → Answer
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Iterator, Sequence

from wenjin.index import store
from wenjin.index.embed import get_embedder
from wenjin.index.errors import ModelMismatch

from . import gate as gating, select, verify
from .answer import Composer, compose, date_note, ranked_sentences, stating_first
from .llm import LLMError, make_llm
from .prompt import answer_messages, condense_messages
from .question import (Question, analyse, body_names, name_core, split_clauses, split_parts, split_questions, spoken,
                       weigh, without_copula)
from .rerank import get_reranker
from .retrieve import RetrievalSettings, Retriever
from .select import Similarity
from .sentences import Sentence
from .settings import Settings
from .tagger import tag
from .types import Answer, Citation, Hit


def refusal_text(question: str) -> str:
    return f"资料中没有找到能回答“{question.strip()}”的内容。可以换个说法，或确认相关文章已导入。"


@dataclass
class Evidence:
    """One question's analysis, its passages, their ranked sentences and the gate's verdict."""

    question: Question
    hits: list[Hit]
    ranked: list[Sentence]
    gate: gating.Gate


class Engine:
    """One loaded index, retriever and answerer; built once per process and shared."""

    def __init__(self, settings: Settings | None = None, retrieval: RetrievalSettings | None = None) -> None:
        self.settings = settings or Settings()
        self.index = store.load(Path(self.settings.index))
        model = self.index.embed_model
        if self.settings.embed_model != model:
            raise ModelMismatch(
                f"索引 {self.settings.index} 用嵌入模型 {model!r} 建成，查询设置为 {self.settings.embed_model!r}；"
                f"请把 WENJIN_EMBED_MODEL 设为 {model!r}，或用新模型重新 ingest"
            )
        self.retriever = Retriever(self.index, get_embedder(model), retrieval, get_reranker(self.settings.rerank_model))
        self.llm = make_llm(self.settings)

    def warm_up(self) -> None:
        """Load what the first questions would otherwise pay for (jieba's dictionaries, the tagger,
        the query model), so a server's or a benchmark's first answer is not slow."""
        for question in ("项目投资多少", "有哪些项目"):
            self.ask(question, use_llm=False)  # local work only: never a paid LLM call

    @property
    def legs(self) -> list[str]:
        """The retrieval legs live now: BM25 alone while an index's vectors are still being built."""
        mode = self.retriever.settings.mode
        return {"hybrid": ["bm25", "dense"], "bm25": ["bm25"], "dense": ["dense"]}[mode]

    # --- the pipeline -------------------------------------------------------------
    def gather(self, question: str, filters: dict | None = None, top_k: int | None = None,
               timings: dict | None = None, hits: list[Hit] | None = None) -> Evidence:
        """Analyse, retrieve once (unless given the `hits` of the message a question is part of),
        rank the passages' sentences and decide answerability."""
        timings = timings if timings is not None else {}
        t0 = time.perf_counter()
        question = spoken(question)
        self.retriever.prefetch(question)
        tokens = self.retriever.query_tokens(question)
        q = analyse(question, weigh(question, tokens, self.retriever.idf))
        if hits is None:
            hits = self.retriever.search(question, top_k=top_k or self.settings.top_k, filters=filters)
        full = gating.written_out(q, hits, self.retriever.known)  # 农博会 where the passages say 农产品博览会
        if full != question:
            q = analyse(full, weigh(full, self.retriever.query_tokens(full), self.retriever.idf))
        t1 = time.perf_counter()
        ranked = ranked_sentences(q, hits, self.index.docs, self.similarity(full))
        verdict = gating.decide(q, hits, ranked, self.index.docs, self.unseen(q, hits), stating_first(q, ranked))
        if self.settings.refusal_threshold is not None:  # calibrated on the deployment's own questions
            verdict.threshold = self.settings.refusal_threshold
        _lap(timings, "retrieve_ms", t1 - t0)
        _lap(timings, "answer_ms", time.perf_counter() - t1)
        return Evidence(q, hits, ranked, verdict)

    def similarity(self, question: str) -> Similarity | None:
        """The embedder's similarity to `question`, for the answer model's second stage: only with the
        embedder that stage was fitted with, since another model's cosines are on another scale."""
        if select.load().semantic.get("embedder") != self.index.embed_model:
            return None
        return partial(self.retriever.similarities, question)

    def unseen(self, q: Question, hits: list[Hit]) -> tuple[str, ...]:
        """The question's weighty words that no indexed token holds and no retrieved passage contains,
        whole or abbreviated (`gate.unmentioned`): what the collection does not cover. A question
        whose only words the index knows are numbers and single characters (发烧38度5吃什么药: 38, 5, 度)
        shares no word of substance with it: all of it is unseen, whatever passages hold its digits."""
        vocab = self.retriever.known
        if q.weights and not any(vocab(t) for t in q.weights if len(t) >= 2 and not re.fullmatch(r"[\d.]+", t)):
            return tuple(q.weights)
        words = tuple(t for t, w in q.weights.items() if w > 1.0 and not vocab(t))
        # a name of known words (顺德+集团, 高德+产业园) is known only where some passage writes it
        named = tuple(n for n in body_names(q.text) if n not in words and not vocab(n))
        texts = [h.meta.get("title", "") + h.node.text for h in hits]
        named = tuple(n for n in named if not any(name_core(n) in t for t in texts))
        return gating.unmentioned(words + named, hits)

    def ask(self, question: str, history: Sequence[tuple[str, str]] = (), filters: dict | None = None,
            top_k: int | None = None, use_llm: bool = True) -> Answer:
        """Answer `question` from the index, or refuse.

        With an LLM configured (and `use_llm`), a follow-up is first rewritten into a standalone
        question using `history` (earlier (question, answer) turns), the LLM answers from the
        retrieved passages whenever the evidence gate lets it, and every claim is checked
        (rag/verify.py); an LLM failure or an answer with no supported claim gives the extractive
        answer with a notice. Without one, `history` is not read.
        `filters`: `since`/`until` (YYYY-MM-DD) and `source` (a source prefix).
        """
        question = _required(question)
        if not (self.llm and use_llm):
            return self._noted(self.extractive(question, filters, top_k))
        timings: dict[str, float] = {}
        standalone = self._standalone(question, history)
        ev = self.gather(standalone, filters, top_k, timings)
        if not ev.gate.passed_for_llm:
            return self._refusal(question, standalone, "llm", timings, ev)
        t0 = time.perf_counter()
        try:
            text = self.llm.chat(answer_messages(standalone, ev.hits))
        except LLMError as e:
            return self._fallback(question, standalone, ev, timings, f"大模型暂时无法回答（{e}）")
        _lap(timings, "llm_ms", time.perf_counter() - t0)
        return self._checked_llm(question, standalone, text, ev, timings)

    def stream(self, question: str, history: Sequence[tuple[str, str]] = (), filters: dict | None = None,
               top_k: int | None = None, use_llm: bool = True) -> Iterator[str | Answer]:
        """Text pieces as they are written, then the finished Answer.

        The final Answer is authoritative: its text has bad markers removed and unsupported
        claims flagged, and it carries the checked citations. The extractive answer, the
        refusal and the fallback come as one piece.
        """
        question = _required(question)
        if not (self.llm and use_llm):
            answer = self._noted(self.extractive(question, filters, top_k))
            yield answer.text
            yield answer
            return
        timings: dict[str, float] = {}
        standalone = self._standalone(question, history)
        ev = self.gather(standalone, filters, top_k, timings)
        if not ev.gate.passed_for_llm:
            answer = self._refusal(question, standalone, "llm", timings, ev)
            yield answer.text
            yield answer
            return
        t0, pieces, shown = time.perf_counter(), [], False
        passages = _passages(ev.hits)
        try:
            buffer = ""
            for piece in self.llm.stream(answer_messages(standalone, ev.hits)):
                pieces.append(piece)
                buffer += piece
                while (cut := verify.sentence_end(buffer)) is not None:
                    # each sentence is checked before it is shown: a planted instruction the LLM
                    # obeyed reaches the reader flagged, never as a plain statement
                    sentence, buffer = buffer[:cut], buffer[cut:]
                    shown = True
                    yield verify.check(sentence, passages)[0]
            if not "".join(pieces).strip():
                raise LLMError("大模型返回了空回答")
            if buffer and not verify.is_refusal("".join(pieces)):
                yield verify.check(buffer, passages)[0]
        except LLMError as e:
            answer = self._fallback(question, standalone, ev, timings, f"大模型暂时无法回答（{e}）")
            yield ("\n" if shown else "") + answer.text
            yield answer
            return
        _lap(timings, "llm_ms", time.perf_counter() - t0)
        yield self._checked_llm(question, standalone, "".join(pieces), ev, timings)

    # --- extractive -------------------------------------------------------------------
    def extractive(self, question: str, filters: dict | None = None, top_k: int | None = None) -> Answer:
        """The extractive answer (or refusal) to one question, without any LLM."""
        timings: dict[str, float] = {}
        said, question = question, spoken(question)  # parted and read as typed; refusals quote it as typed
        if asked := split_questions(question) or split_parts(question):
            return self._each(said, asked, filters, top_k, timings)
        composer = Composer()
        ev = self.gather(question, filters, top_k, timings)
        composed = compose(ev.question, ev.ranked, self.index.docs, composer) if ev.gate.passed else None
        if composed is None:
            return self._refusal(said, said, "extractive", timings, ev)
        if clauses := split_clauses(question):
            composed = self._completed(clauses, ev, composed, composer, filters, top_k, timings)
        answer = Answer(said, _dated(composed[0], composed[1]), composed[1], False, "extractive", timings)
        answer.answerability = round(ev.gate.score, 4)
        return answer

    def _each(self, message: str, asked: list[str], filters: dict | None, top_k: int | None,
              timings: dict) -> Answer:
        """Several questions in one message, each answered from the passages the whole message finds
        (a later one often leaves its subject to the first: 签了几个项目？签约总额是多少？). The first line
        holds each one's short answer, or says it was not found; the quotes follow."""
        whole = self.gather(message, filters, top_k, timings)
        best = {s.meta["doc_id"] for s in whole.ranked[:1]}
        read = "".join(self.index.docs[d]["metadata"].get("title", "") + self.index.docs[d]["text"] for d in best)
        composer, firsts, rest, scores = Composer(), [], [], []
        for part in asked:
            # a part naming nothing the rest of the message does not (线下展区设在哪里？) asks about what
            # the message is about: its best article. The gate reads it with the names the message
            # gives it (聊城…？首批进了几家机构 asks of 聊城's, which an article on 德州's does not
            # answer); its own words pick the sentence, as the names would pick the article's lead.
            # A part with a name, or a rare word, neither the rest nor that article holds (锡会产业园 of
            # A和锡会产业园的总投资分别是多少) asks of something else, found by a search of its own.
            others = "".join(p for p in asked if p != part)
            hits = [h for h in whole.hits if h.meta["doc_id"] in best]
            ev = self.gather(part, filters, top_k, timings, hits=hits)
            top = max(ev.question.weights.values(), default=0.0)  # rare for this collection: half the rarest's weight
            new = [n for n in ev.question.names if n not in others] or [
                t for t, w in ev.question.weights.items() if len(t) >= 2 and w >= top / 2 and t not in others + read]
            if new:
                ev = self.gather(part, filters, top_k, timings)
            if lent := "" if new else "".join(n for n in whole.question.names if n not in part):
                ev.gate = self.gather(lent + part, filters, top_k, timings, hits=hits).gate
            composed = compose(ev.question, ev.ranked, self.index.docs, composer) if ev.gate.passed else None
            lines = composed[0].split("\n") if composed else [f"资料中没有找到“{part.rstrip('？? ')}”的答案"]
            if (first := lines[0].rstrip("。；")) not in firsts:  # one clause may answer both (来自20个国家的300余名嘉宾)
                firsts.append(first)
            rest += [line for line in lines[1:] if line not in rest]
            scores.append(ev.gate.score)
        if not composer.citations:
            return self._refusal(message, message, "extractive", timings, whole)
        answer = Answer(message, _dated("\n".join(["；".join(firsts), *rest]), composer.citations),
                        composer.citations, False, "extractive", timings)
        answer.answerability = round(max(scores), 4)
        return answer

    def _completed(self, clauses: list[str], ev: Evidence, composed: tuple[str, list[Citation]], composer: Composer,
                   filters: dict | None, top_k: int | None, timings: dict) -> tuple[str, list[Citation]]:
        """The answer to a question asking two things in clauses of one sentence (带动了多少户，每亩能多挣多少),
        with each clause its quotes do not answer answered from the best article, as a question of its
        own: the sentence that answers the whole often states only one of the facts. A clause is read
        as `_each` reads a follow-up: gated with the names the question gives it, its sentence picked
        by its own words. Nothing is taken away, and a clause the article does not answer adds nothing."""
        lines = composed[0].split("\n")
        best = ev.ranked[0].meta["doc_id"]
        hits = [h for h in ev.hits if h.meta["doc_id"] == best]
        quoted = _cited(ev.ranked, composer.citations)
        firsts, rest = [lines[0].rstrip("。；")], lines[1:]
        weights = ev.question.weights
        for clause in clauses:
            # the names the rest gives it, or else its heaviest word (养多少头 asks of the 马麝 named before)
            lent = "".join(n for n in ev.question.names if n not in clause) or max(
                (t for t in weights if len(t) >= 2 and t not in clause), key=weights.get, default="")
            asked = self.gather(lent + clause, filters, top_k, timings, hits=hits)
            if not asked.gate.passed or gating.kind_stated(asked.question, quoted, hits, self.index.docs) \
                    and _acted(asked.question, quoted):
                continue
            own = self.gather(clause, filters, top_k, timings, hits=hits) if lent else asked
            # a sentence already quoted comes first: its quote may show only the clauses the rest of
            # the question asked for (依托哪家企业，养多少头: the herd's size ends the same sentence)
            whole = [s for s in ev.ranked if any(c.doc_id == s.meta["doc_id"] and s.start <= c.start < s.end
                                                  for c in composer.citations)]
            pool = whole + own.ranked[:3]
            stating = [s for i, s in enumerate(pool) if s not in pool[:i]
                       and gating.kind_stated(asked.question, [s], hits, self.index.docs) and _acted(asked.question, [s])]
            if not stating:
                continue
            more = compose(own.question, stating, self.index.docs, composer)[0].split("\n")
            if (first := more[0].rstrip("。；")) in firsts:
                continue
            firsts.append(first)
            rest += [line for line in more[1:] if line not in rest]
            quoted = _cited(ev.ranked, composer.citations)
        if len(firsts) == 1:
            return composed
        return "\n".join(["；".join(firsts), *rest]), composer.citations

    def _refusal(self, question: str, standalone: str, mode: str, timings: dict, ev: Evidence) -> Answer:
        answer = Answer(question, refusal_text(standalone), [], True, mode, timings)
        answer.answerability = round(ev.gate.score, 4)
        return answer

    def _noted(self, answer: Answer) -> Answer:
        if self.retriever.dense_pending and not answer.notice:
            answer.notice = f"向量索引仍在构建（还有 {self.retriever.dense_pending} 个文本块），本次只用了关键词检索。"
        return answer

    # --- the LLM path -------------------------------------------------------------------
    def _standalone(self, question: str, history: Sequence[tuple[str, str]]) -> str:
        """A follow-up rewritten into a question that can be searched on its own."""
        if not history:
            return question
        try:
            rewritten = self.llm.chat(condense_messages(question, list(history))).strip().splitlines()[0]
            return rewritten.strip() or question
        except (LLMError, IndexError):
            return question  # retrieval with the raw follow-up still beats failing

    def _fallback(self, question: str, standalone: str, ev: Evidence, timings: dict, why: str) -> Answer:
        """The extractive answer from the same evidence, introduced by why the LLM's was not used."""
        if ev.gate.passed:
            composed = compose(ev.question, ev.ranked, self.index.docs)
        else:
            composed = None
        if composed is None:
            answer = self._refusal(question, standalone, "extractive", timings, ev)
        else:
            answer = Answer(question, _dated(*composed), composed[1], False, "extractive", timings)
        answer.notice = f"{why}，以下是从资料中直接摘录的回答。"
        answer.text = f"{answer.notice}\n{answer.text}"
        answer.answerability = round(ev.gate.score, 4)
        return answer

    def _checked_llm(self, question: str, standalone: str, text: str, ev: Evidence, timings: dict) -> Answer:
        """The LLM's text with every claim checked against the passages it was given."""
        t0 = time.perf_counter()
        if verify.is_refusal(text):
            return self._refusal(question, standalone, "llm", timings, ev)
        checked, checks = verify.check(text, _passages(ev.hits))
        _lap(timings, "verify_ms", time.perf_counter() - t0)
        if not any(c.supported for c in checks):
            answer = self._fallback(question, standalone, ev, timings, "大模型的回答没有一处能在资料中得到证实")
            answer.verification = [c.to_dict() for c in checks]
            return answer
        citations = self._llm_citations(checks, ev.hits)
        answer = Answer(question, _dated(checked, citations), citations, False, "llm", timings,
                        verification=[c.to_dict() for c in checks])
        if not all(c.supported for c in checks):
            answer.notice = "回答中标有〔资料未证实〕的内容没有在所引资料中找到依据，请谨慎使用。"
        answer.answerability = round(ev.gate.score, 4)
        return answer

    @staticmethod
    def _llm_citations(checks: list[verify.ClaimCheck], hits: list[Hit]) -> list[Citation]:
        citations = []
        for n in dict.fromkeys(n for c in checks for n in c.cited):
            hit, mine = hits[n - 1], [c for c in checks if n in c.cited]
            s, e = verify.best_sentence(hit.node.text, mine[0].claim)
            m, start = hit.meta, hit.meta["start"] + s
            citations.append(Citation(n, m["doc_id"], m["source"], m.get("title", ""), m.get("date", ""),
                                      hit.node.text[s:e], start, start + e - s, m.get("outlet", ""),
                                      m.get("url", ""), list(m.get("also", [])),
                                      verified=any(c.supported for c in mine)))
        return citations


def _acted(q: Question, quoted: list[Sentence]) -> bool:
    """Do the quotes hold the act a person or body is asked of (承办 of 由哪所高校承办)? A quote naming a
    body (在某大学开班) does not say who 主办 and who 承办."""
    if q.wants not in ("person", "org"):
        return True
    verbs = [w.text for w in tag(q.text) if w.tag == "v" and without_copula(w.text)]  # 依托的是: 依托
    return not verbs or any(verbs[-1] in s.text for s in quoted)


def _cited(ranked: list[Sentence], citations: list[Citation]) -> list[Sentence]:
    """What an answer quotes, as sentences: a long sentence's quote shows only some of its clauses."""
    return [replace(s, text=c.quote, start=c.start, end=c.end, before="") for c in citations for s in ranked
            if c.doc_id == s.meta["doc_id"] and s.start <= c.start < s.end]


def _passages(hits: list[Hit]) -> dict[int, str]:
    """The passages as the LLM was given them, by number, each with its title and date (the model
    dates a 10月19日 of the passage by the article's year, and the checker must know that year)."""
    return {n: f"{verify.dated_title(h.meta.get('title', ''), h.meta.get('date', ''))}\n{h.node.text}"
            for n, h in enumerate(hits, 1)}


def _lap(timings: dict, key: str, seconds: float) -> None:
    timings[key] = round(timings.get(key, 0.0) + seconds * 1000, 1)


def _required(question: str) -> str:
    question = (question or "").strip()
    if not question:
        raise ValueError("问题不能为空")
    return question


def _dated(text: str, citations: list) -> str:
    note = date_note(citations)
    return f"{text}\n{note}" if note else text
