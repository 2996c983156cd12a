"""The editors' entity file, ``content/entities.yml``: loader and validator.

This layer wins over the CLDR and curated layers. Format::

    # content/entities.yml
    entities:                        # add or override entities
      - id: person:mark-rutte        # optional for a new entity (default: <type>:<name key>);
                                     # give an existing id to override it (e.g. retype it)
        type: person                 # required: person | organization | place
        name: {ar: مارك روتي, en: Mark Rutte}   # required: a string or {ar: …, en: …}
        aliases: [روتي, Rutte]       # optional: other spellings, any language
        sport_aliases: [الهلال]      # optional: forms that name it only in a sports report
        description: الأمين العام لحلف شمال الأطلسي   # optional: a string or {ar:…, en:…}
        wikidata: Q57792             # optional
    merge:                           # fold entities into one: mentions of `from` count as `into`
      - into: place:KP
        from: [person:كوريا, place:tz-Asia/Pyongyang]
    exclude:                         # ids or names never indexed (a name drops every mention of it)
      - organization:al-jazeera
      - العالم
    apart:                           # never merged on a name match across scripts
      - [person:كيم جونغ أون, person:kim jong-il]

Rules: an alias (or name) listed here leaves any lower-layer entity that had it, so
*split* is "give the alias to a new entity"; *retype* is "repeat the id with another
type". Within this file an id may appear once and an alias may belong to one entity.
Every error raises :class:`EntitiesFileError` naming the file, the line and the fix.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path

import yaml

from .keys import name_key
from .model import TYPES, GazEntry

_TOP_KEYS = ("entities", "merge", "exclude", "apart")
_ENTRY_KEYS = ("id", "type", "name", "aliases", "sport_aliases", "description", "wikidata")


class EntitiesFileError(ValueError):
    """A problem in ``entities.yml``; the message names the file, the line and the fix."""

    def __init__(self, path: str | Path, line: int, problem: str, fix: str) -> None:
        """Build the message ``<path>:<line>: <problem>. Fix: <fix>``.

        ``line`` 0 means the whole file (it cannot be read): the message then has no line.
        """
        self.path = str(path)
        self.line = line
        self.problem = problem
        self.fix = fix
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {problem}. Fix: {fix}")


@dataclass(frozen=True, slots=True)
class SiteEntities:
    """The parsed editors' file."""

    entries: tuple[GazEntry, ...] = ()
    merges: tuple[tuple[str, str], ...] = ()  # (from id, into id)
    excluded: frozenset[str] = frozenset()  # ids and name keys
    path: str = ""
    # Pairs never merged on a name match across scripts (ids or name keys).
    apart: frozenset[frozenset[str]] = frozenset()

    def merge_target(self, entity_id: str) -> str:
        """Follow merges from ``entity_id`` to the id it is folded into."""
        table = dict(self.merges)
        seen = {entity_id}
        while entity_id in table and table[entity_id] not in seen:
            entity_id = table[entity_id]
            seen.add(entity_id)
        return entity_id

    def is_excluded(self, entity_id: str, key: str = "") -> bool:
        """True if the id or the name key is excluded by the editors."""
        return entity_id in self.excluded or (bool(key) and key in self.excluded)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _scalar(path: Path, node: yaml.Node, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise EntitiesFileError(path, _line(node), f"{what} must be a non-empty string",
                                f"write `{what}: some text`")
    return str(node.value).strip()


def _mapping(node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    return {str(k.value): (k, v) for k, v in node.value}


def _names(path: Path, node: yaml.Node, what: str) -> dict[str, str]:
    """Read ``name`` or ``description``: a string or a mapping {ar, en}."""
    if isinstance(node, yaml.MappingNode):
        out = {}
        for lang, (knode, vnode) in _mapping(node).items():
            if lang not in ("ar", "en"):
                raise EntitiesFileError(path, _line(knode), f"unknown language {lang!r} in {what}",
                                        "use the keys `ar` and `en`")
            out[lang] = _scalar(path, vnode, f"{what}.{lang}")
        return out
    value = _scalar(path, node, what)
    return {"ar" if name_key(value) != value.casefold() or not value.isascii() else "en": value}


def _str_list(path: Path, node: yaml.Node, what: str) -> list[tuple[str, int]]:
    if isinstance(node, yaml.ScalarNode):
        return [(_scalar(path, node, what), _line(node))]
    if not isinstance(node, yaml.SequenceNode):
        raise EntitiesFileError(path, _line(node), f"{what} must be a list",
                                f"write `{what}: [first, second]`")
    return [(_scalar(path, item, what), _line(item)) for item in node.value]


def parse_site_entities(  # noqa: PLR0912
    text: str, path: str | Path = "entities.yml",
) -> SiteEntities:
    """Parse the editors' file from a string (see the module docstring for the format)."""
    path = Path(path)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise EntitiesFileError(path, line, f"bad YAML ({exc.problem})",
                                "check the indentation, colons and quotes on this line") from exc
    except yaml.YAMLError as exc:
        raise EntitiesFileError(path, 1, f"bad YAML ({exc})", "check the file syntax") from exc
    if root is None:
        return SiteEntities(path=str(path))
    if not isinstance(root, yaml.MappingNode):
        raise EntitiesFileError(path, _line(root), "the file must be a mapping",
                                "start with `entities:` (and optionally `merge:`, `exclude:`)")
    top = _mapping(root)
    for key, (knode, _) in top.items():
        if key not in _TOP_KEYS:
            raise EntitiesFileError(path, _line(knode), f"unknown section {key!r}",
                                    f"use one of {', '.join(_TOP_KEYS)}")
    entries = _parse_entries(path, top["entities"][1]) if "entities" in top else ()
    merges: list[tuple[str, str]] = []
    if "merge" in top:
        node = top["merge"][1]
        if not isinstance(node, yaml.SequenceNode):
            raise EntitiesFileError(path, _line(node), "merge must be a list",
                                    "write `merge:` then `- into: ID` and `from: [ID, …]`")
        for item in node.value:
            if not isinstance(item, yaml.MappingNode) or "into" not in _mapping(item):
                raise EntitiesFileError(path, _line(item), "a merge needs `into` and `from`",
                                        "write `- into: ID` and `from: [ID, …]`")
            m = _mapping(item)
            into = _scalar(path, m["into"][1], "into")
            if "from" not in m:
                raise EntitiesFileError(path, _line(item), "a merge needs `from`",
                                        "add `from: [ID, …]` under `into`")
            merges += [(src, into) for src, _ in _str_list(path, m["from"][1], "from")]
    excluded: set[str] = set()
    if "exclude" in top:
        for value, _ in _str_list(path, top["exclude"][1], "exclude"):
            excluded.add(value if ":" in value else name_key(value))
    apart: set[frozenset[str]] = set()
    if "apart" in top:
        node = top["apart"][1]
        if not isinstance(node, yaml.SequenceNode):
            raise EntitiesFileError(path, _line(node), "apart must be a list of pairs",
                                    "write `apart:` then `- [ID or name, ID or name]`")
        for item in node.value:
            pair = [value if ":" in value else name_key(value)
                    for value, _ in _str_list(path, item, "apart")]
            if len(pair) != 2:
                raise EntitiesFileError(path, _line(item), "each apart entry is a pair",
                                        "write `- [ID or name, ID or name]`")
            apart.add(frozenset(pair))
    return SiteEntities(tuple(entries), tuple(merges), frozenset(excluded), str(path),
                        frozenset(apart))


def _parse_entries(path: Path, node: yaml.Node) -> tuple[GazEntry, ...]:
    if not isinstance(node, yaml.SequenceNode):
        raise EntitiesFileError(path, _line(node), "entities must be a list",
                                "write each entity as `- type: …` with `name: …` under `entities:`")
    out: list[GazEntry] = []
    ids: dict[str, int] = {}
    claims: dict[str, tuple[str, int]] = {}
    for item in node.value:
        if not isinstance(item, yaml.MappingNode):
            raise EntitiesFileError(path, _line(item), "an entity must be a mapping",
                                    "write `- type: person` and `name: …`")
        m = _mapping(item)
        for key, (knode, _) in m.items():
            if key not in _ENTRY_KEYS:
                raise EntitiesFileError(path, _line(knode), f"unknown field {key!r}",
                                        f"use only {', '.join(_ENTRY_KEYS)}")
        if "name" not in m:
            raise EntitiesFileError(path, _line(item), "entity has no name",
                                    "add `name: …` (a string or {ar: …, en: …})")
        names = _names(path, m["name"][1], "name")
        if "type" not in m:
            raise EntitiesFileError(path, _line(item), "entity has no type",
                                    f"add `type:` with one of {', '.join(TYPES)}")
        etype = _scalar(path, m["type"][1], "type")
        if etype not in TYPES:
            raise EntitiesFileError(path, _line(m["type"][1]), f"unknown type {etype!r}",
                                    f"use one of {', '.join(TYPES)}")
        first = names.get("ar") or names.get("en", "")
        eid = _scalar(path, m["id"][1], "id") if "id" in m else f"{etype}:{name_key(first)}"
        id_line = _line(m["id"][1]) if "id" in m else _line(item)
        if eid in ids:
            raise EntitiesFileError(
                path, id_line, f"duplicate id {eid!r} (first on line {ids[eid]})",
                "merge the two entries or give one another id")
        ids[eid] = id_line
        aliases = _str_list(path, m["aliases"][1], "aliases") if "aliases" in m else []
        sport = (_str_list(path, m["sport_aliases"][1], "sport_aliases")
                 if "sport_aliases" in m else [])
        name_line = _line(m["name"][1])
        for alias, line in [(n, name_line) for n in names.values()] + aliases + sport:
            key = name_key(alias)
            owner = claims.get(key)
            if owner and owner[0] != eid:
                raise EntitiesFileError(
                    path, line, f"alias {alias!r} is claimed by {owner[0]!r} (line {owner[1]}) "
                    f"and {eid!r}", "keep the alias on one entity only, or merge the two")
            claims[key] = (eid, line)
        desc = _names(path, m["description"][1], "description") if "description" in m else {}
        out.append(GazEntry(
            id=eid, type=etype, name_ar=names.get("ar", ""), name_en=names.get("en", ""),
            aliases=tuple(a for a, _ in aliases),
            wikidata=_scalar(path, m["wikidata"][1], "wikidata") if "wikidata" in m else None,
            description=desc.get("ar") or desc.get("en", ""), source="site",
            sport_aliases=tuple(a for a, _ in sport),
        ))
    return tuple(out)


def load_site_entities(path: str | Path) -> SiteEntities:
    """Load and validate ``content/entities.yml``; a missing file gives an empty layer.

    Raises:
        EntitiesFileError: with the file, line and fix for bad YAML, an unknown type,
            a duplicate id, an alias claimed by two entities or a missing name; and with
            the file for one that is not UTF-8, cannot be read or is not a regular file
            (checked before opening it, so a FIFO never blocks the build).
    """
    path = Path(path)
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise EntitiesFileError(path, 0, "not a regular file",
                                    "make it a YAML file, or remove it")
        raw = path.read_bytes()
    except FileNotFoundError:
        return SiteEntities(path=str(path))
    except OSError as error:
        raise EntitiesFileError(path, 0, f"cannot be read ({error.strerror or error})",
                                "check that the build can read the file") from error
    try:
        text = raw.decode("utf-8")  # a byte-order mark is left to YAML, which skips it
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        raise EntitiesFileError(path, line, f"not valid UTF-8 at byte {error.start}",
                                "save it as UTF-8") from error
    return parse_site_entities(text, path)
