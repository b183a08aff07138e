"""The claim clause around a cue: where it starts after the cue, past the recipient, channel, time
and place phrases and "that" ("told Suspilne on May 22 that ..."), or where it ends before the speaker."""

from .channels import channel_at, find_channel, inside_a_name
from .lexicon import (
    AUX,
    BREAKS,
    CUE_VERBS,
    DAYS_MONTHS,
    DETERMINERS,
    EVENT_OBJECTS,
    MEDIA,
    MEDIA_SINGLE,
    MEDIA_VERBS,
    OUTLET_DESCRIPTORS,
    PARTICIPLE_CUES,
    RECIPIENTS,
    SKIPPABLE,
    SPEECH_EVENTS,
    TIME_WORDS,
    word_set,
)
from .tokens import is_quote


def nothing_after(toks, i):
    """Only adjuncts (channel, time, place) follow the cue."""
    j = skip_adjuncts(toks, i, "say")
    return not any(t.word for t in toks[j:])


def is_quote_start(toks, lo, hi):
    """The right-hand claim is a second quotation: `"Q1," he said, "Q2."`."""
    return (
        any(t.text == "," for t in toks[lo:hi])
        and hi > 0
        and (is_quote(toks[hi - 1]) or (hi < len(toks) and is_quote(toks[hi])))
    )


def left_claim_end(toks, subj_lo, cue_hi=None):
    """End (exclusive token index) of a claim standing before the attribution, or None. At least two words
    of claim, or one when the sentence goes on past the attribution (cue_hi given): "Universities,
    Leitgeb said, were losing researchers"."""
    j = subj_lo - 1
    if j < 1:
        return None
    if not (toks[j].text in ",:;" or is_quote(toks[j]) or toks[j].text in "?!"):
        return None
    words = sum(1 for t in toks[:j] if t.word)
    inserted = cue_hi is not None and toks[j].text == "," and toks[cue_hi].text == "," and verb_goes_on(toks, cue_hi)
    return j if words >= 2 or (words == 1 and inserted) else None


# A clause going on after an attribution set inside it opens with a verb: "would close", "was safe", "fell".
_CLAUSE_GOES_ON = word_set(
    "would will could can may might must should shall had has have was were is are does did do remains "
    "remained fell rose grew made took came went began"
)
_ADVERBS = SKIPPABLE - word_set("has have had")


def verb_goes_on(toks, k):
    """Whether the words after toks[k] (past adverbs: "still have") open a verb phrase."""
    after = next((t for t in toks[k + 1 :] if t.low not in _ADVERBS), None)
    return after is not None and (
        after.low in _CLAUSE_GOES_ON or after.low in IRREGULAR_PAST or (after.low.endswith("ed") and not after.cap)
    )


def with_right_claim(toks, attr, lemma, require_clause):
    """Find the claim after the cue (and its channel, time and "that")."""
    n = len(toks)
    cue_hi = attr.cue_hi
    lo = skip_adjuncts(toks, cue_hi, lemma)
    that = find_that(toks, cue_hi)
    if that is not None:
        lo = that + 1
    if lo < n and toks[lo].low == "that" and lo > cue_hi:
        lo += 1  # "warned in a post on Facebook that": the cue inside the channel hid the "that"
    if lo < n and toks[lo].text in ":,":
        lo += 1
    # Trailing punctuation only: nothing to the right.
    rest = [t for t in toks[lo:] if t.word]
    if not rest:
        return None
    first = toks[lo]
    if lo > cue_hi and toks[lo - 1].text == "," and first.low in _ADJUNCT_OPENERS:
        return None  # "..., the council said, with 71% of ballots counted": the claim is on the left
    if (
        first.low in CALL_PARTICIPLES
        or first.low in SOURCE_PARTICIPLES
        or (lo > cue_hi and first.low in PARTICIPLE_CUES)
    ):
        # "said, urging commuters ..." (a call), "said, citing a survey" (where it comes from), "said, adding
        # that ..." (its own claim): the claim is on the left
        return None
    marked = (
        (lo > 0 and toks[lo - 1].low in ("that", ":"))
        or is_quote(first)
        or (lo > 0 and is_quote(toks[lo - 1]))
        or (first.low == "to" and lemma in ("claim", "deny", "allege", "admit"))
        or (first.low.endswith("ing") and lemma in ("report", "deny", "admit", "claim", "confirm"))
        or (first.low in ("of", "on") and lemma in ("warn", "insist"))
    )
    clause = marked or has_finite_verb(toks, lo)
    if require_clause and not clause:
        return None
    about_a_number = lo + 1 < n and toks[lo + 1].text[:1].isdigit()  # "said about 4,200 hectares of ... would"
    if not clause and (first.low in BREAKS or first.low == "at") and not about_a_number:
        return None  # "reported to the police", "claimed in court", "told reporters at the airport"
    # "claimed their first Venezuelan winter league title": the object, a few words on, is what was won
    reach = 3 if clause else 8
    if not marked and lemma not in ("say", "tell") and any(t.low in EVENT_OBJECTS for t in toks[lo : lo + reach]):
        return None  # "added a silver in the synchronised event": a medal, not a statement
    if not clause and lemma == "claim" and first.low == "the" and lo + 1 < n and toks[lo + 1].cap:
        return None  # "claimed the Golden Boot": a title won
    if lemma == "tell" and lo == cue_hi:
        return None  # "told" needs whom it was told to
    if toks[lo].low in ("goodbye", "farewell", "hello", "thank") or (
        not clause and any(t.low in SPEECH_EVENTS for t in toks[lo : lo + 2])
    ):
        return None  # "said goodbye to", "told the story of the fishermen": something done, not stated
    if toks[lo].low in ("a", "few") and any(t.low in ("word", "words") for t in toks[lo + 1 : lo + 3]):
        return None  # "said a few words in Papiamentu and dedicated the last song": a speech, not a statement
    if not clause and toks[lo].low in _NOTHING_SAID:
        return None  # "said nothing", "said little about the deal": no statement
    if not clause and lemma == "report" and _reported_to(toks, lo):
        return None  # "reported the theft to the police": a complaint made, not a statement
    accused = next((k for k in range(lo, min(lo + 3, n)) if toks[k].low in _ACCUSATIONS), None)
    if lemma == "deny" and accused is not None and not (accused + 1 < n and toks[accused + 1].low == "that"):
        return None  # "denied the accusation", "denies manslaughter": a plea, not a statement of fact
    attr.side = "right"
    attr.claim_lo, attr.claim_hi = lo, _before_a_call(toks, lo, n)
    attr.channel = find_channel(toks, attr.cue_lo, lo) or attr.channel
    return attr


_NOTHING_SAID = frozenset("nothing little something anything much".split())
_ACCUSATIONS = word_set(
    "accusation accusations allegation allegations charge charges wrongdoing manslaughter murder fraud "
    "corruption bribery"
)
_AUTHORITIES = word_set(
    "police authorities authority prosecutors ministry regulator council court managers supervisors bosses employer"
)


def _reported_to(toks, lo):
    """Whether a short object after "reported" goes to an authority: "the matter to the police"."""
    for j in range(lo, min(lo + 6, len(toks) - 1)):
        if toks[j].low == "to":
            k = j + 2 if toks[j + 1].low == "the" else j + 1
            return k < len(toks) and toks[k].low in _AUTHORITIES
    return False


# A second act joined to the claim by "and" is a call, not part of what was claimed: "claimed that it was
# returning home and urged citizens not to resist".
CALLS = frozenset(
    "urged urges called calls asked asks appealed appeals demanded demands invited invites encouraged "
    "encourages begged begs implored".split()
)


CALL_PARTICIPLES = frozenset("urging calling asking appealing demanding inviting encouraging begging".split())
# How the source spoke, after the cue: "said, citing a survey", "said, speaking on condition of anonymity".
SOURCE_PARTICIPLES = frozenset("citing quoting speaking".split())
_ADJUNCT_OPENERS = frozenset("with amid after before".split())


def _before_a_call(toks, lo, n):
    """Where the claim ends: before "and" + a call, else at n."""
    for k in range(lo + 1, n - 1):
        if toks[k].low == "and" and toks[k + 1].low in CALLS:
            return k
    return n


# A verb after these belongs to another clause: "added 42 before he was caught".
_SUBORDINATORS = frozenset("before after as when while because since until once where whose".split())


# Past tenses that do not end in -ed: "soil around the factories held 200 times the level", "they used".
IRREGULAR_PAST = word_set(
    "held made took gave found told used paid sold bought kept met ran saw fell rose grew came went "
    "began brought built sent spent fled knew became stood broke chose drove flew froze hid stole threw wrote cost "
    "drank ate swam sank struck caught taught fought led shook rang sang spoke wore bore dealt fed felt "
    "forgot hung meant sought slept spun swore tore understood withdrew woke overcame sprang stuck swept"
)


def has_finite_verb(toks, lo):
    """Whether a verb follows within a few words of toks[lo], before a comma, a colon or a quotation; past
    a name in apposition ("the company, Bia Timber Works, had labelled")."""
    k, end = lo + 1, min(lo + 10, len(toks))
    while k < end:
        t = toks[k]
        if t.low in _SUBORDINATORS:
            return False
        if t.text == "," and (past := _past_a_named_apposition(toks, k)) is not None:
            k, end = past, min(past + 6, len(toks))
            continue
        if t.low in AUX or t.text in ",;:" or is_quote(t):
            return t.low in AUX
        if not t.cap and (_looks_past_tense(t) or t.low in IRREGULAR_PAST):
            return True
        k += 1
    return False


def _past_a_named_apposition(toks, k):
    """The index after ", Name Name," that opens at the comma toks[k], or None."""
    j = k + 1
    while j < len(toks) and j - k <= 5 and toks[j].cap and toks[j].word:
        j += 1
    return j + 1 if j > k + 1 and j < len(toks) and toks[j].text == "," else None


def find_that(toks, lo):
    """A "that" opening the claim within a few adjunct tokens after the cue."""
    for j in range(lo, min(lo + 16, len(toks))):
        t = toks[j]
        if t.low == "that" and j > lo and toks[j - 1].low in _PREPOSITIONS:
            return None  # "said a lump of that size could fetch ...": a determiner inside the claim
        if t.low == "that" and j > lo and _relative_that(toks, j):
            return None  # "said households that exceeded a limit would ...": the claim's subject
        if t.low == "that":
            return j
        posted = t.low in CUE_VERBS and j > lo and toks[j - 1].low in MEDIA  # "in a video posted online that"
        a_noun = j > lo and toks[j - 1].low in DETERMINERS  # "in a report published on Friday that"
        if t.low in AUX or is_quote(t) or (t.low in CUE_VERBS and not (posted or a_noun)) or t.text in ";:":
            return None
        if (_looks_past_tense(t) or t.low in IRREGULAR_PAST) and not _participle_phrase(toks, j):
            return None  # "said a change caused the outage that...", "the infections came from": the claim's verb
    return None


_PREPOSITIONS = word_set("of in at on for with by from about like than")


def _relative_that(toks, j):
    """Whether the "that" at j opens a relative clause on the noun before it: a verb follows at once."""
    noun, verb = toks[j - 1], toks[j + 1] if j + 1 < len(toks) else None
    if verb is None or not noun.word or noun.cap or noun.low in SKIPPABLE or noun.low in TIME_WORDS:
        return False
    return not verb.cap and (verb.low in AUX or verb.low in IRREGULAR_PAST or _looks_past_tense(verb))


def _looks_past_tense(t):
    """A verb's past form, not a compound adjective ("hand-painted", "state-owned"; "re-elected" is a verb)."""
    compound = "-" in t.low and not t.low.startswith(_VERB_PREFIXES)
    return t.word and not t.cap and t.low.endswith("ed") and len(t.low) > 4 and not compound


_VERB_PREFIXES = ("re-", "co-", "pre-", "over-", "under-", "out-", "mis-")


def _participle_phrase(toks, j):
    """ "as cited by", "a statement published on Monday": an -ed word that is not a finite verb."""
    before = toks[j - 1].low if j > 0 else ""
    after = toks[j + 1].low if j + 1 < len(toks) else ""
    return before == "as" or before in MEDIA or before in MEDIA_SINGLE or after == "by"


def skip_adjuncts(toks, i, lemma):
    """Skip the recipient, channel, time and place phrases right after a cue."""
    n = len(toks)
    if lemma == "tell" and i < n:
        i = _skip_recipient(toks, i)
    while i < n:
        t = toks[i]
        if t.text == ",":
            i += 1
            continue
        if t.low in TIME_WORDS:
            i += 1
            continue
        j = _skip_time(toks, i)
        if j > i:
            i = j
            continue
        found = channel_at(toks, i)
        if found is not None:
            i = found[4]
            if i < n and (toks[i].low in MEDIA_VERBS or toks[i].low == "filed") and toks[i - 1].low in MEDIA_SINGLE:
                i += 1  # "in a report published on Wednesday", "in a lawsuit filed on Tuesday": then its time
            continue
        if (
            lemma in ("explain", "say", "write", "report", "state", "confirm")
            and t.low == "to"
            and i + 1 < n
            and (toks[i + 1].low in DETERMINERS or toks[i + 1].cap or toks[i + 1].low in RECIPIENTS)
        ):
            i = _skip_recipient(toks, i + 1)  # "wrote in a note to clients that"
            continue
        if t.low in ("in", "at", "from") and i + 1 < n and toks[i + 1].cap and toks[i + 1].low not in DETERMINERS:
            j = i + 1
            while j < n and toks[j].cap:
                j += 1
            if j >= n or toks[j].text in ",.;" or toks[j].low in ("on", "that", "in", "at") or _opens_clause(toks[j]):
                i = j  # "in Washington", "at Leeds Crown Court", "told reporters in Geneva the talks had failed"
                continue
        if t.low in ("after", "before", "during") and i + 2 < n and toks[i + 1].low in DETERMINERS:
            j = i + 2
            while j < n and j < i + 4 and toks[j].word and not toks[j].cap and not _opens_clause(toks[j]):
                j += 1
            if j > i + 2 and j < n and (_opens_clause(toks[j]) or toks[j].low == "that"):
                i = j  # "told journalists after the match he was proud"
                continue
        break
    return i


_SUBJECTS = word_set("he she it they we i the a an his her its their this these those")


def _opens_clause(tok):
    """A word that opens the claim's clause after a place or time phrase: a pronoun or a determiner."""
    return tok.low in _SUBJECTS


_TIME_FILLERS = word_set("on early late this last next at in the by around about until")
_TIME_NOUNS = word_set("morning afternoon evening night day week weekend month year midnight noon a.m p.m hours")


_AFTER_A_TIME = word_set("that before after when he she it they we i")


def _skip_time(toks, i):
    """Skip "on May 22", "early on Monday", "last week", "on Thursday night"; return i if none."""
    n = len(toks)
    j = i
    seen = False
    while j < n:
        t = toks[j]
        if (
            t.low in DAYS_MONTHS
            or t.low in _TIME_NOUNS
            or (
                t.text[0].isdigit()
                and j > i
                and (toks[j - 1].low in DAYS_MONTHS or toks[j - 1].low in ("on", "at", "by", "until"))
            )
        ):
            seen = True
        elif t.low not in _TIME_FILLERS or seen and t.low in ("in", "at", "the", "by"):
            break
        j += 1
    while j > i and toks[j - 1].low in _TIME_FILLERS:
        j -= 1
    noun_after = j < n and toks[j].word and not toks[j].cap and toks[j].low not in _AFTER_A_TIME
    if seen and toks[i].low == "the" and noun_after:
        return i  # "say the night sky has brightened": a noun phrase, the claim's subject
    return j if seen else i


def _lowercase_recipient(toks, j):
    """The end of up to two lowercase words and a recipient's noun at j ("parliamentary committee", "local
    council"), or None."""
    nouns = (RECIPIENTS | OUTLET_DESCRIPTORS) - DETERMINERS
    for k in range(j, min(j + 3, len(toks))):
        if not toks[k].word or toks[k].cap:
            return None
        if toks[k].low in nouns:
            if k == j:
                return None  # one noun: the recipient rule's own case
            while k + 1 < len(toks) and toks[k + 1].low in nouns and not toks[k + 1].cap:
                k += 1  # "a local radio station"
            return k + 1
    return None


def _skip_recipient(toks, i):
    n = len(toks)
    j = i
    count = 0
    while j < n and count < 8:
        t = toks[j]
        if not t.word:
            break
        if t.low in ("that", "on", "in", "at", "after", "before", "as", "about", "during", "for", "with"):
            break
        if t.low in DETERMINERS and j > i:
            break  # "told The Guardian the findings were...": a new noun phrase
        end = _lowercase_recipient(toks, j + 1) if t.low in DETERMINERS else None
        if end is not None:
            j = end  # "told a parliamentary committee on Wednesday"
            break
        if (
            t.cap
            or t.poss
            or (j > i and inside_a_name(toks, j, n))  # "the Times of Oman", "TV 2"; not "told AFP 12 people"
            or (t.text[:1].isdigit() and j + 1 < n and toks[j + 1].cap)  # "told 24 Horas"
            or t.low in DETERMINERS
            or t.low in OUTLET_DESCRIPTORS
            or t.low in RECIPIENTS
            or t.low
            in ("conference", "briefing", "press", "hearing", "meeting", "summit", "rally", "gathering", "call")
        ):
            j += 1
            count += 1
            continue
        break
    return j
