"""Messages the core shows to people, in Russian and English.

The domain has no Qt, so it cannot use ``tr()``; it keeps its own small catalogue instead. Each
message is a key plus parameters, rendered in the current language only when shown, so an error
raised in a worker thread still reads right after the user switches language.
"""

from __future__ import annotations

import locale
import os
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol, runtime_checkable

LANGUAGES = ("ru", "en")
_language = "en"

# key -> (Russian, English). Parameters use str.format syntax.
_CATALOGUE: dict[str, tuple[str, str]] = {
    # Start-up of the window.
    "start.no_display": (
        "Не найден экран: переменные DISPLAY и WAYLAND_DISPLAY не заданы, окну SalesDesk негде "
        "открыться. Командная строка работает и без экрана: salesdesk --help.",
        "No display found: neither DISPLAY nor WAYLAND_DISPLAY is set, so the SalesDesk window has "
        "nowhere to open. The command line works without a display: salesdesk --help.",
    ),
    "start.handed_over": (
        "SalesDesk уже открыт на этой базе: его окно выведено на передний план.",
        "SalesDesk is already open on this base: its window has been brought to the front.",
    ),
    "cli.no_file_to_import": (
        "Нет такого файла для загрузки: {where}",
        "No such file to import: {where}",
    ),
    # salesdesk --install-desktop
    "desktop.installed": (
        "SalesDesk добавлен в меню программ: {entry} (значков: {icons:n}). Если пункт не появился "
        "сразу, он появится после нового входа в систему.",
        "SalesDesk has been added to the application menu: {entry} ({icons:n} {icons:icon|icons}). If "
        "the entry does not show at once, it will after you log in again.",
    ),
    "desktop.failed": (
        "Не удалось добавить SalesDesk в меню программ: {where}: {error}",
        "Could not add SalesDesk to the application menu: {where}: {error}",
    ),
    "desktop.not_here": (
        "--install-desktop добавляет пункт в меню программ Linux; в Windows ярлык создаёт установщик "
        "(или перетащите SalesDesk.exe на рабочий стол).",
        "--install-desktop adds an entry to a Linux application menu; on Windows the installer makes "
        "the shortcut (or drag SalesDesk.exe to the desktop).",
    ),
    # Field labels, used inside other messages and next to fields.
    "field.name": ("Название", "Name"),
    "field.full_name": ("Полное наименование", "Full legal name"),
    "field.kind": ("Вид клиента", "Client kind"),
    "field.inn": ("ИНН", "INN"),
    "field.kpp": ("КПП", "KPP"),
    "field.ogrn": ("ОГРН", "OGRN"),
    "field.ogrnip": ("ОГРНИП", "OGRNIP"),
    "field.bik": ("БИК", "BIK"),
    "field.account": ("Расчётный счёт", "Settlement account"),
    "field.corr_account": ("Корр. счёт", "Correspondent account"),
    "field.client_no": ("№ клиента", "Client No."),
    "field.bank_name": ("Банк", "Bank"),
    "field.legal_address": ("Юридический адрес", "Legal address"),
    "field.postal_address": ("Почтовый адрес", "Postal address"),
    "field.city": ("Город", "City"),
    "field.phone": ("Телефон", "Phone"),
    "field.email": ("E-mail", "E-mail"),
    "field.industry": ("Отрасль", "Industry"),
    "field.status": ("Статус", "Status"),
    "field.source": ("Источник", "Source"),
    "field.owner": ("Ответственный", "Owner"),
    "field.tags": ("Метки", "Tags"),
    "field.notes": ("Заметки", "Notes"),
    "field.contact": ("Контактное лицо", "Contact person"),
    "field.contact_position": ("Контакт с должностью", "Contact person with position"),
    "field.full_name_person": ("ФИО", "Full name"),
    "field.org": ("Организация", "Organisation"),
    "field.position": ("Должность", "Position"),
    "field.birth_date": ("Дата рождения", "Birth date"),
    "field.okved": ("Код ОКВЭД", "OKVED code"),
    "field.industry_name": ("Название отрасли", "Industry name"),
    "field.due_at": ("Срок", "Due"),
    "field.text": ("Текст", "Text"),
    "field.recurrence": ("Повтор", "Repeat"),
    "field.title": ("Название сделки", "Deal title"),
    "field.amount": ("Сумма", "Amount"),
    "field.search": ("Текст поиска", "Search text"),
    "field.client_filter": ("Фильтр по клиенту", "Client filter"),
    "field.currency": ("Валюта", "Currency"),
    "field.stage": ("Стадия", "Stage"),
    "field.lost_reason": ("Причина проигрыша", "Reason lost"),
    "field.opened_on": ("Дата открытия", "Opened on"),
    "field.closed_on": ("Дата закрытия", "Closed on"),
    "field.contract_end": ("Окончание договора", "Contract ends"),
    "field.occurred_at": ("Когда", "When"),
    "field.summary": ("Содержание", "Summary"),
    "field.manager": ("Менеджер", "Manager"),
    "field.manager_name": ("Имя менеджера", "Manager name"),
    # Generic field problems.
    "err.required": ("{field}: обязательное поле", "{field}: required"),
    "err.too_long": (
        "{field}: не длиннее {limit:n} {limit:символа|символов|символов}",
        "{field}: at most {limit:n} {limit:character|characters}",
    ),
    "err.choice": ("{field}: недопустимое значение «{value}»", "{field}: “{value}” is not allowed"),
    "err.industry_date": (
        "{field} «{value}» — это дата, а не отрасль или код ОКВЭД: проверьте, тот ли столбец выбран",
        "{field} “{value}” is a date, not an industry or an OKVED code: check that the right column is chosen",
    ),
    "err.date": ("{field} «{value}»: неверная дата", "{field} “{value}”: not a valid date"),
    "err.amount": (
        "{field} «{value}»: не сумма денег; пример: 1 250 000,50",
        "{field} “{value}”: not an amount of money; for example 1,250,000.50",
    ),
    "err.future_birth": (
        "{field} {value}: дата рождения в будущем",
        "{field} {value}: birth date is in the future",
    ),
    "err.amount_range": (
        "{field} «{value}»: сумма не больше 1 000 000 000 000 000 (10^15)",
        "{field} “{value}”: the amount must be at most 1,000,000,000,000,000 (10^15)",
    ),
    "err.amount_cents": (
        "{field} «{value}»: не больше двух знаков после запятой (копейки)",
        "{field} “{value}”: at most two decimal places (cents)",
    ),
    "err.date_range": (
        "{field} {value}: дата должна быть между {first} и {last}",
        "{field} {value}: the date must be from {first} to {last}",
    ),
    "err.too_old": ("{field} {value}: слишком давняя дата", "{field} {value}: date is too far in the past"),
    # Requisites.
    "err.digits_only": (
        "{field} «{value}»: допускаются только цифры",
        "{field} “{value}”: digits only",
    ),
    "err.length": (
        "{field} {value}: должно быть {expected} цифр, а здесь {actual}",
        "{field} {value}: must be {expected} digits, not {actual}",
    ),
    "err.inn_length": (
        "ИНН {value}: нужно 10 цифр (организация) или 12 (ИП, физлицо), а здесь {actual}",
        "INN {value}: must be 10 digits (company) or 12 (sole trader, person), not {actual}",
    ),
    "err.check_digit": (
        "{field} {value}: неверная контрольная цифра",
        "{field} {value}: wrong check digit",
    ),
    "err.first_digit": (
        "{field} {value}: должен начинаться с {expected}",
        "{field} {value}: must start with {expected}",
    ),
    "err.kpp_format": (
        "КПП «{value}»: формат — 4 цифры, 2 цифры или латинские заглавные буквы, 3 цифры",
        "KPP “{value}”: expected 4 digits, 2 digits or Latin capitals, then 3 digits",
    ),
    "err.kpp_cyrillic": (
        "КПП «{value}»: в 5–6 позициях русские буквы, нужны латинские",
        "KPP “{value}”: positions 5–6 hold Cyrillic letters; only Latin capitals are allowed",
    ),
    "err.inn_for_kind": (
        "ИНН {value}: у {kind} ИНН из {expected} цифр",
        "INN {value}: a {kind} has a {expected}-digit INN",
    ),
    "err.not_for_kind": (
        "{field}: не заполняется для вида «{kind}»",
        "{field}: does not apply to a {kind}",
    ),
    "err.ogrn_for_kind": (
        "{field} {value}: у {kind} указывается {expected}",
        "{field} {value}: a {kind} has an {expected}",
    ),
    "err.account_needs_bik": (
        "{field}: чтобы проверить счёт, укажите БИК банка",
        "{field}: enter the bank's BIK so the account can be checked",
    ),
    "err.account_check": (
        "{field} {value}: не сходится контрольная сумма с БИК {bik}",
        "{field} {value}: check sum does not match BIK {bik}",
    ),
    "warn.bik_treasury": (
        "БИК {value}: не банковский (казначейство?) — проверьте",
        "BIK {value}: not a bank BIK (Treasury?) — please check",
    ),
    "warn.bik_unusual": (
        "БИК {value}: банковские БИК начинаются с 04 — проверьте",
        "BIK {value}: bank BIKs start with 04 — please check",
    ),
    # Phones and e-mails.
    "err.phone_invalid": (
        "Телефон «{value}»: не похоже на номер — нужен код города или оператора",
        "Phone “{value}”: not a phone number — include the area or mobile code",
    ),
    "err.phone_letters": (
        "Телефон «{value}»: в номере буквы",
        "Phone “{value}”: letters in a phone number",
    ),
    "warn.phone_plus8": (
        "Телефон «{value}»: +8 — это не Россия; для России пишите +7 или 8 без плюса",
        "Phone “{value}”: +8 is not Russia; for Russia write +7, or 8 without the plus",
    ),
    "warn.phone_foreign": (
        "Телефон «{value}»: номер не российский ({region})",
        "Phone “{value}”: not a Russian number ({region})",
    ),
    "err.email_invalid": ("E-mail «{value}»: {reason}", "E-mail “{value}”: {reason}"),
    "email.no_at": ("нет знака @", "there is no @ sign"),
    "email.no_domain": ("после @ нет домена", "there is no domain after the @"),
    "email.spaces": ("в адресе пробел", "the address contains a space"),
    "email.bad_domain": ("неверный домен", "the domain is not valid"),
    "email.bad": ("неверный адрес", "not a valid address"),
    # Kinds, statuses, stages as the user reads them (genitive for "у ...").
    "kind.legal": ("Организация", "Company"),
    "kind.sole_trader": ("ИП", "Sole trader"),
    "kind.person": ("Физлицо", "Private person"),
    "kind_gen.legal": ("организации", "company"),
    "kind_gen.sole_trader": ("ИП", "sole trader"),
    "kind_gen.person": ("физлица", "private person"),
    "status.lead": ("Лид", "Lead"),
    "status.prospect": ("Потенциальный", "Prospect"),
    "status.active": ("Действующий", "Active"),
    "status.former": ("Бывший", "Former"),
    "recurrence.none": ("Без повтора", "Does not repeat"),
    "recurrence.monthly": ("Ежемесячно", "Monthly"),
    "recurrence.quarterly": ("Ежеквартально", "Quarterly"),
    "recurrence.yearly": ("Ежегодно", "Yearly"),
    "interaction.call": ("Звонок", "Call"),
    "interaction.meeting": ("Встреча", "Meeting"),
    "interaction.email": ("Письмо", "E-mail"),
    "interaction.note": ("Заметка", "Note"),
    "stage.new": ("Новая", "New"),
    "stage.negotiation": ("Переговоры", "Negotiation"),
    "stage.proposal": ("Предложение", "Proposal"),
    "stage.won": ("Выиграна", "Won"),
    "stage.lost": ("Проиграна", "Lost"),
    # Service and store problems.
    "err.not_found": ("{what} №{id} не найден(а) — возможно, удалён(а)", "{what} #{id} not found — maybe deleted"),
    "what.client": ("Клиент", "Client"),
    "what.contact": ("Контактное лицо", "Contact person"),
    "what.industry": ("Отрасль", "Industry"),
    "what.reminder": ("Напоминание", "Reminder"),
    "what.manager": ("Менеджер", "Manager"),
    "what.deal": ("Сделка", "Deal"),
    "what.interaction": ("Запись истории", "History entry"),
    "err.stale": (
        "{what} №{id} уже изменён(а) в другом окне или программе. Обновите карточку и повторите",
        "{what} #{id} was changed elsewhere meanwhile. Reload it and try again",
    ),
    # the same two, agreeing in gender with each kind of thing (Клиент не найден, Сделка не найдена)
    "err.not_found.client": (
        "Клиент №{id} не найден — возможно, удалён",
        "Client #{id} not found — maybe deleted",
    ),
    "err.not_found.contact": (
        "Контактное лицо №{id} не найдено — возможно, удалено",
        "Contact person #{id} not found — maybe deleted",
    ),
    "err.not_found.industry": (
        "Отрасль №{id} не найдена — возможно, удалена",
        "Industry #{id} not found — maybe deleted",
    ),
    "err.not_found.reminder": (
        "Напоминание №{id} не найдено — возможно, удалено",
        "Reminder #{id} not found — maybe deleted",
    ),
    "err.not_found.manager": (
        "Менеджер №{id} не найден — возможно, удалён",
        "Manager #{id} not found — maybe deleted",
    ),
    "err.not_found.deal": (
        "Сделка №{id} не найдена — возможно, удалена",
        "Deal #{id} not found — maybe deleted",
    ),
    "err.not_found.interaction": (
        "Запись истории №{id} не найдена — возможно, удалена",
        "History entry #{id} not found — maybe deleted",
    ),
    "what.attachment": ("Файл", "File"),
    "err.not_found.attachment": (
        "Файл №{id} не найден — возможно, удалён",
        "File #{id} not found — maybe deleted",
    ),
    "err.stale.attachment": (
        "Файл №{id} уже изменён в другом окне или программе. Обновите карточку и повторите",
        "File #{id} was changed elsewhere meanwhile. Reload the card and try again",
    ),
    # Files on a client (services/attachments.py)
    "files.err.too_big": (
        "Файл «{name}» слишком большой ({size} МБ): к клиенту можно приложить файл не больше {limit} МБ. "
        "Уменьшите его (например, отсканируйте с меньшим разрешением или сожмите в архив) и приложите снова",
        "The file “{name}” is too large ({size} MB): a file attached to a client may be at most {limit} MB. "
        "Make it smaller (scan at a lower resolution, or compress it) and attach it again",
    ),
    "files.err.no_file": ("Нет такого файла: {where}", "No such file: {where}"),
    "files.err.not_a_file": (
        "Это не файл (папку или устройство приложить нельзя): {where}",
        "This is not a file (a folder or a device cannot be attached): {where}",
    ),
    "files.err.unreadable": (
        "Не удалось прочитать файл {where}: {reason}",
        "Could not read the file {where}: {reason}",
    ),
    "files.err.cannot_write": (
        "Не удалось записать файл {where}: {reason}",
        "Could not write the file {where}: {reason}",
    ),
    "files.err.exists": (
        "Файл {where} уже есть. Выберите другое имя или добавьте --force, чтобы заменить его",
        "The file {where} already exists. Choose another name, or add --force to replace it",
    ),
    "files.err.damaged": (
        "Файл «{name}» (№{id}) в базе повреждён: его содержимое не совпадает с сохранённой контрольной суммой. "
        "Возьмите его из резервной копии",
        "The file “{name}” (#{id}) is damaged in the base: its contents do not match the stored checksum. "
        "Take it from a backup",
    ),
    "files.err.client_in_trash": (
        "Клиент №{id} в корзине: сначала восстановите его, потом прикладывайте файлы",
        "Client #{id} is in the trash: restore it first, then attach files",
    ),
    "files.err.empty_name": ("Укажите имя файла", "Enter the file's name"),
    "files.size.bytes": ("{n} Б", "{n} B"),
    "files.size.kb": ("{n} КБ", "{n} KB"),
    "files.size.mb": ("{n} МБ", "{n} MB"),
    "files.saved": ("Сохранено: {where}", "Saved: {where}"),
    "err.stale.client": (
        "Клиент №{id} уже изменён в другом окне или программе. Обновите карточку и повторите",
        "Client #{id} was changed elsewhere meanwhile. Reload it and try again",
    ),
    "err.stale.contact": (
        "Контактное лицо №{id} уже изменено в другом окне или программе. Обновите карточку и повторите",
        "Contact person #{id} was changed elsewhere meanwhile. Reload it and try again",
    ),
    "err.stale.industry": (
        "Отрасль №{id} уже изменена в другом окне или программе. Обновите карточку и повторите",
        "Industry #{id} was changed elsewhere meanwhile. Reload it and try again",
    ),
    "err.stale.reminder": (
        "Напоминание №{id} уже изменено в другом окне или программе. Обновите карточку и повторите",
        "Reminder #{id} was changed elsewhere meanwhile. Reload it and try again",
    ),
    "err.stale.manager": (
        "Менеджер №{id} уже изменён в другом окне или программе. Обновите карточку и повторите",
        "Manager #{id} was changed elsewhere meanwhile. Reload it and try again",
    ),
    "err.stale.deal": (
        "Сделка №{id} уже изменена в другом окне или программе. Обновите карточку и повторите",
        "Deal #{id} was changed elsewhere meanwhile. Reload it and try again",
    ),
    "err.stale.interaction": (
        "Запись истории №{id} уже изменена в другом окне или программе. Обновите карточку и повторите",
        "History entry #{id} was changed elsewhere meanwhile. Reload it and try again",
    ),
    "err.industry_exists": (
        "Отрасль с кодом {value} уже есть",
        "An industry with code {value} already exists",
    ),
    "err.manager_exists": ("Менеджер «{value}» уже есть", "Manager “{value}” already exists"),
    "err.unknown_industry": ("Отрасль «{value}» не найдена", "Industry “{value}” not found"),
    "err.unknown_manager": ("Менеджер «{value}» не найден", "Manager “{value}” not found"),
    "role.manager": ("Менеджер", "Manager"),
    "role.head": ("Руководитель", "Head"),
    "err.not_allowed.erase": (
        "Стирать данные (очищать корзину, стирать клиентов и контактных лиц, стирать из резервных копий) "
        "в этой базе может только руководитель ({heads}). Разрешить это менеджерам может руководитель: "
        "Файл → Настройки",
        "Only a head ({heads}) may erase in this base (empty the trash, erase clients and contact persons, "
        "erase from backups). A head can allow it to managers: File → Settings",
    ),
    "err.not_allowed.export_all": (
        "Выгружать всю базу в этой базе может только руководитель ({heads}). Разрешить это менеджерам "
        "может руководитель: Файл → Настройки",
        "Only a head ({heads}) may export the whole base. A head can allow it to managers: File → Settings",
    ),
    "err.not_allowed.export": (
        "Менеджер выгружает только своих клиентов, а среди выбранных {n:n} {n:чужой клиент|чужих клиента|"
        "чужих клиентов} (других менеджеров или без менеджера). Выберите «Мои клиенты» "
        "или попросите руководителя ({heads}) разрешить выгрузку всей базы: Файл → Настройки",
        "A manager exports only their own clients, and {n:n} of the chosen {n:client is|clients are} "
        "another manager's or nobody's. Choose “My clients”, or ask a head ({heads}) "
        "to allow exporting the whole base: File → Settings",
    ),
    "err.not_allowed.roles": (
        "Роли менеджеров и правила базы меняет только руководитель ({heads})",
        "Only a head ({heads}) changes the managers' roles and the base's rules",
    ),
    "err.last_head": (
        "В базе должен остаться хотя бы один руководитель: сначала назначьте руководителем другого менеджера",
        "The base keeps at least one head: make another manager a head first",
    ),
    "err.db_busy": (
        "База данных занята: в неё сейчас пишет другое окно или программа. Повторите через минуту",
        "The database is busy: another window or program is writing to it. Try again in a minute",
    ),
    "err.db_read_only": (
        "В базу {where} нельзя записать: файл или папка доступны только для чтения",
        "Cannot write to the database {where}: the file or its folder is read-only",
    ),
    "err.db_io": (
        "Ошибка чтения или записи файла базы {where} (диск, сеть или USB-накопитель?)",
        "A read or write error on the database file {where} (disk, network or USB drive?)",
    ),
    "err.db_corrupt": (
        "База {where} повреждена; изменения в неё не записываются. Проверьте её: salesdesk check",
        "The database {where} is damaged; nothing is written to it. Check it with: salesdesk check",
    ),
    "err.db_corrupt_page": (
        "База {where} повреждена: эту часть данных не прочитать. Проверьте базу: salesdesk check",
        "The database {where} is damaged: this part of the data cannot be read. Check it with: salesdesk check",
    ),
    "err.db_damaged_read_only": (
        "База {where} повреждена, она открыта только для чтения. Проверка SQLite: {damage}",
        "The database {where} is damaged and was opened read-only. SQLite's check says: {damage}",
    ),
    "err.db_damaged_window": (
        "База {where} повреждена, окно её не открывает, чтобы не повредить её ещё больше. Данные можно "
        'выгрузить командой: salesdesk --db "{where}" export клиенты.xlsx\nПроверка SQLite: {damage}',
        "The database {where} is damaged; the window does not open it, so as not to damage it further. "
        'Its data can be saved with: salesdesk --db "{where}" export clients.xlsx\nSQLite\'s check says: {damage}',
    ),
    "err.db_cant_open": (
        "Не удаётся открыть файл базы {where}: нет доступа к нему или к его папке",
        "Cannot open the database file {where}: no access to it or to its folder",
    ),
    "err.db_too_big": (
        "Значение слишком велико для базы данных; ничего не сохранено",
        "A value is too big for the database; nothing was saved",
    ),
    "err.db_missing": (
        "Базы {where} нет. Создать новую базу: salesdesk init {where}",
        "There is no database {where}. To make a new one: salesdesk init {where}",
    ),
    "err.db_exists": (
        "Файл {where} уже есть; новая база не создана",
        "The file {where} already exists; no new database was made",
    ),
    "err.db_is_folder": ("{where} — это папка, а не файл базы", "{where} is a folder, not a database file"),
    "err.db_parent_not_folder": (
        "Базу {where} нельзя создать: {parent} — файл, а не папка",
        "Cannot use the database {where}: {parent} is a file, not a folder",
    ),
    "err.db_create": ("Не удаётся создать базу {where}: {reason}", "Cannot make the database {where}: {reason}"),
    "err.output_is_folder": (
        "{where} — это папка; укажите имя файла, например {example}",
        "{where} is a folder; give a file name, e.g. {example}",
    ),
    "err.db_server_not_empty": (
        "В базе данных {where} на сервере уже есть таблицы; новая база не создана",
        "The server database {where} holds tables already; no new base was made",
    ),
    "cli.db_created": ("Создана новая база: {where}", "Made a new database: {where}"),
    "cli.yes": ("да", "yes"),
    "cli.no": ("нет", "no"),
    "cli.role_set": ("Роль — {name}: {role}", "Role — {name}: {role}"),
    "cli.rules.export": (
        "Менеджерам можно выгружать всю базу: {value}",
        "Managers may export the whole base: {value}",
    ),
    "cli.rules.erase": (
        "Менеджерам можно стирать (корзина, клиенты, контактные лица, копии): {value}",
        "Managers may erase (the trash, clients, contact persons, backups): {value}",
    ),
    "cli.signed_in": (
        "Это рабочее место работает как {name} ({role})",
        "This seat works as {name} ({role})",
    ),
    "err.db_open": (
        "Не удаётся открыть базу данных {where}: {reason}",
        "Cannot open the database {where}: {reason}",
    ),
    "err.db_newer": (
        "База {where} создана более новой версией SalesDesk ({revision}). Обновите программу",
        "The database {where} was made by a newer SalesDesk ({revision}). Please update the program",
    ),
    "err.db_not_salesdesk": (
        "Файл {where} — не база SalesDesk",
        "The file {where} is not a SalesDesk database",
    ),
    # A base on a PostgreSQL server (store/servers.py, services/connecting.py, salesdesk migrate-to).
    "err.server_url": (
        "Не получается разобрать адрес базы на сервере: {url}. Пример: postgresql+psycopg://user@host:5432/base",
        "Cannot read the server base's address: {url}. For example: postgresql+psycopg://user@host:5432/base",
    ),
    "err.server_password": (
        "Сервер {where} не принял пароль пользователя «{user}». Проверьте пароль (и раскладку клавиатуры)",
        "The server {where} did not accept the password of the user “{user}”. "
        "Check the password (and the keyboard layout)",
    ),
    "err.server_password_needed": (
        "Сервер {where} просит пароль пользователя «{user}», а он не задан. Введите его в окне «Подключиться "
        "к серверу…» или запишите в файл ~/.pgpass",
        "The server {where} asks for the password of the user “{user}” and none was given. Type it in the "
        "“Connect to a server…” window or put it in the ~/.pgpass file",
    ),
    "err.server_not_allowed": (
        "Сервер {where} не пускает пользователя «{user}» к базе «{database}». Это решает администратор сервера "
        "(права пользователя, pg_hba.conf)",
        "The server {where} does not let the user “{user}” into the database “{database}”. The server's "
        "administrator decides this (the user's rights, pg_hba.conf)",
    ),
    "err.server_no_database": (
        "На сервере {where} нет базы «{database}». Проверьте имя или попросите администратора её создать",
        "The server {where} has no database “{database}”. Check the name or ask the administrator to create it",
    ),
    "err.server_unreachable": (
        "Сервер {where} не отвечает. Проверьте адрес и порт, сеть, и что сервер запущен",
        "The server {where} does not answer. Check the address and port, the network, and that the server is running",
    ),
    "err.server_no_ssl": (
        "Сервер {where} не поддерживает шифрование (SSL), а подключение его требует. Выберите другое "
        "значение «Шифрование» (или sslmode в адресе) либо попросите администратора включить SSL",
        "The server {where} does not offer encryption (SSL) and the connection requires it. Choose another "
        "Encryption setting (or sslmode in the address) or ask the administrator to turn SSL on",
    ),
    "err.server_certificate": (
        "Сертификат сервера {where} не прошёл проверку (или не найден файл корневого сертификата). Укажите "
        "его в адресе (sslrootcert=путь) или спросите администратора",
        "The certificate of the server {where} did not pass the check (or the root certificate file was not "
        "found). Name it in the address (sslrootcert=path) or ask the administrator",
    ),
    # A server base's errors while working (store/servers.py, work_error): what a person can act on.
    "err.server_lost": (
        "Связь с сервером базы {where} прервалась, изменение не сохранено. Проверьте сеть и повторите — "
        "SalesDesk подключится заново сам",
        "The connection to the base's server {where} was lost and the change was not saved. Check the network "
        "and try again — SalesDesk connects again by itself",
    ),
    "err.server_waited": (
        "Эту запись сейчас меняет другое рабочее место, а ждать дольше {seconds} с нельзя. Повторите через минуту",
        "Another seat is changing this record right now and it could not be waited for longer than {seconds} s. "
        "Try again in a minute",
    ),
    "err.server_read_only": (
        "Сервер {where} сейчас принимает только чтение (резервный сервер или режим обслуживания): изменения "
        "не сохраняются. Спросите администратора сервера",
        "The server {where} only allows reading right now (a standby or maintenance): changes cannot be saved. "
        "Ask the server's administrator",
    ),
    "err.server_disk_full": (
        "На сервере {where} кончилось место на диске: изменение не сохранено. Сообщите администратору сервера",
        "The server {where} has run out of disk space: the change was not saved. Tell the server's administrator",
    ),
    "err.server_forbidden": (
        "Сервер {where} не разрешает пользователю «{user}» это изменение ({code}). Права даёт администратор сервера",
        "The server {where} does not allow the user “{user}” this change ({code}). The server's administrator "
        "grants the rights",
    ),
    "err.server_time_limit": (
        "Сервер {where} прервал запрос: он шёл дольше, чем разрешает настройка сервера (statement_timeout). "
        "Повторите позже или попросите администратора увеличить предел",
        "The server {where} stopped the query: it ran longer than the server's setting allows (statement_timeout). "
        "Try again later or ask the administrator to raise the limit",
    ),
    "err.server_cannot_set_up": (
        "Пользователю «{user}» нельзя создавать таблицы в базе «{database}» на сервере {where}, поэтому "
        "SalesDesk не может её подготовить. Администратор может дать право: GRANT CREATE ON SCHEMA public TO "
        '"{user}" — или подготовить базу сам, запустив SalesDesk от владельца базы',
        "The user “{user}” may not create tables in the database “{database}” on the server {where}, so "
        "SalesDesk cannot set it up. The administrator can grant it: GRANT CREATE ON SCHEMA public TO "
        '"{user}" — or set the base up by running SalesDesk as the database\'s owner once',
    ),
    "err.server_busy": (
        "Сервер {where} сейчас не принимает подключения (перегружен или запускается). Попробуйте чуть позже",
        "The server {where} does not take connections right now (overloaded or starting). Try again shortly",
    ),
    "err.server_newer": (
        "База «{database}» на сервере создана более новой версией SalesDesk ({revision}). Обновите программу",
        "The database “{database}” on the server was made by a newer SalesDesk ({revision}). Please update the program",
    ),
    "err.server_foreign": (
        "В базе «{database}» на сервере есть чужие таблицы: это не база SalesDesk. Выберите другую или "
        "попросите администратора создать пустую",
        "The database “{database}” on the server holds tables of something else: it is not a SalesDesk base. "
        "Choose another or ask the administrator for an empty one",
    ),
    "server.ok": (
        "Подключение работает: база SalesDesk, клиентов: {clients:n}.",
        "The connection works: a SalesDesk base with {clients:n} {clients:client|clients}.",
    ),
    "server.empty": (
        "Подключение работает: база пуста, SalesDesk подготовит её при подключении.",
        "The connection works: the base is empty; SalesDesk will set it up when you connect.",
    ),
    "server.older": (
        "Подключение работает: база SalesDesk более старой версии, клиентов: {clients:n}. При подключении "
        "она будет обновлена.",
        "The connection works: a SalesDesk base of an older version with {clients:n} "
        "{clients:client|clients}. It will be upgraded when you connect.",
    ),
    "server.no_keyring": (
        "Хранилища паролей системы здесь нет, поэтому пароль не будет запомнен. Чтобы не вводить его при "
        "каждом запуске, добавьте строку «{line}» в файл {pgpass} (права только для владельца: chmod 600).",
        "There is no system password store here, so the password will not be remembered. To avoid typing "
        "it at every start, add the line “{line}” to the file {pgpass} (readable by its owner only: chmod 600).",
    ),
    "server.keyring_failed": (
        "Пароль не удалось сохранить в хранилище паролей системы ({reason}); он не записан никуда.",
        "The password could not be saved in the system password store ({reason}); it was not written anywhere.",
    ),
    "server.start_failed": (
        "Не удаётся подключиться к базе на сервере {where}:\n{reason}",
        "Cannot connect to the base on the server {where}:\n{reason}",
    ),
    "err.move_not_server": (
        "migrate-to переносит базу на сервер PostgreSQL: нужен адрес вида "
        "postgresql+psycopg://пользователь@сервер:5432/база, а не {url}",
        "migrate-to moves the base to a PostgreSQL server: give an address such as "
        "postgresql+psycopg://user@host:5432/base, not {url}",
    ),
    "err.move_same": (
        "Эта база уже и есть {url}: переносить некуда",
        "This base already is {url}: there is nowhere to move it",
    ),
    "err.move_target_not_empty": (
        "База {where} не пуста (есть записи в таблицах: {tables}). Перенос идёт только в пустую базу: "
        "попросите администратора создать новую",
        "The database {where} is not empty (rows in: {tables}). The move goes into an empty "
        "database only: ask the administrator for a new one",
    ),
    "err.move_target_foreign": (
        "В базе {where} есть чужие таблицы ({tables}). Перенос идёт только в пустую базу",
        "The database {where} holds tables of something else ({tables}). The move goes into an empty database only",
    ),
    "err.move_mismatch": (
        "После копирования не совпали таблицы: {tables}. Ничего не сохранено на сервере, ваша база не "
        "тронута; сообщите об этом разработчикам",
        "After the copy these tables did not match: {tables}. Nothing was kept on the server and your "
        "base is untouched; please report this",
    ),
    "err.move_failed": (
        "Перенос прерван: {reason}. Ваша база не тронута; на сервере ничего не сохранено, база {where} "
        "осталась пустой, и перенос можно повторить",
        "The move stopped: {reason}. Your base is untouched; nothing was kept on the server, the database "
        "{where} is still empty and the move can be run again",
    ),
    "err.move_row_refused": (
        "Сервер не принял запись №{id} таблицы «{table}» ({reason}). Ваша база не тронута, на "
        "сервере ничего не сохранено. Исправьте эту запись в базе этого компьютера и повторите перенос",
        "The server refused row {id} of the table “{table}” ({reason}). Your base is untouched and "
        "nothing was kept on the server. Correct that row in this computer's base and run the move again",
    ),
    "move.row_column": (
        "поле «{column}»: {length:n} симв., сервер принимает не больше {limit:n}",
        "the field “{column}”: {length:n} characters, the server takes at most {limit:n}",
    ),
    "move.table": ("{table}: было {source:n}, стало {target:n} {mark}", "{table}: {source:n} → {target:n} {mark}"),
    "move.done": (
        "База перенесена на сервер {where}: все таблицы совпадают. Теперь SalesDesk работает с ней "
        "(окно и командная строка этого компьютера); прежний файл {source} остался как был.",
        "The base has moved to the server {where}: every table matches. SalesDesk works on it from now on "
        "(the window and the command line on this computer); the old file {source} is left as it was.",
    ),
    "move.progress": ("Копирование: {table}", "Copying: {table}"),
    # Acting on many clients at once (services/bulk_actions.py, `salesdesk client set`).
    "err.bulk.nothing": (
        "Не указано, что изменить: владельца, статус, отрасль, метку, напоминание или корзину",
        "Nothing to change was given: an owner, status, industry, tag, reminder or the trash",
    ),
    "err.bulk.none_chosen": (
        "Не выбран ни один клиент: укажите номера или --search",
        "No client chosen: give their numbers or --search",
    ),
    "err.bulk.unknown": (
        "Таких клиентов нет ({n:n}): {ids}",
        "No such clients ({n:n}): {ids}",
    ),
    "err.bulk.in_trash": (
        "В корзине {n:n} {n:клиент|клиента|клиентов}: {ids}; сначала восстановите",
        "{n:n} {n:client is|clients are} in the trash: {ids}; restore first",
    ),
    "err.bulk.tag_empty": ("Метка пуста", "The tag is empty"),
    "err.bulk.tag_long": (
        "Метка «{value}» длиннее {n:n} {n:знака|знаков|знаков}",
        "The tag “{value}” is longer than {n:n} {n:character|characters}",
    ),
    "err.bulk.tags_full": (
        "У клиента «{name}» метки заняли бы больше {n:n} знаков: уберите лишние",
        "The tags of “{name}” would take more than {n:n} characters: remove some first",
    ),
    "cli.bulk_changed": (
        "Изменено: {n:n} {n:клиент|клиента|клиентов}",
        "Changed: {n:n} {n:client|clients}",
    ),
    "err.cancelled": ("Операция отменена, база не изменилась", "Cancelled; the base was not changed"),
    # Files (import and export).
    # Register files of the tax service (salesdesk enrich, prospects; files/register.py).
    "register.category.1": ("микропредприятие", "micro enterprise"),
    "register.category.2": ("малое предприятие", "small enterprise"),
    "register.category.3": ("среднее предприятие", "medium-sized enterprise"),
    "register.among.region": (
        "клиентов базы той же отрасли в регионе",
        "the base's clients of its industry in the region",
    ),
    "register.among.register": (
        "всех предприятий отрасли в регионе по реестру",
        "all businesses of its industry in the region in the register",
    ),
    "register.position.revenue.top": ("выручка в верхней четверти {where}", "revenue in the top quarter of {where}"),
    "register.position.revenue.upper": ("выручка выше медианы {where}", "revenue above the median of {where}"),
    "register.position.revenue.lower": ("выручка ниже медианы {where}", "revenue below the median of {where}"),
    "register.position.revenue.bottom": (
        "выручка в нижней четверти {where}",
        "revenue in the bottom quarter of {where}",
    ),
    "register.position.headcount.top": (
        "численность в верхней четверти {where}",
        "headcount in the top quarter of {where}",
    ),
    "register.position.headcount.upper": (
        "численность выше медианы {where}",
        "headcount above the median of {where}",
    ),
    "register.position.headcount.lower": (
        "численность ниже медианы {where}",
        "headcount below the median of {where}",
    ),
    "register.position.headcount.bottom": (
        "численность в нижней четверти {where}",
        "headcount in the bottom quarter of {where}",
    ),
    "field.sme_category": ("Категория МСП", "SME category"),
    "field.region": ("Регион", "Region"),
    "field.headcount": ("Численность", "Headcount"),
    "field.revenue": ("Выручка", "Revenue"),
    "field.not_in_register": ("Нет в реестре МСП", "Not in the SME register"),
    "cli.enrich_done": (
        "Прочитано записей: {read:n}; клиентов базы в файле: {matched:n}; обновлено: {updated:n}; "
        "нет в реестре МСП: {missing:n}",
        "Records read: {read:n}; clients of the base in the file: {matched:n}; updated: {updated:n}; "
        "not in the SME register: {missing:n}",
    ),
    "cli.enrich_older": (
        "У {n:n} {n:клиента|клиентов|клиентов} в карточке данные новее, чем в файле: оставлены как были",
        "{n:n} {n:client has|clients have} newer figures than the file's: left as they were",
    ),
    "cli.enrich_part": (
        "Это одна часть реестра МСП (один XML-файл из архива): клиенты, которых в ней нет, не помечены — "
        "чтобы отметить клиентов, которых нет в реестре, прочитайте весь архив (.zip)",
        "This file is one part of the SME register (one XML file of the archive): clients not in it are "
        "not flagged — read the whole archive (.zip) to flag the clients the register does not list",
    ),
    "cli.enrich_dry_run": (
        "Проверка без изменений: база не изменена",
        "Dry run: the base was not changed",
    ),
    "cli.enrich_conflict": (
        "{name}: отрасль «{industry}» выбрана вручную и оставлена; по реестру — {code} {code_name}",
        "{name}: the industry “{industry}” was chosen by hand and kept; the register says {code} {code_name}",
    ),
    "cli.enrich_conflicts_more": (
        "… и ещё у {n:n} {n:клиента|клиентов|клиентов} отрасль выбрана вручную и оставлена",
        "… and {n:n} more {n:client|clients} whose industry was chosen by hand "
        "{n:was|were} left as {n:it was|they were}",
    ),
    "cli.enrich_industries_added": (
        "Добавлены отрасли (классы ОКВЭД): {codes}",
        "Industries added (OKVED classes): {codes}",
    ),
    "register.okved_class": ("ОКВЭД {code}", "OKVED {code}"),
    "register.trader_name": ("ИП {name}", "Sole trader {name}"),
    "register.source": ("Реестр МСП", "SME register"),
    "register.first_reminder": (
        "Первый звонок: познакомиться с «{name}» (найден в реестре МСП)",
        "First call: introduce ourselves to “{name}” (found in the SME register)",
    ),
    "cli.prospects_none": (
        "В файле нет подходящих компаний, которых ещё нет в базе",
        "The file has no matching companies that are not in the base already",
    ),
    "cli.prospects_added": (
        "Добавлено в базу: {n:n} {n:клиент|клиента|клиентов} со статусом «{status}», у каждого напоминание",
        "Added to the base: {n:n} {n:client|clients} with the status “{status}”, each with a reminder",
    ),
    "cli.prospects_found": (
        "Найдено: {n:n} {n:компания|компании|компаний} (не больше {limit:n}); --add добавит их в базу",
        "Found: {n:n} {n:company|companies} (at most {limit:n}); --add adds them to the base",
    ),
    "register.bad_okved": (
        "«{value}» — не код ОКВЭД: укажите раздел (J), класс (62.01) или его начало (62)",
        "“{value}” is not an OKVED code: give a section (J), a class (62.01) or its beginning (62)",
    ),
    "register.bad_region": (
        "«{value}» — не код региона: две цифры, например 77 (Москва) или 50 (Московская область)",
        "“{value}” is not a region code: two digits, e.g. 77 (Moscow) or 50 (Moscow region)",
    ),
    "register.too_many_members": (
        "В архиве «{file}» {n:n} файлов — больше, чем бывает в реестре ({limit:n}). Он не открыт",
        "Archive “{file}” holds {n:n} files, more than a register ever has ({limit:n}). It was not opened",
    ),
    "register.corrupt": (
        "Архив «{file}» повреждён или скачан не полностью: скачайте его заново с сайта налоговой службы",
        "Archive “{file}” is damaged or was not downloaded completely: download it again from the tax service's site",
    ),
    "register.empty_archive": ("В архиве «{file}» нет файлов", "Archive “{file}” holds no files"),
    "register.encrypted": (
        "Архив «{file}» защищён паролем: распакуйте его сами или скачайте заново",
        "Archive “{file}” is password-protected: unpack it yourself or download it again",
    ),
    "register.not_xml_member": (
        "В архиве «{file}» есть файл «{member}», а не XML: это не архив реестра МСП налоговой службы",
        "Archive “{file}” holds “{member}”, which is not XML: this is not a tax service register archive",
    ),
    "register.not_register": (
        "«{file}» ({member}) — не файл реестра налоговой службы: в нём нет элемента «Файл» с документами",
        "“{file}” ({member}) is not a tax service register file: its root element is not the one the tax "
        "service writes, with a document per business",
    ),
    "register.dtd": (
        "«{file}» ({member}) содержит объявление DTD — в файлах налоговой службы его не бывает, "
        "файл может быть вредоносным. Он не прочитан",
        "“{file}” ({member}) contains a DTD declaration, which tax service files never have; the file "
        "may be malicious. It was not read",
    ),
    "register.huge_tag": (
        "«{file}» ({member}): в файле есть элемент длиной больше 16 МБ — в файлах налоговой службы "
        "таких не бывает, файл может быть вредоносным. Он не прочитан",
        "“{file}” ({member}) holds an element longer than 16 MB, which tax service files never have; "
        "the file may be malicious. It was not read",
    ),
    "register.bad_xml": (
        "«{file}» ({member}) повреждён или не является XML (строка {line}): {reason}. Скачайте файл заново",
        "“{file}” ({member}) is damaged or not XML (line {line}): {reason}. Download the file again",
    ),
    "file.not_found": ("Файл «{file}» не найден", "File “{file}” not found"),
    "file.locked": (
        "Файл «{file}» занят другой программой (открыт в Excel?). Закройте его и повторите",
        "File “{file}” is in use by another program (open in Excel?). Close it and try again",
    ),
    "file.unreadable": ("Не удаётся прочитать «{file}»: {reason}", "Cannot read “{file}”: {reason}"),
    "file.is_folder": (
        "«{file}» — это папка, а не файл: выберите файл в ней",
        "“{file}” is a folder, not a file: choose a file in it",
    ),
    "file.unsupported_type": (
        "«{file}»: файлы {suffix} не загружаются — нужен файл Excel (.xlsx, .xls), LibreOffice (.ods), CSV "
        "или карточки контактов vCard (.vcf)",
        "“{file}”: {suffix} files cannot be imported — use an Excel (.xlsx, .xls), LibreOffice (.ods) or CSV file, "
        "or vCard contact cards (.vcf)",
    ),
    "file.not_vcard": (
        "«{file}» — не файл vCard: в нём нет ни одной карточки BEGIN:VCARD",
        "“{file}” is not a vCard file: it holds no BEGIN:VCARD card",
    ),
    "file.too_many_cards": (
        "В файле «{file}» больше {limit:n} карточек: разделите его на части",
        "File “{file}” holds more than {limit:n} cards: split it into parts",
    ),
    "file.empty": ("Файл «{file}» пустой", "File “{file}” is empty"),
    "file.too_big": (
        "Файл «{file}» слишком большой: {size_mb} МБ (можно до {limit_mb} МБ)",
        "File “{file}” is too big: {size_mb} MB (the limit is {limit_mb} MB)",
    ),
    "file.not_spreadsheet": (
        "«{file}» — не таблица: нужен файл Excel (.xlsx, .xls), LibreOffice (.ods) или CSV",
        "“{file}” is not a spreadsheet: use an Excel (.xlsx, .xls), LibreOffice (.ods) or CSV file",
    ),
    "file.password": (
        "Книга «{file}» защищена паролем. Снимите пароль в Excel и сохраните файл заново",
        "Workbook “{file}” is password-protected. Remove the password in Excel and save it again",
    ),
    "file.corrupt": (
        "Файл «{file}» повреждён или сохранён не полностью. Откройте его в Excel или LibreOffice и сохраните заново",
        "File “{file}” is damaged or incomplete. Open it in Excel or LibreOffice and save it again",
    ),
    "file.zip_bomb": (
        "Файл «{file}» распаковывается в недопустимо большой объём — похоже на вредоносный файл. Он не открыт",
        "File “{file}” unpacks to an unreasonable size and looks malicious. It was not opened",
    ),
    "file.too_many_rows": (
        "В таблице «{file}» {rows:n} {rows:строка|строки|строк}; за один раз можно загрузить до {limit:n}. "
        "Разделите файл",
        "“{file}” has {rows:n} {rows:row|rows}; at most {limit:n} can be imported at once. Split the file",
    ),
    "file.too_many_columns": (
        "В таблице «{file}» {columns:n} {columns:столбец|столбца|столбцов}; SalesDesk читает не больше {limit:n}",
        "“{file}” has {columns:n} {columns:column|columns}; SalesDesk reads at most {limit:n}",
    ),
    "file.too_many_cells": (
        "Таблица «{file}» слишком велика: {rows:n} {rows:строка|строки|строк} × {columns:n} "
        "{columns:столбец|столбца|столбцов}. Удалите лишнее или разделите файл",
        "“{file}” is too large: {rows:n} {rows:row|rows} × {columns:n} {columns:column|columns}. "
        "Remove what is not needed or split the file",
    ),
    "file.too_much_text": (
        "В таблице «{file}» слишком много текста: {characters:n} {characters:знак|знака|знаков}; "
        "можно до {limit:n}. Разделите файл",
        "“{file}” holds too much text: {characters:n} {characters:character|characters}; "
        "at most {limit:n} can be imported. Split the file",
    ),
    "file.reader_failed": (
        "Не удалось прочитать «{file}»: файл повреждён или для его чтения нужно больше памяти, чем "
        "отводится на одну таблицу. Откройте его в Excel или LibreOffice Calc и сохраните заново в формате .xlsx",
        "Could not read “{file}”: the file is damaged or needs more memory to read than one sheet may take. "
        "Open it in Excel or LibreOffice Calc and save it again in the .xlsx format",
    ),
    "file.no_sheets": ("В книге «{file}» нет листов с данными", "Workbook “{file}” has no worksheets"),
    "file.no_such_sheet": (
        "В книге «{file}» нет листа «{sheet}». Есть: {sheets}",
        "Workbook “{file}” has no sheet “{sheet}”. It has: {sheets}",
    ),
    "file.encoding": (
        "Не удаётся прочитать текст «{file}»: сохраните CSV в кодировке UTF-8",
        "Cannot read the text of “{file}”: save the CSV as UTF-8",
    ),
    "file.sheet_empty": ("Лист «{sheet}» в «{file}» пустой", "Sheet “{sheet}” in “{file}” is empty"),
    "file.no_header": (
        "На листе «{sheet}» не найдена строка заголовков (Наименование, ИНН, Телефон…). "
        "Укажите, какие столбцы что содержат",
        "No header row found on sheet “{sheet}” (Name, INN, Phone…). Say which column holds what",
    ),
    "file.no_name_column": (
        "Не указан столбец с названием клиента — без него строки не загрузить",
        "No column is mapped to the client's name; rows cannot be imported without it",
    ),
    "file.write_failed": ("Не удаётся записать «{file}»: {reason}", "Cannot write “{file}”: {reason}"),
    "file.disk_full": (
        "Не удаётся записать «{file}»: на диске нет места (или исчерпана квота). Освободите место или "
        "сохраните файл на другой диск",
        "Cannot write “{file}”: the disk is full (or the quota is used up). Free some space or save the file "
        "on another disk",
    ),
    "file.read_only_disk": (
        "Не удаётся записать «{file}»: диск с папкой {folder} открыт только для чтения. Сохраните файл в другое место",
        "Cannot write “{file}”: the disk holding {folder} is read-only. Save the file somewhere else",
    ),
    "file.no_folder": (
        "Не удаётся записать «{file}»: папки {folder} нет. Выберите существующую папку",
        "Cannot write “{file}”: there is no folder {folder}. Choose an existing folder",
    ),
    "file.not_a_folder": (
        "Не удаётся записать «{file}»: {folder} — файл, а не папка",
        "Cannot write “{file}”: {folder} is a file, not a folder",
    ),
    "file.no_permission": (
        "Не удаётся записать «{file}»: нет прав на запись в папку {folder}. Сохраните файл в другую папку",
        "Cannot write “{file}”: no permission to write in the folder {folder}. Save the file in another folder",
    ),
    "file.no_permission_file": (
        "Не удаётся записать «{file}»: нет прав на изменение этого файла. Выберите другое имя",
        "Cannot write “{file}”: no permission to change this file. Choose another name",
    ),
    # A path SalesDesk will not write over (exit 2 on the command line).
    "target.open_base": (
        "{where} — это открытая база SalesDesk (или её служебный файл); записывать в неё выгрузку "
        "нельзя. Укажите другое имя файла",
        "{where} is the open SalesDesk database (or one of its own files); an export cannot be written "
        "over it. Give another file name",
    ),
    "target.database": (
        "{where} — файл базы данных; SalesDesk не записывает поверх баз. Укажите другое имя файла",
        "{where} is a database file; SalesDesk never writes over a database. Give another file name",
    ),
    "target.device": (
        "{where} — не обычный файл (устройство, канал или сокет); укажите имя файла",
        "{where} is not an ordinary file (a device, a pipe or a socket); give a file name",
    ),
    "target.read_only": (
        "Файл {where} защищён от записи (только для чтения); SalesDesk его не заменяет. Укажите другое "
        "имя или снимите защиту",
        "The file {where} is read-only; SalesDesk does not replace it. Give another name or make it writable",
    ),
    "target.not_a_folder": (
        "{where} — не папка; укажите папку для файла ошибок",
        "{where} is not a folder; give a folder for the file of rejected rows",
    ),
    "file.bad_mapping": (
        "Файл сопоставления «{file}» не подходит: {reason}",
        "Mapping file “{file}” cannot be used: {reason}",
    ),
    # Deals and history.
    "deal.renewal_text": (
        "Предложить новые условия: {title} (договор до {ends})",
        "Offer new terms: {title} (contract ends {ends})",
    ),
    "deal.client_activated": (
        "Сделка выиграна: клиент {name} теперь действующий (был: {was}).",
        "Deal won: {name} is now an active client (was: {was}).",
    ),
    "deal.renewal_note": (
        "Напоминание предложить новые условия придёт {on}.",
        "A reminder to offer new terms will come {on}.",
    ),
    "deal.renewal_note_moved": (
        "Напоминание предложить новые условия придёт {on} — {off} выходной.",
        "A reminder to offer new terms will come {on} — {off} is a day off.",
    ),
    "err.closed_on_open_deal": (
        "{field}: у незакрытой сделки даты закрытия нет — выберите стадию «Выиграна» или «Проиграна»",
        "{field}: an open deal has no closing date — set the stage to Won or Lost",
    ),
    "err.closed_before_opened": (
        "{field} {value}: раньше даты открытия сделки ({opened})",
        "{field} {value}: before the deal was opened ({opened})",
    ),
    "err.contract_before_opened": (
        "{field} {value}: раньше даты открытия сделки",
        "{field} {value}: before the deal was opened",
    ),
    "field.result": ("Итог", "Result"),
    "cli.report_name": ("Укажите отчёт: {names} (или --list)", "Name a report: {names} (or --list)"),
    "cli.report_empty": ("Нет данных для этих условий.", "Nothing to show for these parameters."),
    # What the command line prints (item labels reuse field.*). {n:n} groups a count, {n:a|b|c} picks
    # its plural form (see render).
    "cli.completeness": ("Заполненность", "Completeness"),
    "cli.number": ("№{id}", "#{id}"),
    "cli.check.database": ("База данных", "database"),
    "cli.check.integrity": ("Целостность", "integrity"),
    "cli.check.ok": ("в порядке", "ok"),
    "cli.check.damaged": (
        "база повреждена — SQLite нашла {n:n} {n:ошибку|ошибки|ошибок}; сохраните данные командой export "
        "и восстановите базу из копии",
        "the base is damaged — SQLite found {n:n} {n:problem|problems}; save the data with export and "
        "restore the base from a copy",
    ),
    "cli.check.more": (
        "… и ещё {n:n} {n:строка|строки|строк} отчёта SQLite",
        "… and {n:n} more {n:line|lines} of SQLite's report",
    ),
    "cli.check.schema": ("Версия схемы: {revision} (нужна {expected})", "schema: {revision} (expected {expected})"),
    "cli.check.clients": ("Клиентов в базе: {n:n}", "clients: {n:n}"),
    # Backups and restore.
    "err.backup_not_sqlite": (
        "Копии делаются только для базы в файле SQLite.",
        "Backups are made only of a base in a SQLite file.",
    ),
    "err.backup_server_keeps": (
        "Резервные копии общей базы на сервере делает администратор сервера: на этом компьютере нет "
        "программы pg_dump версии {major} или новее, чтобы скопировать базу. Обратитесь к администратору "
        "или установите клиентские программы PostgreSQL (версии {major} или новее).",
        "Backups of a shared base on a server are kept by the server's administrator: this computer has no "
        "pg_dump of version {major} or newer to copy it. Ask the administrator, or install PostgreSQL's "
        "client programs (version {major} or newer).",
    ),
    "err.backup_server_restore": (
        "Копию общей базы на сервере восстанавливает администратор сервера, а не программа: другие "
        "рабочие места работают с этой базой. Он загружает копию в новую, пустую базу данных "
        "(pg_restore --no-owner --dbname=АДРЕС «{file}»), и рабочие места подключаются к ней. "
        "База не изменена.",
        "A copy of a shared base on a server is put back by the server's administrator, not by the "
        "program: other seats are using this base. The administrator loads the copy into a new, empty "
        "database (pg_restore --no-owner --dbname=URL “{file}”), and the seats connect to that one. "
        "The base is unchanged.",
    ),
    "backup.server_restore_note": (
        "Копию общей базы на сервере восстанавливает администратор сервера: другие рабочие места "
        "работают с этой базой. Он загружает копию в новую, пустую базу данных "
        "(pg_restore --no-owner --dbname=АДРЕС ФАЙЛ), и рабочие места подключаются к ней.",
        "A copy of a shared base on a server is put back by the server's administrator: other seats are "
        "using this base. The administrator loads the copy into a new, empty database "
        "(pg_restore --no-owner --dbname=URL FILE), and the seats connect to that one.",
    ),
    "err.backup_base_in_use": (
        "База {where} открыта другой программой (другое окно SalesDesk или команда). "
        "Закройте её и повторите восстановление; база не изменена.",
        "The base {where} is open in another program (another SalesDesk window or a command). "
        "Close it and restore again; the base is unchanged.",
    ),
    "err.backup_not_verified": (
        "Файл «{file}» — не проверенная копия базы SalesDesk: {problem}. База не изменена.",
        "File “{file}” is not a verified SalesDesk backup: {problem}. The base is unchanged.",
    ),
    "err.backup_is_base": (
        "Файл «{file}» — это сама база, а не её копия.",
        "File “{file}” is the base itself, not a copy of it.",
    ),
    "err.backup_target_exists": (
        "Файл «{file}» уже есть; копия не записана поверх него. Укажите новое имя или папку.",
        "File “{file}” already exists; the backup was not written over it. Name a new file or a folder.",
    ),
    "err.backup_target_folder": (
        "Папки для файла «{file}» нет.",
        "The folder of “{file}” does not exist.",
    ),
    "err.backup_write": (
        "Копию базы не удалось записать в {where}: {reason}",
        "The backup could not be written to {where}: {reason}",
    ),
    "err.backup_failed_check": (
        "Копия базы {where} не прошла проверку и удалена: {problem}",
        "The backup {where} failed its check and was removed: {problem}",
    ),
    "backup.problem.foreign": ("это не база SalesDesk", "it is not a SalesDesk base"),
    "backup.problem.empty": ("файл пуст", "the file is empty"),
    "backup.problem.missing": ("такого файла нет", "there is no such file"),
    "backup.problem.folder": ("это папка, а не файл", "it is a folder, not a file"),
    "backup.problem.unreadable": ("файл не удаётся прочитать", "the file cannot be read"),
    "backup.problem.newer": (
        "копия сделана более новой версией SalesDesk",
        "it was made by a newer version of SalesDesk",
    ),
    "backup.problem.damaged": ("файл повреждён ({damage})", "the file is damaged ({damage})"),
    "backup.reason.daily": ("ежедневная", "daily"),
    "backup.reason.manual": ("по запросу", "on demand"),
    "backup.reason.upgrade": ("перед обновлением", "before an upgrade"),
    "backup.reason.restore": ("перед восстановлением", "before a restore"),
    "backup.reason.trash": ("перед очисткой корзины", "before emptying the trash"),
    "backup.reason.damaged": ("повреждённая база", "damaged base"),
    "cli.backup.done": (
        "Копия базы сохранена: {path} ({n:n} {n:клиент|клиента|клиентов}, {size})",
        "Backup saved: {path} ({n:n} {n:client|clients}, {size})",
    ),
    "backup.size": ("{mb} МБ", "{mb} MB"),
    "cli.backups.none": ("Копий этой базы в {folder} пока нет.", "No backups of this base in {folder} yet."),
    "cli.backups.folder": ("Папка копий: {folder}", "Backup folder: {folder}"),
    "cli.backups.ok": ("проверена", "verified"),
    "cli.backups.bad": ("НЕ ПРОВЕРЕНА", "DOES NOT VERIFY"),
    "cli.restore.confirm": (
        "База {where} будет заменена копией «{file}» от {created} ({n:n} {n:клиент|клиента|клиентов}). "
        "Текущая база сначала будет сохранена в копию. Продолжить? [y/N]",
        "The base {where} will be replaced by the backup “{file}” of {created} ({n:n} {n:client|clients}). "
        "The current base is copied first. Continue? [y/N]",
    ),
    "cli.restore.need_yes": (
        "Восстановление заменяет базу; подтвердите его параметром --yes.",
        "A restore replaces the base; confirm it with --yes.",
    ),
    "cli.restore.cancelled": (
        "Восстановление отменено; база не изменена.",
        "Restore cancelled; the base is unchanged.",
    ),
    "cli.restore.done": (
        "База восстановлена из «{file}» ({n:n} {n:клиент|клиента|клиентов}). Копия базы до восстановления: {safety}",
        "The base was restored from “{file}” ({n:n} {n:client|clients}). The base as it was is saved in: {safety}",
    ),
    "cli.internal_error": (
        "Внутренняя ошибка; подробности в журнале программы.",
        "Internal error; details are in the log file.",
    ),
    "cli.shown_of": ("Показано {shown:n} из {total:n}", "Showing {shown:n} of {total:n}"),
    "cli.col.no": ("№", "No."),
    "cli.col.name": ("Название", "Name"),
    "cli.col.completeness": ("Заполн.", "Filled"),
    "cli.col.opened": ("Открыта", "Opened"),
    "cli.col.client": ("Клиент", "Client"),
    "cli.col.deal": ("Сделка", "Deal"),
    "cli.col.stage": ("Стадия", "Stage"),
    "cli.col.amount": ("Сумма", "Amount"),
    "cli.deals_shown": (
        "Показано {shown:n} из {total:n} {total:сделки|сделок|сделок}",
        "Showing {shown:n} of {total:n} {total:deal|deals}",
    ),
    "cli.import.dry": ("Пробный прогон, база не изменена:", "Dry run, the base was not changed:"),
    "cli.import.done": ("Загружено:", "Imported:"),
    "cli.import.created": ("{n:n} {n:новый клиент|новых клиента|новых клиентов}", "{n:n} new {n:client|clients}"),
    "cli.import.updated": ("{n:n} {n:обновлён|обновлено|обновлено}", "{n:n} updated"),
    "cli.import.skipped": (
        "{n:n} {n:пропущен|пропущено|пропущено} (дубли и без изменений)",
        "{n:n} skipped (duplicates and no changes)",
    ),
    "cli.import.rejected": ("{n:n} {n:строка|строки|строк} с ошибками", "{n:n} {n:row|rows} with errors"),
    "cli.import.repaired": (
        "ведущие нули восстановлены в {n:n} {n:строке|строках|строках}",
        "leading zeros restored in {n:n} {n:row|rows}",
    ),
    "cli.import.error_file": ("Строки с ошибками: {file}", "Rows with errors: {file}"),
    "cli.export.done_csv": (
        "{clients:n} {clients:клиент выгружен|клиента выгружено|клиентов выгружено} в {file} "
        "(в CSV — только клиенты; контактные лица, сделки, напоминания и история контактов выгружаются в .xlsx)",
        "{clients:n} {clients:client|clients} exported to {file} "
        "(CSV holds the clients only; contact persons, deals, reminders and contact history go to .xlsx)",
    ),
    "cli.export.done": (
        "{clients:n} {clients:клиент выгружен|клиента выгружено|клиентов выгружено} в {file}: "
        "{contacts:n} {contacts:контактное лицо|контактных лица|контактных лиц}, "
        "{deals:n} {deals:сделка|сделки|сделок}, {reminders:n} {reminders:напоминание|напоминания|напоминаний}, "
        "{interactions:n} {interactions:запись|записи|записей} истории контактов",
        "{clients:n} {clients:client|clients} exported to {file}: "
        "{contacts:n} {contacts:contact person|contact persons}, "
        "{deals:n} {deals:deal|deals}, {reminders:n} {reminders:reminder|reminders}, "
        "{interactions:n} contact history {interactions:entry|entries}",
    ),
    "cli.progress": ("{done:n} из {total:n}", "{done:n} of {total:n}"),
    "field.date_from": ("Начало периода", "Period start"),
    "field.date_to": ("Конец периода", "Period end"),
    # Reports.
    "report.sales_by_period.title": ("Продажи по периодам", "Sales by period"),
    "report.sales_by_manager.title": ("Продажи по менеджерам", "Sales by manager"),
    "report.sales_by_industry.title": ("Продажи по отраслям", "Sales by industry"),
    "report.pipeline.title": ("Воронка сделок по стадиям", "Pipeline by stage"),
    "report.sleeping_clients.title": ("«Спящие» клиенты", "“Sleeping” clients"),
    "report.reminders_by_manager.title": ("Напоминания по менеджерам", "Reminders by manager"),
    "report.completeness_by_manager.title": ("Заполненность базы по менеджерам", "Base completeness by manager"),
    "report.new_clients.title": ("Новые клиенты по источникам", "New clients by source"),
    # Plan and fact, hooks (issue 16).
    "report.plan_fact.title": ("План и факт", "Plan and fact"),
    "report.hooks.title": ("Доходные зацепки", "Hooks that pay"),
    "report.counted_by.done": ("дате выполнения напоминания", "the date the reminder was done"),
    "report.err.hook_days": (
        "Число дней должно быть от 0 до {limit}",
        "The number of days must be from 0 to {limit}",
    ),
    "report.param.interaction_days": ("Контакт в течение, дней", "Interaction within, days"),
    "report.param.deal_days": ("Сделка в течение, дней", "Won deal within, days"),
    "report.col.currency": ("Валюта", "Currency"),
    "report.col.plan": ("План", "Plan"),
    "report.col.won": ("Факт (выиграно)", "Won"),
    "report.col.percent_of_plan": ("% плана", "% of plan"),
    "report.col.forecast": ("Прогноз", "Forecast"),
    "report.col.forecast_percent": ("Прогноз, % плана", "Forecast, % of plan"),
    "report.col.plan_status": ("Итог", "Standing"),
    "report.col.hook_section": ("Разрез", "By"),
    "report.col.hook_name": ("Вид напоминания или менеджер", "Kind of reminder or manager"),
    "report.col.hooks": ("Выполнено", "Done"),
    "report.col.hook_followed": ("Контакт ≤ {days} дн.", "Interaction ≤ {days} d"),
    "report.col.hook_followed_share": ("Доля", "Share"),
    "report.col.hook_paid": ("Сделка ≤ {days} дн.", "Won deal ≤ {days} d"),
    "report.col.hook_paid_share": ("Доля со сделкой", "Paid share"),
    "report.col.hook_amount": ("Принесли, {currency}", "Brought, {currency}"),
    "report.col.other_currencies": ("Другие валюты", "Other currencies"),
    "report.col.hook_median_days": ("Медиана, дн.", "Median days"),
    "plan.status.none": ("нет плана", "no plan"),
    "plan.status.zero": ("план 0", "plan is 0"),
    "plan.status.done": ("выполнен", "achieved"),
    "plan.status.on_track": ("идёт к плану", "on track"),
    "plan.status.behind": ("отстаёт", "behind"),
    "plan.left": ("{name} (не работает)", "{name} (left)"),
    "plan.office_currency": ("Итого по офису, {currency}", "Office total, {currency}"),
    "plan.note.months": (
        "Период считается целыми месяцами; план периода — сумма планов его месяцев",
        "The period is counted in whole months; its plan is the sum of its months' plans",
    ),
    "plan.note.quarters": (
        "Квартальный план делится на три месяца поровну; месячный план, если задан, заменяет долю квартала",
        "A quarterly plan is split evenly over its three months; a monthly plan, when set, replaces that share",
    ),
    "plan.note.forecast": (
        "Прогноз: выиграно плюс открытые сделки с весом по стадии ({weights})",
        "Forecast: won plus the open deals weighted by stage ({weights})",
    ),
    "plan.note.cycle": (
        "Открытые сделки учтены на {share} %: до конца периода {left:n} {left:день|дня|дней} (с сегодняшним), "
        "а средний (медианный) цикл сделки — {days:n} {days:день|дня|дней}; сделка, что не успеет закрыться, "
        "в прогноз периода не попадёт",
        "Open deals count at {share} %: {left:n} {left:day is|days are} left in the period (today included) "
        "and the median sales cycle is {days:n} {days:day|days}; a deal that cannot close in time is not "
        "this period's forecast",
    ),
    "plan.note.cycle_ahead": (
        "Период ещё не начался: открытые сделки учтены на {share} % — та часть среднего (медианного) "
        "цикла сделки ({days:n} {days:день|дня|дней} от сегодня), что приходится на период",
        "The period has not begun: open deals count at {share} %, the part of the median sales cycle "
        "({days:n} {days:day|days} from today) that falls in it",
    ),
    "plan.param.cycle_name": ("Средний цикл сделки", "Sales cycle"),
    "plan.param.cycle": (
        "{days:n} {days:день|дня|дней} (медиана по {deals:n} {deals:выигранной сделке|выигранным сделкам|"
        "выигранным сделкам} за 12 месяцев)",
        "{days:n} {days:day|days} (the median of {deals:n} {deals:deal|deals} won in 12 months)",
    ),
    "plan.param.cycle_default": (
        "{days:n} {days:день|дня|дней} (по умолчанию: за 12 месяцев {deals:n} {deals:выигранная сделка|"
        "выигранные сделки|выигранных сделок}, для медианы нужно не меньше {least:n})",
        "{days:n} {days:day|days} (the default: {deals:n} {deals:deal|deals} won in 12 months, the median "
        "needs at least {least:n})",
    ),
    "plan.param.share": ("Доля открытых сделок в прогнозе", "Open deals counted at"),
    "plan.note.ended": (
        "Период закончился: прогноз равен факту",
        "The period is over: the forecast is what was won",
    ),
    "plan.note.currencies": (
        "Валюты не складываются: у каждой своя строка; график — в процентах плана",
        "Currencies are never added up: each has its own line; the chart is in per cent of plan",
    ),
    "plan.chart.money": ("План, факт и прогноз, {currency}", "Plan, won and forecast, {currency}"),
    "plan.chart.percent": ("Выполнение плана, %", "Plan achieved, %"),
    "plan.err.negative": ("План не может быть отрицательным", "A plan cannot be negative"),
    "plan.err.period": (
        "Укажите месяц (--month ГГГГ-ММ) или квартал (--quarter ГГГГ-Qn): «{value}» не подходит",
        "Give a month (--month YYYY-MM) or a quarter (--quarter YYYY-Qn): “{value}” is neither",
    ),
    "plan.err.one_period": (
        "Укажите либо --month, либо --quarter",
        "Give either --month or --quarter",
    ),
    "plan.set": ("План {manager} на {period}: {amount}", "Plan of {manager} for {period}: {amount}"),
    "plan.set_before": (
        "План {manager} на {period}: {amount} (было {before})",
        "Plan of {manager} for {period}: {amount} (was {before})",
    ),
    "plan.none": ("Планы не заданы", "No plans set"),
    "err.not_allowed.plans": (
        "Планы продаж задаёт только руководитель ({heads})",
        "Only a head ({heads}) sets the sales plans",
    ),
    "audit.entity.plan": ("План продаж", "Sales plan"),
    "hook.kind.renewal": ("Продление", "Renewal"),
    "hook.kind.price_list": ("Прайс-лист", "Price list"),
    "hook.kind.proposal": ("Предложение", "Proposal"),
    "hook.kind.payment": ("Оплата и документы", "Payment and papers"),
    "hook.kind.greeting": ("Поздравление", "Greeting"),
    "hook.kind.meeting": ("Встреча", "Meeting"),
    "hook.kind.follow_up": ("Звонок, уточнение", "Follow-up"),
    "hook.kind.other": ("Другое", "Other"),
    "hook.section.kind": ("Вид", "Kind"),
    "hook.section.manager": ("Менеджер", "Manager"),
    "hook.note.rules": (
        "Контакт — записанный в историю клиента с момента выполнения и до {interaction_days} дн. после; "
        "сделка — выигранная в день выполнения или до {deal_days} дн. после (выигранные раньше не считаются)",
        "An interaction counts when logged for the client from the moment the reminder was done to "
        "{interaction_days} days after; a deal when won that day or up to {deal_days} days after "
        "(deals won before do not count)",
    ),
    "hook.note.once": (
        "Каждая сделка засчитана одному напоминанию — последнему перед ней; напоминание, выполненное "
        "повторно, считается один раз",
        "Each deal is credited to one reminder only, the last before it; a reminder done again counts once",
    ),
    "hook.note.kinds": (
        "Вид напоминания определяется по словам в его тексте",
        "The kind of a reminder comes from the words of its text",
    ),
    "hook.chart": ("Что принесли зацепки, {currency}", "What the hooks brought, {currency}"),
    "my_month.title": ("Мой месяц", "My month"),
    "report.no_manager": ("Без ответственного", "No owner"),
    "report.no_industry": ("Отрасль не указана", "No industry"),
    "report.param.section": ("Раздел ОКВЭД", "OKVED section"),
    "report.param.all_sections": (
        "все разделы (класс считается в своём разделе)",
        "all sections (a class counts in its section)",
    ),
    "report.section_itself": ("{name} — без класса", "{name} — no class"),
    "report.err.section": (
        "Раздел ОКВЭД «{value}» не найден: укажите букву раздела от A до U",
        "OKVED section “{value}” not found: give the section's letter, A to U",
    ),
    "report.param.period": ("Период", "Period"),
    "report.param.previous": ("Для сравнения", "Compared with"),
    "report.param.grouping": ("Группировка", "Grouped"),
    "report.param.currency": ("Валюта", "Currency"),
    "report.param.manager": ("Менеджер", "Manager"),
    "report.param.days": ("Без контакта, дней", "No contact for, days"),
    "report.param.threshold": ("Порог заполненности, %", "Completeness threshold, %"),
    "report.param.upcoming": ("«Скоро» — в ближайшие дни", "“Soon” means within, days"),
    "report.param.computed": ("Сформирован", "Computed at"),
    "report.param.counted_by": ("Считается по", "Counted by"),
    "report.counted_by.opened": ("дате открытия сделки", "the date the deal was opened"),
    "report.counted_by.closed": (
        "дате закрытия сделки (выиграна или проиграна)",
        "the date the deal was closed (won or lost)",
    ),
    "report.counted_by.won": ("дате закрытия выигранной сделки", "the date the deal was won"),
    "report.counted_by.last_contact": ("дате последнего контакта", "the date of the last contact"),
    "report.counted_by.due": ("сроку напоминания, на момент расчёта", "the reminder's due time, as of now"),
    "report.counted_by.now": ("состоянию карточек на момент расчёта", "the cards as they are now"),
    "report.counted_by.created": ("дате добавления клиента", "the date the client was added"),
    "report.param.all_time": ("за всё время", "all time"),
    "report.param.range": ("с {start} по {end}", "{start} to {end}"),
    "report.param.open_start": ("по {end}", "until {end}"),
    "report.param.open_end": ("с {start}", "from {start}"),
    "report.period.month": ("по месяцам", "by month"),
    "report.period.quarter": ("по кварталам", "by quarter"),
    "report.period.year": ("по годам", "by year"),
    "report.label.quarter": ("{quarter} кв. {year}", "Q{quarter} {year}"),
    "report.col.period": ("Период", "Period"),
    "report.col.month": ("Месяц", "Month"),
    "report.col.amount": ("Сумма", "Amount"),
    "report.col.deals": ("Сделок", "Deals"),
    "report.col.previous_period": ("Прошлый период", "Previous period"),
    "report.col.previous_amount": ("Сумма в прошлом периоде", "Previous amount"),
    "report.col.previous_deals": ("Сделок в прошлом периоде", "Previous deals"),
    "report.col.change": ("Изменение, %", "Change, %"),
    "report.col.manager": ("Менеджер", "Manager"),
    "report.col.industry": ("Отрасль", "Industry"),
    "report.col.average_deal": ("Средняя сделка", "Average deal"),
    "report.col.share": ("Доля, %", "Share, %"),
    "report.col.stage": ("Стадия", "Stage"),
    "report.col.share_of_deals": ("Доля сделок, %", "Share of deals, %"),
    "report.col.share_of_closed": ("Доля среди закрытых, %", "Share of closed, %"),
    "report.col.client": ("Клиент", "Client"),
    "report.col.owner": ("Ответственный", "Owner"),
    "report.col.last_contact": ("Последний контакт", "Last contact"),
    "report.col.days_since": ("Дней без контакта", "Days since"),
    "report.col.revenue": ("Выручка", "Revenue"),
    "report.col.open_deals": ("Открытых сделок", "Open deals"),
    "report.col.overdue": ("Просрочено", "Overdue"),
    "report.col.upcoming": ("В ближайшие {days} дн.", "Next {days} days"),
    "report.col.later": ("Позже", "Later"),
    "report.col.total": ("Всего", "Total"),
    "report.col.clients": ("Клиентов", "Clients"),
    "report.col.average_completeness": ("Средняя заполненность, %", "Average completeness, %"),
    "report.col.below": ("Ниже {threshold} %", "Below {threshold} %"),
    "report.col.most_missing": ("Чаще всего не заполнено", "Most often missing"),
    "report.col.other_sources": ("Другие", "Other"),
    "report.no_source": ("Не указан", "Not stated"),
    "report.total": ("Итого", "Total"),
    "report.axis.count": ("Количество", "Count"),
    "report.axis.percent": ("Процент", "Percent"),
    "report.axis.thousands": ("{title}, тыс.", "{title}, thousands"),
    "report.axis.millions": ("{title}, млн", "{title}, millions"),
    "report.chart.sales": ("Продажи, {currency}", "Sales, {currency}"),
    "report.chart.pipeline": ("Сумма сделок по стадиям, {currency}", "Deal amounts by stage, {currency}"),
    "report.chart.revenue": ("Выручка «спящих» клиентов, {currency}", "Revenue of sleeping clients, {currency}"),
    "report.chart.reminders": ("Открытые напоминания", "Open reminders"),
    "report.chart.completeness": ("Средняя заполненность карточек, %", "Average card completeness, %"),
    "report.chart.new_clients": ("Новые клиенты по месяцам", "New clients by month"),
    "report.note.currency": (
        "Суммы — в {currency}; сделки в других валютах не учтены: {others}",
        "Amounts are in {currency}; deals in other currencies are left out: {others}",
    ),
    "report.note.currency_item": (
        "{currency} — {count:n} {count:сделка|сделки|сделок} на {amount}",
        "{currency}: {count:n} {count:deal|deals} for {amount}",
    ),
    "report.note.conversion": (
        "Конверсия (выиграно ÷ (выиграно + проиграно)): {value} %",
        "Conversion (won ÷ (won + lost)): {value} %",
    ),
    "report.note.no_conversion": (
        "Закрытых сделок нет — конверсию посчитать не из чего",
        "No closed deals, so there is no conversion to show",
    ),
    "report.note.sleeping_total": ("«Спящих» клиентов: {total:n}", "Sleeping clients: {total:n}"),
    "report.note.sleeping_shown": (
        "Показаны {shown:n} из {total:n} «спящих» клиентов — с наибольшей выручкой",
        "Showing {shown:n} of {total:n} sleeping clients, those with the highest revenue",
    ),
    "report.note.never_contacted": (
        "Пустая дата последнего контакта — с клиентом ещё не связывались",
        "An empty last contact means the client was never contacted",
    ),
    "report.note.other_sources": (
        "«Другие» — остальные источники ({count:n})",
        "“Other” adds up the remaining sources ({count:n})",
    ),
    "report.note.missing": (
        "В скобках — у скольких клиентов это не заполнено",
        "In brackets: how many clients lack the item",
    ),
    "report.note.stale": (
        "«Нужно проверить» — карточки, где заполненное поле не подтверждалось {months:n} "
        "{months:месяц|месяца|месяцев} (до {date}); такое поле считается в заполненности наполовину",
        "“Needs checking”: cards with a filled field not confirmed for {months:n} {months:month|months} "
        "(before {date}); such a field counts half in the completeness",
    ),
    "report.col.needs_checking": ("Нужно проверить", "Needs checking"),
    "report.col.most_stale": ("Чаще всего устарело", "Most often stale"),
    "report.param.stale_months": ("Устаревает через, мес.", "Stale after, months"),
    "fresh.err.months": (
        "Срок устаревания данных — от {low} до {high} месяцев",
        "Data go stale after {low} to {high} months",
    ),
    "fresh.source.edit": ("изменено в карточке", "edited on the card"),
    "fresh.source.confirm": ("подтверждено вручную", "confirmed by hand"),
    "fresh.source.import": ("из импорта", "from an import"),
    "fresh.source.call": ("звонок или встреча", "a call or meeting"),
    "fresh.source.email": ("переписка", "an e-mail"),
    "fresh.source.enrichment": ("из открытых данных", "from open data"),
    "fresh.source.known": ("последнее изменение карточки", "the card's last change"),
    "cli.stale": (
        "Не подтверждено {months:n} {months:месяц|месяца|месяцев} и дольше",
        "Not confirmed for {months:n} {months:month|months} or longer",
    ),
    "cli.confirmed": ("Подтверждено: {fields}", "Confirmed: {fields}"),
    "report.note.chart_rows": (
        "На диаграмме — {count:первая|первые|первые} {count:n} {count:строка|строки|строк} таблицы",
        "The chart shows the first {count:n} {count:row|rows} of the table",
    ),
    "report.err.unknown": ("Нет отчёта «{name}». Есть: {names}", "There is no report “{name}”. Available: {names}"),
    "report.err.period": (
        "Начало периода ({start}) позже его конца ({end})",
        "The period starts ({start}) after it ends ({end})",
    ),
    "report.err.by": (
        "Отчёт «{report}» нельзя сгруппировать «{value}»; можно: {choices}",
        "Report “{report}” cannot be grouped by “{value}”; choose one of: {choices}",
    ),
    "report.err.no_by": (
        "Отчёт «{report}» не группируется по выбору (указано «{value}»)",
        "Report “{report}” has no choice of grouping (“{value}” given)",
    ),
    "report.err.counted_by": (
        "Сделки считаются по дате открытия (opened) или закрытия (closed), а не «{value}»",
        "Deals are counted by the date opened or closed, not “{value}”",
    ),
    "report.err.no_counted_by": (
        "Отчёт «{report}» не даёт выбрать дату учёта: он считается по {basis}",
        "Report “{report}” has no choice of date: it counts by {basis}",
    ),
    "report.note.open_not_counted": (
        "Открытые сделки ещё не закрыты и в подсчёт по дате закрытия не входят",
        "Open deals have no closing date and are not counted by the date closed",
    ),
    "report.err.days": ("Число дней без контакта — от 1 до {limit}", "Days without contact: from 1 to {limit}"),
    "report.err.threshold": ("Порог заполненности — от 0 до 100 %", "The completeness threshold is 0 to 100 %"),
    # Import and export.
    "import.lost_digits": (
        "{field} {value}: таблица превратила {field} в округлённое число, и его цифры потеряны. "
        "Задайте столбцу формат «Текстовый», введите {field} заново и загрузите файл снова",
        "{field} {value}: the spreadsheet turned the {field} into a rounded number and its digits are lost. "
        "Format the column as text, type the {field} again and import the file again",
    ),
    "import.name_differs": (
        "{field} совпадает, а название другое: в базе «{stored}»",
        "same {field}, different name: “{stored}” in the base",
    ),
    "import.names_differ": (
        "совпадает ИНН, телефон или e-mail, а название другое",
        "same INN, phone or e-mail, different name",
    ),
    "import.row_ref": ("строка {line} ({field})", "row {line} ({field})"),
    "vcard.birthday_no_year": ("День рождения: {date} (год не указан)", "Birthday: {date} (no year given)"),
    "vcard.too_long": (
        "{field}: значение длиннее {limit:n} {limit:символа|символов|символов}",
        "{field}: the value is longer than {limit:n} {limit:character|characters}",
    ),
    "cli.export.done_vcf": (
        "{contacts:n} {contacts:контакт выгружен|контакта выгружено|контактов выгружено} "
        "({clients:n} {clients:клиент|клиента|клиентов}) в {file}",
        "{contacts:n} {contacts:contact|contacts} of {clients:n} {clients:client|clients} exported to {file}",
    ),
    "cli.import.vcf_options": (
        "--sheet и --mapping — для таблиц; у файла .vcf нет листов и столбцов",
        "--sheet and --mapping are for spreadsheets; a .vcf file has no sheets or columns",
    ),
    "cli.import.client_vcf_only": (
        "--client — только для файла .vcf (карточки контактов); таблица загружает клиентов целиком",
        "--client is only for a .vcf file (contact cards); a spreadsheet imports whole clients",
    ),
    "cli.import.contacts": (
        "{n:n} {n:новое контактное лицо|новых контактных лица|новых контактных лиц}",
        "{n:n} new contact {n:person|persons}",
    ),
    "import.client_ref": ("№{id} {name} ({field})", "#{id} {name} ({field})"),
    "import.target.contact_phone": ("Телефон контактного лица", "Contact person's phone"),
    "import.target.contact_email": ("E-mail контактного лица", "Contact person's e-mail"),
    "import.error_column": ("Ошибка", "Error"),
    "import.error_sheet": ("Не загружено", "Not imported"),
    "import.error_file_name": ("{stem} — не загружено.xlsx", "{stem} - not imported.xlsx"),
    "export.err.too_many_clients": (
        "Выбрано {n:n} {n:клиент|клиента|клиентов}, а лист Excel вмещает {most:n}: сохраните их в CSV "
        "или сузьте выбор поиском или фильтром",
        "{n:n} {n:client is|clients are} chosen and an Excel sheet holds {most:n}: save them as CSV or narrow "
        "the choice with a search or a filter",
    ),
    "export.sheet.clients": ("Клиенты", "Clients"),
    "export.sheet.contacts": ("Контактные лица", "Contact persons"),
    "export.sheet.deals": ("Сделки", "Deals"),
    "export.sheet.reminders": ("Напоминания", "Reminders"),
    "export.no": ("№", "No."),
    "export.client_no": ("№ клиента", "Client No."),
    "export.client": ("Клиент", "Client"),
    "export.ogrn": ("ОГРН/ОГРНИП", "OGRN/OGRNIP"),
    "export.completeness": ("Заполненность, %", "Completeness, %"),
    "export.created": ("Создан", "Created"),
    "export.phones": ("Телефоны", "Phones"),
    "export.emails": ("E-mail", "E-mails"),
    "export.primary": ("Основной", "Main"),
    "export.note": ("Примечание", "Note"),
    "export.deal": ("Сделка", "Deal"),
    "export.opened": ("Открыта", "Opened"),
    "export.closed": ("Закрыта", "Closed"),
    "export.done": ("Выполнено", "Done"),
    "export.yes": ("да", "yes"),
    "export.title": ("Клиентская база", "Client base"),
    "print.page_of": ("Страница &P из &N", "Page &P of &N"),
    "export.sheet.interactions": ("История контактов", "Contact history"),
    "export.interaction_kind": ("Вид", "Kind"),
    "err.disk_full": ("Недостаточно места на диске: {where}", "Not enough disk space: {where}"),
    # The audit trail (domain/audit.py): its actions, entities, faces and the command line.
    "audit.action.create": ("создание", "created"),
    "audit.action.edit": ("правка", "edited"),
    "audit.action.trash": ("в корзину", "to the trash"),
    "audit.action.restore": ("из корзины", "restored"),
    "audit.action.merge": ("объединение", "merged"),
    "audit.action.import": ("импорт", "imported"),
    "audit.action.erase": ("стёрто", "erased"),
    "audit.entity.client": ("Клиент", "Client"),
    "audit.entity.contact": ("Контактное лицо", "Contact person"),
    "audit.entity.deal": ("Сделка", "Deal"),
    "audit.entity.interaction": ("Контакт", "Interaction"),
    "audit.entity.reminder": ("Напоминание", "Reminder"),
    "audit.entity.attachment": ("Файл", "File"),
    "audit.via.window": ("окно программы", "window"),
    "audit.via.cli": ("командная строка", "command line"),
    "audit.via.other": ("другая программа", "another program"),
    "audit.via.import": ("импорт файла {file}", "import of {file}"),
    "audit.field.is_primary": ("Основное контактное лицо", "Main contact person"),
    "audit.field.interaction_kind": ("Вид контакта", "Kind of interaction"),
    "audit.field.deal": ("Сделка", "Deal"),
    "audit.field.done_at": ("Выполнено", "Done"),
    "audit.field.snoozed_until": ("Отложено до", "Snoozed until"),
    "audit.yes": ("да", "yes"),
    "audit.no": ("нет", "no"),
    "audit.erased": ("стёрто", "erased"),
    "audit.no_manager": ("не указан", "not set"),
    "audit.at": ("Когда", "When"),
    "audit.manager": ("Кто", "Who"),
    "audit.what": ("Что", "What"),
    "audit.field": ("Поле", "Field"),
    "audit.old": ("Было", "Before"),
    "audit.new": ("Стало", "After"),
    "audit.via": ("Откуда", "Through"),
    "audit.action": ("Действие", "Action"),
    "audit.entity_id": ("№ записи", "Record No."),
    "audit.client_no": ("№ клиента", "Client No."),
    "export.sheet.changes": ("История изменений", "Change history"),
    "export.sheet.files": ("Файлы", "Files"),
    "export.file_no": ("№ файла", "File No."),
    "export.file_name": ("Имя файла", "File name"),
    "export.file_bytes": ("Размер, байт", "Size, bytes"),
    "export.file_added": ("Добавлен", "Added"),
    "cli.changes_empty": ("Изменений не найдено.", "No changes found."),
    "field.since": ("Начиная с даты", "Since"),
    # Erasure, the trash, a person's data (issue 12).
    "erasure.ground.request": ("просьба человека (ст. 21 152-ФЗ)", "the person's request (152-FZ art. 21)"),
    "erasure.ground.consent_withdrawn": ("отзыв согласия", "consent withdrawn"),
    "erasure.ground.purpose_achieved": ("цель обработки достигнута", "purpose of processing achieved"),
    "erasure.ground.unlawful": ("обработка неправомерна", "processing unlawful"),
    "erasure.ground.trash": ("очистка корзины", "the trash emptied"),
    "erasure.ground.trash_age": ("автоочистка корзины по сроку", "the trash emptied by age"),
    "erasure.entity.contact": ("контактное лицо", "contact person"),
    "erasure.entity.client": ("клиент", "client"),
    "erasure.entity.trash": ("корзина", "trash"),
    "erasure.err.ground": (
        "Неизвестное основание удаления: {value}. Допустимы: request, consent_withdrawn, purpose_achieved, unlawful.",
        "Unknown ground for erasure: {value}. Use request, consent_withdrawn, purpose_achieved or unlawful.",
    ),
    "erasure.err.company": (
        "Клиент №{id} — организация, а не человек: удалите его контактных лиц по одному "
        "или переместите его в корзину и очистите её.",
        "Client #{id} is a company, not a person: erase its contact persons one by one, "
        "or move it to the trash and empty the trash.",
    ),
    "erasure.plan.contact": (
        "Будут безвозвратно удалены данные контактного лица №{id} «{name}» (клиент №{client_id} «{client}»): "
        "ФИО, должность, телефоны, e-mail, дата рождения, примечание. "
        "{unlinked:n} {unlinked:запись|записи|записей} истории останутся у клиента без ссылки на это лицо.",
        "This will erase for good contact person #{id} “{name}” (client #{client_id} “{client}”): "
        "name, position, phones, e-mails, birth date, note. "
        "{unlinked:n} history {unlinked:entry|entries} stay with the client, no longer linked to this person.",
    ),
    "erasure.plan.client": (
        "Будут безвозвратно удалены данные клиента №{id} «{name}» и всё, что к нему относится: "
        "контактных лиц — {contacts:n}, сделок — {deals:n}, напоминаний — {reminders:n}, "
        "записей истории — {interactions:n}.",
        "This will erase for good client #{id} “{name}” and everything that belongs to it: "
        "{contacts:n} contact {contacts:person|persons}, {deals:n} {deals:deal|deals}, "
        "{reminders:n} {reminders:reminder|reminders}, {interactions:n} history {interactions:entry|entries}.",
    ),
    "erasure.plan.files_erased": (
        "Вместе с клиентом удаляются и {n:n} {n:прикреплённый файл|прикреплённых файла|прикреплённых файлов} "
        "(и те, что в корзине): {files}.",
        "The {n:n} {n:file|files} attached to the client (those in the trash too) are erased with it: {files}.",
    ),
    "erasure.plan.files_kept": (
        "{n:n} {n:файл|файла|файлов} клиента не {n:меняется|меняются|меняются}: {files}. "
        "Если в них есть данные этого человека, удалите их вручную на вкладке «Файлы».",
        "The client's {n:n} {n:file|files} {n:is|are} not changed: {files}. "
        "If they hold this person's data, remove them by hand on the Files tab.",
    ),
    "erasure.plan.files_more": ("и ещё {n:n}", "and {n:n} more"),
    "erasure.mentions": (
        "Имя по-прежнему упоминается в тексте истории: записей — {n:n}. "
        "Этот текст не меняется — исправьте его вручную, если нужно.",
        "The name still appears in the text of {n:n} history {n:entry|entries}: "
        "that text is not changed — edit it by hand if needed.",
    ),
    "erasure.backups_note": (
        "Резервные копии базы, сделанные раньше, ещё содержат эти данные, пока не будут удалены при ротации копий.",
        "Backups of the base taken before still hold this data until they rotate out.",
    ),
    "erasure.backups_deleted": (
        "Копии серверной базы на этом компьютере нельзя переписать без человека — они удалены: "
        "{n:n} {n:копия|копии|копий}.",
        "Copies of the server base on this computer cannot be rewritten without the person, so they "
        "were deleted: {n:n} {n:copy|copies}.",
    ),
    "erasure.backup_fresh": (
        "Новая копия, уже без этих данных, сделана: {file}.",
        "A new copy, without this data, was taken first: {file}.",
    ),
    "erasure.backup_none_left": (
        "Новую копию сделать не удалось (нет подходящей программы pg_dump или нет права выгружать всю "
        "базу): на этом компьютере копий этой базы теперь нет.",
        "A new copy could not be taken (no suitable pg_dump here, or no right to export the whole "
        "base): this computer now has no copy of the base.",
    ),
    "erasure.backups_rewritten": (
        "Резервные копии переписаны без этих данных: {n:n} {n:копия|копии|копий}.",
        "Backups rewritten without this data: {n:n} {n:copy|copies}.",
    ),
    "erasure.backups_skipped": (
        "{n:n} {n:копию|копии|копий} не удалось переписать — они ещё содержат эти данные, "
        "пока не будут удалены при ротации: {files}.",
        "{n:n} {n:copy|copies} could not be rewritten; they still hold the data until they rotate out: {files}.",
    ),
    "erasure.backup_skip.damaged": ("копия повреждена", "the copy is damaged"),
    "erasure.backup_skip.newer": ("копия сделана более новой версией программы", "made by a newer version"),
    "erasure.backup_skip.other": (
        "под этим номером в копии другой человек",
        "that number is someone else in this copy",
    ),
    "erasure.backup_skip.failed": ("копию не удалось переписать", "the copy could not be rewritten"),
    "erasure.backup_skip.undeleted": ("копию не удалось удалить", "the copy could not be deleted"),
    "erasure.entity.backups": ("резервные копии", "backups"),
    "erasure.backups_line": (
        "резервные копии к записи №{record}",
        "backups, for record #{record}",
    ),
    "erasure.copies": ("{n:n} {n:копия|копии|копий}", "{n:n} {n:copy|copies}"),
    "erasure.done": (
        "Удалено безвозвратно ({entity} №{id}). Запись об удалении №{record}.",
        "Erased for good ({entity} #{id}). Erasure record #{record}.",
    ),
    "trash.contents": (
        "В корзине: клиентов — {clients:n}, контактных лиц — {contacts:n}, сделок — {deals:n}, "
        "напоминаний — {reminders:n}, записей истории — {interactions:n}, файлов — {files:n}.",
        "In the trash: {clients:n} {clients:client|clients}, {contacts:n} contact {contacts:person|persons}, "
        "{deals:n} {deals:deal|deals}, {reminders:n} {reminders:reminder|reminders}, "
        "{interactions:n} history {interactions:entry|entries}, {files:n} {files:file|files}.",
    ),
    "trash.empty_nothing": ("Корзина пуста.", "The trash is empty."),
    "erasure.none": ("Удалений ещё не было.", "Nothing has been erased yet."),
    "erasure.rows": ("{n:n} {n:запись|записи|записей}", "{n:n} {n:row|rows}"),
    "trash.emptied": (
        "Корзина очищена: удалено безвозвратно {n:n} {n:запись|записи|записей}.",
        "The trash is emptied: {n:n} {n:row|rows} erased for good.",
    ),
    "trash.auto_emptied": (
        "Из корзины удалено то, что пролежало там больше {days:n} {days:дня|дней|дней}: "
        "{n:n} {n:запись|записи|записей}.",
        "Removed from the trash what had been there more than {days:n} {days:day|days}: {n:n} {n:row|rows}.",
    ),
    # Merging duplicates (issue 15)
    "cli.merge.plan": (
        "Клиент «{other}» (№{other_id}) будет объединён с «{keep}» (№{keep_id}) и уйдёт в корзину. "
        "Перейдут: контактные лица — {contacts:n}, сделки — {deals:n}, записи истории — {interactions:n}, "
        "напоминания — {reminders:n}. Пустые поля «{keep}» заполнятся из «{other}».",
        "Client “{other}” (#{other_id}) would be merged into “{keep}” (#{keep_id}) and go to the trash. "
        "Moving: contact persons {contacts:n}, deals {deals:n}, history entries {interactions:n}, "
        "reminders {reminders:n}. Empty fields of “{keep}” would be filled from “{other}”.",
    ),
    "cli.merge.need_yes": (
        "Ничего не изменено. Чтобы объединить, повторите команду с --yes.",
        "Nothing was changed. To merge, run the command again with --yes.",
    ),
    "cli.merge.done": (
        "«{other}» (№{other_id}) объединён с «{keep}» (№{keep_id}) и перенесён в корзину. "
        "Перенесено: контактные лица — {contacts:n}, сделки — {deals:n}, записи истории — {interactions:n}, "
        "напоминания — {reminders:n}.",
        "“{other}” (#{other_id}) was merged into “{keep}” (#{keep_id}) and moved to the trash. "
        "Moved: contact persons {contacts:n}, deals {deals:n}, history entries {interactions:n}, "
        "reminders {reminders:n}.",
    ),
    "cli.duplicates.none": ("Похожих клиентов не найдено.", "No likely duplicates found."),
    "cli.duplicates.count": (
        "Найдено {n:n} {n:группа|группы|групп} похожих клиентов.",
        "{n:n} {n:group|groups} of likely duplicates found.",
    ),
    "duplicates.reason.inn": ("одинаковые ИНН и КПП", "same INN and KPP"),
    "duplicates.reason.phone": ("одинаковый телефон", "same phone"),
    "duplicates.reason.email": ("одинаковый e-mail", "same e-mail"),
    "duplicates.reason.name": ("одинаковое название", "same name"),
    "duplicates.reason.similar_name": ("очень похожие названия", "very similar names"),
    "err.merge_same": ("Клиента нельзя объединить с самим собой.", "A client cannot be merged with itself."),
    "err.merge_trashed": (
        "Клиент «{name}» (№{id}) в корзине: сначала восстановите его.",
        "Client “{name}” (#{id}) is in the trash: restore it first.",
    ),
    "err.merge_choice": (
        "Для каждого поля выберите значение одной из двух карточек.",
        "For each field, choose the value of one of the two cards.",
    ),
    "err.restore_merged": (
        "Клиент «{name}» (№{id}) был объединён с «{keep}» (№{keep_id}): все его контакты, сделки, история, "
        "напоминания и файлы теперь там, а восстановленная карточка была бы пустой. Откройте «{keep}». "
        "Отменить объединение можно сразу после него: Правка → Отменить.",
        "Client “{name}” (#{id}) was merged into “{keep}” (#{keep_id}): all its contacts, deals, history, "
        "reminders and files are there now, and the restored card would be empty. Open “{keep}”. "
        "A merge can be undone right after it: Edit → Undo.",
    ),
    "field.merged_into": ("Объединён с", "Merged into"),
    "field.merged_from": ("Объединён из", "Merged from"),
    "cli.confirm_yes": (
        "Ничего не удалено. Чтобы удалить, повторите команду с --yes.",
        "Nothing was erased. To erase, run the command again with --yes.",
    ),
    "person.title": ("Данные о человеке", "Data about a person"),
    "person.sheet.person": ("Человек", "Person"),
    "person.sheet.clients": ("Клиенты", "Clients"),
    "person.sheet.history": ("Упоминания в истории", "History mentions"),
    "person.sheet.audit": ("Журнал изменений", "Audit trail"),
    "person.sheet.files": ("Файлы клиентов", "Clients' files"),
    "person.birth_no_year": ("{date} (год неизвестен)", "{date} (year unknown)"),
    "person.col.file": ("Файл", "File"),
    "person.col.file_id": ("№ файла", "File no."),
    "person.col.bytes": ("Размер, байт", "Size, bytes"),
    "person.col.added": ("Добавлен", "Added"),
    "person.col.field": ("Поле", "Field"),
    "person.col.value": ("Значение", "Value"),
    "person.col.number": ("Номер контактного лица", "Contact person number"),
    "person.col.contact_no": ("№ контакта", "Contact no."),
    "person.col.in_trash": ("В корзине", "In the trash"),
    "person.col.updated": ("Изменён", "Changed"),
    "person.col.how": ("Как упомянут", "Mentioned by"),
    "person.how.link": ("ссылка на лицо", "link to the person"),
    "person.how.name": ("имя в тексте", "name in the text"),
    "person.col.at": ("Когда", "When"),
    "person.col.entity": ("Что", "Record"),
    "person.col.entity_id": ("Номер", "Number"),
    "person.col.action": ("Действие", "Action"),
    "person.col.old": ("Было", "Before"),
    "person.col.new": ("Стало", "After"),
    "person.col.via": ("Через", "Via"),
    "person.exported": (
        "Записано: {path} (клиентов — {clients:n}, записей истории — {interactions:n})",
        "Written: {path} ({clients:n} {clients:client|clients}, {interactions:n} history {interactions:entry|entries})",
    ),
    "calendar.kind.reminder": ("Напоминание", "Reminder"),
    "calendar.kind.call": ("Звонок", "Call"),
    "calendar.kind.meeting": ("Встреча", "Meeting"),
    "calendar.kind.contract_end": ("Окончание договора", "Contract ends"),
    "calendar.kind.birthday": ("День рождения", "Birthday"),
    "calendar.ics.name": ("SalesDesk: календарь", "SalesDesk calendar"),
    "calendar.ics.client": ("Клиент: {client} (№{id})", "Client: {client} (No. {id})"),
    "calendar.ics.birthday": (
        "День рождения: {name}, {turns} {turns:год|года|лет} ({client})",
        "Birthday: {name} turns {turns} ({client})",
    ),
    "calendar.ics.birthday_no_age": ("День рождения: {name} ({client})", "Birthday: {name} ({client})"),
    "calendar.ics.contract_end": ("Окончание договора: {title} ({client})", "Contract ends: {title} ({client})"),
    "calendar.exported": (
        "Записано: {path} ({events:n} {events:событие|события|событий})",
        "Written: {path} ({events:n} {events:event|events})",
    ),
    # Birthdays (salesdesk/services/birthdays.py)
    "birthday.reminder": (
        "День рождения {date}: {name}, исполняется {turns} {turns:год|года|лет}",
        "Birthday on {date}: {name} turns {turns}",
    ),
    "birthday.reminder_no_age": (
        "День рождения {date}: {name}",
        "Birthday on {date}: {name}",
    ),
    "cli.birthdays_empty": ("Дней рождения в эти дни нет.", "No birthdays in these days."),
    "cli.birthday_turns": ("исполняется {turns}", "turns {turns}"),
    # Saved views (salesdesk/domain/views.py, services/views.py)
    "what.view": ("Вид", "View"),
    "err.not_found.view": ("Вид №{id} не найден — возможно, удалён", "View #{id} not found — maybe deleted"),
    "view.shipped.mine": ("Мои клиенты", "My clients"),
    "view.shipped.hot_leads": ("Горячие лиды", "Hot leads"),
    "view.shipped.no_inn": ("Без ИНН", "Without INN"),
    "view.shipped.dormant_90": ("Спящие > 90 дней", "Dormant over 90 days"),
    "view.shipped.incomplete": ("Неполные карточки", "Incomplete cards"),
    "view.shipped.open_deals": ("Открытые сделки", "Open deals"),
    "view.shipped.won_deals": ("Выигранные сделки", "Won deals"),
    "view.shipped.contracts_ending": ("Выигранные по окончанию договора", "Won deals by contract end"),
    "view.err.name_empty": ("Дайте виду название.", "Give the view a name."),
    "view.err.name_long": (
        "Название вида — не длиннее {limit} символов.",
        "A view's name can be at most {limit} characters long.",
    ),
    "view.err.name_taken": (
        "Вид «{name}» уже есть — выберите другое название.",
        "There is a view called “{name}” already — choose another name.",
    ),
    "view.err.shipped": (
        "Вид «{name}» входит в программу: его нельзя изменить, переименовать или удалить. "
        "Сохраните свой вид под другим названием.",
        "“{name}” comes with the program: it cannot be changed, renamed or deleted. "
        "Save your own view under another name.",
    ),
    "view.err.damaged": (
        "Вид повреждён и не может быть показан; его можно удалить и сохранить заново.",
        "The view is damaged and cannot be shown; delete it and save it again.",
    ),
    "view.err.newer": (
        "Вид сохранён более новой версией SalesDesk и этой версией не читается.",
        "The view was saved by a newer version of SalesDesk and this version cannot read it.",
    ),
    "view.err.bad_value": (
        "Вид повреждён: неверное значение фильтра «{field}».",
        "The view is damaged: the filter “{field}” has a wrong value.",
    ),
    "view.err.unknown": (
        "Нет вида «{name}». Список видов: salesdesk views",
        "No view called “{name}”. The views: salesdesk views",
    ),
    "view.err.wrong_list": (
        "Вид «{name}» относится к другому списку (сделки, а не клиенты, или наоборот).",
        "“{name}” is a view of the other list (deals, not clients, or the other way round).",
    ),
    "view.err.unusable": ("Вид «{name}» нельзя показать: {problem}", "The view “{name}” cannot be shown: {problem}"),
    "cli.view_count": ("{n:n} {n:строка|строки|строк}", "{n:n} {n:row|rows}"),
    "cli.views_empty": ("Видов нет.", "No views."),
    "cli.view_damaged": ("повреждён", "damaged"),
    "cli.view_list.clients": ("клиенты", "clients"),
    "cli.view_list.deals": ("сделки", "deals"),
}


def set_language(code: str) -> None:
    """Switch the language of every message rendered from now on ("ru" or "en")."""
    global _language
    _language = "ru" if code.lower().startswith("ru") else "en"


def language() -> str:
    return _language


def number_text(value: Decimal | int, places: int) -> str:
    """A number as the user's language writes it: "1 234,56" in Russian, "1,234.56" in English
    (for reading on a terminal or in a note, not for a spreadsheet cell); see domain.numbers."""
    from salesdesk.domain import numbers

    return numbers.number_text(value, places)


def detect_language(environ: Mapping[str, str] | None = None) -> str:
    """The language a command-line user expects: ``SALESDESK_LANG``, then the locale variables
    in gettext's order, then the system locale (Windows sets no variables)."""
    env = os.environ if environ is None else environ
    for name in ("SALESDESK_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "ru" if value.lower().startswith("ru") else "en"
    if environ is None:
        system = locale.getlocale()[0] or ""
        if system.lower().startswith("ru") or system.startswith("Russian"):
            return "ru"
    return "en"


def has(key: str) -> bool:
    return key in _CATALOGUE


class _CountFormatter(string.Formatter):
    """Counts in templates: ``{n:n}`` writes the count grouped by thousands ("3 002", "3,002");
    ``{n:клиент|клиента|клиентов}`` writes the plural form that fits it (Russian one|few|many,
    English one|other). Other fields format as usual (an id "№10904" is never grouped)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> Any:
        if format_spec != "n" and "|" not in format_spec:
            return super().format_field(value, format_spec)
        from salesdesk.domain import numbers

        count = value if isinstance(value, int) and not isinstance(value, bool) else None
        if format_spec == "n":
            digits = re.fullmatch(r"(\d+)(\+?)", value) if isinstance(value, str) else None  # "1000+"
            if digits:
                return numbers.count_text(int(digits[1]), self.lang) + digits[2]
            return str(value) if count is None else numbers.count_text(count, self.lang)
        return numbers.plural(5 if count is None else count, format_spec, self.lang)  # "1 000+": many


def render(key: str, params: Mapping[str, Any] | None = None, lang: str | None = None) -> str:
    """Render *key* with *params*; parameters that are messages themselves render too."""
    ru, en = _CATALOGUE[key]
    chosen = "ru" if (lang or _language) == "ru" else "en"
    template = ru if chosen == "ru" else en
    values = {k: (v.render(lang) if _renders(v) else v) for k, v in (params or {}).items()}
    if ":" not in template:
        return template.format(**values)
    return _CountFormatter(chosen).vformat(template, (), values)


@runtime_checkable
class Renderable(Protocol):
    """A parameter that reads differently per language (a message, a date in a sentence)."""

    def render(self, lang: str | None = None) -> str: ...


def _renders(value: object) -> bool:
    """Whether a message parameter renders itself (``Renderable``: a message, a date in a
    sentence), asked as a ``render`` that is there and not None — what the runtime protocol check
    answers for every parameter the program passes, without its machinery (2.5–5 µs a check; an
    import renders a message for every repaired or rejected row)."""
    return type(value) not in _PLAIN and getattr(value, "render", None) is not None


_PLAIN = frozenset({str, int, float, bool})


@dataclass(frozen=True)
class Message:
    """A message key with its parameters; ``str()`` renders it in the current language."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, lang: str | None = None) -> str:
        return render(self.key, self.params, lang)

    def __str__(self) -> str:
        return self.render()


def msg(key: str, **params: Any) -> Message:
    if key not in _CATALOGUE:
        raise KeyError(f"no message {key!r} in the catalogue")
    return Message(key, params)
