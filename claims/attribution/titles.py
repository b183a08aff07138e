"""Titles and posts before a person's name: where the name starts after a title's portfolio ("Minister of
State for Petroleum Resources Adaeze Okafor-Bello") and ends before where its holder works ("Mayor X Y of
Andacollo"), and which capitalised words name a body rather than a person."""

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
