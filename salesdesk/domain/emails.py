"""E-mail addresses: validated by email-validator, kept as typed, matched in normalised form."""

from __future__ import annotations

import re
from functools import lru_cache

from email_validator import EmailNotValidError, validate_email

from salesdesk.domain.errors import FieldProblem
from salesdesk.domain.messages import msg


def normalize_email(address: str) -> str:
    """Form used to match duplicates: trimmed and lower-cased (domains are case-insensitive,
    and in practice so are mailboxes)."""
    return address.strip().casefold()


# Plain ASCII addresses that email-validator accepts for certain: dot-atom mailbox of common
# characters, a domain of letter/digit labels (no "--", which IDNA treats specially) and a
# letters-only top-level domain that is not reserved. Everything else goes to email-validator;
# a property test checks that this never accepts what the library refuses.
_PLAIN = re.compile(
    r"[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*@"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+([A-Za-z]{2,24})"
)
_RESERVED_TLDS = frozenset({"arpa", "invalid", "local", "localhost", "onion", "test"})


def _plainly_valid(text: str) -> bool:
    match = _PLAIN.fullmatch(text)
    return (
        match is not None
        and "--" not in text
        and len(text) <= 254
        and text.index("@") <= 64
        and match.group(1).lower() not in _RESERVED_TLDS
    )


@lru_cache(maxsize=8192)
def check_email(address: str, field: str = "email") -> FieldProblem | None:
    text = address.strip()
    if _plainly_valid(text):
        return None
    try:
        validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        return FieldProblem(field, msg("err.email_invalid", value=text, reason=msg(_reason(text, str(exc)))))
    return None


def _reason(text: str, library_message: str) -> str:
    """The library explains in English only; name the common causes in our own words."""
    if "@" not in text:
        return "email.no_at"
    if text.endswith("@"):
        return "email.no_domain"
    if any(ch.isspace() for ch in text):
        return "email.spaces"
    if "domain" in library_message.lower() or "after the @" in library_message:
        return "email.bad_domain"
    return "email.bad"
