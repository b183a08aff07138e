"""Definite descriptions resolved to whom they mean: "the company" to the company named before, "the
tourism minister" to the minister whose role says tourism, "the 48-year-old" to the person of that age,
"the bureau chief" to the unnamed head of the bureau met before."""

import re

from .lexicon import (
    ANON_NOUNS,
    DETERMINERS,
    DOCUMENTS,
    GENERIC_ROLE,
    GROUP_WORDS,
    ORG_NOUNS,
    ROLE_NOUNS,
    is_company_noun,
)
from .memory import words_of

# Posts whose holder a later "the official" may mean: "the deputy minister for water resources, Dr. X".
_IN_OFFICE = frozenset(
    "minister deputy governor mayor commissioner secretary spokesperson spokesman spokeswoman director "
    "administrator superintendent inspector ambassador envoy undersecretary".split()
)


_HEADS_OF_OFFICE = _IN_OFFICE | frozenset("head chief official executive president chairman chairwoman".split())

# Bodies of members, for "the group" when no group is known.
_MEMBERSHIP = frozenset("association union federation society chamber club council league guild forum".split())
# A party's member is a politician named before: "the Democrat" after "Senator X".
_POLITICIANS = frozenset(
    "senator sen representative rep congressman congresswoman governor gov mayor lawmaker legislator mp".split()
)
# Descriptions that a more particular role answers: "the officer" for a commander, "the executive" for a CEO.
_RANKS_OF = {
    "officer": frozenset(
        "commander inspector superintendent sergeant constable detective captain colonel major lieutenant "
        "commissioner chief".split()
    ),
    "executive": frozenset("ceo chief president chairman chairwoman director manager founder".split()),
    "lawmaker": frozenset("senator mp mep representative congressman congresswoman legislator deputy".split()),
    "diplomat": frozenset("ambassador envoy consul".split()),
    "democrat": _POLITICIANS,
    "republican": _POLITICIANS,
}
# Descriptions of a public body that its name need not hold: "the Nigerian Communications Commission ... the regulator".
BODY_NOUNS = frozenset("regulator watchdog agency authority body".split())


_FORCE_WORDS = frozenset({"force"})
_POLICE_WORDS = frozenset("police constabulary gendarmerie carabinieri".split())
# "it" or "its" for the speaker, not "it" standing for a situation ("said it was a mistake").
_IT = re.compile(r"\bits\b|\bit\b(?! (?:was|is|(?:would|will|could|might|may|had|has) be(?:en)?|seemed|seems)\b)")


_IN_A_STATEMENT = re.compile(r"\s+(?:said|says|announced)\s+(?:on \w+ )?in\s+a\s+statement\b")


def _name_acting_as_a_body(memory, at):
    """For "the company" (at text offset `at`) when no company is known: the latest name taken for a
    person's that acts as a body, never one known as a man, a woman, by age or by title: the sentence naming
    it goes on to call it "it" ("Essequibo Gold said it had suspended work at its mine"), it spoke in a
    statement ("Tokara Kaiun said in a statement"), or it is named in this very sentence ("Westair Connect
    will stop flying to Donegal, the airline said")."""
    sentence = memory.text.rfind(". ", 0, at) + 1

    def acting(e):
        if e.kind != "person" or e.gender or e.age or e.title:
            return False
        for found in re.finditer(re.escape(e.name), memory.text[max(0, at - 3_000) : at]):
            end = max(0, at - 3_000) + found.end()
            if end > sentence or _IN_A_STATEMENT.match(memory.text, end):
                return True
            stop = memory.text.find(". ", end)
            if _IT.search(memory.text, end, stop if stop > 0 else len(memory.text)):
                return True
        return False

    ent = memory.recent(acting)
    if ent is not None:
        ent.kind = "organisation"
    return ent


def _named(e):
    """Not a description kept as written ("the airline" said before any name was known)."""
    return e.name.split()[0].lower() not in ("the", "a", "an")


def _resolve_body(head_low, memory, at):
    """The body "the <head_low>" means, the mention at text offset `at`: one that narration named with that
    noun ("football club X") or whose name holds it ("the ministry" of the Ministry of Health), else by kind;
    failing those, one that the text names with that noun though no rule noted it ("Spokane International
    Airport will close ..., the airport said")."""

    def described(e):
        if e.name.lower() == head_low or e.name.lower().split()[-1] in DOCUMENTS:
            return False  # "Airport" of "Airport director X", the noun opening a sentence; "court filings"
        if e.kind == "person":  # a run of capitals taken for a person's name that holds the noun: a body's
            return not (e.role or e.gender or e.title) and head_low in words_of(e.name)
        return e.kind == "organisation" and (head_low in e.nouns or head_low in e.key)  # "Unión" is a union

    ent = max((e for e in memory.called(head_low) if described(e)), key=lambda e: e.last, default=None)
    if ent is not None:
        ent.kind = "organisation"
        return ent
    if head_low in GROUP_WORDS:
        return (
            memory.recent(lambda e: e.kind == "organisation" and e.is_group)
            or memory.named_in_text(head_low, at)
            # a body of members named with no group word: "The Association of Ghana Traders ... The group"
            or memory.recent(lambda e: e.kind == "organisation" and bool(words_of(e.name) & _MEMBERSHIP))
        )
    if is_company_noun(head_low):
        ent = memory.recent(lambda e: e.kind == "organisation" and e.is_company and _named(e))
        ent = memory.narrated_company(ent.last if ent else 0) or ent
        ent = ent or memory.named_in_text(head_low, at) or _name_acting_as_a_body(memory, at)
        return ent or memory.recent(
            lambda e: e.kind == "organisation" and _named(e) and not (e.is_group or e.is_place or e.is_public)
        )
    police = None
    if head_low in _FORCE_WORDS:  # "the force", after the Ontario Provincial Police
        police = memory.recent(lambda e: e.kind == "organisation" and bool(words_of(e.name) & _POLICE_WORDS))
    ent = police or memory.named_in_text(head_low, at)
    if ent is None and head_low in BODY_NOUNS:  # "The regulator said", after the commission was named
        ent = memory.recent(lambda e: e.kind == "organisation" and e.is_public and not e.is_place)
        ent = ent or memory.recent(lambda e: e.kind == "organisation" and not (e.is_company or e.is_place))
    return ent


def resolve_description(core, head_low, is_org, memory):
    """The entity met before that a definite description means ("the minister", "the company", "the
    48-year-old", "the bureau chief"), or None."""
    aged = next((t.low for t in core if t.low.endswith("-year-old")), None)  # "the 48-year-old (lawyer)"
    if aged:
        age = aged.split("-")[0]
        return memory.recent(lambda e: e.kind == "person" and e.age == age) or memory.recent(
            lambda e: e.kind == "person"
        )
    if is_org:
        return _resolve_body(head_low, memory, core[0].start)
    content = {t.low[:-2] if t.poss else t.low for t in core if t.word} - GENERIC_ROLE - DETERMINERS

    def earlier(e):  # an unnamed source met before, not this mention noted as one
        return e.kind == "anonymous" and e.start != core[0].start

    if head_low in ANON_NOUNS and head_low not in ROLE_NOUNS:
        found = memory.recent(lambda e: earlier(e) and head_low in e.name.lower().split())
        if found is None and head_low in ORG_NOUNS:  # "the unit", after "a unit of soldiers" or "X Relief Unit"
            found = _resolve_body(head_low, memory, core[0].start)
        return found
    if not content:  # "the official": a person named with that word in their role, else one in office
        return memory.recent(lambda e: e.kind == "person" and head_low in words_of(e.role or "")) or (
            memory.recent(lambda e: e.kind == "person" and bool(words_of(e.role or "") & _IN_OFFICE))
            or memory.recent(lambda e: earlier(e) and bool(words_of(e.name) & _HEADS_OF_OFFICE))
            if head_low == "official"
            else None
        )

    def shared(e):
        if e.kind not in ("person", "organisation"):
            return 0
        return len(content & (words_of(e.role or "") | words_of(e.title or "")))

    # The person whose role shares most words ("the tourism minister" of two ministers), the latest of those.
    scored = ((shared(e), e.last, e) for e in memory.holding(content))
    most, _, best = max(scored, key=lambda found: found[:2], default=(0, 0, None))
    if most == 0:
        best = None
    if best is None:  # "the diplomat", after "a diplomat familiar with the talks"
        best = memory.recent(lambda e: earlier(e) and head_low in e.name.lower().split())
    if best is None and head_low in _RANKS_OF:  # "the officer", after "police commander X"
        best = memory.recent(lambda e: e.kind == "person" and bool(words_of(e.role or "") & _RANKS_OF[head_low]))
    if best is None and (head_low in _HEADS_OF_OFFICE or content & _HEADS_OF_OFFICE):  # "the bureau chief", "the
        # chief ranger", after "the head of the city's trade bureau", "the chief of the state's rangers"
        best = memory.recent(
            lambda e: earlier(e) and bool(content & words_of(e.name)) and bool(words_of(e.name) & _HEADS_OF_OFFICE)
        )
    return best
