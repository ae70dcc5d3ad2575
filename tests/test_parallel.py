"""The process pool behind ingest's tokenising, name discovery and MinHash signatures."""

import os

from wenjin.index import parallel
from wenjin.index.tokens import Tokenizer


def test_pmap_keeps_order_and_counts_progress_across_processes():
    texts = [f"成都第{i}个项目在德格落地" for i in range(parallel.MIN_ITEMS + 300)]
    tokenizer = Tokenizer({"德格"})
    done = []
    out = parallel.pmap(tokenizer.tokenize, texts, done.append)
    assert out == [tokenizer.tokenize(t) for t in texts]
    assert sum(done) == len(texts)


def test_pmap_runs_in_workers_when_the_input_is_big(monkeypatch):
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    pids = set(parallel.pmap(lambda _: os.getpid(), range(parallel.MIN_ITEMS)))
    assert os.getpid() not in pids and len(pids) >= 1


def test_small_inputs_stay_in_process():
    assert set(parallel.pmap(lambda _: os.getpid(), range(10))) == {os.getpid()}


def test_work_off_the_main_thread_never_forks():
    import threading

    seen = []
    t = threading.Thread(target=lambda: seen.extend(parallel.pmap(lambda _: os.getpid(), range(parallel.MIN_ITEMS))))
    t.start()
    t.join()
    assert set(seen) == {os.getpid()}
