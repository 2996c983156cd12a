"""Key-quote selection."""

from briefs.analysis.keyquotes import select_key_quotes
from briefs.analysis.model import Quote, Span


def q(text, speaker=None, fragment=False, hidden=False):
    return Quote(
        text, 0, len(text), (Span(0, len(text)),), speaker=speaker, fragment=fragment, hidden=hidden
    )


def test_order_named_first_then_longer_then_earlier():
    quotes = [q("a" * 50), q("b" * 45, "X"), q("c" * 80, "Y"), q("d" * 80, "Z"), q("e" * 10, "W")]
    got = [x.text[0] for x in select_key_quotes(quotes, 4)]
    assert got == ["c", "d", "b", "e"]


def test_fragments_hidden_and_duplicates_excluded():
    quotes = [
        q("x" * 60, "A", fragment=True),
        q("y" * 60, "A", hidden=True),
        q("z" * 60, "A"),
        q("z" * 60, "B"),
    ]
    assert [x.speaker for x in select_key_quotes(quotes, 4)] == ["A"]


def test_deterministic_and_bounded():
    quotes = [q(str(i) * 50, "S") for i in range(10)]
    assert select_key_quotes(quotes, 3) == select_key_quotes(list(quotes), 3)
    assert len(select_key_quotes(quotes, 3)) == 3
    assert select_key_quotes(quotes, 0) == []
