"""Shared fixtures: one real index of the shipped sample corpus per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "articles"
GOLD = ROOT / "samples" / "gold.jsonl"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
SHARED_CRUD = ROOT.parent / "shared" / "bench" / "crud" / "dev_questions.jsonl"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")  # Debian's; .ci/run installs it
ARTIFACTS = ROOT / "test-artifacts"  # screenshots of the browser tests


@pytest.fixture(autouse=True)
def hermetic(monkeypatch, tmp_path):
    """No test reads the developer's environment or wenjin.toml."""
    for var in ("WENJIN_INDEX", "WENJIN_EMBED_MODEL", "WENJIN_LLM_BASE_URL", "WENJIN_LLM_MODEL", "WENJIN_LLM_API_KEY",
                "WENJIN_LLM_TIMEOUT", "WENJIN_LLM_MAX_RETRIES", "WENJIN_TOP_K", "WENJIN_TERMS_FILE",
                "WENJIN_RERANK_MODEL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium driven by Playwright (the tests using it skip where no Chromium is installed)."""
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                              args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        yield b
        b.close()


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory) -> Path:
    from wenjin.index.ingest import ingest

    root = tmp_path_factory.mktemp("sample") / "index"
    ingest([SAMPLES], root, progress=False)
    return root


@pytest.fixture
def sample_copy(sample_index, tmp_path) -> Path:
    """A private copy of the sample index (with its vector cache) that a test may change."""
    dest = tmp_path / "index"
    shutil.copytree(sample_index, dest, symlinks=True)
    return dest


@pytest.fixture(scope="session")
def engine(sample_index):
    from wenjin.rag.engine import Engine
    from wenjin.rag.settings import Settings

    return Engine(Settings(index=sample_index))


def tiny_bert(root: Path, classifier: bool) -> Path:
    """A 2-layer BERT with a character vocabulary of the samples and seeded random weights, saved
    where sentence-transformers loads it from: no model can be fetched here, and the `st` extra's
    code paths should still run on a real model. Its outputs mean nothing."""
    import torch
    from transformers import BertConfig, BertForSequenceClassification, BertModel, BertTokenizer

    chars = sorted({c for p in SAMPLES.iterdir() for c in p.read_text(encoding="utf-8", errors="ignore")
                    if not c.isspace()})
    root.mkdir(parents=True, exist_ok=True)
    (root / "vocab.txt").write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *chars]), encoding="utf-8")
    BertTokenizer(str(root / "vocab.txt"), do_lower_case=False, model_max_length=512).save_pretrained(root)
    torch.manual_seed(7)
    config = BertConfig(vocab_size=len(chars) + 5, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=512, num_labels=1)
    (BertForSequenceClassification if classifier else BertModel)(config).save_pretrained(root)
    return root
