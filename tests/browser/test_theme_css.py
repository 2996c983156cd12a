"""Static checks of the theme stylesheet: logical properties only (code-style §1.10, §5).

No browser needed; it lives here with the other theme tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CSS_DIR = Path(__file__).resolve().parents[2] / "theme" / "static" / "css"
STYLESHEETS = sorted(CSS_DIR.glob("*.css"))

COMMENT = re.compile(r"/\*.*?\*/", re.S)
DECLARATION = re.compile(r"([a-z-]+)\s*:\s*([^;{}]+);")
PHYSICAL_PROPERTY = re.compile(
    r"^(?:(?:margin|padding|border|inset|scroll-margin|scroll-padding)-(?:left|right|top|bottom)"
    r"(?:-[a-z]+)?|left|right|top|bottom|float|clear|(?:min-|max-)?(?:width|height)"
    r"|border-(?:top|bottom)-(?:left|right)-radius)$"
)
SHORTHAND = {"margin", "padding", "inset", "border-width", "border-style", "border-color"}


def _declarations(path: Path) -> list[tuple[str, str]]:
    text = COMMENT.sub("", path.read_text(encoding="utf-8"))
    return [(name, value.strip()) for name, value in DECLARATION.findall(text)]


def test_there_is_a_stylesheet() -> None:
    assert STYLESHEETS, f"no CSS in {CSS_DIR}"


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda p: p.name)
def test_only_logical_properties(path: Path) -> None:
    bad = [
        f"{name}: {value}"
        for name, value in _declarations(path)
        if PHYSICAL_PROPERTY.match(name)
        or (name in {"text-align", "float", "clear", "resize"} and value in {"left", "right"})
        or (name in SHORTHAND and len(value.split()) > 1)
    ]
    assert not bad, f"physical CSS in {path.name}: {bad}"


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda p: p.name)
def test_dir_rules_are_explained(path: Path) -> None:
    """A [dir=...] selector is allowed only right after a comment saying why."""
    text = path.read_text(encoding="utf-8")
    unexplained = [
        match.group(0)
        for match in re.finditer(r"(?m)^[^\n{}]*\[dir[^\n{]*\{", text)
        if not text[: match.start()].rstrip().endswith("*/")
    ]
    assert not unexplained, f"[dir] rules without a comment in {path.name}: {unexplained}"


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda p: p.name)
def test_letter_spacing_is_reset_for_arabic(path: Path) -> None:
    """Every rule that tracks letters is undone for Arabic (tracking breaks joining)."""
    text = COMMENT.sub("", path.read_text(encoding="utf-8"))
    tracked = {
        sel.strip()
        for sel, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text)
        if re.search(r"letter-spacing\s*:(?!\s*normal)", body)
    }
    resets = " ".join(
        sel
        for sel, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text)
        if re.search(r"letter-spacing\s*:\s*normal", body) and ":lang(ar)" in sel
    )
    missing = [sel for sel in tracked if sel.split(",")[0].strip() not in resets]
    assert not missing, f"letter-spacing without an Arabic reset: {missing}"
