"""Phone numbers: keep what the user typed, add E.164 when the number is valid (docs/phones_and_search.md)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers

from salesdesk.domain.errors import FieldProblem
from salesdesk.domain.messages import msg
from salesdesk.domain.text import digits

_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
# Words people write for an extension; phonenumbers knows "доб." but not every variant.
_EXTENSION_WORDS = re.compile(r"[\s,;]*\(?\s*(?:доб\.?|добавочный|вн\.?|внутр\.?|ext\.?|x)\s*(\d+)\s*\)?\s*$", re.I)


@dataclass(frozen=True, slots=True)
class Phone:
    raw: str
    e164: str | None
    extension: str | None = None
    region: str | None = None

    @property
    def valid(self) -> bool:
        return self.e164 is not None


# "+7 (495) 123-45-67", "8 495 1234567", "84951234567", "495 123 45 67": the shapes nearly every
# Russian number is typed in. These skip phonenumbers.parse (about 3x the cost of the rest).
_PUNCTUATION = re.compile(r"[\s()\-.]")
_SIMPLE_RU = re.compile(r"(?:\+7|8|7)?([1-9]\d{9})")


@lru_cache(maxsize=32768)  # a bulk batch parses each phone several times (rules, score, search)
def parse_phone(raw: str) -> Phone:
    """Parse *raw* as a phone number in Russia's conventions; never raises."""
    text = (raw if raw.isascii() else unicodedata.normalize("NFKC", raw)).strip()
    if not text:
        return Phone(raw, None)
    extension = None
    if m := _EXTENSION_WORDS.search(text):
        extension = m.group(1)
        text = text[: m.start()]
    compact = _PUNCTUATION.sub("", text)
    # 8-10-... is the old international prefix ("81049..." is Germany): leave it to phonenumbers.
    if not compact.startswith("810") and (simple := _SIMPLE_RU.fullmatch(compact)):
        region = _plus7_region(simple.group(1))
        if region is None:
            return Phone(raw, None, extension)
        return Phone(raw, "+7" + simple.group(1), extension, region)
    try:
        number = phonenumbers.parse(text, "RU")
    except phonenumbers.NumberParseException:
        return Phone(raw, None, extension)
    if not phonenumbers.is_valid_number(number):
        return Phone(raw, None, extension)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return Phone(raw, e164, extension or number.extension or None, phonenumbers.region_code_for_number(number))


class _Plus7:
    """Validity and region of 10-digit +7 numbers (Russia, Kazakhstan), decided with
    phonenumbers' own metadata patterns compiled once, in the order phonenumbers applies them.

    phonenumbers.is_valid_number runs about twenty regular expressions per number through several
    layers of calls; bulk imports of a hundred thousand phones need the same answer faster. A test
    compares the two on random numbers in every common format.
    """

    _TYPES = (
        "premium_rate",
        "toll_free",
        "shared_cost",
        "voip",
        "personal_number",
        "pager",
        "uan",
        "voicemail",
        "fixed_line",
        "mobile",
    )

    def __init__(self) -> None:
        self.regions: list[tuple[str, re.Pattern[str] | None, re.Pattern[str] | None, re.Pattern[str] | None]] = []
        for region in phonenumbers.region_codes_for_country_code(7):
            metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
            if metadata is None:
                continue
            leading = re.compile(metadata.leading_digits) if metadata.leading_digits else None
            general = self._pattern(metadata.general_desc)
            # a number of any type: one pattern of the alternatives, which fullmatches exactly when
            # one of them does (a tenth of the calls of trying them one by one)
            types = [p for p in (self._pattern(getattr(metadata, name)) for name in self._TYPES) if p]
            one_of = re.compile("|".join(types)) if types else None
            self.regions.append((region, leading, re.compile(general) if general else None, one_of))

    @staticmethod
    def _pattern(desc: object) -> str:
        pattern = getattr(desc, "national_number_pattern", None)
        lengths = getattr(desc, "possible_length", ()) or ()
        if not pattern or (lengths and 10 not in lengths):
            return ""
        return f"(?:{pattern})"

    def region(self, national: str) -> str | None:
        for region, leading, general, types in self.regions:
            if leading is not None and not leading.match(national):
                continue
            valid = self._valid(national, general, types)
            if leading is None and not valid:
                continue
            return region if valid else None
        return None

    @staticmethod
    def _valid(national: str, general: re.Pattern[str] | None, types: re.Pattern[str] | None) -> bool:
        return (
            general is not None
            and types is not None
            and general.fullmatch(national) is not None
            and types.fullmatch(national) is not None
        )


@lru_cache(maxsize=1)
def _plus7() -> _Plus7:
    return _Plus7()


def _plus7_region(national: str) -> str | None:
    """Region of a valid 10-digit +7 number, None if it is not a valid number."""
    return _plus7().region(national)


def _plus7_region_direct(national: str) -> str | None:
    """The same answer straight from phonenumbers (what the fast version is tested against)."""
    number = phonenumbers.PhoneNumber(country_code=7, national_number=int(national))
    if not phonenumbers.is_valid_number(number):
        return None
    region: str | None = phonenumbers.region_code_for_number(number)
    return region


def check_phone(raw: str, field: str = "phone") -> FieldProblem | None:
    """A blocking problem when the text is not a phone number; a warning for likely typos."""
    text = unicodedata.normalize("NFKC", raw).strip()
    if _LETTERS.search(_EXTENSION_WORDS.sub("", text)):
        return FieldProblem(field, msg("err.phone_letters", value=text))
    phone = parse_phone(text)
    if not phone.valid:
        return FieldProblem(field, msg("err.phone_invalid", value=text))
    if text.startswith("+8") and phone.region != "RU":
        return FieldProblem(field, msg("warn.phone_plus8", value=text), blocking=False)
    if phone.region not in ("RU", None):
        return FieldProblem(field, msg("warn.phone_foreign", value=text, region=phone.region), blocking=False)
    return None


def search_forms(raw: str) -> list[str]:
    """Digit strings under which a phone is found: as typed, E.164, 8-prefixed, national, local.

    "+7 (495) 123-45-67" is found by 74951234567, 84951234567, 4951234567 and 1234567, so the
    digits of a query typed in any of those formats, or the start of one, match by prefix.
    """
    forms: list[str] = []
    typed = digits(raw)
    if typed:
        forms.append(typed)
    phone = parse_phone(raw)
    if phone.e164:
        full = phone.e164.lstrip("+")
        forms.append(full)
        if full.startswith("7") and len(full) == 11:
            forms.append("8" + full[1:])  # the domestic way of dialling
            forms.append(full[1:])  # national significant number, 10 digits
            forms.append(full[4:])  # local number without the area code
    return list(dict.fromkeys(forms))


def query_digits(text: str) -> str | None:
    """If *text* looks like a phone number typed into a search box, the digits to look for."""
    stripped = text.strip()
    if not stripped or _LETTERS.search(stripped):
        return None
    # No dots: "36.6" is a name, not a phone number.
    if re.fullmatch(r"[\d\s()+\-]+", unicodedata.normalize("NFKC", stripped)) is None:
        return None
    return digits(stripped) or None
