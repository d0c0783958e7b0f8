"""Entity colours: one per type in every theme, still told apart with colour blindness."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest
from rich.color import Color
from rich.style import Style
from tui_articles.support import SIZE, make_app, settle

from tui.help_screen import HelpScreen
from tui.tabs.legend import legend_text
from tui.theme import ENTITY_STYLES

# Machado, Oliveira & Fernandes (2009), severity 1.0, applied in linear RGB.
SIMULATIONS = {
    "normal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}
MIN_DELTA_E = 10.0  # CIE76: clearly different side by side, in running text


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def seen(colour: Color, vision: str) -> tuple[float, float, float]:
    """The colour in CIELAB as a person with that vision sees it."""
    red, green, blue = colour.get_truecolor()
    linear = (_linear(red), _linear(green), _linear(blue))
    matrix = SIMULATIONS[vision]
    mixed = [sum(m * c for m, c in zip(row, linear, strict=True)) for row in matrix]
    clipped = [min(1.0, max(0.0, c)) for c in mixed]
    return _lab((clipped[0], clipped[1], clipped[2]))


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "nord", "solarized-light"])
async def test_entity_colours_differ_pairwise_for_every_vision(tmp_path: Path, theme: str) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        app.theme = theme
        await settle(pilot)
        styles = app.entity_styles()
        colours = {kind: styles[style.type].color for kind, style in enumerate(ENTITY_STYLES)}
        title = app.reader.get_component_rich_style("reader-view--title").color
        named = {ENTITY_STYLES[k].label: c for k, c in colours.items()} | {"标题": title}
        assert all(c is not None for c in named.values())
        for vision in SIMULATIONS:
            for (a, ca), (b, cb) in itertools.combinations(named.items(), 2):
                assert ca is not None and cb is not None
                distance = math.dist(seen(ca, vision), seen(cb, vision))
                assert distance >= MIN_DELTA_E, (theme, vision, a, b, round(distance, 1))


async def test_the_help_legend_shows_each_type_in_its_own_colour(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = legend_text(app.screen.legend_styles)
        colours = [
            span.style.color.get_truecolor()
            for span in text.spans
            if isinstance(span.style, Style) and span.style.color
        ]
        assert len(colours) == len(ENTITY_STYLES) and len(set(colours)) == len(colours)
