"""Targets and results: what a report promises for the coming year, and what its review
says the past year came to.

**Targets.** The plan part of a report states the year's main expected targets in one
passage, opened by a cue (``今年经济社会发展的主要预期目标是：``) and running to the end of
its paragraph: ``地区生产总值增长5%左右；城镇调查失业率5.5%左右；…``. Every figure of the
passage is one :class:`~sdr_analysis.results.Target`, named by the clause before it:

- filler words leave the name (``控制在``, ``保持在``, ``达到``, ``同比``…), and so do the
  words that open it (``今年``, ``全省``, ``力争``: the last makes the target ``soft``);
- a clause that is only a verb (``…增长20%，达到282亿元``, ``…，同比增长21%``) takes the
  measure of the figure before, and its text is the figure alone;
- a ``分别`` list gives one target per figure, each named by its item
  (``一产、二产增加值分别增长5%、6%``; ``城乡居民…`` is the urban and the rural one;
  ``城镇登记失业率和城镇调查失业率`` two), and a bound after its last figure bounds
  every figure (``分别控制在4.5%和5.5%以内``);
- a name ends with its verb of change (``增长在8.5%左右`` is ``增长``), and a percent of
  a measure never stated in percent is its growth (``生产总值增长率6%``);
- ``高于全国平均水平0.5个百分点`` is a target relative to the benchmark it names.

A passage whose sentence speaks of a five-year plan (``“十五五”时期…主要目标是``), or
that stands in a five-year part, gives targets with ``horizon`` ``five_year``; a
passage in the review is no passage of targets. ``不设…具体目标`` says a measure has no
target on purpose (``absent == "explicit"``).

**Results.** The review states the past year's results of the same measures
(``全年完成地区生产总值1432.6亿元，同比增长7.9%``): for each measure, the first mention
in the review followed, in its sentence and with no other measure or figure between, by
a growth rate (``change``) or a level. Five-year rates (``年均``), shares and
contributions (``比重``, ``贡献率``) and comparisons with an earlier plan are not results;
nor is what the review says of the five years of a plan beside the year
(:mod:`~sdr_analysis.lookback`), the level a change started from (``由52.23%提高到…``)
or a change's gap to a benchmark (``增幅高于全国0.2个百分点``). A level reached
(``提高到58.08%``) is a level, not a change.

**Measures.** Names are told apart by the table in ``data/measures.toml``: each measure's
key, its names in English and Chinese, whether its target is a floor or a ceiling, and
the words reports write for it; the longest word a name holds decides.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, Optional, Sequence

from .chars import CLAUSE_IN_PASSAGE, COLONS, COMMAS, FIVE_YEAR_PLAN, LIST_COMMA, SEMICOLONS, alternation
from .document import Document
from .labels import complete_item, pair, subject_of
from .lookback import review_sentences
from .results import Indicator, Result, Target, positional
from .spans import SpanIndex
from .words import table, words

#: Where the words of targets and results live (``data/targets.toml``).
WORDS = "targets"


class Measure(NamedTuple):
    """One row of the table of measures."""

    key: str
    en: str
    zh: str
    goal: str  # floor or ceiling
    words: tuple[str, ...]
    levels: tuple[str, ...]  # the units a level of it is stated in
    narrowed_by: tuple[str, ...] = ()  # words before a mention that make it another measure (县域经济增长)


@lru_cache(maxsize=1)
def measures() -> dict[str, Measure]:
    """The table of measures, by key, in the table's order."""
    data = table("measures")
    return {
        key: Measure(key, row["en"], row["zh"], row["goal"], tuple(row["words"]), tuple(row["levels"]),
                     tuple(row.get("narrowed_by", ())))
        for key, row in data.items()
    }


#: A measure that is in no row of the table.
OTHER = Measure("other", "other", "其他", "floor", (), ())


def measure(key: str) -> Measure:
    """The row of ``key`` (``other`` for a key not in the table)."""
    return measures().get(key, OTHER)


@lru_cache(maxsize=1)
def _measure_words() -> tuple[re.Pattern[str], dict[str, str]]:
    by_word = {w: m.key for m in measures().values() for w in m.words}
    return re.compile(alternation(by_word)), by_word


def measure_of(name: str) -> str:
    """The key of the measure ``name`` speaks of: the one whose word is the longest
    that ``name`` holds (``单位地区生产总值能耗`` is ``energy_intensity``, not ``gdp``),
    or ``other``."""
    pattern, by_word = _measure_words()
    found = [m.group() for m in pattern.finditer(name)]
    return by_word[max(found, key=len)] if found else "other"


# finding the passage

#: The cue that opens a passage of targets: ``主要预期目标是：``, ``预期目标为``,
#: ``主要目标任务是``; white space (a broken line) may stand inside it.
CUE = re.compile(
    rf"(?:{alternation(words(WORDS, 'cues'))})(?:任务)?\s*(?:是|为)\s*[{COLONS}]?|(?:{alternation(words(WORDS, 'colon_cues'))})\s*[{COLONS}]"
)
#: Words before the cue, in its sentence, that place the passage in the coming year, or
#: in a five-year plan.
THIS_YEAR = re.compile(rf"{alternation(words(WORDS, 'this_year'))}|20\d\d年(?:经济|全[省市区县]|我[省市区县])")
FIVE_YEAR = re.compile(rf"“?{FIVE_YEAR_PLAN}”?|五年|到20\d\d年|20\d\d年前")

#: What may stand between the figures of one list (``7%和8%左右``, ``5%、6.5%左右``),
#: white space and line breaks included (a PDF dump wraps its lines anywhere).
LIST_GLUE = LIST_COMMA + COMMAS + "和及与" + " \u3000\r\n\t"
#: White space inside a name: a wrapped line (``规模以上工业\n增加值``); and what stands
#: between white space.
SPACE = re.compile(r"\s+")
WORDS_BETWEEN_SPACES = re.compile(r"\S+")
#: Words that open a target's clause and are not part of its name.
LEAD_WORDS = words(WORDS, "lead_words")
#: Words that make a target one the report strives for rather than sets.
SOFT_WORDS = words(WORDS, "soft")
#: Words left out of a target's name wherever they stand.
FILLERS = words(WORDS, "fillers")
#: 均 before a verb means "both" (``…收入均增长8%``), not the 均 of 人均.
BOTH = re.compile(f"均(?={alternation(words(WORDS, 'both_verbs'))})")
#: Verbs of change: a target or result that ends in one is a change, not a level.
CHANGE_VERBS = words(WORDS, "change_verbs")
#: A target relative to a benchmark: ``高于全国平均水平``.
RELATIVE = re.compile(rf"(?:{alternation(words(WORDS, 'relative'))})(?P<benchmark>[^{COMMAS}{SEMICOLONS}。]+?)$")
#: 城乡 before a 分别 list of two figures: the urban one, then the rural one.
URBAN_RURAL = (table(WORDS)["urban_rural"], words(WORDS, "urban_rural_parts"))
#: ``不设…具体目标``: a measure with no target, on purpose.
NO_TARGET = re.compile(
    rf"(?:{alternation(words(WORDS, 'no_target'))})(?P<what>[^{COMMAS}{SEMICOLONS}。]{{1,24}}?)(?:的)?"
    rf"(?:{alternation(words(WORDS, 'no_target_kinds'))})?(?:增长|增速)?目标"
)


#: A sentence that speaks of the targets just set, or turns to the tasks, ends the
#: passage (``这样的目标，是…``, ``为实现上述目标，重点抓好以下14个方面``).
PASSAGE_END = re.compile(rf"\s*(?:{alternation(words(WORDS, 'passage_end'))})")


class Passage(NamedTuple):
    start: int
    end: int
    horizon: str


def find_passages(doc: Document) -> list[Passage]:
    """The passages of targets: from each cue to the end of its paragraph (on to the
    next paragraph where the cue ends one), outside the review."""
    text = doc.text
    start, end = doc.body
    out: list[Passage] = []
    paragraphs = doc.paragraphs
    for m in CUE.finditer(text, start, end):
        part = doc.part_at(m.start())
        if part is not None and part.period == "review":
            continue
        i = paragraphs.index_at(m.end() - 1)
        if i is None:
            continue
        stop = paragraphs[i].end
        if not text[m.end() : stop].strip() and i + 1 < len(paragraphs):
            stop = paragraphs[i + 1].end  # the cue closes its line: the targets follow
        for later in doc.sentences.within(m.end(), stop):
            if PASSAGE_END.match(later.text):
                stop = later.start
                break
        sentence = doc.sentences.at(m.start())
        before = text[sentence.start if sentence else paragraphs[i].start : m.start()]
        if THIS_YEAR.search(before):
            horizon = "year"
        elif FIVE_YEAR.search(before) or (part is not None and part.period == "five_year"):
            horizon = "five_year"
        else:
            horizon = "year"
        if out and m.start() < out[-1].end:  # a second cue inside a passage adds nothing
            continue
        out.append(Passage(m.end(), stop, horizon))
    return out


# naming the figures of a passage


def _strip_lead(text: str, s: int, e: int) -> int:
    """Where a clause's name starts: past the glue and the words that open it."""
    while True:
        while s < e and text[s] in LIST_GLUE:
            s += 1
        if not text.startswith(LEAD_WORDS, s, e):  # most clauses open with none
            return s
        s += len(next(w for w in LEAD_WORDS if text.startswith(w, s, e)))  # the first in the list's order


#: A word after a verb of change that only leads to the figure (``增长在8.5%左右``): the
#: name ends with the verb, and the target is a change.
AFTER_CHANGE = re.compile(f"(?<={alternation(words(WORDS, 'change_verbs'))})(?:{alternation(words(WORDS, 'after_change'))})$")


def clean_name(raw: str) -> str:
    """A name without its filler words (``城镇调查失业率控制在`` → ``城镇调查失业率``,
    ``地区生产总值增长在`` → ``地区生产总值增长``)."""
    raw = SPACE.sub("", raw)
    for w in FILLERS:
        raw = raw.replace(w, "")
    return AFTER_CHANGE.sub("", BOTH.sub("", raw).strip(LIST_GLUE))


def is_change(name: str) -> bool:
    return name.endswith(CHANGE_VERBS)


#: Words that, alone, name no measure: a clause of only these takes the measure before.
VERB_ONLY = re.compile(alternation(CHANGE_VERBS + words(WORDS, "verb_only")) + f"|[{table(WORDS)['basis_characters']}]")


def only_verb(name: str) -> bool:
    """Whether a name is only a verb (``增长``, ``按可比价计算增长``): it names no measure
    of its own."""
    return not VERB_ONLY.sub("", name).strip(LIST_GLUE)


def _list_names(subject: str, verb: str, n: int) -> list[str]:
    """The names of the ``n`` figures of a ``分别`` list: one per item of the subject,
    each completed as figures' labels are (``一产、二产、三产增加值`` → ``一产增加值``…;
    :func:`~sdr_analysis.indicators.complete_item`), two joined by 和, 与 or 及
    (``城镇登记失业率和城镇调查失业率``), 城乡 split into urban and rural; the subject
    whole when it does not split into ``n``."""
    items = [x for x in subject.split("、") if x]
    if len(items) != n and n == 2:
        items = pair(subject)
    if len(items) == n:
        return [complete_item(items, k) + verb for k in range(n)]
    word, (urban, rural) = URBAN_RURAL
    if n == 2 and subject.startswith(word):
        rest = subject[len(word) :]
        return [urban + rest + verb, rural + rest + verb]
    return [subject + verb] * n


def find_targets(doc: Document, indicators: Sequence[Indicator] | SpanIndex[Indicator]) -> list[Target]:
    """Every quantified target of every passage, in reading order, from the report's
    figures (``indicators``)."""
    passages = find_passages(doc)
    figures = SpanIndex.of(indicators) if passages else SpanIndex.of([])
    out: list[Target] = []
    for passage in passages:
        out += _passage_targets(doc, figures.within(passage.start, passage.end), passage)
    return out


def _passage_targets(doc: Document, figures: list[Indicator], passage: Passage) -> list[Target]:
    text = doc.text
    # Breaks that end the clause naming a figure. The list comma does not: a measure may
    # be two names joined by it (城镇…收入、农村…收入均增长8%); a figure's own clause
    # starts after the figure before it instead. Nor does a line break: a passage is one
    # paragraph, and a break inside it is a wrapped line.
    clauses = doc.clauses(CLAUSE_IN_PASSAGE)
    out: list[Target] = []
    pending: list[str] = []  # names of the figures still to come of a 分别 list
    shared: dict[int, str] = {}  # figures of a 分别 list bounded by the qualifier after its last figure
    previous: Optional[str] = None
    floor = passage.start
    for k, f in enumerate(figures):
        clause = clauses.start(f.start, floor)
        name_start = _strip_lead(text, clause, f.start)
        raw = text[name_start : f.start]
        soft = any(w in text[clause : f.start] for w in SOFT_WORDS)
        relative_to = None
        start = name_start
        if pending and not raw.strip(LIST_GLUE):
            name, start = pending.pop(0), f.start
        elif "分别" in raw:
            subject, _, verb = raw.partition("分别")
            n = 1
            while k + n < len(figures) and not text[figures[k + n - 1].end : figures[k + n].start].strip(LIST_GLUE):
                n += 1
            names = _list_names(clean_name(subject), clean_name(verb), n) if n > 1 else [clean_name(subject + verb)]
            name, pending = names[0], names[1:]
            shared = _shared_bound(figures[k : k + n], k)
        else:
            pending = []
            name = clean_name(raw)
            rel = RELATIVE.search(name)
            if rel and f.unit in ("个百分点", "%"):
                relative_to, name = rel.group("benchmark"), name[: rel.start()]
            if only_verb(name):
                # only a verb: the measure of the figure before, with this verb
                name, start = (subject_of(previous) if previous else "") + name, f.start
        target = _target(text, f, start, name, soft, passage.horizon, relative_to, shared.get(k))
        if is_target(target):
            out.append(target)
        previous = name
        floor = f.end
    return out


#: A bound after the last figure of a ``分别`` list bounds every figure of it
#: (``分别控制在4.5%和5.5%以内``: both ceilings); ``左右`` stays its own figure's
#: (``分别增长7%和8%左右``).
LIST_BOUNDS = ("more_than", "less_than")


def _shared_bound(figures: Sequence[Indicator], first: int) -> dict[int, str]:
    """The qualifier each figure of a ``分别`` list (``figures``, the first at index
    ``first`` of the passage) takes from its last: :data:`LIST_BOUNDS` only, and only
    for figures without a qualifier of their own."""
    if len(figures) < 2 or figures[-1].qualifier not in LIST_BOUNDS:
        return {}
    return {first + j: figures[-1].qualifier for j, f in enumerate(figures[:-1]) if f.qualifier == "exact"}


#: Units of a change (:data:`RATE_UNITS`, ``%`` and ``个百分点``) or a share: a figure in
#: one is a target even of a measure not in the table (``人口自然增长率控制在7‰以下``).
RATE_UNITS = ("%", "个百分点")
SHARE_UNITS = RATE_UNITS + ("‰",)


def is_target(target: Target) -> bool:
    """Whether a figure of a passage is a target: it measures a known measure, a
    change, or a share; a count in the passage's closing words (``重点抓好以下14个方面``)
    is not."""
    return target.measure != "other" or target.change or target.unit in SHARE_UNITS


def is_rate_of(key: str, name: str, unit: Optional[str]) -> bool:
    """Whether a figure in ``unit`` of the measure ``key`` is its rate of change though
    its name ends in no verb of change (``生产总值增长率7%``): a known measure whose
    levels are never stated in percent, and a name that is no share (``占…比重``)."""
    levels = measure(key).levels
    return unit in RATE_UNITS and bool(levels) and "%" not in levels and not NOT_RESULT.search(name)


make_target = positional(Target)


def _target(text: str, f: Indicator, start: int, name: str, soft: bool, horizon: str, relative_to: Optional[str],
            qualifier: Optional[str] = None) -> Target:
    key = measure_of(name)
    return make_target(
        start=start,
        end=f.end,
        text=text[start : f.end],
        name=name,
        measure=key,
        value=f.value,
        value_max=f.value_max,
        unit=f.unit,
        qualifier=qualifier or f.qualifier,
        soft=soft,
        horizon=horizon,
        relative_to=relative_to,
        change=is_change(name) or relative_to is not None or is_rate_of(key, name, f.unit),
        section=f.section,
    )


def find_absent(doc: Document) -> list[Target]:
    """Measures the report says it sets no target for (``不设经济增速具体目标``): one
    :class:`Target` each, ``absent`` ``"explicit"``, without a value."""
    text = doc.text
    out = []
    for m in NO_TARGET.finditer(text, *doc.body):
        what = m.group("what")
        key = measure_of(what)
        if key == "other":
            continue
        out.append(Target(start=m.start(), end=m.end(), text=m.group(), name=what, measure=key, absent="explicit",
                          change=is_change(what), section=doc.section_at(m.start())))
    return out


# results

#: Words between a measure and a figure that make the figure something other than the
#: past year's result.
NOT_RESULT = re.compile(rf"{alternation(words(WORDS, 'not_result'))}|{FIVE_YEAR_PLAN}")
#: A change on the year before (``较上年``, ``比去年``) is the year's own: its words are
#: read past before :data:`NOT_RESULT` (whose 较 is a comparison with an earlier year).
YEAR_ON_YEAR = re.compile(alternation(table("relations")["words"]["year_on_year"]))
#: How far a result may stand from the mention of its measure.
RESULT_REACH = 40
#: Words before a figure that make it the level a change started from (``由52.23%``,
#: ``从上年的…``).
CHANGE_FROM = words(WORDS, "change_from")
#: A verb of change and a word before a figure that make it a level reached
#: (``提高到76.58%``), not a change.
CHANGE_TO = tuple(v + t for v in CHANGE_VERBS for t in words(WORDS, "change_to"))
#: A change compared with a benchmark (``增幅高于全国0.2个百分点``).
COMPARED = re.compile(alternation(words(WORDS, "compared")))
#: A word after which the measure named only qualifies what a figure measures.
QUALIFIES = re.compile(alternation(words(WORDS, "qualifies")))
#: Words before a result, in its sentence and after its last semicolon, that make it
#: an estimate (``预计``).
ESTIMATE = words(WORDS, "estimate")


def find_results(doc: Document, indicators: Sequence[Indicator] | SpanIndex[Indicator]) -> list[Result]:
    """The past year's results the review states, at most one growth rate and one level
    per measure, in reading order, from the report's figures (``indicators``)."""
    review = [p for p in doc.parts if p.period == "review"]
    if not review:
        return []
    text = doc.text
    all_figures: Optional[SpanIndex[Indicator]] = None  # made when a measure is first mentioned
    pattern, by_word = _measure_words()
    found: dict[tuple[str, bool], Result] = {}
    for part in review:
        for sentence, about in review_sentences(doc, part):
            if about != "year":
                continue  # a sentence about the five years of a plan
            if SPACE.search(sentence.text):
                squeezed, at = _squeeze(sentence.text, sentence.start)
            elif pattern.search(sentence.text):
                squeezed, at = sentence.text, range(sentence.start, sentence.end)
            else:
                continue  # no measure named (most sentences): nothing to squeeze
            mentions = _mentions(pattern, by_word, squeezed)
            if not mentions:
                continue
            if all_figures is None:
                all_figures = SpanIndex.of(indicators)
            for j, (ms, me, key) in enumerate(mentions):
                after = at[me - 1] + 1
                limit = at[mentions[j + 1][0]] if j + 1 < len(mentions) else sentence.end
                stop = text.find("；", after, limit)
                limit = stop if stop != -1 else limit
                # the figures between this mention and the next: stretches that do not
                # overlap, so a sentence's figures are read once however many it holds
                figures = all_figures.within(after, limit)
                rate = next((f for f in figures if f.unit in RATE_UNITS), None)
                if rate is not None and _not_result(SPACE.sub("", text[after : rate.start])):
                    continue  # 突破3万亿元、年均增长4.7%: the level too is the plan's, not the year's
                for f in figures:
                    if f.start - after > RESULT_REACH:
                        break
                    between = SPACE.sub("", text[after : f.start])
                    if _not_result(between) or "分别" in between:
                        break  # a list of measures (城镇、农村…分别增长) is not read here
                    if QUALIFIES.search(between) and not any(w in between for w in CHANGE_FROM):
                        break  # 有进出口实绩的企业数量: the figure measures something else
                    if f.unit in RATE_UNITS and COMPARED.search(between):
                        break  # 增幅高于全国0.2个百分点: the gap to a benchmark
                    if _where_it_started(between):
                        continue  # 由52.23%提高到…, 从上年的…: where the change started
                    change = f.unit in RATE_UNITS and _verb_in(between) and not between.endswith(CHANGE_TO)
                    # a level is stated in its measure's own clause (生产总值3725亿元); one
                    # clauses on is another thing's (经济总量超200亿元县…，园区产值超过100亿元)
                    level = not change and f.unit in measure(key).levels and not any(b in between for b in LEVEL_BREAKS)
                    if not (change or level):
                        continue
                    if (key, change) not in found:
                        # 预计 heads a list of results up to the next semicolon
                        clause = max(sentence.start, *(text.rfind(c, sentence.start, f.start) + 1 for c in SEMICOLONS))
                        estimate = any(w in text[clause : f.start] for w in ESTIMATE)
                        found[key, change] = Result(start=f.start, end=f.end, text=f.text, measure=key,
                                                    name=squeezed[ms:me], value=f.value, unit=f.unit,
                                                    qualifier=f.qualifier, change=change, section=f.section,
                                                    estimate=estimate)
                    if change:
                        break  # the growth rate ends what this mention states
    return sorted(found.values(), key=lambda r: r.start)


def _squeeze(text: str, offset: int) -> tuple[str, Sequence[int]]:
    """``text`` without white space (a wrapped line may break a word), and where each
    of its characters is in the report: read by runs of characters, not one at a time."""
    runs = [m.span() for m in WORDS_BETWEEN_SPACES.finditer(text)]
    at: list[int] = []
    for s, e in runs:
        at.extend(range(offset + s, offset + e))
    return "".join(text[s:e] for s, e in runs), at


#: Breaks that end the clause a level is stated in.
LEVEL_BREAKS = tuple(COMMAS + SEMICOLONS)


def _mentions(pattern: re.Pattern[str], by_word: dict[str, str], sentence: str) -> list[tuple[int, int, str]]:
    """Mentions of measures in a sentence: (start, end, key), the longest word where
    words overlap (``单位地区生产总值能耗`` is one mention); a word after one that
    narrows it to a part of the economy (``县域经济增长``) is no mention."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    while True:
        m = pattern.search(sentence, pos)
        if not m:
            return out
        # a longer word may start inside this one's span only if it started earlier;
        # the alternation is longest first at each position
        key = by_word[m.group()]
        if not sentence.endswith(measure(key).narrowed_by, 0, m.start()):  # 县域经济增长 is not the GDP's
            out.append((m.start(), m.end(), key))
        pos = m.end()


def _not_result(between: str) -> bool:
    """Whether words between a measure and a figure (white space taken out) make the
    figure no result of the year (:data:`NOT_RESULT`), a change on the year before left
    aside."""
    return bool(NOT_RESULT.search(YEAR_ON_YEAR.sub("", between)))


def _verb_in(between: str) -> bool:
    return any(v in between for v in CHANGE_VERBS)


def _where_it_started(between: str) -> bool:
    """Whether a figure after ``between`` is the level a change started from: a word
    such as 由 or 从 stands before it with no verb of change after that word."""
    at = max(between.rfind(w) for w in CHANGE_FROM)
    return at != -1 and not _verb_in(between[at:])
