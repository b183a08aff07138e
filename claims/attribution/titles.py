"""Titles and posts before a person's name: where the name starts after a title's portfolio ("Minister of
State for Petroleum Resources Adaeze Okafor-Bello") and ends before where its holder works ("Mayor X Y of
Andacollo"), where a name ends before its body or its place ("Rebecca Haworth-Lunt | of Cheshire
Constabulary", "Champlain Valley University | in Vermont"), and which capitalised words name a body rather
than a person."""

from .lexicon import COMPANY_SUFFIXES, ORG_NOUNS, ROLE_NOUNS
from .noun_phrases import NAME_PARTICLES


def body_noun(tok):
    """A body's noun in a name: "Ministry", "Agency", "NGO" (but "Ngo" is a name: "Bernadette Ngo Mbock")."""
    return tok.low in ORG_NOUNS and (tok.low != "ngo" or tok.text.isupper())


# Bodies' nouns that are given names too: "Charity Nkonde", "Trust Mhlanga".
_GIVEN_NAMES = frozenset({"charity", "trust"})


def names_a_body(run):
    """Whether the tokens of a name hold a body's noun or a company's suffix, not counting a given name
    ("Charity Nkonde" is a person, "Charity Commission" a body)."""
    words = [t for t in run if t.word]
    if (
        len(words) == 2
        and words[0].low in _GIVEN_NAMES
        and not (body_noun(words[1]) or words[1].low in COMPANY_SUFFIXES)
    ):
        return False
    bodies = [k for k, t in enumerate(words) if body_noun(t) or t.low in COMPANY_SUFFIXES]
    title = bodies[-1] + 1 if bodies else len(words)
    if title + 1 < len(words) and words[title].low in ROLE_NOUNS:
        return False  # "Energy Minister Nathalie Gendron": a portfolio, then a title and a person
    return bool(bodies)


def before_where_from(toks, first, hi):
    """Where a titled person's name ends before "of" and where they are from or work: "Col. X Y of the
    Carabineros police", "analyst X Y of the consultancy Z" (two capitalised words or more before it)."""
    for m in range(first, hi - 1):
        if toks[m].low == "of":
            names = [t for t in toks[first:m] if t.word]
            if len(names) >= 2 and all(t.cap or t.low in NAME_PARTICLES for t in names):
                return m
            return hi
    return hi


def after_portfolio(toks, first, hi):
    """Where the person's name starts after a title's portfolio: "Minister of State for Petroleum Resources
    Adaeze Okafor-Bello", "Minister for Fisheries Aoife Brennan" (the name: the last two words, with any
    particle inside it, as in "Maria da Silva"); `first` when no "of" or "for" follows the title."""
    if toks[first].low not in ("of", "for") or hi - first < 4:
        return first
    name = hi - 2
    while toks[name].low in NAME_PARTICLES and name - 1 > first + 1:
        name -= 1  # "Maria da Silva", "Ursula von der Leyen": the given name before the particles
    return name if all(t.cap or t.low in NAME_PARTICLES for t in toks[name:hi]) else first


def before_where_a_body_is(toks, lo, hi):
    """Where a body's name ends before the place it is in: "Champlain Valley University | in Vermont"."""
    first = lo + 1 if toks[lo].low == "the" else lo
    for k in range(first + 2, hi - 1):
        if toks[k].low in ("in", "at"):
            name, place = toks[first:k], toks[k + 1 : hi]
            if all(t.cap for t in name) and names_a_body(name) and all(t.cap or not t.word for t in place):
                return k
            return hi
    return hi


def before_a_body(toks, lo, hi):
    """Where a person's name ends before "of (the)" a body: "Ilse van der Merwe of the International
    Organization for Migration", "Rebecca Haworth-Lunt of Cheshire Constabulary" (a name of two words or more,
    none a body's noun)."""
    for k in range(lo + 2, hi - 1):
        if toks[k].low in ("of", "at", "from") and (toks[k + 1].low == "the" or toks[k + 1].cap):
            name = toks[lo:k]
            person = all(t.cap and not t.poss or t.low in NAME_PARTICLES for t in name) and name[-1].cap
            person = person and not any(t.low in ROLE_NOUNS for t in name)  # not "Superintendent of Police"
            body = any(t.low in ORG_NOUNS for t in toks[k + 1 : hi])  # "of the Red Cross", "of Cheshire Police"
            return k if person and body and not any(t.low in ORG_NOUNS for t in name) else hi
    return hi
