"""Unit tests of the app's pure helpers: figure formatting, bars, tags, entity groups, key rows."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.binding import Binding

from article.model import Entity, Figure
from tui.help_screen import action_rows
from tui.note_editor import parse_tags
from tui.tabs.entities import group_entities
from tui.tabs.figure_format import (
    bar,
    format_value,
    group_digits,
    money_figures,
    sorted_by_value,
)
from tui.tabs.figures import _clip, clip_label
from tui.tabs.legend import type_order


def fig(
    value: float, unit: str, *, high: float | None = None, qualifier: str | None = None
) -> Figure:
    return Figure("x", value, high, unit, qualifier, None, None, 0, 0, 1)


@pytest.mark.parametrize(
    ("figure", "shown"),
    [
        (fig(4e11, "元", qualifier="超过"), "超过 4,000 亿元"),
        (fig(30.5, "%"), "30.5%"),
        (fig(15.8, "个百分点"), "15.8 个百分点"),
        (fig(14335700, "元"), "1,433.57 万元"),
        (fig(3.6e12, "元"), "3.6 万亿元"),
        (fig(110, "家", qualifier="余"), "110余家"),
        (fig(1 / 3, ""), "33.3%"),
        (fig(0.7, ""), "70%"),
        (fig(30, "%", high=50), "30–50%"),
        (fig(3e8, "元", high=5e8), "3–5 亿元"),
        (fig(20, "%", qualifier="以上"), "20% 以上"),
        (fig(61, "%", qualifier="左右"), "61% 左右"),
        (fig(5, "个工作日", qualifier="最长"), "最长 5 个工作日"),
        (fig(850, "元"), "850 元"),
    ],
)
def test_format_value(figure: Figure, shown: str) -> None:
    assert format_value(figure) == shown


@given(st.floats(min_value=0, max_value=1e15, allow_nan=False))
def test_group_digits_round_trips(value: float) -> None:
    text = group_digits(value)
    assert abs(float(text.replace(",", "")) - value) <= 0.005 + value * 1e-12


def test_sorted_by_value_groups_units_in_first_seen_order() -> None:
    figures = [fig(1, "元"), fig(5, "%"), fig(3, "元"), fig(9, "%"), fig(2, "家")]
    assert sorted_by_value(figures) == [2, 0, 3, 1, 4]


def test_bar_scales_in_eighths() -> None:
    assert bar(10, 10, 4) == "████"
    assert bar(5, 10, 4) == "██"
    assert bar(1, 10, 4) == "▍"  # 3.2 eighths → 3
    assert bar(0.0001, 10, 4) == "▏"  # never invisible
    assert bar(0, 10, 4) == ""


def test_money_figures_need_several_amounts() -> None:
    assert money_figures([fig(1, "元"), fig(3, "%")]) == []
    assert len(money_figures([fig(1, "元"), fig(3, "元"), fig(3, "%")])) == 2
    many = [fig(v, "元") for v in (5, 1, 9, 3, 7)]
    assert [f.value for f in money_figures(many, limit=3)] == [5, 9, 7]  # largest, reading order


def test_clip_counts_cells() -> None:
    assert _clip("人工智能核心企业授信", 10) == "人工智能… "
    assert _clip("授信", 10) == "授信      "


def test_parse_tags() -> None:
    assert parse_tags("财经, #银行 AI，银行、 ") == ["财经", "银行", "AI"]
    assert parse_tags("") == []


def test_group_entities_counts_and_orders() -> None:
    ents = [
        Entity("PERSON", "甲乙", 0, 0, 2),
        Entity("ORG", "丙丁银行", 0, 3, 7),
        Entity("PERSON", "戊己", 1, 0, 2),
        Entity("PERSON", "戊己", 2, 0, 2),
    ]
    groups = group_entities(ents)
    assert groups["PERSON"] == [("戊己", 2), ("甲乙", 1)]
    assert type_order(groups) == ["PERSON", "ORG"]
    assert type_order(["ZZZ", "DATE", "PERSON"]) == ["PERSON", "DATE", "ZZZ"]


def test_action_rows_join_the_keys_of_one_action() -> None:
    bindings = [Binding("j,down", "next", "下一句"), Binding("k", "prev", "上一句")]
    rows = action_rows(bindings, lambda b: b.key.upper())
    assert rows == [("next", "J / DOWN", "下一句"), ("prev", "K", "上一句")]


def test_every_bar_of_a_wide_ranging_chart_shows() -> None:
    from tui.tabs.figure_format import bar_lengths

    values = [4e11, 3.6e12, 1.1e12, 1.43e7, 1.08e7, 1e7, 9.8e8, 2.6e12]
    lengths, log = bar_lengths(values, 16)
    assert log
    assert all(length >= 1 for length in lengths)  # no empty '▏' bars
    order = sorted(range(len(values)), key=values.__getitem__)
    assert [lengths[i] for i in order] == sorted(lengths)  # a bigger amount, a longer bar
    assert max(lengths) == 16


def test_a_narrow_range_stays_linear() -> None:
    from tui.tabs.figure_format import bar_lengths

    lengths, log = bar_lengths([100.0, 50.0, 25.0], 8)
    assert not log and lengths == [8.0, 4.0, 2.0]


def test_a_long_label_keeps_its_head_noun_at_the_end() -> None:
    assert clip_label("科技型中小企业本外币贷款余额同比增长", 16) == "科技…额同比增长 "
    assert clip_label("授信", 10) == "授信      "
