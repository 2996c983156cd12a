"""Reading ``entities.yml`` itself: every failure names the file and says what to do."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefs.analysis.entities import EntitiesFileError, load_site_entities


def test_invalid_utf8_names_the_file_line_and_byte(tmp_path: Path) -> None:
    path = tmp_path / "entities.yml"
    data = b"entities:\n  - type: person\n    name: caf\xe9\n"
    path.write_bytes(data)
    with pytest.raises(EntitiesFileError) as info:
        load_site_entities(path)
    message = str(info.value)
    assert message.startswith(f"{path}:3: ")
    assert f"not valid UTF-8 at byte {data.index(0xE9)}" in message
    assert "save it as UTF-8" in message


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "entities.yml"
    path.write_bytes(b"\xef\xbb\xbfentities:\n  - type: person\n    name: x\n")
    assert [entry.id for entry in load_site_entities(path).entries] == ["person:x"]


# A FIFO is refused the same way; tests/test_cli_input.py checks that in a subprocess with a
# timeout, since a regression would block the reader for ever.
@pytest.mark.parametrize("kind", ["directory", "device"])
def test_a_path_that_is_not_a_regular_file_is_refused(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "entities.yml"
    if kind == "directory":
        path.mkdir()
    else:
        path = Path(os.devnull)
    with pytest.raises(EntitiesFileError, match="not a regular file") as info:
        load_site_entities(path)
    assert str(info.value).startswith(f"{path}: ")


def test_an_unreadable_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "entities.yml"
    path.write_text("entities: []\n", encoding="utf-8")

    def refuse(self: Path) -> bytes:  # chmod cannot refuse root, who runs CI
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(EntitiesFileError) as info:
        load_site_entities(path)
    assert str(info.value).startswith(f"{path}: cannot be read (Permission denied)")


def test_a_missing_file_is_an_empty_layer(tmp_path: Path) -> None:
    assert load_site_entities(tmp_path / "entities.yml").entries == ()
