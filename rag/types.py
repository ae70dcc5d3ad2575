"""The objects every interface shares: a retrieved hit, a citation, an answer."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from wenjin.index.store import Chunk


@dataclass
class Hit:
    node: Chunk
    score: float
    row: int
    bm25_rank: int | None = None
    dense_rank: int | None = None

    @property
    def meta(self) -> dict:
        return self.node.metadata


@dataclass
class Citation:
    n: int
    doc_id: str
    source: str
    title: str
    date: str
    quote: str
    start: int
    end: int
    outlet: str = ""
    url: str = ""
    also: list[dict] = field(default_factory=list)  # reprints of the same article: {source, title, date, outlet, url}
    verified: bool | None = None  # LLM answers: a claim citing this passage is supported by it (None: extractive)


@dataclass
class Answer:
    question: str
    text: str
    citations: list[Citation] = field(default_factory=list)
    refused: bool = False
    mode: str = "extractive"
    timings: dict[str, float] = field(default_factory=dict)
    notice: str = ""                      # e.g. the LLM failed and this is the extractive fallback
    verification: list[dict] = field(default_factory=list)  # LLM answers: one check per claim (rag/verify.py)
    answerability: float | None = None    # the evidence gate's score (rag/gate.py); None where no gate ran

    def to_dict(self) -> dict:
        """The JSON contract of `ask --json` and `POST /api/ask`."""
        return {
            "question": self.question,
            "answer": self.text,
            "citations": [asdict(c) for c in self.citations],
            "refused": self.refused,
            "mode": self.mode,
            "timings": self.timings,
            "notice": self.notice,
            "verification": self.verification,
            "answerability": self.answerability,
        }
