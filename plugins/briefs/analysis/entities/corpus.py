"""Read ANERcorp-style files: one ``token TAG`` per line, a blank line between sentences."""

from __future__ import annotations

from pathlib import Path

Sentence = tuple[list[str], list[str]]


def read_conll(path: str | Path) -> list[Sentence]:
    """Return ``(tokens, tags)`` per sentence; tags are as written (IOB)."""
    sentences: list[Sentence] = []
    toks: list[str] = []
    tags: list[str] = []
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            if toks:
                sentences.append((toks, tags))
                toks, tags = [], []
            continue
        token, _, tag = line.rpartition(" ")
        toks.append(token or tag)
        tags.append(tag if token else "O")
    if toks:
        sentences.append((toks, tags))
    return sentences


def pseudo_documents(sentences: list[Sentence], size: int = 700) -> list[list[Sentence]]:
    """Group consecutive sentences into documents of at least ``size`` tokens.

    ANERcorp marks no article boundaries; a brief is about 700 tokens long.
    """
    docs: list[list[Sentence]] = [[]]
    count = 0
    for sent in sentences:
        docs[-1].append(sent)
        count += len(sent[0])
        if count >= size:
            docs.append([])
            count = 0
    return [d for d in docs if d]
