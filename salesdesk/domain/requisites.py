"""Russian company requisites: INN, KPP, OGRN, OGRNIP, BIK and bank accounts (docs/requisites.md).

Each ``check_*`` function takes the text as stored (ASCII digits) and returns the problem, or
``None`` when the value is right. Empty values are not checked here: whether a field is required
depends on the client kind (see ``validation``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from salesdesk.domain.errors import FieldProblem
from salesdesk.domain.messages import msg

_INN10_W = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12_W1 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12_W2 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_ACCOUNT_W = (7, 1, 3) * 8  # 23 digits used: 3-digit prefix + 20-digit account
_KPP_RE = re.compile(r"^\d{4}[0-9A-Z]{2}\d{3}$")
_CYRILLIC_RE = re.compile(r"[А-Яа-яЁё]")


def _ctrl(digits: str, weights: Sequence[int]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11 % 10


def inn_check_digits(first: str) -> str:
    """The check digit(s) that complete a 9- or 10-digit INN stem (used by generators and tests)."""
    if len(first) == 9:
        return str(_ctrl(first, _INN10_W))
    if len(first) == 10:
        d11 = str(_ctrl(first, _INN12_W1))
        return d11 + str(_ctrl(first + d11, _INN12_W2))
    raise ValueError("an INN stem has 9 or 10 digits")


def ogrn_check_digit(first: str) -> str:
    """The check digit of a 12-digit OGRN stem or a 14-digit OGRNIP stem."""
    if len(first) == 12:
        return str(int(first) % 11 % 10)
    if len(first) == 14:
        return str(int(first) % 13 % 10)
    raise ValueError("an OGRN stem has 12 digits, an OGRNIP stem 14")


def _digits_only(field: str, value: str) -> FieldProblem | None:
    if not value.isascii() or not value.isdigit():
        return FieldProblem(field, msg("err.digits_only", field=msg(f"field.{field}"), value=value))
    return None


@lru_cache(maxsize=65536)  # pure, and asked twice per row of a bulk import (rules, then completeness)
def check_inn(value: str, field: str = "inn") -> FieldProblem | None:
    if problem := _digits_only(field, value):
        return problem
    if len(value) == 10:
        ok = _ctrl(value[:9], _INN10_W) == int(value[9])
    elif len(value) == 12:
        ok = _ctrl(value[:10], _INN12_W1) == int(value[10]) and _ctrl(value[:11], _INN12_W2) == int(value[11])
    else:
        return FieldProblem(field, msg("err.inn_length", value=value, actual=len(value)))
    if not ok:
        return FieldProblem(field, msg("err.check_digit", field=msg("field.inn"), value=value))
    return None


def is_valid_inn(value: str) -> bool:
    return check_inn(value) is None


@lru_cache(maxsize=65536)
def check_kpp(value: str, field: str = "kpp") -> FieldProblem | None:
    if _KPP_RE.match(value):
        return None
    if len(value) == 9 and _CYRILLIC_RE.search(value[4:6]):
        return FieldProblem(field, msg("err.kpp_cyrillic", value=value))
    return FieldProblem(field, msg("err.kpp_format", value=value))


@lru_cache(maxsize=65536)
def check_ogrn(value: str, field: str = "ogrn") -> FieldProblem | None:
    """OGRN of a legal entity: 13 digits, starts with 1 or 5."""
    label = msg("field.ogrn")
    if problem := _digits_only(field, value):
        return problem
    if len(value) != 13:
        return FieldProblem(field, msg("err.length", field=label, value=value, expected=13, actual=len(value)))
    if value[0] not in "15":
        return FieldProblem(field, msg("err.first_digit", field=label, value=value, expected="1 / 5"))
    if ogrn_check_digit(value[:12]) != value[12]:
        return FieldProblem(field, msg("err.check_digit", field=label, value=value))
    return None


@lru_cache(maxsize=65536)
def check_ogrnip(value: str, field: str = "ogrn") -> FieldProblem | None:
    """OGRNIP of a sole trader: 15 digits, starts with 3."""
    label = msg("field.ogrnip")
    if problem := _digits_only(field, value):
        return problem
    if len(value) != 15:
        return FieldProblem(field, msg("err.length", field=label, value=value, expected=15, actual=len(value)))
    if value[0] != "3":
        return FieldProblem(field, msg("err.first_digit", field=label, value=value, expected="3"))
    if ogrn_check_digit(value[:14]) != value[14]:
        return FieldProblem(field, msg("err.check_digit", field=label, value=value))
    return None


def check_bik(value: str, field: str = "bik") -> FieldProblem | None:
    """BIK: 9 digits; a non-bank (Treasury) BIK is a warning, not an error."""
    label = msg("field.bik")
    if problem := _digits_only(field, value):
        return problem
    if len(value) != 9:
        return FieldProblem(field, msg("err.length", field=label, value=value, expected=9, actual=len(value)))
    if value.startswith(("00", "01", "02")):
        return FieldProblem(field, msg("warn.bik_treasury", value=value), blocking=False)
    if not value.startswith("04"):
        return FieldProblem(field, msg("warn.bik_unusual", value=value), blocking=False)
    return None


def _account_sum_ok(prefix: str, account: str) -> bool:
    digits = prefix + account
    return sum(int(d) * w for d, w in zip(digits, _ACCOUNT_W, strict=False)) % 10 == 0


def _check_account(value: str, bik: str, field: str, prefix_of: str) -> FieldProblem | None:
    label = msg(f"field.{field}")
    if problem := _digits_only(field, value):
        return problem
    if len(value) != 20:
        return FieldProblem(field, msg("err.length", field=label, value=value, expected=20, actual=len(value)))
    if value.startswith("03"):
        return None  # Treasury accounts follow neither key rule (docs/requisites.md).
    if not bik:
        return FieldProblem(field, msg("err.account_needs_bik", field=label), blocking=False)
    if len(bik) != 9 or not bik.isdigit():
        return None  # the BIK itself is reported; do not pile a second message on the account
    prefix = bik[6:9] if prefix_of == "settlement" else "0" + bik[4:6]
    if not _account_sum_ok(prefix, value):
        return FieldProblem(field, msg("err.account_check", field=label, value=value, bik=bik))
    return None


def check_settlement_account(value: str, bik: str, field: str = "account") -> FieldProblem | None:
    """Settlement account (р/с): the key uses BIK digits 7-9 as the prefix."""
    return _check_account(value, bik, field, "settlement")


def check_correspondent_account(value: str, bik: str, field: str = "corr_account") -> FieldProblem | None:
    """Correspondent account (к/с): the key uses "0" + BIK digits 5-6 as the prefix."""
    return _check_account(value, bik, field, "correspondent")


# Leading-zero repair (docs/spreadsheets.md) ------------------------------------------------------

_REPAIRABLE = {"inn", "kpp", "bik"}


def restore_leading_zero(field: str, value: str) -> str | None:
    """Give back an identifier that a spreadsheet stored as a number and so lost its leading zero.

    Works only for a column known to hold *field*; returns the padded text when padding by one
    zero makes a valid value, else ``None``. Never pads blindly: about 1 in 10 random strings
    would pass a checksum after padding, so only the lengths a lost zero can produce qualify.
    """
    if field not in _REPAIRABLE or not value.isascii() or not value.isdigit():
        return None
    padded = "0" + value
    if field == "inn" and len(value) in (9, 11):
        return padded if is_valid_inn(padded) else None
    if field == "kpp" and len(value) == 8:
        return padded if _KPP_RE.match(padded) else None
    if field == "bik" and len(value) == 8:
        return padded if padded.startswith("04") else None
    return None


def identifier_from_cell(value: object) -> str:
    """Text of an identifier cell: ``7707083893.0`` and ``7707083893`` both give "7707083893".

    A number of 10**15 or more has already lost digits in the spreadsheet (a double holds 15);
    it comes back in exponent form, which no identifier rule accepts, so it is reported and never
    "fixed" (use ``lost_digits`` to say why).
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if lost_digits(value):
            return f"{value:.15e}"
        if value.is_integer():
            return str(int(value))
        return repr(value)
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
    return text


def lost_digits(value: object) -> bool:
    """Whether a spreadsheet number is too long to be exact (accounts typed as numbers)."""
    return isinstance(value, float) and abs(value) >= 1e15
