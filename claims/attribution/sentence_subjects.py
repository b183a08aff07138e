"""The subject at the start of the sentence, for a cue with none of its own: a participle ("..., saying
that"), a second cue after "and" ("... and said"): "Doctors in Congo's South Kivu province urged ...,
saying", "More than 200 European climate scientists called ..., warning"."""

from .lexicon import (
    ANON_NOUNS,
    AUX,
    CUE_VERBS,
    DETERMINERS,
    INTRO_WORDS,
    MODIFIERS,
    ORG_NOUNS,
    ROLE_NOUNS,
    WHERE,
    is_plural_group,
    is_speaker_noun,
)
from .noun_phrases import NAME_PARTICLES, np_back

_BODY_OR_ROLE = ORG_NOUNS | ROLE_NOUNS


def _before_a_body_or_role(toks, j, limit):
    """Whether toks[j] is one of up to three plain words before the noun that names a body or a role:
    "the national cashew agency", "Bosnia's civil protection agency" (not a verb and its object: "leader X
    urged the government")."""
    for k in range(j, min(j + 4, limit)):
        if k > j and (toks[k].low in _BODY_OR_ROLE or is_plural_group(toks[k].low)):
            return True  # "the national cashew agency", "200 European climate scientists"
        t = toks[k]
        if not t.word or t.cap or t.poss or t.low in DETERMINERS or t.low.endswith(("ed", "s")):
            return False
    return False


def sentence_subject(toks, limit):
    """The subject at the start of the sentence: after an opening "Earlier the same day," phrase."""
    start = 0
    if toks and toks[0].low in INTRO_WORDS:
        for j in range(1, min(limit, 14)):
            if toks[j].text == ",":
                start = j + 1
                break
    j = start
    while j < limit:
        t = toks[j]
        if t.text in "'’" and j > start and toks[j - 1].low.endswith("s") and j + 1 < limit and toks[j + 1].word:
            j += 1  # "Parents' association leader Edwige Akplogan urged"
            continue
        if not t.word:
            break
        if _inside_the_subject(toks, j, start, limit):
            j += 1
            continue
        break
    if j == start:
        return None
    lo = np_back(toks, j)
    if lo is None or lo < start:
        return None
    # A role and the name that it is, in apposition: "Kenya's education secretary, Wanjiru Kamau-Otieno, urged".
    k = j + 1
    while k < limit and (toks[k].cap or toks[k].low in NAME_PARTICLES or toks[k].text in "-."):
        k += 1
    closed = j < limit and toks[j].text == "," and j + 1 < k < limit and toks[k].text == "," and toks[k - 1].cap
    if closed and any(t.low in ROLE_NOUNS for t in toks[lo:j]):
        return (lo, k)
    return (lo, _past_where_people_are(toks, j, limit))


def _inside_the_subject(toks, j, start, limit):
    """Whether toks[j] goes on the sentence's subject that opened at `start`."""
    t, low = toks[j], toks[j].low
    return (
        t.cap
        or low in DETERMINERS
        or t.poss
        or low in ("of", "for")
        or low in ROLE_NOUNS
        or low in ORG_NOUNS
        or (low in ANON_NOUNS)
        or low in MODIFIERS
        or (is_speaker_noun(low) and j + 1 < limit and toks[j + 1].cap)  # "March organiser Gilbert X urged"
        # a particle inside a name ("Graciela Otamendi de la Fuente"), a noun before the one that
        # names a body or a role ("the national cashew agency")
        or (low in NAME_PARTICLES and j + 1 < limit and (toks[j + 1].cap or toks[j + 1].low in NAME_PARTICLES))
        or (low == "and" and j > start and toks[j - 1].cap and j + 1 < limit and toks[j + 1].cap)  # "Trinidad and"
        or (low.endswith("s") and low[:-1] in ORG_NOUNS)  # "Community groups", "Farmers' unions"
        or (low in ("than", "least") and j == start + 1 and j + 1 < limit and toks[j + 1].text[:1].isdigit())
        or (t.text[:1].isdigit() and j > start and toks[j - 1].low in ("than", "least"))  # "More than 200"
        or (j > start and _after_of(toks, j, limit))  # "A coalition of mental health charities urged"
        or (j > start and _before_a_body_or_role(toks, j, limit))
    )


def _past_where_people_are(toks, j, limit):
    """The end of "in Congo's South Kivu province" after people named by a plural noun ("Doctors" at j - 1),
    or j: the place is part of who they are, as in "Fishing crews in Vigo said"."""
    if not (0 < j < limit - 1 and toks[j].low in WHERE and toks[j - 1].low.endswith("s")):
        return j
    if not is_plural_group(toks[j - 1].low):  # "Doctors", "Community groups"
        return j
    k = j + 1
    while (
        k < limit
        and toks[k].word
        and (toks[k].cap or toks[k].low in DETERMINERS or toks[k].low in _PLACE_NOUNS or toks[k].low in _COMPASS)
    ):
        k += 1
    named = k > j + 1 and any(t.cap for t in toks[j + 1 : k])
    if named and (k == limit or not toks[k].word or not toks[k].cap):
        return k
    # or a place with no name: "Volunteers at the town's shelter urged"
    k = j + 2 if toks[j + 1].low in DETERMINERS else j + 1
    while k < limit - 1 and toks[k].poss:
        k += 1
    noun, verb = toks[k], toks[k + 1] if k + 1 < limit else None
    if verb is not None and noun.word and not noun.cap and k > j + 1 and _a_verb(verb):
        return k + 1
    return j


def _a_verb(tok):
    return not tok.cap and (tok.low in AUX or tok.low in CUE_VERBS or tok.low.endswith("ed"))


_PLACE_NOUNS = frozenset("province district region state county city town village valley camp settlement".split())
_COMPASS = frozenset("north south east west northern southern eastern western central".split())


def _after_of(toks, j, limit):
    """Whether toks[j] is a lowercase word of "of <words> <people or bodies>" after a group's noun: "A
    coalition of mental health charities"."""
    k = j
    while k > 0 and j - k < 3 and not toks[k - 1].cap and toks[k - 1].low != "of":
        k -= 1
    if k < 2 or toks[k - 1].low != "of" or toks[k - 2].low not in ORG_NOUNS or _a_verb(toks[j]):
        return False
    return any(is_plural_group(t.low) for t in toks[j : min(j + 3, limit)])
