"""How long one question takes from the command line: `wenjin bench cli`.

People try `wenjin ask` before they start a server, and a new process pays for everything a
server pays once: imports, jieba's dictionary, the tagger, the query model, the index. Each run
measures, in the same minutes so that machine load hits all alike:

- `wenjin --help` (the floor: Python and the command's own imports),
- cold `wenjin ask` (a new process, the operating system's file cache already warm),
- warm asks (the same question again inside one process, the engine loaded),

and reports medians and the cold/help ratio, the figure that holds across machines.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from tqdm import tqdm

from .report import save

COMMAND = [sys.executable, "-m", "wenjin"]


def _wall(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(COMMAND + args, check=True, capture_output=True)
    return time.perf_counter() - start


def measure(index: Path, question: str, repeats: int = 5) -> dict:
    ask = ["ask", question, "--index", str(index), "--no-llm"]
    _wall(ask)  # fills the file cache; not counted
    help_s, cold_s = [], []
    for _ in tqdm(range(repeats), desc="冷启动", unit="轮"):
        help_s.append(_wall(["--help"]))
        cold_s.append(_wall(ask))
    from wenjin.rag.engine import Engine
    from wenjin.rag.settings import Settings

    engine = Engine(Settings(index=index))
    engine.ask(question, use_llm=False)
    warm_s = []
    for _ in range(repeats):
        engine.retriever.forget_queries()  # the model call is part of a warm answer too
        start = time.perf_counter()
        engine.ask(question, use_llm=False)
        warm_s.append(time.perf_counter() - start)
    result = {"question": question, "repeats": repeats,
              "help_s": statistics.median(help_s), "cold_ask_s": statistics.median(cold_s),
              "warm_ask_s": statistics.median(warm_s), "runs": {"help": help_s, "cold": cold_s, "warm": warm_s}}
    result["cold_over_help"] = result["cold_ask_s"] / result["help_s"]
    return result


def table(r: dict) -> str:
    return "\n".join([
        "| what | median seconds | × `wenjin --help` |", "|---|---|---|",
        f"| `wenjin --help` | {r['help_s']:.2f} | 1.0 |",
        f"| `wenjin ask` cold (new process) | {r['cold_ask_s']:.2f} | {r['cold_over_help']:.1f} |",
        f"| ask warm (engine loaded) | {r['warm_ask_s']:.3f} | {r['warm_ask_s'] / r['help_s']:.2f} |",
    ])


def _plot(r: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5.5, 2.6))
    names = ["wenjin --help", "ask, cold", "ask, warm"]
    ax.barh(names, [r["help_s"], r["cold_ask_s"], r["warm_ask_s"]], color=["#999", "#c44", "#4a4"])
    ax.set_xlabel("seconds (median)")
    ax.invert_yaxis()
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def run(index: Path, question: str, repeats: int, out: Path) -> str:
    result = measure(index, question, repeats)
    text = table(result)
    save(out, "cli", result, text, _plot)
    return text
