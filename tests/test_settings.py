"""Settings precedence: flags, then WENJIN_* variables, then wenjin.toml in the working directory."""

import pytest

from wenjin.rag.settings import Settings


def test_toml_then_environment_then_flags(tmp_path, monkeypatch):
    (tmp_path / "wenjin.toml").write_text('index = "from-toml"\ntop_k = 3\nchunk_chars = 200\n', "utf-8")
    assert Settings().index.name == "from-toml" and Settings().top_k == 3
    monkeypatch.setenv("WENJIN_TOP_K", "4")
    assert Settings().top_k == 4 and Settings().chunk_chars == 200
    assert Settings(top_k=5).top_k == 5


def test_out_of_range_values_name_the_field(monkeypatch):
    monkeypatch.setenv("WENJIN_TOP_K", "0")
    with pytest.raises(ValueError, match="top_k"):
        Settings()
