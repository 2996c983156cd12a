"""The review desk's corrections as text edits: exact file text before and after."""

from __future__ import annotations

import pytest

from briefs.analysis.entities.model import EntityRef
from briefs.analysis.entities.site import parse_site_entities
from briefs.review.edits import (
    EditError,
    accept_entity,
    add_entity,
    add_metadata_entry,
    diff_of,
    exclude_entity,
    merge_entity,
    metadata_value,
    rename_entity,
    retype_entity,
    set_metadata,
    write_atomic,
    yaml_scalar,
)

BRIEF = """Title: قمة في بروكسل
Date: 2024-11-20 09:30
Lang: ar
Quote_hide: كلام
    كلام آخر
Summary: اجتماع.

بروكسل (أ ف ب) – وقال روتي إن “الدعم سيستمر”.

Quote_hide: not metadata, part of the body
"""

ENTITIES = """# The editors' entities (comments stay where they are)
entities:   # people and bodies
  - id: person:mark-rutte   # the NATO chief
    type: person
    name: {ar: مارك روتي, en: Mark Rutte}
    aliases: [روتي, Rutte]

  - type: place
    name: باريس
    aliases:
      - Paris
# merges come next
merge:
  - into: place:KP
    from: [person:كوريا]
exclude:
  - العالم   # not a place
"""


def test_metadata_entry_goes_after_the_keys_last_entry() -> None:
    after = add_metadata_entry(BRIEF, "Quote_hide", "الدعم سيستمر")
    assert after == BRIEF.replace("    كلام آخر\n", "    كلام آخر\n    الدعم سيستمر\n")


def test_metadata_entry_of_a_new_key_ends_the_block_and_never_touches_the_body() -> None:
    after = add_metadata_entry(BRIEF, "Quote_speaker", "الدعم سيستمر => مارك روتي")
    assert after == BRIEF.replace("Summary: اجتماع.\n",
                                  "Summary: اجتماع.\nQuote_speaker: الدعم سيستمر => مارك روتي\n")
    assert after.endswith("\nQuote_hide: not metadata, part of the body\n")


def test_metadata_entry_keeps_crlf_and_is_one_line() -> None:
    text = "Title: t\r\nLang: en\r\n\r\nBody\r\n"
    after = add_metadata_entry(text, "Quote_remove", "two\nlines")
    assert after == "Title: t\r\nLang: en\r\nQuote_remove: two lines\r\n\r\nBody\r\n"


def test_metadata_entry_already_there_is_not_repeated() -> None:
    assert add_metadata_entry(BRIEF, "quote_hide", "كلام آخر") == BRIEF


def test_reviewed_is_set_or_replaced() -> None:
    once = set_metadata(BRIEF, "Reviewed", "2024-11-21")
    assert once == BRIEF.replace("Summary: اجتماع.\n", "Summary: اجتماع.\nReviewed: 2024-11-21\n")
    assert set_metadata(once, "Reviewed", "2024-12-01") == once.replace("2024-11-21", "2024-12-01")
    assert metadata_value(once, "reviewed") == "2024-11-21"


def test_a_file_without_metadata_is_refused() -> None:
    with pytest.raises(EditError):
        add_metadata_entry("\nBody only\n", "Quote_hide", "x")


def test_accept_adds_an_entry_with_the_id_before_the_trailing_comment() -> None:
    entity = EntityRef("person:هيرفي رينار", "هيرفي رينار", "person", aliases=("رينار",))
    assert accept_entity(ENTITIES, entity) == ENTITIES.replace(
        "      - Paris\n# merges come next\n",
        "      - Paris\n  - id: person:هيرفي رينار\n    type: person\n    name: هيرفي رينار\n"
        "    aliases: [رينار]\n# merges come next\n")


def test_rename_in_a_language_keeps_the_old_name_as_an_alias() -> None:
    entity = EntityRef("person:mark-rutte", "مارك روتي", "person")
    assert rename_entity(ENTITIES, entity, "مارك روته") == ENTITIES.replace(
        "name: {ar: مارك روتي, en: Mark Rutte}\n    aliases: [روتي, Rutte]",
        "name: {ar: مارك روته, en: Mark Rutte}\n    aliases: [روتي, Rutte, مارك روتي]")


def test_rename_of_an_entry_without_id_pins_the_id() -> None:
    entity = EntityRef("place:باريس", "باريس", "place")
    after = rename_entity(ENTITIES, entity, "مدينة باريس")
    assert after == ENTITIES.replace(
        "  - type: place\n    name: باريس\n    aliases:\n      - Paris\n",
        "  - id: place:باريس\n    type: place\n    name: مدينة باريس\n    aliases:\n"
        "      - Paris\n      - باريس\n")
    assert parse_site_entities(after).entries[1].id == "place:باريس"


def test_retype_changes_only_the_type() -> None:
    entity = EntityRef("person:mark-rutte", "مارك روتي", "person")
    assert retype_entity(ENTITIES, entity, "organization") == ENTITIES.replace(
        "    type: person\n", "    type: organization\n")
    with pytest.raises(EditError, match="unknown type"):
        retype_entity(ENTITIES, entity, "animal")


def test_merge_joins_an_existing_into_or_adds_one() -> None:
    assert merge_entity(ENTITIES, "place:tz-Asia/Pyongyang", "place:KP") == ENTITIES.replace(
        "from: [person:كوريا]", "from: [person:كوريا, place:tz-Asia/Pyongyang]")
    assert merge_entity(ENTITIES, "organization:ap", "organization:afp") == ENTITIES.replace(
        "    from: [person:كوريا]\n",
        "    from: [person:كوريا]\n  - into: organization:afp\n    from: [organization:ap]\n")
    with pytest.raises(EditError):
        merge_entity(ENTITIES, "place:KP", "place:KP")


def test_exclude_appends_to_the_block_list_after_its_comment() -> None:
    assert exclude_entity(ENTITIES, "organization:x y") == ENTITIES + "  - organization:x y\n"
    assert exclude_entity(ENTITIES + "  - organization:x y\n", "organization:x y") == (
        ENTITIES + "  - organization:x y\n")


def test_first_edit_of_a_missing_file_makes_it() -> None:
    assert add_entity("", "نجوم الواحة", "organization") == (
        "entities:\n  - type: organization\n    name: نجوم الواحة\n")
    assert exclude_entity("", "place:X") == "exclude:\n  - place:X\n"
    assert exclude_entity("exclude: []  # none yet\n", "place:X") == (
        "exclude: [place:X]  # none yet\n")


def test_an_alias_claimed_twice_is_refused_before_writing() -> None:
    with pytest.raises(EditError, match="already a name"):
        add_entity(ENTITIES, "Rutte", "person")


def test_a_scalar_that_yaml_would_read_otherwise_is_quoted() -> None:
    assert yaml_scalar("no") == '"no"'
    assert yaml_scalar("Bin: Laden") == '"Bin: Laden"'
    assert yaml_scalar("# x") == '"# x"'
    text = add_entity("", "Yes, Minister", "organization")
    assert parse_site_entities(text).entries[0].name_en == "Yes, Minister"


def test_diff_names_the_file(tmp_path) -> None:
    diff = diff_of("a\nb\n", "a\nc\n", "entities.yml")
    assert diff == "--- a/entities.yml\n+++ b/entities.yml\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n"


def test_write_atomic_keeps_the_mode_and_leaves_no_temporary_file(tmp_path) -> None:
    path = tmp_path / "brief.md"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    write_atomic(path, "نص\r\n")
    assert path.read_bytes() == "نص\r\n".encode()
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]
