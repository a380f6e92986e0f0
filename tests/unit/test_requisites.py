"""Russian requisites (docs/requisites.md) and the Excel leading-zero repair (docs/spreadsheets.md).

The reference values are the published Sberbank requisites and the synthetic sole-trader numbers
in docs/requisites.md. Property tests build identifiers from an independent implementation of the
published algorithms, so a mistake shared by the code and its own helpers still shows up.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from salesdesk.domain import messages
from salesdesk.domain.requisites import (
    check_bik,
    check_correspondent_account,
    check_inn,
    check_kpp,
    check_ogrn,
    check_ogrnip,
    check_settlement_account,
    identifier_from_cell,
    inn_check_digits,
    is_valid_inn,
    ogrn_check_digit,
    restore_leading_zero,
)

# Independent oracles, written from the tables in docs/requisites.md ------------------------------

INN10_W = (2, 4, 10, 3, 5, 9, 4, 6, 8)
INN12_W1 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
INN12_W2 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
ACCOUNT_W = ((7, 1, 3) * 8)[:23]  # 3-digit prefix + 20-digit account


def ref_ctrl(digits: str, weights: tuple[int, ...]) -> int:
    assert len(digits) == len(weights)
    return sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 % 10


def ref_inn(stem: str) -> str:
    if len(stem) == 9:
        return stem + str(ref_ctrl(stem, INN10_W))
    d11 = str(ref_ctrl(stem, INN12_W1))
    return stem + d11 + str(ref_ctrl(stem + d11, INN12_W2))


def account_sum_ok(prefix: str, account: str) -> bool:
    digits = prefix + account
    assert len(digits) == 23
    return sum(int(d) * w for d, w in zip(digits, ACCOUNT_W, strict=True)) % 10 == 0


def with_key(prefix: str, account: str) -> str:
    """*account* with its key digit (the 9th) chosen so that the Bank of Russia sum works out."""
    for key in "0123456789":
        candidate = account[:8] + key + account[9:]
        if account_sum_ok(prefix, candidate):
            return candidate
    raise AssertionError("weights 7, 1, 3 always leave exactly one key digit")


def single_digit_changes(value: str) -> Iterator[tuple[int, str]]:
    for i, old in enumerate(value):
        for new in "0123456789":
            if new != old:
                yield i, value[:i] + new + value[i + 1 :]


def digit_strings(n: int) -> st.SearchStrategy[str]:
    return st.text(alphabet="0123456789", min_size=n, max_size=n)


@pytest.fixture
def lang() -> Iterator[None]:
    """Tests pick the language they read; the global language is restored afterwards."""
    before = messages.language()
    yield
    messages.set_language(before)


# Published examples ------------------------------------------------------------------------------

SBER_INN = "7707083893"
SBER_KPP = "773601001"
SBER_OGRN = "1027700132195"
SBER_BIK = "044525225"
SBER_CORR = "30101810400000000225"


def test_sberbank_requisites_are_all_valid() -> None:
    assert check_inn(SBER_INN) is None
    assert check_kpp(SBER_KPP) is None
    assert check_ogrn(SBER_OGRN) is None
    assert check_bik(SBER_BIK) is None
    assert check_correspondent_account(SBER_CORR, SBER_BIK) is None


def test_bank_of_russia_worked_example_of_a_correspondent_account() -> None:
    assert check_correspondent_account("30101810800000000746", "049805000") is None


@pytest.mark.parametrize("inn", ["776263190162", "501057927324", "023148909438"])
def test_sole_trader_inns_are_valid(inn: str) -> None:
    assert check_inn(inn) is None
    assert is_valid_inn(inn)


@pytest.mark.parametrize("ogrnip", ["304770095754380", "318028060111115"])
def test_ogrnips_are_valid(ogrnip: str) -> None:
    assert check_ogrnip(ogrnip) is None


def test_treasury_single_account_and_treasury_account_are_accepted() -> None:
    # УФК по г. Москве: a Treasury BIK is only a warning, its ЕКС passes the ordinary key, and
    # a treasury account ("03...") is not checked at all (docs/requisites.md).
    treasury_bik = "004525988"
    bik_problem = check_bik(treasury_bik)
    assert bik_problem is not None and not bik_problem.blocking
    assert check_correspondent_account("40102810545370000003", treasury_bik) is None
    assert check_settlement_account("03100643000000017300", treasury_bik) is None


# Near misses and their messages -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("check", "value", "field", "ru", "en"),
    [
        (
            check_inn,
            "7707083894",
            "inn",
            "ИНН 7707083894: неверная контрольная цифра",
            "INN 7707083894: wrong check digit",
        ),
        (
            check_inn,
            "7707083839",
            "inn",
            "ИНН 7707083839: неверная контрольная цифра",
            "INN 7707083839: wrong check digit",
        ),
        (
            check_inn,
            "776263190163",
            "inn",
            "ИНН 776263190163: неверная контрольная цифра",
            "INN 776263190163: wrong check digit",
        ),
        (
            check_ogrn,
            "1027700132196",
            "ogrn",
            "ОГРН 1027700132196: неверная контрольная цифра",
            "OGRN 1027700132196: wrong check digit",
        ),
        (
            check_kpp,
            "7736АБ001",
            "kpp",
            "КПП «7736АБ001»: в 5–6 позициях русские буквы, нужны латинские",
            "KPP “7736АБ001”: positions 5–6 hold Cyrillic letters; only Latin capitals are allowed",
        ),
    ],
)
def test_near_misses_fail_with_a_message_naming_field_and_problem(
    lang: None, check, value: str, field: str, ru: str, en: str
) -> None:
    problem = check(value)
    assert problem is not None
    assert problem.blocking
    assert problem.field == field
    messages.set_language("ru")
    assert str(problem) == ru
    messages.set_language("en")
    assert str(problem) == en


def test_a_problem_raised_in_one_language_reads_in_the_language_chosen_later(lang: None) -> None:
    messages.set_language("en")
    problem = check_inn("7707083894")
    messages.set_language("ru")
    assert str(problem) == "ИНН 7707083894: неверная контрольная цифра"


@pytest.mark.parametrize(
    ("value", "ru_fragment"),
    [
        ("770708389", "нужно 10 цифр (организация) или 12 (ИП, физлицо), а здесь 9"),
        ("77070838931", "а здесь 11"),
        ("77O7083893", "допускаются только цифры"),  # Latin O instead of zero
        ("７７０７０８３８９３", "допускаются только цифры"),  # full-width digits are not stored as-is
        ("7707 083893", "допускаются только цифры"),
    ],
)
def test_inn_of_wrong_shape_is_refused_with_the_reason(lang: None, value: str, ru_fragment: str) -> None:
    messages.set_language("ru")
    problem = check_inn(value)
    assert problem is not None and problem.blocking
    assert ru_fragment in str(problem)


def test_ogrn_must_start_with_1_or_5(lang: None) -> None:
    messages.set_language("ru")
    stem = "2" + SBER_OGRN[1:12]
    problem = check_ogrn(stem + str(int(stem) % 11 % 10))
    assert problem is not None
    assert "должен начинаться с 1 / 5" in str(problem)
    stem5 = "5" + SBER_OGRN[1:12]
    assert check_ogrn(stem5 + str(int(stem5) % 11 % 10)) is None


def test_ogrnip_must_start_with_3_and_have_15_digits(lang: None) -> None:
    messages.set_language("en")
    stem = "4" + "04770095754380"[:13]
    problem = check_ogrnip(stem + str(int(stem) % 13 % 10))
    assert problem is not None and "must start with 3" in str(problem)
    problem = check_ogrnip(SBER_OGRN)
    assert problem is not None and str(problem) == f"OGRNIP {SBER_OGRN}: must be 15 digits, not 13"


@pytest.mark.parametrize("kpp", ["7736AB001", "773601001", "7736Z9001"])
def test_kpp_with_latin_capitals_or_digits_in_positions_5_6_is_valid(kpp: str) -> None:
    assert check_kpp(kpp) is None


@pytest.mark.parametrize("kpp", ["77360100", "7736010011", "A73601001", "7736010A1", ""])
def test_kpp_of_wrong_format_is_refused(lang: None, kpp: str) -> None:
    messages.set_language("en")
    problem = check_kpp(kpp)
    assert problem is not None and problem.blocking
    assert "expected 4 digits" in str(problem)


def test_kpp_with_latin_lower_case_letters_is_not_called_cyrillic(lang: None) -> None:
    messages.set_language("en")
    problem = check_kpp("7736ab001")
    assert problem is not None
    assert "Cyrillic" not in str(problem)


def test_bik_rules() -> None:
    assert check_bik("044525225") is None
    for treasury in ("004525988", "014525000", "024501901"):
        problem = check_bik(treasury)
        assert problem is not None and not problem.blocking, treasury
        assert problem.message.key == "warn.bik_treasury"
    unusual = check_bik("054525225")
    assert unusual is not None and not unusual.blocking
    for wrong in ("04452522", "0445252250", "04452522O"):
        problem = check_bik(wrong)
        assert problem is not None and problem.blocking, wrong


def test_settlement_account_for_sberbank() -> None:
    account = "40702810200000012345"  # key digit computed by hand for BIK 044525225
    assert account_sum_ok("225", account)
    assert check_settlement_account(account, SBER_BIK) is None
    problem = check_settlement_account("40702810300000012345", SBER_BIK)
    assert problem is not None and problem.blocking and problem.field == "account"


def test_account_rules_that_do_not_need_a_checksum(lang: None) -> None:
    messages.set_language("ru")
    no_bik = check_settlement_account("40702810200000012345", "")
    assert no_bik is not None and not no_bik.blocking
    assert "укажите БИК" in str(no_bik)
    # A broken BIK is reported on the BIK; the account does not get a second message.
    assert check_settlement_account("40702810200000012345", "04452522") is None
    short = check_settlement_account("4070281020000001234", SBER_BIK)
    assert short is not None and short.blocking
    assert "должно быть 20 цифр, а здесь 19" in str(short)
    assert check_correspondent_account("3010181040000000022X", SBER_BIK) is not None


# Property tests ----------------------------------------------------------------------------------


@given(stem=st.one_of(digit_strings(9), digit_strings(10)))
def test_inn_check_digits_agree_with_the_published_algorithm(stem: str) -> None:
    assert stem + inn_check_digits(stem) == ref_inn(stem)


@given(stem=st.one_of(digit_strings(9), digit_strings(10)))
def test_every_inn_built_from_a_stem_passes(stem: str) -> None:
    inn = stem + inn_check_digits(stem)
    assert check_inn(inn) is None


@given(stem=digit_strings(10))
def test_every_single_digit_change_of_a_12_digit_inn_is_caught(stem: str) -> None:
    # True for every 12-digit INN: for no position are the two weights w1, w2 equal or opposite
    # mod 11, so a change can never slip past both check digits at once.
    inn = stem + inn_check_digits(stem)
    for i, changed in single_digit_changes(inn):
        assert not is_valid_inn(changed), (inn, i, changed)


@given(stem=digit_strings(9))
def test_a_single_digit_change_of_a_10_digit_inn_is_caught_unless_the_check_digit_is_0(stem: str) -> None:
    inn = stem + inn_check_digits(stem)
    escaped = [changed for _, changed in single_digit_changes(inn) if is_valid_inn(changed)]
    if inn[-1] != "0":
        assert escaped == []
    for changed in escaped:
        # Only a remainder moving between 0 and 10 (both give check digit 0) can escape.
        assert changed[-1] == "0" and inn[-1] == "0"


def test_the_10_digit_inn_checksum_cannot_catch_every_change() -> None:
    # mod 11 mod 10 maps remainders 0 and 10 to the same digit: both are genuine valid INNs.
    assert is_valid_inn("3449786900")
    assert is_valid_inn("9449786900")


@given(first=st.sampled_from("15"), rest=digit_strings(11))
def test_ogrn_check_digit_builds_valid_ogrns_and_changes_are_caught_unless_check_is_0(first: str, rest: str) -> None:
    stem = first + rest
    assert ogrn_check_digit(stem) == str(int(stem) % 11 % 10)
    ogrn = stem + ogrn_check_digit(stem)
    assert check_ogrn(ogrn) is None
    escaped = [changed for _, changed in single_digit_changes(ogrn) if check_ogrn(changed) is None]
    if ogrn[-1] != "0":
        assert escaped == []
    assert all(changed[-1] == "0" for changed in escaped)


@given(rest=digit_strings(13))
def test_ogrnip_check_digit_builds_valid_ogrnips_and_changes_are_caught_unless_check_is_0_1_2(
    rest: str,
) -> None:
    stem = "3" + rest
    assert ogrn_check_digit(stem) == str(int(stem) % 13 % 10)
    ogrnip = stem + ogrn_check_digit(stem)
    assert check_ogrnip(ogrnip) is None
    escaped = [changed for _, changed in single_digit_changes(ogrnip) if check_ogrnip(changed) is None]
    # mod 13 mod 10 folds 10, 11, 12 onto 0, 1, 2: only those check digits can hide a change.
    if ogrnip[-1] not in "012":
        assert escaped == []
    assert all(changed[-1] in "012" for changed in escaped)


def test_ogrn_and_ogrnip_checksums_cannot_catch_every_change() -> None:
    assert check_ogrn("5068790750320") is None
    assert check_ogrn("5078790750320") is None
    assert check_ogrnip("369734484696612") is None
    assert check_ogrnip("339734484696612") is None


def test_check_digit_helpers_refuse_wrong_stem_lengths() -> None:
    with pytest.raises(ValueError):
        inn_check_digits("12345678")
    with pytest.raises(ValueError):
        ogrn_check_digit("1234567890123")


bank_biks = st.builds(lambda rest: "04" + rest, digit_strings(7))
# A settlement account that is not a Treasury one ("03..." is never checked).
plain_accounts = digit_strings(20).filter(lambda a: not a.startswith("03"))


@given(bik=bank_biks, body=plain_accounts)
@example(bik=SBER_BIK, body="40702810000000012345")
def test_settlement_accounts_built_for_a_bik_pass_and_every_single_digit_change_fails(bik: str, body: str) -> None:
    account = with_key(bik[6:9], body)
    assert check_settlement_account(account, bik) is None
    for i, changed in single_digit_changes(account):
        if changed.startswith("03"):
            continue  # turned into a Treasury account, which is deliberately not checked
        assert check_settlement_account(changed, bik) is not None, (account, i, changed)


@given(bik=bank_biks, body=digit_strings(12))
def test_correspondent_accounts_built_for_a_bik_pass_and_every_single_digit_change_fails(bik: str, body: str) -> None:
    account = with_key("0" + bik[4:6], "30101810" + body)
    assert check_correspondent_account(account, bik) is None
    for i, changed in single_digit_changes(account):
        if changed.startswith("03"):
            continue
        assert check_correspondent_account(changed, bik) is not None, (account, i, changed)


# Leading zero lost in Excel (docs/spreadsheets.md) -----------------------------------------------


def test_inn_that_lost_its_leading_zero_is_restored_when_the_padded_value_passes() -> None:
    assert restore_leading_zero("inn", "274062111") == "0274062111"
    assert restore_leading_zero("inn", "23148909438") == "023148909438"


def test_inn_is_not_padded_when_the_padded_value_fails() -> None:
    assert not is_valid_inn("0274062112")
    assert restore_leading_zero("inn", "274062112") is None


@given(value=digit_strings(9))
def test_padding_an_inn_only_ever_gives_a_valid_inn(value: str) -> None:
    restored = restore_leading_zero("inn", value)
    assert restored is None or (restored == "0" + value and is_valid_inn(restored))
    assert (restored is not None) == is_valid_inn("0" + value)


def test_most_random_9_digit_strings_are_not_repaired() -> None:
    rng = random.Random(20240510)
    values = [f"{rng.randrange(10**8, 10**9):09d}" for _ in range(5000)]
    repaired = sum(restore_leading_zero("inn", v) is not None for v in values)
    # About one in ten passes by chance (docs/spreadsheets.md); padding blindly would give 5000.
    assert 350 < repaired < 650


def test_kpp_and_bik_with_8_digits_are_padded_by_format() -> None:
    assert restore_leading_zero("kpp", "27401001") == "027401001"
    assert restore_leading_zero("bik", "44525225") == "044525225"
    # A padded BIK that does not start with "04" is not a lost zero we can vouch for.
    assert restore_leading_zero("bik", "24525225") is None
    assert restore_leading_zero("bik", "14525225") is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("inn", "0274062111"),  # already complete
        ("inn", "27406211"),  # two digits missing: never guess
        ("inn", "274062111.0"),
        ("inn", " 274062111"),
        ("kpp", "7736010"),
        ("kpp", "773601001"),
        ("bik", "4452522"),
        ("bik", "044525225"),
    ],
)
def test_values_of_other_lengths_or_with_other_characters_are_not_padded(field: str, value: str) -> None:
    assert restore_leading_zero(field, value) is None


@pytest.mark.parametrize("field", ["ogrn", "ogrnip", "account", "corr_account", "phone", "name", ""])
def test_no_other_field_is_ever_padded(field: str) -> None:
    # "274062111" would pass as an INN after padding; in another column it must stay as it is.
    for value in ("274062111", "44525225", "27401001", "23148909438", "027700132195"):
        assert restore_leading_zero(field, value) is None


@pytest.mark.parametrize(
    "cell",
    [
        7707083893.0,
        "7707083893.0",
        7707083893,
        "7707083893",
        " 7707083893 ",
        "7707 083 893",
        "7707\u00a0083\u00a0893",
        "\u00a07707083893\u00a0",
    ],
)
def test_identifier_from_cell_gives_the_plain_digits(cell: object) -> None:
    assert identifier_from_cell(cell) == SBER_INN


def test_identifier_from_cell_then_restore_repairs_a_numeric_inn_cell() -> None:
    text = identifier_from_cell(274062111.0)
    assert text == "274062111"
    assert restore_leading_zero("inn", text) == "0274062111"


def test_identifier_from_cell_keeps_13_and_15_digit_numbers_exactly() -> None:
    # Below 2**53 a double holds every integer, so OGRN and OGRNIP survive a numeric cell.
    assert identifier_from_cell(float(SBER_OGRN)) == SBER_OGRN
    assert identifier_from_cell(304770095754380.0) == "304770095754380"


def test_identifier_from_cell_does_not_hide_a_fraction() -> None:
    text = identifier_from_cell(7707083893.5)
    assert check_inn(text) is not None


def test_identifier_from_cell_of_an_empty_cell_is_empty() -> None:
    assert identifier_from_cell(None) == ""


def test_an_account_corrupted_by_excel_is_never_accepted() -> None:
    # docs/spreadsheets.md: a 20-digit account typed as a number is rounded inside the spreadsheet,
    # so it is reported as an error and never "fixed". This valid account becomes ...872320 in a
    # double, which happens to pass the key (about 1 in 10 corrupted accounts do).
    account = "40702810883378876232"
    assert check_settlement_account(account, SBER_BIK) is None
    text = identifier_from_cell(float(account))
    assert text != account
    assert check_settlement_account(text, SBER_BIK) is not None
