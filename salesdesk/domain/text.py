"""Text normalisation for search, sorting and duplicate matching.

SQLite folds case for ASCII only and sorts Ё after Я, so the store keeps columns holding the
output of these functions instead of calling Python inside SQL (docs/phones_and_search.md).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

# Split as SQLite FTS5's unicode61 tokenizer does: letters and digits make words.
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)  # what _NON_WORD leaves: findall gives the words without empty ends
_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\D+")
_QUOTES = "\"'«»„“”‘’`"
_QUOTES_TO_SPACES = str.maketrans(dict.fromkeys(_QUOTES, " "))
# Marks that join the parts of one word: apostrophes (д'Артаньян, O’Brien, ʼ and ` typed for
# them), hyphens and dashes (Иванов-Петров, Ростов-на-Дону) and dots (И.И., romashka.ru). People
# type them, leave them out or use another one, so search folds them out: a query word is joined
# ("д'артаньян" -> "дартаньян"), and the index holds a word both joined and in its parts, so that
# "иванов", "петров" and "ивановпетров" all find "Иванов-Петров".
_JOINERS = "'’‘‛ʼ`´" + "-‐‑‒–—―−" + "."
_JOINER = re.compile("[" + re.escape(_JOINERS) + "]+")
# What separates words that joining marks do not join: anything but letters, digits and the marks.
_CHUNK_SEPARATOR = re.compile(r"(?:[^\w" + re.escape(_JOINERS) + r"]|_)+")
# An apostrophe inside a word, for the sort key: д'Артаньян sorts as "дартаньян", under Д-А.
_INNER_APOSTROPHE = re.compile(r"(?<=\w)['’‘‛ʼ`´](?=\w)")

# Abbreviated legal forms that prefix most company names; search ranking ignores them so that
# the query "ооо ромашка" is about "ромашка".
LEGAL_FORMS = frozenset(
    {
        "ооо",
        "оао",
        "зао",
        "пао",
        "ао",
        "нао",
        "ип",
        "чп",
        "тоо",
        "гуп",
        "муп",
        "фгуп",
        "нко",
        "ано",
        "тсж",
        "снт",
        "кфх",
        "пк",
        "ooo",
        "llc",
        "ltd",
        "inc",
        "gmbh",
        "jsc",
        "pjsc",
    }
)
# Legal forms spelled out, longest first ("публичное акционерное общество" before "акционерное
# общество"), as they appear at the start of full legal names.
_LEGAL_FORM_PHRASES = tuple(
    sorted(
        (
            "общество с ограниченной ответственностью",
            "акционерное общество",
            "публичное акционерное общество",
            "закрытое акционерное общество",
            "открытое акционерное общество",
            "непубличное акционерное общество",
            "индивидуальный предприниматель",
            "государственное унитарное предприятие",
            "муниципальное унитарное предприятие",
            "автономная некоммерческая организация",
        ),
        key=len,
        reverse=True,
    )
)
_OPENING_QUOTES = "«\"„“'"
_OPENING_QUOTE = re.compile("[" + re.escape(_OPENING_QUOTES) + "]")
# Words of the spelled-out forms: the search index leaves them out, so queries do too.
LEGAL_FORM_WORDS = frozenset(w for phrase in _LEGAL_FORM_PHRASES for w in phrase.split())


def fold(text: str) -> str:
    """Case- and width-insensitive form: NFKC, casefold, ё → е, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    return _SPACES.sub(" ", text).strip()


def words(text: str) -> list[str]:
    """Folded words, punctuation removed (the tokens the search index holds)."""
    return _WORD.findall(fold(text))


def search_words(text: str) -> list[str]:
    """Folded words of a search query, joining marks folded out ("Д’Артаньян" -> ["дартаньян"])."""
    return [w for w in _NON_WORD.split(_JOINER.sub("", fold(text))) if w]


def index_words(text: str) -> list[str]:
    """The words the search index holds for *text*: each word in its parts, and a word written
    with joining marks also joined from each of its parts to the end ("Иванов-Петров" -> иванов,
    петров, ивановпетров; "s.ivanov-petrov" -> ..., sivanovpetrov, ivanovpetrov), so that a query
    finds it typed with the marks, without them, or by any part."""
    folded = fold(text)
    if _JOINER.search(folded) is None:
        return _WORD.findall(folded)
    words_: list[str] = []
    joined: dict[str, None] = {}
    for chunk in _CHUNK_SEPARATOR.split(folded):
        parts = [p for p in _JOINER.split(chunk) if p]
        words_.extend(parts)
        for i in range(len(parts) - 1):
            joined["".join(parts[i:])] = None
    return words_ + [w for w in joined if w not in words_]


def digits(text: str) -> str:
    """Only the ASCII digits of *text* (full-width digits count, thanks to NFKC)."""
    return _DIGITS.sub("", unicodedata.normalize("NFKC", text))


def strip_quotes(text: str) -> str:
    return text.translate(_QUOTES_TO_SPACES)


def strip_legal_form(name: str) -> str:
    """The name without a spelled-out legal form in front ("Общество с ограниченной
    ответственностью «Ромашка»" → "«Ромашка»"), as typed otherwise."""
    folded = fold(name)
    for phrase in _LEGAL_FORM_PHRASES:
        if folded.startswith(phrase + " "):
            return collapse_spaces(name)[len(phrase) + 1 :]
    return name


def sort_key(name: str) -> str:
    """Key that sorts names as a Russian reader expects: no legal form, no quotes, ё as е.

    Only a legal form in front of the name goes: "ООО «Открытое небо»" sorts as "открытое небо",
    and "ИП Иванов И.И." as "иванов и и".
    """
    text = fold(name)
    first_quote = _OPENING_QUOTE.search(text)
    quote = first_quote.start() if first_quote else -1
    if quote > 0 and all(w.strip(".,") in LEGAL_FORMS or not w for w in text[:quote].split(" ")):
        text = text[quote:]  # «Name» after abbreviations only
    else:
        for phrase in _LEGAL_FORM_PHRASES:
            if text.startswith(phrase + " "):
                text = text[len(phrase) + 1 :]
                break
        else:
            first, _, rest = text.partition(" ")
            if rest and first.strip(".,") in LEGAL_FORMS:
                text = rest
    return " ".join(fold(strip_quotes(_INNER_APOSTROPHE.sub("", text))).split())


# Terminal escape sequences (CSI "ESC [ … m", OSC "ESC ] … BEL", two-character ones, and the C1
# CSI), then any other C0/C1 control and lone surrogates (which no file or base can even store).
_ESCAPE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[@-_]?"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")  # whitespace ones collapse
_SHOWN_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# Characters that show nothing: zero-width spaces and joiners, direction marks and embeddings,
# the word joiner, the byte-order mark, the soft hyphen.
_INVISIBLE = re.compile(r"[\s\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+")
_UNUSUAL_SPACE = re.compile(r"\s\s|[^\S ]|[\x00-\x1f\x7f-\x9f\ud800-\udfff]")  # or a control


def visible(text: str) -> str:
    """What of *text* shows on screen: a name of zero-width spaces alone is an empty name."""
    return _INVISIBLE.sub("", text)


def printable(text: str) -> str:
    """Stored text for a terminal: any control character shown as ``\\xNN`` instead of acting
    (defence in depth: bases made before controls were stripped may hold them)."""
    if _UNUSUAL_SPACE.search(text) is None:
        return text
    return _SHOWN_CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}", text)


def collapse_spaces(text: str) -> str:
    """Trim and collapse runs of whitespace (including non-breaking spaces from Excel); terminal
    escape sequences and control characters go."""
    if not text or (text[0] != " " and text[-1] != " " and _UNUSUAL_SPACE.search(text) is None):
        return text  # the usual case, decided without building a new string
    text = _LINE_CONTROL.sub("", _ESCAPE.sub("", text))
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()


def clean_notes(text: str) -> str:
    """A note written in paragraphs: any line break (Windows, old Mac) becomes one newline, each
    line loses its trailing spaces, the whole note its blank ends; the rest is the person's
    (terminal escape sequences and control characters but tab and newline go)."""
    if _UNUSUAL_SPACE.search(text) is not None:  # controls go first, so cleaning twice changes nothing
        text = _CONTROL.sub("", _ESCAPE.sub("", text))
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" in text:
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text.strip()


def parse_amount(text: str) -> Decimal | None:
    """Money as people type it: "1 250 000,50", "1250000.50", "1,250,000.50"; never via a float."""
    text = "".join(text.split()).replace("\u00a0", "").replace("\u202f", "")
    if "," in text and "." in text:  # the later one is the decimal separator
        group = "," if text.rfind(",") < text.rfind(".") else "."
        text = text.replace(group, "")
    text = text.replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None
