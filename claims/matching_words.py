"""The words claims.matching knows: stop words, negations, moves up and down, opposites, synonyms, numbers
written as words and their scales, months, words inside names, and the bodies known by a short name that
is not their initials. All compared lowercased (the folded forms of claims.matching._fold where noted)."""

STOP = set(
    """a an the of to in on at for and or but is are was were be been being am that this these those it its
    by with from as has have had having will would shall should can could may might must do does did done
    so than then there their they them he she his her him we our us you your i me my about over into onto
    also just only very any some such which who whom whose what when where while if because since after
    before during per up down out off again further once here all both each other own same too s t
    said says say saying told tells tell according claimed claims claim added adds stated states noted
    reported reports announced announces insisted insist explained explains warned warns found finds showed
    shows study survey""".split()
)

NEGATIONS = set(
    "not no never none nobody nothing neither nor without cannot cant isnt arent wasnt werent dont doesnt didnt "
    "wont wouldnt hasnt havent hadnt denied denies deny denying refuted rejected false untrue refused refuses "
    "failed fails unable".split()
)

UP = set(
    "rose rise rises rising risen increase increased increases increasing grew grow grows growing grown higher "
    "climbed climb climbs surged surge surges soared soar jumped jump gained gain gains doubled tripled "
    "expanded expand raised raise raises boosted up hike hiked".split()
)

DOWN = set(
    "fell fall falls falling fallen decrease decreased decreases decreasing dropped drop drops declined decline "
    "declines lower lowered plunged plunge slumped slump shrank shrink shrinks cut cuts reduced reduce reduces "
    "halved slashed tumbled down sank".split()
)

STEADY = set("unchanged steady stable held kept flat maintained stagnant".split())

# Pairs of folded words that say opposite things about the same event.
OPPOSITES = [
    ("acquit", "convict"), ("acquit", "jail"), ("acquit", "sentenc"), ("acquit", "guilty"), ("clear", "convict"),
    ("confirm", "deny"), ("win", "lose"), ("won", "lost"), ("approv", "reject"), ("hire", "fire"),
    ("hire", "lay"), ("recruit", "lay"), ("capture", "release"), ("capture", "free"), ("arrest", "release"),
    ("import", "export"), ("arrive", "depart"), ("join", "quit"), ("legalis", "prohibit"), ("allow", "prohibit"),
    ("construct", "demolish"), ("start", "close"), ("open", "close"), ("pass", "fail"), ("accept", "reject"),
    ("winner", "loser"), ("surplus", "deficit"), ("profit", "loss"), ("lost", "surviv"), ("los", "surviv"),
    ("resign", "surviv"),
]  # fmt: skip

MOVES = {1: "up", -1: "down", 2: "steady"}

# Words that say the same, folded to one; applied after inflections are folded.
SYNONYMS = {
    "kill": "die", "dead": "die", "death": "die", "fatal": "die", "perish": "die", "casualty": "die",
    "people": "person", "resident": "person", "citizen": "person", "civilian": "person", "individual": "person",
    "cost": "price", "fare": "price", "tariff": "price", "charge": "price",
    "begin": "start", "began": "start", "launch": "start", "commence": "start", "open": "start",
    "ease": "slow", "cool": "slow", "moderate": "slow", "slowdown": "slow",
    "finish": "end", "conclude": "end", "halt": "end", "stop": "end", "suspend": "end",
    "shut": "close", "closure": "close", "ban": "prohibit", "forbid": "prohibit", "outlaw": "prohibit",
    "buy": "purchase", "bought": "purchase", "acquire": "purchase", "sell": "sale", "sold": "sale",
    "build": "construct", "built": "construct", "construction": "construct",
    "worker": "employee", "staff": "employee", "employ": "employee", "job": "employee",
    "firm": "company", "business": "company", "corporation": "company",
    "government": "govern", "administration": "govern", "cabinet": "govern", "authority": "govern",
    "percent": "%", "cent": "%", "percentage": "%",
    "child": "kid", "children": "kid", "school": "school", "pupil": "student",
    "hospital": "clinic", "doctor": "physician", "vaccine": "vaccination", "jab": "vaccination",
    "car": "vehicle", "automobile": "vehicle", "lorry": "truck", "bridge": "bridge",
    "big": "large", "huge": "large", "major": "large", "small": "little", "tiny": "little",
    "attack": "strike", "assault": "strike", "raid": "strike", "bomb": "strike", "shell": "strike",
    "flee": "cross", "fled": "cross", "escape": "cross",
    "sack": "dismiss", "fire": "dismiss", "oust": "dismiss", "seize": "capture", "conquer": "capture",
    "guilty": "convict", "bribery": "bribe", "fighting": "battle", "fight": "battle", "concede": "admit",
    "bann": "prohibit", "forecast": "expect", "predict": "expect", "project": "expect", "quit": "resign",
    "soldier": "troop", "military": "troop", "army": "troop", "force": "troop",
    "money": "fund", "funding": "fund", "budget": "fund", "spend": "fund", "spending": "fund",
    "annual": "year", "yearly": "year", "month": "month", "week": "week",
    "chief": "head", "leader": "head", "director": "head", "boss": "head",
    "home": "house", "housing": "house", "dwelling": "house", "flat": "apartment",
    "pay": "wage", "salary": "wage", "earning": "wage", "income": "wage",
    "member": "join", "membership": "join", "mp": "parliament", "lawmaker": "parliament",
    "legislature": "parliament", "legislator": "parliament",
    "election": "vote", "ballot": "vote", "poll": "vote",
    "water": "water", "rain": "rainfall", "flood": "flood", "flooding": "flood",
    "unemployment": "jobless", "unemployed": "jobless",
    "eur": "euro", "usd": "dollar", "gbp": "pound", "$": "dollar", "€": "euro", "£": "pound",
    "ukrainian": "ukraine", "russian": "russia", "french": "france", "german": "germany", "british": "britain",
}  # fmt: skip

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "hundred": 100,
    "half": 0.5, "a": 1,
}  # fmt: skip

SCALES = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
    "b": 1e9, "trillion": 1e12, "tn": 1e12,
}  # fmt: skip

MONTHS = {
    name: number
    for number, names in enumerate(
        ["january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug",
         "september sept sep", "october oct", "november nov", "december dec"], 1
    )
    for name in names.split()
}  # fmt: skip

# Words many names share ("Kyiv Oblast", "Kharkiv Oblast"): not enough on their own to call two names one.
GENERIC_NAME_WORDS = set(
    "oblast region city province state county district ministry department party university company bank "
    "council court republic national united new south north east west central president minister mr mrs ms "
    "dr general prime governor mayor st saint lake river mount port airport hospital school".split()
)

# Reporting words: a difference that holds one is about who said it, not what was said.
CUES = set("said say says told tell tells according claimed claim claims added stated reported announced".split())

# Words that describe a person or body named beside them ("former police chief Teodor Brisk"): not what
# was done.
DESCRIPTORS = set(
    "former ex chief head police minister president spokesman spokeswoman spokesperson director governor mayor "
    "general secretary leader official businessman businesswoman executive opposition veteran".split()
)

# Reported speech puts the body for the speaker's "we".
FIRST_PERSON = {"we", "our", "us", "i", "my"}

SPEAKERS_BODIES = {"govern", "company", "ministry", "party", "bank", "council", "club"}

PLACE_PREPOSITIONS = {"at", "near", "outside", "inside"}

ORG_WORDS = set(
    "organization organisation development fund agency office commission council institute foundation "
    "association union authority committee programme program bank company corporation group federation".split()
)

CURRENCY_CODES = {"eur", "usd", "gbp", "chf", "jpy", "cny"}  # "EUR 800m": a unit, not a party

SMALL_WORDS = {"of", "the", "de", "la", "des", "du", "von", "van", "del", "da", "and", "for", "&"}  # "Bank of England"

WEEKDAYS = set("monday tuesday wednesday thursday friday saturday sunday".split())

# A change by a factor is a figure: "doubled" is "twice as high", not "tripled".
MULTIPLIERS = {
    "double": 2, "doubled": 2, "doubles": 2, "doubling": 2, "twice": 2, "triple": 3, "tripled": 3, "triples": 3,
    "trebled": 3, "thrice": 3, "quadrupled": 4, "halved": 0.5, "halves": 0.5, "halving": 0.5,
}  # fmt: skip

ORDINALS = {"1": "first", "2": "second", "3": "third", "4": "fourth"}

# One / a third, a quarter, one in five: fractions and shares, as the per cent they are.
FRACTIONS = {"half": 50, "third": 100 / 3, "quarter": 25, "fifth": 20, "tenth": 10}

# Bodies whose short name is not their initials, and the descriptions outlets use for them.
ALIASES = {
    "UNICEF": ("United Nations Children's Fund", "UN Children's Fund", "UN children's agency"),
    "UNHCR": ("UN refugee agency", "United Nations refugee agency", "UN High Commissioner for Refugees",
              "United Nations High Commissioner for Refugees"),
    "UNESCO": ("United Nations Educational, Scientific and Cultural Organization",),
    "WHO": ("UN health agency",),
    "WFP": ("UN food agency",),
}  # fmt: skip
