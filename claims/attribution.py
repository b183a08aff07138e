"""Attribution suggestions: who said what, in which words, through which channel.

suggest_attributions(text, language) -> [Suggestion, ...], sorted by content_start.

Pure functions, standard library only, no Django imports. Rule-based: the text is
split into sentences (claims.segmentation), each sentence into word and
punctuation tokens; a lexicon of reporting cues ("said", "told", "according to",
"purporting to show", ...) anchors each attribution; the speaker is the noun
phrase next to the cue (before it: "Yusov said"; after it: ", said Yusov"), the
claim is the clause on the other side, and short lexicons of roles,
organisations and channels do the rest. Back-references ("Peskov", "the
intelligence official", "the group", "he") resolve against the speakers met
earlier in the same text. docs/attribution.md describes the span convention
and the measured precision and recall.

Every regex here is a flat tokenizer; the work per sentence is a few passes
over its tokens, so the whole is linear in the length of the text.
"""

import re
from dataclasses import dataclass

from claims.names import normalise_name
from claims.segmentation import split_sentences


@dataclass(frozen=True)
class Suggestion:
    content_start: int  # the claim: text[content_start:content_end]
    content_end: int
    source_text: str  # the mention that names the source (resolved full name)
    source_start: int
    source_end: int
    cue_text: str  # "said", "told", "according to", "purporting to show"
    cue_start: int
    cue_end: int
    channel_text: str | None  # "Suspilne", "Telegram", "TASS", "statement", "video"
    channel_start: int | None
    channel_end: int | None
    source_kind: str  # "person" | "organisation" | "anonymous"
    role_text: str | None  # "spokesperson for Ukraine's military intelligence"
    mention_text: str  # the speaker as written at this claim: "the intelligence official"
    mention_start: int
    mention_end: int
    hedged: bool  # allegedly, reportedly, claimed to, purporting to...
    nested: bool  # a claim inside a claim, or inside narration ("soldiers who claimed to...")
    sentence_start: int
    sentence_end: int
    confidence: float


# --- Lexicons ----------------------------------------------------------------
# All compared lowercased.


def _words(s):
    return frozenset(s.split())


# Cue verb forms -> lemma.
_CUE_VERBS = {}
for _line in """
say says said saying
tell tells told telling
claim claims claimed claiming
add adds added adding
explain explains explained explaining
deny denies denied denying
write writes wrote writing
post posts posted posting
announce announces announced announcing
insist insists insisted insisting
warn warns warned warning
argue argues argued arguing
report reports reported reporting
state states stated stating
note notes noted noting
confirm confirms confirmed confirming
allege alleges alleged alleging
admit admits admitted admitting
acknowledge acknowledges acknowledged acknowledging
stress stresses stressed stressing
emphasise emphasises emphasised emphasising
emphasize emphasizes emphasized emphasizing
caution cautions cautioned cautioning
estimate estimates estimated estimating
predict predicts predicted predicting
reveal reveals revealed revealing
testify testifies testified testifying
reply replies replied replying
assert asserts asserted asserting
declare declares declared declaring
tweet tweets tweeted tweeting
suggest suggests suggested suggesting
maintain maintains maintained maintaining
concede concedes conceded conceding
rule rules ruled
""".strip().splitlines():
    _forms = _line.split()
    for _form in _forms:
        _CUE_VERBS[_form] = _forms[0]

# Verbs whose object must be a clause ("added that...", not "added a third goal").
_CLAUSE_ONLY = _words(
    "add announce note state write post reveal estimate predict suggest maintain declare "
    "stress emphasise emphasize testify reply tweet explain acknowledge argue caution assert concede "
    "rule insist"
)
# Objects that make "claimed/denied/confirmed X" an event, not a statement.
_EVENT_OBJECTS = _words(
    "title titles victory win wins lives life gold silver bronze medal medals seat seats trophy crown "
    "cup prize place spot record points point lead top championship pole bail entry access permission "
    "visa visas request appeal application motion"
)
_PARTICIPLE_CUES = _words(
    "saying claiming adding insisting warning arguing noting stating explaining denying alleging "
    "confirming asserting stressing emphasising emphasizing writing telling"
)
# Media that can carry a claim: "a video purporting to show", "a statement saying".
_MEDIA = _words(
    "statement video videos footage post posts clip images image photos photo pictures message letter "
    "report tweet broadcast speech interview ruling filing address recording"
)
_MEDIA_VERBS = _words("published posted released issued shared put aired broadcast circulated")
_SHOW_WORDS = _words("showing show shows")

_HEDGES = _words(
    "allegedly alleged purportedly purported reportedly supposedly apparently unverified unconfirmed"
)

_DETERMINERS = _words("the a an this these those its his her their our another some any")
_PRONOUNS = {"he": "person", "she": "person", "they": "plural", "it": "organisation"}
_AUX = _words(
    "has have had is are was were be been being am do does did will would can could should may might "
    "must shall"
)
_PASSIVE = _words("is are was were be been being get gets got")
_NEGATIONS = _words("not n't never no without cannot")
_SKIPPABLE = _words(
    "also previously later earlier again repeatedly recently once then still further separately "
    "publicly privately initially originally first subsequently has have had reportedly allegedly "
    "already just now only quickly immediately yesterday today"
)
# Words that cannot be inside a subject noun phrase.
_BREAKS = _words(
    "that which who whom whose where when while if as because since than and or but nor so yet to in "
    "on by with from into onto over under after before during about against between through without "
    "within across is are was were be been being am has have had do does did will would can could "
    "should may might must shall not there here then what how why also however although though "
    "despite until unless once whether"
) | frozenset(form for form, lemma in _CUE_VERBS.items() if form != lemma) | _AUX
_INTRO_WORDS = _words(
    "earlier later meanwhile in on at after before during speaking separately also however but and then "
    "since while when asked last this on"
)

# Nouns that name a speaker.
_ROLE_NOUNS = _words(
    """
    spokesperson spokesman spokeswoman spokespeople official minister governor mayor president
    chancellor premier secretary senator congressman congresswoman representative rep sen gov judge
    justice prosecutor attorney lawyer chief director executive ceo cfo chairman chairwoman chair head
    leader commander general gen colonel col lt captain capt coach manager economist analyst scientist
    researcher professor prof astronomer epidemiologist doctor dr mr mrs ms sir dame lord lady king
    queen prince princess pope bishop archbishop cardinal author editor ambassador envoy adviser
    advisor diplomat negotiator auditor inspector officer sheriff commissioner founder owner striker
    goalkeeper player midfielder defender deputy vice aide expert lawmaker mp mep councillor councilor
    candidate activist nurse teacher engineer investor strategist historian physicist biologist
    chemist surgeon physician psychologist sociologist curator architect pilot detective sergeant
    superintendent constable marshal admiral major lieutenant brigadier ombudsman regulator speaker
    whip monarch sheikh emir ayatollah rabbi imam priest pastor separatist
    """
)
_ORG_NOUNS = _words(
    """
    group ministry department government administration agency office company firm corporation corps
    legion army military navy force forces police service council commission committee parliament
    court tribunal party union association federation fund bank club team league foundation institute
    university authority authorities board organisation organization movement front brigade battalion
    militia coalition alliance network media outlet newspaper broadcaster station kremlin pentagon
    embassy campaign school hospital regulator watchdog operator airline carrier manufacturer maker
    retailer insurer lender exchange inc corp ltd plc llc ag gmbh sa se foods motors airlines energy
    holdings industries technologies systems pharmaceuticals capital partners house cabinet senate
    congress assembly duma rada presidency secretariat directorate command headquarters staff
    prosecutor's ngo charity trust society institution centre center laboratory lab observatory
    """
)
_GROUP_WORDS = _words(
    "group legion corps brigade battalion militia movement front army coalition alliance network "
    "organisation organization unit wagner"
)
_ANON_NOUNS = _words(
    """
    source sources people person officials witness witnesses resident residents soldier soldiers
    activists analysts experts diplomats insider insiders employee employees worker workers officers
    researchers scientists critic critics supporters opponents lawmakers prosecutors investigators
    investigator doctors agencies organisers organizers fans parents students teachers farmers locals
    villagers survivors victims relatives family families unit defendant plaintiff victim man woman
    official spokesperson spokesman spokeswoman
    """
)
_PUBLIC_WORDS = _words(
    "ministry department government administration agency office commission council court police "
    "kremlin house parliament authority army military force forces service committee senate congress "
    "cabinet presidency union association federation party"
)
_COMPANY_SUFFIXES = _words(
    "inc corp ltd plc llc ag gmbh sa se nv foods motors airlines energy holdings industries "
    "technologies systems pharmaceuticals capital partners bank"
)
_NOBLE_TITLES = _words("lord lady sir dame baroness baron")
# Common nouns put in front of a company's name: "carmaker Stellantis".
_COMPANY_NOUNS = _words(
    "company firm carmaker automaker chipmaker retailer airline carrier bank lender insurer startup "
    "conglomerate giant maker manufacturer broadcaster publisher club team operator supplier developer "
    "contractor subcontractor builder consultancy"
)
# Positions in front of a player's or coach's name: "Real Madrid forward Kylian Mbappé".
_SQUAD_ROLES = _words("forward winger striker midfielder defender goalkeeper coach manager captain")
# Generic words that say nothing about which person a description means.
_GENERIC_ROLE = _words("official the a an of for 's former")
_MODIFIERS = _words(
    """
    foreign defence defense interior finance health economy economic prime deputy chief former senior
    military intelligence state state-owned federal regional local national western eastern
    northern southern public private independent top junior acting interim commerce trade justice
    education energy environment transport labour labor home general human rights police fire air
    emergency security armed naval separatist opposition ruling central city county district
    """
)
_GAZETTEER = _words(
    """
    kyiv kiev moscow washington beijing london paris berlin brussels tokyo warsaw ankara tehran
    jerusalem minsk tbilisi budapest rome madrid vienna ottawa canberra delhi islamabad seoul
    pyongyang taipei damascus baghdad cairo riyadh doha kremlin pentagon ukraine russia china
    america britain germany france poland israel iran turkey japan india nato eu un who imf
    """
)
_DAYS_MONTHS = _words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec"
)
_TIME_WORDS = _words(
    "yesterday today tonight earlier later previously recently again also repeatedly separately publicly "
    "privately initially then afterwards overnight"
)
_PLATFORMS = {
    "telegram": "Telegram", "x": "X", "twitter": "Twitter", "facebook": "Facebook",
    "instagram": "Instagram", "tiktok": "TikTok", "youtube": "YouTube", "whatsapp": "WhatsApp",
    "weibo": "Weibo", "vkontakte": "VKontakte", "vk": "VK", "linkedin": "LinkedIn",
    "bluesky": "Bluesky", "threads": "Threads", "truth": "Truth Social", "signal": "Signal",
}
# Two-word media first: "press conference" before "conference".
_MEDIA_PHRASES = [
    ("press", "conference"), ("news", "conference"), ("press", "release"), ("conference", "call"),
    ("press", "briefing"), ("news", "briefing"), ("televised", "address"), ("social", "media"),
    ("state", "television"), ("state", "tv"), ("video", "address"), ("video", "message"),
    ("radio", "interview"), ("television", "interview"), ("tv", "interview"), ("earnings", "call"),
    ("blog", "post"), ("news", "release"), ("radio", "address"),
]
_MEDIA_SINGLE = _words(
    "statement video footage post interview briefing letter speech ruling filing tweet address message "
    "email podcast broadcast memo report judgment judgement verdict call television radio website "
    "blog newsletter"
)
_OUTLET_DESCRIPTORS = _words(
    """
    news outlet media agency newspaper broadcaster channel radio tv television station daily weekly
    magazine website site state-owned state public private independent online journal wire service
    network programme program show another the a an its their his her regular weekly daily
    investigative business financial local national regional broadcast
    """
)
_RECIPIENTS = _words(
    "reporters journalists analysts investigators lawmakers parliament jurors the court lawmakers "
    "senators mps delegates supporters students an audience crowd residents viewers listeners readers "
    "colleagues staff employees members shareholders investors officials police a told council committee panel"
)
_ADJ_SUFFIXES = ("ian", "ean", "ese", "ish", "ch", "an", "i")
# A narrator's comment hanging off the end of a claim: ", a claim that could not be verified".
_COMMENT_STARTS = _words("a an which something this")
_COMMENT_HEADS = _words("claim claims assertion allegation charge statement figure account")

_QUOTE_OPEN = "“«„‘"
_QUOTE_CLOSE = "”»"
_QUOTES = "\"“”«»„"
_TRIM = " \t\r\n\"“”‘’«»„‹›,;:."

_TOKEN_RE = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")


# --- Tokens ------------------------------------------------------------------


class _Tok:
    __slots__ = ("start", "end", "text", "low", "cap", "word", "poss", "in_quote", "acronym")

    def __init__(self, m, in_quote):
        self.start, self.end = m.span()
        self.text = m.group()
        self.low = self.text.lower()
        first = self.text[0]
        self.word = first.isalnum()
        self.cap = first.isupper()
        self.poss = self.low.endswith(("'s", "’s"))
        self.in_quote = in_quote
        # "WHO", "US": a name even when it spells a function word.
        self.acronym = len(self.text) > 1 and self.text.isupper() and self.text.isalpha()


def _tokenize(text, start, end, in_quote):
    """Tokens of text[start:end]; in_quote says whether a quotation is open at start."""
    toks = []
    for m in _TOKEN_RE.finditer(text, start, end):
        ch = m.group()
        if ch in _QUOTES:
            if ch in _QUOTE_OPEN:
                opening = True
            elif ch in _QUOTE_CLOSE:
                opening = False
            else:  # a straight quote: opening unless a quotation is open
                opening = not in_quote
            tok = _Tok(m, False)
            toks.append(tok)
            in_quote = opening
            continue
        toks.append(_Tok(m, in_quote))
    return toks, in_quote


def _is_quote(tok):
    return tok.text in _QUOTES


# --- Entities met so far -----------------------------------------------------


class _Entity:
    __slots__ = (
        "name", "start", "end", "kind", "role", "is_group", "is_place", "is_public", "is_company", "last", "surname",
    )

    def __init__(self, name, start, end, kind, role, last):
        self.name, self.start, self.end, self.kind, self.role = name, start, end, kind, role
        words = name.lower().split()
        self.is_group = any(w in _GROUP_WORDS for w in words)
        self.is_place = name.lower() in _GAZETTEER
        self.is_public = any(w in _PUBLIC_WORDS for w in words)
        self.is_company = any(w in _COMPANY_SUFFIXES for w in words)
        self.last = last
        key = normalise_name(name).split()
        self.surname = key[-1] if len(key) > 1 else None


class _Memory:
    """Speakers met so far, for resolving back-references."""

    def __init__(self, text):
        self.text = text
        self.entities = {}  # normalised name -> _Entity
        self.clock = 0
        # Organisations named only in narration ("Novo Nordisk cut its forecast", "Real Madrid forward X"):
        # (clock, name, start, end), consulted only for "the company" / "the club".
        self.narrated = []

    def add(self, name, start, end, kind, role):
        self.clock += 1
        key = normalise_name(name)
        ent = self.entities.get(key)
        if ent is None:
            # The source points at where the full name first appears.
            first = self.text.find(name)
            if 0 <= first < start:
                start, end = first, first + len(name)
            ent = self.entities[key] = _Entity(name, start, end, kind, role, self.clock)
        else:
            ent.last = self.clock
            if role and not ent.role:
                ent.role = role
        return ent

    def note_company(self, name, start, end):
        """A company named in narration ("carmaker Stellantis"), for a later "the company said"."""
        ent = self.add(name, start, end, "organisation", None)
        ent.is_company = True

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
        ent.last = self.clock
        return ent

    def recent(self, predicate):
        best = None
        for ent in self.entities.values():
            if predicate(ent) and (best is None or ent.last > best.last):
                best = ent
        return best

    def by_surname(self, word):
        key = normalise_name(word)
        return self.recent(lambda e: e.kind == "person" and e.surname == key)

    def by_tail(self, name):
        """A person whose full name ends with this multi-word surname: "Le Pen" -> "Marine Le Pen"."""
        key = normalise_name(name).split()
        return self.recent(
            lambda e: e.kind == "person" and len(e.name.split()) > len(key) and normalise_name(e.name).split()[-len(key):] == key
        )

    def by_acronym(self, word):
        def initials(e):
            parts = [w for w in e.name.split() if w[0].isupper() and w.lower() not in ("of", "the", "for")]
            return "".join(w[0] for w in parts)

        return self.recent(lambda e: e.kind == "organisation" and len(e.name.split()) > 1 and initials(e) == word)

    def by_word(self, word):
        """A one-word mention: a surname ("Yusov"), else an acronym of a known organisation ("NATO")."""
        ent = self.by_surname(word)
        if ent is None and word.isupper() and len(word) > 1:
            ent = self.by_acronym(word)
        return ent


# --- Public API --------------------------------------------------------------


def suggest_attributions(text, language="en"):
    """Suggested claims with their sources, cues and channels, sorted by content_start."""
    if not text or text.isspace():
        return []
    memory = _Memory(text)
    results = []
    in_quote = False
    prev_end = 0
    blocks = []  # runs of sentences joined by a quotation left open
    sentences = split_sentences(text, language)
    per_sentence = []
    for index, (s_start, s_end) in enumerate(sentences):
        if "\n\n" in text[prev_end:s_start] or "\n \n" in text[prev_end:s_start]:
            in_quote = False  # a new paragraph re-opens its quotation
        opened_before = in_quote
        toks, in_quote = _tokenize(text, s_start, s_end, in_quote)
        prev_end = s_end
        _note_companies(text, toks, memory)
        found = _sentence_suggestions(text, toks, s_start, s_end, memory)
        per_sentence.append(found)
        if opened_before and blocks and blocks[-1][-1] == index - 1:
            blocks[-1].append(index)
        elif in_quote:
            blocks.append([index])
    _fill_quote_blocks(text, sentences, per_sentence, blocks)
    _fill_following_quotes(text, sentences, per_sentence)
    for found in per_sentence:
        results.extend(found)
    results.sort(key=lambda s: (s.content_start, s.content_end))
    return results


# --- One sentence ------------------------------------------------------------


def _is_company_noun(low):
    return low in _COMPANY_NOUNS or (low.endswith("maker") and len(low) > 6)


def _note_companies(text, toks, memory):
    for k in range(len(toks) - 1):
        if _is_company_noun(toks[k].low) and toks[k + 1].cap and not toks[k + 1].in_quote:
            j = k + 1
            while j < len(toks) and toks[j].cap and not toks[j].poss and toks[j].word:
                j += 1
            if j - (k + 1) <= 4:
                memory.note_company(text[toks[k + 1].start : toks[j - 1].end], toks[k + 1].start, toks[j - 1].end)
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
        while r < len(toks) and r < hi + 2 and (toks[r].low in _ROLE_NOUNS or toks[r].low in _SQUAD_ROLES) and not toks[r].cap:
            r += 1
        if r > hi and r < len(toks) and toks[r].cap and toks[r].word:
            memory.note_narrated(text[toks[k].start : toks[hi - 1].end], toks[k].start, toks[hi - 1].end)
        k = hi + 1
    _note_appositions(text, toks, memory)


_APPOS_ARTICLES = _words("the a an")
_APPOS_BREAKS = _words("of for at in behind hired based that which who whose with from on by to")


def _appos_name(toks, lo):
    """End of a proper name at lo for an apposition: 1-5 capitalised words, "of" inside (lo if none)."""
    j = lo
    while j < len(toks) and j - lo < 5:
        t = toks[j]
        if t.word and t.cap and not t.poss and not t.in_quote and (t.low not in _DETERMINERS or t.acronym):
            j += 1
        elif t.low in ("of", "&") and j > lo and j + 1 < len(toks) and toks[j + 1].cap and toks[j + 1].word:
            j += 1
        else:
            break
    return j


def _appos_descriptor(toks, lo):
    """(head index, end index) of a descriptor at lo ("contractor", "city's new mayor"), or None.

    The descriptor is 1-4 words, the last a noun from the company, organisation or role lexicons;
    a post-modifier ("hired to repair the bridge", "for the family") may follow up to the comma.
    """
    j = lo
    while j < len(toks) and j - lo < 4 and toks[j].word and not toks[j].in_quote and toks[j].low not in _APPOS_BREAKS:
        if toks[j].cap and not toks[j].poss and (j + 1 >= len(toks) or not toks[j + 1].word):
            return None  # "the company, Apple" is pattern 1, a trailing name is not a descriptor
        j += 1
    if j == lo:
        return None
    head = j - 1
    if toks[head].cap or toks[head].poss:
        return None
    return head, j


def _appos_kind(low):
    if _is_company_noun(low):
        return "company"
    if low in _GROUP_WORDS:
        return "group"
    if low in _ORG_NOUNS:
        return "organisation"
    if low in _ROLE_NOUNS:
        return "person"
    return None


def _note_appositions(text, toks, memory):
    """Remember a name introduced in apposition, for later back-references.

    "The contractor, Northbank Construction, disputed ..." and "Northbank Construction, the firm hired
    to ..., said ...": the descriptor's head says what the name is (a company noun: a company; a group
    word: a group; another organisation noun: an organisation; a role noun: a person with that role).
    """
    n = len(toks)
    k = 0
    while k < n - 3:
        t = toks[k]
        if t.in_quote:
            k += 1
            continue
        # "The <descriptor>, <Name>, ..."
        if t.low in _APPOS_ARTICLES and (k == 0 or not toks[k - 1].cap):
            d = _appos_descriptor(toks, k + 1)
            if d and d[1] == d[0] + 1 and d[1] + 1 < n and toks[d[1]].text == ",":
                head, end = d
                lo = end + 1
                hi = _appos_name(toks, lo)
                if hi > lo and hi < n and toks[hi].text == "," and not (hi + 1 < n and toks[hi + 1].low in ("and", "or")):
                    _remember_apposition(text, toks, memory, lo, hi, head, k, head + 1)
                    k = hi
                    continue
        # "<Name>, the <descriptor> ...,"
        if t.word and t.cap and (k == 0 or not (toks[k - 1].cap and toks[k - 1].word)):
            lo = k + 1 if t.low in _DETERMINERS and not t.acronym else k
            hi = _appos_name(toks, lo)
            if hi > lo and hi + 2 < n and toks[hi].text == "," and toks[hi + 1].low in _APPOS_ARTICLES:
                d = _appos_descriptor(toks, hi + 2)
                if d:
                    head, end = d
                    close = end
                    while close < n and close - end < 8 and toks[close].text not in ",.;:" and not _is_quote(toks[close]):
                        close += 1
                    if close < n and toks[close].text in ",.;":
                        _remember_apposition(text, toks, memory, lo, hi, head, hi + 1, close)
                        k = close
                        continue
        k += 1


def _remember_apposition(text, toks, memory, lo, hi, head, d_lo, d_hi):
    kind = _appos_kind(toks[head].low)
    if kind is None:
        return
    if hi - lo == 1 and toks[lo].low in _GAZETTEER:
        return  # "the capital, Kyiv,": a place
    name, start, end = text[toks[lo].start : toks[hi - 1].end], toks[lo].start, toks[hi - 1].end
    if kind == "person":
        memory.add(name, start, end, "person", text[toks[d_lo].start : toks[d_hi - 1].end])
        return
    ent = memory.add(name, start, end, "organisation", None)
    if ent.kind == "organisation":
        if kind == "company":
            ent.is_company = True
        elif kind == "group":
            ent.is_group = True


def _name_run(toks, lo):
    """End of a run of 1-4 capitalised words at lo that could name an organisation (lo if none)."""
    j = lo
    while j < len(toks) and j - lo < 4:
        t = toks[j]
        if not (t.word and t.cap and not t.poss and not t.in_quote) or t.low in _ORG_NOUNS or t.low in _MODIFIERS:
            break
        if t.low in _ROLE_NOUNS or t.low in _DETERMINERS or t.low in _DAYS_MONTHS:
            break
        if "-" in t.text and t.text.split("-")[-1].islower():
            break  # "Far-right", "Pro-Kremlin": adjectives
        j += 1
    if j == lo + 1 and toks[lo].low in _GAZETTEER:
        return lo  # "Russia expanded its ...": a place, not an organisation
    return j


class _Attr:
    """An attribution being built inside one sentence."""

    __slots__ = (
        "cue_lo", "cue_hi", "subj_lo", "subj_hi", "claim_lo", "claim_hi", "side", "source",
        "channel", "nested", "clause_lo", "hedged", "participle", "extra_claims", "appos",
    )

    def __init__(self, cue_lo, cue_hi):
        self.cue_lo, self.cue_hi = cue_lo, cue_hi
        self.subj_lo = self.subj_hi = None
        self.claim_lo = self.claim_hi = None
        self.side = None
        self.source = None
        self.channel = None
        self.nested = False
        self.clause_lo = None  # where this attribution's clause starts, for bounding claims before it
        self.hedged = False
        self.participle = False
        self.extra_claims = []
        self.appos = None  # (lo, hi) of an apposition: "said Hanna Virtanen, the lead auditor"


# A real sentence holds a handful of attributions; more means the input is not prose.
_MAX_PER_SENTENCE = 12


def _sentence_suggestions(text, toks, s_start, s_end, memory):
    if not toks:
        return []
    attrs = []
    n = len(toks)
    i = 0
    finite_cue_seen = any(
        t.low in _CUE_VERBS and not t.in_quote and not t.low.endswith("ing") for t in toks
    )
    while i < n:
        tok = toks[i]
        if tok.in_quote or not tok.word:
            i += 1
            continue
        attr = None
        if tok.low == "according" and i + 1 < n and toks[i + 1].low == "to":
            if not finite_cue_seen:
                attr = _according_to(toks, i)
        elif tok.low == "purporting" and i + 2 < n and toks[i + 1].low == "to" and toks[i + 2].low in _SHOW_WORDS:
            attr = _participle(toks, i, i + 3, attrs, media_required=False)
        elif tok.low in _SHOW_WORDS and tok.low != "show":
            lo = i - 1 if i > 0 and toks[i - 1].low in _HEDGES else i
            attr = _participle(toks, lo, i + 1, attrs, media_required=True)
        elif tok.low in _PARTICIPLE_CUES:
            attr = _participle(toks, i, i + 1, attrs, media_required=False)
        elif tok.low in _CUE_VERBS and not tok.low.endswith("ing"):
            attr = _finite(toks, i, attrs)
        if attr is not None:
            attrs.append(attr)
            if len(attrs) >= _MAX_PER_SENTENCE:
                break  # not prose; bounds the work on degenerate input
            i = attr.cue_hi
        else:
            i += 1
    if not attrs:
        return []
    _bound_claims(toks, attrs)
    out = []
    for attr in attrs:
        out.extend(_finish(text, toks, s_start, s_end, attr, memory))
    return out


def _prev_index(toks, i, skip=_SKIPPABLE):
    """Index of the token before i, skipping adverbs and auxiliaries; -1 at the start."""
    j = i - 1
    while j >= 0 and toks[j].low in skip:
        j -= 1
    return j


def _finite(toks, i, attrs):
    """A finite reporting verb at i: "Yusov said", ", said Yusov", "has denied", "... but warned that"."""
    tok = toks[i]
    lemma = _CUE_VERBS[tok.low]
    if tok.cap and i > 0 and toks[i - 1].text not in _QUOTES + ",":
        return None  # a name: "Islamic State", "The Post"
    j = i - 1
    if j >= 0:
        before = toks[j]
        if before.low in _DETERMINERS or before.poss:
            return None  # "the reported figures", "his claims"
        if before.low == "all" and tok.low == "told":
            return None
    k = _prev_index(toks, i, _SKIPPABLE - _words("has have had"))
    if k >= 0:
        b = toks[k].low
        if b in _PASSIVE or b in _NEGATIONS or b == "to":
            return None  # "was told", "did not say", "declined to comment"
        if b in _AUX and b not in ("has", "have", "had", "do", "does", "did"):
            return None  # "will announce": not yet said
        if b in ("has", "have", "had"):
            k2 = _prev_index(toks, k)
            if k2 >= 0 and toks[k2].low in _NEGATIONS:
                return None
    if tok.low in ("states", "rules", "posts", "notes", "reports", "claims", "warns", "estimates") and (
        k < 0 or not (toks[k].cap or toks[k].low in _PRONOUNS or toks[k].low in _ORG_NOUNS | _ANON_NOUNS)
    ):
        return None  # plural nouns: "the United States", "new rules"
    if tok.low == lemma and k >= 0:
        b = toks[k]
        if not (b.low in ("they", "we", "i", "you") or (b.word and b.low.endswith("s") and b.low not in _DETERMINERS)):
            return None  # a base form needs a plural subject: "officials say", not "state media"
    attr = _Attr(i, i + 1)
    # Relative clause: "soldiers who claimed to have...".
    if k >= 0 and toks[k].low in ("who", "which") and not toks[k].acronym and (k == 0 or toks[k - 1].text != ","):
        lo = _np_back(toks, k)
        if lo is None:
            return None
        attr.subj_lo, attr.subj_hi = lo, k
        attr.nested = True
        attr.side = "right"
        attr.clause_lo = lo
        return _with_right_claim(toks, attr, lemma, require_clause=True)
    # Source before the cue.
    subj = _subject_before(toks, _prev_index(toks, i))
    if subj is None and _nothing_after(toks, i + 1):
        subj = _loose_subject(toks, _prev_index(toks, i))  # "CLAIM, the district collector announced."
    if subj is None and k >= 0 and toks[k].low in ("and", "but"):
        # "Bailey said inflation was falling but warned that ...": the earlier speaker goes on.
        earlier = [a for a in attrs if a.subj_lo is not None and not a.nested and a.side == "right"]
        if not earlier:
            return None
        attr.subj_lo, attr.subj_hi = earlier[-1].subj_lo, earlier[-1].subj_hi
        attr.clause_lo = k
        return _with_right_claim(toks, attr, lemma, require_clause=True)
    if subj is not None:
        attr.subj_lo, attr.subj_hi = subj
        attr.clause_lo = attr.subj_lo
        if attr.subj_lo > 0 and toks[attr.subj_lo - 1].low in ("while", "whereas", "but", "and"):
            attr.clause_lo = attr.subj_lo - 1
        right = _with_right_claim(toks, attr, lemma, require_clause=lemma in _CLAUSE_ONLY)
        if right is not None and right.claim_lo is not None:
            left = _left_claim_end(toks, attr.subj_lo)
            if left is not None and right.claim_lo < len(toks) and _is_quote_start(toks, attr.cue_hi, right.claim_lo):
                right.extra_claims.append((0, left))  # "Q1," he said, "Q2."
            return right
        # Nothing after the cue: the claim is before the attribution ("CLAIM, X said.").
        left = _left_claim_end(toks, attr.subj_lo)
        if left is None:
            return None
        attr.side = "left"
        attr.claim_lo, attr.claim_hi = 0, left
        attr.channel = _channel(toks, attr.cue_lo, len(toks))
        return attr
    # Source after the cue: "CLAIM, said Yusov."
    if i > 0 and (toks[i - 1].text == "," or _is_quote(toks[i - 1])):
        left = _left_claim_end(toks, i)
        if left is None:
            return None
        forward = _np_forward(toks, i + 1)
        if forward is None:
            return None
        hi, appos_hi = forward
        attr.subj_lo, attr.subj_hi = i + 1, hi
        if appos_hi > hi + 1:
            attr.appos = (hi + 1, appos_hi)
        attr.side = "left"
        attr.claim_lo, attr.claim_hi = 0, left
        attr.clause_lo = i - 1
        attr.channel = _channel(toks, attr.cue_lo, len(toks))
        return attr
    return None


def _nothing_after(toks, i):
    """Only adjuncts (channel, time, place) follow the cue."""
    j = _skip_adjuncts(toks, i, "say")
    return not any(t.word for t in toks[j:])


def _loose_subject(toks, k):
    """Any short noun phrase between a comma (or quote) and the cue: "..., the district collector said"."""
    if k < 1 or not toks[k].word:
        return None
    j = k
    while j >= 0 and toks[j].word and toks[j].low not in _BREAKS and k - j < 6:
        j -= 1
    if j < 0 or not (toks[j].text == "," or _is_quote(toks[j])):
        return None
    lo = j + 1
    if not (toks[lo].low in _DETERMINERS or toks[lo].cap):
        return None
    return (lo, k + 1)


def _is_quote_start(toks, lo, hi):
    """The right-hand claim is a second quotation: `"Q1," he said, "Q2."`."""
    return any(t.text == "," for t in toks[lo:hi]) and hi > 0 and (
        _is_quote(toks[hi - 1]) or (hi < len(toks) and _is_quote(toks[hi]))
    )


def _left_claim_end(toks, subj_lo):
    """End (exclusive token index) of a claim standing before the attribution, or None."""
    j = subj_lo - 1
    if j < 1:
        return None
    if not (toks[j].text in ",:;" or _is_quote(toks[j]) or toks[j].text in "?!"):
        return None
    # At least a few words of claim.
    words = sum(1 for t in toks[:j] if t.word)
    return j if words >= 2 else None


def _with_right_claim(toks, attr, lemma, require_clause):
    """Find the claim after the cue (and its channel, time and "that")."""
    n = len(toks)
    cue_hi = attr.cue_hi
    lo = _skip_adjuncts(toks, cue_hi, lemma)
    that = _find_that(toks, cue_hi)
    if that is not None and that >= lo - 1:
        lo = that + 1
    elif that is not None and that < lo:
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
    clause = (
        (lo > 0 and toks[lo - 1].low in ("that", ":"))
        or _is_quote(first)
        or (lo > 0 and _is_quote(toks[lo - 1]))
        or (first.low == "to" and lemma in ("claim", "deny", "allege", "admit"))
        or (first.low.endswith("ing") and lemma in ("report", "deny", "admit", "claim", "confirm"))
        or (first.low in ("of", "on") and lemma in ("warn", "insist"))
        or _has_finite_verb(toks, lo)
    )
    if require_clause and not clause:
        return None
    if not clause and first.low in _BREAKS:
        return None  # "reported to the police", "claimed in court"
    if not clause and lemma not in ("say", "tell"):
        if first.low in _EVENT_OBJECTS or any(t.low in _EVENT_OBJECTS for t in toks[lo : lo + 3]):
            return None
    if lemma == "tell" and lo == cue_hi:
        return None  # "told" needs whom it was told to
    attr.side = "right"
    attr.claim_lo, attr.claim_hi = lo, n
    attr.channel = _channel(toks, attr.cue_lo, lo) or attr.channel
    return attr


def _has_finite_verb(toks, lo):
    for t in toks[lo + 1 : lo + 10]:
        if t.low in _AUX or t.text in ",;:" or _is_quote(t):
            return t.low in _AUX
        if t.low.endswith("ed") and len(t.low) > 4 and not t.cap:
            return True
    return False


def _find_that(toks, lo):
    """A "that" opening the claim within a few adjunct tokens after the cue."""
    for j in range(lo, min(lo + 16, len(toks))):
        t = toks[j]
        if t.low == "that":
            return j
        if t.low in _AUX or _is_quote(t) or t.low in _CUE_VERBS or t.text in ";:":
            return None
        if _looks_past_tense(t) and not _participle_phrase(toks, j):
            return None  # "said a change caused the outage that...": the claim's own verb
    return None


def _looks_past_tense(t):
    return t.word and not t.cap and t.low.endswith("ed") and len(t.low) > 4


def _participle_phrase(toks, j):
    """ "as cited by", "a statement published on Monday": an -ed word that is not a finite verb."""
    before = toks[j - 1].low if j > 0 else ""
    after = toks[j + 1].low if j + 1 < len(toks) else ""
    return before == "as" or before in _MEDIA or before in _MEDIA_SINGLE or after == "by"


def _skip_adjuncts(toks, i, lemma):
    """Skip the recipient, channel, time and place phrases right after a cue."""
    n = len(toks)
    if lemma == "tell" and i < n:
        i = _skip_recipient(toks, i)
    while i < n:
        t = toks[i]
        if t.text == ",":
            i += 1
            continue
        if t.low in _TIME_WORDS:
            i += 1
            continue
        j = _skip_time(toks, i)
        if j > i:
            i = j
            continue
        found = _channel_at(toks, i)
        if found is not None:
            i = found[4]
            continue
        if lemma in ("explain", "say", "write", "report", "state", "confirm") and t.low == "to" and i + 1 < n and (
            toks[i + 1].low in _DETERMINERS or toks[i + 1].cap
        ):
            i = _skip_recipient(toks, i + 1)
            continue
        if t.low in ("in", "at", "from") and i + 1 < n and toks[i + 1].cap and toks[i + 1].low not in _DETERMINERS:
            j = i + 1
            while j < n and toks[j].cap:
                j += 1
            if j >= n or toks[j].text in ",.;" or toks[j].low in ("on", "that", "in", "at"):
                i = j  # "in Washington", "at Leeds Crown Court"
                continue
        break
    return i


_TIME_FILLERS = _words("on early late this last next at in the by around about until")
_TIME_NOUNS = _words("morning afternoon evening night day week weekend month year midnight noon a.m p.m hours")


def _skip_time(toks, i):
    """Skip "on May 22", "early on Monday", "last week", "on Thursday night"; return i if none."""
    n = len(toks)
    j = i
    seen = False
    while j < n:
        t = toks[j]
        if t.low in _DAYS_MONTHS or t.low in _TIME_NOUNS or (
            t.text[0].isdigit() and j > i and (toks[j - 1].low in _DAYS_MONTHS or toks[j - 1].low in ("on", "at", "by", "until"))
        ):
            seen = True
        elif t.low not in _TIME_FILLERS or seen and t.low in ("in", "at", "the", "by"):
            break
        j += 1
    while j > i and toks[j - 1].low in _TIME_FILLERS:
        j -= 1
    return j if seen else i


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
        if t.low in _DETERMINERS and j > i:
            break  # "told The Guardian the findings were...": a new noun phrase
        if t.cap or t.poss or t.text[0].isdigit() or t.low in _DETERMINERS or t.low in _OUTLET_DESCRIPTORS or t.low in _RECIPIENTS or t.low in (
            "conference", "briefing", "press", "hearing", "meeting", "summit", "rally", "gathering", "call"
        ):
            j += 1
            count += 1
            continue
        break
    return j


# --- Noun phrases ------------------------------------------------------------


def _np_back(toks, hi):
    """Start of the subject noun phrase ending just before hi, or None."""
    j = hi - 1
    lo = None
    count = 0
    while j >= 0 and count < 12:
        t = toks[j]
        if not t.word:
            if t.text in "-–&'’" and lo is not None:
                j -= 1
                continue
            if t.text == "." and lo is not None and j > 0 and toks[j - 1].cap and (
                len(toks[j - 1].text) == 1 or toks[j - 1].low in _ROLE_NOUNS
            ):
                j -= 1  # an initial or a title: "A. Yusov", "Mr. Smith"
                continue
            break
        if t.acronym:  # "WHO regional director Hans Kluge"
            lo = j
            count += 1
            j -= 1
            continue
        if t.low in _BREAKS and lo is not None and _bridges(toks, j):
            lo = j  # "people familiar with the matter", "officials who spoke on condition of anonymity"
            count += 1
            j -= 1
            continue
        if t.low in _BREAKS and not (t.low in ("for", "at", "of") or (t.low in _PRONOUNS and lo is None) or (t.cap and t.low not in _BREAKS - _words("may will"))):
            if t.low not in ("of", "for", "at"):
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
    if lo >= hi:
        return None
    return lo if _is_speaker_np(toks, lo, hi) else None


def _bridges(toks, j):
    """Whether the break word at j sits inside a speaker's post-modifier."""
    low = toks[j].low
    before = toks[j - 1].low if j > 0 else ""
    after = toks[j + 1].low if j + 1 < len(toks) else ""
    if low in ("with", "to", "on") and before in ("familiar", "close", "briefed", "knowledgeable"):
        return True
    if low == "with" and after == "knowledge":
        return True
    if low == "on" and after == "condition":
        return True
    if low in ("in", "at") and (before in _ANON_NOUNS or before in _ROLE_NOUNS or before in ("police", "authorities")):
        return True  # "officials in Kerala", "a source in Ukraine's security service"
    if low == "who" and after in ("spoke", "asked", "requested", "declined", "were", "was"):
        return True
    if low in ("were", "was") and before == "who":
        return True
    return False


def _is_speaker_np(toks, lo, hi):
    words = [t for t in toks[lo:hi] if t.word]
    if not words:
        return False
    if len(words) == 1 and words[0].low in _PRONOUNS:
        return True
    for t in words:
        low = t.low
        if t.acronym or t.cap and low not in _DETERMINERS and low not in _BREAKS and low not in _DAYS_MONTHS:
            return True
        if low in _ROLE_NOUNS or low in _ORG_NOUNS or low in _ANON_NOUNS or low.endswith("-year-old") or _is_company_noun(low):
            return True
        if low.endswith("'s") and low[:-2] in _ORG_NOUNS:
            return True
    return False


def _subject_before(toks, k):
    """(lo, hi) of the speaker before the cue whose previous meaningful token is k."""
    if k < 0:
        return None
    t = toks[k]
    if t.word:
        lo = _np_back(toks, k + 1)
        return (lo, k + 1) if lo is not None else None
    if t.text != ",":
        return None
    # "Mohamed Salah, who scored twice, said"; "The airline's chief executive, Johan Lindqvist, explained".
    j = k - 1
    while j >= 0 and toks[j].text != "," and k - j < 25:
        if _is_quote(toks[j]) or toks[j].text in ";:":
            return None
        j -= 1
    if j < 1 or toks[j].text != ",":
        return None
    middle = toks[j + 1 : k]
    if not middle:
        return None
    first = middle[0]
    before = _np_back(toks, j)
    if before is None:
        return None
    if first.low in ("a", "an", "the", "who", "which", "whose", "however", "too", "meanwhile") or first.text.isdigit() or (
        first.low in _ROLE_NOUNS or (first.low.endswith("ing") and not first.cap)  # ", speaking on condition of anonymity,"
    ):
        return (before, j)
    if all(m.cap or not m.word for m in middle) and len(middle) <= 5:
        # The name is the apposition: "the fund's chief economist, Pierre-Olivier Gourinchas,".
        return (before, k)
    if first.low == "in" and any(m.low in _MEDIA_SINGLE for m in middle):
        return (before, j)  # "the ministry, in a statement, said"
    return None


def _np_forward(toks, i):
    """End of the speaker noun phrase starting at i (inverted order), or None."""
    n = len(toks)
    j = i
    while j < n:
        t = toks[j]
        if not t.word:
            if t.text == "." and j + 1 < n and len(t.text) == 1 and len(toks[j - 1].text) == 1:
                j += 1
                continue
            break
        if t.low in ("in", "on", "to", "as", "according", "that", "via", "at", "during", "after", "while") or t.low in _AUX:
            break
        if t.low in _DAYS_MONTHS and j > i:
            break
        j += 1
    if j == i or not _is_speaker_np(toks, i, j):
        return None
    # Apposition: ", spokesperson for the UN Secretary-General" / ", the lead auditor".
    if j < n and toks[j].text == ",":
        k = j + 1
        while k < n and toks[k].text not in ",.;:" and not _is_quote(toks[k]):
            k += 1
        if k > j + 1:
            return j, k
    return j, j


# --- Other shapes ------------------------------------------------------------


def _according_to(toks, i):
    n = len(toks)
    lo = i + 2
    hi = lo
    while hi < n and toks[hi].word and toks[hi].low not in ("that", "in", "on", "which", "who"):
        hi += 1
    if hi == lo or not _is_speaker_np(toks, lo, hi):
        return None
    attr = _Attr(i, i + 2)
    attr.subj_lo, attr.subj_hi = lo, hi
    attr.clause_lo = i
    if i == 0 or (i > 0 and toks[i - 1].text == "," and not any(t.word for t in toks[:i - 1])):
        # "According to police, CLAIM."
        k = hi
        while k < n and not toks[k].word and not _is_quote(toks[k]):
            k += 1
        if k >= n:
            return None
        attr.side = "right"
        attr.claim_lo, attr.claim_hi = k, n
    else:
        end = i - 1 if toks[i - 1].text == "," else i
        if end < 1:
            return None
        attr.side = "left"
        attr.claim_lo, attr.claim_hi = 0, end
    return attr


def _participle(toks, lo, hi, attrs, media_required):
    """ "..., later saying that", "claiming...", "a video purporting to show"."""
    n = len(toks)
    j = lo - 1
    while j >= 0 and toks[j].low in ("later", "also", "while", "before", "again", "repeatedly", "allegedly", "reportedly", "purportedly"):
        j -= 1
    media = None
    for m in range(lo - 1, max(lo - 6, -1), -1):
        if toks[m].low in _MEDIA:
            media = m
            break
        if toks[m].text in ",;" or toks[m].low in _CUE_VERBS:
            break
    after_comma = j >= 0 and toks[j].text == ","
    if media_required and media is None:
        return None
    if not (after_comma or media is not None):
        return None
    if hi >= n or not any(t.word for t in toks[hi:]):
        return None
    attr = _Attr(lo, hi)
    attr.participle = True
    attr.clause_lo = j if after_comma else lo
    # The speaker: the previous attribution's source in this sentence, or the sentence subject.
    previous = [a for a in attrs if a.subj_lo is not None and not a.nested]
    if previous:
        attr.subj_lo, attr.subj_hi = previous[-1].subj_lo, previous[-1].subj_hi
    else:
        subj = _sentence_subject(toks, (media if media is not None else j) if (media is not None or j >= 0) else lo)
        if subj is None:
            return None
        attr.subj_lo, attr.subj_hi = subj
    k = hi
    if toks[lo].low == "telling":
        k = _skip_adjuncts(toks, hi, "tell")  # ", telling supporters in Nakuru that ..."
        if k == hi:
            return None  # "telling" needs whom it was told to
        if k < n and toks[k].low == "that":
            k += 1
    that = _find_that(toks, hi)
    if k == hi and that is not None and that - hi <= 2:
        k = that + 1
    attr.side = "right"
    attr.claim_lo, attr.claim_hi = k, n
    if media is not None:
        attr.channel = _channel(toks, media - 2 if media >= 2 else 0, lo) or _channel(toks, 0, lo)
    return attr


def _sentence_subject(toks, limit):
    """The subject at the start of the sentence: after an opening "Earlier the same day," phrase."""
    start = 0
    if toks and toks[0].low in _INTRO_WORDS:
        for j in range(1, min(limit, 14)):
            if toks[j].text == ",":
                start = j + 1
                break
    j = start
    while j < limit:
        t = toks[j]
        if not t.word:
            break
        low = t.low
        if t.cap or low in _DETERMINERS or t.poss or low in ("of", "for") or low in _ROLE_NOUNS or low in _ORG_NOUNS or (
            low in _ANON_NOUNS
        ) or low in _MODIFIERS:
            j += 1
            continue
        break
    if j == start:
        return None
    lo = _np_back(toks, j)
    if lo is None or lo < start:
        return None
    return (lo, j)


def _bound_claims(toks, attrs):
    """A claim ends where the next attribution's clause begins ("..., later saying")."""
    for a in attrs:
        if a.side != "right":
            continue
        for b in attrs:
            if b is a or b.clause_lo is None or b.clause_lo <= a.claim_lo or b.clause_lo >= a.claim_hi:
                continue
            boundary = b.participle or b.clause_lo < b.subj_lo or (b.clause_lo > 0 and toks[b.clause_lo - 1].text in ",;")
            boundary = boundary or toks[b.clause_lo].low in ("and", "but")  # "... but warned that"
            if b.side == "left":
                boundary = True
            if boundary:
                a.claim_hi = min(a.claim_hi, b.clause_lo)
            else:
                b.nested = True


# --- Channels ----------------------------------------------------------------


def _channel(toks, lo, hi):
    """The best channel in toks[lo:hi]: (text_start, text_end, priority) or None."""
    best = None
    i = lo
    while i < hi:
        found = _channel_at(toks, i)
        if found is not None:
            start, end, prio, _, nxt = found
            if best is None or prio > best[2]:
                best = (start, end, prio)
            i = max(i + 1, min(nxt, hi)) if prio < 3 else i + 1
            continue
        low = toks[i].low
        if i + 1 < hi and (_CUE_VERBS.get(low) == "tell" or (low == "to" and i > 0 and toks[i - 1].low in _CUE_VERBS)):
            name = _outlet_name(toks, i + 1, min(hi, i + 10))
            if name and (best is None or best[2] < 3):
                best = (name[0], name[1], 3)
            elif name is None:
                j = i + 1
                while j < hi and j < i + 4 and toks[j].low in _OUTLET_DESCRIPTORS:
                    j += 1  # "told a regular briefing"
                medium = _medium_at(toks, j) if j < hi else None
                if medium is not None and best is None:
                    best = (medium[0], medium[1], 1)
        i += 1
    return best


def _channel_at(toks, i):
    """A channel phrase starting at token i: (start, end, priority, None, next_index) or None."""
    n = len(toks)
    t = toks[i]
    low = t.low
    nxt = toks[i + 1] if i + 1 < n else None
    if nxt is None:
        return None
    # "on Telegram", "via X", "on its Amaq news agency".
    if low in ("on", "via", "through"):
        platform = _PLATFORMS.get(nxt.low)
        if platform and (nxt.cap or nxt.low == "x"):
            end = i + 2
            if nxt.low == "truth" and i + 2 < n and toks[i + 2].low == "social":
                return (nxt.start, toks[i + 2].end, 3, None, i + 3)
            return (nxt.start, nxt.end, 3, None, end)
        if nxt.low in ("its", "their", "his", "her", "the") and i + 2 < n:
            name = _outlet_name(toks, i + 2, min(n, i + 8))
            if name and any(toks[k].low in _OUTLET_DESCRIPTORS - _DETERMINERS for k in range(i + 2, min(n, name[2] + 3))):
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
        while _medium_at(toks, j) is None and k < n and k < j + 3 and toks[k].word and toks[k].low not in _MEDIA_SINGLE and not toks[k].text[0].isdigit() and toks[k].low not in _BREAKS and not toks[k].cap:
            k += 1  # adjectives: "a televised", "a 40-page"
        if k < n and toks[k].text[0].isdigit() and k < j + 3:
            k += 1
            while k < n and toks[k].word and not toks[k].cap and toks[k].low not in _MEDIA_SINGLE and k < j + 4:
                k += 1
        medium = _medium_at(toks, max(k, j))
        if medium is None and k != j:
            medium = _medium_at(toks, j)
        if medium is not None and (j > i + 1 or low in ("in", "at", "during")):
            m_start, m_end, after = medium
            if toks[after - 1].low == "interview" and after + 1 < n and toks[after].low == "with":
                name = _outlet_name(toks, after + 1, min(n, after + 8))
                if name:
                    return (name[0], name[1], 3, None, _skip_descriptors(toks, name[2]))
            # "in a post on X": the platform outranks the medium.
            if after + 1 < n and toks[after].low == "on" and toks[after + 1].low in _PLATFORMS:
                p = toks[after + 1]
                return (p.start, p.end, 3, None, after + 2)
            return (m_start, m_end, 1, None, after)
        # "in the journal Nature", "wrote in The Lancet".
        if low == "in" and j < n:
            descr = j
            while descr < n and toks[descr].low in _OUTLET_DESCRIPTORS - _DETERMINERS:
                descr += 1
            if (descr > j or (j > i + 1 and toks[j - 1].cap) or toks[j].cap) and descr < n and toks[descr].cap and (
                i > 0 and toks[i - 1].low in _CUE_VERBS or descr > j
            ):
                name = _outlet_name(toks, j if descr == j else descr, min(n, descr + 5))
                if name:
                    return (name[0], name[1], 2, None, name[2])
    # "published a video", "posted footage".
    if low in _MEDIA_VERBS:
        j = i + 1
        while j < n and toks[j].low in ("a", "an", "the", "new", "short"):
            j += 1
        medium = _medium_at(toks, j)
        if medium is None and j < n and toks[j].low in _MEDIA:
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
        if pair in _MEDIA_PHRASES:
            return (toks[j].start, toks[j + 1].end, j + 2)
    if toks[j].low in _MEDIA_SINGLE:
        return (toks[j].start, toks[j].end, j + 1)
    return None


def _skip_descriptors(toks, j):
    while j < len(toks) and toks[j].low in _OUTLET_DESCRIPTORS:
        j += 1
    return j


def _outlet_name(toks, lo, hi):
    """The proper name in "Russian state-owned news agency TASS", "the BBC": (start, end, next)."""
    runs = []
    j = lo
    while j < hi:
        t = toks[j]
        if not t.word or t.low in ("that", "on", "in", "at", "as", "after", "before", "for", "about", "with", "said"):
            break
        if t.cap and t.low not in ("the", "a", "an"):
            k = j
            while k < hi and toks[k].word and toks[k].cap:
                k += 1
            runs.append((j, k))
            j = k
            continue
        if t.low in _OUTLET_DESCRIPTORS or t.low in _RECIPIENTS:
            j += 1
            continue
        break
    if not runs:
        return None
    # A lone nationality adjective before a descriptor is not the name ("Russian state-owned ...").
    chosen = runs[-1]
    if len(runs) > 1:
        for run in reversed(runs):
            a, b = run
            if b - a == 1 and toks[a].low.endswith(_ADJ_SUFFIXES) and b < hi and not toks[b].cap:
                continue
            chosen = run
            break
    a, b = chosen
    return (toks[a].start, toks[b - 1].end, b)


# --- From an attribution to suggestions --------------------------------------


def _finish(text, toks, s_start, s_end, attr, memory):
    if attr.claim_lo is None or attr.subj_lo is None:
        return []
    subj_lo, subj_hi, role_hint = attr.subj_lo, attr.subj_hi, None
    if attr.appos is not None:
        a_lo, a_hi = attr.appos
        appos_is_name = all(t.cap or not t.word for t in toks[a_lo:a_hi])
        subject_named = any(t.cap and t.low not in _DETERMINERS for t in toks[subj_lo:subj_hi])
        if appos_is_name and not subject_named:
            role_hint = text[toks[subj_lo].start : toks[subj_hi - 1].end]
            subj_lo, subj_hi = a_lo, a_hi
        else:
            role_hint = text[toks[a_lo].start : toks[a_hi - 1].end]
    source = _resolve(text, toks, subj_lo, subj_hi, memory)
    if source is None:
        return []
    if role_hint and not source["role"]:
        source["role"] = role_hint
        if source["entity"] is not None and source["entity"].role is None and source["kind"] == "person":
            source["entity"].role = role_hint
    claims = [(attr.claim_lo, attr.claim_hi)] + attr.extra_claims
    cue_start, cue_end = toks[attr.cue_lo].start, toks[attr.cue_hi - 1].end
    cue_text = text[cue_start:cue_end]
    if attr.channel is None and attr.side == "right":
        attr.channel = _channel(toks, attr.cue_lo, attr.claim_lo)
    if attr.channel is None and attr.side == "right" and 0 < attr.subj_lo < attr.cue_lo:
        attr.channel = _channel(toks, 0, attr.subj_lo)  # "In a statement on Sunday, the FA said"
    out = []
    for lo, hi in claims:
        span = _claim_span(text, toks, lo, hi, attr)
        if span is None:
            continue
        c_start, c_end, cut = span
        channel = attr.channel
        if channel is None and attr.side == "right" and cut < hi:
            # A channel trailing the claim: "... in a statement on its Amaq news agency".
            channel = _channel(toks, cut, len(toks))
        claim_text = text[c_start:c_end].lower()
        hedged = attr.hedged or _hedged(toks, attr, claim_text)
        out.append(
            Suggestion(
                content_start=c_start,
                content_end=c_end,
                source_text=source["text"],
                source_start=source["start"],
                source_end=source["end"],
                cue_text=cue_text,
                cue_start=cue_start,
                cue_end=cue_end,
                channel_text=text[channel[0] : channel[1]] if channel else None,
                channel_start=channel[0] if channel else None,
                channel_end=channel[1] if channel else None,
                source_kind=source["kind"],
                role_text=source["role"],
                mention_text=source["mention"][0],
                mention_start=source["mention"][1],
                mention_end=source["mention"][2],
                hedged=hedged,
                nested=attr.nested,
                sentence_start=s_start,
                sentence_end=s_end,
                confidence=source["confidence"] * (0.9 if attr.participle else 1.0),
            )
        )
    return out


def _hedged(toks, attr, claim_text):
    if attr.cue_hi < len(toks) and toks[attr.cue_hi].low == "to" and _CUE_VERBS.get(toks[attr.cue_lo].low) == "claim":
        return True
    if any(toks[k].low in _HEDGES or toks[k].low == "purporting" for k in range(attr.cue_lo, attr.cue_hi)):
        return True
    if attr.cue_lo > 0 and toks[attr.cue_lo - 1].low in _HEDGES:
        return True
    return any(w in _HEDGES for w in re.findall(r"\w+", claim_text))


def _claim_span(text, toks, lo, hi, attr):
    """Character span of a claim: trimmed of quotes, spaces and , ; : . at both ends."""
    if lo >= hi:
        return None
    # Cut a trailing channel ("in a statement on ...") or a narrator's comment (", a claim that ...").
    for k in range(lo + 2, hi):
        t = toks[k]
        if t.text in ",;" and k + 1 < hi and toks[k + 1].low in ("while", "whereas") and not t.in_quote:
            hi = k  # "..., while police put the figure at 30,000": the narrator again
            break
        if t.text == "," and k + 1 < hi and toks[k + 1].low in _COMMENT_STARTS:
            window = [x.low for x in toks[k + 1 : k + 4]]
            if any(w in _COMMENT_HEADS for w in window) or (window and window[0] == "which" and any(
                x.low in ("verified", "confirmed", "denied") for x in toks[k + 1 : hi]
            )):
                hi = k
                break
        if attr.side == "right" and t.word and t.low in ("in", "on", "according", "as", "via"):
            found = _channel_at(toks, k)
            if found is not None and (found[2] >= 2 or t.low in ("in", "on")):
                rest = _skip_adjuncts(toks, found[4], "say")
                if rest >= hi or all(not x.word for x in toks[rest:hi]):
                    hi = k
                    break
    start, end = toks[lo].start, toks[hi - 1].end
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    if end - start < 3 or not any(ch.isalnum() for ch in text[start:end]):
        return None
    return start, end, hi


# --- Resolving the speaker ---------------------------------------------------


def _resolve(text, toks, lo, hi, memory):
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
    words = toks[lo:hi]

    def result(ent, confidence, role=None):
        return {
            "entity": ent, "text": ent.name, "start": ent.start, "end": ent.end, "kind": ent.kind,
            "role": role if role is not None else ent.role, "mention": mention, "confidence": confidence,
        }

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
    if len(words) == 1 and words[0].low in _PRONOUNS:
        want = _PRONOUNS[words[0].low]
        if want == "person":
            ent = memory.recent(lambda e: e.kind == "person")
        elif want == "plural":
            ent = memory.recent(lambda e: e.kind in ("organisation", "anonymous"))
        else:
            ent = memory.recent(lambda e: e.kind == "organisation")
        if ent is None:
            # Nobody to refer back to: keep the pronoun, with little confidence.
            kind = "person" if want == "person" else "organisation"
            return {
                "entity": None, "text": mention[0], "start": m_start, "end": m_end, "kind": kind,
                "role": None, "mention": mention, "confidence": 0.4,
            }
        memory.touch(ent)
        return result(ent, 0.7)

    # Split off a post-modifier: "people familiar with the matter", "a unit of Russian soldiers".
    core_hi = hi
    for k in range(lo + 1, hi):
        if toks[k].low in ("of", "for", "at", "with", "familiar", "close", "representing", "who", "which", "from", "briefed", "involved", "in"):
            core_hi = k
            break
    core = toks[lo:core_hi]

    # A trailing run of capitalised words is a name ("... Andrii Yusov", "the Russian Volunteer Corps").
    name_lo = hi
    while name_lo > lo and toks[name_lo - 1].cap and not toks[name_lo - 1].poss and toks[name_lo - 1].low not in _DETERMINERS:
        name_lo -= 1
    # Let a name run cross "of": "Freedom of Russia Legion".
    while name_lo - 2 > lo and toks[name_lo - 1].low == "of" and toks[name_lo - 2].cap and not toks[name_lo - 2].poss:
        k = name_lo - 2
        while k > lo and toks[k - 1].cap and not toks[k - 1].poss and toks[k - 1].low not in _DETERMINERS:
            k -= 1
        name_lo = k
    has_name = name_lo < hi and not (hi - name_lo == 1 and toks[name_lo].low in _ANON_NOUNS | _ORG_NOUNS and name_lo == lo)
    if hi - name_lo == 1 and toks[name_lo].low in _ANON_NOUNS and name_lo == lo:
        has_name = False  # "Prosecutors said", "Critics said"
    if name_lo - 1 > lo and toks[name_lo - 1].low in ("in", "at", "from", "with", "for") and (
        toks[name_lo - 2].low in _ANON_NOUNS or toks[name_lo - 2].low in _ROLE_NOUNS
        or toks[name_lo - 2].low in ("police", "authorities")
    ):
        has_name = False  # "Health officials in Kerala": the name is a post-modifier

    if has_name and hi - name_lo == 1 and all(t.low in _DETERMINERS for t in toks[lo:name_lo]):
        ent = memory.by_word(toks[name_lo].text)
        if ent is not None:
            memory.touch(ent)
            return result(ent, 0.85)

    if has_name:
        role_lo = lo + 1 if toks[lo].low in ("the", "a", "an") and lo + 1 < name_lo else lo
        # A role in front of the name: "Belgorod Oblast Governor Vyacheslav Gladkov".
        last_role = None
        for k in range(lo, hi):
            if toks[k].low in _ROLE_NOUNS and k < hi - 1:
                last_role = k
        run = toks[name_lo:hi]
        org_head = any(t.low in _ORG_NOUNS for t in run) or (
            name_lo > lo and toks[lo].low == "the" and last_role is None
        )
        if last_role is not None and last_role >= name_lo - 1 and not org_head:
            first = last_role + 1
            if hi - first == 1 and toks[last_role].low in _NOBLE_TITLES:
                first = last_role  # "Lady Hale", "Lord Sumption"
            role_text = text[toks[role_lo].start : toks[last_role].end]
            if first >= hi:
                return None
            start = toks[first].start
            ent = memory.add(text[start:m_end], start, m_end, "person", role_text)
            return result(ent, 0.9, role_text)
        if last_role is not None and last_role < name_lo and not org_head:
            start = toks[name_lo].start
            role_text = text[toks[role_lo].start : toks[name_lo - 1].end].strip() if role_lo < name_lo else ""
            if len(run) == 1:
                ent = memory.by_surname(run[0].text)
                if ent is not None:
                    memory.touch(ent)
                    return result(ent, 0.85)
            ent = memory.add(text[start:m_end], start, m_end, "person", role_text or None)
            return result(ent, 0.9, role_text or None)
        if org_head or name_lo > lo and toks[name_lo - 1].low in _DETERMINERS:
            start = toks[name_lo].start
            if any(t.low in _ORG_NOUNS for t in run) or toks[lo].low == "the":
                ent = memory.add(text[start:m_end], start, m_end, "organisation", None)
                return result(ent, 0.9)
        if name_lo == lo or all(t.low in _DETERMINERS or not t.word for t in toks[lo:name_lo]):
            start = toks[name_lo].start
            name = text[start:m_end]
            if len(run) == 1:
                ent = memory.by_word(run[0].text)
                if ent is not None:
                    memory.touch(ent)
                    return result(ent, 0.85)
                ent = memory.add(name, start, m_end, "organisation", None)
                return result(ent, 0.75)
            ent = memory.by_tail(name)
            if ent is not None:
                memory.touch(ent)
                return result(ent, 0.85)
            ent = memory.add(name, start, m_end, "person", None)
            return result(ent, 0.85)
        # Something else before the name, e.g. "Ukraine's Sikorski": keep the name.
        start = toks[name_lo].start
        ent = memory.add(text[start:m_end], start, m_end, "person", text[toks[lo].start:toks[name_lo - 1].end])
        return result(ent, 0.7)

    # A description: "the intelligence official", "the group", "a source familiar with the matter".
    head = None
    for t in core:
        low = t.low[:-2] if t.poss else t.low
        if low in _ROLE_NOUNS or low in _ORG_NOUNS or low in _ANON_NOUNS or low.endswith("-year-old") or _is_company_noun(low):
            head = t
    if head is None:
        head = core[-1]
    head_low = head.low
    definite = toks[lo].low == "the"
    is_org = (head_low in _ORG_NOUNS or _is_company_noun(head_low)) and head_low not in _ANON_NOUNS
    if definite:
        ent = _resolve_description(core, head_low, is_org, memory)
        if ent is not None:
            memory.touch(ent)
            return result(ent, 0.75)
    named = any(t.cap and not t.poss and t.low not in _DETERMINERS for t in core[1:])
    if is_org:
        return literal("organisation", 0.8 if named else 0.7, drop_article=named)
    return literal("anonymous", 0.75)


def _resolve_description(core, head_low, is_org, memory):
    if head_low.endswith("-year-old"):
        return memory.recent(lambda e: e.kind == "person")
    if is_org:
        if head_low in _GROUP_WORDS:
            return memory.recent(lambda e: e.kind == "organisation" and e.is_group)
        if _is_company_noun(head_low):
            ent = memory.recent(lambda e: e.kind == "organisation" and (e.is_company or head_low in e.name.lower().split()))
            ent = memory.narrated_company(ent.last if ent else 0) or ent
            return ent or memory.recent(
                lambda e: e.kind == "organisation" and not (e.is_group or e.is_place or e.is_public)
            )
        return memory.recent(lambda e: e.kind == "organisation" and head_low in e.name.lower().replace("'s", "").split())
    content = {t.low for t in core if t.word} - _GENERIC_ROLE - _DETERMINERS
    if head_low in _ANON_NOUNS and head_low not in _ROLE_NOUNS:
        return memory.recent(lambda e: e.kind == "anonymous" and head_low in e.name.lower().split())
    if not content:
        return None
    def role_match(e):
        if e.kind != "person" or not e.role:
            return False
        role_words = set(re.findall(r"\w+", e.role.lower()))
        return bool(content & role_words)
    return memory.recent(role_match)


# --- Quotations over several sentences ---------------------------------------


def _fill_quote_blocks(text, sentences, per_sentence, blocks):
    """A quotation left open runs into the next sentences: same speaker for all of them."""
    for block in blocks:
        if len(block) < 2 or len(block) > 8:
            continue
        donor = next((per_sentence[k][0] for k in block if per_sentence[k]), None)
        if donor is None:
            continue
        for k in block:
            if not per_sentence[k]:
                span = _whole_sentence_claim(text, sentences[k])
                if span:
                    per_sentence[k] = [_copy(donor, span, sentences[k], 0.8)]


def _fill_following_quotes(text, sentences, per_sentence):
    """An unattributed quotation right after an attributed quotation is the same speaker's."""
    for k in range(1, len(sentences)):
        if per_sentence[k] or not per_sentence[k - 1]:
            continue
        s, e = sentences[k]
        sentence = text[s:e]
        if sentence[:1] not in "\"“«„":
            continue
        donor = per_sentence[k - 1][-1]
        previous = text[donor.sentence_start : donor.sentence_end]
        if not any(q in previous for q in _QUOTES):
            continue
        # The quotation must be the whole sentence (or run of sentences) and then close.
        block = [k]
        j = k
        while j < len(sentences) and not _closes_quote(text, sentences[j]):
            j += 1
            if j < len(sentences) and not per_sentence[j]:
                block.append(j)
            else:
                break
        for b in block:
            span = _whole_sentence_claim(text, sentences[b])
            if span:
                per_sentence[b] = [_copy(donor, span, sentences[b], 0.6)]


def _closes_quote(text, span):
    s, e = span
    piece = text[s:e].rstrip()
    return piece[-1:] in "\"”»" or piece[-2:-1] in "\"”»"


def _whole_sentence_claim(text, span):
    s, e = span
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return (s, e) if e - s >= 3 else None


def _copy(donor, span, sentence, confidence):
    fields = dict(donor.__dict__)
    fields.update(
        content_start=span[0], content_end=span[1], sentence_start=sentence[0], sentence_end=sentence[1],
        confidence=min(donor.confidence, confidence), nested=False,
    )
    return Suggestion(**fields)
