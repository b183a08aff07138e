"""Channels: the outlet, platform or intermediary a claim reached us through ("told Suspilne", "on
Telegram", "as cited by TASS"), else the medium ("in a statement", "published a video")."""

from .lexicon import (
    ADJ_SUFFIXES,
    BREAKS,
    CUE_VERBS,
    DAYS_MONTHS,
    DETERMINERS,
    MEDIA,
    MEDIA_PHRASES,
    MEDIA_SINGLE,
    MEDIA_VERBS,
    OUTLET_DESCRIPTORS,
    PLATFORMS,
    RECIPIENTS,
)
from .noun_phrases import NAME_PARTICLES
from .tokens import is_description


def find_channel(toks, lo, hi):
    """The best channel in toks[lo:hi]: (text_start, text_end, priority) or None."""
    best = None
    i = lo
    while i < hi:
        found = channel_at(toks, i)
        if found is not None:
            start, end, prio, _, nxt = found
            if best is None or prio > best[2]:
                best = (start, end, prio)
            i = max(i + 1, min(nxt, hi)) if prio < 3 else i + 1
            continue
        low = toks[i].low
        if i + 1 < hi and (CUE_VERBS.get(low) == "tell" or (low == "to" and i > 0 and toks[i - 1].low in CUE_VERBS)):
            name = _outlet_name(toks, i + 1, min(hi, i + 10))
            if name and (best is None or best[2] < 3):
                best = (name[0], name[1], 3)
            elif name is None:
                j = i + 1
                while j < hi and j < i + 4 and toks[j].low in OUTLET_DESCRIPTORS and _medium_at(toks, j) is None:
                    j += 1  # "told a regular briefing", "told a news conference"
                medium = _medium_at(toks, j) if j < hi else None
                if medium is not None and best is None:
                    best = (medium[0], medium[1], 1)
        i += 1
    return best


def channel_at(toks, i):
    """A channel phrase starting at token i: (start, end, priority, None, next_index) or None."""
    n = len(toks)
    t = toks[i]
    low = t.low
    nxt = toks[i + 1] if i + 1 < n else None
    if nxt is None:
        return None
    # "on Telegram", "via X", "on its Amaq news agency".
    if low in ("on", "via", "through"):
        platform = PLATFORMS.get(nxt.low)
        if platform and (nxt.cap or nxt.low == "x"):
            end = i + 2
            if nxt.low == "truth" and i + 2 < n and toks[i + 2].low == "social":
                return (nxt.start, toks[i + 2].end, 3, None, i + 3)
            return (nxt.start, nxt.end, 3, None, end)
        if nxt.low in ("its", "their", "his", "her", "the") and i + 2 < n:
            name = _outlet_name(toks, i + 2, min(n, i + 8))
            if name and any(toks[k].low in OUTLET_DESCRIPTORS - DETERMINERS for k in range(i + 2, min(n, name[2] + 3))):
                return (name[0], name[1], 2, None, _skip_descriptors(toks, name[2]))
    # "as cited by TASS", "quoted by", "according to Reuters", "in an interview with the BBC".
    if low in ("cited", "quoted") and nxt.low == "by":
        name = _outlet_name(toks, i + 2, min(n, i + 10))
        if name:
            return (name[0], name[1], 3, None, _skip_descriptors(toks, name[2]))
    if low == "as" and nxt.low in ("cited", "quoted") and i + 2 < n and toks[i + 2].low == "by":
        name = _outlet_name(toks, i + 3, min(n, i + 11))
        if name:
            return (name[0], name[1], 3, None, _skip_descriptors(toks, name[2]))
    if low == "according" and nxt.low == "to":
        name = _outlet_name(toks, i + 2, min(n, i + 10))
        if name:
            return (name[0], name[1], 3, None, _skip_descriptors(toks, name[2]))
    if low in ("in", "at", "during", "on", "via"):
        j = i + 1
        while j < n and toks[j].low in ("a", "an", "the", "its", "their", "his", "her", "another"):
            j += 1
        k = j
        while (
            _medium_at(toks, j) is None
            and k < n
            and k < j + 3
            and toks[k].word
            and toks[k].low not in MEDIA_SINGLE
            and not toks[k].text[0].isdigit()
            and toks[k].low not in BREAKS
            and not toks[k].cap
        ):
            k += 1  # adjectives: "a televised", "a 40-page"
        if k < n and toks[k].text[0].isdigit() and k < j + 3:
            k += 1
            while k < n and toks[k].word and not toks[k].cap and toks[k].low not in MEDIA_SINGLE and k < j + 4:
                k += 1
        medium = _medium_at(toks, max(k, j))
        if medium is None and k != j:
            medium = _medium_at(toks, j)
        # "on state television", "on radio": a broadcast needs no determiner after "on".
        on_air = medium is not None and toks[medium[2] - 1].low in ("television", "tv", "radio")
        if medium is not None and (j > i + 1 or low in ("in", "at", "during") or on_air):
            m_start, m_end, after = medium
            if toks[after - 1].low == "interview" and after + 1 < n and toks[after].low == "with":
                name = _outlet_name(toks, after + 1, min(n, after + 8))
                if name:
                    return (name[0], name[1], 3, None, _skip_descriptors(toks, name[2]))
            # "in a post on X": the platform outranks the medium.
            if after + 1 < n and toks[after].low == "on" and toks[after + 1].low in PLATFORMS:
                p = toks[after + 1]
                return (p.start, p.end, 3, None, after + 2)
            return (m_start, m_end, 1, None, after)
        # "in the journal Nature", "wrote in The Lancet".
        if low == "in" and j < n:
            descr = j
            while descr < n and toks[descr].low in OUTLET_DESCRIPTORS - DETERMINERS:
                descr += 1
            if (
                (descr > j or (j > i + 1 and toks[j - 1].cap) or toks[j].cap)
                and descr < n
                and toks[descr].cap
                and toks[descr].low not in DAYS_MONTHS  # "reported in January": a time
                and (i > 0 and toks[i - 1].low in CUE_VERBS or descr > j)
            ):
                name = _outlet_name(toks, j if descr == j else descr, min(n, descr + 5))
                if name:
                    return (name[0], name[1], 2, None, name[2])
    # "published a video", "posted footage".
    if low in MEDIA_VERBS:
        j = i + 1
        while j < n and toks[j].low in ("a", "an", "the", "new", "short"):
            j += 1
        medium = _medium_at(toks, j)
        if medium is None and j < n and toks[j].low in MEDIA:
            medium = (toks[j].start, toks[j].end, j + 1)
        if medium is not None:
            return (medium[0], medium[1], 1, None, medium[2])
    return None


def _medium_at(toks, j):
    n = len(toks)
    if j >= n:
        return None
    if j + 1 < n:
        pair = (toks[j].low, toks[j + 1].low)
        if pair in MEDIA_PHRASES:
            return (toks[j].start, toks[j + 1].end, j + 2)
    if toks[j].low in MEDIA_SINGLE:
        return (toks[j].start, toks[j].end, j + 1)
    return None


def _skip_descriptors(toks, j):
    while j < len(toks) and toks[j].low in OUTLET_DESCRIPTORS:
        j += 1
    return j


def inside_a_name(toks, k, hi):
    """Whether toks[k], not capitalised, belongs to the outlet's name around it: a particle or a number."""
    return _particle_in_name(toks, k, hi) or _number_in_name(toks, k, hi)


def _particle_in_name(toks, k, hi):
    """ "de" in "Diario de Gorbeia", "del" in "Gazzetta del Po", "of" in "Times of Oman": a particle between
    capitalised words."""
    particle = toks[k].low in NAME_PARTICLES or toks[k].low == "of"
    return particle and k + 1 < hi and toks[k + 1].cap and toks[k - 1].cap


_AFTER_AN_OUTLET = frozenset("that on in last this earlier late".split())


def _opens_with_a_number(toks, j, hi):
    """An outlet's name that opens with a number: "24 Horas", "20 Minutes", "15min" (not "2nd", "1990s")."""
    t = toks[j]
    if not t.text[:1].isdigit():
        return False
    if t.text.isdigit():
        return j + 1 < hi and toks[j + 1].cap
    letters = t.text.lstrip("0123456789")
    return letters.isalpha() and letters not in ("st", "nd", "rd", "th", "s")


def _number_in_name(toks, k, hi):
    """ "24" in "Il Sole 24 Ore", "2" in "TV 2", "3" in "Cadena 3": a number inside a name or closing one (a
    short one, before no word of the claim: "told AFP 12 people had died" is AFP's)."""
    t = toks[k]
    if not (t.text[:1].isdigit() and toks[k - 1].cap):
        return False
    if t.text.isdigit() and k + 1 < hi and toks[k + 1].cap:
        return True
    closing = k + 1 >= hi or not toks[k + 1].word or toks[k + 1].low in _AFTER_AN_OUTLET
    return len(t.text) <= 4 and t.text.isalnum() and closing  # "Gabon 1ère", "Canal 13"


def _outlet_name(toks, lo, hi):
    """The proper name in "Russian state-owned news agency TASS", "the BBC": (start, end, next)."""
    runs = []
    j = lo
    while j < hi:
        t = toks[j]
        if not t.word or t.low in ("that", "on", "in", "at", "as", "after", "before", "for", "about", "with", "said"):
            break
        if t.cap and t.low not in ("the", "a", "an") or _opens_with_a_number(toks, j, hi):
            k = j + 1
            while k < hi and toks[k].word and (toks[k].cap or inside_a_name(toks, k, hi)):
                k += 1
            runs.append((j, k))
            j = k
            continue
        if t.low in OUTLET_DESCRIPTORS or t.low in RECIPIENTS:
            j += 1
            continue
        if j + 1 < hi and toks[j + 1].low in OUTLET_DESCRIPTORS - DETERMINERS and t.word and not t.poss:
            j += 1  # what the outlet covers: "the sports channel Polsport", "the music station Radio Ritmo"
            continue
        break
    if not runs:
        return None
    # A lone nationality adjective before a descriptor is not the name ("Russian state-owned ...").
    chosen = runs[-1]
    if len(runs) > 1:
        for run in reversed(runs):
            a, b = run
            nationality = toks[a].low.endswith(ADJ_SUFFIXES) and b < hi and toks[b].low in OUTLET_DESCRIPTORS
            if b - a == 1 and (nationality or is_description(toks[a].text)):  # "the Tamil-language daily X"
                continue
            chosen = run
            break
    a, b = chosen
    return (toks[a].start, toks[b - 1].end, b)
