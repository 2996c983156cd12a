"""A brief's marked-up body, kept packed from its markup to its pages.

Pelican keeps each article's HTML as ``_content`` for the whole build, and memoises
``get_content`` for each article and base URL besides. A brief's body with its markup is
about 25 KB in memory (a str of two bytes a character, once it holds Arabic): 250 MB at
10,000 briefs, most of what a warm build holds beyond Pelican's own. Packed (UTF-8, then
zlib at its fastest level) a body takes about a fifth of that. It is unpacked each time a
page, a feed or a page digest reads it, and not kept: on a warm build most briefs are read
once, for the digest that finds their page unchanged.

An article whose body is packed becomes an instance of a subclass of its own class, with the
same name (:func:`briefs.pelican.compat.same_named_subclass`), whose ``_content`` unpacks on
reading and packs on writing, and whose ``get_content`` is not memoised.
"""

from __future__ import annotations

import zlib
from typing import Any

from pelican.contents import Content

from briefs.pelican.compat import same_named_subclass

#: zlib's fastest level: it packs a body about fivefold, in some 0.1 ms.
LEVEL = 1


def pack(html: str) -> bytes:
    """Return ``html`` packed.

    >>> unpack(pack("<p>«روتي»</p>")) == "<p>«روتي»</p>"
    True
    """
    return zlib.compress(html.encode("utf-8", "surrogatepass"), LEVEL)


def unpack(packed: bytes) -> str:
    """Return the HTML :func:`pack` packed."""
    return zlib.decompress(packed).decode("utf-8", "surrogatepass")


_PACKED_CLASSES: dict[type, type] = {}


def keep_packed(article: Content, packed: bytes) -> None:
    """Give ``article`` the body ``packed`` (:func:`pack`), and keep it so."""
    cls = type(article)
    if not getattr(cls, "_body_packed", False):
        if cls not in _PACKED_CLASSES:
            _PACKED_CLASSES[cls] = _with_packed_body(cls)
        article.__dict__.pop("_content", None)
        article.__class__ = _PACKED_CLASSES[cls]
    article._packed = packed  # type: ignore[attr-defined]


def _with_packed_body(cls: type) -> type:
    def read(self: Any) -> str:  # noqa: ANN401 - an instance of cls
        return unpack(self._packed)

    def write(self: Any, html: str) -> None:  # noqa: ANN401
        self._packed = pack(html)

    def get_content(self: Any, siteurl: str) -> str:  # noqa: ANN401
        return self._update_content(read(self), siteurl)

    return same_named_subclass(cls, {"_content": property(read, write),
                                     "get_content": get_content, "_body_packed": True})
