"""Unit tests of critical_reading.display: quotations, charts with alt text, the live note."""

import pytest
from critical_reading.display import LIVE_NOTE, MARKERS, PALETTE, TRANSLATION_LABEL, Chart, Quote, live_note, new_figure


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
    assert repr(note) == LIVE_NOTE and "only when the notebook runs live" in note.data


def test_interactive_view_renders_now_and_on_change(capsys):
    import ipywidgets as widgets
    from critical_reading.display import interactive_view

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
