"""Chinese-aware chunking with exact character spans.

llama-index's `SentenceSplitter` does the packing; we give it a character
tokenizer (sizes are in characters, as Chinese readers count them) and a
secondary regex that ends sentences at 。！？；and line breaks instead of ASCII
periods (which would cut "10.5亿" in two).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: a question only needs SENTENCE, not llama_index.core
    from llama_index.core import Document
    from llama_index.core.node_parser import SentenceSplitter
    from llama_index.core.schema import TextNode

# Lossless: every character belongs to some match (the splitter drops what no match covers).
SENTENCE = r"[^。！？；!?;\n]*[。！？；!?;]+[”’」』\"')）]*|[^。！？；!?;\n]+|\n"

CHUNK_CHARS = 600
OVERLAP_CHARS = 100


def _characters(text: str) -> range:
    """Sizes in characters. The splitter only takes len() of what this returns: a range has the
    length of list(text) without one object per character (gigabytes for a page flattened onto
    one 16-million-character line)."""
    return range(len(text))


def make_splitter(chunk_chars: int = CHUNK_CHARS, overlap_chars: int = OVERLAP_CHARS) -> SentenceSplitter:
    if not 0 <= overlap_chars < chunk_chars:
        raise ValueError(f"overlap ({overlap_chars}) must be >= 0 and smaller than chunk size ({chunk_chars})")
    from llama_index.core.node_parser import SentenceSplitter

    return SentenceSplitter(
        chunk_size=chunk_chars,
        chunk_overlap=overlap_chars,
        tokenizer=_characters,
        paragraph_separator="\n",
        separator="，",
        secondary_chunking_regex=SENTENCE,
        include_metadata=False,
        include_prev_next_rel=False,
    )


def split(doc: Document, splitter: SentenceSplitter) -> list[TextNode]:
    """Chunks of `doc` carrying the document's metadata plus `start`, `end`, `chunk_no`."""
    # split_text, not get_nodes_from_documents: the latter shrinks every chunk by
    # the length of the document's metadata string.
    # A chunk starts after the previous one's start and at most `chunk_overlap`
    # characters before its end; searching from there finds the right place
    # even when the text repeats itself (a title printed twice).
    from llama_index.core.schema import TextNode

    out, pos, last = [], 0, 0
    for no, text in enumerate(splitter.split_text(doc.text)):
        start = doc.text.find(text, pos)
        if start < 0:  # a chunk that starts where the one before it did (that one was its prefix)
            start = doc.text.find(text, last)
        if start < 0:  # the splitter only strips and joins, so this means a library change
            raise RuntimeError(f"chunk {no} of {doc.metadata.get('source')} is not a substring of its document")
        pos, last = max(start + 1, start + len(text) - splitter.chunk_overlap), start
        meta = dict(doc.metadata, start=start, end=start + len(text), chunk_no=no)
        out.append(TextNode(id_=f"{doc.doc_id}:{no}", text=text, metadata=meta))
    return out
