"""The dictionary an index keeps beside it cuts exactly as jieba's own does."""

import subprocess
import sys

from wenjin.index import tokens

TEXTS = ["德格县与武侯区共建蓉格协作产业园，8个帮扶项目集中签约总投资18.6亿元。",
         "锡会产业园累计引进了多少家企业？", "逢春麝业在海拔3500米以上种植红景天", "2023年7月28日"]


def test_an_index_keeps_jiebas_dictionary_beside_it(sample_index):
    assert tokens.dictionary_file(sample_index).stat().st_size > 1_000_000


def test_cutting_from_the_index_dictionary_matches_jieba(sample_index, tmp_path):
    """In a fresh process (so nothing is loaded yet) the index's SQLite dictionary, with and
    without the index's own terms, gives the same tokens as jieba's full dictionary here."""
    terms = ["逢春麝业", "蓉格协作产业园"]
    here = ([tokens.Tokenizer(terms).tokenize(t) for t in TEXTS] + [tokens.Tokenizer().tokenize(t) for t in TEXTS]
            + [tokens.plain_cutter().lcut(t) for t in TEXTS])
    code = (
        "import json, sys; from pathlib import Path; from wenjin.index import tokens;"
        f"d = tokens.dictionary_file(Path({str(sample_index)!r})); tokens.use_dictionary(d);"
        f"t = {TEXTS!r};"
        f"out = [tokens.Tokenizer({terms!r}, d).tokenize(x) for x in t] + [tokens.Tokenizer((), d).tokenize(x) for x in t]"
        " + [tokens.plain_cutter().lcut(x) for x in t];"
        "assert not tokens._jieba.cache_info().currsize, 'loaded the full dictionary';"
        "print(json.dumps(out, ensure_ascii=False))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    import json

    assert json.loads(out) == here
    assert any("逢春麝业" in t for t in here[2]) and any("麝业" in t for t in here[2])
