"""Spread CPU-bound pure-Python work (jieba, MinHash) over the machine's cores.

jieba and datasketch hold the GIL, so threads gain nothing; processes do. Written
by hand over `multiprocessing` because the standard pools pickle the function,
and ours are bound to a loaded jieba dictionary: forked workers inherit it (and
everything else the parent loaded) for free. Small inputs, and platforms
without fork, run in-process: a pool costs ~50 ms to start. So does work on any
thread but the main one (the web server's upload handler): forking a process
whose other threads may hold locks is how deadlocks are made.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import threading
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 1000   # below this the work takes less than the pool's start-up
BATCH = 128
_fn: Callable | None = None  # the function, handed to forked workers by inheritance


def workers() -> int:
    """Cores this process may use (cgroup/affinity aware), at most 8."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 8))


def pmap(fn: Callable[[T], R], items: Sequence[T], progress: Callable[[int], object] | None = None) -> list[R]:
    """[fn(x) for x in items], in order, on every core when the input is big enough."""
    global _fn
    if workers() < 2 or len(items) < MIN_ITEMS or "fork" not in mp.get_all_start_methods() \
            or threading.current_thread() is not threading.main_thread():
        out = []
        for x in items:
            out.append(fn(x))
            if progress:
                progress(1)
        return out
    batches = [items[i:i + BATCH] for i in range(0, len(items), BATCH)]
    _fn, out = fn, []
    try:
        with mp.get_context("fork").Pool(workers()) as pool:
            for batch, results in zip(batches, pool.imap(_run, batches)):
                out.extend(results)
                if progress:
                    progress(len(batch))
    finally:
        _fn = None
    return out


def _run(batch: Sequence) -> list:
    return [_fn(x) for x in batch]
