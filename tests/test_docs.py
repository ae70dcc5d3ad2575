"""README and docs stay true: generated tables match the committed results, links resolve."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", ROOT / "RELIABILITY.md", *sorted((ROOT / "docs").glob("*.md"))]


def test_readme_is_short():
    assert len((ROOT / "README.md").read_text("utf-8").splitlines()) <= 250


def test_the_results_tables_are_the_generated_ones():
    """README's and docs' tables are what scripts/results_table.py prints from docs/results/*.json:
    a figure typed by hand, or a run committed without regenerating them, fails here."""
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "results_table.py")],
                         capture_output=True, text=True, check=True).stdout
    tables = [[line for line in block.splitlines() if not line.startswith("|---")] for block in out.strip().split("\n\n")]
    assert len(tables) == 5 and all(len(t) >= 3 for t in tables)
    answers, benchmarks = tables[0] + tables[1], tables[2] + tables[3] + tables[4]
    for page, expected in (("README.md", answers), ("docs/evaluation.md", answers), ("docs/answers.md", answers),
                           ("docs/benchmarks.md", benchmarks)):
        text = (ROOT / page).read_text("utf-8")
        missing = [r for r in expected if r not in text]
        assert not missing, f"{page} differs from scripts/results_table.py: {missing[:2]}"


def test_the_claim_checking_table_is_the_committed_run():
    run = (ROOT / "docs" / "results" / "verify.md").read_text("utf-8").strip().splitlines()
    page = (ROOT / "docs" / "evaluation.md").read_text("utf-8")
    assert len(run) > 10 and all(line in page for line in run)
    pooled = run[:run.index("")] if "" in run else run  # README shows the first table, the pooled figures
    readme = (ROOT / "README.md").read_text("utf-8")
    assert all(line in readme for line in pooled), "README's claim table differs from docs/results/verify.md"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_local_link_resolves(page):
    text = page.read_text("utf-8")
    links = [m.group(1) for m in re.finditer(r"\]\(([^)\s]+)\)", text)]
    local = [link.split("#")[0] for link in links if not re.match(r"[a-z]+:", link) and not link.startswith("#")]
    broken = [link for link in local if link and not (page.parent / link).exists()]
    assert not broken, f"{page.name} links to missing files: {broken}"


def test_no_machine_paths_or_work_item_words():
    for page in PAGES:
        text = page.read_text("utf-8")
        assert not re.search(r"/work/|/home/\w+|/root/|this issue|本 issue", text), page.name


def test_the_configuration_table_names_every_setting_and_only_those():
    from wenjin.ui.settings import ServerSettings

    readme = (ROOT / "README.md").read_text("utf-8")
    readers = (ROOT / "index" / "readers.py").read_text("utf-8")
    settings = {"WENJIN_" + f.upper() for f in ServerSettings.model_fields} | set(re.findall(r"WENJIN_[A-Z_]+", readers))
    documented = set(re.findall(r"`(WENJIN_[A-Z_]+)`", readme))
    assert settings - documented == set(), "settings missing from README's table"
    assert documented - settings == set(), "README documents settings the code does not read"
