"""Page heads in hard-wrapped extractor text: a long masthead line, a section kicker with a
middle dot, a title over a deck wrapped in two. Invented papers, names and numbers."""

from __future__ import annotations

from pathlib import Path

from article.analyze import analyze_path
from article.blocks.furniture import is_running_line

BODY = [
    "今年上半年，澄江省发行新增地方政府专项债",
    "券412亿元，其中投向污水处理和管网改造的",
    "资金为64.5亿元，同比增长31.2%。记者梳理",
    "发现，这部分资金支持的56个项目里，县域项",
    "目有21个，占比约四成。",
]


def _kinds(tmp_path: Path, lines: list[str]) -> list[tuple[str, str]]:
    """(kind, text) of every block of a hard-wrapped page text."""
    path = tmp_path / "page.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [(b.kind, b.text) for b in analyze_path(path, use_cache=False).blocks]


def test_a_long_masthead_line_is_furniture() -> None:
    assert is_running_line(
        "13 票据 2026年7月10日 星期五 第318期 港湾理财周刊 GANGWAN WEALTH WEEKLY"
    )
    assert is_running_line(
        "A6 地方债 2026年7月8日 星期三 第4512期 澄江财经日报 C H E N G J I A N G D A I LY"
    )
    assert not is_running_line("2026年7月8日星期三，澄江省财政厅发布了专项债券的发行计划。")
    assert not is_running_line("VELORA品牌今年首发三款新品")  # Latin capitals opening a line


def test_a_section_kicker_with_a_middle_dot_stands_over_the_title(tmp_path: Path) -> None:
    kinds = _kinds(
        tmp_path,
        ["资本市场·上市公司", "澄川精工拿到首批回购贷款", "本报记者 沈望舒 澄州报道", *BODY * 3],
    )
    assert kinds[:3] == [
        ("subtitle", "资本市场·上市公司"),
        ("title", "澄川精工拿到首批回购贷款"),
        ("byline", "本报记者 沈望舒 澄州报道"),
    ]


def test_a_title_ending_in_a_quoted_word_over_a_deck_in_two_lines(tmp_path: Path) -> None:
    kinds = _kinds(
        tmp_path,
        [
            *BODY,
            "碳配额押出“绿色贷款”",
            "澄江辖内碳排放配额质押贷款余额突破30亿元，控",
            "排企业把富余配额变成了低成本资金",
            "本报记者 沈望舒 澄州报道",
            *BODY,
        ],
    )
    assert ("title", "碳配额押出“绿色贷款”") in kinds


def test_a_byline_over_two_lines_and_a_reporter_s_photo_credit(tmp_path: Path) -> None:
    kinds = _kinds(
        tmp_path,
        [
            "澄川茶企凭仓单拿到贷款",
            "本报记者 沈望舒",
            "澄州报道",
            *BODY,
            "图为澄川一处茶叶监管仓内，工作人员正在核对仓单。",
            "本报记者 沈望舒 摄",
            *BODY,
        ],
    )
    assert ("byline", "本报记者 沈望舒 澄州报道") in kinds
    captions = [text for kind, text in kinds if kind == "caption"]
    assert captions and captions[0].endswith("摄")
