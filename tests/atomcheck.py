"""A rule-based Atom 1.0 checker (RFC 4287), for the feeds the site publishes.

Checks what feed readers and the W3C validator rely on, offline: the root element, one
``id``/``title``/``updated`` per feed and entry, ids that are absolute URIs in ASCII (an
IRI must be percent-encoded to compare as a URI), RFC 3339 dates, an alternate link per
entry, an author for every entry, unique entry ids, and ``xml:lang`` on the feed.
Returns a list of problems (empty when the feed is valid).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RFC3339 = re.compile(
    r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)"
    r"(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$")
# RFC 3986 characters; anything else in a URI must be percent-encoded.
URI_CHARS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$")
BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def _uri_problems(value: str | None, what: str) -> list[str]:
    if not value:
        return [f"{what}: empty"]
    problems = []
    if not URI_CHARS.match(value):
        problems.append(f"{what}: not an ASCII URI: {value!r}")
    if BAD_PERCENT.search(value):
        problems.append(f"{what}: bad percent-encoding: {value!r}")
    if not urlsplit(value).scheme:
        problems.append(f"{what}: not absolute (no scheme): {value!r}")
    return problems


def _one(parent: ET.Element, name: str, where: str, problems: list[str]) -> ET.Element | None:
    found = parent.findall(ATOM + name)
    if len(found) != 1:
        problems.append(f"{where}: {len(found)} <{name}> elements, expected exactly 1")
    return found[0] if found else None


def _text_element(parent: ET.Element, name: str, where: str, problems: list[str]) -> None:
    element = _one(parent, name, where, problems)
    if element is not None and not "".join(element.itertext()).strip():
        problems.append(f"{where}: empty <{name}>")


def _date(parent: ET.Element, name: str, where: str, problems: list[str],
          required: bool = True) -> None:
    found = parent.findall(ATOM + name)
    if not found:
        if required:
            problems.append(f"{where}: no <{name}>")
        return
    if len(found) > 1:
        problems.append(f"{where}: {len(found)} <{name}> elements")
    if not RFC3339.match((found[0].text or "").strip()):
        problems.append(f"{where}: <{name}> is not RFC 3339: {found[0].text!r}")


def _entry_problems(entry: ET.Element, where: str, feed_author: bool, ids: set[str]) -> list[str]:
    problems: list[str] = []
    entry_id = _one(entry, "id", where, problems)
    if entry_id is not None:
        value = (entry_id.text or "").strip()
        problems += _uri_problems(value, f"{where} id")
        if value in ids:
            problems.append(f"{where}: duplicate id {value!r}")
        ids.add(value)
    _text_element(entry, "title", where, problems)
    _date(entry, "updated", where, problems)
    _date(entry, "published", where, problems, required=False)
    alternates = [link for link in entry.findall(ATOM + "link")
                  if link.get("rel", "alternate") == "alternate"]
    if not alternates:
        problems.append(f"{where}: no alternate <link>")
    if not (feed_author or entry.findall(ATOM + "author")):
        problems.append(f"{where}: no <author> (nor one on the feed)")
    for author in entry.findall(ATOM + "author"):
        if author.find(ATOM + "name") is None:
            problems.append(f"{where}: <author> without <name>")
    return problems


def check_feed(path: Path) -> list[str]:
    """Return the RFC 4287 problems of the Atom feed at ``path``."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        return [f"{path}: not well-formed XML: {error}"]
    if root.tag != ATOM + "feed":
        return [f"{path}: root is {root.tag}, not atom:feed"]
    problems: list[str] = []
    where = f"{path.name}: feed"
    if not root.get(XML_LANG):
        problems.append(f"{where}: no xml:lang")
    feed_id = _one(root, "id", where, problems)
    if feed_id is not None:
        problems += _uri_problems((feed_id.text or "").strip(), f"{where} id")
    _text_element(root, "title", where, problems)
    _date(root, "updated", where, problems)
    feed_author = bool(root.findall(ATOM + "author"))
    for link in root.findall(ATOM + "link"):
        if not link.get("href"):
            problems.append(f"{where}: <link> without href")
    ids: set[str] = set()
    for number, entry in enumerate(root.findall(ATOM + "entry"), start=1):
        problems += _entry_problems(entry, f"{path.name}: entry {number}", feed_author, ids)
    return problems
