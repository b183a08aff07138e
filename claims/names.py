"""How names are compared: the one folding that the registry's search column, its lookups, the
attribution engine and restoring all use, and the matcher that says whether a mention can name a source.

Pure functions, standard library only."""

import re
import unicodedata
from functools import lru_cache

# Letters that Unicode does not decompose into a base letter and an accent, but that readers and
# transliterations treat as one ("Radosław" is written "Radoslaw").
_UNDECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ŧ": "t"})

_HONORIFICS = frozenset("mr mrs ms mx dr prof sir dame lord lady the".split())
_ARTICLE_RE = re.compile(r"^(?:[Tt]he\s+|[Aa]n?\s+(?=[a-z]))")


def fold(text):
    """Case and accents ignored ("Zelénskyy" and "ZELENSKYY" fold alike), whitespace collapsed.

    Stored beside each source name and alias because SQLite's LIKE and LOWER() fold ASCII only (not
    Cyrillic) and PostgreSQL's unaccent is an extension: this works on both."""
    if text.isascii():  # no accents to take off: most names, and every word of English narration
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_UNDECOMPOSED))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


@lru_cache(maxsize=65_536)  # the attribution engine asks about the same few hundred names again and again
def normalise_name(name):
    """fold() with punctuation removed: "Radosław Sikorski" -> "radoslaw sikorski".

    A leading article goes ("The Kremlin", "a unit of soldiers"), an initial stays ("A. Yusov")."""
    plain = fold(_ARTICLE_RE.sub("", name.strip())).replace("’", "'").replace("'s ", " ")
    return " ".join(re.findall(r"[^\W_]+", plain.replace("'", "")))


def names_match(mention, full_name, aliases=()):
    """Whether a mention ("Yusov", "A. Yusov", "Andrii Yusov") can name the source full_name.

    A surname alone matches; initials match first names; accents, case and punctuation are ignored;
    aliases are compared whole."""
    m = [w for w in normalise_name(mention).split() if w not in _HONORIFICS]
    if not m:
        return False
    for candidate in (full_name, *aliases):
        c = [w for w in normalise_name(candidate).split() if w not in _HONORIFICS]
        if not c:
            continue
        if m == c:
            return True
        if m[-1] != c[-1]:
            continue
        if len(m) == 1:
            return True  # surname only
        # Every other word of the mention must match a first name, or be its initial.
        firsts = c[:-1]
        if len(m) - 1 > len(firsts):
            continue
        if all(
            (a == b) or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))
            for a, b in zip(m[:-1], firsts)
        ):
            return True
    return False
