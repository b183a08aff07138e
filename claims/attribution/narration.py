"""Names met in narration, remembered for later back-references: companies ("carmaker Stellantis"),
employers ("Real Madrid forward Kylian Mbappé"), subjects owning "its", names in apposition."""

from .appositions import note_appositions, past_title
from .documents import ISSUING_VERBS
from .lexicon import (
    ANON_NOUNS,
    BODY_WORDS,
    COMPANY_SUFFIXES,
    DAYS_MONTHS,
    DETERMINERS,
    DOCUMENTS,
    GAZETTEER,
    GENDERED,
    GROUP_WORDS,
    MODIFIERS,
    NOT_PEOPLE,
    ORG_NOUNS,
    OUTLET_DESCRIPTORS,
    PUBLIC_WORDS,
    ROLE_GENDERS,
    ROLE_NOUNS,
    SQUAD_ROLES,
    has_person_ending,
    is_company_noun,
    word_set,
)
from .noun_phrases import NAME_PARTICLES, comma_in_a_name, particle_inside
from .speakers import described_name, opens_with_description
from .titles import names_a_body
from .tokens import is_description


def note_names(text, toks, memory):
    """Remember the names a sentence introduces in narration, whether or not it holds an attribution."""
    _note_companies(text, toks, memory)
    _note_companies_by_business(text, toks, memory)
    # "Novo Nordisk cut its forecast": a subject owning "its" is an organisation.
    lo = 1 if toks[0].low == "the" else 0
    hi = _name_run(toks, lo)
    if hi > lo and hi + 1 < len(toks) and toks[hi].word and not toks[hi].cap and toks[hi + 1].low == "its":
        memory.note_narrated(text[toks[lo].start : toks[hi - 1].end], toks[lo].start, toks[hi - 1].end)
    # "Real Madrid forward Kylian Mbappé", "Microsoft chief executive Satya Nadella": the employer.
    k = 0
    while k < len(toks):
        hi = _name_run(toks, k)
        if hi == k or (k > 0 and toks[k - 1].cap):
            k = hi + 1
            continue
        r = hi
        while (
            r < len(toks)
            and r < hi + 2
            and (toks[r].low in ROLE_NOUNS or toks[r].low in SQUAD_ROLES)
            and not toks[r].cap
        ):
            r += 1
        participle = hi == k + 1 and toks[k].low.endswith(("ing", "ed"))  # "Presiding judge X": no employer
        if r > hi and r < len(toks) and toks[r].cap and toks[r].word and not participle:
            memory.note_narrated(text[toks[k].start : toks[hi - 1].end], toks[k].start, toks[hi - 1].end)
        k = hi + 1
    note_appositions(text, toks, memory)
    _note_people_and_bodies(text, toks, memory)
    _note_issued_documents(toks, memory)


def _note_companies(text, toks, memory):
    """A company named after its noun ("carmaker Stellantis", "the planemaker Airbus") or before it ("a
    supervisor at the Sulawesi Nikel Utama smelter")."""
    n = len(toks)
    for k, t in enumerate(toks):
        company = is_company_noun(t.low)
        if company or t.low in _BODY_DESCRIPTORS and not t.cap:
            lo = k + 2 if k + 2 < n and toks[k + 1].low == "the" and not toks[k + 1].cap else k + 1  # "team the X"
            if lo < n and toks[lo].cap and not toks[lo].in_quote:
                j = lo
                while j < n and toks[j].word and not toks[j].poss and (toks[j].cap or particle_inside(toks, j)):
                    j += 1
                who = j + 1 < n and toks[j].text == "," and toks[j + 1].low == "who"  # "Miner X Y, who was"
                if (
                    j - lo <= 5 and not who
                ):  # "housing association Eemland Wonen", "club Esporte Clube Vale dos Vinhedos"
                    memory.note_company(text[toks[lo].start : toks[j - 1].end], toks[lo].start, toks[j - 1].end, t.low)
        if t.low in GROUP_WORDS and not t.cap and k >= 3 and toks[k - 1].word and not toks[k - 1].cap:
            _note_group_before(text, toks, memory, k)  # "the Frente Popular del Pacífico rebel group"
        if (
            (company or t.low in _RUN_BY_A_COMPANY)
            and k >= 3
            and not t.cap
            and toks[k - 1].cap
            and not toks[k - 1].poss
        ):
            j = k - 1
            while (
                j > 0
                and toks[j - 1].cap
                and toks[j - 1].word
                and not toks[j - 1].poss
                and toks[j - 1].low not in DETERMINERS
            ):
                j -= 1
            name = text[toks[j].start : toks[k - 1].end]
            if 2 <= k - j <= 4 and toks[j - 1].low in ("the", "a", "an") and name.lower() not in GAZETTEER:
                memory.note_company(name, toks[j].start, toks[k - 1].end)


def _note_group_before(text, toks, memory, k):
    """A group named before one descriptor and its noun: "the Frente Popular del Pacífico rebel group"."""
    j = k - 2
    if j < 1 or not toks[j].cap or toks[j].poss:
        return
    lo = j
    while lo > 0 and (toks[lo - 1].cap and toks[lo - 1].word or particle_inside(toks, lo - 1)):
        lo -= 1
    if 2 <= j + 1 - lo <= 6 and toks[lo - 1].low == "the" and toks[lo].low not in DETERMINERS:
        memory.note_company(text[toks[lo].start : toks[j].end], toks[lo].start, toks[j].end, toks[k].low)


# What a company runs, after its name: "a Yagnob Avia flight", "a Metro Norte bus", "the Alto Verde mine".
_RUN_BY_A_COMPANY = frozenset(
    "flight flights plane jet airliner ferry bus coach train store stores supermarket".split()
)
# A company's business after its name: "Zambezi Lake Transport, which operates the weekly service".
_BUSINESS = frozenset("operates owns runs makes produces manufactures sells employs manages builds supplies".split())


def _note_companies_by_business(text, toks, memory):
    """ "Zambezi Lake Transport, which operates the weekly service", "Shares of Boston-based Verity Therapeutics
    jumped": a company by what it does or by its shares."""
    for k in range(len(toks) - 2):
        if toks[k].low == "shares" and toks[k + 1].low in ("of", "in"):
            lo = k + 2
            while lo < len(toks) and (toks[lo].low == "the" or is_description(toks[lo].text)):
                lo += 1  # "Shares of Boston-based Verity Therapeutics"
            hi = _name_run(toks, lo)
            while hi < len(toks) and (toks[hi].low in COMPANY_SUFFIXES or toks[hi].low in ORG_NOUNS) and toks[hi].cap:
                hi += 1
            if hi > lo:
                memory.note_company(text[toks[lo].start : toks[hi - 1].end], toks[lo].start, toks[hi - 1].end)
    for k in range(1, len(toks) - 2):
        if toks[k].text == "," and toks[k + 1].low == "which" and toks[k + 2].low in _BUSINESS:
            j = k
            while j > 0 and toks[j - 1].cap and toks[j - 1].word and not toks[j - 1].poss:
                j -= 1
            if 2 <= k - j <= 5 and not (j > 0 and toks[j - 1].poss):
                memory.note_company(text[toks[j].start : toks[k - 1].end], toks[j].start, toks[k - 1].end)


# Nouns for a body that narration puts before its name, as it does a company's: "rights group X".
_BODY_DESCRIPTORS = frozenset(
    "association group union federation party team club network foundation institute alliance coalition "
    "cooperative co-operative charity agency regulator watchdog broadcaster authority".split()
)


def note_people_met(text, toks, memory, since):
    """After a sentence, of each person it named: where it named them first (a later "he" or "she" means
    the sentence's first-named, its subject as a rule), and a gender from their role ("spokeswoman") or
    from the first "his"/"her"/"he"/"she" after their name with no other person between ("Lepik met her
    counterpart"), so that a later "she" skips the man. Pronouns opening the sentence refer back."""
    people = [ent for ent in memory.met_since(since) if ent.kind == "person"]
    if not people:
        return
    start, end = toks[0].start, toks[-1].end
    for ent in people:  # where this sentence names each of them first
        first = text.find(ent.name.split()[-1], start, end)
        ent.place = (start, first if first >= 0 else end)
    for ent in people:
        if ent.gender is None and ent.role:
            ent.gender = next((ROLE_GENDERS[w] for w in ent.role.lower().split() if w in ROLE_GENDERS), None)
    for t in toks[1:]:
        if t.low not in GENDERED or t.in_quote:
            continue
        named = [(text.rfind(ent.name.split()[-1], start, t.start), ent) for ent in people]
        place, nearest = max(named, key=lambda pair: pair[0])
        if place >= 0 and nearest.gender is None:
            nearest.gender, nearest.gender_guessed = GENDERED[t.low], True


def _note_issued_documents(toks, memory):
    """ "X issued a statement", "Garnier sent a memo to staff": a later "the statement said" is X's."""
    for k, t in enumerate(toks):
        if t.low in ISSUING_VERBS and not t.in_quote:
            document = next((d for d in toks[k + 1 : k + 5] if d.low in DOCUMENTS), None)
            issuer = memory.recent(lambda e: True)
            if document is not None and issuer is not None:
                memory.issued[document.low] = issuer


_NOT_A_PERSON = GAZETTEER | COMPANY_SUFFIXES | ROLE_NOUNS
_CONJUNCTIONS = word_set("but and yet so still")
_NOT_NAMES = BODY_WORDS | ROLE_NOUNS


def _names_a_person(low):
    """A role or a noun for a person: "minister", "striker", "conductor", "politician", "swimmer"."""
    if low in ROLE_NOUNS or low in SQUAD_ROLES:
        return True
    if len(low) <= 4 or low in NOT_PEOPLE or low in OUTLET_DESCRIPTORS:  # not "newspaper Het Nieuwsblad"
        return False
    return has_person_ending(low) or low.endswith(("er", "ess")) and not is_company_noun(low)


def _name_end(toks, lo, *, most, stop):
    """The end of a person's name at lo: up to `most` capitalised words or particles, none in `stop`."""
    j = lo
    while j < len(toks) and j - lo < most and (_cap_word(toks[j]) or _particle(toks, j)) and toks[j].low not in stop:
        j += 1
    return j


def _particle(toks, j):
    """A particle inside a name, between capitalised words or before one: "María José de la Fuente"."""
    return toks[j].low in NAME_PARTICLES and j + 1 < len(toks) and (_cap_word(toks[j + 1]) or _particle(toks, j + 1))


def _cap_word(t):
    return (
        t.word and t.cap and not t.poss and not t.in_quote and t.low not in DETERMINERS and not is_description(t.text)
    )


def _note_people_and_bodies(text, toks, memory):
    """People and bodies a sentence names in narration, for a later "the minister", "he", "the directorate":
    a role before a name ("Finance Minister Rogelio Cárdenas presented", "striker Omar Fathy"), a name of
    two or three words opening the sentence ("Ngozi Eze leads a team"), and a name holding an
    organisation's noun ("The Norwegian Directorate of Fisheries ordered")."""
    n = len(toks)
    for k in range(n - 2):
        if _names_a_person(toks[k].low) and not toks[k].in_quote:
            first = k + 2 if toks[k + 1].text == "." else k + 1  # "Kansas Gov. Alan Mayfield signed"
            while first + 2 < n and toks[first].low in ROLE_NOUNS and toks[first + 1].cap:
                first += 1  # "Detective Superintendent Karen Holloway": every title before the name
            j = _name_end(toks, first, most=5, stop=ORG_NOUNS)
            company = names_a_body(toks[first:j])
            if j - first >= 2 and (j == n or not toks[j].cap):
                role_lo = k - 1 if k > 0 and toks[k - 1].low in MODIFIERS else k
                while first == k + 2 and role_lo > 0 and toks[role_lo - 1].word and toks[role_lo - 1].cap:
                    role_lo -= 1  # "Environment Minister Dr. X": the whole title
                last = first - 2 if toks[first - 1].text == "." else first - 1  # the last title word
                role = text[toks[role_lo].start : toks[last].end]
                # "commodities trader Limmat Resources": a company, whose noun a later "the trader" says
                kind = "organisation" if company else "person"
                memory.add(text[toks[first].start : toks[j - 1].end], toks[first].start, toks[j - 1].end, kind, role)
    j = 0
    while j < n and j < 3 and _cap_word(toks[j]) and toks[j].low not in ORG_NOUNS and toks[j].low not in MODIFIERS:
        j += 1
    owns = any(t.low == "its" for t in toks[j : j + 4])  # "Novo Nordisk cut its forecast": a company
    opens = 2 <= j < n and toks[j].word and not toks[j].cap and toks[j].low not in ("of", "and", "&", "for")
    if opens and not owns and not any(t.low in _NOT_A_PERSON for t in toks[:j]):
        first = 1 if described_name(toks[:j]) or toks[0].low in _CONJUNCTIONS else 0  # "Farmer Nilar", "But X"
        memory.add(text[toks[first].start : toks[j - 1].end], toks[first].start, toks[j - 1].end, "person", None)
    _note_named_in_apposition(text, toks, memory)
    _note_ages(text, toks, memory)
    _note_owned_people(text, toks, memory)
    _note_people_as_a_group(text, toks, memory)
    k = 0
    while k < n:
        j = k
        while j < n and j - k < 10 and _in_body_name(toks, j, k):
            j += 1
        run = toks[k - 1 : j] if k > 0 and toks[k - 1].poss and toks[k - 1].cap else toks[k:j]  # "Kenya's Ministry"
        if names_a_body(run) and run[-1].low not in ("of", "for"):
            ent = memory.add(text[run[0].start : run[-1].end], run[0].start, run[-1].end, "organisation", None)
            company = any(t.low in COMPANY_SUFFIXES for t in run) and run[-1].low not in PUBLIC_WORDS
            ent.is_company = ent.is_company or company  # (not "Energy Pricing Board")
        k = max(j, k + 1)


def _in_body_name(toks, j, k):
    """Whether toks[j] goes on the name of a body begun at k: a capitalised word, "of"/"for"/"and" before
    one, a possessive before one ("Dockworkers' Union")."""
    t = toks[j]
    if _cap_word(t):
        return True
    if t.text == "," and j > k and comma_in_a_name(toks, j):
        return True  # "Ministry of Health, Labour and Welfare"
    linking = (t.low in ("of", "for", "and") and j > k) or (t.poss and t.cap)
    linking = linking or (t.text in "'’" and j > k and toks[j - 1].low.endswith("s"))
    return linking and j + 1 < len(toks) and _cap_word(toks[j + 1])


def _note_owned_people(text, toks, memory):
    """ "Kazakhstan's Yerlan Abdrakhmanov beat Chile's Matías Echenique": a country's person, by name."""
    n = len(toks)
    for k in range(n - 2):
        if not toks[k].poss or toks[k].in_quote:  # a country's or a body's: "the ruling party's Gladys Banegas"
            continue
        j = _name_end(toks, k + 1, most=4, stop=_NOT_NAMES)
        if j - k >= 3 and (j == n or toks[j].word and not toks[j].cap):
            start, end = toks[k + 1].start, toks[j - 1].end
            memory.add(text[start:end], start, end, "person", None)


# Plural nouns for people, as a group opening a sentence: "Taxi drivers blocked roads", "Residents said".
_PEOPLE_ENDINGS = ("ers", "ors", "ists", "men", "ants", "ents", "ians")


def _note_people_as_a_group(text, toks, memory):
    """People as a group opening a sentence in narration ("Taxi drivers blocked roads ..."), for a later
    "they said": a plural noun for people among the first three words, a verb (a lowercase word, not a
    preposition) after it."""
    for j in range(min(3, len(toks) - 1)):
        t, after = toks[j], toks[j + 1]
        if not t.word or t.in_quote:
            return
        if t.cap and j > 0:
            return  # "Atlantic Hydrogen Partners said": a name's last word, not people
        if t.low in ANON_NOUNS or t.low == "groups" or len(t.low) > 4 and t.low.endswith(_PEOPLE_ENDINGS):
            # (not a post: "Unit head X", "Family spokesman X")
            if after.word and not after.cap and after.low not in _NOT_A_VERB and after.low not in ROLE_NOUNS:
                memory.add(text[toks[0].start : t.end], toks[0].start, t.end, "anonymous", None)
            return


_NOT_A_VERB = word_set("of in from and at on for with near")


def _note_ages(text, toks, memory):
    """ "<Name>, 61," gives the person an age, for a later "the 61-year-old"."""
    for k in range(2, len(toks) - 2):
        if toks[k].text.isdigit() and len(toks[k].text) == 2 and toks[k - 1].text == "," and toks[k + 1].text == ",":
            j = k - 1
            while j > 0 and _cap_word(toks[j - 1]):
                j -= 1
            described = j == 0 and described_name(toks[j : k - 1])  # "Harvester Darmansyah, 35,": one name
            if described:
                j += 1
            while k - 1 - j > 2 and (toks[j].low in ROLE_NOUNS or j == 0 and opens_with_description(toks[j].low)):
                j += 1  # "Picker Claudine Irakoze, 34,", "Governor Ana Ruiz, 61,": the title is not the name
            if k - 1 - j >= 2 or described and k - 1 - j == 1:
                start, end = toks[j].start, toks[k - 2].end
                memory.add(text[start:end], start, end, "person", None).age = toks[k].text


def _note_named_in_apposition(text, toks, memory):
    """ ", <First Last>," after a phrase naming a role: "the head of the national grid operator, Juma
    Kisanga,", "her training partner, Lilla Szőke." — a person with that role."""
    n = len(toks)
    for k in range(1, n - 2):
        if toks[k].text != "," or toks[k].in_quote:
            continue
        lo = past_title(toks, k + 1)
        j = _name_end(toks, lo, most=4, stop=ORG_NOUNS)
        if j - lo < 2 or j >= n or toks[j].text not in ",." or toks[j - 1].low in COMPANY_SUFFIXES:
            continue
        phrase = [t for t in toks[max(k - 7, 0) : k] if t.word]
        roles = [t for t in phrase if _names_a_person(t.low) and not t.cap]
        if roles and not any(t.low in GAZETTEER for t in toks[k + 1 : j]):
            first = lo + 1 if j - lo > 2 and toks[lo].low in ROLE_NOUNS else lo  # "Captain Ioannis Petrou"
            start, end = toks[first].start, toks[j - 1].end
            title = toks[k + 1].text if first > k + 1 else None
            memory.add(text[start:end], start, end, "person", roles[0].text, title=title)


def _name_run(toks, lo):
    """End of a run of 1-4 capitalised words at lo that could name an organisation (lo if none)."""
    j = lo
    while j < len(toks) and j - lo < 5:
        t = toks[j]
        if j > lo and particle_inside(toks, j):
            j += 1  # "Bangko Sentral ng Pilipinas"
            continue
        if not (t.word and t.cap and not t.poss and not t.in_quote) or t.low in ORG_NOUNS or t.low in MODIFIERS:
            break
        if t.low in ROLE_NOUNS or t.low in DETERMINERS or t.low in DAYS_MONTHS:
            break
        if is_description(t.text):
            break  # "Far-right", "Pro-Kremlin": adjectives
        j += 1
    if j == lo + 1 and toks[lo].low in GAZETTEER:
        return lo  # "Russia expanded its ...": a place, not an organisation
    return j
