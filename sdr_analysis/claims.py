"""Claims: where a report says the place led (``在全省率先``, ``全国首家``), covered
everything (``实现…全覆盖``), was recognised (``获评``, ``入选``, ``成为省级…试点``) or
ranked (``增速居全省第一``, ``排名全国第5位``, ``居全国前列``).

A claim is the clause that holds its trigger word. A clause that opens with the trigger
has no subject of its own and takes the clause before it (``…改造样板工程,成为省级…示范
项目``). A clause is one claim however many kinds it holds: ``在全省率先实现5G网络全覆盖``
is one claim tagged first and coverage.
"""

from __future__ import annotations

import functools
import re
from typing import Callable, NamedTuple, Optional

from .chars import CLAUSE, CN_ONE_TO_TEN, DIGITS, HAN, LATIN, LIST_COMMA, PAUSES, STOPS, alternation, strip_span
from .document import Document
from .numbers import FULLWIDTH, parse_chinese
from .places import provinces
from .quotes import QUOTE_PAIRS, TIGHT_PAIR, find_quoted
from .results import Claim, positional
from .words import table, words

make_claim = positional(Claim)


class ClaimRule(NamedTuple):
    """A kind of claim and the pattern of its trigger. With a ``lead``, the pattern
    finds the trigger's end and the lead must run right up to it from at most
    ``reach`` characters before; the trigger is lead and match together. A rare end
    found first and a short look back cost less than trying common words everywhere."""

    kind: str
    pattern: re.Pattern[str]
    lead: Optional[re.Pattern[str]] = None
    reach: int = 0


#: Where a claim's words live (``data/claims.toml``).
WORDS = "claims"


@functools.cache
def scope_words() -> dict[str, str]:
    """Each word that sets a claim's scope and the scope it sets, widest scope first:
    the table's words and every province's official name ending in 省 (``辽宁省``,
    from the gazetteer). Read on first use: the gazetteer takes a moment."""
    out: dict[str, str] = {}
    for scope, found in table(WORDS)["scopes"].items():
        out.update(dict.fromkeys(found, scope))
        if scope == "province":
            out.update(dict.fromkeys(sorted(p for p in provinces() if p.endswith("省")), scope))
    return out


@functools.cache
def scope_pattern() -> re.Pattern[str]:
    """The scope words, tried in the order of :func:`scope_words`. A bare alternation
    of words lets the regex engine skip ahead to the characters they start with."""
    return re.compile("|".join(map(re.escape, scope_words())))


#: A place in a ranking: an ordinal that stands alone (``第一``, ``第5位``, ``第三名``,
#: ``首位``), or a place without a number (``前列``, ``前茅``, ``第一方阵``). An ordinal
#: followed by another word is not a place but counts things (``第一批``, ``第二季度``,
#: ``第一时间``, ``第一个``): the lookahead is one character and never a stop's neighbour.
RANK_PLACE = (
    rf"(?:第(?P<n>[{DIGITS}]{{1,3}}|[{CN_ONE_TO_TEN}]{{1,3}})"
    rf"(?:[位名]|(?![{HAN}{LATIN}{DIGITS}]))"
    rf"|首位(?!度)|{alternation(words(WORDS, 'rank_places'))})"
)
#: Characters that may stand between a scope word or verb and the place: the peers
#: ranked (``全省16个地市第一``, ``全国省会城市第3位``), never a clause break.
RANK_GAP_MAX = 6
RANK_GAP = rf"[^{PAUSES}{STOPS}\s{LIST_COMMA}]{{0,{RANK_GAP_MAX}}}?"

#: Trigger patterns. Each kind is reported once per clause, and a clause with several
#: kinds is one claim with several tags. Each pattern runs once over all the sentences,
#: so no pattern may match white space, a stop (。！？!?) or a line break, nor look ahead
#: past one: then a match lies in one sentence and reads as it would in that sentence
#: alone.
@functools.cache
def claim_rules() -> tuple[ClaimRule, ...]:
    """The trigger pattern of each kind of claim (see :data:`RANK_PLACE`,
    ``data/claims.toml``)."""
    rank_verbs = words(WORDS, "rank_verbs")
    becomes = alternation(words(WORDS, "honor_becomes"))
    return (
        ClaimRule("first", re.compile(alternation(words(WORDS, "first")))),
        ClaimRule("coverage", re.compile(alternation(words(WORDS, "coverage")))),
        ClaimRule(
            "honor",
            re.compile(alternation(words(WORDS, "honor")) + rf"|成为(?=[^{re.escape(CLAUSE.chars)}]*?(?:{becomes}))"),
        ),
        ClaimRule(
            "rank",
            re.compile(RANK_PLACE),
            lead=re.compile(rf"(?:{scope_pattern().pattern}|{alternation(rank_verbs)}){RANK_GAP}"),
            reach=max(map(len, (*scope_words(), *rank_verbs))) + RANK_GAP_MAX,
        ),
    )


#: The order of a claim's tags, most specific first; its ``kind`` is the first. A rank
#: gives a place (often a number), an honor names what was conferred, a first claims
#: precedence and coverage only extent: ``获评首批…示范校`` is an honor that was among
#: the first, ``率先实现…全覆盖`` a first that covers everything.
TAG_ORDER = ("rank", "honor", "first", "coverage")
TAG_RANK = {kind: i for i, kind in enumerate(TAG_ORDER)}

#: Words that turn a claim into an aim: ``力争率先`` has not happened yet.
ASPIRATION = re.compile(alternation(words(WORDS, "aspiration")))
#: Words that hold an aim word but say nothing of an aim: ``虚拟电厂率先…`` is a claim.
NOT_ASPIRATION_WORDS = words(WORDS, "not_aspiration")

QUOTE_MARKS = "".join(p.open + p.close for p in QUOTE_PAIRS)

#: A tight pair of quotes (see :mod:`.terms`) that closes where the search ends.
TIGHT_PAIR_AT_END = re.compile(rf"(?:{TIGHT_PAIR.pattern})\Z")

#: A trigger this close to the start of its clause leaves the clause without a subject.
SUBJECTLESS = 2


def scope_of(text: str, start: int = 0, end: Optional[int] = None) -> Optional[str]:
    """The scope of the first scope word in ``text[start:end]``, if any."""
    m = scope_pattern().search(text, start, len(text) if end is None else end)
    return scope_words()[m.group()] if m else None


def _is_aim(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds an aim word that is not part of one of
    :data:`NOT_ASPIRATION_WORDS`."""
    m = ASPIRATION.search(text, start, end)
    while m:
        if not any(_within_word(text, m, w) for w in NOT_ASPIRATION_WORDS):
            return True
        m = ASPIRATION.search(text, m.end(), end)
    return False


def _within_word(text: str, m: re.Match[str], word: str) -> bool:
    """Whether an occurrence of ``word`` covers the match ``m``."""
    return any(text.startswith(word, at) for at in range(max(0, m.end() - len(word)), m.start() + 1))


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Leave out white space, and quote marks left unpaired, at the clause's edges
    (the clause ``“社区便民服务站实现“全覆盖”`` opens a quote it never closes). An edge
    mark in a tight pair is paired for sure; the clause's quotes are paired in full only
    when an edge mark is not."""
    s, e = strip_span(text, s, e)
    if s == e or (
        (text[s] not in QUOTE_MARKS or TIGHT_PAIR.match(text, s, e))
        and (text[e - 1] not in QUOTE_MARKS or TIGHT_PAIR_AT_END.search(text, s, e))
    ):
        return s, e
    pairs = find_quoted(text, s, e)
    while s < e and text[s] in QUOTE_MARKS and not any(q.start == s for q in pairs):
        s += 1
    while e > s and text[e - 1] in QUOTE_MARKS and not any(q.end == e for q in pairs):
        e -= 1
    return s, e


def _lead_start(text: str, rule: ClaimRule, end: int, lo: int) -> Optional[int]:
    """Where ``rule.lead`` starts when it runs from there right up to ``end``: the
    earliest such start, not before ``lo``; ``None`` if it nowhere does."""
    assert rule.lead is not None
    for at in range(max(lo, end - rule.reach), end):
        if rule.lead.fullmatch(text, at, end):
            return at
    return None


def rank_scope(trigger: str) -> Optional[str]:
    """The scope a rank's trigger names: its last scope word, the one nearest the place
    (``居中国西部第1`` ranks in the west), leaving out words for a level that describe
    the peers (``全国省级监管企业第一方阵`` ranks in the nation)."""
    found = scope_pattern().findall(trigger)
    places = [w for w in found if not w.endswith("级")] or found
    return scope_words()[places[-1]] if places else None


def position_of(m: re.Match[str]) -> Optional[int]:
    """The place a rank match gives: ``第一`` → 1, ``第5位`` → 5, ``首位`` → 1; ``None``
    for a place without a number (``前列``, ``第一方阵``)."""
    n = m.group("n")
    if n is None:
        return 1 if m.group().endswith("首位") else None
    if n[0] in DIGITS:
        return int(n.translate(FULLWIDTH))
    try:
        return int(parse_chinese(n))
    except ValueError:
        return None


def find_claims(doc: Document) -> list[Claim]:
    """Claims in reading order (by start, then kind in :data:`TAG_ORDER`), one per
    clause: the kinds a clause holds are its ``tags``, most specific first, and its
    ``kind``, ``scope``, ``trigger`` and ``position`` are the first tag's (scope and
    position taken from a later tag when the first has none).

    Each trigger pattern runs once over the stretch from the first sentence to the
    last, and each match is read in the sentence that holds it, found by its start:
    one pass per pattern rather than one per pattern and sentence."""
    sentences = doc.sentences
    if not sentences:
        return []
    text, section_at, clause_of = doc.text, doc.section_at, doc.clauses(CLAUSE)
    lo, hi = sentences[0].start, sentences[-1].end
    clause_start, clause_end, aim_search = clause_of.start, clause_of.end, ASPIRATION.search
    # per clause (by its bounds before trimming), its first match of each kind
    clauses: dict[tuple[int, int], dict[str, Claim]] = {}
    for rule in claim_rules():
        kind, lead, is_rank = rule.kind, rule.lead, rule.kind == "rank"
        tags = (kind,)
        for m in rule.pattern.finditer(text, lo, hi):
            at = m.start()
            sent = sentences.preceding(at)
            assert sent is not None  # the stretch starts with the first sentence
            if lead is not None:
                led = _lead_start(text, rule, at, sent.start)
                if led is None:
                    continue
                at = led
            cs, ce = clause_start(at, sent.start), clause_end(at, sent.end)
            kinds = clauses.get((cs, ce))
            if kinds is None:
                kinds = clauses[cs, ce] = {}
            # a clause's first trigger of a kind speaks for it; a rank's last, as the
            # place it reached (``从全国第9位升至第7位``)
            # (most clauses hold no aim word: one search says so, without the call)
            if (kind in kinds and not is_rank) or (aim_search(text, cs, at) is not None and _is_aim(text, cs, at)):
                continue
            s, e = _trim(text, cs, ce)
            if at - s < SUBJECTLESS and cs > sent.start:
                ps = clause_start(cs - 1, sent.start)
                s, e = _trim(text, ps, ce)
            trigger = text[at : m.end()]
            # scope words after the trigger speak of the claim itself; before it they
            # may name the subject, so they count only when nothing follows
            if is_rank:
                scope = rank_scope(trigger) or scope_of(text, s, e)
            else:
                scope = scope_of(text, at, e) if kind == "honor" else None
                scope = scope or scope_of(text, s, e)
            # the fields by position (a call per trigger): start, end, text, kind, tags,
            # scope, position, trigger, section
            kinds[kind] = make_claim(s, e, text[s:e], kind, tags, scope, position_of(m) if is_rank else None, trigger, section_at(s))
    claims = [
        next(iter(kinds.values())) if len(kinds) == 1 else _join(text, kinds, section_at)
        for kinds in clauses.values()
        if kinds
    ]
    return sorted(claims, key=lambda c: (c.start, TAG_RANK[c.kind]))


def _join(text: str, kinds: dict[str, Claim], section_at: Callable[[int], Optional[str]]) -> Claim:
    """One claim of a clause's claims of several kinds: the most specific kind's, over
    the span any of them took in (a subjectless trigger takes in the clause before),
    with every kind as a tag and the first scope and position any of them gives, most
    specific first."""
    tagged = sorted(kinds.values(), key=lambda c: TAG_RANK[c.kind])
    s, e = min(c.start for c in tagged), max(c.end for c in tagged)
    first = tagged[0]
    return make_claim(
        start=s,
        end=e,
        text=text[s:e],
        kind=first.kind,
        tags=tuple(c.kind for c in tagged),
        scope=next((c.scope for c in tagged if c.scope), None),
        position=next((c.position for c in tagged if c.position is not None), None),
        trigger=first.trigger,
        section=first.section if s == first.start else section_at(s),
    )
