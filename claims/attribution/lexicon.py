"""The words the rules know: reporting cues, roles, organisations, channels, hedges.

A new cue verb goes into CUE_VERBS (all its forms on one line, the lemma first); if its object must be
a clause ("added that ...", never "added a third goal"), its lemma goes into CLAUSE_ONLY too. Roles,
organisation nouns, media and outlet descriptors have their own sets below. All are compared lowercased.
"""


def word_set(s):
    return frozenset(s.split())


# Cue verb forms -> lemma.
CUE_VERBS = {}
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
        CUE_VERBS[_form] = _forms[0]

# Verbs whose object must be a clause ("added that...", not "added a third goal").
CLAUSE_ONLY = word_set(
    "add announce note state write post reveal estimate predict suggest maintain declare "
    "stress emphasise emphasize testify reply tweet explain acknowledge argue caution assert concede "
    "rule insist warn"
)
# Objects that make "claimed/denied/confirmed X" an event, not a statement.
EVENT_OBJECTS = word_set(
    "title titles victory win wins lives life gold silver bronze medal medals seat seats trophy crown "
    "cup prize place places spot spots record points point lead top championship pole bail entry access permission "
    "visa visas request appeal application motion wicket wickets run runs goal goals try tries booking bookings "
    "reservation reservations honours honors stage stages jersey belt chair presidency premiership leadership "
    "throne majority mandate nomination berth"
)
# Objects that make "said/told X" something done rather than a statement: "said goodbye", "told the story".
SPEECH_EVENTS = word_set(
    "goodbye farewell hello thank thanks grace prayer prayers story stories tale tales jokes truth lie lies"
)
PARTICIPLE_CUES = word_set(
    "saying claiming adding insisting warning arguing noting stating explaining denying alleging "
    "confirming asserting stressing emphasising emphasizing writing telling"
)
# Media that can carry a claim: "a video purporting to show", "a statement saying".
MEDIA = word_set(
    "statement video videos footage post posts clip images image photos photo pictures message letter "
    "report tweet broadcast speech interview ruling filing address recording"
)
# Documents that can be sources ("a report by X found", "the ruling said"): claims.attribution.documents.
DOCUMENTS = word_set(
    "report study survey analysis audit review investigation inquiry minutes poll filing filings indictment "
    "memo memorandum statement letter ruling judgment complaint lawsuit assessment paper papers documents "
    "records transcript findings data figures statistics decision draft regulation proposal sheet charges results "
    "warrant affidavit testimony notice ordinance decree directive census evaluation petition"
)
MEDIA_VERBS = word_set("published posted released issued shared put aired broadcast circulated")
SHOW_WORDS = word_set("showing show shows")

HEDGES = word_set("allegedly alleged purportedly purported reportedly supposedly apparently unverified unconfirmed")

DETERMINERS = word_set("the a an this these those its his her their our another some any")
PRONOUNS = {"he": "person", "she": "person", "they": "plural", "it": "organisation"}
AUX = word_set(
    "has have had is are was were be been being am do does did will would can could should may might must shall"
)
PASSIVE = word_set("is are was were be been being get gets got")
NEGATIONS = word_set("not n't never no without cannot")
SKIPPABLE = word_set(
    "also previously later earlier again repeatedly recently once then still further separately "
    "publicly privately initially originally first subsequently has have had reportedly allegedly "
    "already just now only quickly immediately yesterday today"
)
# Words that cannot be inside a subject noun phrase.
BREAKS = (
    word_set(
        "that which who whom whose where when while if as because since than and or but nor so yet to in "
        "on by with from into onto over under after before during about against between through without "
        "within across is are was were be been being am has have had do does did will would can could "
        "should may might must shall not there here then what how why also however although though "
        "despite until unless once whether"
    )
    | frozenset(form for form, lemma in CUE_VERBS.items() if form != lemma)
    | AUX
)
INTRO_WORDS = word_set(
    "earlier later meanwhile in on at after before during speaking separately also however but and then "
    "since while when asked last this on"
)

# Nouns that name a speaker.
ROLE_NOUNS = word_set(
    """
    spokesperson spokesman spokeswoman spokespeople official minister governor mayor president
    chancellor premier secretary undersecretary senator congressman congresswoman representative rep sen gov judge
    justice magistrate prosecutor attorney lawyer chief director executive ceo cfo chairman chairwoman chair head
    leader commander general gen colonel col lt captain capt coach manager economist analyst scientist
    researcher professor prof astronomer epidemiologist doctor dr mr mrs ms sir dame lord lady king
    queen prince princess pope bishop archbishop cardinal author editor ambassador envoy adviser
    advisor diplomat negotiator auditor inspector officer sheriff commissioner founder owner striker
    administrator partner counterpart colleague aide deputy successor predecessor
    goalkeeper player midfielder defender deputy vice aide expert lawmaker mp mep councillor councilor
    candidate activist nurse teacher engineer investor strategist historian physicist biologist
    chemist surgeon physician psychologist sociologist curator architect pilot detective sergeant
    superintendent constable marshal admiral major lieutenant brigadier ombudsman regulator speaker
    whip monarch sheikh emir ayatollah rabbi imam priest pastor separatist mechanic medic paramedic critic
    cleric midwife retiree trainee employee detainee evacuee refugee nominee appointee returnee deportee
    escapee attendee amputee internee resident student
    patient agent correspondent mason guest headmistress hostess stewardess waitress actress seamstress
    principal headteacher publican chef barista monk nun vicar chaplain lifeguard guide cabbie
    haji alhaji hajia alhaja maître maitre td msp mla referee umpire coxswain skipper organiser organizer advocate
    secretary-general director-general attorney-general solicitor-general auditor-general inspector-general
    surgeon-general governor-general vice-president vice-chairman vice-chancellor co-founder co-chair
    editor-in-chief commander-in-chief
    coordinator convenor convener steward democrat republican
    """
)
# Abbreviated titles and the nouns a later description uses for them: "Prof. X" ... "the professor".
TITLE_NOUNS = {
    "prof": "professor", "dr": "doctor", "gen": "general", "sen": "senator", "rep": "representative",
    "gov": "governor", "col": "colonel", "capt": "captain", "lt": "lieutenant", "supt": "superintendent",
    "insp": "inspector", "sgt": "sergeant", "const": "constable", "fr": "father", "rev": "reverend",
    "det": "detective", "cpl": "corporal", "maj": "major", "brig": "brigadier", "adm": "admiral",
}  # fmt: skip
ORG_NOUNS = word_set(
    """
    group ministry department government administration agency office company firm corporation corps
    centre center centres centers municipality municipalities programme program community bureau inspectorate
    legion army military navy force forces police service council commission committee parliament
    court tribunal party union association federation fund bank club team league foundation institute
    university authority authorities board organisation organization movement front brigade battalion
    militia coalition alliance network media outlet newspaper broadcaster station kremlin pentagon
    embassy campaign school hospital airport seaport museum guild prefecture governorate creamery cooperative
    co-operative forum guard regulator watchdog
    operator airline carrier
    manufacturer maker
    retailer insurer lender exchange inc corp ltd plc llc ag gmbh sa se foods motors airlines energy
    holdings industries technologies systems pharmaceuticals capital partners house cabinet senate
    congress assembly duma rada presidency secretariat directorate command headquarters staff
    prosecutor's ngo charity trust society institution centre center laboratory lab observatory
    orchestra choir theatre theater opera museum gallery library academy college clinic cooperative
    co-op consortium chamber festival studio winery brewery distillery refinery utility startup start-up
    superintendency undersecretariat commissariat registry unit constabulary gendarmerie monitor management
    """
)
GROUP_WORDS = word_set(
    "group legion corps brigade battalion militia movement front army coalition alliance network "
    "organisation organization unit wagner"
)
ANON_NOUNS = word_set(
    """
    source sources people person officials witness witnesses resident residents soldier soldiers
    activists analysts experts diplomats insider insiders employee employees worker workers officers
    researchers scientists critic critics supporters opponents lawmakers prosecutors investigators
    investigator doctors agencies organisers organizers fans parents students teachers farmers locals
    villagers survivors victims relatives family families unit defendant plaintiff victim man woman
    official spokesperson spokesman spokeswoman volunteers
    """
)
PUBLIC_WORDS = word_set(
    "ministry department government administration agency office commission council court police "
    "kremlin house parliament authority army military force forces service committee senate congress "
    "cabinet presidency union association federation party superintendency undersecretariat commissariat "
    "secretariat directorate inspectorate prefecture governorate registry tribunal embassy municipality "
    "regulator watchdog bureau unit constabulary gendarmerie board"
)
COMPANY_SUFFIXES = word_set(
    "inc corp ltd plc llc ag gmbh sa se nv foods motors airlines energy holdings industries "
    "technologies systems pharmaceuticals capital partners bank mining pharma air airways shipping loans savings "
    "finance resources minerals metals logistics telecom petroleum pharmaceutical banco banca banque estates "
    "properties developments works lines"
)
NOBLE_TITLES = word_set("lord lady sir dame baroness baron")
# Common nouns put in front of a company's name: "carmaker Stellantis".
COMPANY_NOUNS = word_set(
    "company firm chain carmaker automaker chipmaker retailer airline carrier bank lender insurer startup "
    "conglomerate giant maker manufacturer broadcaster publisher club team operator supplier developer "
    "contractor subcontractor builder consultancy miner producer exporter refiner shipper utility winery "
    "brewery distillery brewer smelter shipbuilder housebuilder homebuilder shipyard grocer supermarket telco "
    "distributor provider importer generator miller"
)
# Positions in front of a player's or coach's name: "Real Madrid forward Kylian Mbappé".
SQUAD_ROLES = word_set("forward winger striker midfielder defender goalkeeper coach manager captain")
# Generic words that say nothing about which person a description means.
GENERIC_ROLE = word_set("official the a an of for 's former")
MODIFIERS = word_set(
    """
    foreign defence defense interior finance health economy economic prime deputy chief former senior
    military intelligence state state-owned federal regional local national western eastern
    northern southern public private independent top junior acting interim commerce trade justice
    education energy environment transport labour labor home general human rights police fire air
    emergency security armed naval separatist opposition ruling central city county district
    """
)
GAZETTEER = word_set(
    """
    kyiv kiev moscow washington beijing london paris berlin brussels tokyo warsaw ankara tehran
    jerusalem minsk tbilisi budapest rome madrid vienna ottawa canberra delhi islamabad seoul
    pyongyang taipei damascus baghdad cairo riyadh doha kremlin pentagon ukraine russia china
    america britain germany france poland israel iran turkey japan india nato eu un who imf
    """
)
DAYS_MONTHS = word_set(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec"
)
TIME_WORDS = word_set(
    "yesterday today tonight earlier later previously recently again also repeatedly separately publicly "
    "privately initially then afterwards overnight"
)
PLATFORMS = {
    "telegram": "Telegram",
    "x": "X",
    "twitter": "Twitter",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "tiktok": "TikTok",
    "youtube": "YouTube",
    "whatsapp": "WhatsApp",
    "weibo": "Weibo",
    "vkontakte": "VKontakte",
    "vk": "VK",
    "linkedin": "LinkedIn",
    "bluesky": "Bluesky",
    "threads": "Threads",
    "truth": "Truth Social",
    "signal": "Signal",
}
# Two-word media first: "press conference" before "conference".
MEDIA_PHRASES = [
    ("press", "conference"),
    ("news", "conference"),
    ("press", "release"),
    ("conference", "call"),
    ("press", "briefing"),
    ("news", "briefing"),
    ("televised", "address"),
    ("social", "media"),
    ("state", "television"),
    ("state", "tv"),
    ("state", "radio"),
    ("national", "television"),
    ("national", "tv"),
    ("national", "radio"),
    ("public", "radio"),
    ("public", "television"),
    ("open", "letter"),
    ("court", "filing"),
    ("video", "address"),
    ("video", "message"),
    ("radio", "interview"),
    ("television", "interview"),
    ("tv", "interview"),
    ("earnings", "call"),
    ("blog", "post"),
    ("news", "release"),
    ("radio", "address"),
]
MEDIA_SINGLE = word_set(
    "statement video footage post interview briefing letter speech ruling filing tweet address message "
    "email podcast broadcast memo report judgment judgement verdict call television radio website "
    "blog newsletter notice bulletin circular note submission opinion lawsuit complaint petition"
)
OUTLET_DESCRIPTORS = word_set(
    """
    news outlet media agency newspaper broadcaster channel radio tv television station daily weekly
    magazine website site state-owned state public private independent online journal wire service
    network programme program show another the a an its their his her regular weekly daily
    investigative business financial local national regional broadcast
    """
)
RECIPIENTS = word_set(
    "reporters journalists analysts investigators lawmakers parliament jurors the court lawmakers "
    "senators mps delegates supporters students an audience crowd residents viewers listeners readers "
    "colleagues staff employees members shareholders investors officials police a told council committee panel "
    "officers detectives them him her us me paramedics doctors nurses rescuers prosecutors judges clients "
    "customers subscribers parents voters inquiry tribunal commission hearing"
)
ADJ_SUFFIXES = ("ian", "ean", "ese", "ish", "ch", "an", "i")
# A narrator's comment hanging off the end of a claim: ", a claim that could not be verified".
COMMENT_STARTS = word_set("a an which something this")
COMMENT_HEADS = word_set("claim claims assertion allegation charge statement figure account")


# Makers that are people: "Winemaker Snežana Trajkovska-Ilievska", "the filmmaker".
_PEOPLE_MAKERS = frozenset(
    "winemaker filmmaker lawmaker policymaker peacemaker dressmaker shoemaker cheesemaker".split()
)


def is_company_noun(low):
    return low in COMPANY_NOUNS or (low.endswith("maker") and len(low) > 6 and low not in _PEOPLE_MAKERS)


# Nouns with a person's ending that name no person.
NOT_PEOPLE = frozenset(
    "sector factor motor floor error indicator elevator monitor corridor number water paper order border power "
    "corner matter letter chapter quarter summer winter other after later never over under river tower center "
    "centre computer container cancer fever weather whether either neither rather together however dinner offer "
    "timber silver copper finger shoulder character parameter register charter cluster shelter filter layer "
    "barrier cover poster banner trigger thunder meter litre liter butter powder ladder rubber leather feather "
    "tiger spider monster gender danger anger hunger disorder disaster thriller trailer tractor reactor "
    "carrier freighter tanker trawler cruiser helicopter specimen regimen abdomen acumen".split()
)
# Prepositions after which a name says where speakers are ("farmers near Lago Fagnano", "doctors on Tahiti").
WHERE = frozenset("in at from on near outside around across along off inside".split())
# Words that make a name a body's: "Ministry", "Airlines", "Holdings".
BODY_WORDS = ORG_NOUNS | COMPANY_SUFFIXES
# Endings of nouns for people: "shipowner", "curator", "economist", "historian", "consultant", "deckhand",
# "engineer".
PERSON_ENDINGS = (
    "owner", "or", "ist", "ian", "ant", "keeper", "maker", "seller", "holder", "woman", "hand", "eer", "eur", "herd",
)  # fmt: skip
# What comes before "-man" in a noun for a person: "fisherman", "businessman" (names end so too: "Osman",
# "Abdirahman").
MAN_PREFIXES = word_set(
    "fisher chair spokes police fire business congress council crafts fore herds boat ferry post milk watch "
    "sales trades camera sea door head clergy gun lines news sports states yachts bus cattle dairy freight "
    "line repair middle horse noble country kins alder front bats anchor weather delivery handy patrol service "
    "militia tribes towns oars helms signal guards marks ombuds"
)


def has_person_ending(low):
    """Whether a lowercased word ends like a noun for a person: "curator", "deckhand", "fisherman"."""
    if low.endswith("man") and not low.endswith("woman"):
        return low[:-3] in MAN_PREFIXES
    return low.endswith(PERSON_ENDINGS)


def is_speaker_noun(low):
    """Whether a (lowercased) word names a kind of speaker: a role, an organisation, an unnamed source."""
    if len(low) > 5 and has_person_ending(low) and low not in NOT_PEOPLE:
        return True
    if low.endswith("s") and len(low) > 4 and (low[:-1] in ROLE_NOUNS or is_company_noun(low[:-1])):
        return True  # "insurers", "managers", "lawyers"
    if low.endswith("s") and len(low) > 6 and has_person_ending(low[:-1]) and low[:-1] not in NOT_PEOPLE:
        return True  # "observers", "campaigners", "economists"
    if low.endswith(("er", "ers")) and len(low) > 4 and low.removesuffix("s") not in NOT_PEOPLE:
        return True  # who does something: "weavers", "a banker", "ranchers", "traders"
    if low.endswith("men") and len(low) > 5 and low not in NOT_PEOPLE:
        return is_speaker_noun(low[:-3] + "man")  # "fishermen", "firemen", "chairwomen"
    return (
        low in ROLE_NOUNS or low in ORG_NOUNS or low in ANON_NOUNS or low.endswith("-year-old") or is_company_noun(low)
    )


def is_people_noun(low):
    """A noun for people, not for a body: "traders", "a hospital worker", "residents", "fishermen"."""
    return is_speaker_noun(low) and low not in ORG_NOUNS and not is_company_noun(low)


def is_plural_group(low):
    """People or bodies in the plural, who can be where they are: "Doctors (in X)", "Community groups (in Y)"."""
    singular = low[:-3] + "y" if low.endswith("ies") else low[:-1]  # "charities"
    return low.endswith("s") and (is_people_noun(low) or singular in ORG_NOUNS)


# Pronouns and roles that say whether a person is a man or a woman, for "he" and "she".
GENDERED = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
ROLE_GENDERS = {
    "spokeswoman": "f", "chairwoman": "f", "businesswoman": "f", "congresswoman": "f", "actress": "f",
    "queen": "f", "princess": "f", "mrs": "f", "ms": "f", "spokesman": "m", "chairman": "m", "businessman": "m",
    "congressman": "m", "king": "m", "prince": "m", "mr": "m",
}  # fmt: skip
# Nouns for a person of one gender, for a "she" after "A woman who fled ..." or "a local mother".
NOUN_GENDERS = {
    **ROLE_GENDERS, "woman": "f", "mother": "f", "girl": "f", "wife": "f", "daughter": "f", "sister": "f",
    "grandmother": "f", "widow": "f", "man": "m", "father": "m", "boy": "m", "husband": "m", "son": "m",
    "brother": "m", "grandfather": "m", "widower": "m",
}  # fmt: skip
