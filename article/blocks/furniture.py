"""Page furniture in extracted text: running headers and footers, and the text of a chart.

None of it belongs to an article, so none of it may be joined into a sentence. The cues are
the conventions of Chinese newspapers, never one paper's strings.
"""

from __future__ import annotations

import re

_DATE_WEEKDAY = re.compile(
    r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日.{0,6}?(?:星期|周)[一二三四五六日天]"
)
_STAFF = re.compile(r"(?:责任编辑|责编|编辑|美编|校对|版式|制图|图编|审读|组版|设计|统筹)")
_STAFF_CREDIT = re.compile(rf"{_STAFF.pattern}\s*[：:]?\s*[\u4e00-\u9fff]{{2,4}}")
_PAGE_CODE = re.compile(r"^(?:[A-Z]{1,2}\s?\d{1,2}|第\s*[0-9一二三四五六七八九十]+\s*版)(?:\s|$)")
_PAGE_CODE_WORD = re.compile(
    r"(?:^|\s)[A-Z]{1,2}\d{1,2}(?=\s|$|[\u4e00-\u9fff])"
)  # B2, C3公司·产业
_SPACED_CAPS = re.compile(r"(?<=[A-Z]) (?=[A-Z](?: |$))")  # the spaces of Y U E C H E N G
_LATIN_CAPS = re.compile(r"^[A-Z][A-Z0-9&'.,\- ]{5,}$")
_LETTER_SPACED = re.compile(r"^[A-Z](?: {1,3}[A-Z]){5,}$")
_PAPER_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,10}(?:报|刊|周刊|日报|时报|晚报|商报|周报|报道)$")
_WEB = re.compile(r"^(?:https?://|www\.)[\w.-]+(?:/\S*)?$", re.IGNORECASE)
_PAGE_CODE_ALONE = re.compile(r"^[A-Z]{1,2}\s?\d{1,2}$")
_ISSUE = re.compile(r"(?:^|\s)总?第\s*\d+\s*期(?:\s|$)")  # 总第812期: the paper's issue number
# a page number and its section, set apart by a middle dot: "06 区域·县域", "区域·县域 06"
_SECTION = r"[\u4e00-\u9fff]{2,4}[·•][\u4e00-\u9fff]{2,4}"
_NUMBERED_SECTION = re.compile(rf"^(?:\d{{1,2}}\s*{_SECTION}|{_SECTION}\s*\d{{1,2}})$")
_REPORTER = re.compile(r"记者|通讯员|实习生|撰稿")  # "本报记者 某某 北京报道" is a byline
_BARE_NUMBER = re.compile(r"^[-+]?\d+(?:[.,]\d+)*\s*[%％]?$")
_PAGE_NUMBER = re.compile(r"^[-—–]?\s*\d{1,3}\s*[-—–]?$")
PHOTO_CAPTION = r"^[▲△]|^图为|^图片为"  # a photo's caption
CAPTION_RE = re.compile(
    rf"^[（(]?(?:附)?(?:图表|图|表)\s*[0-9０-９一二三四五六七八九十]*\s*[：:]|{PHOTO_CAPTION}"
)
_SOURCE_LINE = re.compile(r"^[（(]?(?:(?:资料|数据|图片|图表|信息)?来源|注|备注)\s*[：:]")
_LATIN_TITLE = re.compile(r"[A-Z]{2,}(?: [A-Z]{2,})+")  # "ZHONGXIN FINANCE WEEKLY"
_LATIN_NAME = re.compile(r"(?:[A-Z] ?){6,}")  # a paper's Latin name, maybe letter-spaced
_BARE_DATE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*(?:月\s*)?\d{1,2}\s*日")  # weekday lost
_CLAUSE_PUNCT = frozenset("。，；！？")  # a running line is no sentence
_MAX_HEADER = 40  # running headers and footers are short lines
_MAX_MASTHEAD = 64  # ... a masthead with the paper's Latin name a little longer


def is_running_line(text: str) -> bool:
    """A header or footer line: date with weekday, staff credits, page code, paper name in
    Latin capitals. Context-free: true wherever it stands."""
    if _LETTER_SPACED.match(text):
        text = text.replace(" ", "")  # L A N Y U  F I N A N C I A L: a masthead set letter-spaced
    text = _SPACED_CAPS.sub("", text)  # … 岳澄财经日报 Y U E C H E N G: the name, spaced
    if _masthead(text):
        return True
    if len(text) > _MAX_HEADER and not _dated_credits(text):
        return False
    if _DATE_WEEKDAY.search(text) and not _CLAUSE_PUNCT.intersection(text):
        return True  # a date with its weekday, maybe with the page code and section beside it
    if len(_STAFF_CREDIT.findall(text)) >= 2 or (
        _STAFF_CREDIT.match(text) and len(text) <= 16 and "：" not in text[6:]
    ):
        return True
    if _PAGE_CODE.match(text) and len(text) <= 14 and "。" not in text:
        return True
    if _PAGE_CODE_WORD.search(text) and len(text) <= 24 and not _CLAUSE_PUNCT.intersection(text):
        return True  # "临江商报 C3 公司·产业": a paper's name with the page code and section
    if _ISSUE.search(text) and len(text) <= 24 and not _CLAUSE_PUNCT.intersection(text):
        return True  # "总第812期", "第5126期 A3宏观·货币"
    if _NUMBERED_SECTION.match(text):
        return True
    if _CLAUSE_PUNCT.intersection(text):
        return False
    if is_advert(text):
        return True
    if _BARE_DATE.match(text) and len(text) <= 16:
        return True  # the date line of a header whose weekday the extractor moved away
    return bool(_LATIN_CAPS.match(text)) and not any("a" <= c <= "z" for c in text)


_HOTLINE = re.compile(r"(?:热线|客服|电话)\s*[：:]?\s*\d[\d\s-]{4,}")
_DISCLAIMER = re.compile(r"有风险(?:\s|$)|[须需]谨慎$|非存款(?:\s|$)")
_SLOGAN_DOT = re.compile(r"\s[·•]\s|[·•][^·•]+[·•]")  # 硅片 · 外延, 碳效贷·绿色贷·技改贷
_MAX_ADVERT = 30


def is_advert(text: str) -> bool:
    """An advertisement's line: a hotline with its number, a risk disclaimer (投资有风险 入市需
    谨慎), a slogan of phrases set apart by middle dots. No article says these in a short line
    without a comma."""
    if len(text) > _MAX_ADVERT or _CLAUSE_PUNCT.intersection(text):
        return False
    return bool(_HOTLINE.search(text) or _DISCLAIMER.search(text) or _SLOGAN_DOT.search(text))


def _dated_credits(text: str) -> bool:
    """A long header or footer: date with weekday and the staff credits (or the issue number,
    or the paper's Latin name), section and page code beside."""
    return (
        len(text) <= _MAX_MASTHEAD
        and not _CLAUSE_PUNCT.intersection(text)
        and bool(_DATE_WEEKDAY.search(text))
        and bool(_STAFF_CREDIT.search(text) or _ISSUE.search(text) or _LATIN_NAME.search(text))
    )


def _masthead(text: str) -> bool:
    """A whole masthead line: page code, section and the paper's names, Latin one included."""
    if len(text) > _MAX_MASTHEAD or _CLAUSE_PUNCT.intersection(text):
        return False
    latin = _LATIN_TITLE.search(text)
    if latin and is_paper_name(_LATIN_TITLE.sub("", text).strip()):
        return True  # "南方金融时报 SOUTHERN FINANCIAL TIMES"
    return bool(latin and _PAGE_CODE_WORD.search(text))


def is_paper_name(text: str) -> bool:
    """A short name ending like a newspaper or magazine (…日报, …时报, …周刊)."""
    return bool(_PAPER_NAME.match(text.replace(" ", ""))) and not _REPORTER.search(text)


def is_web_address(text: str) -> bool:
    """A web address alone on a line (a paper's site in its footer)."""
    return bool(_WEB.match(text))


def is_page_code(text: str) -> bool:
    """A page code alone: 'B5', 'A12'."""
    return bool(_PAGE_CODE_ALONE.match(text.strip()))


def is_bare_number(text: str) -> bool:
    """A number alone on a line: a bar value or axis tick from a chart."""
    return bool(_BARE_NUMBER.match(text))


_CELL_NUMBER = re.compile(r"[+\-−]?\d[\d.,]*%?")
CLAUSE_MARKS = frozenset("，。；：！？、")


def is_table_row(raw: str) -> bool:
    """A row of a table set in the page (产品 管理人 1.31): three to eight short cells apart,
    one a bare number, no clause punctuation."""
    return is_cell_row(raw) and any(_CELL_NUMBER.fullmatch(cell) for cell in raw.split())


def is_cell_row(raw: str) -> bool:
    """A table's header row: three to eight short cells set apart, no clause punctuation."""
    cells = raw.split()
    short = all(len(cell) <= 10 for cell in cells) and not CLAUSE_MARKS.intersection(raw)
    return 3 <= len(cells) <= 8 and short and sum(len(cell) >= 2 for cell in cells) >= 2


_TABLE_TITLE = re.compile(r"[^，。；！？]{4,30}[（(][^（）()]{2,16}[）)]$")


def is_table_title(text: str) -> bool:
    """A table's title over it: a phrase ending in its date or unit in brackets."""
    return bool(_TABLE_TITLE.fullmatch(text))


def is_page_number(text: str) -> bool:
    """A page number alone on a line."""
    return bool(_PAGE_NUMBER.match(text))


_PHOTO_CREDIT = re.compile(r"(?:记者|通讯员|摄影)?\s*[\u4e00-\u9fff]{2,4}\s*(?:摄|/摄|供图|图)$")
_MAX_PHOTO_CAPTION = 80


def is_photo_caption(text: str) -> bool:
    """'图为…。本报记者 某某 摄', '▲…': a photo's caption, with its credit or its mark."""
    if len(text) > _MAX_PHOTO_CAPTION or not re.match(PHOTO_CAPTION, text):
        return False
    if _PHOTO_CREDIT.search(text):
        return True
    return text[0] in "▲△" and not marked_heading(text)


_MAX_MARKED_HEADING = 15  # characters after the mark of a ▲ heading


def marked_heading(text: str) -> bool:
    """'▲价格下跌时获得赔付': a short mark-led phrase with no punctuation heads a section; a
    photo's caption says what the picture shows, in a sentence."""
    if text[:1] not in "▲△■◆●□":
        return False
    body = text[1:].strip()
    return len(body) <= _MAX_MARKED_HEADING and not re.search(r"[，。；：,;:、（(]", body)


def is_caption(text: str) -> bool:
    """'图表：…', '图1：…', '表2 …：': a chart's caption."""
    return bool(CAPTION_RE.match(text))


def is_source_line(text: str) -> bool:
    """'资料来源：…', '数据来源：…', '注：…': the source or note under a chart or table."""
    return bool(_SOURCE_LINE.match(text))


def is_chart_label(text: str) -> bool:
    """A short line inside a chart: an axis label, a category name or a row of them (no
    sentence in it); a heading is longer than a label and has no spaces."""
    if any(c in text for c in "。，；！？、"):
        return False
    return len(text) <= 6 or (" " in text.strip() and len(text) <= 24)
