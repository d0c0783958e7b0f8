"""Page layouts q01..q10 for make_pages2.py."""

import datetime

E = None


def init(engine):
    global E
    E = engine


D = datetime.date


def q01():
    p = E.Page("q01", 842, 1191, "fpdf2", "reading")
    y = E.header(p, "华商金融报", "HUASHANG FINANCIAL NEWS", D(2026, 4, 21), "A3", "银行", "band")
    st = E.Style(
        font="song",
        size=10,
        lead=1.45,
        justify=True,
        indent="offset",
        title_size=30,
        deck_size=13,
        byline_align="center",
        gutter=12,
    )
    chart = dict(
        col=4,
        h=170,
        title="图表：二级资本债月度发行（亿元）",
        source="资料来源：公开信息、记者整理",
        data=[("1月", 512), ("2月", 438), ("3月", 1046), ("4月", 864)],
        fmt="%d",
    )
    y = E.place_article(p, "capbond", 36, y + 6, 806, [1] * 5, st, max_bottom=1100, chart=chart)
    b = p.new_block("sep")
    p.line(b, 36, y + 8, 806, y + 8, 1.0)
    st2 = E.Style(
        font="song",
        size=10,
        lead=1.45,
        justify=True,
        indent="offset",
        title_size=24,
        title_align="left",
        gutter=12,
    )
    y2 = E.place_article(
        p, "card", 36, y + 18, 806, [1] * 5, st2, max_bottom=1080, title_span=(0, 3)
    )
    E.ad(
        p,
        36,
        max(y2 + 12, 1060),
        770,
        88 if y2 + 12 < 1060 else 1150 - y2 - 12,
        [
            ("瓯越银行 · 小微企业的成长伙伴", 18, "zhei"),
            ("“瓯越快贷”线上申请 最快当日放款", 11, "hei"),
            ("客服热线 95568-1  温州市鹿城区江滨路88号", 9, "hei"),
        ],
    )
    E.footer(p, "责任编辑：陶然  版式设计：苏晴", "A3", web="www.hsjrb.com.cn")
    p.layout = dict(
        cols=[5, 5],
        order="reading",
        arrangement="stacked",
        justify="Tc per line (fpdf2 set_char_spacing)",
        body_pt=10,
        body_font="Song (AR PL UMing)",
        indent="2 chars (x offset)",
        page_size=[842, 1191],
        renderer="fpdf2",
        notes="yin deck above a two-line title; second title spans cols 1-3 only, "
        "cols 4-5 of the second article start beside the title; chart in col 5",
    )
    return p


def q02():
    p = E.Page("q02", 792, 1224, "reportlab", "reading")
    y = E.header(
        p, "经济参考周刊", "ECONOMIC REFERENCE WEEKLY", D(2026, 4, 23), "B2", "资本市场", "split"
    )
    st = E.Style(
        font="hei",
        size=9,
        lead=1.75,
        justify=False,
        indent="none",
        para_gap=0.7,
        head_font="zhei",
        head_size=10.5,
        title_size=28,
        deck_font="hei",
        deck_size=12,
        byline_align="right",
        gutter=14,
    )
    y = E.place_article(p, "reits", 36, y + 6, 756, [1.35, 1, 1, 1.35], st, max_bottom=640)
    b = p.new_block("sep")
    p.line(b, 36, y + 10, 756, y + 10, 0.5)
    p.line(b, 36, y + 12.5, 756, y + 12.5, 0.5)
    st2 = E.Style(
        font="hei",
        size=9,
        lead=1.75,
        justify=False,
        indent="none",
        para_gap=0.7,
        head_font="zhei",
        head_size=10,
        title_size=24,
        byline_align="left",
        title_align="left",
        gutter=14,
    )
    y2 = E.place_article(p, "bse", 36, y + 22, 756, [1, 1.35, 1.35, 1], st2, max_bottom=1120)
    b = p.new_block("sep")
    p.line(b, 36, y2 + 10, 756, y2 + 10, 0.5)
    st3 = E.Style(
        font="hei",
        size=9,
        lead=1.75,
        justify=False,
        indent="none",
        para_gap=0.7,
        head_font="zhei",
        head_size=10,
        title_size=20,
        deck_font="hei",
        deck_size=11,
        byline_align="left",
        title_align="left",
        gutter=14,
    )
    y2 = E.place_article(p, "liquidity", 36, y2 + 22, 756, [1, 1, 1, 1], st3, max_bottom=1130)
    E.ad(
        p,
        36,
        y2 + 12,
        720,
        min(110, 1180 - y2 - 12),
        [
            ("申浦证券  北交所专属服务", 16, "zhei"),
            ("开户即享两融利率优惠  详询各营业部", 10, "hei"),
        ],
    )
    E.footer(p, "编辑 孟川  美编 蓝溪  校对 乔一", "B2")
    p.layout = dict(
        cols=[4, 4, 4],
        order="reading",
        arrangement="stacked",
        justify="ragged right",
        body_pt=9,
        body_font="Hei (WenQuanYi Micro Hei)",
        indent="none, blank gap between paragraphs",
        page_size=[792, 1224],
        col_widths="unequal: 1.35/1/1/1.35 and 1/1.35/1.35/1",
        renderer="reportlab",
        notes="fu deck under the first title; numbered headings 一、 and 1.",
    )
    return p


def q03():
    p = E.Page("q03", 720, 1000, "fpdf2", "shuffled", seed=303)
    y = E.header(p, "华商金融报", "HUASHANG FINANCIAL NEWS", D(2026, 4, 24), "A8", "对话", "band")
    st = E.Style(
        font="song",
        size=11,
        lead=1.55,
        justify=True,
        indent="offset",
        title_size=30,
        deck_font="song",
        deck_size=13,
        byline_align="center",
        q_font="zhei",
        gutter=14,
    )
    photo = dict(
        col=1, h=150, where="top", caption="▲鲁承泽认为，个贷不良处置要在“化整为零”上下功夫。"
    )
    y = E.place_article(p, "amc", 36, y + 4, 684, [1, 1, 1], st, max_bottom=760, photo=photo)
    st2 = E.Style(
        font="hei",
        size=9.5,
        lead=1.6,
        justify=True,
        indent="offset",
        title_size=18,
        byline_size=9,
        gutter=12,
    )
    y2 = E.place_article(p, "agri", 36, y + 14, 470, [1, 1], st2, max_bottom=960, box=True)
    E.ad(
        p,
        484,
        y + 14,
        200,
        y2 - y - 14,
        [("北垦财险", 20, "zhei"), ("农险服务到田间", 11, "hei"), ("报案电话 95519-6", 9, "hei")],
    )
    E.footer(p, "编辑 鹿鸣  美编 安可  校对 钱薇", "A8")
    p.layout = dict(
        cols=[3, 2],
        order="shuffled",
        arrangement="interview over a boxed sidebar with an ad beside it",
        justify="Tc per line (fpdf2)",
        body_pt=11,
        body_font="Song",
        indent="2 chars",
        page_size=[720, 1000],
        renderer="fpdf2",
        notes="Q&A: questions (记者：) set bold in Zen Hei; photo at the top of col 2 "
        "with a ▲ caption; fu deck; blocks written in random order (seed 303)",
    )
    return p


def q04():
    p = E.Page("q04", 935, 1300, "reportlab", "chars")
    y = E.header(
        p, "南方金融时报", "SOUTHERN FINANCIAL TIMES", D(2026, 4, 17), "A5", "跨境金融", "split"
    )
    st = E.Style(
        font="song",
        size=9,
        lead=1.65,
        justify=True,
        indent="offset",
        title_size=30,
        byline_align="left",
        title_align="left",
        gutter=10,
        head_font="zhei",
        head_size=9.5,
    )
    left_x1 = 36 + (935 - 72 - 50) * 4 / 6 + 30
    y1 = E.place_article(p, "wmconnect", 36, y + 6, left_x1, [1] * 4, st, max_bottom=1180)
    st2 = E.Style(
        font="song",
        size=9,
        lead=1.65,
        justify=True,
        indent="offset",
        title_size=19,
        byline_align="left",
        title_align="left",
        gutter=10,
        head_font="zhei",
        head_size=9.5,
    )
    y2 = E.place_article(p, "quant", left_x1 + 20, y + 6, 899, [1, 1], st2, max_bottom=1180)
    b = p.new_block("vrule")
    p.line(b, left_x1 + 10, y + 8, left_x1 + 10, max(y1, y2), 0.6)
    yy = max(y1, y2) + 14
    b = p.new_block("sep")
    p.line(b, 36, yy, 899, yy, 1.2)
    st3 = E.Style(
        font="song",
        size=9,
        lead=1.65,
        justify=True,
        indent="offset",
        title_size=24,
        deck_font="song",
        deck_size=11,
        byline_align="center",
        gutter=10,
        head_font="zhei",
        head_size=9.5,
    )
    yy = E.place_article(p, "fxhedge", 36, yy + 10, 899, [1] * 6, st3, max_bottom=1150) + 12
    E.ad(
        p,
        36,
        yy,
        863,
        min(120, 1250 - yy),
        [
            ("恒澜证券 · 跨境理财通南向服务", 18, "zhei"),
            ("一站式开户  港股美股基金全覆盖", 11, "hei"),
        ],
    )
    E.footer(p, "责任编辑：黎川  版式设计：沐白", "A5")
    p.layout = dict(
        cols=[4, 2, 6],
        order="chars",
        chars="in order",
        arrangement="side by side, a third article in 6 cols below",
        justify="Tc per line (positions kept in the per-character objects)",
        body_pt=9,
        body_font="Song",
        indent="2 chars",
        page_size=[935, 1300],
        renderer="reportlab",
        notes="every character is its own BT..ET text object "
        "at its absolute position, in reading order; 【】 and ■ headings",
    )
    return p


def q05():
    p = E.Page("q05", 842, 1191, "fpdf2", "reading")
    y = E.header(
        p, "南方金融时报", "SOUTHERN FINANCIAL TIMES", D(2026, 4, 20), "A5", "金融机构", "band"
    )
    st = E.Style(
        font="zhei",
        size=9.5,
        lead=1.45,
        justify=True,
        indent="offset",
        title_size=28,
        head_font="zhei",
        head_size=10.5,
        gutter=11,
    )
    paras = E.ARTICLES["autoabs"]["paras"]
    cut = paras.index("## ■风险仍需关注")
    y = E.place_article(
        p,
        "autoabs",
        36,
        y + 6,
        806,
        [1] * 5,
        st,
        max_bottom=640,
        paras=paras[:cut],
        cont_after="（下转A6版）",
    )
    b = p.new_block("sep")
    p.line(b, 36, y + 10, 806, y + 10, 1.2)
    st2 = E.Style(
        font="zhei",
        size=9.5,
        lead=1.45,
        justify=True,
        indent="offset",
        title_size=24,
        deck_font="zhei",
        deck_size=11,
        head_align="center",
        gutter=11,
    )
    chart = dict(
        col=4,
        h=160,
        title="图表：十年期国债收益率（%）",
        source="资料来源：记者整理",
        data=[("1月", 1.68), ("2月", 1.74), ("3月", 1.71)],
        fmt="%.2f",
    )
    E.place_article(p, "liquidity", 36, y + 22, 806, [1] * 5, st2, max_bottom=1140, chart=chart)
    E.footer(p, "责任编辑：方舟  版式设计：于田", "A5", web="www.nfjrsb.cn")
    p.layout = dict(
        cols=[5, 5],
        order="reading",
        arrangement="stacked",
        justify="Tc per line (fpdf2)",
        body_pt=9.5,
        body_font="Hei (Zen Hei)",
        indent="2 chars",
        page_size=[842, 1191],
        renderer="fpdf2",
        notes="first article continues on A6: ends with （下转A6版） (furniture), gold "
        "holds only the part typeset here; ■ and 【】 headings, chart in col 5",
    )
    return p


def q06():
    p = E.Page("q06", 842, 1191, "reportlab", "shuffled", seed=606)
    y = E.header(
        p, "南方金融时报", "SOUTHERN FINANCIAL TIMES", D(2026, 4, 20), "A6", "金融机构", "band"
    )
    st = E.Style(
        font="song",
        size=10.5,
        lead=1.45,
        justify=True,
        indent="offset",
        title_size=24,
        title_align="left",
        gutter=14,
    )
    paras = E.ARTICLES["autoabs"]["paras"]
    cut = paras.index("## ■风险仍需关注")
    y = E.place_article(
        p,
        "autoabs",
        36,
        y + 6,
        806,
        [1] * 4,
        st,
        max_bottom=400,
        paras=paras[cut:],
        jump_title=["汽车金融ABS发行提速"],
        cont_before="（上接A5版）",
    )
    b = p.new_block("sep")
    p.line(b, 36, y + 10, 806, y + 10, 0.8)
    st2 = E.Style(
        font="song",
        size=10.5,
        lead=1.45,
        justify=True,
        indent="offset",
        title_size=26,
        byline_align="center",
        gutter=14,
        head_font="zhei",
    )
    y2 = E.place_article(p, "futures", 36, y + 22, 806, [1] * 4, st2, max_bottom=1060)
    b = p.new_block("sep")
    p.line(b, 36, y2 + 10, 806, y2 + 10, 0.8)
    st3 = E.Style(
        font="song",
        size=10.5,
        lead=1.45,
        justify=True,
        indent="offset",
        title_size=22,
        title_align="left",
        deck_size=11,
        byline_align="left",
        gutter=14,
        head_font="zhei",
    )
    y2 = E.place_article(p, "capbond", 36, y2 + 22, 806, [1] * 4, st3, max_bottom=1100)
    E.ad(
        p,
        36,
        y2 + 12,
        770,
        min(110, 1150 - y2 - 12),
        [
            ("豫丰期货", 22, "zhei"),
            ("“含权贸易”  为实体企业保驾护航", 12, "hei"),
            ("全国统一客服 400-800-1234", 9, "hei"),
        ],
    )
    E.footer(p, "编辑 程远  美编 黄鹂  校对 邓宁", "A6")
    p.layout = dict(
        cols=[4, 4, 4],
        order="shuffled",
        arrangement="stacked",
        justify="Tc per line (reportlab)",
        body_pt=10.5,
        body_font="Song",
        indent="2 chars",
        page_size=[842, 1191],
        renderer="reportlab",
        notes="first article is the continuation of q05's first article: "
        "（上接A5版） (furniture) and a jump title, no byline; blocks written "
        "in random order (seed 606)",
    )
    return p


def q07():
    p = E.Page("q07", 792, 1224, "fpdf2", "reading")
    y = E.header(
        p, "经济参考周刊", "ECONOMIC REFERENCE WEEKLY", D(2026, 4, 30), "B4", "银行", "split"
    )
    st = E.Style(
        font="hei",
        size=10.5,
        lead=1.7,
        justify=False,
        indent="ideo",
        title_size=34,
        deck_font="hei",
        deck_size=12.5,
        head_font="zhei",
        head_size=11,
        byline_align="center",
        gutter=16,
        rule=True,
    )
    photo = dict(col=1, h=190, where="top", caption="图为一家银行网点的理财产品宣传展板。")
    y = E.place_article(p, "nonint", 36, y + 6, 756, [1, 1.5, 1], st, max_bottom=760, photo=photo)
    st2 = E.Style(
        font="song",
        size=10,
        lead=1.6,
        justify=True,
        indent="offset",
        title_size=20,
        title_align="left",
        byline_align="left",
        gutter=14,
    )
    E.place_article(p, "insstock", 36, y + 16, 756, [1, 1, 1], st2, max_bottom=1150, box=True)
    E.footer(p, "编辑 孟川  美编 蓝溪  校对 乔一", "B4")
    p.layout = dict(
        cols=[3, 3],
        order="reading",
        arrangement="stacked; second article boxed",
        justify="ragged right (first), Tc per line (boxed)",
        body_pt=10.5,
        body_font="Hei (Micro Hei)",
        indent="two U+3000 characters typeset",
        page_size=[792, 1224],
        col_widths="1/1.5/1 (wide centre) in the first",
        renderer="fpdf2",
        notes="column rules; photo at the top of the wide centre "
        "column with a 图为 caption; fu deck",
    )
    return p


def q08():
    p = E.Page("q08", 935, 1300, "fpdf2", "reading")
    y = E.header(
        p, "华商金融报", "HUASHANG FINANCIAL NEWS", D(2026, 4, 28), "A7", "外汇·保险", "band"
    )
    st = E.Style(
        font="song",
        size=9,
        lead=1.45,
        justify=True,
        indent="offset",
        title_size=28,
        byline_align="center",
        gutter=10,
        head_font="zhei",
        head_size=10,
    )
    x1 = 36 + 4 * (863 - 50) / 6 + 30
    chart = dict(
        col=3,
        h=170,
        title="图表：企业外汇套保比率（%）",
        source="资料来源：国家外汇管理局",
        data=[("2023", 24.1), ("2024", 26.3), ("2025", 27.8), ("2026Q1", 29.5)],
        fmt="%.1f",
    )
    y1 = E.place_article(p, "fxhedge", 36, y + 6, x1, [1] * 4, st, max_bottom=1150, chart=chart)
    b = p.new_block("sep")
    p.line(b, 36, y1 + 10, x1, y1 + 10, 0.8)
    st3 = E.Style(
        font="song",
        size=9,
        lead=1.45,
        justify=True,
        indent="offset",
        title_size=22,
        title_align="left",
        byline_align="left",
        gutter=10,
    )
    y1 = E.place_article(p, "agri", 36, y1 + 22, x1, [1] * 4, st3, max_bottom=1240)
    st2 = E.Style(
        font="hei",
        size=9,
        lead=1.45,
        justify=True,
        indent="none",
        para_gap=0.6,
        title_size=18,
        byline_size=9,
        gutter=10,
    )
    y2 = E.place_article(p, "insstock", x1 + 12, y + 6, 899, [1, 1], st2, max_bottom=1100, box=True)
    E.ad(
        p,
        x1 + 12,
        y2 + 12,
        899 - x1 - 12,
        min(160, 1250 - y2 - 12),
        [("甬江银行", 20, "zhei"), ("汇率避险 一站办理", 11, "hei"), ("95574-3", 10, "hei")],
    )
    E.footer(p, "责任编辑：陶然  版式设计：苏晴", "A7", web="www.hsjrb.com.cn")
    p.layout = dict(
        cols=[4, 2, 4],
        order="reading",
        arrangement="side by side: 4 cols left "
        "(two articles stacked), "
        "boxed 2-col sidebar right, ad under the sidebar",
        justify="Tc per line (fpdf2)",
        body_pt=9,
        body_font="Song (left), Micro Hei (sidebar)",
        indent="2 chars left; none + gap in the sidebar",
        page_size=[935, 1300],
        renderer="fpdf2",
        notes="chart in col 4 of the first article; fu deck",
    )
    return p


def q09():
    p = E.Page("q09", 842, 1191, "reportlab", "reading")
    y = E.header(
        p, "经济参考周刊", "ECONOMIC REFERENCE WEEKLY", D(2026, 5, 7), "B3", "跨境", "split"
    )
    st = E.Style(
        font="zhei",
        size=9.5,
        lead=1.65,
        justify=True,
        indent="offset",
        title_size=26,
        title_align="left",
        gutter=12,
        head_font="zhei",
        head_size=10.5,
        byline_font="hei",
    )
    y1 = E.place_article(
        p,
        "wmconnect",
        36,
        y + 6,
        806,
        [1] * 5,
        st,
        max_bottom=640,
        title_span=(0, 3),
        byline_in_col=True,
    )
    b = p.new_block("sep")
    p.line(b, 36, y1 + 10, 806, y1 + 10, 1.0)
    st2 = E.Style(
        font="zhei",
        size=9.5,
        lead=1.65,
        justify=True,
        indent="offset",
        title_size=24,
        title_align="center",
        gutter=12,
        head_font="zhei",
        head_size=10.5,
        byline_align="right",
    )
    y2 = E.place_article(p, "quant", 36, y1 + 22, 806, [1] * 5, st2, max_bottom=1080)
    b = p.new_block("sep")
    p.line(b, 36, y2 + 10, 806, y2 + 10, 1.0)
    st3 = E.Style(
        font="zhei",
        size=9.5,
        lead=1.65,
        justify=True,
        indent="offset",
        title_size=22,
        title_align="left",
        deck_font="hei",
        deck_size=11,
        gutter=12,
        head_font="zhei",
        head_size=10.5,
        byline_align="left",
    )
    y2 = E.place_article(
        p, "reits", 36, y2 + 22, 806, [1] * 5, st3, max_bottom=1100, title_span=(0, 4)
    )
    E.ad(
        p,
        36,
        y2 + 14,
        770,
        min(100, 1150 - y2 - 14),
        [("格致资本", 20, "zhei"), ("理性投资 长期陪伴", 11, "hei")],
    )
    E.footer(p, "编辑 孟川  美编 蓝溪  校对 乔一", "B3")
    p.layout = dict(
        cols=[5, 5, 5],
        order="reading",
        arrangement="stacked",
        justify="Tc per line (reportlab)",
        body_pt=9.5,
        body_font="Hei (Zen Hei)",
        indent="2 chars",
        page_size=[842, 1191],
        renderer="reportlab",
        notes="first title spans cols 1-3 only, cols 4-5 start at the title's top; "
        "first byline is the first line of column 1",
    )
    return p


def q10():
    p = E.Page("q10", 842, 1191, "fpdf2", "reading")
    y = E.header(
        p, "华商金融报", "HUASHANG FINANCIAL NEWS", D(2026, 5, 11), "B1", "期货·市场", "band"
    )
    st = E.Style(
        font="hei",
        size=10,
        lead=1.7,
        justify=True,
        indent="none",
        para_gap=0.8,
        title_size=30,
        gutter=16,
        rule=True,
        head_font="zhei",
        head_size=11,
        byline_align="center",
    )
    chart = dict(
        col=3,
        h=170,
        title="图表：场外衍生品存续名义本金（亿元）",
        source="资料来源：中国期货业协会",
        data=[("2023", 1650), ("2024", 2164), ("2026.2", 3086)],
        fmt="%d",
    )
    y1 = E.place_article(p, "futures", 36, y + 6, 806, [1] * 4, st, max_bottom=620, chart=chart)
    b = p.new_block("sep")
    p.line(b, 36, y1 + 10, 806, y1 + 10, 1.0)
    st2 = E.Style(
        font="hei",
        size=10,
        lead=1.7,
        justify=True,
        indent="none",
        para_gap=0.8,
        title_size=24,
        gutter=16,
        rule=True,
        head_font="zhei",
        head_size=10.5,
        title_align="left",
        byline_align="left",
    )
    y2 = E.place_article(p, "bse", 36, y1 + 22, 806, [1] * 4, st2, max_bottom=1040)
    E.ad(
        p,
        36,
        y2 + 14,
        770,
        min(90, 1150 - y2 - 14),
        [("华商金融报 · 数字版", 16, "zhei"), ("扫码订阅  每日早七点送达", 10, "hei")],
    )
    E.footer(p, "编辑 司南  美编 林岚  校对 周正", "B1")
    p.layout = dict(
        cols=[4, 4],
        order="reading",
        arrangement="stacked",
        justify="Tc per line (fpdf2)",
        body_pt=10,
        body_font="Hei (Micro Hei)",
        indent="none, blank gap between paragraphs",
        page_size=[842, 1191],
        renderer="fpdf2",
        notes="column rules; chart in col 4 of the first article",
    )
    return p


PAGES = [
    (f"q{i:02d}", f) for i, f in enumerate([q01, q02, q03, q04, q05, q06, q07, q08, q09, q10], 1)
]
