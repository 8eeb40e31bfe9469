"""Language data for English: number words, calendar words, function words.

This is grammar, not domain knowledge: nothing here names a group, an amount or a date of any
reference table. Domain vocabulary (names, cues, kinds, triggers) comes from the table.
"""

from __future__ import annotations

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000,
          "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000,  # South Asian: "₹10 lakh"
          "millones": 1_000_000, "millón": 1_000_000, "millon": 1_000_000}  # quoted Spanish: "30 millones de pesos"
SCALE_ABBREVIATIONS = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "mil": 1_000_000,
                       "b": 1_000_000_000, "bn": 1_000_000_000, "bln": 1_000_000_000}
COUNT_WORDS = {**UNITS, **TENS, "a dozen": 12, "dozen": 12, "a couple of": 2, "a pair of": 2}
# Ordinals that count what came before ("the 10th group the State Department has designated this year"); not
# "first", which names no count worth checking as often as it names one
ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
            "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
            "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20}

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
# Month names that are also ordinary words need a date-like context to count as months.
AMBIGUOUS_MONTHS = {"march", "may", "mar", "jan", "dec", "aug"}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
            "sunday": 6}
UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}

# Currency markers: symbol or word -> ISO code.
CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB",
                    "₩": "KRW", "₺": "TRY", "₪": "ILS"}
# Letters before "$" that name another dollar ("A$3.15 million", "C$1 million", "NZ$", "HK$"), or the real
DOLLAR_PREFIXES = {"a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD", "nz": "NZD", "hk": "HKD", "s": "SGD", "r": "BRL",
                   "mx": "MXN"}
# ISO 4217 codes written before or after an amount ("CHF 150,000", "50 million USD")
CURRENCY_CODES = ("usd", "eur", "gbp", "chf", "jpy", "cny", "inr", "cad", "aud", "nzd", "mxn", "brl", "cop", "ars",
                  "clp", "sek", "nok", "dkk", "pln", "czk", "huf", "rub", "zar", "krw", "sgd", "hkd", "ils", "aed",
                  "sar", "thb", "myr", "idr", "ngn", "uah", "irr", "php", "vnd")
# Abbreviations written before an amount, with or without a full stop ("Rs 15 lakh", "Rs. 5,00,000")
CURRENCY_ABBREVIATIONS = {"rs": "INR"}
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
                  "pounds": "GBP", "pounds sterling": "GBP", "swiss franc": "CHF", "swiss francs": "CHF",
                  "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "rouble": "RUB",
                  "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "krona": "SEK", "kronor": "SEK",
                  "zloty": "PLN", "zlotys": "PLN", "rand": "ZAR", "shekel": "ILS", "shekels": "ILS",
                  "swedish crowns": "SEK", "swedish crown": "SEK", "swedish kronor": "SEK",
                  "norwegian crowns": "NOK", "norwegian kroner": "NOK", "danish crowns": "DKK", "danish kroner": "DKK",
                  "czech crowns": "CZK", "czech korunas": "CZK", "canadian dollars": "CAD", "australian dollars": "AUD",
                  "new zealand dollars": "NZD", "hong kong dollars": "HKD", "singapore dollars": "SGD",
                  "mexican pesos": "MXN", "colombian pesos": "COP", "argentine pesos": "ARS", "chilean pesos": "CLP",
                  "brazilian reais": "BRL", "reais": "BRL", "peso": "PESO", "pesos": "PESO",
                  "lira": "TRY", "liras": "TRY", "turkish lira": "TRY", "turkish liras": "TRY", "baht": "THB",
                  "thai baht": "THB", "kroner": "KRONE", "krone": "KRONE", "dirham": "AED", "dirhams": "AED",
                  "riyal": "SAR", "riyals": "SAR", "naira": "NGN", "rupiah": "IDR", "ringgit": "MYR",
                  "hryvnia": "UAH", "hryvnias": "UAH", "iranian rials": "IRR", "rials": "RIAL", "rial": "RIAL"}
# A currency word several countries use: it matches an amount in any of their currencies ("3,000 million pesos" and a
# table's COP)
CURRENCY_FAMILIES = {"PESO": frozenset({"MXN", "COP", "ARS", "CLP", "CUP", "DOP", "UYU", "PHP"}),
                     "KRONE": frozenset({"NOK", "DKK"}), "RIAL": frozenset({"IRR", "OMR", "YER"})}
FAMILY_PLURALS = {"PESO": "pesos", "KRONE": "kroner", "RIAL": "rials"}  # how an explanation writes such an amount

# Words that hedge an amount or a count: the claim allows a margin.
# Words that qualify an amount or a count, and which way: "approx" allows a margin either side,
# "min" says the true value is at least the stated one, "max" at most; "above" and "below" exclude it.
BOUNDS = {
    "about": "approx", "around": "approx", "roughly": "approx", "approximately": "approx", "nearly": "approx",
    "almost": "approx", "some": "approx", "close to": "approx", "an estimated": "approx", "estimated": "approx",
    "more than": "above", "over": "above", "upwards of": "above", "in excess of": "above", "at least": "min",
    "less than": "below", "fewer than": "below", "under": "below", "no more than": "max", "at most": "max",
}  # "min"/"max" include the stated value, "above"/"below" do not
HEDGES = tuple(BOUNDS)

# Words that negate the verb they precede ("has not been designated"); "t" is what remains of "n't".
NEGATIONS = {"not", "never", "t", "no", "neither", "nor", "declined", "declines", "refused", "refuses", "rejected",
             "rejects", "failed", "fails"}  # "has not been designated", "declined to inscribe"
# An ended designation is not one now: "has revoked the designation of", "lifted sanctions on"
REMOVALS = {"revoked", "revokes", "revoking", "revoke", "rescinded", "rescinds", "rescinding", "lifted", "lifts",
            "lifting", "delisted", "delists", "delisting", "removed", "removes", "removing", "ended", "ends", "ending",
            "left", "leaves", "leaving", "exited", "exits", "exit", "exiting", "dropped", "drops", "dropping",
            "withdrawn", "withdrew", "withdraws", "withdrawing", "quashed", "annulled", "cancelled", "canceled"}
STRONG_REMOVALS = {"revoked", "revokes", "rescinded", "rescinds", "delisted", "delists", "removed", "removes",
                   "withdrawn", "quashed", "annulled"}  # alone
INTRANSITIVE_REMOVALS = frozenset({"came", "comes", "come", "coming"})  # "the UAE comes off": no passive needed
REMOVAL_PARTICLES = {"taken": "off", "took": "off", "take": "off", "takes": "off", "taking": "off",  # "taken off"
                     **dict.fromkeys(INTRANSITIVE_REMOVALS, "off")}

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr",
    "adm", "pres", "prof", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "etc", "approx",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt",
    "ft", "ave", "blvd", "dept", "est", "fig", "u.s", "u.n", "u.k", "d.c", "e.u",
}

# Verbs of saying and reporting: a date right after one dates the report, not the event.
# Who or what a statement is made to, between the verb and its date ("told Fox News Digital on Sunday", "said in
# an interview on Monday")
ATTRIBUTION_OBJECTS = {"reporters", "journalists", "lawmakers", "senators", "congress", "members", "the", "a", "an",
                       "interview", "conference", "news", "briefing", "in", "at", "statement", "press", "television",
                       "radio", "cnn", "audience", "us", "him", "her", "them"}

ATTRIBUTION_VERBS = {
    "said", "says", "say", "told", "tells", "reported", "reports", "wrote", "writes", "stated",
    "states", "added", "noted", "according", "tweeted", "posted", "confirmed",
    "responding", "speaking", "explained",
}

# What a designation acts on when it names the owner first ("froze Amana's assets", "banned Hezbollah's activities").
HELD_NOUNS = frozenset({"assets", "activities", "activity", "symbols", "property", "properties", "funds", "accounts",
                        "holdings", "operations", "results", "membership", "flag", "emblem", "insignia"})

# Words that open a new clause inside a sentence: cues on one side do not govern mentions on the other.
CLAUSE_OPENERS = ("while", "whereas", "but", "although", "though", "however", "meanwhile")

# Words that say a statement continues an earlier one ("was also designated").
# Nouns that make a following "of X" a modifier: in "Los Mayos, a faction of the Sinaloa Cartel" or "members of
# Tren de Aragua", X is not what the sentence designates.
RELATION_NOUNS = {"faction", "factions", "member", "members", "leader", "leaders", "head", "boss", "bosses", "chief",
                  "wing", "branch", "offshoot", "splinter", "cell", "cells", "ally", "allies", "rival", "rivals",
                  "affiliate", "affiliates", "remnant", "remnants", "successor", "founder", "commander", "commanders",
                  "lieutenant", "lieutenants", "operative", "operatives", "associate", "associates", "arm", "part",
                  "founders", "arms", "wings", "branches", "heads", "chiefs", "financier", "financiers", "spokesman",
                  "archrival", "archrivals", "arch-rival", "archenemy", "ties", "links",
                  "spokeswoman", "spokesperson", "editor", "editors", "journalists", "reporters", "staff",
                  "employees", "unit", "units", "chapter", "chapters", "figure", "figures", "dissident", "dissidents",
                  "lawmaker", "lawmakers", "legislator", "legislators", "negotiator", "negotiators", "administrator",
                  "administrators", "victim", "victims", "survivors", "operation", "offer", "director", "directors",
                  "chairman", "chairwoman", "owner", "owners", "co-founder", "co-founders", "deputy", "deputies",
                  "manager", "managers", "shareholder", "shareholders"}

RELATIVE_PRONOUNS = {"which", "who", "whose", "whom", "where"}  # ", which opened its session on July 7,"

# Words that open a clause of its own: a date after them dates that clause ("after Greece nominated them in 2014")
SUBORDINATORS = {"after", "before", "when", "once", "because", "although", "though", "whereas", "until"}

# Words that put a date on the first or the last day of an event that lasted ("opened on July 6", "closes Sept. 25")
START_WORDS = {"opened", "opens", "opening", "began", "begins", "beginning", "started", "starts", "starting",
               "launched", "convened", "convenes"}
END_WORDS = {"closed", "closes", "closing", "ended", "ends", "ending", "concluded", "concludes", "wrapped"}

# Words that make what follows a possibility, a plan or a demand, not a fact: "would decide whether to place X
# under increased monitoring", "urged the FATF to blacklist Russia", "working to avoid a listing"
HYPOTHETICAL_WORDS = {"could", "might", "should",  # not "may" ("In May, ... designated") nor a reported "would"
                      "whether", "avoid", "avoiding", "consider",
                      "considering", "urged", "urging", "urge", "urges", "calls", "calling", "plans", "planning",
                      "proposed", "proposes", "proposing", "threatened", "threatens", "threatening", "seeks", "seeking",
                      "wants", "push", "pushing", "lobbying", "lobbied", "demanded", "demanding", "if"}

# Prepositions that open a phrase of time or manner closing a list of names ("A and B in the first days of the war,
# and C in March": the date is C's alone)
PHRASE_PREPOSITIONS = {"in", "on", "at", "during", "within", "since", "after", "before", "over", "from", "throughout",
                       "following", "amid", "under", "by"}

# Prepositions that open a phrase about another event: a date closing it dates that event ("since the invasion of
# Ukraine two years ago")
EVENT_PREPOSITIONS = {"since", "after", "before", "following", "until", "amid"}

# Words that put a designation in the present ("remains designated", "is still listed"): a date before them is
# another clause's
STATE_WORDS = {"remains", "remain", "still", "currently", "continues", "continue", "already"}

# Lower-case words inside a personal name ("Joaquin Guzman Loera", "Rafael Caro Quintero", "Abu Bakr al-Baghdadi")
NAME_PARTICLES = {"de", "del", "della", "la", "las", "los", "el", "van", "von", "der", "den", "da", "das", "do", "dos",
                  "du", "bin", "ibn", "al", "y", "le"}

# Words that end a name a reward is offered for and open what is said about it ("for John Doe, who fled in 2019")
NAME_ENDERS = {"in", "at", "on", "who", "whom", "whose", "which", "that", "after", "before", "since", "and", "or",
               "with", "from", "by", "to", "into", "over", "under", "during", "while", "as", "when", "where", "if",
               "is", "was", "are", "were", "has", "had", "have", "will", "would", "said", "says", "but", "than"}

# Verbs that tell the next step of a sequence just told ("Haiti's Viv Ansanm followed in May", "In September came
# Los Choneros"): "followed" after its subject, "came" before it; and what may follow "followed" with no object
SEQUEL_AFTER = {"followed", "follows", "follow"}
SEQUEL_BEFORE = {"came", "comes", "come"}
SEQUEL_TAILS = {"in", "on", "suit", "soon", "shortly", "later", "weeks", "days", "months", "a", "two", "three",
                "within", "last", "this", "that", "after"}

# Nouns for a country's government acting ("Canadian authorities listed ...", "Ecuador's government declared ...")
GOVERNMENT_NOUNS = {"government", "governments", "authorities", "officials", "ministers", "minister", "parliament",
                    "police", "prosecutors", "cabinet", "lawmakers", "congress", "senate", "president", "courts",
                    "court", "administration", "ministry"}
# Words that may stand between a country and the verb it is the subject of ("Canada on the same day listed")
ACTOR_ADVERBS = {"on", "has", "have", "had", "also", "formally", "officially", "then", "later", "last", "this",
                 "in", "itself", "will", "now", "already", "quietly", "too", "separately", "likewise", "still",
                 "currently"}

# Verbs that offer a reward when no reward word is used: "El Mayo, for whom Washington offered $15 million"
OFFER_VERBS = {"offer", "offers", "offered", "offering"}

CONTINUATION_WORDS = {"also", "too", "likewise", "similarly", "additionally", "later", "then", "another"}

# Copulas and linking words that let a kind term describe a nearby name ("X, a terrorist group").
LINKING_WORDS = {"is", "are", "was", "were", "be", "been", "being", "became", "become", "becomes", "as", "like",
                 "including", "such",
                 "a", "an", "the", "other", "among", "and", "or",
                 "remains", "remain", "on", "list", "of",  # "X remains on the list of foreign terrorist organizations"
                 "once", "again", "now", "still", "officially", "formally", "also", "already", "currently",
                 "legally"}  # "Cuba is once again a state sponsor of terrorism", "is officially an endangered species"

ARTICLES = {"a", "an", "the"}
COPULAS = frozenset({"is", "are", "was", "were"})
# Nouns that count people, not groups ("17 Saudi nationals", "six people")
PERSON_NOUNS = frozenset({"person", "persons", "people", "individual", "individuals", "national", "nationals",
                          "citizen", "citizens", "man", "men", "woman", "women"})
IRREGULAR_PLURALS = {"man": "men", "woman": "women", "child": "children"}  # ("people": too often of victims)
# Plurals as a table writes them: its own "people" counts people ("more than 500 people and organizations")
PLURALS_AS_WRITTEN = frozenset({*IRREGULAR_PLURALS.values(), "people"})
# Of those, the ones that count people in any table that designates people ("17 individuals", "six nationals")
COUNTED_PEOPLE = frozenset({"individual", "person", "national", "man", "woman"})
# Nouns for someone who holds a role for or a tie to another ("Hemedti's brother", "the group's West Darfur
# commander"): the one owning them is not the one a sentence is about
ROLE_NOUNS = frozenset({
    "leader", "leaders", "chief", "chiefs", "head", "founder", "founders", "co-founder", "commander", "commanders",
    "deputy", "deputies", "brother", "brothers", "sister", "son", "sons", "daughter", "wife", "husband", "father",
    "mother", "cousin", "nephew", "uncle", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisers",
    "advisor", "aide", "aides", "envoy", "member", "members", "fighters", "ally", "allies", "agent", "agents",
    "financier", "financiers", "lawyer", "lawyers", "official", "officials", "boss", "bosses", "lieutenant",
    "lieutenants", "associate", "associates", "chairman", "president", "minister", "director", "operative",
    "operatives", "militants", "supporters", "backers", "partner", "partners"})
# Words a trigger may hold that its table phrase leaves out ("restored those protections": "restored protections")
DETERMINERS = frozenset(ARTICLES | {"this", "these", "those", "its", "their", "his", "her"})
# Pronouns that stand for a person ("leading to his arrest", "He was captured ..."); "her" also as a possessive
PERSONAL_PRONOUNS = {"he", "him", "his", "she", "her", "hers"}


# Letters whose names begin with a vowel sound: "an FBI list", "a UN list"
_AN_LETTERS = frozenset("AEFHILMNORSX")
_A_BEFORE = ("eu", "uni", "use", "usu", "uti", "ura", "one", "once")  # "a European", "a unit", "a one-off"
_AN_BEFORE = ("hour", "honest", "honor", "honour", "heir")  # "an hour", "an honorary"


def indefinite_article(phrase: str) -> str:
    """ "a" or "an" for `phrase`, by the sound it opens with: "an FBI list", "a US list", "a European", "an hour"."""
    word = phrase.split(maxsplit=1)[0] if phrase.strip() else ""
    letters = word.strip("\"'(")
    if len(letters) >= 2 and letters.isupper() and letters.isalpha():
        if len(letters) <= 3 or not set(letters[1:]) & set("AEIOU"):  # said letter by letter: "an FBI", "a US"
            return "an" if letters[0] in _AN_LETTERS else "a"
        return "an" if letters[0] in "AEIO" else "a"  # said as a word: "a NATO", "an OPEC", "a UNESCO"
    low = letters.lower()
    if low.startswith(_AN_BEFORE):
        return "an"
    if low.startswith(_A_BEFORE):
        return "a"
    return "an" if low[:1] in ("a", "e", "i", "o", "u") else "a"


# Words that carry no event of their own: left out of a trigger's loose form (see lexicon.PhraseIndex.add_loose)
FUNCTION_WORDS = frozenset({
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "with", "from", "into", "onto", "over", "under",
    "and", "or", "but", "as", "than", "that", "this", "these", "those", "which", "who", "whom", "whose", "its", "his",
    "her", "their", "our", "it", "he", "she", "they", "him", "them", "is", "are", "was", "were", "be", "been",
    "being", "has", "have", "had", "will", "would", "after", "before", "since", "during", "about", "against", "not",
    "s"})

# Irregular verb forms -> the base form, for `stem`: how a trigger's "killed" also finds a timeline's "kills" and
# "met in Anchorage" a present "meet ... in Anchorage".
IRREGULAR_VERBS = {
    "met": "meet", "fled": "flee", "fell": "fall", "fallen": "fall", "took": "take", "taken": "take",
    "stole": "steal", "stolen": "steal", "froze": "freeze", "frozen": "freeze", "shot": "shoot", "struck": "strike",
    "won": "win", "swore": "swear", "sworn": "swear", "caught": "catch", "sold": "sell", "held": "hold",
    "led": "lead", "left": "leave", "broke": "break", "broken": "break", "sent": "send", "gave": "give",
    "given": "give", "went": "go", "gone": "go", "came": "come", "ran": "run", "wrote": "write",
    "written": "write", "spoke": "speak", "spoken": "speak", "chose": "choose", "chosen": "choose",
    "drove": "drive", "driven": "drive", "rose": "rise", "risen": "rise", "threw": "throw", "thrown": "throw",
    "blew": "blow", "blown": "blow", "flew": "fly", "flown": "fly", "withdrew": "withdraw",
    "withdrawn": "withdraw", "overthrew": "overthrow", "overthrown": "overthrow", "sank": "sink", "sunk": "sink",
    "sought": "seek", "fought": "fight", "paid": "pay", "said": "say", "made": "make", "found": "find",
    "told": "tell", "kept": "keep", "lost": "lose", "hid": "hide", "hidden": "hide", "spent": "spend",
    "built": "build", "began": "begin", "begun": "begin", "brought": "bring", "bought": "buy", "died": "die",
    "dies": "die", "dying": "die", "seen": "see", "saw": "see", "dealt": "deal", "meant": "mean", "beat": "beat",
    "beaten": "beat", "bore": "bear", "born": "bear", "ate": "eat", "shook": "shake", "wore": "wear",
    "tore": "tear", "torn": "tear", "undertook": "undertake", "oversaw": "oversee", "forgave": "forgive",
    "put": "put", "set": "set",  # (the same in every tense: "they have put it on the list")
}
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


def stem(word: str) -> str:
    """A crude common form of an English word's inflections: "killed", "kills", "killing" -> "kill"; "barred",
    "bars" -> "bar"; "approved", "approves" -> "approv"; "met", "meets" -> "meet" (folded words, no accents)."""
    word = IRREGULAR_VERBS.get(word, word)
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[:-len(suffix)] + replacement
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":  # (barr)ed, (stopp)ed; not kill, pass
        word = word[:-1]
    if len(word) > 3 and word[-1] == "e":
        word = word[:-1]
    return word


def inflections(word: str) -> set[str]:
    """The word's common inflections that `stem` takes back to its stem ("kill": "kills", "killed", "killing";
    "bar": "barred"; "carry": "carried"; "meet": "met"), the word itself included."""
    base = stem(word)
    candidates = {word, base}
    for root in (base, base + "e", base + base[-1], base[:-1] + "i" if base.endswith("y") else base):
        candidates |= {root, *(root + suffix for suffix in ("s", "es", "ed", "ing", "d"))}
    candidates |= {form for form, verb in IRREGULAR_VERBS.items() if stem(verb) == base}
    return {form for form in candidates if stem(form) == base}
