"""The language data of rag/lang.toml, loaded once, with the matchers built from it."""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_PATH = Path(__file__).with_name("lang.toml")


@lru_cache(maxsize=1)
def data() -> dict:
    with _PATH.open("rb") as f:
        return tomllib.load(f)


def words(section: str, key: str) -> list[str]:
    return list(data()[section][key])


@lru_cache(maxsize=None)
def pattern(section: str, key: str) -> re.Pattern:
    """An alternation of the listed words, longest first, so 尚未 wins over 未."""
    return re.compile("|".join(re.escape(w) for w in sorted(words(section, key), key=len, reverse=True)))
