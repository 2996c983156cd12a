"""The recogniser's rules as one named table, and the trail that explains their edits."""

from __future__ import annotations

from briefs.analysis.entities.recognise import explain, tag_tokens
from briefs.analysis.entities.rules import PRODUCT, RULES, Trail


def test_every_rule_has_a_unique_name_and_a_known_scope() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    assert {rule.scope for rule in RULES} == {"both", "product"}


def test_the_anercorp_path_runs_no_product_rule() -> None:
    tokens = ["وقالت", "وزارة", "الخارجية", "الصينية", "إن"]
    trail = Trail()
    tag_tokens(tokens, phrases=False, trail=trail)
    product = {rule.name for rule in RULES if rule.scope == PRODUCT}
    assert not {change.rule for change in trail.changes} & product
    trail = Trail()
    tags = tag_tokens(tokens, phrases=True, trail=trail)
    assert tags[1:4] == ["B-ORG", "I-ORG", "I-ORG"]
    assert "org_phrases" in {change.rule for change in trail.changes}


def test_explain_names_the_rule_that_made_a_body_of_a_person() -> None:
    text = "وانتقد المتحدث باسم إدارة بايدن الخطوة الصينية."
    why = explain(text, lang="ar")
    assert ("org_phrases", "added", "organization", "إدارة بايدن") in {
        (e.rule, e.action, e.type, e.text) for e in why}
    for item in why:
        assert text[item.start:item.end] == item.text


def test_no_trail_no_record() -> None:
    # Without a trail the rules run the same and nothing is kept (the build's path).
    tokens = ["وانتقد", "المتحدث", "باسم", "إدارة", "بايدن", "الخطوة"]
    trail = Trail()
    assert tag_tokens(tokens, phrases=True) == tag_tokens(tokens, phrases=True, trail=trail)
    assert trail.changes


def test_a_rule_its_gate_skips_would_have_changed_nothing(monkeypatch) -> None:
    # ``needs`` and ``when`` spare a rule the sentences it cannot change: run every rule on
    # every sentence of the demo briefs and check that a skipped one changes no tag.
    import sys

    from briefs.analysis.entities import recognise
    from briefs.analysis.entities import rules as table
    from briefs.cli.sources import read_content_file
    from support import ROOT

    skipped = 0

    def every_rule(sentence, tags, *, product, trail=None):
        nonlocal skipped
        for rule in table.RULES:
            if rule.scope == PRODUCT and not product:
                continue
            gated = ((rule.needs is not None and rule.needs not in tags)
                     or (rule.when is not None and not rule.when(sentence)))
            before = list(tags)
            rule.apply(sentence, tags)
            if gated:
                skipped += 1
                assert tags == before, (rule.name, sentence.tokens)

    module = sys.modules[recognise.__module__]
    monkeypatch.setattr(module, "apply_rules", every_rule)
    for path in sorted((ROOT / "content").glob("*.ar.md")):
        recognise(read_content_file(path).body, lang="ar")
    assert skipped > 500
