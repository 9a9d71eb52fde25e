"""Word lists that describe what a figure is about, shared by extraction (which reads frames from the
parse) and comparison (which aligns them). Lemmas, lower case; no spaCy here."""

from __future__ import annotations

# What happened to the counted thing, by the lemma of the verb or noun that says it. Figures of two
# different classes never answer the same question: people killed are not people wounded.
EVENT_CLASSES: dict[str, frozenset[str]] = {
    "killed": frozenset({"kill", "die", "dead", "death", "slay", "murder", "execute", "fatality", "perish",
                         "massacre", "gun", "toll", "body", "fatal", "slain", "drown", "behead", "suffocate",
                         "asphyxiate"}),
    "wounded": frozenset({"wound", "injure", "injury", "hurt", "hospitalize", "hospitalise", "injured",
                          "wounded", "casualty", "treat", "burn"}),
    "shot": frozenset({"shoot", "shot"}),
    # Taken into custody, people or things alike ("23 pirates seized", "nine rifles seized"): what is
    # counted tells them apart.
    "captured": frozenset({"arrest", "detain", "capture", "apprehend", "custody", "arrestee", "jail", "nab",
                           "seize", "confiscate", "recover", "impound"}),
    "rescued": frozenset({"rescue", "evacuate", "free", "save", "release", "pull", "escape", "flee"}),
    "trapped": frozenset({"trap", "hide", "barricade", "strand"}),
    "charged": frozenset({"charge", "indict", "count", "accuse", "convict", "sentence"}),
    "moved": frozenset({"send", "deploy", "dispatch", "station", "transfer", "move", "arrive", "withdraw",
                        "fight", "serve", "mobilise", "mobilize"}),
    "paid": frozenset({"pay", "buy", "acquire", "purchase", "sell", "cost", "value", "worth", "price", "bid",
                       "offer", "deal", "spend", "fund", "raise", "borrow", "lend", "owe", "embezzle", "steal",
                       "misuse", "loan"}),
    # "took to the streets" is read through its light verb (LIGHT_VERBS): the street is where people gather.
    "gathered": frozenset({"march", "protest", "demonstrate", "rally", "gather", "attend", "join",
                           "crowd", "protester", "demonstrator", "marcher", "participate", "attendance",
                           "street", "turnout", "gathering", "pack", "packed", "crowded"}),
    "attacked": frozenset({"attack", "raid", "assault", "strike"}),
    # A hijacking succeeded; an attack may not have: ships attacked and ships hijacked are two counts.
    "hijacked": frozenset({"hijack", "hijacking", "hijacker", "commandeer"}),
    "held": frozenset({"hold", "keep", "hostage", "captive"}),
    "destroyed": frozenset({"destroy", "flatten", "damage", "collapse", "raze", "demolish", "destruction"}),
    "missing": frozenset({"miss", "missing", "disappear", "unaccounted"}),
    "earned": frozenset({"earn", "revenue", "sale", "profit", "income", "turnover", "generate"}),
    "cut": frozenset({"cut", "lay", "eliminate", "layoff", "shed", "axe"}),
    "voted": frozenset({"vote", "elect", "ballot"}),
    "displaced": frozenset({"displace", "homeless", "shelter", "evacuee"}),
}
EVENT_CLASS_OF: dict[str, str] = {lemma: name for name, lemmas in EVENT_CLASSES.items() for lemma in lemmas}
# Words that end many names of one kind: "the Birch Fire" and "the Pell Creek Fire", "Harlan County" and "Dunmore
# County" share one and are two fires, two counties. Only another word in common makes two names one.
KIND_OF_NAME_WORDS = frozenset({
    "fire", "county", "city", "state", "river", "lake", "island", "street", "road", "company", "co", "corp",
    "corporation", "inc", "ltd", "plc", "group", "bank", "party", "council", "university", "college", "school",
    "hospital", "department", "ministry", "agency", "court", "club", "fund", "foundation", "airport", "station",
    "bridge", "park", "center", "centre", "church", "police", "national", "international", "united", "new",
})
# Land is burned as people are: "burned 12,000 acres" and "scorched 12,400 acres" are one measure of a fire, and
# no wound. Only an area gives these verbs this class.
AREA_UNITS = frozenset({"acres", "hectares", "square miles", "km²", "m²", "sq ft"})
LAND_BURNING_VERBS = frozenset({"burn", "scorch", "char", "blacken", "consume", "torch", "engulf"})
LAND_BURNED = "land burned"

# Nouns for people in general: "two workers" and "two people" killed in one shooting answer the same
# question. Roles ("officers", "pirates") and sexes or ages ("women", "children") stay themselves: "two
# women and a man" are parts of one toll, and only the same value joins them to it.
PERSON_NOUNS = frozenset({
    "people", "person", "worker", "coworker", "co-worker", "employee", "civilian", "victim", "resident",
    "individual", "bystander", "customer", "patron", "clubgoer", "other", "colleague", "guest", "passenger",
    "staff", "inhabitant", "partygoer", "attendee", "concertgoer", "reveller", "reveler",
})
# Nouns that count instances of what follows "of": "one count of murder" and "two counts of felonious assault"
# are two charges, "three cases of measles" and "two cases of mumps" two diseases.
KIND_NOUNS = frozenset({"count", "charge", "case", "incident", "instance"})
# Jobs lost, however said ("cut 340 jobs", "340 jobs will be lost", "would cost 340 jobs"): the noun, the
# event class, and the verbs that lose jobs outside the class; words that free people a verb of cutting
# reaches ("cut two workers free") instead of laying them off.
JOB, JOBS_CUT = "job", "cut"
JOB_LOSING_VERBS = frozenset({"lose", "cost"})
# Other words for a job when jobs are cut or lost: "shed 1,200 roles", "axe 1,500 posts", "400 positions will go".
JOB_NOUNS = frozenset({JOB, "role", "post", "position"})
RELEASING_WORDS = frozenset({"free", "loose", "out"})
# A figure per period written as one word ("£40m annually"), or with another word for the period ("per
# annum"): the period a rate is per.
RATE_ADVERBS = {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day",
                "hourly": "hour"}
RATE_NOUNS = {"annum": "year"}
# A share is written as a percentage or as a fraction in words: "67 percent of voters", "two-thirds of voters".
PERCENT, FRACTION = "percent", "fraction"
SHARE_UNITS = (PERCENT, FRACTION)
# Nouns for one person, whose age a copula may give: "the gunman was 19".
INDIVIDUAL_NOUNS = frozenset({
    "man", "woman", "boy", "girl", "teenager", "suspect", "gunman", "shooter", "victim", "officer", "deputy",
    "driver", "student", "father", "mother", "son", "daughter", "husband", "wife", "pilot", "soldier",
})
# Nouns and verbs of one purchase: "Norbank's £3.6bn purchase" is the sum it agreed to buy for, or pays.
# (A loan or a tax bill is paid too, but names a sum of its own: "a $900m loan" is no purchase price.)
PURCHASE_WORDS = frozenset({"buy", "purchase", "acquisition", "acquire", "takeover", "pay"})
# Words that count the same thing in war and news copy, and units written in several ways.
MEASURE_SYNONYMS = {
    "soldier": "troop", "force": "troop", "serviceman": "troop", "servicemen": "troop", "fatality": "death",
    "round": "shot", "bullet": "shot",
    "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km", "miles": "mile",
    "per cent": "percent", "pct": "percent", "yrs": "years", "year": "years",
    "millimetres": "mm", "millimeters": "mm", "millimetre": "mm", "millimeter": "mm",
    "centimetres": "cm", "centimeters": "cm", "centimetre": "cm", "centimeter": "cm", "kph": "km/h",
}
# "others", "them", "the rest": counted from an antecedent, not named here.
ANAPHORIC_NOUNS = frozenset({"other", "them", "they", "rest", "those", "these", "whom", "which", "one"})
# Verbs that state a level rather than an event: the subject names what is measured ("the death toll
# rose to 10", "the population is 120,000").
LEVEL_VERBS = frozenset({"be", "rise", "climb", "reach", "stand", "increase", "jump", "grow", "hit", "total",
                         "top", "exceed", "fall", "drop", "put", "number", "surpass", "decline", "soar",
                         "double", "remain", "estimate", "have", "include", "become"})
# Verbs that move their object to the figure: "raising the death toll to two", "bringing the total to 23".
# The object says what is measured, as a level's subject does, and the figure is its new value.
RAISING_VERBS = frozenset({"raise", "bring", "push", "take", "lift", "drive", "send"})
# A level said to have moved to a new value: a revision of an earlier figure.
REVISION_VERBS = frozenset({"rise", "climb", "reach", "increase", "jump", "grow", "revise", "update", "soar",
                            "double", "surpass", "mount"}) | RAISING_VERBS
# Verbs that put the counted in a state named after "in": "two were in critical condition", "three remain in
# custody". The state is what the figure counts them by.
STATE_VERBS = frozenset({"be", "remain", "stay", "list"})
REVISION_WORDS = frozenset({"now", "revised", "updated", "initially", "previously", "originally"})
# Verbs and nouns of a change ("rose 5%", "a 30% drop"): a change is never the level it changes.
CHANGE_WORDS = frozenset({"rise", "fall", "increase", "decrease", "jump", "drop", "climb", "gain", "lose",
                          "slip", "surge", "plunge", "soar", "tumble", "slide", "sink", "grow", "decline",
                          "cut", "shrink", "rally", "dip", "up", "down", "boost", "reduce"})
ADDITIONAL_WORDS = frozenset({"additional", "another", "extra", "further", "more", "new"})
CUMULATIVE_PHRASES = (("so", "far"), ("to", "date"), ("in", "all"), ("in", "total"), ("altogether",),
                      ("overall",), ("total",), ("cumulative",), ("since",))
# "can" too: "a magnitude-6.0 quake can cause severe damage" says what may happen, not what did.
EXPECTATION_WORDS = frozenset({"will", "would", "can", "could", "may", "might", "should", "expect", "plan", "project",
                               "forecast", "aim", "hope", "seek", "target", "propose", "want", "intend",
                               "predict", "likely", "potential", "possible", "attempt", "try", "need"})
ESTIMATE_WORDS = frozenset({"estimate", "estimated", "projected"})
# Verbs that set a figure on what their object measures: "police put the crowd at 30,000".
ESTIMATING_VERBS = frozenset({"put", "estimate", "place", "peg", "number"})
# What a crowd's size is given as: "police put the turnout at 80,000" counts people.
CROWD_NOUNS = frozenset({"crowd", "turnout", "attendance", "gathering"})
# Attributes a figure can state of its holder, by the unit or the word that introduces it.
AGE_WORDS = frozenset({"age", "aged", "old"})
# Verbs that give a noun a person's name: "a man identified as Cole Brandt", "a woman named Ana Ruiz".
NAMING_VERBS = frozenset({"identify", "name", "call"})
# Verbs of taking up a post: "joined the force five years ago" gives a tenure of five years, as "has served
# for five years" does.
JOINING_VERBS = frozenset({"join", "hire", "become", "elect", "appoint", "enlist", "recruit"})
# Where someone works, for "has been with the club for six years".
EMPLOYER_NOUNS = frozenset({"police", "force", "office", "department", "club", "company", "firm", "team", "agency",
                            "bank", "school", "paper", "newspaper", "council", "board", "army", "navy", "party",
                            "station", "hospital", "service", "union", "university", "group", "side"})
TENURE_VERBS = frozenset({"work", "serve", "employ", "live", "spend", "stay", "teach", "lead", "hold"})
# Words that say nothing about which statement or which speaker it is.
FUNCTION_WORDS = frozenset({
    "the", "a", "an", "of", "and", "or", "to", "in", "on", "for", "with", "by", "at", "from", "as", "that",
    "this", "these", "those", "its", "their", "his", "her", "our", "mr", "mrs", "ms", "dr", "president",
    "minister", "prime", "leader", "official", "officials", "spokesman", "spokeswoman", "spokesperson",
    "statement", "said", "says",
})
# Words that make a name an organisation's or a building's, though the small model tags many people's names
# as one or the other.
ORGANISATION_WORDS = frozenset({
    "corp", "corporation", "inc", "ltd", "limited", "plc", "llc", "co", "company", "group", "holdings", "bank",
    "fund", "trust", "association", "union", "council", "club", "united", "city", "fc", "party", "university",
    "college", "school", "institute", "agency", "ministry", "department", "office", "police", "army", "navy",
    "force", "forces", "committee", "commission", "court", "board", "foundation", "society", "airlines",
    "airways", "motors", "industries", "international", "news", "times", "post", "journal", "press", "media",
    "network", "service", "services", "systems", "technologies", "partners", "capital", "energy", "house",
    "centre", "center", "hospital", "church", "team", "league", "federation", "organisation", "organization",
    "bridge", "airport", "street", "road", "avenue", "tower", "stadium", "hall", "station", "park", "square",
    "building", "mall", "hotel", "prison", "jail", "museum", "theatre", "theater", "arena", "library",
})
# Words of four letters or more that any two sentences of one speaker share, whatever they are about.
GRAMMAR_WORDS = frozenset({
    "will", "would", "could", "should", "must", "have", "been", "being", "were", "with", "from", "this", "that",
    "these", "those", "they", "them", "their", "there", "here", "what", "which", "when", "where", "while",
    "about", "into", "over", "than", "then", "also", "just", "very", "more", "most", "some", "such", "only",
    "other", "because", "make", "made", "like", "want", "going", "think", "know", "does", "doing", "done",
    "your", "ours", "every", "many", "much", "even", "still", "really", "things", "thing", "people", "time",
    "today", "year", "years", "after", "before", "again", "need", "back", "well", "good", "great",
})
# What a poll's share measures, by the verb or noun that says it: "38% approve of Hale", "Hale's approval
# rating fell to 38%", "put her approval at 37%" all give Hale's approval.
OPINIONS = {"approve": "approval", "approval": "approval", "disapprove": "disapproval",
            "disapproval": "disapproval", "support": "support", "back": "support", "favor": "support",
            "favour": "support", "oppose": "opposition", "opposition": "opposition", "trust": "trust",
            "favorability": "favourability", "favourability": "favourability"}
# Verbs of a vote that decides a measure: "passed the bill 69-30", "approved it, 69 to 30", "voted 68-31 to
# pass it" are one decision; "voted 51-49 to advance it" is another.
PASSING_VERBS = frozenset({"pass", "approve", "adopt", "reject", "ratify", "override", "clear"})
# Nouns for any measure voted on, which name none: "the tax bill" and "a rewrite of the tax code" are one.
MEASURE_NOUNS = frozenset({"bill", "measure", "legislation", "proposal", "package", "rewrite", "overhaul", "law",
                           "act", "resolution", "version", "it", "motion"})
# Verbs of winning a vote, whose subject won and whose object lost ("Voss beat Ortiz 212-97"), and of electing,
# whose object won ("re-elected Voss by a vote of 212 to 97 over Ortiz").
WINNING_VERBS = frozenset({"beat", "defeat", "edge", "oust", "trounce", "win", "take", "get", "receive"})
ELECTING_VERBS = frozenset({"elect", "re-elect", "reelect", "choose", "pick", "name", "confirm"})
# Verbs whose subject is the thing a sum prices ("the console sells for $150").
PRICE_VERBS = frozenset({"cost", "sell", "value", "price", "fetch", "retail"})
# Currencies named after a figure ("40 billion yen", "9.5bn kronor"), in the forms news copy writes. A name
# that several countries use stands for the best-known of them ("dollars" for US dollars) unless a country is
# named with it (QUALIFIED_CURRENCIES); a name no country stands out for gets a code of its own ("PESO"), so
# that two articles that write it still compare. Wire copy abbreviates dollars and sterling ("15 mln dlrs",
# "4 mln stg").
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "dlr": "USD", "dlrs": "USD", "pound": "GBP", "pounds": "GBP",
    "sterling": "GBP", "stg": "GBP", "euro": "EUR", "euros": "EUR", "yen": "JPY", "yuan": "CNY",
    "renminbi": "CNY", "rupee": "INR", "rupees": "INR",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "won": "KRW", "franc": "CHF",
    "francs": "CHF", "krona": "SEK", "kronor": "SEK", "kronur": "ISK", "krone": "KRONE", "kroner": "KRONE",
    "reais": "BRL", "reals": "BRL", "baht": "THB", "rand": "ZAR", "naira": "NGN", "ringgit": "MYR",
    "rupiah": "IDR", "lira": "TRY", "liras": "TRY", "shekel": "ILS", "shekels": "ILS", "zloty": "PLN",
    "zlotys": "PLN", "lei": "RON", "forint": "HUF", "koruna": "CZK", "hryvnia": "UAH", "hryvnias": "UAH", "dong": "VND",
    "cedi": "GHS", "cedis": "GHS", "taka": "BDT", "peso": "PESO", "pesos": "PESO", "dinar": "DINAR",
    "dinars": "DINAR", "riyal": "RIYAL", "riyals": "RIYAL", "rial": "RIAL", "rials": "RIAL", "dirham": "AED",
    "dirhams": "AED", "shilling": "SHILLING", "shillings": "SHILLING",
}
# A country's word before a currency's name says which currency it is: "Australian dollars", "Danish kroner",
# "Hong Kong dollars", "CFA francs".
CURRENCY_COUNTRIES = {
    "us": "USD", "u.s.": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD", "singapore": "SGD",
    "taiwan": "TWD", "zealand": "NZD", "kong": "HKD", "zimbabwe": "ZWL", "swiss": "CHF", "cfa": "XAF",
    "danish": "DKK", "norwegian": "NOK", "swedish": "SEK", "icelandic": "ISK", "indian": "INR", "pakistani": "PKR",
    "lankan": "LKR", "nepalese": "NPR", "mexican": "MXN", "argentine": "ARS", "argentinian": "ARS",
    "colombian": "COP", "chilean": "CLP", "philippine": "PHP", "saudi": "SAR", "qatari": "QAR", "iranian": "IRR",
    "kuwaiti": "KWD", "iraqi": "IQD", "algerian": "DZD", "jordanian": "JOD", "tunisian": "TND", "kenyan": "KES",
    "ugandan": "UGX", "tanzanian": "TZS", "brazilian": "BRL", "turkish": "TRY", "chinese": "CNY",
    "japanese": "JPY", "russian": "RUB", "african": "ZAR",
}
# Currencies by name, as an exchange rate is quoted against one ("$1.36 against the euro"): every name a
# figure may carry, and "real", which after a figure is too often the adjective.
CURRENCY_NAMES = frozenset(CURRENCY_WORDS) | {"real"}
# Words an editor adds to or drops from a quote without changing what was said.
SILENT_EDITS = frozenset({"the", "a", "an", "that"})
# British spellings that no suffix rule spells the American way (`compare.quotes._one_spelling`): a quote
# carried by a British and an American outlet is the same words.
BRITISH_SPELLINGS = {"cheque": "check", "cheques": "checks", "programme": "program", "programmes": "programs",
                     "tyre": "tire", "tyres": "tires", "kerb": "curb", "plough": "plow",
                     "grey": "gray", "aluminium": "aluminum", "sceptic": "skeptic", "sceptical": "skeptical", "manoeuvre": "maneuver", "enquiry": "inquiry",
                     "pyjamas": "pajamas", "jewellery": "jewelry", "mould": "mold", "moult": "molt",
                     "paediatric": "pediatric", "anaesthetic": "anesthetic", "foetus": "fetus"}
# Nouns that tally an event: their compound names what happened ("death toll", "injury count").
TALLY_NOUNS = frozenset({"toll", "count", "tally", "number", "total", "figure"})
# Nouns that gather what a figure counts, so that what happens to them happens to those counted: "a group of
# 20 protesters was arrested", "a total of 23 pirates were captured", "the death toll of 10 rose".
COUNTING_NOUNS = TALLY_NOUNS | CROWD_NOUNS | frozenset({"group", "band", "gang", "team", "batch", "handful",
                                                        "party", "convoy", "crew"})
MAGNITUDE_WORDS = frozenset({"magnitude", "richter"})
DURATION_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade"})
# "Qeshm has 120,000 people", "is home to", "lives": a place's population.
POPULATION_VERBS = frozenset({"have", "be", "live", "house", "inhabit", "number"})
# Lengths, in kilometres: one slot may be written in either ("940 miles", "1,500 km").
KILOMETRES = {"km": 1.0, "mile": 1.609344, "m": 0.001, "metre": 0.001, "meter": 0.001, "metres": 0.001,
              "meters": 0.001, "feet": 0.0003048, "foot": 0.0003048, "nautical miles": 1.852, "yard": 0.0009144,
              "yards": 0.0009144, "inch": 0.0000254, "inches": 0.0000254}
# Adjectives of size after a length: "a 508m tall tower", "2.5m high", "a 10-metre-long boat".
LENGTH_ADJECTIVES = {"tall", "high", "long", "wide", "deep", "taller", "higher", "longer", "wider", "deeper"}
# Attributes that a story has once, whoever states them: a quake's magnitude, a place's population.
STORY_ATTRIBUTES = frozenset({"magnitude", "population"})
# Words beside a vote's tally ("voted 134-63", "passed 310 to 290"): each side is a figure, the two no range.
TALLY_WORDS = frozenset({"vote", "votes", "voted", "ballot", "poll", "passed", "approved", "rejected", "adopted"})
# Words of a court's split decision, which make a tally only right beside it ("ruled 5-4", "a 6-3 ruling"):
# "the ruling party" and "the judge's decision" elsewhere in a sentence vote on nothing.
SPLIT_DECISION_WORDS = frozenset({"ruled", "ruling", "decision"})
# The two sides of a tally, as the attribute of each figure: a tally is written high to low.
TALLY_SIDES = ("winning votes", "losing votes")

# Verbs whose subject speaks the words of a direct or mixed quote.
SPEECH_VERBS = {
    "say", "tell", "add", "state", "report", "announce", "claim", "note", "explain", "write", "tweet", "post",
    "warn", "insist", "sigh", "argue", "ask", "reply", "respond", "answer", "declare", "describe", "call",
    "praise", "commend", "reiterate", "urge", "vow", "promise", "pledge", "deny", "admit", "acknowledge",
    "confirm", "suggest", "assure", "detail", "disclose", "reveal", "recount", "recall", "quip", "joke",
    "shout", "scream", "cry", "whisper", "mutter", "exclaim", "remark", "comment", "observe", "stress",
    "emphasise", "emphasize", "predict", "conclude", "concede", "boast", "complain", "lament", "blast",
    "slam", "criticise", "criticize", "accuse", "dub", "label", "brand", "term", "tout", "hail", "laud",
    "charge", "contend", "maintain", "assert", "affirm", "testify", "proclaim", "mention", "continue",
    "caution", "counter", "demand", "thank", "quote", "cite", "allege", "retort", "groan",
    "chant", "sing", "read", "pronounce", "signal", "summarise", "summarize", "speak", "share", "talk",
    "blame", "reference", "denounce", "condemn", "defend", "dismiss", "mock", "ridicule", "question",
    "challenge", "reject", "welcome", "applaud", "decry", "lambaste", "characterise",
    "characterize",
}
# Verbs of agreeing or objecting, which name no words said but hand a quote that follows to their subject.
ASSENT_VERBS = {"agree", "disagree", "concur", "object", "demur", "dissent", "protest"}
# Verbs that attribute the words of their sentence from an "as" clause besides the speech verbs: "as he put
# it", "as the paper pointed out".
AS_CLAUSE_VERBS = SPEECH_VERBS | {"put", "point"}
# Verbs whose subject vouches for a figure or a fact.
REPORTING_VERBS = SPEECH_VERBS | {
    "estimate", "believe", "assess", "think", "show", "indicate", "find", "calculate", "put", "count",
    "record", "publish", "expect", "project", "forecast", "anticipate", "suspect", "learn", "hear",
}
# Verbs that say who vouches for a figure or that it is a level, never what happened to what it counts.
NOT_EVENT_VERBS = LEVEL_VERBS | REPORTING_VERBS
# Nouns naming a judgement that can carry its author: "South Korean assessments", "the UN's estimate".
ASSESSMENT_NOUNS = {
    "assessment", "estimate", "estimation", "figure", "count", "tally", "data", "report", "intelligence",
    "statement", "calculation", "analysis", "survey", "poll", "research", "study", "account", "view",
}
# Nouns of saying whose owner is the source: "Trump's claim that …".
STATEMENT_NOUNS = {"claim", "statement", "remark", "comment", "assertion", "promise", "warning", "argument",
                   "allegation", "accusation", "description", "prediction", "pledge", "vow", "insistence"}
# Words before a figure that make it a part of another stated beside it.
PART_WORDS = frozenset({"including", "among", "whom"})
# Nouns for a place whose population a figure of people may be ("the island has 120,000 people").
PLACE_NOUNS = frozenset({"island", "city", "town", "village", "country", "region", "province", "state", "area",
                         "district", "county", "nation", "capital"})
MONTH_NAMES = {name: full for full in ("january", "february", "march", "april", "may", "june", "july", "august",
                                        "september", "october", "november", "december")
               for name in (full, full[:3], "sept" if full == "september" else full[:3])}
# What a magnitude belongs to: the main shock under any name, or an aftershock.
QUAKE_NOUNS = {"quake": "quake", "earthquake": "quake", "temblor": "quake", "tremor": "quake",
               "shock": "quake", "aftershock": "aftershock"}
# The unit of a year a figure dates something by ("leader since 2003"): a date, not a count of years.
CALENDAR_YEAR = "calendar year"
# Attributes whose holder alone fixes the slot: one person has one age.
HOLDER_ATTRIBUTES = frozenset({"age", "tenure", "population", "magnitude", "distance", "length", "start year",
                               *TALLY_SIDES})
# Attributes of the holder itself, the same wherever the clause places it: a person's age, a boat's length,
# the year a post began.
OWN_ATTRIBUTES = frozenset({"age", "tenure", "length", "start year"})
# Attributes that stay the same from one day's story to the next.
STATIC_ATTRIBUTES = frozenset({"age", "population", "distance", "length", "start year"})
# Nouns of an action that has a length of its own each time it happens ("a 25-yard shot", "a 40km trek").
ACTION_NOUNS = frozenset({"shot", "strike", "drive", "kick", "run", "pass", "header", "effort", "try", "putt", "throw",
                          "jump", "leap", "sprint", "dash", "swim", "walk", "trek", "march", "journey", "trip",
                          "flight", "drop", "fall", "climb", "ride", "race", "chase", "detour"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them", "his", "hers"})
# Verbs too general to tell one event from another ("took 15 minutes", "won in 23 minutes").
GENERIC_VERBS = frozenset({"take", "make", "get", "go", "come", "give", "see", "keep", "run", "win", "play",
                           "leave", "bring", "use", "start", "end", "begin", "finish", "score", "need", "want",
                           "do", "set", "show", "turn", "look", "add", "reach", "stand"})
# Verbs that leave a figure's event unnamed in comparison: a level, or a verb of any event.
UNNAMING_VERBS = LEVEL_VERBS | GENERIC_VERBS
# Verbs that say little alone and take their event from their object: "staged a protest", "held a rally",
# "took to the streets", "made 12 arrests", "caused destruction in seven villages", "suffered injuries".
LIGHT_VERBS = frozenset({"take", "stage", "hold", "make", "launch", "mount", "carry", "cause", "leave",
                         "suffer"})
# Verbs only people do: a bare figure as their subject counts people ("an estimated 200,000 attended").
PEOPLE_VERBS = frozenset({"die", "perish", "attend", "march", "protest", "rally", "demonstrate", "participate"})
# What a company's price is quoted for: "EDS shares closed at $24.34".
STOCK_NOUNS = frozenset({"share", "stock"})
# People named by a role an event gave them; in the singular, one person who may do anything else.
# Titles of an office taken up, written before a name ("Governor Ivo Brandt, who took office in 2019"), as
# the office they name.
OFFICE_TITLES = {"president": "president", "governor": "governor", "gov": "governor", "mayor": "mayor",
                 "senator": "senator", "sen": "senator", "representative": "representative",
                 "rep": "representative", "chancellor": "chancellor", "premier": "premier",
                 "sheriff": "sheriff", "commissioner": "commissioner", "speaker": "speaker"}
ROLE_NOUNS = frozenset({"arrestee", "hostage", "captive", "evacuee", "protester", "demonstrator", "marcher",
                        "survivor"})
# Nouns that count people by what happened to them: the event is theirs, what is counted is people.
PEOPLE_BY_EVENT = ROLE_NOUNS | {"dead", "death", "fatality", "casualty", "injured", "wounded", "hurt", "injury",
                                "homeless", "missing"}
# Words the small model glues to the front of a name ("But Ms Cooper", "Tuesday Mr Ebbers", "And Moya"):
# conjunctions, weekdays and sentence adverbs, never part of whom they precede.
NAME_GLUE_WORDS = frozenset({
    "and", "but", "or", "so", "yet", "nor", "then", "when", "while", "as", "because", "if", "though",
    "although", "since", "after", "before", "meanwhile", "however", "also", "now", "still", "today",
    "yesterday", "tonight", "later", "earlier", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
})
# Roles written as capitals beside a name that are no part of it ("Gareth Wynne MP", "DJ Tariq Benn").
NAME_ROLE_ABBREVIATIONS = frozenset({"mp", "msp", "mep", "qc", "kc", "dj", "mc", "ceo", "cfo", "coo"})
# Words after a surname that are no role: "Martin Luther King Jr".
GENERATIONAL_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Titles and nouns that say whether a person is a man or a woman ("Mrs Dale", "the congresswoman", "Tom Kay,
# the actor"), so that "he" and "she" find the right person; "they" finds a group, never one of these.
MALE_WORDS = frozenset({
    "mr", "mr.", "sir", "lord", "king", "prince", "duke", "baron", "congressman", "spokesman", "chairman",
    "businessman", "councilman", "man", "boy", "gentleman", "father", "dad", "husband", "son",
    "brother", "uncle", "nephew", "grandfather", "grandson", "actor", "widower", "boyfriend", "monk",
})
FEMALE_WORDS = frozenset({
    "mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "queen", "princess", "duchess", "baroness", "congresswoman",
    "spokeswoman", "chairwoman", "businesswoman", "councilwoman", "woman", "girl", "madam", "mother", "mum", "mom",
    "wife", "daughter", "sister", "aunt", "niece", "grandmother", "granddaughter", "actress", "widow", "girlfriend",
    "nun",
})
PRONOUN_GENDERS = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
# Nouns naming an outlet that relays other people's words ("State media said the leaders spoke of …").
RELAYING_NOUNS = frozenset({"media", "agency", "newspaper", "paper", "outlet", "broadcaster", "television", "radio",
                            "news", "wire"})
