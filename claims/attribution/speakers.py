"""Resolving the speaker: the source behind a mention, against the article memory ("Yusov", "the
intelligence official", "the group", "he" resolve to speakers met earlier; a new name is remembered)."""

import re

from .descriptions import resolve_description
from .lexicon import (
    ANON_NOUNS,
    BODY_WORDS,
    COMPANY_NOUNS,
    COMPANY_SUFFIXES,
    DAYS_MONTHS,
    DETERMINERS,
    GAZETTEER,
    GENDERED,
    NOBLE_TITLES,
    NOT_PEOPLE,
    ORG_NOUNS,
    PRONOUNS,
    ROLE_NOUNS,
    SQUAD_ROLES,
    TITLE_NOUNS,
    WHERE,
    has_person_ending,
    is_company_noun,
    is_people_noun,
    is_plural_group,
    is_speaker_noun,
)
from .noun_phrases import NAME_PARTICLES, comma_in_a_name
from .titles import after_portfolio, before_a_body, before_where_a_body_is, before_where_from, body_noun, names_a_body
from .tokens import is_description, is_initial, is_quote

# With "with" and "for" after a speaker, whom they work for ("a lawyer for Meta"): not who they are.
WHERE_OR_WHOSE = WHERE | {"with", "for"}


def source_for(ent, mention, confidence, role=None):
    """The source dict for a memory entity met at `mention` (text, start, end)."""
    return {
        "entity": ent,
        "text": ent.name,
        "start": ent.start,
        "end": ent.end,
        "kind": ent.kind,
        "role": role if role is not None else ent.role,
        "mention": mention,
        "confidence": confidence,
    }


def resolve_speaker(text, toks, lo, hi, memory):
    """The source behind the mention toks[lo:hi], as a dict, or None."""
    # Cut post-modifiers off the mention as written? No: the mention is what is written.
    while lo < hi and not toks[lo].word:
        lo += 1
    while hi > lo and not toks[hi - 1].word:
        hi -= 1
    if lo >= hi:
        return None
    m_start, m_end = toks[lo].start, toks[hi - 1].end
    mention = (text[m_start:m_end], m_start, m_end)
    hi = before_where_a_body_is(toks, lo, _before_a_place(toks, lo, hi))
    m_end = toks[hi - 1].end
    words = toks[lo:hi]

    def result(ent, confidence, role=None):
        return source_for(ent, mention, confidence, role)

    def literal(kind, confidence, drop_article=False, role=None):
        a = lo
        if drop_article and toks[a].low in ("the",) and a + 1 < hi:
            a += 1
        start = toks[a].start
        name = text[start:m_end]
        ent = memory.add(name, start, m_end, kind, role)
        if ent.kind != kind and kind != "anonymous":
            ent.kind = kind
        return result(ent, confidence, role)

    # Pronouns.
    if len(words) == 1 and words[0].low in PRONOUNS:
        want = PRONOUNS[words[0].low]
        if want == "person":  # "she" skips a man named since, "he" a woman
            ent = memory.pronoun_person(GENDERED.get(words[0].low))
        elif want == "plural":  # people named as a group ("Residents of Mathare") before any body
            ent = memory.recent(lambda e: e.kind == "anonymous" and _plural(e.name))
            ent = ent or memory.recent(lambda e: e.kind in ("organisation", "anonymous"))
        else:
            ent = memory.recent(lambda e: e.kind == "organisation")
        if ent is None:
            # Nobody to refer back to: keep the pronoun, with little confidence.
            kind = "person" if want == "person" else "organisation"
            return {
                "entity": None,
                "text": mention[0],
                "start": m_start,
                "end": m_end,
                "kind": kind,
                "role": None,
                "mention": mention,
                "confidence": 0.4,
            }
        memory.touch(ent)
        return result(ent, 0.7)

    # Split off a post-modifier: "people familiar with the matter", "a unit of Russian soldiers".
    core_hi = hi
    for k in range(lo + 1, hi):
        if toks[k].low in (
            "of",
            "for",
            "at",
            "with",
            "familiar",
            "close",
            "representing",
            "who",
            "which",
            "from",
            "briefed",
            "involved",
            "in",
        ):
            core_hi = k
            break
    core = toks[lo:core_hi]

    name_lo = _name_start(toks, lo, hi)
    # A common noun opening the sentence, capitalised only there: "Rival Kessler Fahrzeugbau said".
    opening = lo == 0 or is_quote(toks[lo - 1])  # the sentence's first word, or the first after a quotation
    if name_lo == lo and opening and described_name(toks[lo:hi]):
        lo = name_lo = lo + 1
    has_name = name_lo < hi and not (
        hi - name_lo == 1 and toks[name_lo].low in ANON_NOUNS | ORG_NOUNS and name_lo == lo
    )
    if hi - name_lo == 1 and toks[name_lo].low in ANON_NOUNS and name_lo == lo:
        has_name = False  # "Prosecutors said", "Critics said"
    if hi - name_lo == 1 and toks[name_lo].low in ROLE_NOUNS and all(t.low in DETERMINERS for t in toks[lo:name_lo]):
        has_name = False  # "The Democrat said": a description, capitalised as parties are
    if core_hi < name_lo and toks[core_hi].low == "who":
        has_name = False  # "A woman who fled to Dar Tongo": the name is where she went
    if (
        name_lo - 1 > lo
        and toks[name_lo - 1].low in WHERE_OR_WHOSE
        and (
            toks[name_lo - 2].low in ANON_NOUNS
            or toks[name_lo - 2].low in ROLE_NOUNS
            or toks[name_lo - 2].low in ("police", "authorities")
            or (not toks[name_lo - 2].cap and toks[name_lo - 2].low.endswith(("er", "ist", "ian")))  # "a yak herder"
            or (not toks[name_lo - 2].cap and toks[name_lo - 2].low in ORG_NOUNS)  # "at a hospital in Coimbra"
        )
    ):
        has_name = False  # "Health officials in Kerala", "A yak herder in Bumthang": the name is a post-modifier
    if (
        name_lo - 1 > lo
        and toks[name_lo - 1].low in WHERE
        and toks[name_lo - 2].word
        and (not toks[name_lo - 2].cap or name_lo - 2 == lo)
        and toks[name_lo - 2].low.endswith(("s", "men"))
    ):
        has_name = False  # "Environmental groups in Manaus": a place after plural people is where they are
    if (
        name_lo - 2 > lo
        and toks[name_lo - 1].low == "the"
        and toks[name_lo - 2].low in WHERE
        and toks[name_lo - 3].low.endswith("s")
        and (not toks[name_lo - 3].cap or name_lo - 3 == lo)  # "Observers from the ...", opening a sentence
    ):
        has_name = False  # "archaeologists from the University of Warsaw"

    if (
        has_name
        and name_lo == lo + 3
        and toks[lo].low == "the"
        and toks[lo + 1].low in ORG_NOUNS
        and not toks[lo + 1].cap
        and toks[lo + 2].low == "of"
    ):
        return literal("organisation", 0.8, drop_article=True)  # "The prefecture of Catania": the body, not the place

    if has_name and _people_then_where(toks, lo, name_lo, hi):
        has_name = False  # "Traders at the Sabon Gari market in Kaduna": people, then where they are

    if (
        has_name
        and toks[lo].low in ("a", "an", "the")
        and lo + 2 < name_lo
        and toks[lo + 1].low in ROLE_NOUNS
        and toks[lo + 2].low in ("for", "of", "at")
        and not any(t.text == "," for t in words)
    ):
        has_name = False  # "A spokesman for the Asociación ...", "The director of the X Museum in Leiden": a post

    if has_name and hi - name_lo == 1 and all(t.low in DETERMINERS for t in toks[lo:name_lo]):
        ent = memory.by_word(toks[name_lo].text)
        if ent is not None:
            memory.touch(ent)
            return result(ent, 0.85)

    if has_name:
        role_lo = lo + 1 if toks[lo].low in ("the", "a", "an") and lo + 1 < name_lo else lo
        # A role in front of the name: "Belgorod Oblast Governor Vyacheslav Gladkov".
        last_role = None
        for k in range(lo, hi):
            # (not a word of a body's name: "Union of Municipal and General Employees")
            in_a_body = k > lo and toks[k - 1].low in _NAME_LINKS and any(t.low in ORG_NOUNS for t in toks[lo:k])
            if toks[k].low in ROLE_NOUNS and k < hi - 1 and not in_a_body:
                last_role = k
        cut = before_where_from(toks, last_role + 1, hi) if last_role is not None else hi
        if cut < hi:  # "Mayor X Y of Andacollo", "Col. X Y of the Carabineros police": the person is X Y
            hi, m_end = cut, toks[cut - 1].end
            name_lo = min(name_lo, next(k for k in range(last_role + 1, hi) if toks[k].word))
        run = toks[name_lo:hi]
        # An organisation's noun after the last role makes the name a body's ("Energy Minister X" is a person),
        # unless it is the role's portfolio ("Senior Superintendent of Police X").
        named_at = after_portfolio(toks, last_role + 1, hi) if last_role is not None else name_lo
        after_role = toks[max(name_lo, named_at) : hi]
        org_head = (names_a_body(after_role) and any(body_noun(t) for t in after_role)) or (
            name_lo > lo and toks[lo].low == "the" and last_role is None
        )
        if last_role is not None and last_role >= name_lo - 1 and not org_head:
            first = last_role + 1
            if hi - first == 1 and toks[last_role].low in NOBLE_TITLES:
                first = last_role  # "Lady Hale", "Lord Sumption"
            first = after_portfolio(toks, first, hi)
            role_text = text[toks[role_lo].start : toks[max(last_role, first - 1)].end].rstrip(" ,")
            if first >= hi:
                return None
            start = toks[first].start
            ent = memory.add(text[start:m_end], start, m_end, "person", role_text)
            return result(ent, 0.9, role_text)
        if last_role is not None and last_role < name_lo and not org_head:
            start = toks[name_lo].start
            role_text = text[toks[role_lo].start : toks[name_lo - 1].end].strip(" ,") if role_lo < name_lo else ""
            if len(run) == 1:
                ent = memory.by_tail(run[0].text)
                if ent is not None:
                    memory.touch(ent)
                    return result(ent, 0.85)
            ent = memory.add(text[start:m_end], start, m_end, "person", role_text or None)
            return result(ent, 0.9, role_text or None)
        if org_head or name_lo > lo and toks[name_lo - 1].low in DETERMINERS:
            start = toks[name_lo].start
            if any(t.low in ORG_NOUNS for t in run) or toks[lo].low == "the":
                ent = memory.add(text[start:m_end], start, m_end, "organisation", None)
                return result(ent, 0.9)
        if name_lo == lo or all(t.low in DETERMINERS or not t.word for t in toks[lo:name_lo]):
            start = toks[name_lo].start
            name = text[start:m_end]
            if len(run) == 1:
                ent = memory.by_word(run[0].text)
                if ent is not None:
                    memory.touch(ent)
                    return result(ent, 0.85)
                # A surname, its person named before in narration: "Imboden-Rüegg, 29, said", "Kwon" for "Kwon
                # Na-rae", "Gansukh" after "Mongolian judoka Temuulen Gansukh".
                earlier = memory.written_before(name, start) if "-" in name else memory.written_first(name, start)
                if earlier is None and name.lower() not in GAZETTEER:
                    earlier = memory.written_before(name, start)
                    if earlier is not None and _not_a_given_name(earlier[0].split()[0]):
                        earlier = None
                if earlier is not None and not earlier[0].split()[0].endswith(("'s", "’s")):
                    return result(memory.add(*earlier, "person", None), 0.85)
                ent = memory.add(name, start, m_end, "organisation", None)
                return result(ent, 0.75)
            ent = memory.by_tail(name) or memory.by_head(name)
            if ent is not None:
                memory.touch(ent)
                return result(ent, 0.85)
            earlier = memory.written_before(name, start)
            if earlier is not None:  # "Chamalé Us" for "Rigoberto Chamalé Us", named in narration
                ent = memory.add(*earlier, "person", None)
                return result(ent, 0.85)
            # "Zambezi Lake Transport, which operates the service, said": a person would be "who"
            kind = "organisation" if _WHICH.match(text, m_end) else "person"
            ent = memory.add(name, start, m_end, kind, None)
            return result(ent, 0.85)
        # Something else before the name, e.g. "Ukraine's Sikorski": keep the name.
        start = toks[name_lo].start
        before = text[toks[lo].start : toks[name_lo - 1].end].rstrip(" ,")  # "Her club, X": "Her club"
        ent = memory.add(text[start:m_end], start, m_end, "person", before)
        return result(ent, 0.7)

    # A description: "the intelligence official", "the group", "a source familiar with the matter".
    head = None
    for t in core:
        low = t.low[:-2] if t.poss else t.low
        if is_speaker_noun(low):
            head = t
    if head is None:
        head = core[-1]
    head_low = head.low
    definite = toks[lo].low == "the"
    is_org = (head_low in ORG_NOUNS or is_company_noun(head_low)) and head_low not in ANON_NOUNS
    if definite:
        ent = resolve_description(core, head_low, is_org, memory)
        if ent is not None:
            memory.touch(ent)
            return result(ent, 0.75)
    named = any(t.cap and not t.poss and t.low not in DETERMINERS for t in core[1:])
    if is_org:
        return literal("organisation", 0.8 if named else 0.7, drop_article=named)
    return literal("anonymous", 0.75)


_NAME_LINKS = frozenset({"of", "for", "and"})
_WHICH = re.compile(r",\s+which\b")


def _name_start(toks, lo, hi):
    """Where the name ending the mention toks[lo:hi] starts (hi if there is none): a run of capitalised words,
    across "of" and "for" ("Freedom of Russia Legion"), particles ("Metro de Santiago", "Annelies de Wit"),
    an "and" inside an organisation's name ("Department of Water and Sanitation", "Information and
    Communications Technology Authority") and possessives inside one ("Transport Workers' Federation",
    "Serbia's Interior Ministry", "South Africa's Department of ...", "Lloyd's of London")."""
    org = any(t.low in ORG_NOUNS or t.low in COMPANY_SUFFIXES for t in toks[lo:hi])

    def capital(k):
        t = toks[k]
        if not t.cap or t.low in DETERMINERS or t.low in DAYS_MONTHS:
            return False  # not "October" of "Minutes of a meeting of the commission in October"
        if not t.poss:
            return True
        after = toks[k + 1] if k + 1 < hi else None
        # "Norwegian People's Aid", "Women's Rights Network"
        return after is not None and (after.low == "of" or ((org or _peoples(t)) and after.cap))

    start = hi
    while start > lo:
        k = start - 1
        inside = toks[k].low in _NAME_LINKS or toks[k].low in NAME_PARTICLES
        inside = inside or (toks[k].low == "on" and k > lo and toks[k - 1].low in ORG_NOUNS)  # "Programme on"
        inside = inside or (toks[k].low == "in" and org and k > lo and toks[k - 1].cap)  # "the Disappeared in Syria"
        inside = inside or (toks[k].text == "," and k > lo and comma_in_a_name(toks, k))  # "Health, Labour and"
        inside = inside or (toks[k].text in "'’" and org and k > lo and toks[k - 1].low.endswith("s"))  # Workers'
        before = k
        if toks[k].low == "the" and start < hi and k - 1 > lo and toks[k - 1].low in ("of", "for"):
            inside, before = True, k - 1  # "Association of Relatives of the Disappeared"
        while inside and before > lo and toks[before - 1].low in NAME_PARTICLES:
            before -= 1  # "van der", "de la"
        # "De la Fuente told ...", "..., ap Iorwerth said": the particle opens the mention
        opening = before == lo and (toks[lo].cap or toks[lo].low in NAME_PARTICLES)
        opening = opening or toks[before].cap and not toks[before - 1].word  # "A supporters' group, Los de Siempre"
        if toks[k].text == "." and start < hi and k > lo and is_initial(toks[k - 1]):
            start = k - 1  # an initial: "R. Kalaiselvi"
            continue
        if not (capital(k) or (inside and start < hi and (opening or before > lo and capital(before - 1)))):
            break
        start = before
    # (not a field of a body's name, joined to the next: "Canadian Radio-television and Telecommunications ...")
    # (nor a word with a short prefix: "Drumlin Valley Co-operative Creamery")
    described = [
        k
        for k in range(start, hi - 1)
        if is_description(toks[k].text) and toks[k + 1].low not in _NAME_LINKS and toks[k].text.index("-") > 2
    ]
    if described:
        start = described[-1] + 1  # "Belgian-born Anouk Vermeersch", "the Ras Al Khaimah-based Jazira Wings"
    run = toks[start:hi]
    one_body = any(t.low in ("of", "for") for t in run) or bool(run) and run[-1].low in BODY_WORDS
    if any(t.low == "and" for t in run) and not one_body:
        start = max(k for k in range(start, hi) if toks[k].low == "and") + 1  # "Smith and Jones": two names
    return start


_PEOPLE_PLURALS = frozenset("people children women men".split())


def _peoples(tok):
    """A possessive of people inside a body's name: "People's", "Children's", "Women's"."""
    return tok.poss and tok.low[:-2] in _PEOPLE_PLURALS


# Common nouns that open a sentence before a name: "Rival Kessler Fahrzeugbau", "Manufacturer Haldane Pharma",
# "Forward Dmitri Lavrentyev-Cole".
DESCRIPTORS = (
    COMPANY_NOUNS
    | SQUAD_ROLES
    | frozenset(
        "rival administrator regulator insurer partner student patient tenant pensioner resident commuter voter "
        "parent mother father widow survivor witness victim volunteer refugee migrant fan tourist visitor "
        "passenger customer client neighbour neighbor homeowner landlord vendor guide".split()
    )
)


def described_name(words):
    """Whether a sentence opens with a common noun, then the name it describes: "Rival Kessler Fahrzeugbau",
    "Farmer Nilar" (two words only for a plain description: "Meridian Foods" is a name)."""
    if len(words) < 2 or not words[1].cap or not opens_with_description(words[0].low):
        return False
    if words[0].low.endswith("ian") and (words[-1].low in BODY_WORDS or any(_peoples(w) for w in words)):
        return False  # "Norwegian Refugee Council", "Norwegian People's Aid": a body's name opens with a nationality
    if words[-1].low in BODY_WORDS and not is_company_noun(words[0].low):
        return False  # "Pioneer Valley Estates": a company's name opens with a common noun ("Carmaker X Motors" not)
    plain = words[0].low in DESCRIPTORS or words[0].low.endswith("er")
    return len(words) >= 3 or (plain and words[1].low not in ORG_NOUNS)


# Given names that end like a noun for someone who does something ("Farmer", "Caver"): "Jennifer Okimaw".
_GIVEN_NAMES_ENDING_ER = frozenset(
    "jennifer christopher peter esther heather jasper oliver walter roger xavier alexander alistair "
    "luther homer hester amber jupiter schroeder asher archer skyler tyler spencer parker carter".split()
)


def opens_with_description(low):
    """A common noun that opens a sentence before a name, capitalised only there: "Rival", "Winemaker",
    "Fisherman" (a role noun, "Minister", is a title and stays with the name's handling of roles)."""
    if low in ROLE_NOUNS or low in _GIVEN_NAMES_ENDING_ER:
        return False
    return (
        low in DESCRIPTORS
        or is_company_noun(low)
        or (low.endswith("man") and has_person_ending(low))  # "Fisherman X", not "Abdirahman Yonis Jibril"
        or (len(low) > 5 and has_person_ending(low))
        or (len(low) > 4 and low.endswith("er") and low not in NOT_PEOPLE)  # "Caver X", "Farmer X"
    )


def _not_a_given_name(word):
    """A capitalised word before a surname that is no given name: a role, a body's or a place's word."""
    low = word.lower()
    place = low in GAZETTEER or low in _PLACE_OPENERS  # "South Sudan", "New Caledonia"
    return place or low in ROLE_NOUNS or low in BODY_WORDS or opens_with_description(low)


_PLACE_OPENERS = frozenset(
    "north south east west northern southern eastern western central new old saint st san santa port fort "
    "mount lake great upper lower greater little cape".split()
)


def _plural(name):
    """Whether a group's name is plural: "Residents of Mathare", "Aid groups"."""
    words = name.lower().split()
    head = next((w for w in words if w in ("of", "in", "at", "from", "who")), None)
    return (words[words.index(head) - 1] if head and words.index(head) > 0 else words[-1]).endswith("s")


def _before_a_place(toks, lo, hi):
    """Where a titled or described person's name ends before "of", "from" or "in" a place or a body:
    "Governor Adekunle Bamgbose of Ogun state", "Trader Lê Văn Hùng in Buôn Ma Thuột"."""
    # The title or description may follow words of its own: "Digital forensics researcher X", "Car parts importer X".
    titled = [
        k
        for k in range(lo, min(lo + 4, hi))
        if toks[k].low in ROLE_NOUNS or toks[k].low in TITLE_NOUNS or opens_with_description(toks[k].low)
    ]
    dotted = [k for k in titled if k + 1 < hi and toks[k + 1].text == "."]  # "Col.", "Det. Sgt."
    if not titled or any(toks[k].cap and k not in dotted for k in range(titled[0] + 1, titled[-1] + 1)):
        return before_a_body(toks, lo, hi)
    first = titled[-1] + 1
    while first < hi and (toks[first].low in ROLE_NOUNS and not toks[first].cap or toks[first].text == "."):
        first += 1  # "Chief executive Ana Ruiz of Banco Sol", "Col. X Y of the Carabineros police"
    for k in range(first + 1, hi - 1):
        if toks[k].low in ("of", "from", "in", "at"):  # "Economist Mari Uchida at Hokkai Securities"
            body = any(t.low in ORG_NOUNS for t in toks[first:k])  # "Norwegian Union of Municipal ... Employees"
            if all(t.cap and not t.poss for t in toks[first:k]) and not body:
                return k
            return hi
    return hi


def _people_then_where(toks, lo, name_lo, hi):
    """Whether the mention names people by a noun, then where they are, before any name: "Traders at the X
    market in Y", "A hospital worker in the town of Z", "11 Indonesian deckhands on a Taiwanese vessel";
    not when a name follows in apposition ("A nurse at the clinic in Tombo, Isatu Kamara")."""
    if any(toks[k].text == "," and toks[k + 1].cap for k in range(lo, hi - 1)):
        return False
    for k in range(lo, name_lo - 1):
        if toks[k].cap and k > lo:
            return False  # a name first: "Governor X in Y" is X's
        people = is_people_noun(toks[k].low) or is_plural_group(toks[k].low)
        if people and (toks[k + 1].low in WHERE or toks[k + 1].low == "of" and toks[k].low.endswith("s")):
            return True  # "Residents of the nearby town of Dar El Beïda", "Two residents of Sumy"
    return False
