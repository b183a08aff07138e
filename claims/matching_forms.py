"""For claims.matching: a text with the forms that say one thing in several ways written one way (quotes,
"per cent", quarters, fractions and shares, "two and a half million", durations, areas and basis points in
one unit each, temperatures, "ruled out", the names of bodies known by a short one)."""

import re
import unicodedata

from .matching_words import ALIASES, FRACTIONS, NUMBER_WORDS, ORDINALS

_FRACTION = re.compile(r"\b(?:a|one)[ -](half|third|quarter|fifth|tenth)\b", re.I)
_ONE_IN = re.compile(r"\bone in (two|three|four|five|ten)\b", re.I)
_QUARTER = re.compile(r"\bQ([1-4])\b")


_AND_A_HALF = re.compile(r"\b(\w+) and a half (million|billion|thousand|hours?)\b", re.I)
_HALF_A = re.compile(r"\bhalf (?:a|an) (million|billion|thousand|dozen|hour|percentage point)\b", re.I)
_HOURS_AND_A_HALF = re.compile(r"\b(\d+|an|one|two|three|four|five|six) (hours?) and a half\b", re.I)
# "an hour" on its own is a rate ("12 euros an hour"): only a count of hours is a duration.
_COUNT = r"(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)"
_HOURS = re.compile(_COUNT + r" hours?\b", re.I)
# Durations and areas, each to one unit: days and weeks as minutes, years and decades as months, hectares as
# square kilometres, basis points as percentage points; "six-hour" is "six hours".
_PER_UNIT = re.compile(r"\b(\w+)-(hour|day|week|month|year)\b", re.I)
_DURATIONS = [
    (re.compile(_COUNT + r" days?\b", re.I), 1440, "minutes"),
    (re.compile(_COUNT + r" weeks?\b", re.I), 10080, "minutes"),
    (re.compile(_COUNT + r" decades?\b", re.I), 120, "months"),
    (re.compile(_COUNT + r" years?\b", re.I), 12, "months"),
    (re.compile(r"(\d[\d,]*(?:\.\d+)?) hectares?\b", re.I), 0.01, "square kilometres"),
    (re.compile(_COUNT + r" basis points?\b", re.I), 0.01, "percentage points"),
]
_A_YEAR = re.compile(r"\b(over|more than|within|for|nearly|almost|about) (?:a|one) year\b", re.I)
_DEGREES = re.compile(r"(\d+(?:\.\d+)?)\s*(?:°\s*|degrees? )?(C|F|Celsius|Fahrenheit)\b")
_SIX_MONTHS = re.compile(r"\b(first|second|last) six months\b", re.I)
_RULED_OUT = re.compile(r"\b(?:rule|rules|ruled|ruling) out\b", re.I)
_OUT_OF = re.compile(r"\bout of (school|work|a job|jobs|office|power|prison|jail)\b", re.I)


_ALIAS = [
    (re.compile(r"\b" + re.escape(name) + r"\b", re.I), short) for short, names in ALIASES.items() for name in names
]


def normalised(text):
    """The text with the forms that say one thing in several ways written one way: quotes, "per cent",
    "Q1", fractions and shares ("a third" is 33.3 per cent), "two and a half million" (2.5 million), hours
    as minutes ("an hour and a half" is 90 minutes), temperatures ("44C" is 44 degrees celsius), "ruled
    out" and "out of school" as the negations they are."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    for alias, short in _ALIAS:
        text = alias.sub(short, text)
    text = re.sub(r"\bper cent\b", "percent", text, flags=re.I)
    text = re.sub(r"\b(?:run|ran|running|runs) out of\b", "no", text, flags=re.I)
    text = _AND_A_HALF.sub(lambda m: f"{_count(m.group(1)) + 0.5:g} {m.group(2)}", text)
    text = _HOURS_AND_A_HALF.sub(lambda m: f"{_count(m.group(1)) + 0.5:g} {m.group(2)}", text)
    text = _HALF_A.sub(lambda m: f"0.5 {m.group(1)}", text)
    text = _PER_UNIT.sub(lambda m: f"{m.group(1)} {m.group(2)}s", text)
    text = _A_YEAR.sub(lambda m: f"{m.group(1)} 12 months", text)
    text = _HOURS.sub(lambda m: f"{60 * _count(m.group(1)):g} minutes", text)
    for pattern, factor, unit in _DURATIONS:
        text = pattern.sub(lambda m, factor=factor, unit=unit: f"{factor * _count(m.group(1)):g} {unit}", text)
    text = _DEGREES.sub(lambda m: f"{m.group(1)} degrees {'fahrenheit' if m.group(2)[0] == 'F' else 'celsius'}", text)
    text = _RULED_OUT.sub("not", text)
    text = _SIX_MONTHS.sub(lambda m: f"{m.group(1)} half", text)
    text = _OUT_OF.sub(lambda m: f"not in {m.group(1)}", text)
    text = _QUARTER.sub(lambda m: f"{ORDINALS[m.group(1)]} quarter", text)
    text = _FRACTION.sub(lambda m: f"{FRACTIONS[m.group(1).lower()]:.1f} percent", text)
    return _ONE_IN.sub(lambda m: f"{100 / NUMBER_WORDS[m.group(1).lower()]:.1f} percent", text)


def _count(word):
    """A number written in digits or as a word ("an" and "one" are 1)."""
    word = word.lower().replace(",", "")
    return float(word) if word[:1].isdigit() else float(NUMBER_WORDS.get(word, 1))
