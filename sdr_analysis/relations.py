"""Relations between figures: a change from one figure to another (``由45天压缩至20
天``), a change stated as a delta on a base (``占比86%,同比提高5个百分点``), and a level
set by a verb (``提升至850元``, ``调整为920个``)."""

from __future__ import annotations

import re
from typing import Optional, Sequence

from .chars import CLAUSE, COMMAS, alternation
from .document import Document
from .results import Indicator, Relation, positional
from .words import table

#: Verbs of change and the direction they state (``data/relations.toml``). ``None``: the
#: verb does not say.
DIRECTION_VERBS: dict[str, Optional[str]] = {
    verb: (None if direction == "unsaid" else direction)
    for direction, verbs in table("relations")["directions"].items()
    for verb in verbs
}
VERBS = alternation(DIRECTION_VERBS)

#: The kinds of relation: a change from one figure to another (or a delta on a base),
#: and a level a verb sets.
CHANGE, SET_TO = "change", "set_to"
RELATION_KINDS = (CHANGE, SET_TO)

#: What a figure may be stated per, written between the verb and the figure
#: (``提高到每人每月180元``).
PER_UNITS = tuple(table("relations")["words"]["per"])
PER = rf"(?:每(?:{alternation(PER_UNITS)}))*"

#: ``由 A (verb) 至 B``: what stands between the two figures of a change, and what
#: opens it before A.
CHANGE_BETWEEN = re.compile(rf"(?P<verb>{VERBS})?(?:至|到|为){PER}")
CHANGE_OPENER = re.compile(rf"[由从]{PER}$")

#: ``A, (同比) verb B``: a delta on a base, where B is a rate or a number of points.
YEAR_ON_YEAR = alternation(table("relations")["words"]["year_on_year"])
DELTA_BETWEEN = re.compile(rf"[{COMMAS}]?\s*(?:{YEAR_ON_YEAR})(?P<verb>{VERBS})了?")
DELTA_KINDS = {"percent", "percent_point"}

#: ``verb 至 B``: a level set to a figure; and the characters it can end with, so that
#: it is not sought before a figure that follows any other.
SET_TO_BEFORE = re.compile(rf"(?P<verb>{VERBS})(?:至|到|为){PER}$")
SET_TO_ENDINGS = frozenset("至到为" + "".join(unit[-1] for unit in PER_UNITS))

make_relation = positional(Relation)

#: How far before a figure :data:`CHANGE_OPENER` and :data:`SET_TO_BEFORE` are sought.
LOOK_BACK = 12

def _direction(verb: Optional[str], before: Optional[Indicator], after: Indicator) -> Optional[str]:
    if verb and verb in DIRECTION_VERBS:
        return DIRECTION_VERBS[verb]
    if before is not None and before.unit == after.unit and before.value != after.value:
        return "increase" if after.value > before.value else "decrease"
    return None


def find_relations(doc: Document, indicators: Sequence[Indicator]) -> list[Relation]:
    """Relations in reading order; each figure takes part in at most one.

    The cheap tests (units, kinds) come before the regex ones, and the text between
    two figures is matched in place rather than sliced out."""
    text, section_at, clauses = doc.text, doc.section_at, doc.clauses(CLAUSE)
    out: list[Relation] = []
    used: set[int] = set()
    for i, b in enumerate(indicators):
        if b.start in used:
            continue
        sent_start = b.sentence.start if b.sentence else 0
        a = indicators[i - 1] if i else None
        if a is not None and a.start >= sent_start and a.start not in used:
            change = CHANGE_BETWEEN.fullmatch(text, a.end, b.start) if a.unit == b.unit else None
            opener = CHANGE_OPENER.search(text, max(sent_start, a.start - LOOK_BACK), a.start) if change else None
            if change and opener:
                s = opener.start()
                out.append(
                    make_relation(
                        start=s, end=b.end, text=text[s : b.end], kind=CHANGE,
                        direction=_direction(change.group("verb"), a, b),
                        before=a, after=b, section=section_at(s),
                    )
                )
                used.update((a.start, b.start))
                continue
            delta = b.kind in DELTA_KINDS and DELTA_BETWEEN.fullmatch(text, a.end, b.start)
            if delta:
                s = clauses.start(a.start, sent_start)
                out.append(
                    make_relation(
                        start=s, end=b.end, text=text[s : b.end], kind=CHANGE,
                        direction=_direction(delta.group("verb"), None, b),
                        base=a, delta=b, section=section_at(s),
                    )
                )
                used.update((a.start, b.start))
                continue
        set_to = text[b.start - 1] in SET_TO_ENDINGS and SET_TO_BEFORE.search(
            text, max(sent_start, b.start - LOOK_BACK), b.start
        )
        if set_to:
            s = clauses.start(set_to.start(), sent_start)
            out.append(
                make_relation(
                    start=s, end=b.end, text=text[s : b.end], kind=SET_TO,
                    direction=_direction(set_to.group("verb"), None, b),
                    after=b, section=section_at(s),
                )
            )
            used.add(b.start)
    return out
