"""An entity's weekly mentions as a small bar chart: inline, accessible SVG drawn at build time.

Drawn with drawsvg (MIT): one ``<rect>`` a week that has briefs, on a baseline, in a fixed
``viewBox`` that CSS scales to the column. The chart is an image to assistive technology
(``role="img"``, named by its ``<title>`` and described by its ``<desc>``); the page gives the
same numbers as a table. No script, no inline style (the site's CSP forbids both): colours
come from the theme's classes, so the chart follows light and dark mode.
"""

from __future__ import annotations

from collections.abc import Sequence

import drawsvg
from markupsafe import Markup

#: The drawing's coordinate box; CSS scales it to the width of the column.
WIDTH, HEIGHT = 640, 96
#: Room above the tallest bar, so it never touches the frame.
HEADROOM = 4


class Description(drawsvg.Title):
    """An SVG ``<desc>``: the longer text description of a drawing (escaped like a title)."""

    TAG_NAME = "desc"


def mention_chart(counts: Sequence[int], *, title: str, description: str,
                  id_prefix: str = "mention-chart") -> Markup:
    """Return weekly counts as an inline ``<svg>``: one bar a week, heights to scale.

    ``title`` and ``description`` are plain text, or markup (a translated template string)
    whose text is taken; either is escaped once here. Bars have the class ``chart__bar``, the
    baseline ``chart__axis``.

    >>> svg = mention_chart([2, 0, 1], title="<Rutte>", description="d")
    >>> svg.count("<rect"), "&lt;Rutte&gt;" in svg, 'role="img"' in svg
    (2, True, True)
    """
    drawing = drawsvg.Drawing(
        WIDTH, HEIGHT, id_prefix=id_prefix, role="img", class_="chart",
        aria_labelledby=f"{id_prefix}-title {id_prefix}-desc", preserveAspectRatio="none")
    drawing.append(drawsvg.Title(_text(title), id=f"{id_prefix}-title"))
    drawing.append(Description(_text(description), id=f"{id_prefix}-desc"))
    tallest = max(counts, default=0) or 1
    step = WIDTH / max(len(counts), 1)
    gap = step * 0.2 if step >= 4 else 0  # thin bars touch rather than vanish
    for position, count in enumerate(counts):
        if count:
            height = (HEIGHT - HEADROOM) * count / tallest
            drawing.append(drawsvg.Rectangle(
                round(position * step + gap / 2, 2), round(HEIGHT - height, 2),
                round(step - gap, 2), round(height, 2), class_="chart__bar"))
    drawing.append(drawsvg.Line(0, HEIGHT, WIDTH, HEIGHT, class_="chart__axis"))
    return Markup(drawing.as_svg(header=""))


def _text(value: str) -> str:
    """Return the text of ``value``: markup unescaped, a plain string as it is.

    >>> _text(Markup("R &amp; D")), _text("R &amp; D")
    ('R & D', 'R &amp; D')
    """
    return value.unescape() if isinstance(value, Markup) else value
