"""Property: whatever folder tree ingest is pointed at — names of arbitrary bytes, links in and out,
dangling links, pipes, empty and binary files, odd encodings, nesting — it finishes, every file is
named in its summary (indexed, or rejected with a reason), and the index it leaves loads and
holds exactly the indexed files."""

import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wenjin.index import store
from wenjin.index.errors import WenjinError
from wenjin.index.ingest import ingest
from wenjin.index.readers import printable

TEXT = st.text(alphabet="甘孜德格投资项目签约园区产业帮扶亿元万吨年月日，。、0123456789abc \n", min_size=8, max_size=120)
NAME = st.binary(min_size=1, max_size=12).map(lambda b: b.replace(b"/", b"_").replace(b"\0", b"_")) \
    .filter(lambda b: not b.startswith(b"."))
KIND = st.sampled_from(["txt", "md", "html", "jsonl", "empty", "binary", "gb18030", "utf16", "fifo",
                        "link_in", "link_out", "dangling", "unknown"])
ENTRY = st.tuples(KIND, NAME, TEXT, st.booleans())


def build(root: Path, outside: Path, entries) -> dict[str, str]:
    """Make the tree; return {printable source name: kind} for every entry made."""
    made: dict[str, str] = {}
    first_file = None
    for i, (kind, raw, text, nested) in enumerate(entries):
        folder = root / "sub" if nested else root
        folder.mkdir(parents=True, exist_ok=True)
        suffix = {"md": ".md", "html": ".html", "jsonl": ".jsonl", "unknown": ".xyz"}.get(kind, ".txt")
        name = os.fsdecode(raw + f"-{i}".encode()) + suffix
        path = folder / name
        data = {"txt": text.encode(), "md": ("# 标题\n" + text).encode(),
                "html": f"<html><title>页</title><body><p>{text}</p></body></html>".encode(),
                "jsonl": ('{"id": "a", "text": "%s"}\n' % text.replace("\n", " ")).encode() + b"[[[\n",
                "empty": b"", "binary": bytes(range(256)) * 3, "gb18030": text.encode("gb18030"),
                "utf16": text.encode("utf-16"), "unknown": text.encode()}.get(kind)
        if data is not None:
            path.write_bytes(data)
            first_file = first_file or path
        elif kind == "fifo":
            os.mkfifo(path)
        elif kind == "link_in" and first_file is not None:
            path.symlink_to(first_file)
        elif kind == "link_out":
            path.symlink_to(outside)
        elif kind == "dangling":
            path.symlink_to(root / "nowhere")
        else:
            continue
        made[printable(path.relative_to(root).as_posix())] = kind
    return made


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(entries=st.lists(ENTRY, min_size=1, max_size=6))
def test_any_tree_is_ingested_with_every_file_named(entries):
    work = Path(tempfile.mkdtemp())
    try:
        outside = work / "secret.txt"
        outside.write_text("外部文件，不应被索引。", "utf-8")
        made = build(work / "tree", outside, entries)
        (work / "tree").mkdir(exist_ok=True)
        try:
            report = ingest([work / "tree"], work / "index", progress=False)
        except WenjinError as e:  # nothing importable: a clear refusal, naming the first rejections
            assert "没有可导入的文章，索引未改动" in str(e) and store.read_manifest(work / "index") is None
            assert not made or any(name in str(e) for name in made)
            return
        rejected = {source.rsplit(":", 1)[0] if source not in made else source for source, _ in report.rejected}
        named = set(report.added) | rejected
        assert set(made) <= named, set(made) - named
        assert all(reason for _, reason in report.rejected)
        if report.version:
            docs = store.load(work / "index").docs.values()
            sources = {src if src in report.added else src.rsplit("#", 1)[0] for src in
                       (d["metadata"]["source"] for d in docs)}  # file.jsonl#id is an article of file.jsonl
            assert sources <= set(report.added) and "secret.txt" not in sources
    finally:
        shutil.rmtree(work, ignore_errors=True)
