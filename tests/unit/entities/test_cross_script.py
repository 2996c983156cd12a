"""Arabic and Latin spellings of one name join one entity, never on a guess."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefs.analysis.entities import merge_site
from briefs.analysis.entities.cross_script import LIKELY, SURE, cross_script_pairs
from briefs.analysis.entities.gazetteer import site_gazetteer
from briefs.analysis.entities.model import EntityRef, Mention
from briefs.analysis.entities.site import load_site_entities
from briefs.analysis.entities.transliterate import name_match

CASES = Path(__file__).resolve().parents[2] / "cases"


@pytest.mark.parametrize(("arabic", "latin"), [
    ("عبد الفتاح السيسي", "Abdel Fattah el-Sisi"),
    ("عبد المجيد تبون", "Abdelmadjid Tebboune"),
    ("رجب طيب أردوغان", "Recep Tayyip Erdoğan"),
    ("فولوديمير زيلينسكي", "Volodymyr Zelensky"),
    ("قيس سعيد", "Kaïs Saïed"),
    ("شين تاي يونغ", "Shin Tae-yong"),
    ("شي جين بينغ", "Xi Jinping"),
    ("حزب الله", "Hezbollah"),
])
def test_transliterations_match(arabic: str, latin: str) -> None:
    assert name_match(arabic, latin) >= SURE


@pytest.mark.parametrize(("arabic", "latin"), [
    ("محمد بن زايد", "Mohammed bin Salman"),
    ("كيم جونغ أون", "Kim Jong-il"),
    ("حسن روحاني", "Hassan Nasrallah"),
])
def test_different_people_with_similar_names_do_not(arabic: str, latin: str) -> None:
    assert name_match(arabic, latin) < SURE


def ref(eid: str, name: str) -> EntityRef:
    return EntityRef(eid, name, eid.split(":", maxsplit=1)[0],
                     mentions=(Mention(0, len(name), name, eid.split(":", maxsplit=1)[0], name),))


def test_a_near_exact_name_joins_and_keeps_both_names() -> None:
    entities = merge_site([("a", [ref("person:ألكسندر نوفاك", "ألكسندر نوفاك")]),
                           ("b", [ref("person:alexander novak", "Alexander Novak")])])
    (novak,) = entities
    assert novak.names == {"ar": "ألكسندر نوفاك", "en": "Alexander Novak"}
    assert set(novak.ref_ids) == {"person:ألكسندر نوفاك", "person:alexander novak"}


def test_a_likely_match_needs_a_shared_companion() -> None:
    # The Arabic brief gives his middle name, the English one does not.
    names = {"person:محمد شياع السوداني": "محمد شياع السوداني",
             "person:mohammed al-sudani": "Mohammed al-Sudani"}
    score = name_match(*names.values())
    assert LIKELY <= score < SURE
    alone, candidates = cross_script_pairs(names, {})
    assert alone == {} and candidates[0].score == round(score, 3)
    together, _ = cross_script_pairs(names, {eid: {"place:IQ"} for eid in names})
    assert together == {"person:mohammed al-sudani": "person:محمد شياع السوداني"}


def test_an_editor_keeps_two_apart(tmp_path: Path) -> None:
    path = tmp_path / "entities.yml"
    path.write_text("apart:\n  - [ألكسندر نوفاك, Alexander Novak]\n", encoding="utf-8")
    gazetteer = site_gazetteer(load_site_entities(path))
    entities = merge_site([("a", [ref("person:ألكسندر نوفاك", "ألكسندر نوفاك")]),
                           ("b", [ref("person:alexander novak", "Alexander Novak")])],
                          gazetteer=gazetteer)
    assert len(entities) == 2


def test_two_latin_names_close_to_one_arabic_name_stay_apart() -> None:
    names = {"person:محمد علي": "محمد علي", "person:mohamed ali": "Mohamed Ali",
             "person:muhammad ali": "Muhammad Ali"}
    joins, candidates = cross_script_pairs(names, {})
    assert joins == {}
    assert candidates


def test_the_matcher_on_pairs_of_real_names() -> None:
    # tests/cases/cross_script_names.yml: real public figures, same people and near-misses.
    pairs = yaml.safe_load((CASES / "cross_script_names.yml").read_text(encoding="utf-8"))
    people = [pair for pair in pairs["pairs"] if pair["type"] == "person"]
    assert len(people) >= 300
    scored = [(name_match(pair["ar"], pair["latin"]), pair["same"]) for pair in people]
    for threshold, floor_precision, floor_recall in ((SURE, 1.0, 0.80), (LIKELY, 0.99, 0.90)):
        merged = [same for score, same in scored if score >= threshold]
        recall = sum(merged) / sum(same for _, same in scored)
        assert sum(merged) / len(merged) >= floor_precision
        assert recall >= floor_recall
