"""Claim matching: does this claim assert the same thing as one the desk checked before?

rank_similar(query, candidates, language="en") -> [(index into candidates, score in [0, 1]), ...], best
first, leaving out every candidate that does not assert the same thing (an empty list: checked nowhere
before). Pure Python, no model to download; bench/matching_eval.py measures it on tests/data/.

Two stages. First the checks that tell a look-alike from a restatement, each able to rule a candidate
out: the numbers (with their scale and unit: "1.2 million" is "1,200,000", "12%" is "12 per cent"), the
months and years, negation, the direction of a change ("rose" / "fell"), and the named places and
parties (another one in its place, or the same two the other way round, unless one text is passive).
Then what is left is scored by the share of content words the two have in common, after folding
inflections, a short synonym table and abbreviations ("WHO" for "World Health Organization"), and kept
when the score reaches THRESHOLD."""

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from .matching_forms import normalised
from .matching_words import (
    CUES,
    CURRENCY_CODES,
    DESCRIPTORS,
    DOWN,
    FIRST_PERSON,
    GENERIC_NAME_WORDS,
    MONTHS,
    MOVES,
    MULTIPLIERS,
    NEGATIONS,
    NUMBER_WORDS,
    OPPOSITES,
    ORG_WORDS,
    PLACE_PREPOSITIONS,
    SCALES,
    SMALL_WORDS,
    SPEAKERS_BODIES,
    STEADY,
    STOP,
    SYNONYMS,
    UP,
    WEEKDAYS,
)

THRESHOLD = 0.45
PREDICATE = 0.3  # the least share of words besides the names that two claims of the same thing have in common
NEAR_COPY = 0.7  # SequenceMatcher's ratio above which two texts are one written twice, with changes

# "close to eliminating" is not "eliminated": an approximation, against the thing done.
_APPROXIMATE = re.compile(
    r"\b(?:close to|nearly|almost|near to|on the verge of|on track to|could|might|plans? to|planned to"
    r"|intends? to|intended to|aims? to)\b|\bmay\b(?! \d)"  # "may" the verb, not "May 4"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d+(?:,\d{3})*(?:\.\d+)?%?|%|\$|€|£")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|got)\s+\w+(?:ed|en|wn)\s+by\b", re.I)


def rank_similar(query, candidates, language="en"):
    """Indices of the candidates that assert what `query` asserts, each with a score in [0, 1], best first."""
    asked = _read(query)
    found = []
    for index, candidate in enumerate(candidates):
        score = similarity(asked, _read(candidate))
        if score >= THRESHOLD:
            found.append((index, round(score, 4)))
    found.sort(key=lambda pair: (-pair[1], pair[0]))
    return found


@dataclass
class _Claim:
    words: list  # content words, folded, in order
    numbers: set
    months: set
    negated: bool
    direction: int  # +1 up, -1 down, 0 neither
    entities: list  # named places and parties, in order of first mention: sets of lowercase forms
    passive: bool
    initials: list = field(default_factory=list)  # capitalised first words of sentences: names, or not
    days: set = field(default_factory=set)
    sequence: list = field(default_factory=list)  # every word, folded, in order: for near copies
    vocabulary: frozenset = frozenset()  # the content words and names: a candidate shares one, or is out
    approximate: bool = False  # "close to", "nearly": not the thing itself
    acts: list = field(default_factory=list)  # the content words but a place phrase's ("at its plant"): what was done


def similarity(a, b):
    """0 when a check rules the pair out, else the share of content words they have in common. The cheap
    checks come first: most stored claims fail one of them."""
    if not a.vocabulary & b.vocabulary:
        return 0.0
    if a.numbers and b.numbers and _figures(a.numbers) != _figures(b.numbers):
        return 0.0
    if _opposed(a.words, b.words) or a.approximate != b.approximate:
        return 0.0  # "acquitted" / "jailed", "had eliminated" / "was close to eliminating"
    if a.months and b.months and a.months != b.months or a.days and b.days and a.days != b.days:
        return 0.0
    if a.negated != b.negated:
        return 0.0
    if a.direction and b.direction and a.direction != b.direction:  # up, down, or held where it was
        return 0.0
    names = {word for entity in a.entities + b.entities for form in entity for word in form.split()}
    said = _overlap([w for w in a.acts if w not in names], [w for w in b.acts if w not in names])
    if said < PREDICATE:
        return 0.0  # the same people and places, saying something else
    named_a, named_b = _named(a, b), _named(b, a)
    if _entities_conflict(named_a, named_b, reordered=False):
        return 0.0
    # Near copies are told by their words with every name's word one mark: "Fenmoor Dairies acquired its
    # rival Larkhill Foods" and the same two the other way round are one sentence, names in another order.
    masked_a, masked_b = _masked(a.sequence, names), _masked(b.sequence, names)
    if SequenceMatcher(None, masked_a, masked_b, autojunk=False).ratio() >= NEAR_COPY and (
        a.passive == b.passive and _entities_conflict(named_a, named_b, reordered=True)
    ):
        return 0.0
    matcher = SequenceMatcher(None, a.sequence, b.sequence, autojunk=False)
    if matcher.ratio() >= NEAR_COPY and _substituted(
        matcher, a.sequence, b.sequence, _shared_names(a, b, names) | _name_tails(a.sequence, b.sequence, names)
    ):
        return 0.0
    score = _overlap(a.words, b.words)
    if bool(a.numbers) != bool(b.numbers):
        score *= 0.75  # one states a figure, the other does not
    return score


def _figures(numbers):
    """The figures with a year, a factor and a count of one value as one: "1800 workers" is not the year 1800,
    "twice" is "two times"."""
    return {("%" if kind == "%" else "n", value) for kind, value in numbers}


def _opposed(a, b):
    """Whether one text holds a word and the other its opposite (folded words)."""

    def holds(words, stem):
        return any(word.startswith(stem) for word in words)

    return any(holds(a, x) and holds(b, y) or holds(a, y) and holds(b, x) for x, y in OPPOSITES)


def _substituted(matcher, a, b, names):
    """Whether a near copy has a word or two swapped for others ("the bridge" / "the tunnel", "cut" / "add"):
    content words on both sides of a difference. Synonyms were folded to one word already, a name against
    its initials ("World Food Programme" / "WFP") is no difference, and nor is a name's word written or
    left out ("Governor Dale of Rimsford province" / "Rimsford's governor, Dale"): the names were compared."""
    left, right = set(a), set(b)
    if FIRST_PERSON & (left | right):
        names = names | SPEAKERS_BODIES  # "We will not devalue" / "the government would not devalue"
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        removed = [word for word in a[i1:i2] if _differs(word, names) and not _has(right, word)]
        added = [word for word in b[j1:j2] if _differs(word, names) and not _has(left, word)]
        if tag == "replace" and removed and added:
            if not _initials_of(removed, added) and not _initials_of(added, removed):
                return True
        elif (removed or added) and not CUES & set(a[i1:i2] + b[j1:j2]):
            return True  # a qualifier added or dropped ("in the capital only"); not who said it
    return False


def _masked(sequence, names):
    return ["·" if word in names else word for word in sequence]


def _shared_names(a, b, names):
    """The words of names both texts give: a name only one gives is a qualifier ("World Heritage in Danger")."""
    in_a, in_b = set(a.sequence), set(b.sequence)
    return {word for word in names if (word in in_a) == (word in in_b) or _has(in_a, word) and _has(in_b, word)}


def _name_tails(a, b, names):
    """Generic words right after a name, which belong to it: "Rimsford province", "Ferrin plant"."""
    pairs = list(zip(a, a[1:])) + list(zip(b, b[1:]))
    return {word for before, word in pairs if before in names and word in GENERIC_NAME_WORDS}


def _differs(word, names):
    """Whether a word left in or out makes a difference the other checks have not weighed: not a stop word,
    a name's word or a figure (names and figures were compared already)."""
    figure = word in NUMBER_WORDS or word in SCALES or any(ch.isdigit() or ch in "%$€£" for ch in word)
    return word not in STOP and word not in names and not figure


def _has(words, word):
    """`word`, or a spelling of it with another ending ("Veltrania" / "Veltranian"), is among `words`."""
    return word in words or len(word) >= 6 and any(other[:6] == word[:6] or _near(word, other) for other in words)


def _initials_of(words, other):
    return len(other) == 1 and "".join(word[0] for word in words) == other[0]


def _overlap(a, b):
    """Dice's coefficient over the two lists of words, a word also matching a near spelling of itself."""
    if not a or not b:
        return 0.0
    left, right = set(a), set(b)
    matched = sum(1 for word in left if word in right or any(_near(word, other) for other in right))
    matched_back = sum(1 for word in right if word in left or any(_near(word, other) for other in left))
    return (matched + matched_back) / (len(left) + len(right))


def _near(a, b):
    if abs(len(a) - len(b)) > 2 or min(len(a), len(b)) < 5:
        return False
    grams_a, grams_b = _trigrams(a), _trigrams(b)
    return len(grams_a & grams_b) / len(grams_a | grams_b) >= 0.6


def _trigrams(word):
    padded = f"  {word} "
    return {padded[k : k + 3] for k in range(len(padded) - 2)}


def _named(claim, other):
    """The claim's names, with a sentence's capitalised first word counted as one when the other text names it:
    "Russia attacked Ukraine" names Russia beside "Ukraine attacked Russia"."""
    known = {form for entity in other.entities for form in entity} | set(other.initials)
    first = [{word} for word in claim.initials if word in known and not any(word in e for e in claim.entities)]
    return first + claim.entities


def _entities_conflict(a, b, *, reordered):
    """Another place or party in the same place (each names one the other lacks); with `reordered` (near
    copies, both active or both passive), also the same two named the other way round (Russia hit Ukraine /
    Ukraine hit Russia)."""
    shared = [entity for entity in a if any(_same_entity(entity, other) for other in b)]
    only_b = [entity for entity in b if not any(_same_entity(entity, other) for other in a)]
    if len(shared) < len(a) and only_b:
        return True
    if reordered and len(shared) >= 2:
        places = [min(k for k, other in enumerate(b) if _same_entity(entity, other)) for entity in shared]
        return places != sorted(places)
    return False


def _same_entity(a, b):
    """Two names are one when they share a form, or a word but for its ending ("Veltrania" / "Veltranian"),
    and neither holds a word the other lacks ("Lindvaal Telecom" is not "Quorra Telecom"; "General Dario
    Nwosu" is "General Nwosu")."""
    if a & b:
        if any(" " in form for form in a & b):
            return True  # the whole name, or its initials, in both
        words_a, words_b = {f for f in a if " " not in f}, {f for f in b if " " not in f}
        return not (_others(words_a, words_b) and _others(words_b, words_a))
    return any(len(x) >= 5 and len(y) >= 5 and x[:6] == y[:6] and " " not in x + y for x in a for y in b)


def _others(words, other):
    """The words of one name that the other lacks (initials aside)."""
    return {word for word in words if word not in other and len(word) > 3}


@lru_cache(maxsize=50_000)
def _read(text):
    """What the checks and the score need of a text; kept, since the same stored claims are asked again and
    again (the _Claim is never changed after this)."""
    text = normalised(text)
    tokens = _WORD.findall(text)
    numbers, months = _numbers(tokens), set()
    entities, initials = _entities(text)
    words, negated, direction, days = [], False, 0, set()
    sequence = [_in_sequence(token.lower().replace("'", "")) for token in tokens]
    acts, place = [], 0  # place: words left in a place phrase ("at its Ferrin plant")
    for token in tokens:
        lower = token.lower().replace("'", "")
        place = 3 if lower in PLACE_PREPOSITIONS else max(place - 1, 0)
        if lower.endswith("nt") and token.lower().endswith("n't"):
            negated = not negated
            continue
        if lower in NEGATIONS:
            negated = not negated
            continue
        if token[0].isupper() and lower in MONTHS or lower in MONTHS and lower != "may" and len(lower) > 3:
            months.add(MONTHS[lower])
            continue
        if lower in WEEKDAYS:
            days.add(lower)
            continue
        moves = 1 if lower in UP else -1 if lower in DOWN else 2 if lower in STEADY else 0
        if moves:
            direction = direction or moves
            words.append(MOVES[moves])  # "rose" and "climbed" say the same
            continue
        if lower in STOP or lower[:1].isdigit() or lower in NUMBER_WORDS or lower in SCALES or lower in "%$€£":
            continue
        words.append(_fold(lower))
        if not place and lower not in DESCRIPTORS:
            acts.append(words[-1])
    for entity in entities:  # "WHO" and "World Health Organization" meet in the words too
        words.extend(sorted(form for form in entity if " " not in form and form not in words))
    passive = bool(_PASSIVE.search(text))
    approximate = bool(_APPROXIMATE.search(text))
    vocabulary = frozenset(words) | {form for entity in entities for form in entity} | set(initials)
    return _Claim(
        words, numbers, months, negated, direction, entities, passive, initials, days, sequence, vocabulary,
        approximate, acts,
    )  # fmt: skip


def _in_sequence(word):
    """A word as near copies are compared: folded, and a move up or down as the move itself."""
    moves = 1 if word in UP else -1 if word in DOWN else 2 if word in STEADY else 0
    return MOVES[moves] if moves else _fold(word)


def _fold(word):
    """Inflections and synonyms folded: "deaths" and "killed" both read "die"."""
    word = word.removesuffix("s'").removesuffix("'s")
    if word in SYNONYMS:
        return SYNONYMS[word]
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)] + replacement
            return SYNONYMS.get(stem, SYNONYMS.get(stem + "e", stem))
    return word


def _numbers(tokens):
    """The figures a text states, as (kind, value): "1.2 million" and "1,200,000" both ("n", 1200000.0);
    "12%" and "12 per cent" ("%", 12.0); a year on its own ("year", 2023)."""
    found = set()
    lowered = [token.lower() for token in tokens]
    k = 0
    while k < len(tokens):
        token, value = lowered[k], None
        if token in MULTIPLIERS:
            found.add(("x", MULTIPLIERS[token]))
            k += 1
            continue
        if token[:1].isdigit():
            value = float(token.rstrip("%").replace(",", ""))
        elif token in NUMBER_WORDS and token not in ("a", "half") or (token == "a" and _scale_at(lowered, k + 1)):
            value = float(NUMBER_WORDS[token])
        if value is None:
            k += 1
            continue
        start = k
        k += 1
        while (
            not token[:1].isdigit()  # "on May 1, twenty thousand people": two figures
            and k < len(tokens)
            and lowered[k] in NUMBER_WORDS
            and lowered[k] not in ("a", "half", "dozen", "hundred")
        ):
            value += NUMBER_WORDS[lowered[k]]  # "twenty five"
            k += 1
        while k < len(tokens) and _scale_at(lowered, k):
            value *= SCALES[lowered[k]]
            k += 1
        percent = (
            token.endswith("%")
            or (k < len(tokens) and lowered[k] in ("%", "percent"))
            or (k + 1 < len(tokens) and lowered[k] == "per" and lowered[k + 1] == "cent")
        )
        if percent:
            found.add(("%", value))
        elif token.isdigit() and len(token) == 4 and 1800 <= value <= 2100 and k == start + 1:
            found.add(("year", value))
        else:
            found.add(("n", value))
    return found


def _scale_at(lowered, k):
    return (
        k < len(lowered)
        and lowered[k] in SCALES
        and lowered[k] != "hundred"
        or (k < len(lowered) and lowered[k] == "hundred")
    )


def _entities(text):
    """Named places and parties in order of first mention, each as the set of its lowercase forms (its words,
    the whole name, and its initials for a name of several words: "World Health Organization" is also
    "who"). A capitalised word counts when it is not the first of its sentence, or when the text names it
    capitalised elsewhere too; runs of all-capital letters (WHO, UN) always count."""
    entities, initials = [], []
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    capitalised_inside = set()
    for sentence in sentences:
        words = re.findall(r"[A-Za-z][A-Za-z'\-]*", sentence)
        capitalised_inside |= {word.lower() for word in words[1:] if word[0].isupper()}
    for sentence in sentences:
        run = []
        words = re.findall(r"[A-Za-z][A-Za-z'\-]*|[^\sA-Za-z]", sentence)
        for position, word in enumerate(words + ["."]):
            lower = word.lower()
            acronym = word.isupper() and len(word) > 1 and lower not in CURRENCY_CODES
            named = acronym or word[:1].isupper() and position > 0 or lower in capitalised_inside
            # A sentence's first word is a name when one goes on after it: "Bryndor Steel will ...".
            named = named or position == 0 and _opens_name(word, words)
            plain = lower not in MONTHS and lower not in WEEKDAYS and lower not in NEGATIONS
            if position == 0 and word[:1].isupper() and not named and lower not in STOP:
                initials.append(lower)
            if named and (acronym or lower not in STOP) and plain or run and lower in SMALL_WORDS and word.islower():
                run.append(word)
            else:
                _add_entity(entities, run)
                run = []
    return entities, initials


def _opens_name(word, words):
    follower = words[1] if len(words) > 1 else ""
    return word[:1].isupper() and word.lower() not in STOP and follower[:1].isupper() and follower.lower() not in STOP


def _add_entity(entities, run):
    while run and run[-1].islower():
        run.pop()
    if not run:
        return
    # "and" joins two names ("Halbrook and Saint Orla") unless it is inside one body's name ("Food and
    # Agriculture Organization", "Organisation for Economic Co-operation and Development").
    if "and" in run and not (ORG_WORDS & {word.lower() for word in run} or {"of", "for"} & set(run)):
        cut = run.index("and")
        _add_entity(entities, run[:cut])
        _add_entity(entities, run[cut + 1 :])
        return
    significant = [word.removesuffix("'s") for word in run if word.lower() not in SMALL_WORDS]
    forms = {word.lower() for word in significant if word.lower() not in GENERIC_NAME_WORDS}
    forms.add(" ".join(word.lower() for word in significant))
    if len(significant) > 1:  # initials, past the small words ("Organisation for Economic Co-operation ...")
        forms.add("".join(word[0] for word in significant).lower())
    if len(significant) == 1 and significant[0].isupper():
        forms.add(significant[0].lower())
    forms = {SYNONYMS.get(form, form) for form in forms}
    for entity in entities:
        if entity & forms:
            entity |= forms
            return
    entities.append(forms)
