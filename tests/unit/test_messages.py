"""The message catalogue: every message reads right in Russian and English, with its values in it."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator

import pytest

from salesdesk.domain import messages
from salesdesk.domain.errors import NotFoundError, StaleEditError, ValidationError
from salesdesk.domain.model import ClientKind, ClientStatus, DealStage, InteractionKind, Recurrence

# There is no public listing of the keys; the catalogue itself is the thing under test.
CATALOGUE = messages._CATALOGUE
KEYS = sorted(CATALOGUE)
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
# Messages whose Russian text has no Cyrillic letter of its own (it is all parameters or a loan word).
# Labels that read the same in both languages (a "№", "E-mail", "№12 Name (field)").
NO_CYRILLIC_IN_RUSSIAN = {
    "field.email",
    "err.email_invalid",
    "export.emails",
    "export.no",
    "import.client_ref",
    "cli.col.no",
    "cli.number",
}


@pytest.fixture
def lang() -> Iterator[None]:
    before = messages.language()
    yield
    messages.set_language(before)


def parameters(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", KEYS)
def test_every_message_renders_in_both_languages_with_its_parameters(key: str) -> None:
    ru, en = CATALOGUE[key]
    names = parameters(ru)
    assert names == parameters(en), "both languages must use the same parameters"
    values = {name: f"<{name}-7707083893>" for name in names}
    for language in messages.LANGUAGES:
        text = messages.render(key, values, language)
        for value in values.values():
            assert value in text
        assert "{" not in text and "}" not in text
        assert text.strip() == text and text


@pytest.mark.parametrize("key", KEYS)
def test_russian_is_russian_and_english_is_english(key: str) -> None:
    ru, en = CATALOGUE[key]
    assert not CYRILLIC.search(en), en
    if key not in NO_CYRILLIC_IN_RUSSIAN:
        assert CYRILLIC.search(ru), ru


@pytest.mark.parametrize("key", KEYS)
def test_message_object_renders_in_the_current_language(lang: None, key: str) -> None:
    message = messages.msg(key, **{name: "X" for name in parameters(CATALOGUE[key][0])})
    messages.set_language("ru")
    ru = str(message)
    messages.set_language("en")
    en = str(message)
    assert (ru, en) == (message.render("ru"), message.render("en"))
    assert ru != en or key in ("field.email", "import.client_ref")


def test_a_message_renders_in_the_language_current_when_shown_not_when_made(lang: None) -> None:
    messages.set_language("en")
    message = messages.msg("err.required", field=messages.msg("field.inn"))
    messages.set_language("ru")
    assert str(message) == "ИНН: обязательное поле"
    messages.set_language("en")
    assert str(message) == "INN: required"
    assert message.render("ru") == "ИНН: обязательное поле"  # an explicit language wins, nested too


def test_unknown_key_is_a_bug_caught_at_once() -> None:
    with pytest.raises(KeyError):
        messages.msg("err.no_such_message")
    assert not messages.has("err.no_such_message")
    assert messages.has("err.required")


@pytest.mark.parametrize(
    ("code", "language"),
    [
        ("ru", "ru"),
        ("RU", "ru"),
        ("ru_RU", "ru"),
        ("ru-RU", "ru"),
        ("en", "en"),
        ("en_US", "en"),
        ("de", "en"),
        ("", "en"),
    ],
)
def test_set_language(lang: None, code: str, language: str) -> None:
    messages.set_language(code)
    assert messages.language() == language


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({}, "en"),
        ({"LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "Russian_Russia.1251"}, "ru"),
        ({"LC_ALL": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"}, "ru"),
        ({"LC_ALL": "", "LANG": "ru_RU.UTF-8"}, "ru"),  # an empty variable does not count
        ({"LC_MESSAGES": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"}, "ru"),
        ({"SALESDESK_LANG": "en", "LANG": "ru_RU.UTF-8"}, "en"),  # the program's own setting wins
        ({"SALESDESK_LANG": "ru", "LC_ALL": "C"}, "ru"),
        ({"LANGUAGE": "ru"}, "ru"),
        ({"LANG": "C.UTF-8"}, "en"),
    ],
)
def test_detect_language_from_the_environment(environ: dict[str, str], language: str) -> None:
    assert messages.detect_language(environ) == language


def test_detect_language_honours_language_before_lang_like_gettext() -> None:
    assert messages.detect_language({"LANGUAGE": "ru:en", "LANG": "en_US.UTF-8"}) == "ru"


def test_detect_language_does_not_change_the_current_language(lang: None) -> None:
    messages.set_language("en")
    messages.detect_language({"LANG": "ru_RU.UTF-8"})
    assert messages.language() == "en"


@pytest.mark.parametrize("enum", [ClientKind, ClientStatus, DealStage, InteractionKind, Recurrence])
def test_every_choice_has_a_label_in_both_languages(lang: None, enum: type) -> None:
    for member in enum:
        messages.set_language("ru")
        ru = member.label
        messages.set_language("en")
        en = member.label
        assert CYRILLIC.search(ru), member
        assert ru and en and ru != en, member


@pytest.mark.parametrize("kind", list(ClientKind))
def test_every_client_kind_has_a_genitive_form_for_sentences(kind: ClientKind) -> None:
    assert messages.has(f"kind_gen.{kind.value}")


def test_user_errors_read_as_sentences(lang: None) -> None:
    messages.set_language("ru")
    assert str(NotFoundError("client", 42)) == "Клиент №42 не найден — возможно, удалён"
    assert "Сделка №7 уже изменена в другом окне" in str(StaleEditError("deal", 7))
    messages.set_language("en")
    assert str(NotFoundError("contact", 5)) == "Contact person #5 not found — maybe deleted"


@pytest.mark.parametrize(
    ("what", "expected"),
    [
        ("client", "Клиент №3 не найден — возможно, удалён"),
        ("deal", "Сделка №3 не найдена — возможно, удалена"),
        ("reminder", "Напоминание №3 не найдено — возможно, удалено"),
        ("contact", "Контактное лицо №3 не найдено — возможно, удалено"),
        ("interaction", "Запись истории №3 не найдена — возможно, удалена"),
    ],
)
def test_not_found_agrees_in_gender_with_what_was_not_found(lang: None, what: str, expected: str) -> None:
    """«Напоминание №3 не найден(а)» was what `log --close-reminder 3` printed: say it as a person would."""
    messages.set_language("ru")
    assert str(NotFoundError(what, 3)) == expected
    assert "(а)" not in str(StaleEditError(what, 3))


def test_validation_error_needs_a_blocking_problem() -> None:
    with pytest.raises(ValueError):
        ValidationError([])


def test_every_import_target_has_a_label() -> None:
    from salesdesk.domain.spreadsheet import TARGETS
    from salesdesk.ui.import_wizard import target_label

    assert all(target_label(t) for t in TARGETS)
