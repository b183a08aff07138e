"""The speaker's noun phrase next to a cue: before it ("the intelligence official said"), after it
(", said Yusov, spokesperson for ..."), across an apposition, or the subject of the sentence."""

from .lexicon import (
    ANON_NOUNS,
    AUX,
    BODY_WORDS,
    BREAKS,
    CUE_VERBS,
    DAYS_MONTHS,
    DETERMINERS,
    MEDIA_SINGLE,
    ORG_NOUNS,
    PRONOUNS,
    ROLE_NOUNS,
    WHERE,
    is_people_noun,
    is_plural_group,
    is_speaker_noun,
)
from .memory import spells
from .tokens import is_initial, is_quote


def loose_subject(toks, k):
    """Any short noun phrase between a comma (or quote) and the cue: "..., the district collector said"."""
    if k < 1 or not toks[k].word:
        return None
    j = k
    while j >= 0 and toks[j].word and toks[j].low not in BREAKS and k - j < 6:
        j -= 1
    if j < 0 or not (toks[j].text == "," or is_quote(toks[j])):
        return None
    lo = j + 1
    if not (toks[lo].low in DETERMINERS or toks[lo].cap):
        return None
    return (lo, k + 1)


def np_back(toks, hi):
    """Start of the subject noun phrase ending just before hi, or None."""
    j = hi - 1
    lo = None
    count = 0
    while j >= 0 and count < 12:
        t = toks[j]
        if not t.word:
            if (t.text in "-–&'’" or comma_in_a_name(toks, j)) and lo is not None:
                j -= 1
                continue
            if (
                t.text == "."
                and lo is not None
                and j > 0
                and toks[j - 1].cap
                and (is_initial(toks[j - 1]) or toks[j - 1].low in ROLE_NOUNS)
            ):
                j -= 1  # an initial or a title: "A. Yusov", "Mr. Smith"
                continue
            break
        if t.acronym:  # "WHO regional director Hans Kluge"
            lo = j
            count += 1
            j -= 1
            continue
        if t.low == "and" and lo is not None and j > 0 and _people(toks, j - 1) and _people(toks, j + 1):
            lo = j  # "staff and patients said", "doctors and nurses"
            count += 1
            j -= 1
            continue
        inside_a_body = lo is not None and j > 0 and toks[j - 1].cap and toks[j + 1].cap
        if t.low == "and" and inside_a_body and any(x.low in ORG_NOUNS for x in toks[j + 1 : hi]):
            lo = j  # "The Mining and Energy Workers' Union"
            count += 1
            j -= 1
            continue
        if t.low in BREAKS and lo is not None and _bridges(toks, j):
            lo = j  # "people familiar with the matter", "officials who spoke on condition of anonymity"
            count += 1
            j -= 1
            continue
        if t.low in BREAKS and not (
            t.low in ("for", "at", "of")
            or (t.low in PRONOUNS and lo is None)
            or (t.cap and t.low in ("may", "will"))  # capitalised, a name: "Theresa May"
            or (t.cap and j > 0 and toks[j - 1].cap and toks[j - 1].word)  # "Organization of American States"
        ):
            break
        if t.low in ("of", "for", "at") and lo is None:
            break
        lo = j
        count += 1
        j -= 1
    if lo is None:
        return None
    # Drop prepositions left dangling at the front ("of ...").
    while lo < hi and toks[lo].low in ("of", "for", "at"):
        lo += 1
    lo = _past_a_quantity(toks, lo)
    if lo >= hi:
        return None
    return lo if is_speaker_np(toks, lo, hi) else None


def _people(toks, k):
    """A noun for people: "staff", "patients", "Residents" opening the sentence."""
    low = toks[k].low
    return (not toks[k].cap or k == 0) and (low in ANON_NOUNS or low == "staff" or is_plural_group(low))


def _past_a_quantity(toks, lo):
    """Where a number's quantifier starts: "More than | 200 scientists", "At least | 30 lawmakers"."""
    if lo >= 1 and (toks[lo - 1].low, toks[lo].low) in _QUANTIFIERS:
        return lo - 1
    if not (lo >= 2 and toks[lo].text[:1].isdigit()):
        return lo
    pair = (toks[lo - 2].low, toks[lo - 1].low)
    return lo - 2 if pair in _QUANTIFIERS else lo


_QUANTIFIERS = frozenset({("more", "than"), ("fewer", "than"), ("less", "than"), ("at", "least")})


# Lowercase words inside a person's or a company's name: "Annelies de Wit", "Metro de Santiago".
NAME_PARTICLES = frozenset(
    "de del della dela da do dos das des van von der den la le du di al el bin binti bint ibn abu ter ten i "
    "ap ul an los las í anak ng en".split()  # "Rhodri ap Iorwerth", "Noor ul Amin Tareen", "Pádraig Mac an Bhaird",
    # "Mariela de los Ángeles Umaña", "Símun í Gerðum Poulsen", "Jugah anak Nyaving", "Bangko Sentral ng Pilipinas"
)


def particle_inside(toks, j):
    """ "dos" of "Vale dos Vinhedos": a particle between capitalised words of a name."""
    return toks[j].low in NAME_PARTICLES and j + 1 < len(toks) and toks[j + 1].cap and toks[j - 1].cap


def comma_in_a_name(toks, j):
    """Whether the comma at j is inside a body's name that lists its fields: "Ministry of Health, Labour
    and Welfare", "Philippine Atmospheric, Geophysical and Astronomical Services Administration" (not a
    list of names: "Kenya, Uganda and Tanzania")."""
    n = len(toks)
    if not (0 < j < n - 3 and toks[j].text == "," and toks[j - 1].cap and toks[j + 1].cap):
        return False
    k, joined = j + 1, False
    while k < n and (toks[k].cap or toks[k].text == "," or (toks[k].low == "and" and not joined)):
        joined = joined or toks[k].low == "and"
        k += 1
    if not joined or not toks[k - 1].cap:
        return False
    # the body's noun and "of" before the first of its fields: "Ministry of Land, Infrastructure, Transport and"
    first = j
    while first > 1 and (toks[first - 1].cap or toks[first - 1].text == ",") and j - first < 8:
        first -= 1
    head = [t.low for t in toks[max(0, first - 3) : j]]
    return any(a in ORG_NOUNS and b == "of" for a, b in zip(head, head[1:])) or toks[k - 1].low in ORG_NOUNS


def _bridges(toks, j):
    """Whether the break word at j sits inside a speaker's post-modifier."""
    low = toks[j].low
    before = toks[j - 1].low if j > 0 else ""
    after = toks[j + 1].low if j + 1 < len(toks) else ""
    if low in ("with", "to", "on") and before in ("familiar", "close", "briefed", "knowledgeable"):
        return True
    if low in ("in", "with") and before == "involved" and j > 1 and is_speaker_noun(toks[j - 2].low):
        return True  # "A banker involved in the talks"
    if low == "with" and after == "knowledge":
        return True
    acting = low in ("on", "for", "with", "in", "at", "to") and before.endswith("ing") and j > 1
    if acting and is_speaker_noun(toks[j - 2].low) and (not toks[j - 2].cap or j == 2):
        return True  # "a banker advising on the talks", "lawyers acting for the families"
    if low == "on" and after == "condition":
        return True
    if low == "in" and before in _AREAS and any(is_plural_group(t.low) for t in toks[max(0, j - 8) : j]):
        return True  # "Residents of the Flint Creek neighborhood in Tulsa"
    person = len(before) > 4 and before.endswith(("er", "ist", "ian")) and not toks[j - 1].cap  # "a yak herder"
    body = before in ORG_NOUNS and not toks[j - 1].cap  # "a surgeon at a hospital in Coimbra"
    if low in ("in", "at", "on", "from") and (
        before in ANON_NOUNS or before in ROLE_NOUNS or before in ("police", "authorities") or person or body
    ):
        return True  # "officials in Kerala", "a source in Ukraine's security service"
    if low == "on" and j > 0 and toks[j - 1].low in ORG_NOUNS and toks[j - 1].cap and after and toks[j + 1].cap:
        return after not in DAYS_MONTHS  # "the Expanded Programme on Immunisation", "Committee on Foreign Affairs"
    if low == "in" and j > 0 and toks[j - 1].cap and not toks[j - 1].poss and after and toks[j + 1].cap:
        return True  # "Trader Lê Văn Hùng in Buôn Ma Thuột": where the named speaker is
    if low in ("in", "at", "from", "on") and len(before) > 3 and before.endswith(("s", "men")) and before not in AUX:
        named = [t for t in toks[j + 1 : j + 3] if t.word]
        determined = named and named[0].low in ("the", "a", "an") and len(named) > 1 and named[1].cap
        if named and (named[0].cap or determined) and named[0].low not in DAYS_MONTHS:
            # "Environmental groups in Manaus", "archaeologists from the University of Warsaw", "deckhands on
            # a Taiwanese vessel"
            return True
    if low in WHERE and after not in DAYS_MONTHS and j > 0 and _names_people(toks, j - 1):
        return True  # "Residents near the port", "Traders at the market"
    if low in WHERE and _in_a_where_phrase(toks, j):
        return True  # "Traders at the Sabon Gari market in Kaduna": where, then where within it
    if low == "and" and j > 0 and toks[j - 1].cap and j + 1 < len(toks) and toks[j + 1].cap:
        # inside a name already joined by "of" or "for": "Centres for Disease Control and Prevention"
        joined = any(toks[k].low in ("of", "for") and toks[k - 1].cap for k in range(max(j - 4, 1), j))
        run_on = j + 1
        while run_on < len(toks) and run_on < j + 6 and toks[run_on].cap:
            run_on += 1
        return joined or toks[run_on - 1].low in ORG_NOUNS  # "Information and Communications ... Authority"
    if low == "and" and j > 0 and not toks[j - 1].cap and after.isalpha() and not toks[j + 1].cap:
        # two fields of one body, in lowercase after "of": "the head of the town's water and sewerage utility"
        owned = any(toks[k].low == "of" for k in range(max(j - 5, 0), j))
        if owned and after not in DETERMINERS:
            return any(t.low in ORG_NOUNS and not t.cap for t in toks[j + 1 : j + 4])
    if low == "who" and after in ("spoke", "asked", "requested", "declined", "were", "was"):
        return True
    return low in ("were", "was") and before == "who"


_AREAS = frozenset("neighborhood neighbourhood district suburb area quarter township estate village town".split())


def _in_a_where_phrase(toks, j):
    """Whether toks[j] follows a phrase saying where people are: "at the X market" after "Traders"."""
    for k in range(j - 1, max(j - 9, 0), -1):
        t = toks[k]
        if not t.word or (t.low in BREAKS and t.low not in WHERE):
            return False
        if t.low in WHERE:
            return not t.cap and _names_people(toks, k - 1)
    return False


def _names_people(toks, k):
    """Whether toks[k] is a noun for people, in lowercase unless it opens the sentence."""
    return is_people_noun(toks[k].low) and (not toks[k].cap or k == 0)


def is_speaker_np(toks, lo, hi):
    words = [t for t in toks[lo:hi] if t.word]
    if not words:
        return False
    if len(words) == 1 and words[0].low in PRONOUNS:
        return True
    for t in words:
        low = t.low
        if t.acronym or t.cap and low not in DETERMINERS and low not in BREAKS and low not in DAYS_MONTHS:
            return True
        if is_speaker_noun(low):
            return True
        if low.endswith("'s") and low[:-2] in ORG_NOUNS:
            return True
    return False


def subject_before(toks, k):
    """(lo, hi) of the speaker before the cue whose previous meaningful token is k."""
    if acronym_in_brackets(toks, k):
        # "The World Food Programme (WFP) said": the name before the brackets, as far back as it spells the
        # acronym ("The Association for the Disappeared in Syria and Lebanon (ADSL)")
        lo = _spelling_back(toks, k - 2)
        lo = np_back(toks, k - 2) if lo is None else lo
        if lo is None and toks[k - 3].word:  # "The operator, Shashe River Diamonds (SRD), said"
            found = subject_before(toks, k - 3)
            return (found[0], k - 2) if found else None
        return (lo, k - 2) if lo is not None else None
    if k < 0:
        return None
    if k >= 2 and toks[k].low in DAYS_MONTHS and toks[k - 1].low == "on" and toks[k - 2].word:
        k -= 2  # "Putin on Monday said": the day between speaker and cue
    t = toks[k]
    if t.low in ("and", "but", "or"):
        return None  # "welcomed the decision and said": the cue's subject is the sentence's, not "the decision"
    if t.word:
        related = _with_relative_clause(toks, k)
        if related is not None:
            return related
        lo = np_back(toks, k + 1)
        return (lo, k + 1) if lo is not None else None
    if t.text != ",":
        return None
    # "Mohamed Salah, who scored twice, said"; "The airline's chief executive, Johan Lindqvist, explained".
    j = k - 1
    while j >= 0 and (toks[j].text != "," or _place_comma(toks, j)) and k - j < 25:
        if is_quote(toks[j]) or toks[j].text in ";:":
            return None
        j -= 1
    if j < 1 or toks[j].text != ",":
        return None
    if acronym_in_brackets(toks, k - 1):
        k -= 3  # "The operator, Shashe River Diamonds (SRD), said": the name without its acronym
    middle = toks[j + 1 : k]
    if not middle:
        return None
    first = middle[0]
    name_end = j
    if acronym_in_brackets(toks, j - 1):
        name_end = j - 3  # "X (SRD), the operator, said"
    elif j >= 3 and toks[j - 1].text.isdigit() and toks[j - 2].text == ",":
        name_end = j - 2  # "Pyeon Jae-hyun, 61, a seafood wholesaler, said": past the age
    before = np_back(toks, name_end)
    named = all(m.cap or not m.word or m.low in NAME_PARTICLES for m in middle) and len(middle) <= 7 and middle[-1].cap
    named = named or _name_of_a_body(middle) or _a_body_s_name(middle)
    if before is None:
        return (j + 1, k) if named else None  # "Her agent, Marieke van der Velde, said": the name
    rest = middle[1:]
    titled = not first.cap and is_speaker_noun(first.low) and 0 < len(rest) <= 6 and rest[0].cap and rest[-1].cap
    if titled and all(m.cap or not m.word or m.low in NAME_PARTICLES for m in rest):
        return (before, k)  # "Her father, fisherman Rodel dela Torre,": a titled name
    if first.low in ROLE_NOUNS and len(middle) > 2 and middle[1].text == "." and named:
        return (before, k)  # "Queensland's environment minister, Dr. Kirsty Eldershaw,": a titled name
    the_name = first.low == "the" and rest and rest[0].cap and all(m.cap or m.low in NAME_PARTICLES for m in rest)
    if the_name and (toks[before].low in ("a", "an", "the") or toks[before].poss):  # "Sebők's party, the X,"
        return (before, k)  # "A supporters' group, the Idel Ultras,", "The lifeguards' body, the X Association,"
    owned = first.poss and first.cap and len(middle) > 1 and is_speaker_noun(middle[-1].low)
    if (
        owned  # "Busoga Sugar Corporation, Uganda's largest sugar maker, said": the name before it
        or first.low in ("a", "an", "the", "who", "which", "whose", "however", "too", "meanwhile")
        or first.low in ("one", "his", "her", "its", "their", "both", "also", "now", "formerly")  # "one of its authors"
        or first.low in ("from", "of", "in", "at", "near")
        and len(middle) > 1  # "Guide Kuraman Pesai, from the village of X,", "Grower X, in the village of Y,"
        or first.text.isdigit()
        or (first.low in ROLE_NOUNS and not (first.cap and named and len(middle) > 1))  # not ", Judge X Y,"
        or (first.low.endswith("ing") and not first.cap)  # ", speaking on condition of anonymity,"
        or _a_named_person_s_role(toks, before, name_end, middle)
    ):
        return _named_before(toks, before) or (before, name_end)
    if named or (middle[-1].cap and any(m.low in ROLE_NOUNS or not m.cap and is_speaker_noun(m.low) for m in middle)):
        # The name is the apposition: "the fund's chief economist, Pierre-Olivier Gourinchas,", "Her
        # co-author, Dutch biologist Maarten van der Kolk,".
        return (before, k)
    if first.low == "in" and any(m.low in MEDIA_SINGLE for m in middle):
        return (before, name_end)  # "the ministry, in a statement, said"
    return None


def _place_comma(toks, j):
    """Whether the comma at j is a place's: "in Toledo, Ohio," (between the town and the state, or after
    the state), so no apposition ends there."""
    if not (0 < j < len(toks) - 1 and toks[j - 1].cap):
        return False
    if j >= 2 and toks[j - 2].text == ",":
        return _place_comma(toks, j - 2)  # after the state: "Valentine, Nebraska, in June"
    state = toks[j + 1 : j + 4]
    if not state[0].cap or state[0].poss:
        return False
    # a state of one word, or two opening with a compass point ("New South Wales" and names are more)
    one = len(state) > 1 and state[1].text == ","
    two = len(state) > 2 and state[0].low in _STATE_OPENERS and state[1].cap and state[2].text == ","
    if not (one or two):
        return False
    m = j - 1
    while m > 0 and j - m < 3 and toks[m - 1].cap and toks[m - 1].word:
        m -= 1
    return m > 0 and (toks[m - 1].low in WHERE or toks[m - 1].low == "of")  # "of Chéticamp, Nova Scotia,"


_STATE_OPENERS = frozenset("new north south west east rhode nova british sri puerto costa saudi".split())


def _a_named_person_s_role(toks, lo, hi, middle):
    """Whether `middle` is the role of the name toks[lo:hi]: "Paul Dearlove, regional official for the
    University and College Union,"; its first words lowercase, a role among them."""
    named = hi - lo >= 2 and all(t.cap for t in toks[lo:hi])
    words = []
    for t in middle:
        if t.cap or not t.word or t.low in _APPOSITION_LINKS:
            break
        words.append(t)
    return named and bool(words) and len(words) <= 4 and any(t.low in ROLE_NOUNS for t in words)


_APPOSITION_LINKS = frozenset("for of at with in from".split())


def _a_body_s_name(words):
    """A body's name with "of", "for", "and" or "the" inside: "Gulf of Aqaba Stevedoring Company"."""
    inside = all(t.cap or t.low in ("of", "for", "and", "the") for t in words if t.word)
    return inside and len(words) <= 8 and words[0].cap and words[-1].cap and words[-1].low in BODY_WORDS


def _name_of_a_body(words):
    """A person's name, then the body they belong to: "Claudia Steiner of the Social Democratic Party"."""
    k = next((m for m, t in enumerate(words) if t.low == "of"), None)
    if k is None or k < 2 or not all(t.cap and not t.poss for t in words[:k]):
        return False
    rest = words[k + 1 :]
    if rest and rest[0].low == "the":
        rest = rest[1:]
    return 0 < len(rest) <= 6 and all(t.cap or t.low in ("of", "and", "for") for t in rest) and rest[-1].cap


def _spelling_back(toks, hi):
    """Start of the capitalised name ending before toks[hi] == "(" that spells the acronym in the brackets."""
    acronym = toks[hi + 1].text
    for lo in range(hi - 1, max(hi - 14, -1), -1):
        if not (toks[lo].word or toks[lo].text in "'’-"):
            return None
        if toks[lo].cap and (lo == 0 or not toks[lo - 1].cap) and spells(acronym, text_of(toks[lo:hi])):
            return lo - 1 if lo > 0 and toks[lo - 1].low == "the" else lo
    return None


def text_of(toks):
    return " ".join(t.text for t in toks)


def acronym_in_brackets(toks, k):
    """Whether toks[k] closes "(ACRONYM)"."""
    return 3 <= k < len(toks) and toks[k].text == ")" and toks[k - 2].text == "(" and toks[k - 1].acronym


def _named_before(toks, lo):
    """The name that a role starting at lo is in apposition to, when one comes right before it: "Ayaka Shimazu,
    chief executive of Nagisa Mobility, the Fukuoka start-up that built the bus, said", "Amra Pašić, an energy
    economist at X, a research group, said"."""
    if lo < 2 or toks[lo - 1].text != ",":
        return None
    # the role itself, or an indefinite one: "X, an energy economist at Y, a research group, said"
    words = toks[lo + 1 : lo + 4] if toks[lo].low in ("a", "an") else toks[lo : lo + 1]
    if not any(t.low in ROLE_NOUNS or is_speaker_noun(t.low) for t in words if not t.cap):
        return None
    start = lo - 1
    while start > 0 and (toks[start - 1].cap or toks[start - 1].low in NAME_PARTICLES) and toks[start - 1].word:
        start -= 1
    name = toks[start : lo - 1]
    if start > 0 and toks[start - 1].word or not (2 <= len(name) <= 5) or not name[0].cap:
        return None  # the sentence's start, or after a comma: a name alone
    return start, lo - 1


def _with_relative_clause(toks, k):
    """(lo, k + 1) of a speaker with a relative clause ending at k, no comma between: "A railway official who
    asked not to be named", "A person close to the family that owns the studio"; None otherwise."""
    for j in range(k, max(k - 10, 0), -1):
        t = toks[j]
        place = t.cap and t.word and _after_a_place_preposition(toks, j)  # "A woman who fled to Dar Tongo"
        if not t.word or t.cap and not place or (t.low in CUE_VERBS and CUE_VERBS[t.low] != "ask"):
            return None  # a speaker who spoke inside the clause is another attribution ("asked not to be named" is not)
        if t.low in ("who", "that") and j > 0 and toks[j - 1].word:
            head = toks[j - 1].low
            lo = np_back(toks, j)
            if lo is None and t.low == "who":  # "A paramedic who ...": whatever the noun, a person
                lo = next((m for m in range(j - 1, max(j - 4, -1), -1) if toks[m].low in ("a", "an", "the")), None)
            person = t.low == "who" or head in ANON_NOUNS or head in ROLE_NOUNS  # "who": a person, whatever the noun
            # or a person before where they are from: "A diplomat from a Pacific country that has observed the talks"
            person = (
                person
                or lo is not None
                and any(
                    toks[m].low in ("from", "at", "in")
                    and (toks[m - 1].low in ANON_NOUNS or toks[m - 1].low in ROLE_NOUNS)
                    for m in range(lo + 1, j - 1)
                )
            )
            if lo is not None and person and toks[lo].low != "that":
                return lo, k + 1
            return None
    return None


def _after_a_place_preposition(toks, j):
    """Whether the capitalised toks[j] ends a name of up to three words after "to", "in", "from" or "at"."""
    m = j
    while m > 0 and j - m < 3 and toks[m - 1].cap and toks[m - 1].word:
        m -= 1
    return m > 0 and toks[m - 1].low in ("to", "in", "from", "at", "near")


def np_forward(toks, i):
    """End of the speaker noun phrase starting at i (inverted order), or None."""
    n = len(toks)
    j = i
    while j < n:
        t = toks[j]
        if not t.word:
            initial = len(toks[j - 1].text) == 1 or toks[j - 1].low in ROLE_NOUNS  # "J." or "Dr."
            if t.text == "." and j + 1 < n and initial and toks[j + 1].cap:
                j += 1
                continue
            if t.text in "'’" and j > i and toks[j - 1].low.endswith("s") and j + 1 < n and toks[j + 1].word:
                j += 1  # a plural's possessive: "said delivery riders' union leader X"
                continue
            break
        if t.low in ("in", "on", "to", "as", "according", "that", "via", "at", "during", "after", "while") or (
            t.low in AUX
        ):
            break
        if t.low in DAYS_MONTHS and j > i:
            break
        j += 1
    if j == i or not is_speaker_np(toks, i, j):
        return None
    # Apposition: ", spokesperson for the UN Secretary-General" / ", the lead auditor".
    if j < n and toks[j].text == ",":
        k = j + 1
        while k < n and toks[k].text not in ",.;:" and not is_quote(toks[k]):
            k += 1
        if k > j + 1:
            return j, k
    return j, j
