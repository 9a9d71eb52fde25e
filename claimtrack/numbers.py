"""Read numbers as written in news copy: "10,000", "1.5m", "$3.9bn", "twenty-eight", "a dozen", "thousands".

Pure functions over strings, so they can be tested on their own and never see a spaCy object.
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
# Abbreviated scales as news copy writes them after a figure: "1.5m", "£3.9bn", "25k", wire copy's "4.6 bln",
# Malaysian and Philippine papers' "RM500mil" and "P2.1bil";
# and South Asia's lakh (100,000) and crore (10 million): "Rs 2,500 crore".
SCALE_SUFFIXES = {
    "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "b": 1_000_000_000, "bn": 1_000_000_000,
    "bln": 1_000_000_000, "tn": 1_000_000_000_000, "tr": 1_000_000_000_000, "trn": 1_000_000_000_000,
    "trln": 1_000_000_000_000, "mil": 1_000_000, "bil": 1_000_000_000, "tril": 1_000_000_000_000,
    "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "hundred": 100, "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000,
    "crores": 10_000_000,
}
DOZEN = {"dozen": 12, "score": 20}
# Denominators of spelled fractions: "a third", "two-thirds", "three quarters", "half".
FRACTION_WORDS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                  "fifths": 5, "tenth": 10, "tenths": 10}
# The singular fraction words, of one part: "a quarter", never "three quarter".
ONE_PART_WORDS = frozenset(word for word in FRACTION_WORDS if not word.endswith("s"))
# Currencies written before a figure, glued to it or not: "EUR50m", "US$3bn", "HK$3.7", "RM1.2bn", "CHF 2m".
# "kr" is Swedish, Norwegian and Danish alike: read as one code, so that two articles that write it compare.
# "Â£" is "£" read with the wrong encoding, as copied text often carries it; AP style writes "euro30 billion";
# Australian and New Zealand papers put the country after the sign ("$US1.2bn", "$A1.7bn"); East African papers
# write the shilling "Sh2.5 billion", Turkish ones the lira "TL 3 billion". Codes that are also names before a
# number ("PHP 7", "COP 26") are left out.
CURRENCY_PREFIXES = {
    "$us": "USD", "$a": "AUD", "$nz": "NZD", "$c": "CAD", "$hk": "HKD", "$s": "SGD",
    "us$": "USD", "$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "hk$": "HKD",
    "nz$": "NZD", "s$": "SGD", "r$": "BRL", "nt$": "TWD", "£": "GBP", "â£": "GBP", "€": "EUR", "¥": "JPY",
    "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₱": "PHP", "₦": "NGN", "rm": "MYR", "rs": "INR",
    "rs.": "INR", "r": "ZAR", "kr": "SEK", "euro": "EUR", "eur": "EUR", "usd": "USD", "gbp": "GBP", "chf": "CHF",
    "jpy": "JPY", "cny": "CNY", "rmb": "CNY", "aud": "AUD", "cad": "CAD", "hkd": "HKD", "sgd": "SGD",
    "nzd": "NZD", "sek": "SEK", "nok": "NOK", "dkk": "DKK", "inr": "INR", "zar": "ZAR", "myr": "MYR",
    "brl": "BRL", "krw": "KRW", "rub": "RUB", "try": "TRY", "sfr": "CHF", "sfr.": "CHF", "rp": "IDR", "ksh": "KES",
    "dh": "AED", "dhs": "AED", "tk": "BDT", "aed": "AED", "sar": "SAR", "pln": "PLN", "huf": "HUF", "czk": "CZK",
    "mxn": "MXN", "idr": "IDR", "thb": "THB", "ngn": "NGN", "kes": "KES", "egp": "EGP", "ils": "ILS", "twd": "TWD",
    "vnd": "VND", "pkr": "PKR", "clp": "CLP", "uah": "UAH", "ron": "RON", "sh": "KES", "tl": "TRY",
}
# Prefixes that name a model, a form or a grade before digits far more often than a currency ("R800 printer", form
# "R85", "Sh1" in a list): read as money only on a sum with a scale, thousands or cents ("R3bn", "Sh2.5 billion").
SUM_ONLY_PREFIXES = frozenset({"r", "sh"})
# Figure suffixes that are units: "24pc", "164p", "250ml", "5g", "-5C", "6ft", "4,500mAh", "30km²", "45mpg",
# "12V", "300TWh", "20mins", "250km/h".
UNIT_SUFFIXES = {
    "pc": "percent", "pct": "percent", "p": "pence", "ml": "ml", "l": "l", "km": "km", "kg": "kg", "g": "g",
    "mm": "mm", "cm": "cm", "mph": "mph", "kph": "kph", "mw": "MW", "gw": "GW", "kw": "kW", "kwh": "kWh",
    "w": "W", "khz": "kHz", "mhz": "MHz", "ghz": "GHz", "hz": "Hz", "gbps": "Gbps", "mbps": "Mbps", "gb": "GB",
    "tb": "TB", "mb": "MB", "x": "times", "ft": "feet", "in": "inches", "lb": "lb", "lbs": "lb", "oz": "oz",
    "mah": "mAh", "hp": "hp", "cc": "cc", "km²": "km²", "m²": "m²", "km2": "km²", "m2": "m²",
    "bp": "basis points", "bps": "basis points", "mpg": "mpg", "rpm": "rpm", "kmh": "km/h", "mp": "megapixels",
    "nm": "nm", "v": "V", "kv": "kV", "db": "dB", "mg": "mg", "mcg": "mcg", "ha": "hectares", "psi": "psi",
    "kcal": "kcal", "twh": "TWh", "gwh": "GWh", "mwh": "MWh", "mt": "Mt", "bcm": "bcm",
    "sec": "seconds", "secs": "seconds", "min": "minutes", "mins": "minutes", "hr": "hours", "hrs": "hours",
    "yr": "years", "yrs": "years", "km/h": "km/h",
}
# Suffixes whose case tells them apart: "38C" and "-5°C" are degrees, "50c" is cents, as news writes them; "3G"
# (a generation of mobile networks) is no weight, where "3g" is three grams.
CASED_UNIT_SUFFIXES = {"C": "celsius", "°C": "celsius", "F": "fahrenheit", "°F": "fahrenheit", "c": "cents"}
UNIT_SUFFIXES |= CASED_UNIT_SUFFIXES
CASED_SUFFIXES = frozenset(CASED_UNIT_SUFFIXES) | {"G"}
# Unit symbols that name a unit even when a space parts them from the figure ("512 GB", "25 cm"); the others
# are words, letters or names too ("in", "c", "x", "MP", "BP", "Mt", "SEC"), and units only glued to it ("2in").
SPACED_UNIT_SYMBOLS = frozenset(symbol for symbol in UNIT_SUFFIXES if len(symbol) > 1 and symbol.islower() and symbol
                                not in ("in", "pc", "cc", "oz", "mp", "bp", "mt", "ha", "sec", "db")) | {"°C", "°F"}
# Vague plurals are read as the decade they name ("thousands" is 1,000 to 10,000), as NewsQuant does.
VAGUE_PLURALS = {
    "dozens": (12, 120), "scores": (20, 200), "hundreds": (100, 1_000), "thousands": (1_000, 10_000),
    "millions": (1_000_000, 10_000_000), "billions": (1_000_000_000, 10_000_000_000),
}
NUMBER_WORDS = set(UNITS) | set(TENS) | set(SCALES) | set(DOZEN)
# Digits as a decimal is spoken after "point": "nine point one", "one point two five billion".
DIGIT_WORDS = {word: value for word, value in UNITS.items() if value < 10}
# Adverbs that count how often something happened: "shot twice" is "shot two times".
REPEAT_ADVERBS = {"twice": 2.0, "thrice": 3.0}

# Fractions of one character, alone or after a whole number: "2½ hours", "¾ of a mile".
VULGAR_FRACTIONS = {"½": 1 / 2, "¼": 1 / 4, "¾": 3 / 4, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
                    "⅞": 7 / 8}
_DIGITS = re.compile(
    r"^(?P<currency>Â£|[A-Z]{0,2}[$£€¥₹₩₽₺₱₦]|\$[A-Z]{1,2}|euro|Rs\.|[A-Z]{1,3})?"
    r"(?P<sign>[-+−])?(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)?(?P<vulgar>[½¼¾⅓⅔⅛⅜⅝⅞])?"
    r"(?:[/⁄](?P<denominator>\d+))?(?P<suffix>°?[a-z²³]{0,8}?(?:m2)?)$",
    re.IGNORECASE,
)


def parse_digits(text: str) -> tuple[float, str] | None:
    """Parse "10,000", "1.5", "3.9bn", "1/16" into (value, leftover suffix); None if it is not a figure."""
    parsed = read_figure_token(text)
    return None if parsed is None else (parsed[0], parsed[1])


def read_figure_token(text: str) -> tuple[float, str, str | None] | None:
    """A figure written as one token: (value, leftover suffix, currency code or None).

    "EUR50m" → (50000000, "", "EUR"); "164p" → (164, "p", None); "1⁄32" → (0.03125, "", None).
    """
    text = text.strip()
    if text.lower().startswith("minus-"):
        # "minus-5": one token in news copy; minus followed by a space is read by the extractor.
        parsed = read_figure_token(text[len("minus-"):])
        return None if parsed is None else (-parsed[0], parsed[1], parsed[2])
    # "$850M." at the end of a sentence: the tokenizer leaves the full stop on a suffixed figure.
    match = _DIGITS.match(re.sub(r"(?<=[a-zA-Z])\.$", "", text))
    if not match or not (match.group("number") or match.group("vulgar")):
        return None
    value = float((match.group("number") or "0").replace(",", "")) + VULGAR_FRACTIONS.get(match.group("vulgar"), 0)
    if match.group("denominator"):
        denominator = float(match.group("denominator"))
        if not value < denominator or _is_month_and_day(value, denominator):
            # "24/7", "12/6": a name or a date; a share is a smaller number over a larger one.
            return None
        value /= denominator
    if match.group("sign") in ("-", "−"):
        value = -value
    suffix = match.group("suffix") if match.group("suffix") in CASED_SUFFIXES else match.group("suffix").lower()
    currency = match.group("currency")
    code = CURRENCY_PREFIXES.get(currency.lower()) if currency else None
    if currency and code is None:
        return None
    if currency and currency.lower() in SUM_ONLY_PREFIXES and not _reads_as_a_sum(match):
        return None
    if suffix in SCALE_SUFFIXES:
        return value * SCALE_SUFFIXES[suffix], "", code
    return value, suffix, code


def _is_month_and_day(month: float, day: float) -> bool:
    """"9/11", "7/24": a month over a day, as American copy writes a date; a share in digits is over a small
    number or a binary one ("2/3", "5/16 inch"), never over a day of the month from 11 on."""
    return month == int(month) and 1 <= month <= 12 and 11 <= day <= 31 and day != 16


def _reads_as_a_sum(match: re.Match) -> bool:
    """"R3bn", "R1,150", "R4.50", "Sh2.5": a sum has a scale, thousands or cents."""
    number = match.group("number") or ""
    return match.group("suffix").lower() in SCALE_SUFFIXES or "," in number or "." in number


def parse_fraction(words: list[str]) -> float | None:
    """"a third" → 1/3, "two-thirds" (as ["two", "-", "thirds"]) → 2/3, "half" → 0.5."""
    words = [w.lower() for w in words if w != "-"]
    if not words or words[-1] not in FRACTION_WORDS:
        return None
    denominator = FRACTION_WORDS[words[-1]]
    numerator = 1.0 if words[:-1] in ([], ["a"], ["one"], ["an"]) else parse_words(words[:-1])
    return None if numerator is None else numerator / denominator


def parse_fold(word: str) -> float | None:
    """"sixfold", "two-fold", "10-fold" → the multiple."""
    if not word.lower().endswith("fold"):
        # "30-" in "30- to 40-year-old" is no multiple.
        return None
    stem = word.lower().removesuffix("fold").rstrip("-")
    if not stem:
        return None
    parsed = read_figure_token(stem)
    if parsed is not None and not parsed[1]:
        return parsed[0]
    return parse_words([stem])


def parse_words(words: list[str]) -> float | None:
    """Parse spelled-out numbers: ["twenty", "eight", "thousand", "six", "hundred"] → 28600."""
    if "point" in (word.lower() for word in words):
        return _parse_spoken_decimal([word.lower() for word in words])
    total, current, seen = 0.0, 0.0, False
    for raw in words:
        word = raw.lower()
        if word in ("and", "-", "a", "an") and seen:
            continue
        if word in ("a", "an"):
            current = 1
            continue
        digits = parse_digits(word)
        if digits and not digits[1]:
            current += digits[0]
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in DOZEN:
            current = (current or 1) * DOZEN[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _parse_spoken_decimal(words: list[str]) -> float | None:
    """["nine", "point", "one"] → 9.1, ["one", "point", "two", "billion"] → 1.2e9: a whole number, the digits of
    its decimals one word each, then any scale."""
    point = words.index("point")
    whole, decimals = parse_words(words[:point]), words[point + 1:]
    scale = 1.0
    while decimals and decimals[-1] in SCALES:
        scale *= SCALES[decimals.pop()]
    if whole is None or not decimals or any(word not in DIGIT_WORDS for word in decimals):
        return None
    return (whole + float("0." + "".join(str(DIGIT_WORDS[word]) for word in decimals))) * scale


def format_number(value: float | None) -> str:
    """Plain digits with no separators: 10000, 1.5, 0.333333."""
    if value is None:
        return ""
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.6g}" if abs(value) < 1e6 else f"{value:.15g}"


def format_readable(value: float) -> str:
    """A figure as a person writes it: 15,000 or 1.5."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6g}"
