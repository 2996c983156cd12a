"""Functional tests of the entity index: pages, the site-wide index, the API, the editors' file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefs.site.entities import sort_key
from htmlquery import select
from support import FIXTURE_SITE, ROOT, build_site

pytestmark = pytest.mark.slow


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def entity_api(output: Path) -> dict[str, dict]:
    data = json.loads(read(output / "api" / "entities.json"))
    return {entity["id"]: entity for entity in data["entities"]}


def test_api_lists_every_entity_with_its_briefs(built_site: Path) -> None:
    entities = entity_api(built_site)
    rutte = entities["person:mark-rutte"]
    assert rutte["type"] == "person"
    assert rutte["name"] == "مارك روتي"
    assert "Mark Rutte" in rutte["aliases"]
    assert "briefs/nato-china-north-korea.html" in rutte["briefs"]
    # Arabic and English briefs of one gazetteer entity share one entity.
    assert any(url.endswith(".en.html") for url in rutte["briefs"])
    nato = entities["organization:nato"]
    assert {"NATO", "الناتو"} <= set(nato["aliases"])
    for entity in entities.values():
        assert (built_site / entity["url"]).is_file()
        for url in entity["briefs"]:
            assert (built_site / url).is_file()


def test_entity_page_lists_briefs_newest_first_quotes_and_companions(built_site: Path) -> None:
    rutte = entity_api(built_site)["person:mark-rutte"]
    assert rutte["url"] == "entities/person-mark-rutte.html"
    page = read(built_site / rutte["url"])
    (title,) = select(page, "h1")
    assert title.text.strip() == "مارك روتي"
    # The dates of the briefs list (the chart's table and the quotes have their own).
    times = [child.attrs["datetime"] for item in select(page, "li", class_="date-list__item")
             for child in item.children if child.tag == "time"]
    assert times == sorted(times, reverse=True)
    assert len(times) == len(rutte["briefs"])
    quotes = [q.text for q in select(page, "blockquote")]
    assert any("الصين تتحمل مسؤولية خاصة" in quote for quote in quotes)
    assert "حلف شمال الأطلسي" in page  # a companion
    assert (built_site / "feeds" / "entities" / "person-mark-rutte.atom.xml").is_file()


def test_brief_sidebar_groups_entities_with_counts_and_body_links(built_site: Path) -> None:
    page = read(built_site / "briefs" / "nato-china-north-korea.html")
    (aside,) = select(page, "aside")
    assert "مارك روتي" in aside.text
    links = select(page, "a", class_="entity-link entity-link--person")
    assert any(link.attrs["href"] == "../entities/person-mark-rutte.html" for link in links)
    # The proclitic و stays inside the link: the word is never split.
    assert any(link.text == "وكوريا الجنوبية" for link in select(page, "a")
               if "entity-link" in link.attrs.get("class", ""))


def test_index_page_is_grouped_and_alphabetical(built_site: Path) -> None:
    page = read(built_site / "entities" / "index.html")
    headings = [h.text.strip() for h in select(page, "h2")]
    assert len(headings) == 3
    for section in page.split("<h2")[1:]:
        names = [a.text for a in select(section[: section.index("</ul>")], "a")]
        assert names == sorted(names, key=sort_key)


def test_each_type_has_its_own_alphabetical_list_linked_from_the_index(built_site: Path) -> None:
    index = read(built_site / "entities" / "index.html")
    entities = entity_api(built_site).values()
    for kind in ("person", "organization", "place"):
        assert f'href="../entities/{kind}.html"' in index
        page = read(built_site / "entities" / f"{kind}.html")
        listing = page[page.index('class="term-list"'):]
        links = select(listing[: listing.index("</ul>")], "a")
        names = [link.text for link in links]
        assert names == sorted(names, key=sort_key)
        # Every entity of the type, each linked to its page; the index shows at most 20.
        assert {link.attrs["href"].removeprefix("../") for link in links} == {
            entity["url"] for entity in entities if entity["type"] == kind}
        section = index[index.index(f'id="kind-{kind}"'):]
        assert 0 < len(select(section[: section.index("</ul>")], "li")) <= min(20, len(names))


def copy_fixture(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE / "content", content)
    return content


def pelican(content: Path, output: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "pelican", str(content), "-s", "pelicanconf.py",
               "-o", str(output), "-e", f'CACHE_PATH="{output.parent / "cache"}"', "--verbose"]
    return subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT,
                          env={**os.environ, "COLUMNS": "400"})


@pytest.mark.parametrize(("yaml_text", "line", "words"), [
    ("entities: [unclosed", 1, "YAML"),
    ("entities:\n  - name: x\n    type: martian\n", 3, "type"),
    ("entities:\n  - {id: a:b, type: person, name: x}\n  - {id: a:b, type: person, name: y}\n",
     3, "duplicate"),
    ("entities:\n  - {type: person, name: x, aliases: [z]}\n"
     "  - {type: person, name: y, aliases: [z]}\n", 3, "alias"),
])
def test_bad_entities_file_stops_the_build_before_writing(tmp_path: Path, yaml_text: str,
                                                          line: int, words: str) -> None:
    content = copy_fixture(tmp_path)
    (content / "entities.yml").write_text(yaml_text, encoding="utf-8")
    result = pelican(content, tmp_path / "out")
    log = " ".join((result.stdout + result.stderr).split())
    assert result.returncode != 0
    assert f"entities.yml:{line}" in log
    assert words.lower() in log.lower()
    assert "Fix:" in log
    assert not list((tmp_path / "out").rglob("*.html"))


def test_hostile_entity_names_get_safe_slugs_and_are_escaped(tmp_path: Path) -> None:
    content = copy_fixture(tmp_path)
    evil = '<script>alert(1)</script> ../../etc "x"'
    long_name = "ب" * 500
    (content / "entities.yml").write_text(
        "entities:\n"
        f"  - {{type: person, name: '{evil}', aliases: [مارك روتي]}}\n"
        f"  - {{type: place, name: {long_name}, aliases: [بروكسل]}}\n",
        encoding="utf-8")
    output = tmp_path / "out"
    build_site(content, output)
    written = [path.resolve() for path in output.rglob("*") if path.is_file()]
    assert all(path.is_relative_to(output.resolve()) for path in written)
    for path in (output / "entities").iterdir():
        assert len(path.name.encode()) < 255
        assert all(c not in path.name for c in '<>"/')
    for page in output.rglob("*.html"):
        assert "<script>alert(1)</script>" not in read(page)


def test_unchanged_briefs_are_analysed_once(tmp_path: Path) -> None:
    content = copy_fixture(tmp_path)
    summit = content / "2024-11-20-summit.ar.md"
    summit.write_text(summit.read_text(encoding="utf-8").replace(
        "Tags:", "Quote_hide: no such words\nTags:"), encoding="utf-8")
    first = " ".join(pelican(content, tmp_path / "one").stdout.split())
    second = " ".join(pelican(content, tmp_path / "two").stdout.split())
    assert "3 analysed (0 from the cache)" in first
    assert "3 analysed (3 from the cache)" in second
    # An override that matches nothing is reported on every build, cached or not.
    for log in (first, second):
        assert "2024-11-20-summit.ar.md: quote_hide: no quote contains 'no such words'" in log
    for page in (tmp_path / "one").rglob("*.html"):
        again = tmp_path / "two" / page.relative_to(tmp_path / "one")
        assert page.read_bytes() == again.read_bytes()
    # The editors' entity file changes what is found: every brief is analysed again.
    (content / "entities.yml").write_text("exclude:\n  - NATO\n", encoding="utf-8")
    third = " ".join(pelican(content, tmp_path / "three").stdout.split())
    assert "3 analysed (0 from the cache)" in third


def test_one_page_per_person_across_scripts(built_site: Path) -> None:
    from briefs.analysis.entities.cross_script import SURE, pair_score
    from briefs.analysis.entities.keys import is_arabic

    entities = entity_api(built_site)
    novak = next(e for e in entities.values() if "Alexander Novak" in (e["name"], *e["aliases"]))
    assert novak["names"] == {"ar": "ألكسندر نوفاك", "en": "Alexander Novak"}
    assert len(novak["briefs"]) >= 2  # Arabic and English briefs on one page
    people = [e for e in entities.values() if e["type"] in {"person", "organization"}]
    arabic = [e for e in people if is_arabic(e["name"])]
    latin = [e for e in people if not is_arabic(e["name"])]
    twins = [(a["name"], b["name"]) for a in arabic for b in latin
             if a["type"] == b["type"] and pair_score(a["type"], a["name"], b["name"]) >= SURE]
    assert twins == []
