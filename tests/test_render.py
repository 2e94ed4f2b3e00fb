"""Unit tests of critical_reading.render: quotations, marks, the table view, cards, charts, widgets."""

import math
import re
from pathlib import Path

import pandas as pd
import pytest

from critical_reading.intervals import Interval
from critical_reading.messages import say
from critical_reading.render import (
    MARKERS,
    PALETTE,
    Card,
    Chart,
    Quote,
    TableView,
    interactive_view,
    live_note,
    new_figure,
    show,
    translation_label,
)

TRANSLATION_LABEL = translation_label()
PACKAGE = Path(__file__).resolve().parent.parent / "critical_reading"


def test_quote_shows_both_languages_and_the_label():
    quote = Quote("hơn 6.000 người đã thiệt mạng", "more than 6,000 have been killed", "unnamed sources")
    assert "VI: hơn 6.000" in repr(quote) and TRANSLATION_LABEL in repr(quote)
    html = quote._repr_html_()
    assert 'lang="vi"' in html and TRANSLATION_LABEL in html and "unnamed sources" in html


def test_quote_escapes_html():
    assert "&lt;b&gt;" in Quote("<b>", "x")._repr_html_()


def test_chart_needs_alt_text_and_embeds_it():
    figure, axes = new_figure()
    axes.plot([1, 2], [3, 4], marker=MARKERS[0], color=PALETTE["blue"])
    with pytest.raises(ValueError, match="alt text"):
        Chart(figure, "  ")
    chart = Chart(figure, 'Two points, "rising".')
    html = chart._repr_html_()
    assert 'alt="Two points, &quot;rising&quot;."' in html
    assert "Chart description:" in html and repr(chart).startswith("Chart description:")
    assert chart.png_bytes().startswith(b"\x89PNG")


def test_palette_is_okabe_ito():
    assert len(PALETTE) == 8 and PALETTE["vermillion"] == "#D55E00"


def test_live_note():
    note = live_note()
    assert repr(note) == say("render.live_note") and "only when the notebook runs live" in note.data


def test_interactive_view_renders_now_and_on_change(capsys):
    import ipywidgets as widgets

    from critical_reading import AssumptionError

    seen = []

    def render(share):
        seen.append(share)
        if share > 1:
            raise AssumptionError("a share cannot be above 1")
        return f"share {share}"

    slider = widgets.FloatSlider(value=0.5, min=0, max=2)
    box = interactive_view(render, share=slider)
    assert "course-interactive" in box._dom_classes
    assert repr(box).startswith("[Interactive view:")  # what GitHub or nbviewer shows
    assert seen == [0.5]
    slider.value = 1.5  # raises inside render: shown as one line, not propagated
    assert seen == [0.5, 1.5]
    # outside a kernel the Output widget does not capture, so the line reaches stdout
    assert capsys.readouterr().out.strip().endswith("Check your choice: a share cannot be above 1")


def test_one_mark_convention_in_text_and_html():
    quote = Quote("Nga cho biết 6.000 người", "Russia said 6,000 people", marks=["6.000"], label="▶ [c01 · russia]")
    assert "VI: Nga cho biết «6.000» người" in repr(quote) and repr(quote).startswith("▶ [c01 · russia]")
    html = quote._repr_html_()
    assert "<mark" in html and "text-decoration:underline" in html and "▶ [c01 · russia]" in html


def test_marking_words_not_in_the_quote_is_one_line():
    from critical_reading import AssumptionError

    with pytest.raises(AssumptionError, match="not part of the quotation"):
        Quote("abc", "abc", marks=["xyz"])


def test_table_view_formats_cells_and_folds_long_tables():
    frame = pd.DataFrame({"n": [14000.0] * 30, "high": [math.inf] * 30, "range": [Interval(12600, 15400)] * 30,
                          "date": [pd.Timestamp("2025-11-14")] * 30, "url": ["https://example.org/a?b=c"] * 30})
    view = TableView(frame)
    text = repr(view)
    assert "14,000" in text and "no upper bound" in text and "12,600–15,400" in text and "2025-11-14" in text
    assert "inf" not in text and "dtype" not in text and "00:00:00" not in text
    html = view._repr_html_()
    assert "<details>" in html and "Show all 30 rows" in html and '<a href="https://example.org/a?b=c"' in html
    assert html.split("<details>")[0].count("<tr>") == 1 + view.first_rows


def test_show_labels_translations_and_keeps_a_named_index():
    frame = pd.DataFrame({"claim_en": ["x"]}, index=pd.Index(["c01"], name="claim_id"))
    view = show(frame)
    assert list(view.frame.columns) == ["claim_id", f"claim_en ({TRANSLATION_LABEL})"]


def test_card_has_title_parts_facts_and_links():
    card = Card("T1", [Quote("a", "b")], [("What changed", "x")], sources=["https://example.org"])
    assert repr(card).splitlines()[0] == "T1" and "What changed: x" in repr(card)
    assert 'href="https://example.org"' in card._repr_html_()


def test_html_is_built_only_in_render():
    """No module outside render/ (and the exercise checks, issue #11) writes HTML tags."""
    tag = re.compile(r"<(p|div|span|table|tr|td|th|mark|strong|ul|li|a|blockquote|figure|details)[ >]")
    offenders = []
    for path in PACKAGE.glob("*.py"):
        if path.name.startswith("checks"):
            continue
        if tag.search(path.read_text(encoding="utf-8")):
            offenders.append(path.name)
    assert not offenders, f"HTML built outside critical_reading/render/: {offenders}"


def test_no_module_is_over_600_lines():
    long = {p.relative_to(PACKAGE).as_posix(): n for p in PACKAGE.rglob("*.py")
            if not p.name.startswith("checks") and (n := len(p.read_text(encoding="utf-8").splitlines())) > 600}
    assert not long, long


def test_a_link_with_an_ampersand_shows_it_whole():
    from critical_reading.render.base import link

    shown = link("https://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=188549")
    assert "&<wbr>amp;" not in shown and "lang=<wbr>e&amp;<wbr>Seq_Code" in shown
