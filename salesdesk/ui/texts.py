"""Labels for things the core names by code (missing completeness items, field keys)."""

from __future__ import annotations

from collections.abc import Iterable

from salesdesk.domain.messages import has, msg

# completeness item -> the catalogue label of the field it stands for
_ITEM_LABELS = {
    "inn": "field.inn",
    "kpp": "field.kpp",
    "ogrn": "field.ogrn",
    "full_name": "field.full_name",
    "legal_address": "field.legal_address",
    "industry": "field.industry",
    "contact_position": "field.contact_position",
    "phone": "field.phone",
    "email": "field.email",
    "owner": "field.owner",
}


def item_label(item: str) -> str:
    key = _ITEM_LABELS.get(item, f"field.{item}")
    return str(msg(key)) if has(key) else item


def missing_items(items: Iterable[str]) -> list[str]:
    return [item_label(i) for i in items]
