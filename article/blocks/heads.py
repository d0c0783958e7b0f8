"""Titles, subtitles, bylines and headings of text without markup, from general cues: a byline
names a reporter's role and a place or 报道; the short lines just above it are the title and
the deck; a heading is a short line without sentence punctuation between paragraphs."""

from __future__ import annotations

import re
from itertools import pairwise

from article.blocks.lines import Line, ends_sentence, is_full
from article.model import (
    BYLINE,
    CAPTION,
    CONTINUATION,
    FURNITURE,
    HEADING,
    PARAGRAPH,
    SOURCE,
    SUBTITLE,
    TITLE,
    RawBlock,
)
from article.spans import is_han, words
from article.surname_lists import surname_of

_ROLE = r"(?:记者|通讯员|实习生|特约撰稿人?|撰稿人?)"
# "本报", "中经", or any paper, agency or site by name ("证券时报", "经济参考报"), after a
# bullet some papers set before the credit ("□记者 叶蓁")
_MEDIA = r"[\u4e00-\u9fff]{2,8}?(?:日报|时报|晚报|晨报|商报|周报|周刊|报|刊|社|网|台)"
_PLAIN_OUTLET = r"本报|本刊|中经|新华社|中新社|人民网|央视|见习|实习|特约|首席"
_OUTLET = rf"(?:[□■◎●○◆◇★☆]\s*)?(?:{_PLAIN_OUTLET}|{_MEDIA})?"
_NAME = r"[\u4e00-\u9fff·]{2,5}"
# "本报记者 秦朗 上海报道", "中经记者 秦玉芳 广州报道", "记者 王某 发自北京", "本报记者 张三"
_BYLINE = re.compile(
    rf"^{_OUTLET}{_ROLE}(?:\s*{_NAME}(?:[\s、]+{_NAME})*)"
    rf"(?:\s*(?:{_OUTLET}{_ROLE}\s*{_NAME}(?:[\s、]+{_NAME})*))*"
    rf"(?:\s*(?:[\u4e00-\u9fff]{{0,8}}(?:报道|采写|发自[\u4e00-\u9fff]{{2,8}}|摄)))?$"
)
_UNSPACED_NAME = re.compile(rf"{_ROLE}([\u4e00-\u9fff]{{2,4}})$")
_NAME_THEN_ROLE = re.compile(rf"^{_NAME}\s+{_ROLE}|{_ROLE}\s+{_NAME}")
_SENTENCE_PUNCT = frozenset("。，；！？、")
_TITLE_PUNCT = frozenset("。，；、,")
_HEADING_PUNCT = frozenset("。，；！？、：:")
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}|\d{1,2})[、.．]\s*|^[（(][一二三四五六七八九十\d]{1,3}[)）]"
)
_CUT_START = frozenset("的了和与及或等是也都而就之")  # a heading never starts with these
_CUT_END = frozenset("的和与及或在把被从对将")  # … nor ends with these
_MAX_HEAD = 40  # title and deck lines are short
_MAX_HEADS = 3  # lines above a byline that may be its title and deck
_STRAY_SHARE = 0.6  # of the next line's length, below which a top line stands apart
_DECK_MARKS = ("，", "——", ",", "；")
SECTION_BULLETS = frozenset("■◆●▶【")
_DECK_SHARE, _WHOLE_TITLE_SHARE = 1.8, 1.3  # a deck's length over the title's first line
_LONGEST_TITLE_LINE = 20  # a title's large type fits few characters on a line; a deck more
_PHRASE_GAP = re.compile(r"[\u4e00-\u9fff”）)%％\d.]{3} [“（(]?[\u4e00-\u9fff]{3}")  # "…获批 保险…"
_FIGURE = re.compile(r"\d|[一二两三四五六七八九十]成|[%％倍]")  # a deck sums up in a number


def byline_text(raw: str) -> bool:
    """A credit line: a reporter's role with names, ending in a place + 报道 or alone with
    spaced names. A sentence that mentions 记者 is not one."""
    text = raw.strip()
    if len(text) > 36 or _SENTENCE_PUNCT.intersection(text) or text.endswith(("摄", "供图")):
        return False  # (本报记者 某某 摄: a photo's credit)
    if not _BYLINE.match(text):
        return False
    if " " in text or "\u3000" in text or text.endswith(("报道", "采写")):
        return True
    name = _UNSPACED_NAME.search(text)  # "证券时报记者甘露白": a name, not "记者从央行获悉"
    return bool(name) and _name_sized(name.group(1))


def _name_sized(name: str) -> bool:
    """A surname and a given name of one or two characters."""
    surname = surname_of(name, rare_ok=False)
    return bool(surname) and 1 <= len(name) - len(surname) <= 2


def is_heading_text(text: str) -> bool:
    """Short, no sentence punctuation (but a numbering's "一、"), not cut at a function word on
    either side."""
    text = _NUMBERING.sub("", text, count=1)
    if not 2 <= len(text) <= 24 or _HEADING_PUNCT.intersection(text):
        return False
    return text[0] not in _CUT_START and text[-1] not in _CUT_END


_OPENERS = "“‘「『（(《【"
_CLOSE_OF = dict(zip(_OPENERS, "”’」』）)》】", strict=True))
# "一。记者从…", "展。": the tail of a sentence (a paragraph may open "对此，", never "此，")
# "“提速潮”。在…": a quoted word, then the sentence's end
_EARLY_STOP = re.compile(
    r"^(?:[^“‘「『（(《【\d](?:[。，；！？]|[^“‘「『（(《【\d][。！？；])|[“‘「][^”’」]{1,8}[”’」][。，；！？])"
)


def continues_into(text: str, following: str) -> bool:
    """The line leaves a quote or bracket open that the next line closes, or the next line
    opens with the last word or two of a sentence: one sentence runs across the break."""
    if _EARLY_STOP.match(following):
        return True
    for opener, closer in _CLOSE_OF.items():
        if text.count(opener) > text.count(closer):
            stop = following.find(opener)
            return closer in (following if stop < 0 else following[:stop])
    return False


def _head_like(line: Line) -> bool:
    """Could be a title or deck line: short and not ending a sentence, not a section heading
    set with a bullet or a number (■风险仍需关注, 一、…)."""
    text = line.text
    if text[:1] in SECTION_BULLETS or _NUMBERING.match(text):
        return False
    return 2 <= len(text) <= _MAX_HEAD and not ends_sentence(text) and "。" not in text


def head_kinds(lines: list[Line], kinds: dict[int, str]) -> dict[int, str]:
    """Title and subtitle lines: those just above each byline, and the page's opening lines
    when no byline comes first."""
    found: dict[int, str] = {}
    bylines = [i for i, kind in sorted(kinds.items()) if kind == BYLINE]
    for b in bylines:
        heads = _heads_above(lines, kinds, b)
        found.update(_title_and_deck(lines, heads))
        if count := _title_under(lines, kinds, b, heads):
            # the byline set above the title (业绩快报 本报记者 … / title), on one line or two;
            # a second line much longer than the first is the deck
            under = list(range(b + 1, b + 1 + count))
            found.update({i: TITLE for i in under})
            if count == 2 and _deck_like(lines, under, under[1]):
                found[under[1]] = SUBTITLE
            found.update({i: SUBTITLE for i in heads})
    first_body = next((i for i in range(len(lines)) if i not in kinds), None)
    if first_body is not None and not any(b <= first_body + _MAX_HEADS for b in bylines):
        heads = _opening_heads(lines, kinds, first_body)
        found.update(_title_and_deck(lines, heads))
    return found


_KICKER_MOST = 6  # characters of a kicker a byline may stand beside, the title under both


def _title_under(lines: list[Line], kinds: dict[int, str], byline: int, heads: list[int]) -> int:
    """How many lines right under a byline read as its title (0, 1 or 2): one spanning the
    columns, or one or two head lines over the article's indented first paragraph, when
    nothing but a short kicker stands above the byline."""
    if byline + 1 >= len(lines) or byline + 1 in kinds:
        return 0
    if len(heads) > 1 or (heads and len(lines[heads[0]].text) > _KICKER_MOST):
        return 0
    line = lines[byline + 1]
    if _TITLE_STOPS.intersection(line.text) or ends_sentence(line.text) or line.indented:
        return 0
    wide = line.width > line.column + _SPAN_SLACK and len(line.text) <= _LONGEST_SPANNING
    if not wide and (not _bare_head(line) or heads or not _at_article_start(lines, kinds, byline)):
        return 0
    for count in (1, 2):  # the title's lines, then the indented first paragraph
        below = lines[byline + 1 + count] if byline + 1 + count < len(lines) else None
        if below is not None and below.indented:
            return count
        if below is None or byline + 1 + count in kinds or not _bare_head(below):
            return 1 if wide else 0
    return 1 if wide else 0


def _bare_head(line: Line) -> bool:
    """A head line: no clause or sentence punctuation, not indented, title-sized."""
    text = line.text
    if _TITLE_STOPS.intersection(text) or ends_sentence(text) or line.indented:
        return False
    return 4 <= len(text) <= _MAX_TITLE_LINE


def _at_article_start(lines: list[Line], kinds: dict[int, str], byline: int) -> bool:
    """Nothing but page furniture, or a sentence's end, stands right above the byline."""
    above = byline - 1
    return above < 0 or kinds.get(above) is not None or ends_sentence(lines[above].text)


def _heads_above(lines: list[Line], kinds: dict[int, str], byline: int) -> list[int]:
    """Up to three head-like lines right above a byline, nearest last; the topmost must open a
    title (no comma) and must not continue a sentence left open on the line above it."""
    heads: list[int] = []
    j = byline - 1
    most = _MAX_HEADS + _wrapped_deck(lines, kinds, byline)
    while j >= 0 and len(heads) < most:
        if kinds.get(j) is not None or not _head_like(lines[j]) or _cut_body_line(lines[j]):
            break
        heads.insert(0, j)
        j -= 1
    while heads and not _opens_title(lines, kinds, heads[0]):
        heads.pop(0)
    stray = _stray_above(lines[heads[0]].text, lines[heads[1]].text) if len(heads) > 1 else False
    if len(heads) == most == _MAX_HEADS and stray:  # (over a deck wrapped in two: the title)
        heads.pop(0)
    return heads


def _cut_body_line(line: Line) -> bool:
    """A line with a clause's comma that fills its column: running text cut at the column's
    edge, never a title or deck line (those are set apart, in their own type)."""
    return bool(_TITLE_PUNCT.intersection(line.text)) and is_full(line) and not line.blank_before


def _wrapped_deck(lines: list[Line], kinds: dict[int, str], byline: int) -> bool:
    """The deck right above the byline runs over two lines: a long line with a comma, cut
    mid-phrase, and its short tail."""
    if byline < 2 or kinds.get(byline - 1) is not None or kinds.get(byline - 2) is not None:
        return False
    deck, tail = lines[byline - 2].text, lines[byline - 1].text
    long_deck = len(deck) > _LONGEST_TITLE_LINE and any(m in deck for m in _DECK_MARKS)
    return long_deck and len(tail) < len(deck) and not _TITLE_PUNCT.intersection(deck[-1])


def _stray_above(top: str, below: str) -> bool:
    """A much shorter line above a two-line head (an advertisement's slogan, a section
    name) is no part of the title under it."""
    return len(top) < _STRAY_SHARE * len(below)


def _opens_title(lines: list[Line], kinds: dict[int, str], i: int) -> bool:
    """A title line has no clause punctuation (unless set across the columns right under the
    page's furniture: 春茶开采季，某地…), and the line above it ends whatever it said."""
    if _TITLE_PUNCT.intersection(lines[i].text):
        return _spanning_comma_title(lines, kinds, i)
    if i == 0 or kinds.get(i - 1) is not None or lines[i].blank_before:
        return True
    return ends_sentence(lines[i - 1].text) or not is_full(lines[i])


def _spanning_comma_title(lines: list[Line], kinds: dict[int, str], i: int) -> bool:
    """A title of two phrases with a comma, wider than the column under it, right under the
    running header: no column line is that wide."""
    line = lines[i]
    under_header = i == 0 or kinds.get(i - 1) == FURNITURE
    ends = not ends_sentence(line.text) and line.text.count("，") == 1
    return under_header and ends and line.width > line.column + _SPAN_SLACK


def _spanning_deck(line: Line) -> bool:
    """A long line of phrases, no sentence, far wider than the column: a deck across columns."""
    text = line.text
    return "，" in text and "。" not in text and line.width > 1.5 * line.column > 0


def _two_phrase_title(lines: list[Line], i: int) -> bool:
    """A page's first line of two phrases with a comma (订单排到年底，现金流却转负), short of
    its column and ending no sentence, over a line with no punctuation: a title set in large
    type, not a body line (those fill the column)."""
    line, below = lines[i], lines[i + 1] if i + 1 < len(lines) else None
    if below is None or ends_sentence(line.text) or line.text.count("，") != 1:
        return False
    # (a column not yet measured, among the page's first short lines, tells nothing)
    large = all(ln.width <= ln.column - _LARGE_TYPE_SHORT or not ln.column for ln in (line, below))
    return large and _head_like(below) and not _TITLE_PUNCT.intersection(below.text)


_LARGE_TYPE_SHORT = 3  # characters a title line in large type falls short of the column by
# (a first line whose indent the extractor dropped falls short by two)


def _opening_heads(lines: list[Line], kinds: dict[int, str], first: int) -> list[int]:
    """The head-like lines a page opens with, after its running header."""
    heads: list[int] = []
    j = first
    while j < len(lines) and len(heads) < _MAX_HEADS:
        if kinds.get(j) == FURNITURE:
            j += 1
            continue
        line = lines[j]
        if heads and _spanning_deck(line):
            heads.append(j)  # a deck set across the columns under the title
            j += 1
            break
        if kinds.get(j) is not None or not _head_like(line) or is_full(line):
            break  # a full column line is body text, not a title in large type
        if not heads and _TITLE_PUNCT.intersection(line.text) and not _two_phrase_title(lines, j):
            break
        heads.append(j)
        j += 1
    while j < len(lines) and kinds.get(j) in _BESIDE_BODY:
        j += 1  # a photo's caption or a chart set between the head and the text under it
    followed_by_body = j < len(lines) and kinds.get(j) is None
    return heads if followed_by_body else []


_BESIDE_BODY = frozenset((CAPTION, FURNITURE, SOURCE))


def _blank_groups(lines: list[Line], heads: list[int]) -> list[list[int]]:
    """The head lines in runs set apart by blank lines (an extractor's blocks: one per type
    size, so a kicker, a title and a deck each come as their own)."""
    groups: list[list[int]] = []
    for i in heads:
        if not groups or lines[i].blank_before:
            groups.append([])
        groups[-1].append(i)
    return groups


def _deck_like(lines: list[Line], heads: list[int], i: int) -> bool:
    """A head line that reads like a deck: a comma or a dash, or much longer than the title's
    first line."""
    text, title = lines[i].text, lines[heads[0]].text
    # a title of two phrases on one line (…开采季，…) is whole: a longer line under it is a deck
    share = _WHOLE_TITLE_SHARE if "，" in title else _DECK_SHARE
    longer = len(text) > _LONGEST_TITLE_LINE and len(text) >= share * len(title)
    return longer or any(m in text for m in _DECK_MARKS) or _phrases_apart(lines, heads, i)


def _phrases_apart(lines: list[Line], heads: list[int], i: int) -> bool:
    """A deck sets its two phrases apart with a space ("…获批 保险资金…"); a title line does
    not, unless it runs on from a line ending in a colon."""
    above = lines[i - 1] if i > heads[0] else None
    if above is None or above.text.endswith(("：", ":")) or _PHRASE_GAP.search(above.raw):
        return False
    return bool(_PHRASE_GAP.search(lines[i].raw)) and lines[i].raw.count(" ") == 1


def _deck_last(lines: list[Line], heads: list[int]) -> bool:
    """Of three head lines, the last is the deck when it alone gives a figure (a kicker above
    the title is read otherwise)."""
    first, last = (bool(_FIGURE.search(lines[i].text)) for i in (heads[0], heads[-1]))
    return last and not first and not _FIGURE.search(lines[heads[1]].text)


_KICKER_SHARE = 0.45  # of the title's length: a title's two lines are set about even


def _kicker_over(top: str, below: str) -> bool:
    """A short line over a much longer one: a kicker (栏目, 引题) over a one-line title; or a
    column's name (…观察, …调查) over a longer title."""
    if len(top) <= _KICKER_MOST + 2 and len(top) <= _KICKER_SHARE * len(below):
        return True
    return len(top) < len(below) and _column_name(top)


def _column_name(text: str) -> bool:
    """A column's name set as a kicker (一季度金融数据观察, 县域金融调查, 资本市场·上市公司)."""
    return len(text) <= _COLUMN_NAME_MOST and (
        text.endswith(_COLUMN_WORDS) or bool(_SECTION_DOT.fullmatch(text))
    )


_SECTION_DOT = re.compile(r"[\u4e00-\u9fff]{2,6}[·・•][\u4e00-\u9fff]{2,6}")


_COLUMN_NAME_MOST = 12
# the last word of a column's name set as a kicker (一季度信贷投放观察, 县域金融调查)
_COLUMN_WORDS = tuple(
    words(
        "观察 调查 聚焦 扫描 追踪 解读 关注 透视 探访 走访 纪实 专访 一线 视点 札记 时评 快评 "
        "速递 深读 特写 调研 样本 系列报道 面对面 进行时"
    )
)


def _title_and_deck(lines: list[Line], heads: list[int]) -> dict[int, str]:
    """The first head line is the title; a later one that reads like a deck (a comma, a dash,
    or much longer) starts the subtitle; lines before it continue the title."""
    if not heads:
        return {}
    groups = _blank_groups(lines, heads)
    if len(groups) == 2 and len(groups[0]) != len(groups[1]):
        title = max(groups, key=len)  # a long title wraps; a kicker above or deck below not
        kinds = {i: TITLE if i in title else SUBTITLE for i in heads}
        deck = next((i for i in title[1:] if _deck_like(lines, title, i)), None)
        for i in title[title.index(deck) :] if deck is not None else []:
            kinds[i] = SUBTITLE  # a deck set right under the title, no blank between
        return kinds
    if len(heads) == 2 and _kicker_over(lines[heads[0]].text, lines[heads[1]].text):
        return {heads[0]: SUBTITLE, heads[1]: TITLE}  # 县域金融观察 / the title under it
    if len(heads) == _MAX_HEADS and not any(_deck_like(lines, heads, i) for i in heads[1:]):
        if _deck_last(lines, heads) and not _column_name(lines[heads[0]].text):
            return {i: SUBTITLE if i == heads[-1] else TITLE for i in heads}  # 2-line title, deck
        return {i: SUBTITLE if i == heads[0] else TITLE for i in heads}  # kicker, 2-line title
    kinds = {heads[0]: TITLE}
    # a title of two phrases set apart on one line (…提速 碳中和债…) is whole: a deck follows
    deck = bool(_PHRASE_GAP.search(lines[heads[0]].raw))
    for i in heads[1:]:
        if deck or _deck_like(lines, heads, i):
            deck = True
            kinds[i] = SUBTITLE
        else:
            kinds[i] = TITLE
    return kinds


def continued_title(blocks: list[RawBlock]) -> list[RawBlock]:
    """A continuation page opens with the story's title again, right above its 上接 marker."""
    body = [b for b in blocks if b.kind != FURNITURE]
    if len(body) < 2 or body[1].kind != CONTINUATION:
        return blocks
    head = body[0]
    one_line = len(head.lines) == 1 and head.lines[0][0] == head.lines[0][1]
    if head.kind == HEADING or (head.kind == PARAGRAPH and one_line and is_heading_text(head.text)):
        head.kind = TITLE  # (a jump head as wide as its narrow column reads as a paragraph)
    return blocks


_SPAN_SLACK = 2.0  # characters a line may exceed its column's width by and still be of it
_MAX_TITLE_LINE = 24
_LONGEST_SPANNING = 32  # characters of a title line set across every column
_LONE_SPAN = 4.0  # characters beyond its column a lone title line stands out by
_LONE_SPAN_CHARS = 10
_BRACKETS = frozenset("（）()")
_TITLE_STOPS = frozenset("。，；：！？、,;:!?")


def spanning_titles(lines: list[Line], kinds: dict[int, str]) -> dict[int, str]:
    """A short unpunctuated line and, under it, one wider than any line of the column: a title
    set across columns that the extractor put among a column's lines (a shuffled page)."""
    found: dict[int, str] = {}
    for i, (line, below) in enumerate(pairwise(lines)):
        if i in kinds or i + 1 in kinds or i in found:
            continue
        if _over_wide(below) and not _over_wide(line) and _title_line(line) and _title_line(below):
            found[i] = found[i + 1] = TITLE
    for i in range(1, len(lines) - 1):
        if i not in kinds and i not in found and _lone_spanning(lines[i - 1 : i + 2]):
            found[i] = TITLE
    return found


def _lone_spanning(three: list[Line]) -> bool:
    """A title line far wider than the column, between two lines no wider than it: a title
    across columns that the extractor set among a column's lines."""
    above, line, below = three
    if line.width <= line.column + _LONE_SPAN or len(line.text) < _LONE_SPAN_CHARS:
        return False
    if (
        not _title_line(line)
        or not any(map(is_han, line.text))
        or _BRACKETS.intersection(line.text)
    ):
        return False  # a table's or chart's title says (截至…) or (单位：…)
    return not (_over_wide(above) or _over_wide(below))


def _over_wide(line: Line) -> bool:
    """Wider than the column around it: the line spans columns."""
    return line.width > line.column + _SPAN_SLACK


def _title_line(line: Line) -> bool:
    """Short enough for a title, no clause or sentence punctuation."""
    text = line.text
    return 4 <= len(text) <= _MAX_TITLE_LINE and not _TITLE_STOPS.intersection(text)
