"""The command line's help in Russian: argparse's own words and every help text.

argparse speaks gettext: it passes each of its words ("usage: ", "options", "invalid choice: …")
through ``argparse._`` and ``argparse.ngettext``. So this catalogue is gettext-shaped, English text
to Russian text, and :func:`speaking` hands argparse a translation while the parser is built and
parses (help and errors happen inside ``parse_args``). The rest of what the command prints — labels,
summaries, errors of the services — lives in ``salesdesk.domain.messages`` like every other
message. A test walks every ``--help`` under Russian and fails on an English line.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from salesdesk.domain import messages

# English and Russian of one text stay on neighbouring lines, as a translator reads them.
# fmt: off
RUSSIAN: dict[str, str] = {
    # argparse's vocabulary (Python 3.11-3.13).
    "usage: ": "использование: ",
    "positional arguments": "аргументы",
    "options": "параметры",
    "show this help message and exit": "показать эту справку и выйти",
    # fresh data (issue 16)
    "confirm that a client's requisites, phone and e-mail are still right":
        "подтвердить, что реквизиты, телефон и e-mail клиента по-прежнему верны",
    "only this field; repeat for more (default: all filled ones)":
        "только это поле; можно повторить (по умолчанию — все заполненные)",
    'print {"confirmed": [fields]}': 'вывести {"confirmed": [поля]}',
    "the contact got through: confirms the client's phone (call, meeting) or e-mail":
        "контакт состоялся: подтверждает телефон клиента (звонок, встреча) или e-mail",
    "argument %(argument_name)s: %(message)s": "аргумент %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "недопустимое значение %(value)r (выберите из: %(choices)s)",
    "invalid %(type)s value: %(value)r": "недопустимое значение %(value)r",
    "the following arguments are required: %s": "не указаны обязательные аргументы: %s",
    "unrecognized arguments: %s": "неизвестные аргументы: %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: ошибка: %(message)s\n",
    "expected one argument": "нужно одно значение",
    "expected at most one argument": "нужно не больше одного значения",
    "expected at least one argument": "нужно хотя бы одно значение",
    "expected %s argument": "нужно значений: %s",
    "expected %s arguments": "нужно значений: %s",
    "not allowed with argument %s": "нельзя вместе с аргументом %s",
    "ignored explicit argument %r": "лишнее значение %r",
    "one of the arguments %s is required": "нужен один из аргументов: %s",
    "ambiguous option: %(option)s could match %(matches)s": "неоднозначный параметр: %(option)s — это %(matches)s?",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "неизвестная команда %(parser_name)r (есть: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "не удаётся открыть «%(filename)s»: %(error)s",
    "unexpected option string: %s": "неожиданный параметр: %s",
    "show program's version number and exit": "показать версию программы и выйти",
    # Our own arguments.
    "not a whole number: %s": "не целое число: %s",
    "must be from %(low)s to %(high)s: %(value)s": "допустимо от %(low)s до %(high)s: %(value)s",
    "not a file name: %s": "не имя файла: %s",
    "file name too long: %s…": "слишком длинное имя файла: %s…",
    "no such user's home folder: %s": "нет домашней папки такого пользователя: %s",
    "SalesDesk: the client base and sales of a small office. Without a command, opens the window; "
    "'salesdesk FILE.xlsx' opens it with the import of that file.":
        "SalesDesk: клиентская база и продажи небольшого офиса. Без команды открывает окно; "
        "«salesdesk ФАЙЛ.xlsx» открывает его с загрузкой этого файла.",
    "add SalesDesk to this user's application menu (Linux) and exit":
        "добавить SalesDesk в меню программ этого пользователя (Linux) и выйти",
    "database file or SQLAlchemy URL (default: SALESDESK_DB, the server base connected to, "
    "or the user data folder)": (
        "файл базы данных или адрес SQLAlchemy (по умолчанию — SALESDESK_DB, база на сервере, к которой "
        "подключились, или папка данных пользователя)"
    ),
    "language of messages (default: from the locale: LC_ALL, LC_MESSAGES, LANG)":
        "язык сообщений (по умолчанию — из настроек системы: LC_ALL, LC_MESSAGES, LANG)",
    "what to do": "что сделать",
    "what to do with the client": "что сделать с клиентом",
    "print as JSON": "вывести в формате JSON",
    "print the result as JSON": "вывести итог в формате JSON",
    "move this base to an empty PostgreSQL database and work there from now on": (
        "перенести эту базу в пустую базу PostgreSQL и дальше работать в ней"
    ),
    "Copy every table of this base (--db or the default) into an empty PostgreSQL database, "
    "compare each table's rows and checksum on both sides, then make the server base this "
    "computer's base. This base is only read. The password: the system keyring, ~/.pgpass or "
    "PGPASSWORD, not the command line.": (
        "Скопировать все таблицы этой базы (--db или обычной) в пустую базу PostgreSQL, сравнить в каждой "
        "таблице число строк и контрольную сумму с обеих сторон и сделать базу на сервере базой этого "
        "компьютера. Эта база только читается. Пароль — в хранилище паролей системы, ~/.pgpass или "
        "PGPASSWORD, не в командной строке."
    ),
    "the server database, e.g. postgresql+psycopg://user@host:5432/salesdesk?sslmode=require": (
        "база на сервере, например postgresql+psycopg://user@host:5432/salesdesk?sslmode=require"
    ),
    "the client's number": "номер клиента",
    "add, show, trash or restore a client": "добавить, показать, удалить в корзину или вернуть клиента",
    "add a client; prints its number": "добавить клиента; печатает его номер",
    "change many clients at once: owner, status, industry, tags":
        "изменить сразу многих клиентов: владельца, статус, отрасль, метки",
    "the clients' numbers": "номера клиентов",
    "also every client this search finds": "а также всех клиентов, которых находит этот поиск",
    "status: lead, prospect, active or former": "статус: lead, prospect, active или former",
    "add this tag; repeat for more": "добавить эту метку; повторите для нескольких",
    "remove this tag; repeat for more": "убрать эту метку; повторите для нескольких",
    'print {"changed": N}': 'напечатать {"changed": N}',
    "short name, e.g. 'ООО «Ромашка»'": "краткое название, например «ООО Ромашка»",
    "client kind: legal (company), sole_trader or person (default: %(default)s)":
        "вид клиента: legal (организация), sole_trader (ИП) или person (физлицо); по умолчанию %(default)s",
    "full legal name": "полное наименование",
    "INN: 10 digits (company) or 12 (sole trader, person)": "ИНН: 10 цифр (организация) или 12 (ИП, физлицо)",
    "KPP: 9 characters (companies only)": "КПП: 9 знаков (только у организаций)",
    "OGRN (company) or OGRNIP (sole trader)": "ОГРН (организация) или ОГРНИП (ИП)",
    "phone number as people write it": "телефон в любой привычной записи",
    "e-mail address": "адрес электронной почты",
    "legal address": "юридический адрес",
    "city": "город",
    "OKVED code (e.g. G) or industry name": "код ОКВЭД (например, G) или название отрасли",
    "status: lead, prospect, active or former (default: %(default)s)":
        "статус: lead (лид), prospect (потенциальный), active (действующий) или former (бывший); "
        "по умолчанию %(default)s",
    "where the client came from (e.g. an exhibition)": "откуда пришёл клиент (например, с выставки)",
    "owner: a manager's name (see 'salesdesk manager add')":
        "ответственный: имя менеджера (см. «salesdesk manager add»)",
    "a tag; repeat for more": "метка; повторите для нескольких",
    "take the owner away: the clients are nobody's": "убрать ответственного: клиенты станут ничьими",
    "notes": "заметки",
    'print {"id": N}': 'напечатать {"id": N}',
    "print one client": "показать одного клиента",
    "move a client to the trash": "переместить клиента в корзину",
    "bring a client back from the trash": "вернуть клиента из корзины",
    "merge a duplicate into the client kept; the other goes to the trash":
        "объединить дубликат с сохраняемым клиентом; второй уходит в корзину",
    "the client to keep": "номер клиента, который остаётся",
    "the duplicate: its data moves, it goes to the trash": "номер дубликата: его данные переходят, он уходит в корзину",
    "really merge (without it, only says what would happen)":
        "действительно объединить (без этого — только сказать, что произойдёт)",
    'print {"kept", "trashed", "moved"}': 'напечатать {"kept", "trashed", "moved"}',
    "fill clients from the tax service's SME register, headcount or revenue file (.zip or .xml)":
        "дополнить клиентов из реестра МСП, сведений о численности или о доходах налоговой службы (.zip или .xml)",
    "the register file as downloaded (.zip or .xml)": "файл реестра, как он скачан (.zip или .xml)",
    'print {"read", "matched", "updated", "not_in_register"}':
        'напечатать {"read", "matched", "updated", "not_in_register"}',
    "list companies of a register file that match and are not in the base; --add adds them":
        "компании из файла реестра, подходящие под условия и которых нет в базе; --add добавляет их",
    "main OKVED code or its beginning (62, 62.01) or a section (J)":
        "основной код ОКВЭД или его начало (62, 62.01) или раздел (J)",
    "region code, two digits (77 Moscow)": "код региона, две цифры (77 — Москва)",
    "SME category": "категория МСП",
    "at most N companies (default 20)": "не больше N компаний (по умолчанию 20)",
    "add them as clients with the status prospect, owned by you, each with a first reminder":
        "добавить их клиентами со статусом «потенциальный», ответственный — вы, у каждого первое напоминание",
    "list likely duplicate clients, most certain first":
        "похожие клиенты (вероятные дубликаты), самые вероятные первыми",
    'print [{"ids", "reason", "score"}]': 'напечатать [{"ids", "reason", "score"}]',
    "list clients, as a saved view shows them (see 'salesdesk views')":
        "список клиентов так, как его показывает сохранённый вид (см. 'salesdesk views')",
    "the saved view's name or number": "название или номер сохранённого вида",
    "the saved views of the client and deal lists, with the count of each":
        "сохранённые виды списков клиентов и сделок и сколько строк в каждом",
    'print [{"id", "list", "name", "count"}]': 'напечатать [{"id", "list", "name", "count"}]',
    "start from this saved view (the options above narrow it)":
        "начать с этого сохранённого вида (остальные параметры сужают его)",
    "the office's managers": "менеджеры офиса",
    "add a manager; prints the number": "добавить менеджера; печатает его номер",
    "the manager's name": "имя менеджера",
    "the manager's e-mail": "e-mail менеджера",
    "list managers": "список менеджеров",
    "make a manager a head or a plain manager (a head's right)": (
        "сделать менеджера руководителем или рядовым менеджером (право руководителя)"
    ),
    "head or manager": "head (руководитель) или manager (менеджер)",
    "what managers who are not heads may do in this base (a head changes it)": (
        "что в этой базе можно менеджерам, которые не руководители (меняет руководитель)"
    ),
    "may export the whole base": "можно выгружать всю базу",
    "may erase (empty the trash, erase people)": "можно стирать (очищать корзину, стирать людей)",
    "sign this seat in as a manager (the command line and the window act as them)": (
        "войти на этом рабочем месте как менеджер (командная строка и окно действуют от его имени)"
    ),
    "find clients by name, INN, phone, e-mail": "найти клиентов по названию, ИНН, телефону, e-mail",
    "what to look for": "что искать",
    "show at most N clients (default: %(default)s)": "показать не больше N клиентов (по умолчанию %(default)s)",
    "import clients from .xlsx, .xls, .ods or .csv, or contact cards from .vcf":
        "загрузить клиентов из .xlsx, .xls, .ods или .csv либо карточки контактов из .vcf",
    "the spreadsheet or .vcf file to import": "таблица или файл .vcf для загрузки",
    "a .vcf file: add its cards as contact persons of this client (default: each card is a new private-person client)":
        "файл .vcf: добавить его карточки контактными лицами этого клиента "
        "(по умолчанию каждая карточка — новый клиент, физическое лицо)",
    "sheet name (default: the first sheet of clients)": "имя листа (по умолчанию — первый лист с клиентами)",
    'column mapping saved from the import wizard ({"columns": {header: field}})':
        'сопоставление столбцов, сохранённое мастером загрузки ({"columns": {заголовок: поле}})',
    "a row that matches a client in the base: update-empty fills its empty fields (default), "
    "overwrite replaces them, skip leaves it, create adds a new client":
        "строка, совпавшая с клиентом в базе: update-empty дописывает пустые поля (по умолчанию), "
        "overwrite перезаписывает, skip пропускает, create добавляет нового клиента",
    "show what would happen; change nothing": "показать, что произойдёт, ничего не меняя",
    "where to write the file of rejected rows": "куда записать файл с отклонёнными строками",
    "export clients to .xlsx or .csv, or their contact persons to .vcf":
        "выгрузить клиентов в .xlsx или .csv либо их контактных лиц в .vcf",
    "where to save the file": "куда сохранить файл",
    "only clients this search finds": "только клиентов, которых находит этот поиск",
    "fill the database with realistic demo data": "заполнить базу правдоподобными демонстрационными данными",
    "how many demo clients (default: %(default)s)": "сколько демонстрационных клиентов (по умолчанию %(default)s)",
    "random seed: the same seed gives the same data (default: %(default)s)":
        "начальное число генератора: одно и то же число даёт те же данные (по умолчанию %(default)s)",
    "check the database's integrity and schema version": "проверить целостность базы и версию её схемы",
    "make a new, empty database file": "создать новый пустой файл базы",
    "copy the base now (checked; kept in the backup folder or DEST)":
        "сделать копию базы сейчас (с проверкой; в папку копий или в DEST)",
    "a folder or a new file for the copy (default: the backup folder, rotated)":
        "папка или новый файл для копии (по умолчанию папка копий, где старые копии удаляются по правилам хранения)",
    'print {"path": ..., "clients": N, "bytes": N}': 'вывести {"path": ..., "clients": N, "bytes": N}',
    "list the backups of the base, newest first, each checked":
        "показать копии базы, начиная с новых, каждую с проверкой",
    "replace the base by a backup (the current base is copied first)":
        "заменить базу её копией (текущая база сначала сохраняется в копию)",
    "the backup to restore": "копия, из которой восстановить базу",
    "do not ask for confirmation": "не спрашивать подтверждения",
    "the new database file (must not exist yet), or the URL of an empty database on a server": (
        "файл новой базы (его ещё не должно быть) или адрес (URL) пустой базы данных на сервере"
    ),
    "pipeline: count deals by the date opened (default) or closed":
        "pipeline: считать сделки по дате открытия (по умолчанию) или закрытия",
    "compute a report; print it or save it to .xlsx": "построить отчёт; напечатать его или сохранить в .xlsx",
    "Compute a report as the Reports tab does. Without -o or --json, print it as a table. "
    "'salesdesk report --list' names the reports.":
        "Строит отчёт, как вкладка «Отчёты». Без -o и --json печатает его таблицей. "
        "«salesdesk report --list» перечисляет отчёты.",
    "the report (see --list)": "отчёт (см. --list)",
    "name the reports": "перечислить отчёты",
    "first day (default: 12 months back)": "первый день (по умолчанию — 12 месяцев назад)",
    "the change history: who changed what, when, before and after":
        "история изменений: кто, что и когда изменил, как было и как стало",
    "only the changes of this client's card": "только изменения карточки этого клиента",
    "contact persons' birthdays in the coming days, and the age they turn":
        "дни рождения контактных лиц в ближайшие дни и сколько им исполняется",
    "today and the next N days (default: %(default)s)": "сегодня и следующие N дней (по умолчанию: %(default)s)",
    "only changes made on or after this day (DD.MM.YYYY or YYYY-MM-DD)":
        "только изменения начиная с этого дня (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)",
    "last day (default: today)": "последний день (по умолчанию — сегодня)",
    "grouping: month, quarter or year for sales_by_period (see --list)":
        "группировка: month (по месяцам), quarter (по кварталам) или year (по годам) для sales_by_period "
        "(см. --list)",
    "only this manager's clients and deals": "только клиенты и сделки этого менеджера",
    "sleeping_clients: no contact for more than N days (default %(default)s)":
        "sleeping_clients: без контакта больше N дней (по умолчанию %(default)s)",
    "completeness_by_manager: count cards filled below N %% (default %(default)s)":
        "completeness_by_manager: считать карточки, заполненные меньше чем на N %% (по умолчанию %(default)s)",
    "hooks: an interaction within N days of a reminder done (default %(default)s)":
        "hooks: контакт в течение N дней после выполнения напоминания (по умолчанию %(default)s)",
    "hooks: a deal won within M days of a reminder done (default %(default)s)":
        "hooks: сделка, выигранная в течение M дней после выполнения напоминания (по умолчанию %(default)s)",
    "sales_by_industry: the classes of this OKVED section (A to U) instead of the sections":
        "sales_by_industry: классы этого раздела ОКВЭД (от A до U) вместо разделов",
    "sales plans per manager (a head sets them)": "планы продаж по менеджерам (задаёт руководитель)",
    "set a manager's plan for a month or a quarter (a head's right)":
        "задать план менеджера на месяц или квартал (право руководителя)",
    "the month, e.g. 2026-12": "месяц, например 2026-12",
    "or the quarter, e.g. 2026-Q4": "или квартал, например 2026-Q4",
    "list the plans": "показать планы",
    "save the workbook with its chart here": "сохранить книгу с диаграммой в этот файл",
    "print the report as JSON": "вывести отчёт в формате JSON",
    "record a deal or list deals": "записать сделку или показать список сделок",
    "record a deal of a client; prints its number": "записать сделку клиента; печатает её номер",
    "what is sold, e.g. 'Годовое обслуживание'": "что продаётся, например «Годовое обслуживание»",
    "the amount as people type it: '1 250 000,50' or 1250000.50":
        "сумма в привычной записи: «1 250 000,50» или 1250000.50",
    "currency code (default: %(default)s)": "код валюты (по умолчанию %(default)s)",
    "stage: new, negotiation, proposal, won or lost (default: %(default)s)":
        "стадия: new (новая), negotiation (переговоры), proposal (предложение), won (выиграна) или "
        "lost (проиграна); по умолчанию %(default)s",
    "why a lost deal was lost (required for --stage lost)": "почему сделка проиграна (обязательно при --stage lost)",
    "the day the deal was opened: DD.MM.YYYY or YYYY-MM-DD (default: today)":
        "дата открытия: ДД.ММ.ГГГГ или ГГГГ-ММ-ДД (по умолчанию — сегодня)",
    "the day a won or lost deal was closed (default: today)":
        "дата закрытия выигранной или проигранной сделки (по умолчанию — сегодня)",
    "the day the contract ends: a won deal plans a reminder to offer new terms":
        "дата окончания договора: у выигранной сделки планирует напоминание предложить новые условия",
    "owner: a manager's name (default: this seat's manager)":
        "ответственный: имя менеджера (по умолчанию — менеджер этого рабочего места)",
    "remind N days before the contract ends (default: the window's setting, 30)":
        "напомнить за N дней до окончания договора (по умолчанию — как в настройках окна, 30)",
    'print {"id": N, "renewal_reminder": ...}': 'напечатать {"id": N, "renewal_reminder": ...}',
    "list deals, newest first": "список сделок, сначала новые",
    "only this stage; repeat for more": "только эта стадия; повторите для нескольких",
    "only this manager's deals": "только сделки этого менеджера",
    "only clients of this industry (OKVED code or name)": "только клиенты этой отрасли (код ОКВЭД или название)",
    "only clients whose name contains this": "только клиенты, в названии которых есть этот текст",
    "opened on or after this day": "открытые в этот день или позже",
    "opened on or before this day": "открытые в этот день или раньше",
    "show at most N deals (default: %(default)s)": "показать не больше N сделок (по умолчанию %(default)s)",
    "log a call, meeting, e-mail or note; optionally plan the next contact":
        "записать звонок, встречу, письмо или заметку; при желании запланировать следующий контакт",
    "what happened": "что произошло",
    "kind: call, meeting, email or note (default: %(default)s)":
        "вид: call (звонок), meeting (встреча), email (письмо) или note (заметка); по умолчанию %(default)s",
    "what came of it": "чем закончилось",
    "when: 'DD.MM.YYYY HH:MM' or 'YYYY-MM-DD HH:MM' (default: now)":
        "когда: «ДД.ММ.ГГГГ ЧЧ:ММ» или «ГГГГ-ММ-ДД ЧЧ:ММ» (по умолчанию — сейчас)",
    "who made the contact (default: this seat's manager)":
        "кто связывался с клиентом (по умолчанию — менеджер этого рабочего места)",
    "the reminder this contact answers: it is marked done (a repeating one moves on)":
        "напоминание, на которое отвечает этот контакт: оно отмечается выполненным "
        "(повторяющееся переносится на следующий срок)",
    "plan the next contact in N months": "запланировать следующий контакт через N месяцев",
    "plan the next contact on this day": "запланировать следующий контакт на этот день",
    "what to do next time (with --next-in or --next-on)":
        "что сделать в следующий раз (вместе с --next-in или --next-on)",
    # Erasure, the trash, a person's data (issue 12).
    "the trash: empty it for good": "корзина: очистить её безвозвратно",
    "erase for good everything in the trash (a backup is taken first)":
        "безвозвратно удалить всё, что лежит в корзине (сначала делается резервная копия)",
    "only what has been in the trash more than DAYS days": "только то, что пролежало в корзине больше DAYS дней",
    "also rewrite each backup in the backup folder without this record; a server base's "
    "copies are deleted after a new one is taken (exit 1 when some copy could not be "
    "rewritten or deleted)":
        "также переписать каждую резервную копию в папке копий без этой записи; копии базы на "
        "сервере удаляются, после того как сделана новая (код 1, если какую-то копию не удалось "
        "переписать или удалить)",
    "really erase (without it, only says what would go)":
        "действительно удалить (без этого — только сказать, что будет удалено)",
    "erase a contact person or a client who is a person, for good":
        "безвозвратно удалить контактное лицо или клиента — физическое лицо",
    "what to erase": "что удалить",
    "erase a contact person for good": "безвозвратно удалить контактное лицо",
    "the contact person's number": "номер контактного лица",
    "erase a client who is a person (private person, sole trader) for good":
        "безвозвратно удалить клиента — физическое лицо или ИП",
    "the ground for erasing, kept in the erasure record (default: %(default)s)":
        "основание удаления, записывается в журнал удалений (по умолчанию: %(default)s)",
    "a contact person's data on request": "данные контактного лица по его запросу",
    "write everything the base holds about a contact person to one workbook":
        "записать всё, что есть в базе о контактном лице, в одну книгу Excel",
    "the workbook to write (.xlsx)": "куда записать книгу (.xlsx)",
    "the calendar of reminders, meetings and dates": "календарь напоминаний, встреч и дат",
    "write the coming days to an iCalendar file (.ics) for a phone or Outlook":
        "записать ближайшие дни в файл iCalendar (.ics) для телефона или Outlook",
    "the file to write (.ics)": "куда записать файл (.ics)",
    "only this manager's events (default: everyone's)": "только события этого менеджера (по умолчанию — всех)",
    "how many days from today (default 90)": "сколько дней начиная с сегодняшнего (по умолчанию 90)",
    "the erasure record: when, who, what and on what ground, newest first":
        "журнал удалений: когда, кто, что и на каком основании; новые сверху",
    # Files on a client (issue 15).
    "attach a file to a client (kept inside the base); prints its number":
        "приложить файл к клиенту (хранится внутри базы); выводит его номер",
    "the file to attach": "файл, который нужно приложить",
    "list a client's files": "список файлов клиента",
    "a file attached to a client": "файл, приложенный к клиенту",
    "write a copy of an attached file, byte for byte": "сохранить точную копию приложенного файла",
    "the file's number": "номер файла",
    "the file to write, or a folder": "файл, в который записать копию, или папка",
    "replace the file if it exists": "заменить файл, если он уже есть",
}
# fmt: on


def tr(text: str) -> str:
    """*text* in the language of messages (Russian from the catalogue, English as written)."""
    return RUSSIAN.get(text, text) if messages.language() == "ru" else text


def _ngettext(singular: str, plural: str, count: int) -> str:
    return tr(singular if count == 1 else plural)


@contextmanager
def speaking() -> Iterator[None]:
    """argparse's words in the language of messages while the block runs."""
    module = vars(argparse)
    saved = module["_"], module["ngettext"]
    module["_"], module["ngettext"] = tr, _ngettext
    try:
        yield
    finally:
        module["_"], module["ngettext"] = saved
