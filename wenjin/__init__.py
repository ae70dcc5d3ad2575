"""问津 (wenjin): cited question answering over Chinese articles, offline by default.

The code lives in the repository's `rag/`, `index/`, `ui/` and `evals/` folders and is
installed as `wenjin.rag`, `wenjin.index`, `wenjin.ui` and `wenjin.evals`, so nothing
generic lands at the top of site-packages (see pyproject.toml's package-dir).
"""

__version__ = "0.1.0"
