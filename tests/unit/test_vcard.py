"""The vCard reader and writer (salesdesk/files/vcard.py): cards as phones and Outlook write them,
hostile files, and a written card read back the same."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.files.errors import FileProblem
from salesdesk.files.vcard import (
    Birthday,
    Card,
    NotVCard,
    Phone,
    VCardLimits,
    fold,
    format_card,
    format_cards,
    parse_birthday,
    parse_cards,
    read_cards,
    split_name,
)

ANDROID_21 = (
    b"BEGIN:VCARD\r\n"
    b"VERSION:2.1\r\n"
    b"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=9F=D0=B5=D1=82=D1=80=D0=BE=D0=B2;=D0=9F=D1=91=D1=82=D1=80;"
    b"=D0=9F=D0=B5=D1=82=D1=80=D0=BE=D0=B2=D0=B8=D1=87;;\r\n"
    b"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=9F=D1=91=D1=82=D1=80 =D0=9F=D0=B5=D1=82=D1=80=D0=BE=D0=B2=D0=\r\n"
    b"=B8=D1=87 =D0=9F=D0=B5=D1=82=D1=80=D0=BE=D0=B2\r\n"
    b"TEL;CELL;PREF:+7 916 123-45-67\r\n"
    b"TEL;WORK:8 (495) 123-45-67\r\n"
    b"EMAIL;HOME:petr@example.ru\r\n"
    b"PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD\r\n"
    b" AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\r\n"
    b" AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\r\n"
    b"\r\n"
    b"BDAY:--0314\r\n"
    b"END:VCARD\r\n"
)

IPHONE_30 = (
    b"BEGIN:VCARD\r\n"
    b"VERSION:3.0\r\n"
    b"PRODID:-//Apple Inc.//iPhone OS 17.0//EN\r\n"
    b"N:Smith;Anna;;;\r\n"
    b"FN:Anna Smith\r\n"
    b"ORG:Acme\\, Inc.;Sales\r\n"
    b"TITLE:Head of sales\\; EMEA\r\n"
    b"item1.TEL;type=pref:+1 (212) 555-0100\r\n"
    b"item1.X-ABLabel:_$!<Mobile>!$_\r\n"
    b"EMAIL;type=INTERNET;type=WORK:anna@example.com\r\n"
    b"BDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29\r\n"
    b"NOTE:first line\\nsecond\\, with a comma\r\n"
    b"END:VCARD\r\n"
)

V40 = (
    "BEGIN:VCARD\nVERSION:4.0\nFN:Jörg\n  Müller\nN:Müller;Jörg;;;\n"
    'TEL;VALUE=uri;TYPE="cell,voice":tel:+49-30-1234567\nEMAIL:mailto:joerg@example.de\n'
    "BDAY:19700102T000000Z\nEND:VCARD\n"
).encode()


def test_android_21_quoted_printable_and_photo_skipped() -> None:
    [card] = parse_cards(ANDROID_21)
    assert card.name() == "Пётр Петрович Петров"
    assert (card.family, card.given, card.middle) == ("Петров", "Пётр", "Петрович")
    assert card.phones == (Phone("+7 916 123-45-67", ("CELL", "PREF")), Phone("8 (495) 123-45-67", ("WORK",)))
    assert card.emails == ("petr@example.ru",)
    assert card.birthday == Birthday(3, 14, None)  # --MMDD: no year


def test_iphone_30_escapes_groups_and_omitted_year() -> None:
    [card] = parse_cards(IPHONE_30)
    assert card.name() == "Anna Smith"
    assert card.org == "Acme, Inc. Sales"
    assert card.title == "Head of sales; EMEA"
    assert card.phones == (Phone("+1 (212) 555-0100", ("PREF",)),)
    assert card.emails == ("anna@example.com",)
    assert card.birthday == Birthday(2, 29, None)  # Apple's 1604 means "no year"
    assert card.note == "first line\nsecond, with a comma"


def test_v40_uris_quoted_types_and_folding_with_bare_lf() -> None:
    [card] = parse_cards(V40)
    assert card.name() == "Jörg Müller"
    assert card.phones == (Phone("+49-30-1234567", ("CELL", "VOICE")),)
    assert card.emails == ("joerg@example.de",)
    assert card.birthday == Birthday(1, 2, 1970)


def test_windows_1251_quoted_printable_and_undeclared_1251() -> None:
    data = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
        b"FN;CHARSET=windows-1251;ENCODING=QUOTED-PRINTABLE:=C8=E2=E0=ED=EE=E2 =C8=E2=E0=ED\r\n"
        b"END:VCARD\r\nBEGIN:VCARD\r\nVERSION:2.1\r\nFN:" + "Сидоров".encode("cp1251") + b"\r\nEND:VCARD\r\n"
    )
    first, second = parse_cards(data)
    assert first.name() == "Иванов Иван"
    assert second.name() == "Сидоров"


def test_many_cards_their_lines_and_a_missing_last_end() -> None:
    data = IPHONE_30 + ANDROID_21 + b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut short\r\n"
    cards = parse_cards(data)
    assert [c.name() for c in cards] == ["Anna Smith", "Пётр Петрович Петров", "Cut short"]
    assert cards[0].line == 1
    assert cards[1].line == IPHONE_30.count(b"\n") + 1


def test_name_from_n_when_there_is_no_fn() -> None:
    [ru, en] = parse_cards(
        "BEGIN:VCARD\nN:Иванов;Иван;Иванович;;\nEND:VCARD\nBEGIN:VCARD\nN:Smith;John;;;\nEND:VCARD\n".encode()
    )
    assert ru.name() == "Иванов Иван Иванович"
    assert en.name() == "John Smith"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1985-03-14", Birthday(3, 14, 1985)),
        ("19850314", Birthday(3, 14, 1985)),
        ("1985-03-14T00:00:00Z", Birthday(3, 14, 1985)),
        ("--0314", Birthday(3, 14, None)),
        ("--03-14", Birthday(3, 14, None)),
        ("--0229", Birthday(2, 29, None)),
        ("14.03.1985", Birthday(3, 14, 1985)),
        ("1985-02-30", None),
        ("someday", None),
    ],
)
def test_birthday_forms(text: str, expected: Birthday | None) -> None:
    assert parse_birthday(text) == expected


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "BEGIN:VCARD".encode("utf-16"), b"just some text\nno cards\n", b""],
)
def test_not_a_vcard_is_refused(data: bytes) -> None:
    with pytest.raises(NotVCard):
        parse_cards(data)


def test_hostile_files_cost_bounded_work(tmp_path: Path) -> None:
    limits = VCardLimits(file_bytes=1024 * 1024, cards=3, value_chars=100, line_bytes=1000)
    big = tmp_path / "big.vcf"
    big.write_bytes(b"BEGIN:VCARD\r\nFN:x\r\nEND:VCARD\r\n" * 50_000)
    with pytest.raises(FileProblem) as too_big:
        read_cards(big, limits)
    assert too_big.value.key == "file.too_big"
    with pytest.raises(NotVCard) as many:
        parse_cards(b"BEGIN:VCARD\r\nFN:x\r\nEND:VCARD\r\n" * 4, limits)
    assert many.value.key == "file.too_many_cards"
    # an endless line (no line break at all) and an endless folded note: the card is kept and marked
    endless = b"BEGIN:VCARD\r\nFN:ok\r\nNOTE:" + b"x" * 5000 + b"\r\n" + b" y\r\n" * 5000 + b"END:VCARD\r\n"
    [card] = parse_cards(endless, limits)
    assert card.too_long == ("NOTE",)
    assert card.note == ""
    # a huge photo is passed over, whatever its length
    photo = b"BEGIN:VCARD\r\nFN:ok\r\nPHOTO;ENCODING=b:" + b"A" * 500_000 + b"\r\n" + b" AAAA\r\n" * 10_000
    [card] = parse_cards(photo + b"END:VCARD\r\n", limits)
    assert card.too_long == ()
    assert card.name() == "ok"


def test_written_card_is_vcard_30_utf8_crlf_folded_at_75_octets() -> None:
    card = Card(
        full_name="Константинопольский Константин Константинович",
        org="ООО «Ёлка; Палка, и Ко»",
        title="Главный специалист по работе с ключевыми клиентами и партнёрами",
        phones=(Phone("+7 916 123-45-67", ("CELL",)),),
        emails=("k@example.ru",),
        birthday=Birthday(2, 29, 1980),
        note="строка 1\nстрока 2, с запятой; и точкой с запятой \\ и обратной чертой",
    )
    text = format_card(card)
    raw = text.encode("utf-8")
    assert raw.startswith(b"BEGIN:VCARD\r\nVERSION:3.0\r\n") and raw.endswith(b"END:VCARD\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # never cut inside a character
    assert "ORG;CHARSET=UTF-8:ООО «Ёлка\\; Палка\\, и Ко»" in text.replace("\r\n ", "")
    assert "N;CHARSET=UTF-8:Константинопольский;Константин;Константинович;;" in text.replace("\r\n ", "")
    assert "BDAY:1980-02-29\r\n" in text
    [back] = parse_cards(raw)
    assert (back.name(), back.org, back.title, back.note) == (card.full_name, card.org, card.title, card.note)
    assert back.birthday == card.birthday and back.phones == card.phones and back.emails == card.emails


def test_split_name() -> None:
    assert split_name("Иванов Иван Иванович") == ("Иванов", "Иван", "Иванович")
    assert split_name("Иванов Иван") == ("Иванов", "Иван", "")
    assert split_name("Anna Smith") == ("Smith", "Anna", "")
    assert split_name("Cher") == ("Cher", "", "")


_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from('\n,;\\:"='), max_size=120)
_name = _text.map(lambda s: " ".join(s.split())).filter(bool)


@settings(max_examples=150, deadline=None)
@given(
    name=_name,
    org=_text.map(lambda s: " ".join(s.split())),
    note=_text.map(lambda s: s.replace("\r", "").strip()),
    phones=st.lists(st.from_regex(r"\+?[0-9][0-9 ()-]{3,20}[0-9]", fullmatch=True), max_size=3),
    birthday=st.one_of(
        st.none(),
        st.dates(date(1900, 1, 1), date(2100, 12, 31)).map(lambda d: Birthday(d.month, d.day, d.year)),
        st.dates(date(2000, 1, 1), date(2000, 12, 31)).map(lambda d: Birthday(d.month, d.day, None)),
    ),
)
def test_any_card_written_reads_back_the_same(
    name: str, org: str, note: str, phones: list[str], birthday: Birthday | None
) -> None:
    card = Card(
        full_name=name, org=org, note=note, phones=tuple(Phone(p, ("CELL",)) for p in phones), birthday=birthday
    )
    raw = format_cards([card, card]).encode("utf-8")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    cards = parse_cards(raw)
    assert len(cards) == 2
    back = cards[1]
    assert (back.name(), back.org, back.note, back.phones, back.birthday) == (name, org, note, card.phones, birthday)


@settings(max_examples=200, deadline=None)
@given(
    st.binary(max_size=2000) | st.lists(st.sampled_from(ANDROID_21.split(b"\r\n") + V40.split(b"\n"))).map(b"\r\n".join)
)
def test_any_bytes_give_cards_or_a_refusal(data: bytes) -> None:
    try:
        cards = parse_cards(data, VCardLimits(cards=50, value_chars=500, line_bytes=2000))
    except NotVCard:
        return
    assert all(isinstance(c.name(), str) for c in cards)


@settings(max_examples=200, deadline=None)
@given(_text)
def test_fold_never_passes_75_octets_and_unfolds_back(text: str) -> None:
    line = "NOTE:" + text.replace("\n", " ").replace("\r", " ")
    folded = fold(line)
    assert all(len(piece.encode()) <= 75 for piece in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line
