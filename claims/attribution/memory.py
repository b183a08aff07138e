"""The article memory: the speakers and organisations met so far, for resolving back-references."""

import re
from functools import cache, lru_cache

from claims.names import normalise_name

from .lexicon import (
    COMPANY_SUFFIXES,
    GAZETTEER,
    GROUP_WORDS,
    NOUN_GENDERS,
    PUBLIC_WORDS,
    ROLE_NOUNS,
    TITLE_NOUNS,
    is_company_noun,
)
from .tokens import is_description


class _Entity:
    __slots__ = (
        "age",
        "end",
        "gender",
        "gender_guessed",
        "place",
        "is_company",
        "is_group",
        "is_place",
        "is_public",
        "key",
        "kind",
        "last",
        "name",
        "nouns",
        "role",
        "start",
        "title",
    )

    def __init__(self, name, start, end, kind, role, last):
        self.name, self.start, self.end, self.kind, self.role = name, start, end, kind, role
        words = name.lower().split()
        self.is_group = any(w in GROUP_WORDS for w in words)
        self.is_place = name.lower() in GAZETTEER
        self.is_public = any(w in PUBLIC_WORDS for w in words)
        # (not "Energy Pricing Board": a public body's noun ends it)
        self.is_company = any(w in COMPANY_SUFFIXES for w in words) and words[-1] not in PUBLIC_WORDS
        self.last = last
        self.nouns = ()  # what narration called a body: "club" of "football club X", for "the club"
        self.title = None  # "Commissioner" of "the police chief, Commissioner X,": for "the commissioner"
        self.age = None  # "Serik Nurtayev, 61,": for a later "the 61-year-old"
        self.gender = None  # "m" or "f" once the article says ("... his ...", "spokeswoman"): for "he"/"she"
        self.gender_guessed = False  # from a pronoun after the name, which may have meant someone else
        self.place = None  # (sentence, offset) where a sentence last named this person, for "he"/"she"
        key = normalise_name(name).split()
        self.key = key  # the name's words, normalised, for the lookups by part of a name


class Memory:
    """Speakers met so far, for resolving back-references."""

    def __init__(self, text):
        self.text = text
        self.entities = {}  # normalised name -> _Entity
        self.sentence_clock = 0  # the clock when the sentence being read began
        self.clock = 0
        # Organisations named only in narration ("Novo Nordisk cut its forecast", "Real Madrid forward X"):
        # (clock, name, start, end), consulted only for "the company" / "the club".
        self.narrated = []
        self.by_name_word = {}  # a word of a name, normalised -> the entities whose names hold it
        self.issued = {}  # a document's noun -> who issued it: "Kenya's Ministry of Interior issued a statement"
        self.by_role_word = {}  # a word of a role or a title -> the entities holding it, for "the tourism minister"
        self.by_noun = {}  # a noun narration called a body by ("club") -> those bodies, for "the club"

    def add(self, name, start, end, kind, role, title=None):
        self.clock += 1
        key = normalise_name(name)
        ent = self.entities.get(key)
        if ent is None:
            # The source points at where the full name first appears (in the last 20,000 characters: a
            # transcript's thousands of names stay cheap to note).
            first = self.text.find(name, max(0, start - _LOOK_BACK), start)
            if 0 <= first < start:
                start, end = first, first + len(name)
            ent = self.entities[key] = _Entity(name, start, end, kind, None, self.clock)
            for word in ent.key:
                self.by_name_word.setdefault(word, []).append(ent)
            if role:
                self.give_role(ent, role)
        else:
            self._met_again(key, ent)
            if role and not ent.role:
                self.give_role(ent, role)
        if title and not ent.title:
            ent.title = title
            self._index_role(ent, title)
        return ent

    def give_role(self, ent, role):
        """A role learnt for the entity ("Chile's health minister, X," or "X, a spokesman for Y, said")."""
        ent.role = role
        self._index_role(ent, role)

    def _index_role(self, ent, words):
        for word in words_of(words):
            self.by_role_word.setdefault(word, []).append(ent)

    def holding(self, words):
        """The entities whose role or title holds one of `words`."""
        return list({id(e): e for word in words for e in self.by_role_word.get(word, ())}.values())

    def called(self, noun):
        """The entities whose name holds `noun` as a word, or that narration called by it ("football club X")."""
        return [*self.by_name_word.get(noun, ()), *self.by_noun.get(noun, ())]

    def add_body(self, name, start, end):
        """The organisation named at start..end. A run of capitals met earlier and taken for a person's name
        (no role said so) becomes one: the text now says what it only looked like."""
        ent = self.add(name, start, end, "organisation", None)
        if ent.kind == "person" and not ent.role:
            ent.kind = "organisation"
        return ent

    def note_company(self, name, start, end, noun=None):
        """A company or other body named in narration after its noun ("carmaker Stellantis", "housing
        association Eemland Wonen"), for a later "the company said" or "the association said"."""
        ent = self.add_body(name, start, end)
        if noun is None:
            ent.is_company = True
        else:
            self.call_by(ent, noun)
        return ent

    def call_by(self, ent, noun):
        """A noun narration called a body by ("the largest police union"), for a later "the union said"."""
        ent.is_company = ent.is_company or is_company_noun(noun)
        ent.is_group = ent.is_group or noun in GROUP_WORDS
        if noun not in ent.nouns:
            ent.nouns += (noun,)
            self.by_noun.setdefault(noun, []).append(ent)

    def named_in_text(self, noun, before):
        """The body that the text, before `before`, names with `noun` as a word of its name ("Spokane
        International Airport" for "the airport") or as the noun of a country's body ("Paraguay's central
        bank" for "the bank"), made an entity; or None."""
        found = None
        for match in _named_with(noun).finditer(self.text, max(0, before - 3_000), before):
            name = match.group().removeprefix("The ")
            if name != noun.capitalize():  # not "The Airport" opening a sentence
                found = name, match.end() - len(name), match.end()
        return self.add(*found, "organisation", None) if found else None

    def note_narrated(self, name, start, end):
        self.narrated.append((self.clock, name, start, end))

    def narrated_company(self, after):
        """The latest organisation named in narration since clock `after`, made an entity; or None."""
        if not self.narrated or self.narrated[-1][0] < after:
            return None
        _, name, start, end = self.narrated[-1]
        ent = self.add(name, start, end, "organisation", None)
        ent.is_company = True
        return ent

    def touch(self, ent):
        self.clock += 1
        self._met_again(normalise_name(ent.name), ent)
        return ent

    def _met_again(self, key, ent):
        """The entity met at this clock: moved to the end, so self.entities runs from the least recent."""
        ent.last = self.clock
        self.entities[key] = self.entities.pop(key)

    def recent(self, predicate):
        """The most recently met entity that satisfies `predicate`, or None."""
        return next((ent for ent in reversed(self.entities.values()) if predicate(ent)), None)

    def pronoun_person(self, gender):
        """Whom "he" or "she" means: of the people of that gender (or none known) that the latest such
        sentence named, the one it named first, its subject as a rule ("Coach X left striker Y out. She
        told reporters ..." is X)."""
        here = [e for e in self.met_since(self.sentence_clock) if e.kind == "person" and e.gender in (None, gender)]
        if here:  # "Doctor X said ..., though he cautioned": the sentence's own person, its subject first
            return here[-1]
        for e in reversed(self.entities.values()):
            if e.kind == "person":
                break
            if e.kind == "anonymous" and gender and gender in {NOUN_GENDERS.get(w) for w in e.name.lower().split()[:3]}:
                return e  # "A woman who fled to Dar Tongo said ... She said": the unnamed person met since
        people = [e for e in reversed(self.entities.values()) if e.kind == "person" and e.gender in (None, gender)]
        if not people:  # "Dr. X said he would be operated on. She added ...": the "he" was someone else
            people = [e for e in reversed(self.entities.values()) if e.kind == "person" and e.gender_guessed]
        placed = [e for e in people if e.place is not None]
        if not placed:
            return people[0] if people else None
        latest = max(e.place[0] for e in placed)
        named = [e for e in placed if e.place[0] == latest]
        return min(named, key=lambda e: e.place[1])

    def met_since(self, clock):
        """The entities met after `clock`, the latest first."""
        for ent in reversed(self.entities.values()):
            if ent.last <= clock:
                return
            yield ent

    def by_tail(self, name):
        """A person whose full name ends with these words: a surname ("Yusov"), a hyphenated one
        ("Kertész-Varga" is two words once normalised), several ("Le Pen" -> "Marine Le Pen")."""
        key = normalise_name(name).split()
        if not key:
            return None
        found = self._latest(
            self.by_name_word.get(key[-1], ()),
            lambda e: e.kind == "person" and len(e.key) > len(key) and e.key[-len(key) :] == key,
        )
        if found is None and len(key) > 1:  # several words of a name noted as a body's ("publisher X Y Z")
            found = self._latest(
                self.by_name_word.get(key[-1], ()),
                # not a body noted with the noun that opened its sentence ("Manufacturer Haldane Pharma")
                lambda e: (
                    len(e.key) > len(key)
                    and e.key[-len(key) :] == key
                    and e.kind != "anonymous"  # a description ("Farmer X Y") is no name
                    and not is_company_noun(e.key[0])
                ),
            )
        if found is None:  # the first of two surnames: "Matamoros" for Rodrigo Matamoros Funes, "De la Espriella"
            found = self._latest(
                self.by_name_word.get(key[-1], ()),
                lambda e: e.kind == "person" and len(e.key) >= len(key) + 2 and e.key[-len(key) - 1 : -1] == key,
            )
        return found

    def written_first(self, surname, start):
        """(full name, start, end) where the text, before `start`, last writes `surname` before a hyphenated
        given name, the family name first: "Kwon Na-rae", "Yoo Byung-chan" for a later "Kwon"."""
        found = list(_surname_first(surname).finditer(self.text, max(0, start - _LOOK_BACK), start))
        return (found[-1].group(), found[-1].start(), found[-1].end()) if found else None

    def written_before(self, name, start):
        """(full name, start, end) where the text, before `start`, first writes `name` (two words or more)
        after a given name, noted or not: "sentenced Rigoberto Chamalé Us to six years" for "Chamalé Us"."""
        text = self.text
        at = text.find(name, max(0, start - _LOOK_BACK), start)
        while at != -1:
            end = at + len(name)
            given = _WORD_BEFORE.search(text, max(0, at - 40), at)
            whole = end == len(text) or not (text[end].isalnum() or text[end] in "'’-")
            initials = not given or not given.group(1).endswith(".") or _INITIALS.fullmatch(given.group(1))
            word = given.group(1) if given else ""
            given_name = word[:1].isupper() and word not in _NOT_GIVEN_NAMES and not is_description(word)
            if given and whole and initials and given_name:  # not "Khaimah-based" of "Khaimah-based Jazira Wings"
                first = self._given_names_before(given.start(1))
                return text[first:end], first, end
            at = text.find(name, end, start)
        return None

    def _given_names_before(self, at):
        """Where a name's given names start, up to two more before `at`: "Nelly" of "Nelly Jepchirchir
        Kosgei-Bett"; never a title ("Mayor Ana Ruiz") or a word opening a clause ("In", "The")."""
        for _ in range(2):
            given = _WORD_BEFORE.search(self.text, max(0, at - 40), at)
            word = given.group(1) if given else ""
            if not word[:1].isupper() or word in _NOT_GIVEN_NAMES or word.endswith((".", "'s", "’s")):
                break
            if word.lower() in ROLE_NOUNS or word.lower() in TITLE_NOUNS or is_description(word):
                break
            at = given.start(1)
        return at

    def by_head(self, name, words=2):
        """A person whose full name starts with these `words` or more words: "Ahmad Faizal" -> "Ahmad Faizal
        bin Hashim" (names with no surname to go by); from two words on, an organisation too ("Silver Sage"
        -> "Silver Sage Minerals")."""
        key = normalise_name(name).split()
        if len(key) < words:
            return None
        kinds = ("person", "organisation") if len(key) > 1 else ("person",)
        return self._latest(
            self.by_name_word.get(key[0], ()),
            lambda e: e.kind in kinds and len(e.key) > len(key) and e.key[: len(key)] == key,
        )

    def by_acronym(self, word):
        """An organisation whose name's words spell `word` by their first letters or first few ("WFP" for
        "World Food Programme", "ECOWAS" for "Economic Community of West African States", "PAGASA")."""
        return self.recent(lambda e: e.kind == "organisation" and len(e.name.split()) > 1 and _spelt(word, e.name))

    def _bracketed(self, acronym):
        """The organisation whose name the text writes right before "(ACRONYM)", met from now on."""
        at = self.text.find(f"({acronym})")
        if at < 1:
            return None
        words = self.text[max(0, at - 120) : at].split()
        start = len(words)
        while start > 0 and (words[start - 1][0].isupper() or words[start - 1] in _SMALL) and len(words) - start < 8:
            if words[start - 1].endswith(",") and words[start].lower() in ("the", "a", "an"):
                break  # "since January, the National Institute of ... (INGV)": the name starts after the comma
            start -= 1
        while start < len(words) and words[start].lower() in _SMALL:
            start += 1  # "the National Labour Federation", "The ...": from its first word of the name
        if start == len(words):
            return None
        name = " ".join(words[start:]).rstrip(",")
        begin = self.text.rfind(name, 0, at)
        return self.add(name, begin, begin + len(name), "organisation", None) if begin >= 0 else None

    def by_short_form(self, word):
        """An organisation named by one word of its name: "Tacuarí" for "Banco Tacuarí"."""
        return self._latest(
            self.by_name_word.get(normalise_name(word), ()), lambda e: e.kind == "organisation" and len(e.key) > 1
        )

    @staticmethod
    def _latest(entities, predicate):
        """The most recently met of `entities` that satisfies `predicate`, or None."""
        return max((e for e in entities if predicate(e)), key=lambda e: e.last, default=None)

    def by_word(self, word):
        """A one-word mention: a surname ("Yusov"), else an acronym of a known organisation ("NATO", "AfDB")
        or of one the text wrote it after ("the National Labour Federation (FNT)")."""
        ent = self.by_tail(word)
        capitals = sum(c.isupper() for c in word)
        acronym = word.isalpha() and capitals >= 2 and 2 * capitals >= len(word)  # "WFP", "AfDB"; not "McDonald"
        if ent is None and acronym:
            ent = self.by_acronym(word) or self._bracketed(word)
        if ent is None and not word.isupper():
            ent = self.by_short_form(word)
        if ent is None and not word.isupper():  # "Azlan said" for Azlan Hamidi: the given name, where used
            ent = self.by_head(word, words=1)
        return ent


_ACCENTED = {c: f"[{c}{more}]" for c, more in zip("aeiounc", ("áàâäã", "éèêë", "íìîï", "óòôöõ", "úùûü", "ñ", "ç"))}
# How far back in the text the memory looks for a name: a transcript's thousands of names stay cheap to look up.
_LOOK_BACK = 20_000


@lru_cache(maxsize=256)
def _named_with(noun):
    """Two or more capitalised words one of which is `noun` ("Spokane International Airport", "Bank of
    Ghana", "Unión Tranviarios Automotor"), or a country's possessive, up to three lowercase words and
    `noun` ("Paraguay's central bank")."""
    word = "".join(_ACCENTED.get(c, re.escape(c)) for c in noun.capitalize())  # "Unión" for "union" too
    capital = r"[A-Z](?:[\w’'&-]|\.(?=\w))*"  # "U.S." inside, not "Saturday." ending a sentence
    run = rf"(?:{capital} ){{1,5}}{word}\b|{word}(?: (?:of|for)(?: the)?)?(?: {capital})+"
    owned = rf"{capital}['’]s (?:[a-z][\w-]* ){{0,3}}{re.escape(noun)}\b"
    return re.compile(rf"(?<![\w’'-])(?:{run}|{owned})")


@lru_cache(maxsize=4096)
def words_of(text):
    """The words of a name, a role or a title, in lowercase, an abbreviated title's noun with them ("Prof"
    is also "professor")."""
    words = frozenset(re.findall(r"\w+", text.lower()))
    return words | {TITLE_NOUNS[w] for w in words if w in TITLE_NOUNS}


@lru_cache(maxsize=4096)
def _surname_first(surname):
    return re.compile(rf"(?<![\w-]){re.escape(surname)} [A-Z][a-z]+-[a-z]+\b")


# The word right before a name, ending one space before it.
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([\w'’.-]+) $")  # "Rigoberto", "R.T."


# Capitalised words before a name that are no part of it.
_NOT_GIVEN_NAMES = frozenset("The A An In On At By For Of And But With As To From".split())


_SMALL = frozenset({"of", "the", "for", "and", "on", "in", "by", "to", "at", "de", "la", "&"})


@lru_cache(maxsize=65_536)
def _spelt(acronym, name):
    """spells, remembered: a long article asks it of the same names again and again."""
    return spells(acronym, name)


def spells(acronym, name):
    """Whether the capitalised words of `name`, in order, spell `acronym` by one or more first letters
    each (small words may give a letter or none)."""
    words = [w.strip("(),.'’") for w in re.split(r"[\s-]+", name) if w.strip("(),.'’")]
    owner = next((k for k, w in enumerate(words) if re.search(r"['’]s$", w)), None)
    if owner is not None and spells(acronym, " ".join(words[owner + 1 :])):
        return True  # "South Africa's National Nuclear Regulator" is the NNR
    acronym = acronym.lower()

    @cache
    def spell(i, j):  # acronym[i:] from words[j:]
        if j == len(words):
            return i == len(acronym)
        word = words[j].lower()
        small = word in _SMALL
        if small and spell(i, j + 1):
            return True
        return any(acronym[i : i + k] == word[:k] and spell(i + k, j + 1) for k in range(1, min(3, len(word)) + 1))

    return spell(0, 0)
