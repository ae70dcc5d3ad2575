"""Near-duplicate articles: the same news reprinted by several outlets is indexed once.

MinHash over character 5-grams (datasketch) finds candidate pairs through LSH;
a pair counts when the estimated Jaccard similarity reaches THRESHOLD. The copy
kept is the one already in the index, else the earliest with a full date, else
the first by source name, so adding a reprint never changes what is indexed.
"""

from __future__ import annotations

import re

from llama_index.core import Document

from .parallel import pmap

THRESHOLD = 0.7  # a verbatim reprint of a short article under another outlet's header scores ~0.75
NUM_PERM = 128
SHINGLE = 5
BLOCK = 20_000   # shingles hashed at a time: ~20 MB of permutations
MIN_CHARS = 50   # shorter texts share too few shingles for a reliable estimate
_NOISE = re.compile(r"[\W_]+")


def _signature(text: str):
    """The article's MinHash, lean (621 bytes pickled): workers send it back to the parent."""
    from datasketch import LeanMinHash, MinHash

    body = _NOISE.sub("", text)
    m = MinHash(num_perm=NUM_PERM)
    # update_batch permutes all it is given at once (NUM_PERM × shingles 64-bit numbers: 3 GB for a
    # 3-million-character page), so a long text goes in blocks; the minimum over blocks is the same
    n = max(1, len(body) - SHINGLE + 1)
    for lo in range(0, n, BLOCK):
        m.update_batch([body[i:i + SHINGLE].encode() for i in range(lo, min(lo + BLOCK, n))])
    return LeanMinHash(m)


def _order(doc: Document, kept_before: set[str]) -> tuple:
    date = doc.metadata.get("date") or ""
    return (doc.doc_id not in kept_before, date if date[:1].isdigit() else "9999", doc.metadata["source"])


def find_duplicates(docs: list[Document], kept_before: set[str] = frozenset()) -> dict[str, str]:
    """{duplicate doc_id: kept doc_id} for every document that repeats an earlier one."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    signatures, duplicates = {}, {}
    ordered = [d for d in sorted(docs, key=lambda d: _order(d, kept_before)) if len(d.text) >= MIN_CHARS]
    for doc, sig in zip(ordered, pmap(_signature, [d.text for d in ordered])):
        match = next((k for k in lsh.query(sig) if signatures[k].jaccard(sig) >= THRESHOLD), None)
        if match:
            duplicates[doc.doc_id] = match
        else:
            lsh.insert(doc.doc_id, sig)
            signatures[doc.doc_id] = sig
    return duplicates
