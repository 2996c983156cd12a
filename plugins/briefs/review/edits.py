"""The review desk's corrections as pure text edits: file text in, new file text out.

A brief's corrections go to its metadata block (``Quote_*`` lines, ``Reviewed:``), never to
its body; the entities' go to ``entities.yml``. Both are edited as text, at the places the
change concerns, so that every other byte (comments, order, quoting, indentation, line
endings) stays as the editor wrote it. The YAML edits find their place from the positions
PyYAML gives each node, and every new entities.yml is parsed again with the build's own
parser before it may be written: an edit that would break the file is refused.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

import yaml

from briefs.analysis.entities.keys import name_key
from briefs.analysis.entities.model import TYPES, EntityRef
from briefs.analysis.entities.site import EntitiesFileError, SiteEntities, parse_site_entities

#: A metadata line and a continuation line, as Python-Markdown's meta extension reads them.
_KEY_LINE = re.compile(r"[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):(?P<value>.*)")
_MORE_LINE = re.compile(r"[ ]{4,}\S.*")
#: Characters that make a YAML scalar need quotes (in a flow list as much as on its own).
_YAML_SPECIAL = re.compile(r"""[#,\[\]{}&*!|>'"%@`]|: |:$|^[-?:\s]|\s$""")
#: The indentation of a continuation line of metadata.
CONTINUATION = "    "


class EditError(ValueError):
    """A correction that cannot be made; the message says why, for the editor."""


class ConflictError(EditError):
    """The file changed on disk since the page that asked for the correction was loaded."""


def version_of(data: bytes) -> str:
    """Return the version of a file's bytes: what a page sends back with each correction.

    >>> version_of(b"x") == version_of(b"x") != version_of(b"y")
    True
    """
    return hashlib.sha256(data).hexdigest()[:32]


def read_version(path: Path) -> tuple[str, str]:
    """Return a file's text and version (an absent file: empty text and the empty version)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        data = b""
    return data.decode("utf-8"), version_of(data)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` at once: a temporary file beside it, then ``os.replace``.

    A reader (the build, a text editor) sees the old file or the new one, never half of one;
    the file keeps its permissions.
    """
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = 0o644
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def diff_of(before: str, after: str, name: str) -> str:
    """Return the unified diff of a correction, as the desk shows it."""
    return "".join(difflib.unified_diff(before.splitlines(keepends=True),
                                        after.splitlines(keepends=True),
                                        f"a/{name}", f"b/{name}", n=1))


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


# ── the brief's metadata block ────────────────────────────────────────────────────────────


def _metadata_lines(text: str) -> tuple[list[str], int]:
    """Return the file's lines (with their ends) and how many form the metadata block."""
    lines = text.splitlines(keepends=True)
    count = 0
    for line in lines:
        if not line.strip() or not (_KEY_LINE.fullmatch(line.rstrip("\r\n"))
                                    or (count and _MORE_LINE.fullmatch(line.rstrip("\r\n")))):
            break
        count += 1
    if count == 0:
        raise EditError("the file has no metadata block (Title: … at its top)")
    return lines, count


def _groups(lines: Sequence[str], count: int, key: str) -> list[tuple[int, int]]:
    """Return the [first, last] line ranges of ``key``'s entries (a key line and its
    continuation lines) in the metadata block."""
    found: list[tuple[int, int]] = []
    index = 0
    while index < count:
        match = _KEY_LINE.fullmatch(lines[index].rstrip("\r\n"))
        end = index
        while end + 1 < count and not _KEY_LINE.fullmatch(lines[end + 1].rstrip("\r\n")):
            end += 1
        if match and match["key"].lower() == key.lower():
            found.append((index, end))
        index = end + 1
    return found


def _clean_entry(entry: str) -> str:
    """Return a metadata entry as one line; a line break would end the entry."""
    line = " ".join(entry.split())
    if not line:
        raise EditError("an empty entry")
    return line


def _entries(lines: Sequence[str], group: tuple[int, int]) -> list[str]:
    first, last = group
    head = _KEY_LINE.fullmatch(lines[first].rstrip("\r\n"))
    values = [head["value"].strip()] if head else []
    values += [line.strip() for line in lines[first + 1:last + 1]]
    return [value for value in values if value]


def add_metadata_entry(text: str, key: str, entry: str) -> str:
    """Add one entry to a multi-entry metadata key (``Quote_speaker``, ``Quote_hide``, …).

    The entry goes on an indented line after the key's last entry (one entry a line, as the
    README asks), or on a new ``Key: entry`` line at the end of the metadata block. An entry
    already there is not repeated. The body is never touched.

    >>> add_metadata_entry("Title: t\\nQuote_hide: a\\n\\nBody", "Quote_hide", "b")
    'Title: t\\nQuote_hide: a\\n    b\\n\\nBody'
    >>> add_metadata_entry("Title: t\\n\\nBody", "Quote_hide", "b")
    'Title: t\\nQuote_hide: b\\n\\nBody'
    """
    line = _clean_entry(entry)
    lines, count = _metadata_lines(text)
    newline = _newline(text)
    groups = _groups(lines, count, key)
    if any(line in _entries(lines, group) for group in groups):
        return text
    if groups:
        return _insert_line(lines, groups[-1][1] + 1, f"{CONTINUATION}{line}", newline)
    return _insert_line(lines, count, f"{key}: {line}", newline)


def _insert_line(lines: list[str], at: int, line: str, newline: str) -> str:
    """Return the text of ``lines`` with ``line`` inserted before line ``at`` (at ≥ 1), the
    line before it ended first if it had no line end (a metadata block at the file's end)."""
    if not lines[at - 1].endswith(("\n", "\r")):
        lines[at - 1] += newline
    return "".join([*lines[:at], f"{line}{newline}", *lines[at:]])


def set_metadata(text: str, key: str, value: str) -> str:
    """Set a one-value metadata key (``Reviewed: 2024-11-20``): replace its line, or add one.

    >>> set_metadata("Title: t\\nReviewed: 2024-01-01\\n\\nBody", "Reviewed", "2024-11-20")
    'Title: t\\nReviewed: 2024-11-20\\n\\nBody'
    """
    line = _clean_entry(value)
    lines, count = _metadata_lines(text)
    newline = _newline(text)
    groups = _groups(lines, count, key)
    if groups:
        first, last = groups[0]
        name = _KEY_LINE.fullmatch(lines[first].rstrip("\r\n"))["key"]  # type: ignore[index]
        end = lines[last][len(lines[last].rstrip("\r\n")):] or newline
        return "".join([*lines[:first], f"{name}: {line}{end}", *lines[last + 1:]])
    return _insert_line(lines, count, f"{key}: {line}", newline)


def metadata_value(text: str, key: str) -> str | None:
    """Return the first value of a metadata key, or None.

    >>> metadata_value("Title: t\\nReviewed: 2024-11-20\\n\\nBody", "reviewed")
    '2024-11-20'
    """
    try:
        lines, count = _metadata_lines(text)
    except EditError:
        return None
    groups = _groups(lines, count, key)
    return " ".join(_entries(lines, groups[0])) if groups else None


# ── entities.yml ──────────────────────────────────────────────────────────────────────────


def yaml_scalar(value: str) -> str:
    """Return ``value`` as a YAML scalar: plain when that reads back the same, else quoted.

    >>> yaml_scalar("مارك روتي"), yaml_scalar("person:mark-rutte"), yaml_scalar("a, b")
    ('مارك روتي', 'person:mark-rutte', '"a, b"')
    >>> yaml_scalar("yes"), yaml_scalar("12")
    ('"yes"', '"12"')
    """
    if value and not _YAML_SPECIAL.search(value) and yaml.safe_load(value) == value:
        return value
    return json.dumps(value, ensure_ascii=False)  # JSON strings are YAML double-quoted ones


def _flow_list(values: Sequence[str]) -> str:
    return "[" + ", ".join(yaml_scalar(value) for value in values) + "]"


def _compose(text: str) -> yaml.MappingNode | None:
    root = yaml.compose(text, Loader=yaml.SafeLoader) if text.strip() else None
    if root is not None and not isinstance(root, yaml.MappingNode):
        raise EditError("entities.yml is not a mapping")
    return root


def _section(root: yaml.MappingNode | None, name: str) -> tuple[yaml.Node, yaml.Node] | None:
    if root is None:
        return None
    return next(((key, value) for key, value in root.value if key.value == name), None)


def _mapping_get(node: yaml.MappingNode, name: str) -> tuple[yaml.Node, yaml.Node] | None:
    return next(((key, value) for key, value in node.value if key.value == name), None)


def _last_end(node: yaml.Node) -> int:
    """Return where the last character of a node's own text is (block collections' end
    marks run on over the comments after them, which must stay where they are)."""
    if isinstance(node, yaml.MappingNode) and not node.flow_style and node.value:
        return _last_end(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        return _last_end(node.value[-1])
    return node.end_mark.index


def _after_line(text: str, index: int) -> int:
    """Return the start of the line after the one holding ``index`` (a block scalar's end
    is already there)."""
    if index > 0 and text[index - 1] == "\n":
        return index
    newline = text.find("\n", index)
    return len(text) if newline < 0 else newline + 1


def _insert_lines(text: str, at: int, lines: Sequence[str]) -> str:
    newline = _newline(text)
    head = text[:at]
    if head and not head.endswith("\n"):
        head += newline
    return head + "".join(line + newline for line in lines) + text[at:]


def _replace(text: str, node: yaml.Node, new: str) -> str:
    return text[:node.start_mark.index] + new + text[_last_end(node):]


def _append_to_section(text: str, root: yaml.MappingNode | None, name: str,
                       item_lines: Sequence[str]) -> str:
    """Append an item (its lines, unindented, the first starting with ``- ``) to a top-level
    block list, with the list's own indentation; make the section when there is none."""
    found = _section(root, name)
    if found is None:
        lines = [f"{name}:", *(f"  {line}" for line in item_lines)]
        if text and not text.endswith("\n"):
            text += _newline(text)
        return text + "".join(line + _newline(text or "\n") for line in lines)
    key, value = found
    if isinstance(value, yaml.SequenceNode) and not value.flow_style and value.value:
        indent = " " * value.start_mark.column
        return _insert_lines(text, _after_line(text, _last_end(value)),
                             [indent + line for line in item_lines])
    empty_flow = isinstance(value, yaml.SequenceNode) and value.flow_style and not value.value
    empty_scalar = isinstance(value, yaml.ScalarNode) and value.value == ""
    if empty_flow or empty_scalar:
        start = value.start_mark.index if empty_flow else key.end_mark.index + 1
        end = value.end_mark.index if empty_flow else start
        rest = text[end:]
        line_end = rest.find("\n")
        tail = rest if line_end < 0 else rest[:line_end]
        newline = _newline(text)
        indent = " " * (key.start_mark.column + 2)
        block = "".join(newline + indent + line for line in item_lines)
        return text[:start].rstrip(" ") + tail + block + ("" if line_end < 0 else rest[line_end:])
    raise EditError(f"the {name} section of entities.yml is not a block list "
                    f"(`{name}:` then `- …` lines); the desk will not rewrite it")


def _append_value(text: str, item: yaml.MappingNode, name: str, value: str) -> str:
    """Add ``value`` to a list field of an entity or merge entry (``aliases``, ``from``),
    making the field when it is missing."""
    found = _mapping_get(item, name)
    if found is None:
        indent = " " * item.start_mark.column
        return _insert_lines(text, _after_line(text, _last_end(item)),
                             [f"{indent}{name}: {_flow_list([value])}"])
    _key, node = found
    if isinstance(node, yaml.SequenceNode) and node.flow_style:
        close = node.end_mark.index - 1  # the "]"
        separator = ", " if node.value else ""
        return text[:close].rstrip() + separator + yaml_scalar(value) + text[close:]
    if isinstance(node, yaml.SequenceNode) and node.value:
        indent = " " * node.start_mark.column
        return _insert_lines(text, _after_line(text, _last_end(node)),
                             [f"{indent}- {yaml_scalar(value)}"])
    if isinstance(node, yaml.ScalarNode) and node.value:
        return _replace(text, node, _flow_list([node.value, value]))
    return _replace(text, node, _flow_list([value]))


def _checked(text: str, path: str | Path) -> SiteEntities:
    """Parse a new entities.yml with the build's parser; an edit that breaks it is refused."""
    try:
        return parse_site_entities(text, path)
    except EntitiesFileError as error:
        raise EditError(f"the correction would make entities.yml invalid: {error}") from error


def _entry_lines(entity_id: str | None, etype: str, name: str, aliases: Sequence[str]) -> list[str]:
    lines = [f"- id: {yaml_scalar(entity_id)}"] if entity_id else []
    lines.append(f"{'  ' if lines else '- '}type: {etype}")
    lines.append(f"  name: {yaml_scalar(name)}")
    if aliases:
        lines.append(f"  aliases: {_flow_list(aliases)}")
    return lines


def _claimed(site: SiteEntities, name: str, but: str = "") -> bool:
    """Tell whether an entity of the file other than ``but`` has ``name`` or an alias of it."""
    key = name_key(name)
    return any(entry.id != but and key in {name_key(n) for n in (entry.name_ar, entry.name_en,
                                                                   *entry.aliases) if n}
               for entry in site.entries)


def _check_type(etype: str) -> None:
    if etype not in TYPES:
        raise EditError(f"unknown type {etype!r}; use one of {', '.join(TYPES)}")


def _items(text: str, path: str | Path) -> tuple[list[yaml.MappingNode], SiteEntities]:
    """Return the entity items of the file, in order, and the file as the build parses it."""
    site = _checked(text, path)
    found = _section(_compose(text), "entities")
    items = found[1].value if found is not None and isinstance(found[1], yaml.SequenceNode) else []
    return items, site


def _renamed(text: str, item: yaml.MappingNode, name: str) -> tuple[str, str | None]:
    """Replace the name of an item in the language of ``name``; return the text and the
    name it replaced (None when the item had no name in that language)."""
    node = _mapping_get(item, "name")[1]  # type: ignore[index] - the parser requires a name
    lang = "en" if name.isascii() else "ar"
    if isinstance(node, yaml.ScalarNode):
        return _replace(text, node, yaml_scalar(name)), node.value
    names = {key.value: value for key, value in node.value}
    if lang in names:
        return _replace(text, names[lang], yaml_scalar(name)), names[lang].value
    given = {key: value.value for key, value in names.items()} | {lang: name}
    flow = "{" + ", ".join(f"{key}: {yaml_scalar(value)}" for key, value in given.items()) + "}"
    return _replace(text, node, flow), None


def _with_entry(text: str, entity: EntityRef, path: str | Path,
                etype: str | None = None, name: str | None = None) -> str:
    """Give the file an entry for ``entity`` (its id, so the analysis links it the same), with
    its type or name changed where given; an entry the file has is edited in place."""
    items, site = _items(text, path)
    index = next((k for k, entry in enumerate(site.entries) if entry.id == entity.id), None)
    if index is None:
        new_name = name or entity.name
        aliases = [alias for alias in dict.fromkeys((entity.name, *entity.aliases))
                   if name_key(alias) != name_key(new_name) and not _claimed(site, alias)]
        if _claimed(site, new_name):
            raise EditError(f"{new_name!r} is already a name of another entity in entities.yml; "
                            "merge the two instead")
        return _append_to_section(text, _compose(text), "entities",
                                  _entry_lines(entity.id, etype or entity.type, new_name, aliases))
    item = items[index]
    if etype is not None:
        text = _replace(text, _mapping_get(item, "type")[1], etype)  # type: ignore[index]
    if name is not None:
        if _claimed(site, name, entity.id):
            raise EditError(f"{name!r} is already a name of another entity in entities.yml; "
                            "merge the two instead")
        if not _mapping_get(item, "id"):  # the id comes from the name: keep it as it was
            indent = " " * item.start_mark.column
            text = (text[:item.start_mark.index] + f"id: {yaml_scalar(entity.id)}"
                    + _newline(text) + indent + text[item.start_mark.index:])
            item = _items(text, path)[0][index]
        text, old = _renamed(text, item, name)
        if old and name_key(old) != name_key(name):
            text = _append_value(text, _items(text, path)[0][index], "aliases", old)
    return text


def accept_entity(text: str, entity: EntityRef, path: str | Path = "entities.yml") -> str:
    """Confirm an entity: the file lists it (a listed entity is sure); unchanged if it does."""
    return _finish(_with_entry(text, entity, path), path)


def rename_entity(text: str, entity: EntityRef, name: str,
                  path: str | Path = "entities.yml") -> str:
    """Give an entity another display name; the old one stays an alias, so the same words
    still name it."""
    if not name.strip():
        raise EditError("an empty name")
    return _finish(_with_entry(text, entity, path, name=" ".join(name.split())), path)


def retype_entity(text: str, entity: EntityRef, etype: str,
                  path: str | Path = "entities.yml") -> str:
    """Give an entity another type (repeating its id with the new type, as the README says)."""
    _check_type(etype)
    return _finish(_with_entry(text, entity, path, etype=etype), path)


def merge_entity(text: str, source: str, into: str, path: str | Path = "entities.yml") -> str:
    """Fold the entity ``source`` into ``into`` (both ids): its mentions count as ``into``'s."""
    if source == into:
        raise EditError("an entity cannot be merged into itself")
    site = _checked(text, path)
    if site.merge_target(into) == source:
        raise EditError(f"{into!r} is already merged into {source!r}")
    root = _compose(text)
    found = _section(root, "merge")
    if found is not None and isinstance(found[1], yaml.SequenceNode):
        for item in found[1].value:
            into_node = isinstance(item, yaml.MappingNode) and _mapping_get(item, "into")
            if into_node and into_node[1].value == into and _mapping_get(item, "from"):
                return _finish(_append_value(text, item, "from", source), path)
    return _finish(_append_to_section(text, root, "merge",
                                      [f"- into: {yaml_scalar(into)}",
                                       f"  from: {_flow_list([source])}"]), path)


def exclude_entity(text: str, entity_id: str, path: str | Path = "entities.yml") -> str:
    """Keep an entity out of the index (its id under ``exclude:``)."""
    if entity_id in _checked(text, path).excluded:
        return text
    root = _compose(text)
    found = _section(root, "exclude")
    if found is not None and isinstance(found[1], yaml.SequenceNode) and found[1].flow_style:
        node = found[1]
        close = node.end_mark.index - 1
        separator = ", " if node.value else ""
        return _finish(text[:close].rstrip() + separator + yaml_scalar(entity_id) + text[close:],
                       path)
    return _finish(_append_to_section(text, root, "exclude", [f"- {yaml_scalar(entity_id)}"]),
                   path)


def add_entity(text: str, name: str, etype: str, path: str | Path = "entities.yml") -> str:
    """Add an entity the analysis missed: its words, as they stand in the text, and a type."""
    _check_type(etype)
    name = " ".join(name.split())
    if not name:
        raise EditError("select the words that name the entity")
    site = _checked(text, path)
    if _claimed(site, name):
        raise EditError(f"{name!r} is already a name of an entity in entities.yml")
    return _finish(_append_to_section(text, _compose(text), "entities",
                                      _entry_lines(None, etype, name, ())), path)


def _finish(text: str, path: str | Path) -> str:
    _checked(text, path)
    return text
