"""问津 (wenjin): cited question answering over Chinese articles, offline by default.

The code lives in the repository's `rag/`, `index/`, `ui/` and `evals/` folders and is
installed as `wenjin.rag`, `wenjin.index`, `wenjin.ui` and `wenjin.evals`, so nothing
generic lands at the top of site-packages (see pyproject.toml's package-dir).
"""

__version__ = "0.1.0"

import logging as _logging

# jieba announces every dictionary load on stderr at DEBUG ("Building prefix dict …"), from whichever
# module first cuts a word; a filter on its logger (which jieba's import cannot reset, unlike the
# level) keeps that chatter out of every command's output while its warnings still show.
_logging.getLogger("jieba").addFilter(lambda record: record.levelno >= _logging.WARNING)
