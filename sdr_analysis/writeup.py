"""The parts of a write-up, built from a report's findings: Markdown text, tables and
charts, in English (``en``) or Chinese (``zh``). The notebooks call these and narrate;
nothing here is specific to one report.

Every figure shown is one the parser found, written with its qualifier, and points at
its source sentence by the sentence's id in its section (``S3``: the third sentence).

Report text (titles, sentences, figures, labels, terms, place and date) goes into the
Markdown parts only through :func:`~sdr_analysis.messages.escape_markdown`, so it reads
exactly as written and is never markup; links and anchors are the write-up's own.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import TYPE_CHECKING, Iterable, Optional, TypeVar

from .exceptions import ParameterError
from .messages import escape_markdown
from .outputs import LANGS, output_name
from .report import Report, ReportSection, load_report
from .results import Claim, Indicator, SectionSummary
from .roles import money_stated
from .summary import report_density

if TYPE_CHECKING:
    import pandas as pd

    from .plotting import Chart

S = TypeVar("S", ReportSection, SectionSummary)

#: Words of the write-ups in each language. Keys are the same in every language.
TEXT = {
    "en": {
        "report": "Report",
        "section_of": "section {i} of {n} in this text",
        "in_part": "in part {part} ({period})",
        "part": "part",
        "period": "period",
        "period_names": {
            "review": "review of past work", "plan": "the coming year's work", "five_year": "the new five-year plan",
            "government": "the government's own conduct", "other": "other",
        },
        "themes": "themes",
        "sentences": "sentences",
        "characters": "characters",
        "indicators": "indicators",
        "density": "indicators per 1,000 characters",
        "report_average": "report average",
        "money": "money stated",
        "claims": "claims",
        "metric": "measure",
        "this_section": "this section",
        "figures": "figures",
        "no_figures": "no figures",
        "opening": "Opening of the section",
        "label": "what is measured",
        "figure": "figure as written",
        "value": "value (base unit)",
        "unit": "unit",
        "qualifier": "qualifier",
        "kind": "kind",
        "relation": "relation",
        "sentence": "sentence",
        "source": "source sentence",
        "money_chart": "Money stated, by what it is for (10,000 yuan)",
        "money_axis": "10,000 yuan",
        "kinds_chart": "Indicators by kind",
        "count_axis": "number of indicators",
        "change_chart": "Before and after",
        "before": "before",
        "after": "after",
        "share_chart": "Share of the report's indicators, by section",
        "share_money_chart": "Share of the report's money, by section",
        "share_axis": "% of the report",
        "rank": "Rankings",
        "first": "Firsts",
        "coverage": "Full coverage",
        "honor": "Honours and designations",
        "scope_nation": "nationwide",
        "scope_region": "in the region",
        "scope_province": "in the province",
        "scope_city": "in the city",
        "scope_none": "no scope given",
        "no_claims": "The section makes no claim to lead, to full coverage or to an honour.",
        "no_terms": "The section quotes no named initiative.",
        "term": "term",
        "times": "times",
        "word": "word",
        "count": "count",
        "score": "distinctiveness (log odds)",
        "domain": "policy domain",
        "share": "share of keyword hits (%)",
        "domain_chart": "Policy domains of the section",
        "domains_by_section": "Policy domains by section (% of each section's keyword hits)",
        "none": "none",
        "money_none": "none stated",
        "money_by_role": "money by what it is",
        "role_names": {
            "spending": "spending", "output": "output", "revenue": "revenue", "finance": "finance", "trade": "trade",
            "income": "income", "standard": "standard", "other": "other",
        },
        "money_affixes": {"more_than": ("more than ", ""), "nearly": ("nearly ", ""), "about": ("about ", ""), "less_than": ("up to ", "")},
        "kind_names": {
            "money": "money", "percent": "percent", "percent_point": "percentage points", "people": "people",
            "area": "area", "length": "length", "duration": "duration", "count": "count", "other": "other",
        },
        "qualifier_names": {
            "exact": "exact", "more_than": "more than", "nearly": "nearly", "about": "about",
            "less_than": "less than", "range": "range",
        },
    },
    "zh": {
        "report": "报告",
        "section_of": "本文共{n}个部分,此为第{i}个",
        "in_part": "所属部分:{part}({period})",
        "part": "所属部分",
        "period": "时期",
        "period_names": {
            "review": "工作回顾", "plan": "年度工作安排", "five_year": "五年规划目标", "government": "政府自身建设",
            "other": "其他",
        },
        "themes": "主题",
        "sentences": "句子",
        "characters": "字数",
        "indicators": "指标",
        "density": "每千字指标数",
        "report_average": "全文平均",
        "money": "涉及金额",
        "claims": "领先与荣誉表述",
        "metric": "项目",
        "this_section": "本部分",
        "figures": "数据",
        "no_figures": "无数据",
        "opening": "部分开篇",
        "label": "指标内容",
        "figure": "原文数字",
        "value": "数值(基本单位)",
        "unit": "单位",
        "qualifier": "限定",
        "kind": "类别",
        "relation": "关系",
        "sentence": "句",
        "source": "原句",
        "money_chart": "涉及金额(万元)",
        "money_axis": "万元",
        "kinds_chart": "指标类别",
        "count_axis": "指标数",
        "change_chart": "前后对比",
        "before": "之前",
        "after": "之后",
        "share_chart": "各部分指标占全文比重",
        "share_money_chart": "各部分金额占全文比重",
        "share_axis": "占全文 %",
        "rank": "排名",
        "first": "率先与首创",
        "coverage": "全覆盖",
        "honor": "荣誉与命名",
        "scope_nation": "全国",
        "scope_region": "区域",
        "scope_province": "全省",
        "scope_city": "全市",
        "scope_none": "未言范围",
        "no_claims": "本部分没有率先、全覆盖或荣誉类表述。",
        "no_terms": "本部分没有加引号的名称。",
        "term": "名称",
        "times": "次",
        "word": "词语",
        "count": "次数",
        "score": "区分度(对数几率)",
        "domain": "政策领域",
        "share": "关键词占比(%)",
        "domain_chart": "本部分的政策领域",
        "domains_by_section": "各部分的政策领域(关键词占比 %)",
        "none": "无",
        "money_none": "未提及",
        "money_by_role": "各类金额",
        "role_names": {
            "spending": "支出", "output": "产出", "revenue": "财政收入", "finance": "金融", "trade": "贸易",
            "income": "收入", "standard": "标准", "other": "其他",
        },
        "money_affixes": {"more_than": ("", "余"), "nearly": ("近", ""), "about": ("约", ""), "less_than": ("不到", "")},
        "kind_names": {
            "money": "金额", "percent": "百分比", "percent_point": "百分点", "people": "人数",
            "area": "面积", "length": "长度", "duration": "时长", "count": "数量", "other": "其他",
        },
        "qualifier_names": {
            "exact": "确数", "more_than": "以上", "nearly": "接近", "about": "约", "less_than": "以下", "range": "区间",
        },
    },
}

#: English names of base units; counting units stay in Chinese (no reliable
#: translation: 项, 件, 处 count different things).
UNIT_EN = {
    "元": "yuan", "美元": "US dollars", "港元": "HK dollars", "欧元": "euros", "日元": "yen",
    "%": "%", "个百分点": "percentage points", "倍": "times", "平方米": "m²", "平方公里": "km²",
    "亩": "mu", "公顷": "hectares", "公里": "km", "米": "m", "吨": "tonnes", "公斤": "kg",
    "千瓦": "kW", "兆瓦": "MW", "千瓦时": "kWh", "立方米": "m³", "人": "people", "名": "people",
    "位": "people", "人次": "person-times", "天": "days", "年": "years", "个月": "months",
    "小时": "hours", "分钟": "minutes", "周": "weeks", "个工作日": "working days",
}
QUALIFIER_EN = {"more_than": "more than ", "nearly": "nearly ", "about": "about ", "less_than": "up to "}


def setup_display() -> None:
    """Show tables whole in notebooks: long source sentences are not cut."""
    import pandas as pd

    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.max_rows", 500)
    pd.set_option("display.width", 200)


def check_lang(lang: str) -> str:
    if not isinstance(lang, str) or lang not in LANGS:
        raise ParameterError("lang", lang, f"use one of: {', '.join(LANGS)}")
    return lang


def check_report_path(report_path: str | os.PathLike[str]) -> str | os.PathLike[str]:
    if isinstance(report_path, (str, os.PathLike)):
        return report_path
    raise ParameterError("report_path", report_path, "use the path of a report file (text or a saved HTML page), as a string")


def open_section(report_path: str | os.PathLike[str], section: str | int, lang: str) -> tuple[Report, ReportSection]:
    """Load the report and find the section, checking the notebook's parameters.

    ``section`` is the section's key (``"四"``; ``"三.二"`` for (二) of part 三), its
    ordinals (``"3-2"``; ``"4"``, or ``4``: papermill passes ``-p section 4`` as an
    int), or a number or marker only one section has (``"(四)"``).
    Raises :class:`ParameterError` for a parameter of the wrong kind,
    :class:`SectionNotFound` for a number the report does not have.
    """
    check_lang(lang)
    report = load_report(check_report_path(report_path))
    if isinstance(section, bool) or not isinstance(section, (str, int)):
        keys = ", ".join(s.key for s in report.sections) or "none"
        raise ParameterError("section", section, f"use one section key or number as the report writes it; sections: {keys}")
    return report, report.section(section)


def open_report(report_path: str | os.PathLike[str], lang: str) -> Report:
    """Load the report, checking the notebook's parameters (raises :class:`ParameterError`)."""
    check_lang(lang)
    return load_report(check_report_path(report_path))


def t(lang: str, key: str):
    return TEXT[check_lang(lang)][key]


# numbers in words


def amount_en(value: float) -> str:
    """510000000 → '510 million', 16000 → '16,000', 1.77 → '1.77'."""
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            scaled = value / size
            if round(scaled, 4) != scaled:
                break  # no short form without rounding: write it out
            return f"{scaled:,.4f}".rstrip("0").rstrip(".") + f" {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def figure_words(ind: Indicator, lang: str) -> str:
    """A figure for the narrative, with its qualifier: ``more than 52 million yuan``
    (en) or the figure as written (zh: ``5200余万元``)."""
    if lang == "zh":
        return ind.text
    qual = QUALIFIER_EN.get(ind.qualifier, "")
    number = amount_en(ind.value)
    if ind.value_max is not None:
        number = f"{number}–{amount_en(ind.value_max)}"
    unit = UNIT_EN.get(ind.unit, ind.unit)
    sep = "" if unit == "%" else " "
    each = " each" if ind.each else ""
    return f"{qual}{number}{sep}{unit}{each}"


# sentence ids


def sentence_ids(sec: ReportSection) -> dict[int, str]:
    """``{sentence start: 'S1', ...}`` for the sentences of a section (made once per
    section: every figure's citation looks its sentence up here)."""
    return sec.sentence_ids


def source_of(sec: ReportSection, offset: int) -> str:
    sent = sec.report.sentence_at(offset)
    return sentence_ids(sec).get(sent.start, "") if sent else ""


# 1. heading


def summary_of(report: Report, sec: ReportSection) -> SectionSummary:
    """The section's :class:`SectionSummary`."""
    return next(s for s in report.summaries if s.start == sec.start)


def position(report: Report, sec: ReportSection) -> int:
    """Where the section stands among the report's policy sections, from 0."""
    return report.summaries.index(summary_of(report, sec))


def heading(report: Report, sec: ReportSection, lang: str) -> str:
    """The section's title, the report, the part it is in with its period (none for
    a report without parts), and which policy section of how many it is."""
    where = t(lang, "section_of").format(i=position(report, sec) + 1, n=len(report.sections))
    part = sec.part
    if not part.implied:
        period = t(lang, "period_names").get(part.period, part.period)
        where = t(lang, "in_part").format(part=escape_markdown(part.marker + part.title), period=period) + " · " + where
    return f"# {escape_markdown(sec.marker + sec.title)}\n\n**{t(lang, 'report')}:** {place_and_date(report)} · {where}"


def place_and_date(report: Report) -> str:
    """``place · date`` from the report's opening lines, escaped; ``—`` for what is unknown."""
    meta = report.metadata
    return f"{escape_markdown(meta.place or '—')} · {escape_markdown(meta.date or '—')}"


# 2. at a glance


def at_a_glance(report: Report, sec: ReportSection, lang: str) -> "pd.DataFrame":
    import pandas as pd

    s = summary_of(report, sec)
    rows = [
        (t(lang, "themes"), s.themes),
        (t(lang, "sentences"), s.sentences),
        (t(lang, "characters"), s.characters),
        (t(lang, "indicators"), s.indicators),
        (t(lang, "density"), f"{s.density} ({t(lang, 'report_average')} {report_density(report.summaries)})"),
        (t(lang, "money"), money_words(s.money, lang, s.money_qualifier)),
        (t(lang, "money_by_role"), money_by_role_words(s, lang)),
        (t(lang, "claims"), s.claims),
    ]
    return pd.DataFrame([(k, str(v)) for k, v in rows], columns=[t(lang, "metric"), t(lang, "this_section")]).set_index(t(lang, "metric"))


def money_words(yuan: Optional[float], lang: str, qualifier: Optional[str] = "exact") -> str:
    """A sum of money in words with its qualifier: ``5687余万元`` (zh), ``more than
    56.87 million yuan`` (en); "none stated" (``未提及``) for ``None``, never 0 yuan."""
    if yuan is None:
        return t(lang, "money_none")
    before, after = t(lang, "money_affixes").get(qualifier, ("", ""))
    if lang == "zh":
        for size, scale in ((1e12, "万亿元"), (1e8, "亿元")):
            if yuan >= size:
                return f"{before}{_digits(yuan / size, 4)}{after}{scale}"
        return f"{before}{_digits(yuan / 1e4, 6)}{after}万元"
    return f"{before}{amount_en(yuan)} yuan"


def money_by_role_words(s: SectionSummary, lang: str) -> str:
    """Each role's sum in a section (``spending: 5亿元; output: 1.2万亿元``), or "none stated"."""
    if not s.money_by_role:
        return t(lang, "money_none")
    names = t(lang, "role_names")
    sep = "; " if lang == "en" else ";"
    colon = ": " if lang == "en" else ":"
    return sep.join(f"{names[role]}{colon}{money_words(value, lang, qualifier)}" for role, value, qualifier in s.money_by_role)


def _digits(x: float, significant: int) -> str:
    """``x`` to ``significant`` digits, never in exponent form (``1.2e+04``)."""
    short = f"{x:.{significant}g}"
    return f"{x:.0f}" if "e" in short else short


# 3. themes


def themes(sec: ReportSection, lang: str) -> str:
    out = []
    for p in sec.paragraphs:
        figures = sec.report.within("indicators", p.start, p.end)
        if p.theme is None and p.start != sec.start:
            continue
        name = escape_markdown(p.theme.text) if p.theme else t(lang, "opening")
        if figures:
            listed = "; ".join(
                f"{escape_markdown(i.text)} ({escape_markdown(i.label or '—')}) {cite(sec, i.start)}" for i in figures
            )
            out.append(f"- **{name}** {len(figures)} {t(lang, 'figures')}: {listed}")
        else:
            out.append(f"- **{name}** {t(lang, 'no_figures')}")
    return "\n".join(out)


# 4. indicator table


def relation_names(sec: ReportSection, lang: str) -> dict[int, str]:
    """``{indicator start: 'change: before'}`` for the figures in relations."""
    names = {}
    for r in sec.relations:
        for role in ("before", "after", "base", "delta"):
            ind = getattr(r, role)
            if ind is not None:
                names[ind.start] = f"{r.kind}: {role}" + (f" ({r.direction})" if r.direction else "")
    return names


def indicator_table(sec: ReportSection, lang: str) -> "pd.DataFrame":
    import pandas as pd

    ids = sentence_ids(sec)
    rel = relation_names(sec, lang)
    kinds, quals = t(lang, "kind_names"), t(lang, "qualifier_names")
    rows = [
        {
            t(lang, "label"): i.label,
            t(lang, "figure"): i.text,
            t(lang, "value"): f"{i.value:,}" + (f"–{i.value_max:,}" if i.value_max is not None else ""),
            t(lang, "unit"): i.unit,
            t(lang, "qualifier"): quals[i.qualifier] + (" (各)" if i.each else ""),
            t(lang, "kind"): kinds[i.kind],
            t(lang, "relation"): rel.get(i.start, ""),
            t(lang, "sentence"): ids.get(i.sentence.start, "") if i.sentence else "",
            t(lang, "source"): i.sentence.text if i.sentence else "",
        }
        for i in sec.indicators
    ]
    frame = pd.DataFrame(rows, columns=[t(lang, k) for k in ("label", "figure", "value", "unit", "qualifier", "kind", "relation", "sentence", "source")])
    frame.index = range(1, len(frame) + 1)
    return frame


# 5. charts


def money_chart(sec: ReportSection, lang: str) -> Optional["Chart"]:
    from . import plotting

    sums = money_stated(sec.indicators)
    if not sums:
        return None
    return plotting.money_chart(sums, t(lang, "money_chart"), t(lang, "money_axis"))


def levels_set(sec: ReportSection) -> list[Indicator]:
    """Standards: money figures that are a level (``提升至850元``, ``补助标准``), not sums spent."""
    return [i for i in sec.indicators if i.role == "standard"]


def money_not_spent(sec: ReportSection) -> list[Indicator]:
    """Money figures that are neither spending nor a standard (output, revenue, finance,
    trade, income, other): left out of the money stated."""
    return [i for i in sec.indicators if i.role is not None and i.role not in ("spending", "standard")]


def kinds_chart(sec: ReportSection, lang: str) -> Optional["Chart"]:
    from . import plotting

    if not sec.indicators:
        return None
    counts = Counter(i.kind for i in sec.indicators)
    return plotting.kinds_chart(counts, t(lang, "kind_names"), t(lang, "kinds_chart"), t(lang, "count_axis"))


def change_chart(sec: ReportSection, lang: str) -> Optional["Chart"]:
    from . import plotting

    usable = [r for r in sec.relations if (r.before and r.after) or (r.base and r.delta and r.delta.kind == "percent_point")]
    if not usable:
        return None
    return plotting.change_chart(usable, t(lang, "change_chart"), t(lang, "before"), t(lang, "after"))


def share_chart(report: Report, sec: ReportSection, lang: str, money: bool = False) -> Optional["Chart"]:
    from . import plotting

    summaries = report.summaries
    values = [(s.money or 0) if money else s.indicators for s in summaries]
    total = sum(values)
    if not total:
        return None
    names = [short_label(s) for s in summaries]
    shares = [100 * v / total for v in values]
    key = "share_money_chart" if money else "share_chart"
    return plotting.share_chart(names, shares, position(report, sec), t(lang, key), t(lang, "share_axis"))


#: A section's label on a chart: its marker and its title up to the first stop or
#: comma, at most this many characters, so that 20–30 sections stay readable.
SHORT_TITLE_CHARS = 10
TITLE_STOPS = "，,。；;：:！!？?"


def short_label(s: SectionSummary) -> str:
    """``（二）扩大内需`` for a chart: the marker (after the part's number where
    sections of different parts share markers: ``三（二）``) and a short title."""
    cut = min((i for i in (s.title.find(ch) for ch in TITLE_STOPS) if i > 0), default=len(s.title))
    title = s.title[:cut]
    if len(title) > SHORT_TITLE_CHARS:
        title = title[: SHORT_TITLE_CHARS - 1] + "…"
    prefix = s.part if s.part is not None and s.key != s.part else ""
    return f"{prefix}{s.marker}{title}"


# 6. claims


#: Kinds of claim in the order the write-ups list them; scopes widest first.
CLAIM_KINDS = ("rank", "first", "coverage", "honor")
SCOPES = ("nation", "region", "province", "city", None)
SCOPE_ORDER = {scope: i for i, scope in enumerate(SCOPES)}


def scope_name(claim: Claim, lang: str) -> str:
    return t(lang, f"scope_{claim.scope or 'none'}")


def claims(sec: ReportSection, lang: str) -> str:
    if not sec.claims:
        return t(lang, "no_claims")
    out = []
    for kind in CLAIM_KINDS:
        found = [c for c in sec.claims if c.kind == kind]
        if not found:
            continue
        out.append(f"**{t(lang, kind)}** ({len(found)})\n")
        for c in sorted(found, key=lambda c: (SCOPE_ORDER[c.scope], c.start)):
            out.append(f"- {scope_name(c, lang)}: {escape_markdown(c.text)} {cite(sec, c.start)}")
        out.append("")
    return "\n".join(out).strip()


# 7. named initiatives


def terms(sec: ReportSection, lang: str) -> str:
    if not sec.terms:
        return t(lang, "no_terms")
    counts = Counter(x.text for x in sec.terms)  # in the order each first appears
    return " · ".join(f"“{escape_markdown(w)}”" + (f" ×{n}" if n > 1 else "") for w, n in counts.items())


# 8. vocabulary


def distinctive_table(report: Report, sec: ReportSection, lang: str) -> "pd.DataFrame":
    import pandas as pd

    from .vocabulary import distinctive_terms

    ranked = distinctive_terms([s.text for s in report.summaries])[position(report, sec)]
    frame = pd.DataFrame(
        [(d.word, d.count, d.score) for d in ranked],
        columns=[t(lang, "word"), t(lang, "count"), t(lang, "score")],
    )
    frame.index = range(1, len(frame) + 1)
    return frame


def domain_table(sec: ReportSection, lang: str) -> "pd.DataFrame":
    import pandas as pd

    from .vocabulary import domain_shares, domains

    shares = domain_shares(sec.text)
    rows = [(d.en if lang == "en" else d.zh, round(shares[d.key], 1)) for d in domains() if shares[d.key] > 0]
    rows.sort(key=lambda r: -r[1])
    return pd.DataFrame(rows, columns=[t(lang, "domain"), t(lang, "share")]).set_index(t(lang, "domain"))


# 9. narrative


#: The narrative's sentences, per language, in Markdown. Placeholders are filled from
#: the data only, report text escaped; ``COUNTS`` gives the singular and plural forms
#: of counted nouns.
NARRATIVE = {
    "en": {
        "opening": "Section {marker} opens with the headline “{title}”. It reports on {themes} and states {figures}.",
        "theme": "Under “{theme}” it reports {items}.",
        "theme_bare": "Under “{theme}” it gives no figure.",
        "item": "{figure} ({label}) {src}",
        "items": "; ",
        "money": "The largest sum spent is {figure} {src}, for {label}; the section states {sums} in all.",
        "claims": "It makes {claims}, for example “{example}” {src}.",
        "no_claims": "It makes no claim to lead and reports no honour.",
        "and": " and ",
        "list": ", ",
    },
    "zh": {
        "opening": "第{number}部分以“{title}”开篇,涉及{themes},列出{figures}。",
        "theme": "“{theme}”方面,{items}。",
        "theme_bare": "“{theme}”方面没有数据。",
        "item": "{label}{figure}{src}",
        "items": ";",
        "money": "支出金额最大的一项是{label}{figure}{src},本部分共有{sums}。",
        "claims": "本部分有{claims},例如“{example}”{src}。",
        "no_claims": "本部分没有率先、全覆盖或荣誉类表述。",
        "and": "、",
        "list": ";",
    },
}
COUNTS = {
    "en": {
        "themes": ("one theme", "{n} themes"), "figures": ("one figure", "{n} figures"),
        "sums": ("one sum spent", "{n} sums spent"), "first": ("one claim to be first", "{n} claims to be first"),
        "rank": ("one ranking", "{n} rankings"),
        "coverage": ("one claim of full coverage", "{n} claims of full coverage"),
        "honor": ("one honour or designation", "{n} honours or designations"),
    },
    "zh": {
        "themes": ("1个主题", "{n}个主题"), "figures": ("1项数据", "{n}项数据"), "sums": ("1处支出金额", "{n}处支出金额"),
        "first": ("1处率先或首创表述", "{n}处率先或首创表述"), "coverage": ("1处全覆盖表述", "{n}处全覆盖表述"),
        "rank": ("1处排名表述", "{n}处排名表述"),
        "honor": ("1处荣誉或命名", "{n}处荣誉或命名"),
    },
}
THEME_ITEMS = 3


def counted(lang: str, key: str, n: int) -> str:
    one, many = COUNTS[lang][key]
    return one if n == 1 else many.format(n=n)


def cite(sec: ReportSection, offset: int) -> str:
    """A link to the source sentence: ``[S4](#S4)``."""
    sid = source_of(sec, offset)
    return f"[{sid}](#{sid})" if sid else ""


def _top_money(sec: ReportSection) -> list[Indicator]:
    """The money stated (spending), largest first."""
    return sorted(money_stated(sec.indicators), key=lambda i: -i.value)


def narrative(report: Report, sec: ReportSection, lang: str) -> str:
    """A few paragraphs from the data, filled into :data:`NARRATIVE`. Every number is a
    parsed figure with its qualifier and a link to its source sentence."""
    words = NARRATIVE[check_lang(lang)]
    paras = [
        words["opening"].format(
            marker=escape_markdown(sec.marker),
            number=escape_markdown(sec.number),
            title=escape_markdown(sec.title.rstrip("。")),
            themes=counted(lang, "themes", len(sec.themes)),
            figures=counted(lang, "figures", len(sec.indicators)),
        )
    ]
    theme_lines = []
    for p in sec.paragraphs:
        if p.theme is None:
            continue
        figures = sec.report.within("indicators", p.start, p.end)[:THEME_ITEMS]
        if figures:
            items = words["items"].join(
                words["item"].format(figure=escape_markdown(figure_words(i, lang)), label=escape_markdown(i.label or "—"),
                                     src=cite(sec, i.start))
                for i in figures
            )
            theme_lines.append(words["theme"].format(theme=escape_markdown(p.theme.text.rstrip("。")), items=items))
        else:
            theme_lines.append(words["theme_bare"].format(theme=escape_markdown(p.theme.text.rstrip("。"))))
    if theme_lines:
        paras.append(" ".join(theme_lines) if lang == "en" else "".join(theme_lines))
    money = _top_money(sec)
    if money:
        top = money[0]
        paras.append(words["money"].format(figure=escape_markdown(figure_words(top, lang)), label=escape_markdown(top.label or "—"),
                                           src=cite(sec, top.start), sums=counted(lang, "sums", len(money))))
    if sec.claims:
        kinds = [k for k in CLAIM_KINDS if any(c.kind == k for c in sec.claims)]
        parts = [counted(lang, k, sum(c.kind == k for c in sec.claims)) for k in kinds]
        claims = words["and"].join([words["list"].join(parts[:-1]), parts[-1]] if len(parts) > 2 and lang == "en" else parts)
        example = sorted(sec.claims, key=lambda c: (SCOPE_ORDER[c.scope], c.start))[0]
        paras.append(words["claims"].format(claims=claims, example=escape_markdown(example.text), src=cite(sec, example.start)))
    else:
        paras.append(words["no_claims"])
    return "\n\n".join(paras)


def sources(sec: ReportSection, lang: str) -> str:
    """Every sentence of the section with its id, as link targets for the pointers."""
    return "\n".join(
        f'- <a id="{sid}"></a>**{sid}** {escape_markdown(s.text)}' for sid, s in zip(sentence_ids(sec).values(), sec.sentences)
    )


# 10. notes on the data


def notes(report: Report, sec: ReportSection, lang: str) -> str:
    """A list of notes, each plain text (figures, labels, the report's own notes) escaped whole."""
    approx = [i for i in sec.indicators if i.qualifier not in ("exact",)]
    each = [i for i in sec.indicators if i.each]
    out = []
    if lang == "en":
        if approx:
            out.append("Approximate figures (kept with their qualifier, never rounded into exact ones): "
                       + ", ".join(f"{i.text} ({t(lang, 'qualifier_names')[i.qualifier]})" for i in approx) + ".")
        if each:
            out.append("Figures per item (各): " + ", ".join(f"{i.label}{i.text}" for i in each)
                       + "; the total is the figure times the number of items, not the figure.")
        levels = levels_set(sec)
        if levels:
            out.append("Standards and levels set, not sums spent (left out of the money stated): "
                       + ", ".join(f"{i.label}{i.text}" for i in levels) + ".")
        other = money_not_spent(sec)
        if other:
            names = t(lang, "role_names")
            out.append("Money that is not spending (left out of the money stated): "
                       + ", ".join(f"{i.label}{i.text} ({names[i.role]})" for i in other) + ".")
        for note in report.notes:
            out.append(f"Report: {note}.")
        if position(report, sec) == len(report.sections) - 1:
            out.append("This is the last section in the text; the page may end before the report does.")
    else:
        if approx:
            out.append("约数(保留原文限定词,不作确数):" + "、".join(i.text for i in approx) + "。")
        if each:
            out.append("按项计数(各):" + "、".join(f"{i.label}{i.text}" for i in each) + ",合计需乘以项数。")
        levels = levels_set(sec)
        if levels:
            out.append("以下为标准或水平,不是支出金额(未计入涉及金额):" + "、".join(f"{i.label}{i.text}" for i in levels) + "。")
        other = money_not_spent(sec)
        if other:
            names = t(lang, "role_names")
            out.append("以下金额不是支出(未计入涉及金额):" + "、".join(f"{i.label}{i.text}({names[i.role]})" for i in other) + "。")
        if report.missing_sections:
            out.append(f"本文缺少第{'、'.join(report.missing_sections)}部分(节选)。")
        if position(report, sec) == len(report.sections) - 1:
            out.append("本部分是文本中的最后一部分,原报告可能在此之后仍有内容。")
    return "\n".join(f"- {escape_markdown(x)}" for x in out) if out else "-"


# overview


def section_file(sec: ReportSection | SectionSummary) -> str:
    """File name (without extension) of a section's write-up: ``section-5`` for (五)
    of a report without parts, ``section-3-2`` for (二) of part 三, ``section-1`` for
    part 一 as its own section."""
    return f"section-{sec.slug}"


def written_up(sections: Iterable[S]) -> list[S]:
    """The sections that get a write-up: where a number repeats within a part (two
    (二), so one file name), the first of them."""
    by_file: dict[str, S] = {}
    for sec in sections:
        by_file.setdefault(section_file(sec), sec)
    return list(by_file.values())


def overview_heading(report: Report, lang: str) -> str:
    meta = report.metadata
    title = meta.title.text if meta.title else (report.source or "")
    return f"# {escape_markdown(title)}\n\n**{t(lang, 'report')}:** {place_and_date(report)}"


def has_parts(report: Report) -> bool:
    """Whether the report has parts of its own (not one implied part)."""
    return not (report.parts and report.parts[0].implied)


def sections_table(report: Report, lang: str) -> "pd.DataFrame":
    """One row per policy section, with its part (where the report has parts)."""
    import pandas as pd

    columns = [t(lang, k) for k in ("label", "themes", "indicators", "density", "money", "claims")]
    rows = [
        {
            "": f"{s.part}{s.marker}" if s.part is not None and s.key != s.part else s.marker,
            t(lang, "part"): s.part or "",
            t(lang, "period"): t(lang, "period_names").get(s.period, s.period),
            t(lang, "label"): s.title,
            t(lang, "themes"): s.themes,
            t(lang, "indicators"): s.indicators,
            t(lang, "density"): s.density,
            t(lang, "money"): money_words(s.money, lang, s.money_qualifier),
            t(lang, "claims"): s.claims,
        }
        for s in report.summaries
    ]
    if has_parts(report):
        columns = [t(lang, "part"), t(lang, "period")] + columns
    return pd.DataFrame(rows, columns=[""] + columns).set_index("")


def density_chart(report: Report, lang: str) -> Optional["Chart"]:
    from . import plotting

    summaries = report.summaries
    if not summaries:
        return None
    return plotting.barh(
        [short_label(s) for s in summaries],
        [s.density for s in summaries],
        t(lang, "density"),
        t(lang, "density"),
        value_labels=[f"{s.density:.1f}" for s in summaries],
    )


def domains_heatmap(report: Report, lang: str) -> Optional["Chart"]:
    from . import plotting
    from .vocabulary import domain_shares, domains

    summaries = report.summaries
    if not summaries:
        return None
    cols = [d.en if lang == "en" else d.zh for d in domains()]
    values = [[domain_shares(s.text)[d.key] for d in domains()] for s in summaries]
    return plotting.heatmap([short_label(s) for s in summaries], cols, values, t(lang, "domains_by_section"))


def all_claims(report: Report, lang: str) -> str:
    if not report.claims:
        return t(lang, "no_claims")
    out = []
    for scope in SCOPES:
        found = [c for c in report.claims if c.scope == scope]
        if found:
            name = t(lang, f"scope_{scope or 'none'}")
            out.append(f"**{name}** ({len(found)})\n")
            out.extend(f"- ({escape_markdown(c.section or '—')}) {t(lang, c.kind)}: {escape_markdown(c.text)}" for c in found)
            out.append("")
    return "\n".join(out).strip()


def missing(report: Report, lang: str) -> str:
    gone = [escape_markdown(n) for n in report.missing_sections]
    if gone and has_parts(report):
        if lang == "en":
            return (f"Missing from the numbering (part, or part.section): {', '.join(gone)}. "
                    "The write-ups cover what the text holds and guess nothing.")
        return f"编号中缺少:{'、'.join(gone)}(部分,或部分.小节);分析只涵盖文本中已有的内容。"
    if lang == "en":
        if not gone:
            return "No section is missing from the numbering."
        return (f"Sections {', '.join(gone)} are not in this text: the numbering starts at "
                f"{escape_markdown(report.sections[0].marker)}. The write-ups cover what the text holds and guess nothing.")
    if not gone:
        return "编号完整,没有缺失的部分。"
    return f"本文从{escape_markdown(report.sections[0].marker)}开始,缺少第{'、'.join(gone)}部分;分析只涵盖文本中已有的内容。"


def links(report: Report, lang: str) -> str:
    """A link to each section's write-up in ``lang``; where the report has parts, under a line
    naming each part and its period (a part that is its own section is one line)."""
    out = []
    sections = written_up(report)
    for part in report.parts:
        secs = [sec for sec in sections if sec.part.start == part.start]
        items = [f"[{escape_markdown(sec.marker + sec.title)}]({output_name(section_file(sec), lang)}.html)" for sec in secs]
        if part.implied:
            out += [f"- {item}" for item in items]
            continue
        period = t(lang, "period_names").get(part.period, part.period)
        if len(secs) == 1 and secs[0].start == part.start:
            out.append(f"- {items[0]} ({period})")
        else:
            out.append(f"- **{escape_markdown(part.marker + part.title)}** ({period})")
            out += [f"  - {item}" for item in items]
    return "\n".join(out)
