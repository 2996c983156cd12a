"""A tiny HTML query helper for tests: the attributes and text of elements by tag."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Element:
    """One element: its tag, attributes and the text inside it (descendants included)."""

    tag: str
    attrs: dict[str, str]
    text: str = ""
    children: list[Element] = field(default_factory=list)


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.stack: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        if self.stack:
            self.stack[-1].children.append(element)
        self.elements.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element.text += data


def parse(html: str) -> list[Element]:
    """Return every element of ``html`` in document order."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.elements


def select(html: str, tag: str, **attrs: str) -> list[Element]:
    """Return the elements with this tag whose attributes include ``attrs``.

    A trailing underscore in an attribute name is dropped (``class_`` means ``class``).
    """
    wanted = {key.rstrip("_"): value for key, value in attrs.items()}
    return [e for e in parse(html) if e.tag == tag
            and all(e.attrs.get(k) == v for k, v in wanted.items())]
