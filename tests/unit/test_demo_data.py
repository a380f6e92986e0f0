"""The demo base generator: deterministic, valid by the domain's own rules, and realistic enough.

One base of 20,000 clients is generated per module (about two seconds); the expensive checks
(phone parsing, e-mail validation) run on its first 2,000 clients.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from itertools import islice

import pytest

from salesdesk.domain import requisites
from salesdesk.domain.completeness import completeness
from salesdesk.domain.model import (
    ClientBundle,
    ClientKind,
    ClientStatus,
    DealStage,
    InteractionKind,
    Recurrence,
    age_on,
)
from salesdesk.domain.phones import parse_phone
from salesdesk.domain.text import LEGAL_FORMS, words
from salesdesk.domain.validation import (
    clean_client,
    clean_contact,
    validate_client,
    validate_contact,
    validate_deal,
    validate_reminder,
)
from salesdesk.services import demo_data
from salesdesk.services.demo_data import generate_bundles

NOW = datetime(2025, 3, 14, 10, 30, tzinfo=UTC)
TODAY = NOW.date()
MANAGERS = (11, 12, 13, 14)
INDUSTRIES = tuple(range(101, 121))
BASE_SIZE = 20_000
SAMPLE_SIZE = 2_000
CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def _generate(count: int, seed: int = 2024) -> list[ClientBundle]:
    return list(generate_bundles(count, seed=seed, now=NOW, manager_ids=MANAGERS, industry_ids=INDUSTRIES))


@pytest.fixture(scope="module")
def base() -> list[ClientBundle]:
    return _generate(BASE_SIZE)


@pytest.fixture(scope="module")
def sample(base: list[ClientBundle]) -> list[ClientBundle]:
    return base[:SAMPLE_SIZE]


# Determinism and arguments -------------------------------------------------------------------------


def test_same_seed_gives_the_same_bundles(base: list[ClientBundle]) -> None:
    again = list(islice(generate_bundles(10**9, seed=2024, now=NOW, manager_ids=MANAGERS, industry_ids=INDUSTRIES), 50))
    assert again == base[:50]  # lazy, and the first bundles do not depend on the count asked for


def test_another_seed_gives_another_base(base: list[ClientBundle]) -> None:
    other = _generate(50, seed=2025)
    assert [b.client.name for b in other] != [b.client.name for b in base[:50]]


def test_now_must_be_timezone_aware() -> None:
    with pytest.raises(ValueError):
        list(generate_bundles(1, seed=1, now=datetime(2025, 3, 14, 10, 30), manager_ids=(), industry_ids=()))


def test_negative_count_is_refused_and_zero_gives_nothing() -> None:
    with pytest.raises(ValueError):
        list(generate_bundles(-1, seed=1, now=NOW, manager_ids=(), industry_ids=()))
    assert list(generate_bundles(0, seed=1, now=NOW, manager_ids=(), industry_ids=())) == []


def test_a_now_in_another_zone_is_taken_in_utc() -> None:
    moscow = timezone(timedelta(hours=3))
    shifted = list(
        generate_bundles(30, seed=5, now=NOW.astimezone(moscow), manager_ids=MANAGERS, industry_ids=INDUSTRIES)
    )
    assert shifted == _generate(30, seed=5)


# Validity ------------------------------------------------------------------------------------------


def test_every_client_passes_validation_without_warnings(sample: list[ClientBundle]) -> None:
    for bundle in sample:
        cleaned, warnings = validate_client(bundle.client)  # raises on a blocking problem
        assert warnings == [], (bundle.client, warnings)
        assert cleaned == bundle.client  # already in the form the store keeps


def test_every_contact_passes_validation_without_warnings(sample: list[ClientBundle]) -> None:
    checked = 0
    for bundle in sample:
        for contact in bundle.contacts:
            cleaned, warnings = validate_contact(contact, TODAY)
            assert warnings == [], (contact, warnings)
            assert cleaned == contact
            checked += 1
    assert checked > SAMPLE_SIZE


def test_every_deal_and_reminder_passes_validation(sample: list[ClientBundle]) -> None:
    for bundle in sample:
        for deal in bundle.deals:
            assert validate_deal(deal) == deal
        for reminder in bundle.reminders:
            assert validate_reminder(reminder) == reminder


def test_phones_are_valid_russian_numbers(sample: list[ClientBundle]) -> None:
    phones = [b.client.phone for b in sample if b.client.phone]
    phones += [p for b in sample for c in b.contacts for p in c.phones]
    for phone in phones:
        parsed = parse_phone(phone)
        assert parsed.valid and parsed.region == "RU", phone


def test_requisites_are_valid_over_the_whole_base(base: list[ClientBundle]) -> None:
    """The checksums are cheap, so they are checked on all 20,000 clients, not only the sample."""
    for bundle in base:
        c = bundle.client
        if c.inn:
            assert requisites.check_inn(c.inn) is None, c.inn
        if c.kind is ClientKind.LEGAL:
            assert not c.inn or len(c.inn) == 10
            if c.kpp:
                assert re.fullmatch(rf"{c.inn[:4]}01\d{{3}}", c.kpp), (c.inn, c.kpp)
            if c.ogrn:
                assert requisites.check_ogrn(c.ogrn) is None, c.ogrn
                assert c.ogrn[0] == "1" and c.ogrn[3:5] == c.inn[:2], (c.inn, c.ogrn)
        elif c.kind is ClientKind.SOLE_TRADER:
            assert not c.inn or len(c.inn) == 12
            assert c.kpp == ""
            if c.ogrn:
                assert requisites.check_ogrnip(c.ogrn) is None, c.ogrn
                assert c.ogrn[3:5] == c.inn[:2], (c.inn, c.ogrn)
        else:
            assert (c.kpp, c.ogrn, c.bik, c.account) == ("", "", "", "")
            assert not c.inn or len(c.inn) == 12
        if c.bik:
            assert c.inn and c.bank_name and c.bik.startswith("04")
            assert requisites.check_bik(c.bik) is None
            assert requisites.check_settlement_account(c.account, c.bik) is None, (c.bik, c.account)
            assert requisites.check_correspondent_account(c.corr_account, c.bik) is None, c.corr_account
            assert c.corr_account.startswith("30101810") and c.corr_account.endswith(c.bik[-3:])
            assert c.account.startswith("40702810" if c.kind is ClientKind.LEGAL else "40802810")
        else:
            assert (c.account, c.corr_account, c.bank_name) == ("", "", "")


def test_inns_and_ogrns_are_unique(base: list[ClientBundle]) -> None:
    inns = [b.client.inn for b in base if b.client.inn]
    ogrns = [b.client.ogrn for b in base if b.client.ogrn]
    assert len(inns) > BASE_SIZE * 0.7
    assert len(set(inns)) == len(inns)
    assert len(set(ogrns)) == len(ogrns)


def test_some_inns_and_kpps_start_with_zero(base: list[ClientBundle]) -> None:
    """Regions 01-09: the values spreadsheets strip a zero from (docs/spreadsheets.md)."""
    inns = [b.client.inn for b in base if b.client.inn]
    zero = [inn for inn in inns if inn.startswith("0")]
    assert 0.03 * len(inns) < len(zero) < 0.3 * len(inns)
    assert any(len(inn) == 10 for inn in zero) and any(len(inn) == 12 for inn in zero)
    assert any(b.client.kpp.startswith("0") for b in base)


def test_fast_inn_check_digits_agree_with_the_domain() -> None:
    rng = random.Random(3)
    for _ in range(5_000):
        stem = "".join(rng.choice("0123456789") for _ in range(rng.choice((9, 10))))
        assert demo_data._inn_check_digits(stem) == requisites.inn_check_digits(stem)


def test_account_key_reproduces_published_examples() -> None:
    # Bank of Russia instruction N 515: к/с 30101810800000000746 with BIK 049805000 (docs/requisites.md).
    assert demo_data._account_with_key("0" + "05", "30101810000000000746") == "30101810800000000746"
    # Sberbank: BIK 044525225, к/с 30101810400000000225.
    assert demo_data._account_with_key("025", "30101810000000000225") == "30101810400000000225"


# Realism ---------------------------------------------------------------------------------------------


def test_kind_mix(base: list[ClientBundle]) -> None:
    kinds = Counter(b.client.kind for b in base)
    assert 0.72 < kinds[ClientKind.LEGAL] / BASE_SIZE < 0.78
    assert 0.17 < kinds[ClientKind.SOLE_TRADER] / BASE_SIZE < 0.23
    assert 0.03 < kinds[ClientKind.PERSON] / BASE_SIZE < 0.07


def test_names_look_russian_and_vary(base: list[ClientBundle]) -> None:
    names = [b.client.name for b in base]
    assert sum(bool(CYRILLIC.search(n)) for n in names) > 0.95 * BASE_SIZE
    assert any("ё" in n.lower() for n in names)
    assert any(re.search(r"«[A-Z][a-z]+", n) for n in names)  # a Latin brand now and then
    assert len(set(names)) > 0.6 * BASE_SIZE
    legal = [b.client for b in base if b.client.kind is ClientKind.LEGAL]
    assert all(re.fullmatch(r"(ООО|АО|ЗАО|ПАО|ОАО) «[^«»]+»", c.name) for c in legal)
    assert {c.name.split(" ", 1)[0] for c in legal} == {"ООО", "АО", "ЗАО", "ПАО", "ОАО"}
    full = [c.full_name for c in legal if c.full_name]
    assert any(f.startswith("Общество с ограниченной ответственностью «") for f in full)
    traders = [b.client for b in base if b.client.kind is ClientKind.SOLE_TRADER]
    assert all(
        re.fullmatch(r"ИП [А-ЯЁ][а-яё-]+ ([А-ЯЁ]\.[А-ЯЁ]\.|[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+)", c.name) for c in traders
    ), [c.name for c in traders[:5]]
    assert all(c.full_name.startswith("Индивидуальный предприниматель ") for c in traders if c.full_name)


def test_no_name_word_is_shared_by_too_many_clients(base: list[ClientBundle]) -> None:
    """A search by a name word must return a screenful: at 100,000 clients, a few hundred at most."""
    counts: Counter[str] = Counter()
    for bundle in base:
        counts.update({w for w in words(bundle.client.name) if w not in LEGAL_FORMS and len(w) >= 3})
    word, most = counts.most_common(1)[0]
    assert most < 0.006 * BASE_SIZE, (word, most)


def test_adjectives_agree_with_nouns() -> None:
    assert demo_data._adjective_forms("Северный") == ("Северный", "Северная", "Северное")
    assert demo_data._adjective_forms("Золотой") == ("Золотой", "Золотая", "Золотое")
    assert demo_data._adjective_forms("Уральский") == ("Уральский", "Уральская", "Уральское")
    assert demo_data._adjective_forms("Синий") == ("Синий", "Синяя", "Синее")
    assert demo_data._adjective_forms("Горячий") == ("Горячий", "Горячая", "Горячее")
    assert demo_data._female_surname("Королёв") == "Королёва"
    assert demo_data._female_surname("Островский") == "Островская"
    assert demo_data._female_surname("Шевчук") == "Шевчук"


def test_contact_persons(base: list[ClientBundle]) -> None:
    with_contacts = [b for b in base if b.contacts]
    assert 0.8 < len(with_contacts) / BASE_SIZE < 0.9
    assert max(len(b.contacts) for b in base) == 3
    contacts = [c for b in base for c in b.contacts]
    for bundle in with_contacts:
        assert sum(c.is_primary for c in bundle.contacts) == 1
    born = [c for c in contacts if c.birth_date is not None]
    assert 0.5 < len(born) / len(contacts) < 0.7
    assert all(22 <= (age_on(c.birth_date, TODAY) or 0) <= 70 for c in born)
    assert all(1 <= len(c.phones) <= 2 and len(c.emails) <= 1 for c in contacts)
    positions = Counter(c.position for c in contacts)
    assert positions["Генеральный директор"] > 0 and positions["Главный бухгалтер"] > 0


def test_contact_names_agree_in_gender(base: list[ClientBundle]) -> None:
    for contact in (c for b in base[:5_000] for c in b.contacts):
        surname, first, patronymic = contact.full_name.split(" ")
        female = patronymic.endswith(("вна", "чна"))
        assert female or patronymic.endswith(("ич", "ыч")), contact.full_name
        if surname.endswith(("ов", "ев", "ёв", "ин")):
            assert not female, contact.full_name
        if surname.endswith(("ова", "ева", "ёва", "ина", "ская")):
            assert female, contact.full_name


def test_completeness_varies_from_bare_to_full(sample: list[ClientBundle]) -> None:
    scores = [completeness(b.client, b.contacts).score for b in sample]
    assert min(scores) <= 25
    assert max(scores) == 100
    assert len(set(scores)) >= 15
    assert sum(s < 50 for s in scores) > 0.05 * SAMPLE_SIZE
    assert sum(s == 100 for s in scores) < 0.8 * SAMPLE_SIZE


def test_addresses_and_phones_match_the_city(base: list[ClientBundle]) -> None:
    moscow = [b.client for b in base if b.client.city == "Москва"]
    assert len(moscow) > 0.15 * BASE_SIZE
    for client in moscow:
        assert not client.legal_address or ", г. Москва, " in client.legal_address
        digits = re.sub(r"\D", "", client.phone.split(" доб.")[0])
        if digits and digits[1] != "9":  # a landline, not a mobile
            assert digits[1:4] in ("495", "499"), client.phone
    assert any(re.fullmatch(r"\d{6}, .*г\. .+, д\. .+", b.client.legal_address) for b in base)


def test_phone_formats_vary(base: list[ClientBundle]) -> None:
    phones = [b.client.phone for b in base if b.client.phone]
    assert any(re.fullmatch(r"8 \(\d{3,5}\) [\d-]+", p) for p in phones)
    assert any(re.fullmatch(r"\+7 9\d\d \d{3}-\d\d-\d\d", p) for p in phones)
    assert any(re.fullmatch(r"8\d{10}", p) for p in phones)
    assert any(re.fullmatch(r"\+7\(\d{3,5}\)[\d-]+", p) for p in phones)


def test_emails_are_transliterated(base: list[ClientBundle]) -> None:
    assert demo_data._slug("Северная звезда") == "severnaya-zvezda"
    assert demo_data._slug("ТехноСтрой-М") == "tekhnostroy-m"
    assert demo_data._slug("Ёлка") == "elka"
    emails = [b.client.email for b in base if b.client.email]
    emails += [e for b in base for c in b.contacts for e in c.emails]
    assert all(re.fullmatch(r"[a-z0-9._-]+@[a-z0-9.-]+\.[a-z]+", e) for e in emails)
    assert any(e.startswith("info@") for e in emails)


def test_status_source_owner_industry_and_tags(base: list[ClientBundle]) -> None:
    clients = [b.client for b in base]
    statuses = Counter(c.status for c in clients)
    assert set(statuses) == set(ClientStatus)
    assert statuses[ClientStatus.ACTIVE] == max(statuses.values())
    assert {c.source for c in clients} >= {"Сайт", "Рекомендация", "Выставка", "Холодный звонок", "Тендер", "Соцсети"}
    assert {c.owner_id for c in clients} == {*MANAGERS, None}
    assert {c.industry_id for c in clients} == {*INDUSTRIES, None}
    assert 0.1 < sum(bool(c.tags) for c in clients) / BASE_SIZE < 0.3
    assert any("VIP" in c.tags for c in clients)
    assert any(c.notes for c in clients)


def test_without_managers_nobody_owns_anything() -> None:
    for bundle in generate_bundles(500, seed=9, now=NOW, manager_ids=(), industry_ids=()):
        assert bundle.client.owner_id is None and bundle.client.industry_id is None
        assert all(d.owner_id is None for d in bundle.deals)
        assert all(i.manager_id is None for i in bundle.interactions)
        assert all(r.manager_id is None for r in bundle.reminders)


def test_deals(base: list[ClientBundle]) -> None:
    deals = [d for b in base for d in b.deals]
    assert max(len(b.deals) for b in base) == 4
    assert set(Counter(d.stage for d in deals)) == set(DealStage)
    three_years_ago = TODAY - timedelta(days=3 * 365 + 1)
    for deal in deals:
        assert isinstance(deal.amount.amount, Decimal) and deal.amount.currency == "RUB"
        assert Decimal(10_000) <= deal.amount.amount <= Decimal(5_000_000)
        assert deal.amount.amount == deal.amount.amount.quantize(Decimal("0.01"))
        assert three_years_ago <= deal.opened_on <= TODAY
        assert type(deal.opened_on) is date
        if deal.stage.closed:
            assert deal.closed_on is not None and deal.opened_on <= deal.closed_on <= TODAY
        else:
            assert deal.closed_on is None and deal.contract_end is None
        assert bool(deal.lost_reason) == (deal.stage is DealStage.LOST)
        if deal.contract_end is not None:
            assert deal.stage is DealStage.WON and deal.closed_on is not None
            assert deal.contract_end > deal.closed_on
    assert any(d.amount.amount % 1 for d in deals)  # kopecks sometimes
    won = [d for d in deals if d.stage is DealStage.WON]
    assert 0.3 < sum(d.contract_end is not None for d in won) / len(won) < 0.7
    assert any(TODAY <= d.contract_end <= TODAY + timedelta(days=120) for d in won if d.contract_end)


def test_interactions(base: list[ClientBundle]) -> None:
    interactions = [i for b in base for i in b.interactions]
    assert max(len(b.interactions) for b in base) == 6
    assert set(Counter(i.kind for i in interactions)) == set(InteractionKind)
    two_years_ago = NOW - timedelta(days=731)
    for bundle in base:
        moments = [i.occurred_at for i in bundle.interactions]
        assert moments == sorted(moments)
    for interaction in interactions:
        assert two_years_ago <= interaction.occurred_at <= NOW
        assert CYRILLIC.search(interaction.summary)
    assert any(i.result for i in interactions)


def test_reminders(base: list[ClientBundle]) -> None:
    with_reminders = [b for b in base if b.reminders]
    assert 0.35 < len(with_reminders) / BASE_SIZE < 0.45
    reminders = [r for b in with_reminders for r in b.reminders]
    assert max(len(b.reminders) for b in base) == 2
    assert all(NOW - timedelta(days=21) <= r.due_at <= NOW + timedelta(days=185) for r in reminders)
    assert any(r.due_at < NOW - timedelta(days=1) for r in reminders)  # overdue
    assert any(r.due_at.date() == TODAY for r in reminders)
    assert any(r.due_at > NOW + timedelta(days=90) for r in reminders)
    recurrences = Counter(r.recurrence for r in reminders)
    assert set(recurrences) == set(Recurrence)
    assert recurrences[Recurrence.NONE] > 0.6 * len(reminders)


def test_clients_come_over_two_years_and_their_history_after_them(base: list[ClientBundle]) -> None:
    for bundle in base:
        came = bundle.created_at
        assert came is not None and NOW - timedelta(days=730) <= came <= NOW
        assert all(d.opened_on >= came.date() for d in bundle.deals)
        assert all(i.occurred_at > came for i in bundle.interactions)
        assert all(r.due_at > came for r in bundle.reminders)
    months = Counter((b.created_at.year, b.created_at.month) for b in base if b.created_at)
    assert len(months) == 25  # from March 2023 (part) to March 2025 (part)
    reminders = [r for b in base for r in b.reminders]
    assert 0 < sum(r.due_at < NOW for r in reminders) <= 0.025 * len(reminders)


def test_every_datetime_is_aware_utc(base: list[ClientBundle]) -> None:
    for bundle in base:
        assert bundle.created_at is not None
        for moment in (
            [i.occurred_at for i in bundle.interactions] + [r.due_at for r in bundle.reminders] + [bundle.created_at]
        ):
            assert moment.tzinfo is not None and moment.utcoffset() == timedelta(0)
        for contact in bundle.contacts:
            assert contact.birth_date is None or type(contact.birth_date) is date


def test_generated_text_needs_no_cleaning(sample: list[ClientBundle]) -> None:
    """What the generator writes is what an editor would store: no stray or double spaces."""
    for bundle in sample:
        assert clean_client(bundle.client) == bundle.client
        assert all(clean_contact(c) == c for c in bundle.contacts)
