"""A configured cross-encoder reorders the fused candidates; a bad one is refused with the setting's name.

No cross-encoder can be fetched here, so the test builds a small one (conftest.tiny_bert) and
loads it through sentence-transformers, as a user's downloaded model would be. Its scores mean
nothing; the test checks that the engine orders by them, over the fused candidates, and still
answers with citations.
"""

from pathlib import Path

import pytest

pytest.importorskip("sentence_transformers")  # the `st` extra; .ci/run installs it

from wenjin.rag.engine import Engine  # noqa: E402
from wenjin.rag.rerank import Reranker, get_reranker  # noqa: E402
from wenjin.rag.retrieve import RetrievalSettings  # noqa: E402
from wenjin.rag.settings import Settings  # noqa: E402

from conftest import tiny_bert  # noqa: E402

QUESTION = "德格帮扶项目有哪些"


@pytest.fixture(scope="module")
def cross_encoder(tmp_path_factory) -> Path:
    return tiny_bert(tmp_path_factory.mktemp("ce"), classifier=True)


def test_hits_follow_the_cross_encoder_over_the_fused_candidates(sample_index, cross_encoder):
    plain = Engine(Settings(index=sample_index), RetrievalSettings(rerank_candidates=12))
    fused = plain.retriever.search(QUESTION, top_k=12)
    reranked = Engine(Settings(index=sample_index, rerank_model=str(cross_encoder)),
                      RetrievalSettings(rerank_candidates=12))
    stages: dict[str, float] = {}
    hits = reranked.retriever.search(QUESTION, top_k=5, stages=stages)

    scores = Reranker(str(cross_encoder)).scores(QUESTION, [h.node.text for h in fused])
    by_model = [h.row for _, h in sorted(zip(scores, fused), key=lambda p: p[0], reverse=True)]
    assert [h.row for h in hits] == by_model[:5]
    assert [h.row for h in hits] != [h.row for h in fused[:5]]  # it did reorder
    assert hits[0].score == pytest.approx(max(scores), abs=1e-5)
    assert "rerank" in stages

    answer = reranked.ask(QUESTION)
    assert not answer.refused and answer.citations


def test_one_model_per_process_and_none_when_unset(cross_encoder):
    assert get_reranker(None) is None
    assert get_reranker(str(cross_encoder)) is get_reranker(str(cross_encoder))


def test_a_missing_model_names_the_setting(tmp_path, sample_index):
    with pytest.raises(ValueError, match="WENJIN_RERANK_MODEL"):
        Engine(Settings(index=sample_index, rerank_model=str(tmp_path / "no-such-model")))
