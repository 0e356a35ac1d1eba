"""The phrases a section's page and its narrative both write: a figure in its clause
as the report writes it or in words with its qualifier, a change whole, a target, a
link to a figure's sentence, a claim's scope; and what both look up to write them (a
section's summary, its sentences' ids, the order of claims).

Every phrase is Markdown: report text in it is escaped with
:func:`~sdr_analysis.messages.escape_markdown`; the links are the page's own.
"""

from __future__ import annotations

import re

from .chars import CLAUSE, LIST, LIST_COMMA
from .english import english_label, label_words
from .messages import escape_markdown, t
from .report import Report, ReportSection
from .results import Claim, Indicator, Relation, SectionSummary
from .wording import amount_en, figure_words, unit_words, value_words


def summary_of(report: Report, sec: ReportSection) -> SectionSummary:
    """The section's :class:`SectionSummary`."""
    return next(s for s in report.summaries if s.start == sec.start)


# a figure's sentence


def sentence_ids(sec: ReportSection) -> dict[int, str]:
    """``{sentence start: 'S1', ...}`` for the sentences of a section (made once per
    section: every figure's citation looks its sentence up here)."""
    return sec.sentence_ids


def source_of(sec: ReportSection, offset: int) -> str:
    sent = sec.report.sentence_at(offset)
    return sentence_ids(sec).get(sent.start, "") if sent else ""


def cite(sec: ReportSection, offset: int) -> str:
    """A link to the source sentence: ``[S4](#S4)``."""
    sid = source_of(sec, offset)
    return f"[{sid}](#{sid})" if sid else ""


# claims


#: Kinds of claim in the order the write-ups list them; scopes widest first.
CLAIM_KINDS = ("rank", "first", "coverage", "honor")
SCOPES = ("nation", "region", "province", "city", None)
SCOPE_ORDER = {scope: i for i, scope in enumerate(SCOPES)}


def scope_name(claim: Claim, lang: str) -> str:
    return t(lang, f"scope_{claim.scope or 'none'}")


# a figure in its clause, or in words


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
    text, doc = report.text, report.document
    sent = report.sentence_at(start)
    lo, hi = (sent.start, sent.end) if sent else (max(0, start - MAX_CLAUSE), min(len(text), end + MAX_CLAUSE))
    items = doc.clauses(LIST)
    a, b = items.start(start, lo), items.end(end, hi)
    if b - a > MAX_CLAUSE:
        b = end
    while a < start and text[a].isspace():
        a += 1
    shared = ""
    if a > lo and text[a - 1] == LIST_COMMA and not SHARED_VERB.match(text, a):
        c = doc.clauses(CLAUSE).start(a - 1, lo)
        while c < a and text[c].isspace():
            c += 1
        verb = SHARED_VERB.match(text, c)
        shared = verb.group(1) if verb else ""
    return a, b, shared


def labelled(ind: Indicator) -> str:
    """What a figure measures and the figure, as written, not escaped (``新增就业1.8万人``;
    the figure alone where nothing is found)."""
    return (ind.label or "") + ind.text


def clause_words(sec: ReportSection, ind: Indicator) -> str:
    """A figure in its clause as the report writes it, escaped: ``新增省五星级幼儿园1所``
    (the verb a list shares put back), ``新增“城市书房”“文化驿站”各1处``. Where the
    clause is too long to quote, what the figure measures and the figure."""
    a, b, shared = _clause(sec.report, ind.start, ind.end)
    bare = not sec.report.text[a:ind.start].strip()  # an item of a list that is a figure only (、82万平方米)
    # a clause of two figures (投资4000万元升级改造幼儿园27所) would be quoted for each: each its own words
    shared_clause = any(i is not ind and a <= i.start < b for i in sec.report.within("indicators", a, b))
    if b - a > MAX_CLAUSE or ((bare or shared_clause) and ind.label):
        return escape_markdown(labelled(ind))
    return escape_markdown(shared + sec.report.text[a:b])


def figure_phrase(sec: ReportSection, ind: Indicator, lang: str) -> str:
    """A figure for prose, escaped: in its clause as written (zh), or in words with its
    qualifier (en: ``more than 20,000 (个)``)."""
    return clause_words(sec, ind) if t(lang, "figures_as_written") else escape_markdown(figure_words(ind, lang))


def relation_figures(r: Relation) -> list[Indicator]:
    """The figures a relation states (its before, after, base and change that are found)."""
    return [i for i in (r.before, r.after, r.base, r.delta) if i is not None]


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
        label = english_label(label) or label
        before = figure_words(r.before, lang)
        if r.before.unit == r.after.unit and r.before.qualifier == "exact" and r.before.value_max is None and not r.before.each:
            before = amount_en(r.before.value) if unit_words(r.before.unit, lang) != "%" else before
        return escape_markdown(words["change"].format(label=label, verb=words["change_verbs"][way], before=before,
                                                      after=figure_words(r.after, lang)))
    if r.base and r.delta:
        period = words["year_on_year"] if YEAR_ON_YEAR.search(r.delta.label or "") else ""
        return escape_markdown(words["delta"].format(label=english_label(r.base.label) or r.base.label or "", base=figure_words(r.base, lang),
                                                     way=words["delta_ways"][way], delta=figure_words(r.delta, lang), period=period))
    ind = r.after or r.delta or r.base or r.before
    label = SETTING_VERB.sub("", ind.label or "").strip() or (ind.label or "")
    label = english_label(label) or label
    return escape_markdown(words["set"].format(label=label, verb=words["set_verbs"][way], after=figure_words(ind, lang)))


def indicator_phrase(sec: ReportSection, ind: Indicator, lang: str, key: str = "figure") -> str:
    """A figure and what it measures, escaped: ``实现新增就业1.8万人`` (zh, its clause as
    written) or ``18,000 people (new jobs)`` (en: what it measures in English where it
    names a measure or a policy word, else as written)."""
    if t(lang, "figures_as_written"):
        return clause_words(sec, ind)
    return t(lang, f"narrative.{key}").format(figure=escape_markdown(figure_words(ind, lang)), label=escape_markdown(label_words(ind.label, lang)))


def target_phrase(target, lang: str) -> str:
    """A target the section sets, escaped: as written (zh) or its measure (in English
    where it is one of the table of measures or a policy word) and value in words (en)."""
    if t(lang, "figures_as_written"):
        return escape_markdown(target.text)
    value = value_words(target.value, target.value_max, target.unit, target.qualifier, lang)
    soft = t(lang, "narrative.soft") if target.soft else ""
    from .targets import measure

    name = measure(target.measure).en if target.measure != "other" else english_label(target.name) or target.name
    return escape_markdown(f"{name} {value}{soft}")


# amounts


def amount_fields(i: Indicator, lang: str) -> dict[str, str]:
    """An amount's words, the same wherever one is shown: the figure with its
    qualifier, what it measures (``—`` where that is not found) and its role; plain
    text, for the caller to escape as its output needs."""
    return {"figure": figure_words(i, lang), "label": label_words(i.label, lang),
            "role": t(lang, "role_names").get(i.role, i.role or "—")}


def amount_short(i: Indicator, lang: str) -> str:
    """An amount in a table's cell: ``4000万元（老旧小区改造；支出）``."""
    return t(lang, "amount_short").format(**amount_fields(i, lang))


def largest_money_words(report: Report, s: SectionSummary, lang: str) -> str:
    """The largest amount a section states, with its qualifier, what it measures and
    its role (``4000万元（…；支出）``); "none stated" where it states none. A figure
    of the report, never a sum of its figures."""
    top = next((i for i in report.within("indicators", s.start, s.end) if i.start == s.largest_money_start), None)
    return amount_short(top, lang) if top is not None else t(lang, "money_none")
