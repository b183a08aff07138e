"""Sentence segmentation: split_sentences(text) -> [(start, end), ...].

Pure functions, standard library only. One compiled regex finds candidate
boundaries (runs of terminal punctuation, blank lines); a few lines of Python
per candidate decide whether it really ends a sentence, by looking at the token
before it (abbreviation lists) and the word after it (lowercase, capital, a
common sentence starter). Bullets and inline numbered lists ("1) ... 2) ...")
add cuts of their own; a block of short unpunctuated lines is split per line.

Why rules and not a library: see docs/segmentation.md (measured against pySBD
and sentencex on the Golden Rules and on newsroom cases, and for speed).

Every regex here is linear: each alternative can only start at one position of
a run of punctuation, and nothing nests an unbounded repetition.
"""

import re

from .segmentation_lists import BULLETS, TERMINALS, forced_cuts, is_list_item, split_item_end, split_line_list

# --- Abbreviations ---------------------------------------------------------
# Tokens are compared lowercased, without their final period.

# Titles come before a name: never the end of a sentence ("Lt. Col. Ivan Petrov").
TITLES = frozenset(
    """
    mr mrs ms mx messrs mme mlle dr prof gov lt col gen sen sens rep reps capt cpt
    sgt rev fr msgr hon pres supt adm maj brig cmdr cdr cpl pvt spc det insp amb
    atty gens mt ft
    """.split()
)

# Only abbreviations when a number follows ("No. 5", "p. 55", "N°. 1026").
NUMBER_PREFIXES = frozenset("no nos nr n° p pp fig figs vol vols art arts sec ch para op".split())

MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())

# Ambiguous: they end a sentence only when a common sentence starter follows
# ("Pitt, Briggs & Co. It closed" vs "Co. at noon", "Inc. Chief Executive").
AMBIGUOUS = frozenset(
    """
    inc corp ltd co cos llc plc jr sr bros st ave blvd rd hwy sq etc vs v al ca
    approx est dept govt intl natl univ assn assoc mfg misc pct yr yrs hr hrs
    min mins max oz lb lbs cf viz ed eds
    ala ariz ark calif colo conn fla ga kan kans ky md mich minn mont neb nev
    okla tenn tex vt wis wyo
    """.split()
)

# Honorifics do not form a phrase with a preceding "U.S." or "a.m.", so after an
# ambiguous abbreviation they start a new sentence ("at 6 P.M. Mr. Smith then...").
HONORIFICS = frozenset("Mr Mrs Ms Dr Prof".split())

# Capitalised words that usually open a sentence and rarely continue a name:
# "...moved to the U.S. He said" splits, "the U.S. President" does not.
SENTENCE_STARTERS = frozenset(
    """
    I He She It We They You This That These Those There Here The A An His Her Its
    Our Their My Your But And Or So Yet Still Also Then Now Later Earlier After
    Before When While If Although Though Because As At In On By For From With
    Without To Under Over Since Until During Despite However Meanwhile Moreover
    Instead Thus Nonetheless Nevertheless Furthermore Indeed Only Even Not No
    Never Yes What Who Why How Where Which Some Many Most Several Each Every Both
    All None One Two Three Four Five Asked According Last Other Another Such
    Did Do Does Is Are Was Were Has Have Had Can Could Will Would Should Must
    Among Officials Police Authorities Today Yesterday Tomorrow
    """.split()
)

# Clock times: "a.m."/"p.m." end the sentence before a capital unless what follows
# still belongs to the time ("10 a.m. Monday", "6:15 p.m. EST", "2 a.m. Kyiv time").
CLOCK_ABBREVIATIONS = frozenset(["a.m", "p.m"])
TIME_FOLLOWERS = frozenset(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
    April May June July August September October November December Jan Feb Mar Apr
    Jun Jul Aug Sep Sept Oct Nov Dec ET EST EDT CT CST CDT MT MST PT PST PDT GMT UTC
    BST CET CEST EET EEST MSK IST JST Eastern Central Mountain Pacific Greenwich
    """.split()
)

# A short opening phrase ("At 5 a.m.") is not a sentence on its own.
INTRO_PREPOSITIONS = frozenset("at by before after until since from on in around about".split())

# Language-specific additions; every language also gets the English lists, so
# an unknown language code falls back to the English rules.
_LANGUAGE_TITLES = {
    "de": "hr fr frl dipl ing st",
    "fr": "m mm mme mlle me mgr pr st ste",
    "es": "sr sra srta sres dr dra lic ing ud uds d dña",
    "ru": "г гг ул пр им тов гр акад проф",
    "uk": "м вул пр ім акад проф",
}
_LANGUAGE_AMBIGUOUS = {
    "de": "bzw usw ca vgl evtl ggf inkl zzgl str nr abs bd jh jhd mio mrd tsd",
    "fr": "av env etc cf éd vol chap",
    "es": "etc aprox pág págs núm cap vol",
    "ru": "т д п др стр тыс млн млрд руб см напр рис",
    "uk": "т д п ін стор тис млн млрд грн див напр рис",
}
_LANGUAGE_STARTERS = {
    "de": "Der Die Das Es Er Sie Wir Ich Ein Eine Aber Und Doch Dann Im Am In Auf Nach",
    "fr": "Le La Les Il Elle Ils Elles Nous Je On Un Une Mais Et Puis Dans En Au",
    "es": "El La Los Las Él Ella Ellos Nosotros Yo Un Una Pero Y En Con Por",
    "ru": """Он Она Оно Они Мы Вы Я Это Этот Эта Эти В На Но И По С Как Что Там Тогда
          Однако После При Также Кроме Все Всё Его Её Их Позже Ранее Сейчас Теперь
          Сегодня Вчера Для Из От До""",
    "uk": """Він Вона Воно Вони Ми Ви Я Це Цей Ця Ці В У На Але І По З Як Що Там Тоді
          Однак Після При Також Крім Усі Всі Його Її Їх Пізніше Раніше Зараз Тепер
          Сьогодні Вчора Для Із Від До""",
}
# "г."/"р." after a number is "year" (it may end a sentence); elsewhere "г." is
# "city" and comes before a name ("г. Москва").
_YEAR_ABBREVIATIONS = {"ru": "г гг", "uk": "р рр"}

# German and Scandinavian write ordinals with a period: "am 12. Juni".
_ORDINAL_MONTHS = {"de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"}

# --- Regexes ---------------------------------------------------------------

_CLOSERS = "”\"'’)]»›」』"
_OPENERS = "\"“‘'([«„‹¿¡*"

_CANDIDATE_RE = re.compile(
    # One leading character class lets the regex engine skip plain text fast;
    # the lookbehinds then pick the branch by that first character.
    r"[\n.!?…。！？।](?:"
    # A blank line (possibly holding spaces) always ends a sentence.
    r"(?<=\n)[^\S\n]*\n"
    # A whole run of terminal punctuation, maybe repeated or spaced (". . ."),
    # with its closing quotes and brackets. It always matches from the first
    # character of a run, so "......x" is scanned once. When whitespace
    # follows, a lookahead takes the next word (group 2) and what opens it
    # (group 1) for Python to look at; otherwise Python checks for a glued
    # "world.Today".
    r"|(?<=[.!?…])[.!?…]*(?: [.!?…]+)*[”\"'’)\]»›]*(?:(?=\s+([\"“‘'(\[«„‹¿¡*]*)(\w*)))?"
    # CJK and Devanagari full stops need no following space.
    r"|(?<=[。！？।])[。！？।]*[」』”’）]*"
    r")"
)
_QUOTE_CLOSERS = "”\"’'»"
# One to three capitalised words, then a verb of speech: the speaker of the quote just closed.
_SPEAKER_AFTER_QUOTE_RE = re.compile(
    r"\s+(?:[A-Z][\w'’.-]*\s+){1,3}(?:said|says|asked|asks|added|adds|told|tells|shouted|shouts|wrote|writes|"
    r"replied|replies|insisted|insists|exclaimed|declared|declares|cried|demanded|demands|wondered|wonders|"
    r"recalled|recalls|warned|warns|explained|explains|claimed|claims|posted|tweeted)\b"
)
_ACRONYM_RE = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]\Z")  # U.S, a.m, e.g, U.S.A, т.е

# How far back to look for the token before a period; longer tokens are not
# abbreviations, so the window only bounds the work per candidate.
_TOKEN_WINDOW = 40


class _Rules:
    """The word lists for one language."""

    def __init__(self, language):
        lang = (language or "en").lower().split("-")[0].split("_")[0]
        self.titles = TITLES | frozenset(_LANGUAGE_TITLES.get(lang, "").split())
        self.year_abbreviations = frozenset(_YEAR_ABBREVIATIONS.get(lang, "").split())
        self.ambiguous = AMBIGUOUS | frozenset(_LANGUAGE_AMBIGUOUS.get(lang, "").split())
        self.starters = SENTENCE_STARTERS | HONORIFICS | frozenset(_LANGUAGE_STARTERS.get(lang, "").split())
        self.ordinal_months = frozenset(_ORDINAL_MONTHS.get(lang, "").split())
        # Every token that may not end a sentence before a capital; any other word longer than three
        # letters, without a period inside, does (most periods: _period_is_boundary's first answer).
        self.listed = self.titles | self.year_abbreviations | self.ambiguous | NUMBER_PREFIXES | MONTHS | {"etc"}


_RULES_CACHE = {}


def _rules_for(language):
    rules = _RULES_CACHE.get(language)
    if rules is None:
        rules = _RULES_CACHE[language] = _Rules(language)
    return rules


# --- Public API ------------------------------------------------------------


def split_sentences(text, language="en"):
    """Return the sentences of text as half-open (start, end) character ranges.

    Ranges are in reading order, never overlap, never start or end with
    whitespace, and together cover every non-whitespace character.
    """
    if not text or text.isspace():
        return []
    cuts = _find_cuts(text, _rules_for(language))
    return _spans_from_cuts(text, cuts)


# --- Finding the cuts ------------------------------------------------------


def _find_cuts(text, rules):
    """Positions where one sentence ends and the next may begin (increasing)."""
    forced = forced_cuts(text)
    forced_i = 0
    next_forced = forced[0] if forced else -1
    cuts = []
    last = 0  # start of the sentence being built
    length = len(text)
    for m in _CANDIDATE_RE.finditer(text):
        start = m.start()
        while next_forced != -1 and next_forced <= start:
            if next_forced > last:
                cuts.append(next_forced)
                last = next_forced
            forced_i += 1
            next_forced = forced[forced_i] if forced_i < len(forced) else -1
        kind = text[start]
        if kind in TERMINALS:
            end = m.end()
            if m.end(2) != -1:  # whitespace follows
                cut = _punct_cut(text, m, last, rules)
            elif end == length or _is_glued_boundary(text, m):
                cut = end
            else:
                continue  # "3.5", "U.S.-led", "example.com", "Jr.'s"
        elif kind == "\n":
            cut = start
        else:  # cjk
            cut = m.end()
        if cut is not None and cut > last:
            cuts.append(cut)
            last = cut
    for cut in forced[forced_i:]:
        if cut > last:
            cuts.append(cut)
            last = cut
    return cuts


def _punct_cut(text, m, last, rules):
    """Where the sentence ends for a run of terminal punctuation followed by whitespace, or None."""
    end = m.end()
    word = m.group(2)
    next_kind = _classify_next(word)
    if next_kind == "lower":
        return None  # '"Why?" she asked', "Yahoo! in", "co. at noon", "U.S. for"
    pstart = m.start()
    run = m.group().rstrip(_CLOSERS)  # the lookahead is not part of the match
    if run == ".":
        boundary = _period_is_boundary(text, pstart, last, word, m.end(2), next_kind, rules)
        return end if boundary else None
    if "." not in run:
        if m.group()[-1:] in _QUOTE_CLOSERS and _SPEAKER_AFTER_QUOTE_RE.match(text, end) and word not in rules.starters:
            return None  # '"Where is the money?" Anna Kovalenko asked.': the quote and its speaker are one
        return end  # "!", "?", "?!", "!!"
    return _ellipsis_cut(text, run, pstart, end)


def _classify_next(word):
    """Kind of what follows a candidate: lower, upper, digit or other."""
    if word:
        first = word[0]
        if first.islower():
            # "iPhone", "eBay" start sentences like capitalised words.
            return "upper" if len(word) > 1 and word[1].isupper() else "lower"
        if first.isdigit():
            return "digit"
        return "upper"  # capitals, and letters of scripts without case
    return "other"


def _ellipsis_cut(text, run, pstart, end):
    """Ellipses: "...", "…", "....", ". . .", ". . . .", "word. . . ."."""
    if text[pstart - 1 : pstart] == "[" and text[pstart + len(run) : pstart + len(run) + 1] == "]":
        return None  # "[...]" marks an omission inside a quote
    if " " in run:
        if pstart > 0 and not text[pstart - 1].isspace():
            # "compounds. . . . The": a period, then an omission opening the next sentence.
            return pstart + 1
        # Spaced (AP/Chicago style): three dots are an omission, four end a sentence.
        return end if run.count(".") >= 4 else None
    return end


def _period_is_boundary(text, pstart, last, word, word_end, next_kind, rules):
    """Decide a single period followed by whitespace and a non-lowercase word."""
    window = text[max(pstart - _TOKEN_WINDOW, last) : pstart]
    parts = window.rsplit(None, 1)
    if not parts or (len(parts[-1]) == _TOKEN_WINDOW):
        return True  # nothing before, or a very long token (URL, code)
    token = parts[-1].lstrip(_OPENERS + BULLETS)
    if not token:
        return True
    low = token.lower()
    if len(token) > 3 and low not in rules.listed and "." not in token and not token.isdigit():
        return True  # a word: "the court ruled on Monday. The"
    if low in rules.year_abbreviations and _follows_number(text, pstart - len(token)):
        return True  # "в 2020 г. Там"
    if low in rules.titles:
        return False  # "Gov. Gavin Newsom", "Lt. Col."
    if next_kind == "digit" and (low in NUMBER_PREFIXES or low in MONTHS):
        return False  # "No. 5", "p. 55", "Sept. 11"
    if _is_list_marker(text, token, last, pstart):
        return False  # "1. The first item", "a. The first item"
    if rules.ordinal_months and word in rules.ordinal_months and token.isdigit():
        return False  # "vom 12. Juni"
    if low in CLOCK_ABBREVIATIONS:
        return _clock_time_ends(text, pstart, last, word, word_end)
    if next_kind == "digit" and low in rules.ambiguous:
        return False  # "approx. 40 people", "est. 1990"
    if low == "etc" and next_kind == "upper":
        return True  # "pears, apples, etc. Prices rose": nothing but a sentence follows "etc."
    if token in ONE_LETTER_PLATFORMS and len(parts) == 2 and parts[0].rsplit(None, 1)[-1] in PLATFORM_PREPOSITIONS:
        return True  # "posted on X. Republicans said": the platform, not an initial
    if low in rules.ambiguous or low in MONTHS or _is_initial_or_acronym(token):
        return _starts_new_sentence(text, pstart, last, word, word_end, rules)
    return True  # a regular word or number: "bought 1,000. That"


# Platforms named by one letter (X, formerly Twitter): after "on X." or "via X." the period ends the
# sentence. Any other lone capital stays an initial ("relied on J. Smith").
ONE_LETTER_PLATFORMS = frozenset({"X"})
PLATFORM_PREPOSITIONS = frozenset({"on", "via"})


def _follows_number(text, token_start):
    before = text[max(token_start - 12, 0) : token_start].split()
    return bool(before) and before[-1].isdigit()


def _is_initial_or_acronym(token):
    if len(token) == 1:
        return token.isalpha()  # "E. Smith", "you and I."
    return "." in token and "@" not in token and _ACRONYM_RE.match(token) is not None


def _is_list_marker(text, token, last, pstart):
    """A lone number or letter opening the sentence: "1. The first item"."""
    if len(token) > 3 or pstart - last > 8:
        return False
    if not (token.isdigit() or (len(token) == 1 and token.isalpha())):
        return False
    return text[last:pstart].strip().lstrip(BULLETS).strip() == token


def _clock_time_ends(text, pstart, last, word, word_end):
    """After "a.m."/"p.m.": split before a capital that is not part of the time."""
    if word in TIME_FOLLOWERS or text.startswith(" time", word_end):
        return False
    if word[:1].isdigit() and "(" in text[pstart:word_end]:
        return False  # "at 7 p.m. (1800 GMT).": the time again, in brackets
    return not _is_short_intro(text, last, pstart)


def _is_short_intro(text, last, pstart):
    """ "At 5 a.m." or "In the U.S." opening a sentence is not a sentence by itself."""
    if pstart - last > 60:
        return False  # bounds the work: never rescan a long sentence
    words = text[last:pstart].split()
    return len(words) <= 4 and words[0].lower() in INTRO_PREPOSITIONS


def _starts_new_sentence(text, pstart, last, word, word_end, rules):
    """After an ambiguous abbreviation: split only before a sentence starter."""
    if word not in rules.starters:
        return False
    if len(word) == 1 and text[word_end : word_end + 1] == "." and word != "I":
        return False  # "J. A. Smith": another initial, not the article "A"
    return not _is_short_intro(text, last, pstart)


def _is_glued_boundary(text, m):
    """ "world.Today" is two sentences; "Jane.Doe@example.com" is not."""
    pos = m.start()
    if m.end() != pos + 1 or text[pos] != "." or pos == 0:
        return False
    before, after = text[pos - 1], text[pos + 1 : pos + 3]
    if not (before.islower() or before.isdigit()) or len(after) < 2:
        return False
    if not (after[0].isupper() and after[1].islower()):
        return False
    left = text[max(pos - _TOKEN_WINDOW, 0) : pos].rsplit(None, 1)
    right = text[pos + 1 : pos + 1 + _TOKEN_WINDOW].split(None, 1)
    token = (left[-1] if left else "") + "." + (right[0] if right else "")
    return not (len(token) >= 2 * _TOKEN_WINDOW or "@" in token or "/" in token or "www." in token.lower())


# --- From cuts to spans ----------------------------------------------------


def _spans_from_cuts(text, cuts):
    spans = []
    start = 0
    for cut in cuts + [len(text)]:
        piece = text[start:cut]
        stripped = piece.strip()
        if stripped:
            s = start + piece.find(stripped[0])
            e = s + len(stripped)
            if "\n" in stripped and is_list_item(stripped):
                spans.extend(split_item_end(s, stripped))
            elif "\n" in stripped:
                spans.extend(split_line_list(text, s, e, stripped))
            else:
                spans.append((s, e))
        start = cut
    return spans
