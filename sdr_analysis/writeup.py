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

import bisect
import math
import os
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from .checks import check_lang, check_report_path
from .exceptions import ParameterError
from .messages import counted, escape_markdown, nest_quotes, render, t
from .outputs import output_name, section_file, written_up
from .report import Report, ReportSection, load_report
from .results import Claim, Indicator, SectionSummary
from .roles import money_stated
from .summary import report_density
from .wording import amount_en, figure_words, join_words, money_by_role_words, money_words, percent, unit_words, value_words

if TYPE_CHECKING:
    import pandas as pd

    from .charts import Chart

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
    return (f"# {escape_markdown(sec.marker + sec.title)}\n\n**{t(lang, 'report')}**{t(lang, 'colon')}{place_and_date(report)} · {where}"
            f"\n\n{t(lang, 'intro')}")


def part_heading(key: str, lang: str) -> str:
    """A numbered part of a page (``## 3. Indicators``, ``## 三、指标``) with the line
    that says what it holds, in the page's language only."""
    leads = t(lang, "leads")
    return f"## {t(lang, 'parts')[key]}" + (f"\n\n{leads[key]}" if key in leads else "")


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
        (t(lang, "density"), t(lang, "density_cell").format(density=s.density, average=report_density(report.summaries))),
        (t(lang, "money"), money_words(s.money, lang, s.money_qualifier)),
        (t(lang, "money_by_role"), money_by_role_words(s, lang)),
        (t(lang, "claims"), s.claims),
    ]
    return pd.DataFrame([(k, str(v)) for k, v in rows], columns=[t(lang, "metric"), t(lang, "this_section")]).set_index(t(lang, "metric"))


# 3. themes


def themes(sec: ReportSection, lang: str) -> str:
    """Each theme of the section (and its opening) with the figures under it, each
    with what it measures and a link to its sentence."""
    out = []
    for p in sec.paragraphs:
        figures = sec.report.within("indicators", p.start, p.end)
        if p.theme is None and p.start != sec.start:
            continue
        name = escape_markdown(p.theme.text) if p.theme else t(lang, "opening")
        if figures:
            listed = t(lang, "list_sep").join(
                t(lang, "theme_item").format(figure=figure_phrase(sec, i, lang), label=escape_markdown(i.label or "—"),
                                             src=cite(sec, i.start))
                for i in figures
            )
            out.append("- " + t(lang, "theme_line").format(name=name, count=counted(lang, "figures", len(figures)), items=listed))
        else:
            out.append("- " + t(lang, "theme_none").format(name=name))
    return "\n".join(out)


# 4. indicator table


def relation_names(sec: ReportSection, lang: str) -> dict[int, str]:
    """``{indicator start: 'change: before'}`` for the figures in relations."""
    names = {}
    kinds, roles, directions = t(lang, "relation_kinds"), t(lang, "relation_roles"), t(lang, "directions")
    for r in sec.relations:
        for role in ("before", "after", "base", "delta"):
            ind = getattr(r, role)
            if ind is not None:
                words = {"kind": kinds.get(r.kind, r.kind), "role": roles[role]}
                if r.direction:
                    names[ind.start] = t(lang, "relation_cell_direction").format(**words, direction=directions.get(r.direction, r.direction))
                else:
                    names[ind.start] = t(lang, "relation_cell").format(**words)
    return names


def indicator_table(sec: ReportSection, lang: str) -> "pd.DataFrame":
    import pandas as pd

    ids = sentence_ids(sec)
    rel = relation_names(sec, lang)
    kinds, quals, units = t(lang, "kind_names"), t(lang, "qualifier_names"), t(lang, "units")
    rows = [
        {
            t(lang, "label"): i.label,
            t(lang, "figure"): i.text,
            t(lang, "value"): f"{i.value:,}" + (f"–{i.value_max:,}" if i.value_max is not None else ""),
            t(lang, "unit"): units.get(i.unit, i.unit),
            t(lang, "qualifier"): quals[i.qualifier] + (t(lang, "each_mark") if i.each else ""),
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
        out.append(t(lang, "claims_head").format(kind=t(lang, kind), n=len(found)) + "\n")
        for c in sorted(found, key=lambda c: (SCOPE_ORDER[c.scope], c.start)):
            out.append("- " + t(lang, "claim_line").format(scope=scope_name(c, lang), text=escape_markdown(c.text), src=cite(sec, c.start)))
        out.append("")
    return "\n".join(out).strip()


# 7. named initiatives


def terms(sec: ReportSection, lang: str) -> str:
    if not sec.terms:
        return t(lang, "no_terms")
    counts = Counter(x.text for x in sec.terms)  # in the order each first appears
    return " · ".join(f"“{escape_markdown(nest_quotes(w))}”" + (f" ×{n}" if n > 1 else "") for w, n in counts.items())


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
    rows = [(getattr(d, lang), round(shares[d.key], 1)) for d in domains() if shares[d.key] > 0]
    rows.sort(key=lambda r: -r[1])
    return pd.DataFrame(rows, columns=[t(lang, "domain"), t(lang, "share")]).set_index(t(lang, "domain"))


# 9. narrative


def cite(sec: ReportSection, offset: int) -> str:
    """A link to the source sentence: ``[S4](#S4)``."""
    sid = source_of(sec, offset)
    return f"[{sid}](#{sid})" if sid else ""


def _top_money(sec: ReportSection) -> list[Indicator]:
    """The money stated (spending), largest first."""
    return sorted(money_stated(sec.indicators), key=lambda i: -i.value)


#: Where a clause ends inside a sentence; ``、`` ends an item of a list.
CLAUSE_BREAKS = "，,；;：:。！!？?\n"
LIST_BREAK = "、"
#: A clause longer than this is not quoted whole: the figure's own words stand for it.
MAX_CLAUSE = 40
#: Verbs the items of a list share: ``新增公办幼儿园2所、省五星级幼儿园1所`` adds both.
SHARED_VERB = re.compile(
    r"(新改建|新开工|新招录|新增|新建|建成|改造|改建|完成|开发|开展|实现|投放|发放|累计|引进|培育|打造|创建|举办|更新|维修|"
    r"整治|拆除|建设|招录|提供|培训|受理|办结|新设|设立|落实|争取|争创)"
)
#: The verb that ends a label before the figure it sets (``提升至``), and the ``由`` of ``由45天压缩至20天``.
SETTING_VERB = re.compile(r"(提升|提高|增加|增长|调整|下降|降低|压缩|缩短|扩大|减少|达|增|降)?(至|到|为)$")
FROM_WORD = re.compile(r"(由|从)$")
#: A change stated on the year before (``同比提高``, ``比上年增长``).
YEAR_ON_YEAR = re.compile(r"同比|比上年|较上年")


def _clause(report: Report, start: int, end: int) -> tuple[int, int, str]:
    """The clause of the report around ``start:end`` (between two breaks in its
    sentence), and the verb it shares with the list it ends, if it is a later item of
    one (``、省五星级幼儿园1所`` → ``新增``)."""
    text = report.text
    sent = report.sentence_at(start)
    lo, hi = (sent.start, sent.end) if sent else (max(0, start - MAX_CLAUSE), min(len(text), end + MAX_CLAUSE))
    a = start
    while a > lo and text[a - 1] not in CLAUSE_BREAKS + LIST_BREAK:
        a -= 1
    b = end
    while b < hi and text[b] not in CLAUSE_BREAKS + LIST_BREAK:
        b += 1
    if b - a > MAX_CLAUSE:
        b = end
    while a < start and text[a].isspace():
        a += 1
    shared = ""
    if a > lo and text[a - 1] == LIST_BREAK and not SHARED_VERB.match(text, a):
        c = a - 1
        while c > lo and text[c - 1] not in CLAUSE_BREAKS:
            c -= 1
        while c < a and text[c].isspace():
            c += 1
        verb = SHARED_VERB.match(text, c)
        shared = verb.group(1) if verb else ""
    return a, b, shared


def clause_words(sec: ReportSection, ind: Indicator) -> str:
    """A figure in its clause as the report writes it, escaped: ``新增省五星级幼儿园1所``
    (the verb a list shares put back), ``新增“城市书房”“文化驿站”各1处``. Where the
    clause is too long to quote, what the figure measures and the figure."""
    a, b, shared = _clause(sec.report, ind.start, ind.end)
    bare = not sec.report.text[a:ind.start].strip()  # an item of a list that is a figure only (、82万平方米)
    # a clause of two figures (投资4000万元升级改造幼儿园27所) would be quoted for each: each its own words
    shared_clause = any(i is not ind and a <= i.start < b for i in sec.report.within("indicators", a, b))
    if b - a > MAX_CLAUSE or ((bare or shared_clause) and ind.label):
        return escape_markdown((ind.label or "") + ind.text)
    return escape_markdown(shared + sec.report.text[a:b])


def figure_phrase(sec: ReportSection, ind: Indicator, lang: str) -> str:
    """A figure for prose, escaped: in its clause as written (zh), or in words with its
    qualifier (en: ``more than 20,000 (个)``)."""
    return clause_words(sec, ind) if t(lang, "figures_as_written") else escape_markdown(figure_words(ind, lang))


def relation_phrase(sec: ReportSection, r, lang: str) -> str:
    """A change whole, escaped: ``“简易注销”公告期由45天压缩至20天`` (zh, as written) or
    ``“简易注销”公告期: cut from 45 to 20 days`` (en)."""
    if t(lang, "figures_as_written"):
        first = r.before or r.base or r.after or r.delta
        a, _, shared = _clause(sec.report, min(r.start, first.start), first.end)
        if r.end - a <= MAX_CLAUSE:
            return escape_markdown(shared + sec.report.text[a:r.end])
        return escape_markdown(r.text)
    words = t(lang, "narrative")
    way = r.direction or "none"
    if r.before and r.after:
        label = FROM_WORD.sub("", r.before.label or "").strip() or (r.after.label or "")
        before = figure_words(r.before, lang)
        if r.before.unit == r.after.unit and r.before.qualifier == "exact" and r.before.value_max is None and not r.before.each:
            before = amount_en(r.before.value) if unit_words(r.before.unit, lang) != "%" else before
        return escape_markdown(words["change"].format(label=label, verb=words["change_verbs"][way], before=before,
                                                      after=figure_words(r.after, lang)))
    if r.base and r.delta:
        period = words["year_on_year"] if YEAR_ON_YEAR.search(r.delta.label or "") else ""
        return escape_markdown(words["delta"].format(label=r.base.label or "", base=figure_words(r.base, lang),
                                                     way=words["delta_ways"][way], delta=figure_words(r.delta, lang), period=period))
    ind = r.after or r.delta or r.base or r.before
    label = SETTING_VERB.sub("", ind.label or "").strip() or (ind.label or "")
    return escape_markdown(words["set"].format(label=label, verb=words["set_verbs"][way], after=figure_words(ind, lang)))


def indicator_phrase(sec: ReportSection, ind: Indicator, lang: str, key: str = "figure") -> str:
    """A figure and what it measures, escaped: ``实现新增就业1.8万人`` (zh, its clause as
    written) or ``18,000 people (实现新增就业)`` (en)."""
    if t(lang, "figures_as_written"):
        return clause_words(sec, ind)
    return t(lang, f"narrative.{key}").format(figure=escape_markdown(figure_words(ind, lang)), label=escape_markdown(ind.label or "—"))


def target_phrase(target, lang: str) -> str:
    """A target the section sets, escaped: as written (zh) or its measure and value in words (en)."""
    if t(lang, "figures_as_written"):
        return escape_markdown(target.text)
    value = value_words(target.value, target.value_max, target.unit, target.qualifier, lang)
    soft = t(lang, "narrative.soft") if target.soft else ""
    return escape_markdown(f"{target.name} {value}{soft}")


#: How much a kind of figure says on its own, for choosing what the narrative leads
#: with: rates and changes first, then sums and people; a figure per item least.
KIND_WEIGHT = {"percent": 30, "percent_point": 30, "money": 20, "people": 15, "area": 12, "length": 12, "count": 10,
               "duration": 10, "other": 5}
RELATION_WEIGHT = 100
OPENING_WEIGHT = 20
OUTPUT_WEIGHT = 15


@dataclass
class Fact:
    """One finding the narrative can state: its words (escaped), where it is (for the
    link to its sentence and reading order), how salient it is, the figures it states."""

    start: int
    words: str
    score: float
    figures: frozenset[int]
    paragraph: int = -1


def salience(ind: Indicator, opening_end: int) -> float:
    """How much a figure stands out: its kind, its place in the section's opening (the
    summary a report leads a section with), its size, a money figure that is output or
    revenue (a headline of the economy); a figure per item says least."""
    score: float = KIND_WEIGHT.get(ind.kind, 5)
    if ind.start < opening_end:
        score += OPENING_WEIGHT
    if ind.role and ind.role not in ("spending", "standard"):
        score += OUTPUT_WEIGHT
    if ind.value and ind.value > 1:
        score += min(10.0, 1.2 * math.log10(ind.value))
    if ind.each:
        score -= 10
    return score


def facts(sec: ReportSection, lang: str) -> tuple[list[Fact], list[Fact]]:
    """The section's changes (whole: before and after, base and change) and its other
    figures (spending left to the money paragraph), each the most salient first."""
    opening_end = next((p.start for p in sec.paragraphs if p.theme is not None), sec.end)
    starts = [p.start for p in sec.paragraphs]
    where = lambda offset: bisect.bisect_right(starts, offset) - 1  # noqa: E731
    changes = []
    for r in sec.relations:
        inds = [i for i in (r.before, r.after, r.base, r.delta) if i is not None]
        if not inds:
            continue
        score = RELATION_WEIGHT + (OPENING_WEIGHT if r.start < opening_end else 0) + max(salience(i, opening_end) for i in inds)
        changes.append(Fact(r.start, relation_phrase(sec, r, lang), score, frozenset(i.start for i in inds), where(r.start)))
    said = {s for f in changes for s in f.figures}
    spending = {i.start for i in money_stated(sec.indicators)}
    figures = [
        Fact(i.start, indicator_phrase(sec, i, lang), salience(i, opening_end), frozenset([i.start]), where(i.start))
        for i in sec.indicators
        if i.start not in said and i.start not in spending and i.role != "standard"
    ]
    order = lambda f: (-f.score, f.start)  # noqa: E731
    return sorted(changes, key=order), sorted(figures, key=order)


#: How many of the section's other figures the narrative names, and how many targets and changes.
NARRATIVE_FIGURES = 4
NARRATIVE_CHANGES = 3
NARRATIVE_TARGETS = 6
NARRATIVE_LEADS = 2


def _spread(found: list[Fact], n: int) -> list[Fact]:
    """The ``n`` most salient facts, no two from one paragraph while others have some
    to give; in reading order."""
    chosen, seen = [], set()
    for f in found:
        if f.paragraph not in seen:
            chosen.append(f)
            seen.add(f.paragraph)
        if len(chosen) == n:
            break
    chosen += [f for f in found if f not in chosen][: n - len(chosen)]
    return sorted(chosen, key=lambda f: f.start)


def narrative(report: Report, sec: ReportSection, lang: str) -> str:
    """A few paragraphs an analyst would write from the data (``templates/text/
    narrative.<lang>.md.j2``): the section's most salient fact first (a change, a rate,
    a target, the largest sum), its other changes whole, the targets it sets, its
    other key figures, its money and its weight in the report, its claims to lead.
    Every number is a parsed figure with its qualifier and a link to its sentence; a
    count of none is never stated as a finding."""
    check_lang(lang)
    summary = summary_of(report, sec)
    summaries = report.summaries
    changes, others = facts(sec, lang)
    item = lambda f: f"{f.words}{t(lang, 'narrative.cite_sep')}{cite(sec, f.start)}"  # noqa: E731

    money = _top_money(sec)
    largest = None  # the largest sum, in words
    lead = None
    candidates = changes[:1] + others[:1]
    if money:
        top = money[0]
        largest = Fact(top.start, indicator_phrase(sec, top, lang, "money"), salience(top, sec.end), frozenset([top.start]))
        candidates.append(largest)
    if candidates:
        lead = max(candidates, key=lambda f: (f.score, -f.start))
    changes = [f for f in changes if f is not lead][:NARRATIVE_CHANGES]
    figures = _spread([f for f in others if f is not lead], NARRATIVE_FIGURES)

    targets = [x for x in report.targets if sec.start <= x.start < sec.end and x.value is not None][:NARRATIVE_TARGETS]

    spending = None
    if largest and summary.money:
        total = sum(s.money or 0 for s in summaries)
        ranked = sorted((s.money or 0 for s in summaries), reverse=True)
        spending = {
            "count": counted(lang, "sums", len(money)),
            "total": escape_markdown(money_words(summary.money, lang, summary.money_qualifier)),
            "largest": item(largest) if largest.start != (lead and lead.start) else "",
            "share": percent(100 * summary.money / total) if total else "",
            "most": len([m for m in ranked if m]) > 1 and summary.money == ranked[0],
            "single": len(money) == 1,
        }

    all_figures = sum(s.indicators for s in summaries)
    size = None
    if sec.indicators:
        densities = sorted(s.density for s in summaries)
        size = {
            "none": False,
            "figures": counted(lang, "figures", len(sec.indicators)),
            "share": percent(100 * len(sec.indicators) / all_figures) if all_figures else "",
            "density": summary.density,
            "average": report_density(summaries),
            "sections": counted(lang, "sections", len(summaries)),
            "densest": len(summaries) > 2 and summary.density == densities[-1],
            "sparsest": len(summaries) > 2 and summary.density == densities[0],
            "only": len(summaries) == 1,
        }
    elif all_figures:
        size = {"none": True, "only": False, "others": counted(lang, "figures", all_figures)}

    leads = sorted((c for c in sec.claims if c.kind in ("first", "rank")), key=lambda c: (SCOPE_ORDER[c.scope], c.start))
    rest = [k for k in CLAIM_KINDS if k not in ("first", "rank")]
    others_claimed = [counted(lang, k, n) for k in rest if (n := sum(c.kind == k for c in sec.claims))]
    example = sorted((c for c in sec.claims if c.kind not in ("first", "rank")), key=lambda c: (SCOPE_ORDER[c.scope], c.start))
    return render(
        "narrative", lang,
        title=escape_markdown(nest_quotes(sec.title.rstrip("。．."))),
        lead=item(lead) if lead else "",
        themes=[f"“{escape_markdown(nest_quotes(th.text.rstrip('。．.')))}”" for th in sec.themes],
        themes_count=counted(lang, "themes", len(sec.themes)) if sec.themes else "",
        targets_count=counted(lang, "targets", len(targets)) if targets else "",
        changes=[item(f) for f in changes],
        targets=[f"{target_phrase(x, lang)}{t(lang, 'narrative.cite_sep')}{cite(sec, x.start)}" for x in targets],
        figures=[item(f) for f in figures],
        spending=spending,
        size=size,
        leads=[t(lang, "narrative.claim").format(text=escape_markdown(c.text), scope=scope_name(c, lang))
               + t(lang, "narrative.cite_sep") + cite(sec, c.start) for c in leads[:NARRATIVE_LEADS]],
        leads_more=len(leads) > NARRATIVE_LEADS,
        leads_count=join_words([counted(lang, k, n) for k in ("rank", "first") if (n := sum(c.kind == k for c in leads))], lang),
        others_claimed=others_claimed,
        example=(f"“{escape_markdown(nest_quotes(example[0].text))}”{t(lang, 'narrative.cite_sep')}{cite(sec, example[0].start)}"
                 if example else ""),
        join=lambda items: join_words(items, lang),
    )


def sources(sec: ReportSection, lang: str) -> str:
    """Every sentence of the section with its id, as link targets for the pointers."""
    return "\n".join(
        f'- <a id="{sid}"></a>**{sid}** {escape_markdown(s.text)}' for sid, s in zip(sentence_ids(sec).values(), sec.sentences)
    )


# 10. notes on the data


def notes(report: Report, sec: ReportSection, lang: str) -> str:
    """A list of notes: figures, labels and the report's own notes escaped where they land."""
    words = t(lang, "notes")
    sep = words["sep"]
    quals, names = t(lang, "qualifier_names"), t(lang, "role_names")
    approx = [i for i in sec.indicators if i.qualifier not in ("exact",)]
    each = [i for i in sec.indicators if i.each]
    out = []
    if approx:
        out.append(words["approx"].format(items=sep.join(
            words["approx_item"].format(figure=escape_markdown(i.text), qualifier=quals[i.qualifier]) for i in approx)))
    if each:
        out.append(words["each"].format(items=sep.join(clause_words(sec, i) for i in each)))
    levels = levels_set(sec)
    if levels:
        out.append(words["levels"].format(items=sep.join(clause_words(sec, i) for i in levels)))
    other = money_not_spent(sec)
    if other:
        out.append(words["not_spent"].format(items=sep.join(
            words["not_spent_item"].format(figure=clause_words(sec, i), role=names[i.role]) for i in other)))
    if t(lang, "report_notes"):
        out += [words["report"].format(note=escape_markdown(note)) for note in report.notes]
    elif report.missing_sections:
        out.append(words["missing"].format(sections=t(lang, "join").join(map(escape_markdown, report.missing_sections))))
    if position(report, sec) == len(report.sections) - 1:
        out.append(words["last"])
    return "\n".join(f"- {x}" for x in out) if out else "-"


# overview


def overview_heading(report: Report, lang: str) -> str:
    meta = report.metadata
    title = meta.title.text if meta.title else (report.source or "")
    return (f"# {escape_markdown(title)}\n\n**{t(lang, 'report')}**{t(lang, 'colon')}{place_and_date(report)}"
            f"\n\n{t(lang, 'overview_intro')}")


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
    doms = domains()
    cols = [getattr(d, lang) for d in doms]
    values = [[shares[d.key] for d in doms] for shares in map(domain_shares, (s.text for s in summaries))]
    return plotting.heatmap([short_label(s) for s in summaries], cols, values, t(lang, "domains_by_section"))


def all_claims(report: Report, lang: str) -> str:
    if not report.claims:
        return t(lang, "no_claims")
    out = []
    for scope in SCOPES:
        found = [c for c in report.claims if c.scope == scope]
        if found:
            name = t(lang, f"scope_{scope or 'none'}")
            out.append(t(lang, "claims_head").format(kind=name, n=len(found)) + "\n")
            out.extend(f"- ({escape_markdown(c.section or '—')}) {t(lang, c.kind)}{t(lang, 'colon')}{escape_markdown(c.text)}" for c in found)
            out.append("")
    return "\n".join(out).strip()


def missing(report: Report, lang: str) -> str:
    gone = t(lang, "join").join(escape_markdown(n) for n in report.missing_sections)
    words = t(lang, "missing")
    if gone and has_parts(report):
        return words["parts"].format(sections=gone)
    if not gone:
        return words["none"]
    return words["start"].format(sections=gone, first=escape_markdown(report.sections[0].marker))


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
