"""The fast paths for phones and e-mails must agree with the libraries they shortcut."""

from __future__ import annotations

import phonenumbers
import pytest
from email_validator import EmailNotValidError, validate_email
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.domain import phones
from salesdesk.domain.emails import _plainly_valid, check_email
from salesdesk.domain.phones import parse_phone


def _library(text: str) -> tuple[str | None, str | None]:
    try:
        number = phonenumbers.parse(text, "RU")
    except phonenumbers.NumberParseException:
        return None, None
    if not phonenumbers.is_valid_number(number):
        return None, None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), phonenumbers.region_code_for_number(
        number
    )


FORMATS = (
    "+7 ({0}) {1}-{2}-{3}",
    "8{0}{1}{2}{3}",
    "7{0}{1}{2}{3}",
    "{0} {1} {2} {3}",
    "8 ({0}) {1}-{2}-{3}",
    "+7{0}{1}{2}{3}",
    "8-{0}-{1}-{2}-{3}",
)


@settings(max_examples=800, deadline=None)
@given(national=st.from_regex(r"[1-9][0-9]{9}", fullmatch=True), fmt=st.sampled_from(FORMATS))
def test_the_russian_fast_path_agrees_with_phonenumbers(national: str, fmt: str) -> None:
    text = fmt.format(national[:3], national[3:6], national[6:8], national[8:])
    phone = parse_phone.__wrapped__(text)
    assert (phone.e164, phone.region) == _library(text)


@pytest.mark.parametrize(
    "prefix", ["495", "916", "930", "9300", "727", "700", "800", "809", "812", "343", "336", "3", "6", "1"]
)
def test_compiled_plus7_rules_agree_with_phonenumbers(prefix: str) -> None:
    import random

    rng = random.Random(prefix)
    for _ in range(500):
        national = (prefix + "".join(rng.choice("0123456789") for _ in range(10)))[:10]
        assert phones._plus7_region(national) == phones._plus7_region_direct(national), national


def _library_accepts(address: str) -> bool:
    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


ATEXT = st.text(alphabet="abcXYZ019_%+-.", min_size=1, max_size=12)
LABEL = st.text(alphabet="abz09-", min_size=1, max_size=10)


@settings(max_examples=800, deadline=None)
@given(
    local=ATEXT,
    labels=st.lists(LABEL, min_size=1, max_size=3),
    tld=st.sampled_from(["ru", "com", "рф", "local", "test", "c0m", "x", "museum", "РУ", "onion", "Ru"]),
)
def test_the_email_fast_path_never_accepts_what_the_library_refuses(local: str, labels: list[str], tld: str) -> None:
    address = f"{local}@{'.'.join(labels)}.{tld}"
    if _plainly_valid(address):
        assert _library_accepts(address), address
    assert (check_email.__wrapped__(address) is None) == _library_accepts(address)


@pytest.mark.parametrize(
    "address", ["info@romashka.ru", "i.ivanov@sub.elka-trade.ru", "a+b@x.com", "sales_2@alpha-log.com"]
)
def test_common_addresses_take_the_fast_path(address: str) -> None:
    assert _plainly_valid(address) and _library_accepts(address)


# Text shortcuts (issue 17): each must give what the straightforward code it replaced gives.

_TEXTS = st.text(
    alphabet=st.sampled_from(
        list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЕЁЖЗИЙОПЯabcXYZ0179_ .,-'’`«»„“”\"‘\t\n\u00a0\u2009ＡＢ１")
    ),
    max_size=40,
)


@settings(max_examples=1500, deadline=None)
@given(text=_TEXTS)
def test_words_found_are_the_words_split_out(text: str) -> None:
    from salesdesk.domain import text as t

    assert t.words(text) == [w for w in t._NON_WORD.split(t.fold(text)) if w]
    joined = t.fold(text)
    if t._JOINER.search(joined) is None:
        assert t.index_words(text) == [w for w in t._NON_WORD.split(joined) if w]


@settings(max_examples=1500, deadline=None)
@given(text=_TEXTS, form=st.sampled_from(["", "ООО ", "ип ", "ЗАО «", "Общество с ограниченной ответственностью "]))
def test_the_sort_key_finds_the_first_opening_quote_as_before(text: str, form: str) -> None:
    from salesdesk.domain import text as t

    name = form + text
    folded = t.fold(name)
    first = min((i for i in (folded.find(q) for q in t._OPENING_QUOTES) if i >= 0), default=-1)
    found = t._OPENING_QUOTE.search(folded)
    assert (found.start() if found else -1) == first
    assert t.strip_quotes(name) == name.translate({ord(q): " " for q in t._QUOTES})


@settings(max_examples=800, deadline=None)
@given(cell=_TEXTS)
def test_a_text_cell_reads_as_before(cell: str) -> None:
    from salesdesk.domain.spreadsheet import text_of
    from salesdesk.domain.text import collapse_spaces

    class Subclass(str):
        pass

    assert text_of(cell) == collapse_spaces(str(cell))
    assert text_of(Subclass(cell)) == collapse_spaces(str(cell))  # past the shortcut: the same


def test_a_parameter_renders_where_the_protocol_says_it_does() -> None:
    from datetime import date

    from salesdesk.domain import messages, workdays

    values: list[object] = ["текст", 3, 2.5, True, None, date(2026, 12, 7), messages.msg("field.inn"), b"x"]
    values.append(workdays.DayText(date(2026, 12, 7)))
    for value in values:
        assert messages._renders(value) == isinstance(value, messages.Renderable), value
