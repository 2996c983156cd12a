"""The Content-Security-Policy in a real browser: planted inline script never runs.

The site in tests/browser/planted trusts its authors (``BRIEFS_RAW_HTML = True``), so its
brief reaches the page with an inline ``<script>``, an ``onerror`` handler, a
``javascript:`` link and an inline style: the policy every page carries must stop each one.
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Runs before the page's own scripts; DevTools-injected, so the policy does not block it.
LISTEN = """
window.violations = [];
document.addEventListener("securitypolicyviolation",
    (event) => window.violations.push(event.effectiveDirective));
"""


def test_planted_inline_script_handler_and_link_do_not_run(browser, planted_site_server):
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(LISTEN)
    try:
        response = page.goto(f"{planted_site_server}/briefs/planted.en.html")
        assert response is not None and response.ok
        html = page.content()
        assert "window.plantedInline" in html  # the raw HTML did reach the page
        page.click("#planted-link")
        page.wait_for_function("() => window.violations.length >= 3")
        state = page.evaluate("""() => ({
            inline: window.plantedInline === true,
            handler: window.plantedHandler === true,
            link: window.plantedLink === true,
            title: document.title,
            hidden: getComputedStyle(document.getElementById("planted-style")).display,
            violations: window.violations})""")
    finally:
        context.close()
    assert not state["inline"] and not state["handler"] and not state["link"]
    assert state["title"] != "pwned"
    assert state["hidden"] != "none"  # the inline style was refused too
    assert {"script-src-elem", "script-src-attr", "style-src-attr"} <= set(state["violations"])


def test_every_page_of_the_demo_site_carries_the_policy(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert pages
    for path in pages:
        if "pagefind" in path.parts:
            continue
        head = path.read_text(encoding="utf-8").split("</head>", 1)[0]
        assert '<meta http-equiv="Content-Security-Policy"' in head, path
        assert "script-src &#39;self&#39;" in head, path
