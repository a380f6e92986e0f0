"""The command line: the same services as the window, for scripts and quick lookups.

``salesdesk`` alone opens the window. Exit status: 0 done, 2 invalid input (message on stderr,
nothing saved), 1 anything else a person can act on (record not found, database busy), 3 a bug
(details in the log).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from salesdesk import __version__, cli_texts
from salesdesk.cli_texts import tr as T
from salesdesk.domain import messages
from salesdesk.domain.audit import Actor, AuditQuery, Via
from salesdesk.domain.birthdays import DEFAULT_DAYS as DEFAULT_BIRTHDAY_DAYS
from salesdesk.domain.birthdays import MAX_DAYS as MAX_BIRTHDAY_DAYS
from salesdesk.domain.errors import FieldProblem, UserError, ValidationError
from salesdesk.domain.freshness import ITEMS as FRESH_ITEMS
from salesdesk.domain.hooks import MAX_HOOK_DAYS
from salesdesk.domain.messages import msg
from salesdesk.domain.model import (
    Client,
    ClientFields,
    ClientKind,
    ClientStatus,
    DealFields,
    DealStage,
    InteractionFields,
    InteractionKind,
    Money,
)
from salesdesk.domain.numbers import count_text, money_text
from salesdesk.domain.queries import ClientRow
from salesdesk.domain.reports import ColumnKind, Report, ReportParameters
from salesdesk.domain.spreadsheet import date_of
from salesdesk.domain.text import collapse_spaces, parse_amount, printable
from salesdesk.domain.validation import (
    MAX_DEMO_CLIENTS,
    MAX_ID,
    MAX_LIMIT,
    MAX_NEXT_IN_MONTHS,
    MAX_RENEWAL_DAYS,
    MAX_REPORT_DAYS,
    amount_problem,
    date_problem,
    search_problem,
)
from salesdesk.store import Database, UnitOfWork

DUPLICATE_POLICIES = ("update-empty", "overwrite", "skip", "create")

log = logging.getLogger(__name__)

EXIT_OK, EXIT_USER, EXIT_INVALID, EXIT_BUG = 0, 1, 2, 3


def _whole(text: str) -> int:
    """An integer argument; a message in the user's language when it is not one."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(T("not a whole number: %s") % text[:40]) from None


def _within(low: int, high: int) -> Callable[[str], int]:
    """A whole number from *low* to *high*: argparse names the option and exits 2 otherwise."""

    def whole_within(text: str) -> int:
        value = _whole(text)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                T("must be from %(low)s to %(high)s: %(value)s") % {"low": low, "high": high, "value": text[:40]}
            )
        return value

    whole_within.__name__ = "whole number"  # argparse's fallback message names the type
    return whole_within


_ID = _within(1, MAX_ID)


def _file_name(text: str) -> str:
    """A file name the system can take: no NUL character, at most 255 bytes a part and 4,096 in
    all (otherwise Python and the system refuse it deep inside, far from the option's name)."""
    try:
        encoded = os.fsencode(text)
    except UnicodeError:
        encoded = b"\0"
    if b"\0" in encoded:
        raise argparse.ArgumentTypeError(T("not a file name: %s") % repr(text[:40]))
    if len(encoded) > 4096 or any(len(part) > 255 for part in encoded.replace(b"\\", b"/").split(b"/")):
        raise argparse.ArgumentTypeError(T("file name too long: %s…") % text[:40])
    if text.startswith("~"):  # "~someone/…" of a user this computer does not have
        try:
            Path(text).expanduser()
        except RuntimeError:
            raise argparse.ArgumentTypeError(T("no such user's home folder: %s") % text.split("/")[0][:40]) from None
    return text


def _path(text: str) -> Path:
    return Path(_file_name(text))


def _common_options(*, suppress: bool) -> argparse.ArgumentParser:
    """--db and --lang, accepted before or after the command. After it they must default to
    SUPPRESS, or a subcommand would overwrite a value given before it with None."""
    common = argparse.ArgumentParser(add_help=False)
    default: Any = argparse.SUPPRESS if suppress else None
    common.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=default,
        type=_file_name,
        help=T(
            "database file or SQLAlchemy URL (default: SALESDESK_DB, the server base connected to, "
            "or the user data folder)"
        ),
    )
    common.add_argument(
        "--lang",
        choices=messages.LANGUAGES,
        default=default,
        help=T("language of messages (default: from the locale: LC_ALL, LC_MESSAGES, LANG)"),
    )
    return common


def _parser() -> argparse.ArgumentParser:
    """The parser in the language of messages: build it inside ``cli_texts.speaking()``."""
    common = _common_options(suppress=True)
    parser = argparse.ArgumentParser(
        prog="salesdesk",
        parents=[_common_options(suppress=False)],
        description=T(
            "SalesDesk: the client base and sales of a small office. Without a command, opens the window; "
            "'salesdesk FILE.xlsx' opens it with the import of that file."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"SalesDesk {__version__}",
        help=T("show program's version number and exit"),
    )
    parser.add_argument(
        "--install-desktop",
        action="store_true",
        help=T("add SalesDesk to this user's application menu (Linux) and exit"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", help=T("what to do"))

    client = commands.add_parser("client", parents=[common], help=T("add, show, trash or restore a client"))
    client_commands = client.add_subparsers(
        dest="client_command", metavar="ACTION", required=True, help=T("what to do with the client")
    )
    add = client_commands.add_parser("add", parents=[common], help=T("add a client; prints its number"))
    add.add_argument("--name", required=True, help=T("short name, e.g. 'ООО «Ромашка»'"))
    add.add_argument(
        "--kind",
        choices=[k.value for k in ClientKind],
        default=ClientKind.LEGAL.value,
        help=T("client kind: legal (company), sole_trader or person (default: %(default)s)"),
    )
    add.add_argument("--full-name", default="", help=T("full legal name"))
    add.add_argument("--inn", default="", help=T("INN: 10 digits (company) or 12 (sole trader, person)"))
    add.add_argument("--kpp", default="", help=T("KPP: 9 characters (companies only)"))
    add.add_argument("--ogrn", default="", help=T("OGRN (company) or OGRNIP (sole trader)"))
    add.add_argument("--phone", default="", help=T("phone number as people write it"))
    add.add_argument("--email", default="", help=T("e-mail address"))
    add.add_argument("--address", default="", help=T("legal address"))
    add.add_argument("--city", default="", help=T("city"))
    add.add_argument("--industry", default="", help=T("OKVED code (e.g. G) or industry name"))
    add.add_argument(
        "--status",
        choices=[s.value for s in ClientStatus],
        default=ClientStatus.LEAD.value,
        help=T("status: lead, prospect, active or former (default: %(default)s)"),
    )
    add.add_argument("--source", default="", help=T("where the client came from (e.g. an exhibition)"))
    add.add_argument("--owner", default="", help=T("owner: a manager's name (see 'salesdesk manager add')"))
    add.add_argument("--tag", action="append", default=[], help=T("a tag; repeat for more"))
    add.add_argument("--notes", default="", help=T("notes"))
    add.add_argument("--json", action="store_true", help=T('print {"id": N}'))
    show = client_commands.add_parser("show", parents=[common], help=T("print one client"))
    show.add_argument("id", type=_ID, metavar="ID", help=T("the client's number"))
    show.add_argument("--json", action="store_true", help=T("print as JSON"))
    confirm = client_commands.add_parser(
        "confirm", parents=[common], help=T("confirm that a client's requisites, phone and e-mail are still right")
    )
    confirm.add_argument("id", type=_ID, metavar="ID", help=T("the client's number"))
    confirm.add_argument(
        "--field",
        action="append",
        choices=list(FRESH_ITEMS),
        default=[],
        help=T("only this field; repeat for more (default: all filled ones)"),
    )
    confirm.add_argument("--json", action="store_true", help=T('print {"confirmed": [fields]}'))
    trash = client_commands.add_parser("trash", parents=[common], help=T("move a client to the trash"))
    trash.add_argument("id", type=_ID, metavar="ID", help=T("the client's number"))
    restore = client_commands.add_parser("restore", parents=[common], help=T("bring a client back from the trash"))
    restore.add_argument("id", type=_ID, metavar="ID", help=T("the client's number"))
    merge = client_commands.add_parser(
        "merge", parents=[common], help=T("merge a duplicate into the client kept; the other goes to the trash")
    )
    merge.add_argument("keep", type=_ID, metavar="KEEP_ID", help=T("the client to keep"))
    merge.add_argument(
        "other", type=_ID, metavar="OTHER_ID", help=T("the duplicate: its data moves, it goes to the trash")
    )
    merge.add_argument("--yes", action="store_true", help=T("really merge (without it, only says what would happen)"))
    merge.add_argument("--json", action="store_true", help=T('print {"kept", "trashed", "moved"}'))
    duplicates = commands.add_parser(
        "duplicates", parents=[common], help=T("list likely duplicate clients, most certain first")
    )
    duplicates.add_argument("--json", action="store_true", help=T('print [{"ids", "reason", "score"}]'))
    client_list = client_commands.add_parser(
        "list", parents=[common], help=T("list clients, as a saved view shows them (see 'salesdesk views')")
    )
    client_list.add_argument("--view", default="", metavar="NAME", help=T("the saved view's name or number"))
    client_list.add_argument(
        "--limit",
        type=_within(1, MAX_LIMIT),
        default=50,
        metavar="N",
        help=T("show at most N clients (default: %(default)s)"),
    )
    client_list.add_argument("--json", action="store_true", help=T("print as JSON"))
    views_parser = commands.add_parser(
        "views", parents=[common], help=T("the saved views of the client and deal lists, with the count of each")
    )
    views_parser.add_argument("--json", action="store_true", help=T('print [{"id", "list", "name", "count"}]'))

    enrich = commands.add_parser(
        "enrich",
        parents=[common],
        help=T("fill clients from the tax service's SME register, headcount or revenue file (.zip or .xml)"),
    )
    enrich.add_argument("file", type=_path, metavar="FILE", help=T("the register file as downloaded (.zip or .xml)"))
    enrich.add_argument("--dry-run", action="store_true", help=T("show what would happen; change nothing"))
    enrich.add_argument(
        "--json", action="store_true", help=T('print {"read", "matched", "updated", "not_in_register"}')
    )
    prospects = commands.add_parser(
        "prospects",
        parents=[common],
        help=T("list companies of a register file that match and are not in the base; --add adds them"),
    )
    prospects.add_argument("file", type=_path, metavar="FILE", help=T("the register file as downloaded (.zip or .xml)"))
    prospects.add_argument(
        "--okved",
        required=True,
        metavar="PREFIX",
        help=T("main OKVED code or its beginning (62, 62.01) or a section (J)"),
    )
    prospects.add_argument("--region", metavar="CODE", help=T("region code, two digits (77 Moscow)"))
    prospects.add_argument("--category", choices=("micro", "small", "medium"), help=T("SME category"))
    prospects.add_argument(
        "--limit", type=_within(1, 10_000), default=20, metavar="N", help=T("at most N companies (default 20)")
    )
    prospects.add_argument(
        "--add",
        action="store_true",
        help=T("add them as clients with the status prospect, owned by you, each with a first reminder"),
    )
    prospects.add_argument("--json", action="store_true", help=T("print the result as JSON"))

    bulk = client_commands.add_parser(
        "set", parents=[common], help=T("change many clients at once: owner, status, industry, tags")
    )
    bulk.add_argument("ids", type=_ID, nargs="*", metavar="ID", help=T("the clients' numbers"))
    bulk.add_argument("--search", default="", help=T("also every client this search finds"))
    owner = bulk.add_mutually_exclusive_group()
    owner.add_argument("--owner", default="", help=T("owner: a manager's name (see 'salesdesk manager add')"))
    owner.add_argument("--no-owner", action="store_true", help=T("take the owner away: the clients are nobody's"))
    bulk.add_argument(
        "--status",
        choices=[s.value for s in ClientStatus],
        help=T("status: lead, prospect, active or former"),
    )
    bulk.add_argument("--industry", default="", help=T("OKVED code (e.g. G) or industry name"))
    bulk.add_argument("--add-tag", action="append", default=[], metavar="T", help=T("add this tag; repeat for more"))
    bulk.add_argument(
        "--remove-tag", action="append", default=[], metavar="T", help=T("remove this tag; repeat for more")
    )
    bulk.add_argument("--json", action="store_true", help=T('print {"changed": N}'))

    manager = commands.add_parser("manager", parents=[common], help=T("the office's managers"))
    manager_commands = manager.add_subparsers(
        dest="client_command", metavar="ACTION", required=True, help=T("what to do")
    )
    manager_add = manager_commands.add_parser("add", parents=[common], help=T("add a manager; prints the number"))
    manager_add.add_argument("name", metavar="NAME", help=T("the manager's name"))
    manager_add.add_argument("--email", default="", help=T("the manager's e-mail"))
    manager_commands.add_parser("list", parents=[common], help=T("list managers"))
    manager_role = manager_commands.add_parser(
        "role", parents=[common], help=T("make a manager a head or a plain manager (a head's right)")
    )
    manager_role.add_argument("name", metavar="NAME", help=T("the manager's name"))
    manager_role.add_argument("role", choices=("head", "manager"), help=T("head or manager"))
    manager_rules = manager_commands.add_parser(
        "rules", parents=[common], help=T("what managers who are not heads may do in this base (a head changes it)")
    )
    manager_rules.add_argument("--export", choices=("yes", "no"), help=T("may export the whole base"))
    manager_rules.add_argument("--erase", choices=("yes", "no"), help=T("may erase (empty the trash, erase people)"))
    manager_me = manager_commands.add_parser(
        "me", parents=[common], help=T("sign this seat in as a manager (the command line and the window act as them)")
    )
    manager_me.add_argument("name", metavar="NAME", help=T("the manager's name"))

    plan = commands.add_parser("plan", parents=[common], help=T("sales plans per manager (a head sets them)"))
    plan_commands = plan.add_subparsers(dest="client_command", metavar="ACTION", required=True, help=T("what to do"))
    plan_set = plan_commands.add_parser(
        "set", parents=[common], help=T("set a manager's plan for a month or a quarter (a head's right)")
    )
    plan_set.add_argument("--manager", required=True, metavar="NAME", help=T("the manager's name"))
    plan_set.add_argument("--month", default="", metavar="YYYY-MM", help=T("the month, e.g. 2026-12"))
    plan_set.add_argument("--quarter", default="", metavar="YYYY-Qn", help=T("or the quarter, e.g. 2026-Q4"))
    plan_set.add_argument(
        "--amount", required=True, help=T("the amount as people type it: '1 250 000,50' or 1250000.50")
    )
    plan_set.add_argument("--currency", default="RUB", help=T("currency code (default: %(default)s)"))
    plan_set.add_argument("--json", action="store_true", help=T("print the result as JSON"))
    plan_list = plan_commands.add_parser("list", parents=[common], help=T("list the plans"))
    plan_list.add_argument("--json", action="store_true", help=T("print as JSON"))

    search = commands.add_parser("search", parents=[common], help=T("find clients by name, INN, phone, e-mail"))
    search.add_argument("text", metavar="TEXT", help=T("what to look for"))
    search.add_argument(
        "--limit",
        type=_within(1, MAX_LIMIT),
        default=20,
        metavar="N",
        help=T("show at most N clients (default: %(default)s)"),
    )
    search.add_argument("--json", action="store_true", help=T("print as JSON"))

    importing = commands.add_parser(
        "import", parents=[common], help=T("import clients from .xlsx, .xls, .ods or .csv, or contact cards from .vcf")
    )
    importing.add_argument("file", type=_path, metavar="FILE", help=T("the spreadsheet or .vcf file to import"))
    importing.add_argument(
        "--client",
        type=_within(1, MAX_ID),
        metavar="ID",
        help=T(
            "a .vcf file: add its cards as contact persons of this client "
            "(default: each card is a new private-person client)"
        ),
    )
    importing.add_argument("--sheet", metavar="SHEET", help=T("sheet name (default: the first sheet of clients)"))
    importing.add_argument(
        "--mapping",
        type=_path,
        metavar="FILE.json",
        help=T('column mapping saved from the import wizard ({"columns": {header: field}})'),
    )
    importing.add_argument(
        "--on-duplicate",
        choices=DUPLICATE_POLICIES,
        default="update-empty",
        help=T(
            "a row that matches a client in the base: update-empty fills its empty fields "
            "(default), overwrite replaces them, skip leaves it, create adds a new client"
        ),
    )
    importing.add_argument("--dry-run", action="store_true", help=T("show what would happen; change nothing"))
    importing.add_argument("--error-dir", type=_path, metavar="DIR", help=T("where to write the file of rejected rows"))
    importing.add_argument("--json", action="store_true", help=T("print the result as JSON"))

    export = commands.add_parser(
        "export", parents=[common], help=T("export clients to .xlsx or .csv, or their contact persons to .vcf")
    )
    export.add_argument("file", type=_path, metavar="FILE", help=T("where to save the file"))
    export.add_argument("--search", default="", metavar="TEXT", help=T("only clients this search finds"))
    export.add_argument("--json", action="store_true", help=T("print the result as JSON"))

    demo = commands.add_parser("demo", parents=[common], help=T("fill the database with realistic demo data"))
    demo.add_argument(
        "--clients",
        type=_within(1, MAX_DEMO_CLIENTS),
        default=1000,
        metavar="N",
        help=T("how many demo clients (default: %(default)s)"),
    )
    demo.add_argument(
        "--seed",
        type=_within(0, MAX_ID),
        default=2026,
        metavar="N",
        help=T("random seed: the same seed gives the same data (default: %(default)s)"),
    )

    commands.add_parser("check", parents=[common], help=T("check the database's integrity and schema version"))
    init = commands.add_parser("init", parents=[common], help=T("make a new, empty database file"))
    init.add_argument(
        "path",
        type=_file_name,
        metavar="PATH",
        help=T("the new database file (must not exist yet), or the URL of an empty database on a server"),
    )
    _deal_parsers(commands, common)
    _backup_parsers(commands, common)
    _log_parser(commands, common)
    _privacy_parsers(commands, common)
    _report_parser(commands, common)
    _changes_parser(commands, common)
    _birthdays_parser(commands, common)
    _migrate_parser(commands, common)
    _calendar_parser(commands, common)
    _attachment_parsers(commands, common)
    return parser


def _calendar_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    calendar = commands.add_parser(
        "calendar", parents=[common], help=T("the calendar of reminders, meetings and dates")
    )
    calendar_commands = calendar.add_subparsers(
        dest="client_command", metavar="ACTION", required=True, help=T("what to do")
    )
    export = calendar_commands.add_parser(
        "export", parents=[common], help=T("write the coming days to an iCalendar file (.ics) for a phone or Outlook")
    )
    export.add_argument("file", type=_path, metavar="FILE.ics", help=T("the file to write (.ics)"))
    export.add_argument("--manager", metavar="NAME", help=T("only this manager's events (default: everyone's)"))
    export.add_argument(
        "--days", type=_within(1, 3660), default=90, metavar="N", help=T("how many days from today (default 90)")
    )


def _attachment_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    attach = commands.add_parser(
        "attach", parents=[common], help=T("attach a file to a client (kept inside the base); prints its number")
    )
    attach.add_argument("id", type=_ID, metavar="CLIENT_ID", help=T("the client's number"))
    attach.add_argument("file", type=_path, metavar="FILE", help=T("the file to attach"))
    attach.add_argument("--json", action="store_true", help=T("print the result as JSON"))
    listing = commands.add_parser("attachments", parents=[common], help=T("list a client's files"))
    listing.add_argument("id", type=_ID, metavar="CLIENT_ID", help=T("the client's number"))
    listing.add_argument("--json", action="store_true", help=T("print as JSON"))
    attachment = commands.add_parser("attachment", parents=[common], help=T("a file attached to a client"))
    attachment_commands = attachment.add_subparsers(
        dest="client_command", metavar="ACTION", required=True, help=T("what to do")
    )
    save = attachment_commands.add_parser(
        "save", parents=[common], help=T("write a copy of an attached file, byte for byte")
    )
    save.add_argument("id", type=_ID, metavar="ID", help=T("the file's number"))
    save.add_argument(
        "-o", "--output", type=_path, required=True, metavar="PATH", help=T("the file to write, or a folder")
    )
    save.add_argument("--force", action="store_true", help=T("replace the file if it exists"))


def _migrate_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    migrate = commands.add_parser(
        "migrate-to",
        parents=[common],
        help=T("move this base to an empty PostgreSQL database and work there from now on"),
        description=T(
            "Copy every table of this base (--db or the default) into an empty PostgreSQL database, "
            "compare each table's rows and checksum on both sides, then make the server base this "
            "computer's base. This base is only read. The password: the system keyring, ~/.pgpass or "
            "PGPASSWORD, not the command line."
        ),
    )
    migrate.add_argument(
        "url",
        metavar="URL",
        help=T("the server database, e.g. postgresql+psycopg://user@host:5432/salesdesk?sslmode=require"),
    )
    migrate.add_argument("--json", action="store_true", help=T("print the result as JSON"))


def _changes_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    changes = commands.add_parser(
        "changes", parents=[common], help=T("the change history: who changed what, when, before and after")
    )
    changes.add_argument("--client", type=_ID, metavar="ID", help=T("only the changes of this client's card"))
    changes.add_argument(
        "--since", metavar="DATE", help=T("only changes made on or after this day (DD.MM.YYYY or YYYY-MM-DD)")
    )
    changes.add_argument("--json", action="store_true", help=T("print as JSON"))


def _birthdays_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    birthdays = commands.add_parser(
        "birthdays", parents=[common], help=T("contact persons' birthdays in the coming days, and the age they turn")
    )
    birthdays.add_argument(
        "--days",
        type=_within(0, MAX_BIRTHDAY_DAYS),
        default=DEFAULT_BIRTHDAY_DAYS,
        metavar="N",
        help=T("today and the next N days (default: %(default)s)"),
    )
    birthdays.add_argument("--json", action="store_true", help=T("print as JSON"))


def _report_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    report = commands.add_parser(
        "report",
        parents=[common],
        help=T("compute a report; print it or save it to .xlsx"),
        description=T(
            "Compute a report as the Reports tab does. Without -o or --json, "
            "print it as a table. 'salesdesk report --list' names the reports."
        ),
    )
    report.add_argument("name", nargs="?", metavar="NAME", help=T("the report (see --list)"))
    report.add_argument("--list", action="store_true", help=T("name the reports"))
    report.add_argument("--from", dest="date_from", metavar="DATE", help=T("first day (default: 12 months back)"))
    report.add_argument("--to", dest="date_to", metavar="DATE", help=T("last day (default: today)"))
    report.add_argument(
        "--by", default="", metavar="FIELD", help=T("grouping: month, quarter or year for sales_by_period (see --list)")
    )
    report.add_argument(
        "--by-date",
        dest="by_date",
        default="",
        metavar="{opened,closed}",
        help=T("pipeline: count deals by the date opened (default) or closed"),
    )
    report.add_argument("--manager", default="", help=T("only this manager's clients and deals"))
    report.add_argument(
        "--days",
        type=_within(1, MAX_REPORT_DAYS),
        default=ReportParameters().days,
        metavar="N",
        help=T("sleeping_clients: no contact for more than N days (default %(default)s)"),
    )
    report.add_argument(
        "--threshold",
        type=_within(0, 100),
        default=ReportParameters().threshold,
        metavar="N",
        help=T("completeness_by_manager: count cards filled below N %% (default %(default)s)"),
    )
    report.add_argument(
        "--interaction-days",
        dest="interaction_days",
        type=_within(0, MAX_HOOK_DAYS),
        default=ReportParameters().interaction_days,
        metavar="N",
        help=T("hooks: an interaction within N days of a reminder done (default %(default)s)"),
    )
    report.add_argument(
        "--deal-days",
        dest="deal_days",
        type=_within(0, MAX_HOOK_DAYS),
        default=ReportParameters().deal_days,
        metavar="M",
        help=T("hooks: a deal won within M days of a reminder done (default %(default)s)"),
    )
    report.add_argument(
        "--section",
        default="",
        metavar="LETTER",
        help=T("sales_by_industry: the classes of this OKVED section (A to U) instead of the sections"),
    )
    report.add_argument(
        "-o", "--output", type=_path, metavar="FILE.xlsx", help=T("save the workbook with its chart here")
    )
    report.add_argument("--json", action="store_true", help=T("print the report as JSON"))


def _backup_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    backup = commands.add_parser(
        "backup", parents=[common], help=T("copy the base now (checked; kept in the backup folder or DEST)")
    )
    backup.add_argument(
        "dest",
        nargs="?",
        type=_path,
        metavar="DEST",
        help=T("a folder or a new file for the copy (default: the backup folder, rotated)"),
    )
    backup.add_argument("--json", action="store_true", help=T('print {"path": ..., "clients": N, "bytes": N}'))
    backups = commands.add_parser(
        "backups", parents=[common], help=T("list the backups of the base, newest first, each checked")
    )
    backups.add_argument("--json", action="store_true", help=T("print as JSON"))
    restore = commands.add_parser(
        "restore",
        parents=[common],
        help=T("replace the base by a backup (the current base is copied first)"),
    )
    restore.add_argument("file", type=_path, metavar="FILE", help=T("the backup to restore"))
    restore.add_argument("--yes", action="store_true", help=T("do not ask for confirmation"))
    restore.add_argument("--json", action="store_true", help=T("print the result as JSON"))


def _deal_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    deal = commands.add_parser("deal", parents=[common], help=T("record a deal or list deals"))
    deal_commands = deal.add_subparsers(dest="client_command", metavar="ACTION", required=True, help=T("what to do"))
    add = deal_commands.add_parser("add", parents=[common], help=T("record a deal of a client; prints its number"))
    add.add_argument("client", type=_ID, metavar="CLIENT_ID", help=T("the client's number"))
    add.add_argument("--title", required=True, help=T("what is sold, e.g. 'Годовое обслуживание'"))
    add.add_argument("--amount", required=True, help=T("the amount as people type it: '1 250 000,50' or 1250000.50"))
    add.add_argument("--currency", default="RUB", help=T("currency code (default: %(default)s)"))
    add.add_argument(
        "--stage",
        choices=[s.value for s in DealStage],
        default=DealStage.NEW.value,
        help=T("stage: new, negotiation, proposal, won or lost (default: %(default)s)"),
    )
    add.add_argument("--lost-reason", default="", help=T("why a lost deal was lost (required for --stage lost)"))
    add.add_argument(
        "--opened", metavar="DATE", help=T("the day the deal was opened: DD.MM.YYYY or YYYY-MM-DD (default: today)")
    )
    add.add_argument("--closed", metavar="DATE", help=T("the day a won or lost deal was closed (default: today)"))
    add.add_argument(
        "--contract-end",
        metavar="DATE",
        help=T("the day the contract ends: a won deal plans a reminder to offer new terms"),
    )
    add.add_argument("--owner", default="", help=T("owner: a manager's name (default: this seat's manager)"))
    add.add_argument(
        "--renewal-days",
        type=_within(0, MAX_RENEWAL_DAYS),
        metavar="N",
        help=T("remind N days before the contract ends (default: the window's setting, 30)"),
    )
    add.add_argument("--json", action="store_true", help=T('print {"id": N, "renewal_reminder": ...}'))
    listing = deal_commands.add_parser("list", parents=[common], help=T("list deals, newest first"))
    listing.add_argument(
        "--stage",
        choices=[s.value for s in DealStage],
        action="append",
        default=[],
        help=T("only this stage; repeat for more"),
    )
    listing.add_argument("--owner", default="", help=T("only this manager's deals"))
    listing.add_argument("--industry", default="", help=T("only clients of this industry (OKVED code or name)"))
    listing.add_argument("--client", default="", help=T("only clients whose name contains this"))
    listing.add_argument("--from", dest="date_from", metavar="DATE", help=T("opened on or after this day"))
    listing.add_argument("--to", dest="date_to", metavar="DATE", help=T("opened on or before this day"))
    listing.add_argument(
        "--view", default="", metavar="NAME", help=T("start from this saved view (the options above narrow it)")
    )
    listing.add_argument(
        "--limit",
        type=_within(1, MAX_LIMIT),
        default=50,
        metavar="N",
        help=T("show at most N deals (default: %(default)s)"),
    )
    listing.add_argument("--json", action="store_true", help=T("print as JSON"))


def _log_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    log_ = commands.add_parser(
        "log", parents=[common], help=T("log a call, meeting, e-mail or note; optionally plan the next contact")
    )
    log_.add_argument("client", type=_ID, metavar="CLIENT_ID", help=T("the client's number"))
    log_.add_argument("summary", metavar="SUMMARY", help=T("what happened"))
    log_.add_argument(
        "--kind",
        choices=[k.value for k in InteractionKind],
        default=InteractionKind.CALL.value,
        help=T("kind: call, meeting, email or note (default: %(default)s)"),
    )
    log_.add_argument("--result", default="", help=T("what came of it"))
    log_.add_argument(
        "--reached",
        action="store_true",
        help=T("the contact got through: confirms the client's phone (call, meeting) or e-mail"),
    )
    log_.add_argument("--at", metavar="WHEN", help=T("when: 'DD.MM.YYYY HH:MM' or 'YYYY-MM-DD HH:MM' (default: now)"))
    log_.add_argument("--manager", default="", help=T("who made the contact (default: this seat's manager)"))
    log_.add_argument(
        "--close-reminder",
        type=_ID,
        metavar="ID",
        help=T("the reminder this contact answers: it is marked done (a repeating one moves on)"),
    )
    when = log_.add_mutually_exclusive_group()
    when.add_argument(
        "--next-in", type=_within(1, MAX_NEXT_IN_MONTHS), metavar="MONTHS", help=T("plan the next contact in N months")
    )
    when.add_argument("--next-on", metavar="DATE", help=T("plan the next contact on this day"))
    log_.add_argument(
        "--next",
        dest="next_text",
        default="",
        metavar="TEXT",
        help=T("what to do next time (with --next-in or --next-on)"),
    )
    log_.add_argument("--json", action="store_true", help=T("print as JSON"))


def _privacy_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    """Emptying the trash, erasing a person, and a person's data on request (issue 12)."""
    from salesdesk.services.erasure import GROUNDS

    trash = commands.add_parser("trash", parents=[common], help=T("the trash: empty it for good"))
    trash_commands = trash.add_subparsers(dest="client_command", metavar="ACTION", required=True, help=T("what to do"))
    empty = trash_commands.add_parser(
        "empty", parents=[common], help=T("erase for good everything in the trash (a backup is taken first)")
    )
    empty.add_argument(
        "--older-than",
        type=_within(1, 36500),
        metavar="DAYS",
        help=T("only what has been in the trash more than DAYS days"),
    )
    empty.add_argument("--yes", action="store_true", help=T("really erase (without it, only says what would go)"))
    empty.add_argument("--json", action="store_true", help=T("print the result as JSON"))

    erase = commands.add_parser(
        "erase", parents=[common], help=T("erase a contact person or a client who is a person, for good")
    )
    erase_commands = erase.add_subparsers(dest="client_command", metavar="WHAT", required=True, help=T("what to erase"))
    for name, help_text, id_help in (
        ("contact", T("erase a contact person for good"), T("the contact person's number")),
        (
            "client",
            T("erase a client who is a person (private person, sole trader) for good"),
            T("the client's number"),
        ),
    ):
        one = erase_commands.add_parser(name, parents=[common], help=help_text)
        one.add_argument("id", type=_ID, metavar="ID", help=id_help)
        one.add_argument(
            "--ground",
            choices=GROUNDS,
            default=GROUNDS[0],
            help=T("the ground for erasing, kept in the erasure record (default: %(default)s)"),
        )
        one.add_argument("--yes", action="store_true", help=T("really erase (without it, only says what would go)"))
        one.add_argument(
            "--from-backups",
            action="store_true",
            help=T(
                "also rewrite each backup in the backup folder without this record; a server base's "
                "copies are deleted after a new one is taken (exit 1 when some copy could not be "
                "rewritten or deleted)"
            ),
        )
        one.add_argument("--json", action="store_true", help=T("print the result as JSON"))

    erasures = commands.add_parser(
        "erasures", parents=[common], help=T("the erasure record: when, who, what and on what ground, newest first")
    )
    erasures.add_argument("--json", action="store_true", help=T("print as JSON"))

    person = commands.add_parser("person", parents=[common], help=T("a contact person's data on request"))
    person_commands = person.add_subparsers(
        dest="client_command", metavar="ACTION", required=True, help=T("what to do")
    )
    export = person_commands.add_parser(
        "export", parents=[common], help=T("write everything the base holds about a contact person to one workbook")
    )
    export.add_argument("id", type=_ID, metavar="CONTACT_ID", help=T("the contact person's number"))
    export.add_argument(
        "-o", "--output", type=_path, required=True, metavar="FILE.xlsx", help=T("the workbook to write (.xlsx)")
    )
    export.add_argument("--json", action="store_true", help=T("print the result as JSON"))


def _language_asked(argv: Sequence[str]) -> str | None:
    """The --lang of the command line, read before parsing: the parser itself speaks it."""
    for number, word in enumerate(argv):
        if word == "--lang" and number + 1 < len(argv):
            return argv[number + 1]
        if word.startswith("--lang="):
            return word.partition("=")[2]
    return None


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    return {
        name
        for action in parser._actions  # noqa: SLF001 - argparse keeps its subcommands only here
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }


def _gui_file(words: list[str], commands: set[str]) -> tuple[list[str], str | None]:
    """``salesdesk FILE.xlsx`` (a file manager's "Open with", the menu entry's %f): the file to
    import when the window opens, taken out of the words so argparse sees no command. A word where
    a command stands is a file only when it looks like one (see ``desktop.gui_file_argument``): a
    mistyped command still gets argparse's "invalid choice"."""
    from salesdesk.desktop import gui_file_argument

    number = 0
    while number < len(words):
        word = words[number]
        if word == "--":
            rest = words[number + 1 :]
            if len(rest) == 1:
                return words[:number], rest[0]
            return words, None
        if word in ("--db", "--lang"):
            number += 2
            continue
        if word.startswith("-"):
            number += 1
            continue
        if word in commands or not gui_file_argument(word):
            return words, None
        return words[:number] + words[number + 1 :], word
    return words, None


def _install_desktop() -> int:
    """``salesdesk --install-desktop``: the menu entry and icons for this user (Linux desktops)."""
    from salesdesk.desktop import install_desktop

    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        print(msg("desktop.not_here"), file=sys.stderr)
        return EXIT_USER
    try:
        installed = install_desktop()
    except OSError as exc:
        print(msg("desktop.failed", where=exc.filename or "", error=exc.strerror or str(exc)), file=sys.stderr)
        return EXIT_USER
    print(msg("desktop.installed", entry=installed.entry, icons=len(installed.icons)))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()  # a packaged program starts its worker processes through here
    words = list(sys.argv[1:] if argv is None else argv)
    asked = _language_asked(words)
    messages.set_language(asked if asked in messages.LANGUAGES else messages.detect_language())
    with cli_texts.speaking():
        parser = _parser()
        # argparse (3.11-3.12) turns `--option=--` into an empty list instead of the text "--":
        # refuse that value with its usual message rather than hand a list to a service.
        options = words[: words.index("--")] if "--" in words else words
        if bad := next((w for w in options if w.startswith("-") and w.endswith("=--")), None):
            parser.error(
                T("argument %(argument_name)s: %(message)s")
                % {"argument_name": bad[:-3], "message": T("expected one argument")}
            )
        words, gui_file = _gui_file(words, _command_names(parser))
        args = parser.parse_args(words)
    _utf8_safe_streams()
    from salesdesk.app import clean_leftovers, setup_logging

    setup_logging()
    clean_leftovers()
    if args.install_desktop:
        return _install_desktop()
    if args.command is None:  # no command: the window (the only path that loads Qt)
        from salesdesk.gui import run_gui

        to_import = None
        if gui_file is not None:
            to_import = Path(gui_file).expanduser().absolute()  # the running window may have another folder
            if not to_import.is_file():
                print(msg("cli.no_file_to_import", where=gui_file), file=sys.stderr)
                return EXIT_INVALID
        return run_gui(args.db, to_import=to_import)
    handler = _HANDLERS.get((args.command, getattr(args, "client_command", None)))
    try:
        from salesdesk.app import create_store, open_store

        if handler is None:  # init: the one command that makes a base where none is
            print(msg("cli.db_created", where=create_store(args.path)))
            return EXIT_OK
        database = open_store(args.db)
        if database.damage is not None and args.command != "check":
            print(msg("err.db_damaged_read_only", where=database.path, damage=database.damage_summary), file=sys.stderr)
        try:
            return handler(database, args)
        finally:
            database.dispose()
    except ValidationError as exc:
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
        return EXIT_INVALID
    except UserError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INVALID if exc.bad_input else EXIT_USER
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `salesdesk report … | head`: the reader has had enough; not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second complaint at exit
        return EXIT_OK
    except Exception:
        log.exception("command %s failed", args.command)  # never the arguments: they hold personal data
        print(msg("cli.internal_error"), file=sys.stderr)
        return EXIT_BUG


def _uow(database: Database) -> UnitOfWork:
    """A unit of work of the command line: the audit trail names this seat's manager and the
    command line (an import, the file)."""
    return UnitOfWork(database, actor=_actor)


def _actor() -> Actor:
    from salesdesk.settings import SeatSettings

    return Actor(SeatSettings().current_manager_id, Via.COMMAND_LINE)


def _utf8_safe_streams() -> None:
    """Never crash on a console that cannot show Cyrillic (an old Windows code page)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def _emit_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=None, default=str))


def _client_add(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.services import clients, reference

    uow = _uow(database)
    industry_id = reference.find_industry(uow, args.industry).id if args.industry else None
    owner_id = _manager_id(database, args.owner)
    fields = ClientFields(
        name=args.name,
        kind=ClientKind(args.kind),
        full_name=args.full_name,
        inn=args.inn,
        kpp=args.kpp,
        ogrn=args.ogrn,
        phone=args.phone,
        email=args.email,
        legal_address=args.address,
        city=args.city,
        industry_id=industry_id,
        status=ClientStatus(args.status),
        source=args.source,
        owner_id=owner_id,
        tags=tuple(args.tag),
        notes=args.notes,
    )
    result = clients.create_client(uow, fields)
    for warning in result.warnings:
        print(str(warning), file=sys.stderr)
    if args.json:
        _emit_json({"id": result.id})
    else:
        print(result.id)
    return EXIT_OK


def _client_json(client: Client) -> dict[str, Any]:
    data = {name: getattr(client, name) for name in client.__dataclass_fields__}
    data["kind"] = client.kind.value
    data["status"] = client.status.value
    data["tags"] = list(client.tags)
    data["missing"] = list(client.missing)
    return data


def _client_show(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.services import clients, contacts, freshness

    client = clients.get_client(_uow(database), args.id)
    people = contacts.list_contacts(_uow(database), args.id)
    fresh = freshness.client_freshness(_uow(database), args.id)
    if args.json:
        data = _client_json(client)
        data["fresh_completeness"] = fresh.score
        data["confirmed"] = {item: c.confirmed_at for item, c in fresh.confirmations.items()}
        data["stale"] = list(fresh.stale)
        data["contacts"] = [
            {
                "id": p.id,
                "full_name": p.full_name,
                "position": p.position,
                "birth_date": p.birth_date,
                "phones": list(p.phones),
                "emails": list(p.emails),
                "is_primary": p.is_primary,
            }
            for p in people
        ]
        _emit_json(data)
        return EXIT_OK
    print(f"{printable(client.name)}  ({msg('cli.number', id=client.id)}, {client.kind.label}, {client.status.label})")
    for key, value in (
        ("inn", client.inn),
        ("kpp", client.kpp),
        ("ogrn", client.ogrn),
        ("legal_address", client.legal_address),
        ("phone", client.phone),
        ("email", client.email),
        ("industry", client.industry_name),
        ("owner", client.owner_name),
    ):
        if value:
            print(f"  {msg('field.' + key)}: {printable(value)}")
    print(f"  {msg('cli.completeness')}: {fresh.score} %")
    if fresh.stale:
        dates = ", ".join(
            f"{msg('field.' + item)} ({fresh.confirmations[item].confirmed_at.astimezone():%d.%m.%Y})"
            for item in fresh.stale
        )
        print(f"  {msg('cli.stale', months=fresh.months)}: {dates}")
    for person in people:
        print(
            printable(
                f"  - {person.full_name}{', ' + person.position if person.position else ''}"
                f"{'  ' + ', '.join(person.phones) if person.phones else ''}"
            )
        )
    return EXIT_OK


def _client_trash(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.services import clients

    clients.trash_client(_uow(database), args.id)
    return EXIT_OK


def _client_confirm(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.services import freshness

    done = freshness.confirm_on_card(_uow(database), args.id, args.field or FRESH_ITEMS)
    if args.json:
        _emit_json({"confirmed": done})
    else:
        print(msg("cli.confirmed", fields=", ".join(str(msg("field." + f)) for f in done) or "—"))
    return EXIT_OK


def _client_restore(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.services import clients

    clients.restore_client(_uow(database), args.id)
    return EXIT_OK


def _client_set(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.domain.queries import ClientQuery, ClientSort
    from salesdesk.services import bulk_actions, reference

    _refuse(search_problem(args.search))
    uow = _uow(database)
    change = bulk_actions.BulkChange(
        owner_id=_manager_id(database, args.owner),
        no_owner=args.no_owner,
        status=ClientStatus(args.status) if args.status else None,
        industry_id=reference.find_industry(uow, args.industry).id if args.industry else None,
        add_tags=tuple(args.add_tag),
        remove_tags=tuple(args.remove_tag),
    )
    if change.empty:
        _refuse(FieldProblem("bulk", msg("err.bulk.nothing")))
    query = ClientQuery(text=args.search, sort=ClientSort.RELEVANCE) if args.search.strip() else None
    if not args.ids and query is None:
        _refuse(FieldProblem("bulk", msg("err.bulk.none_chosen")))
    ids = bulk_actions.chosen_ids(uow, args.ids, query)
    result = bulk_actions.apply(uow, ids, change) if ids else None
    changed = result.changed if result is not None else 0
    if args.json:
        _emit_json({"changed": changed})
    else:
        print(msg("cli.bulk_changed", n=changed))
    return EXIT_OK


def _client_merge(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.domain.errors import NotFoundError
    from salesdesk.services import merging

    try:
        keep, other, counts = merging.merge_preview(_uow(database), args.keep, args.other)
    except NotFoundError as exc:  # a number that is not there is bad input: nothing to merge
        print(str(exc), file=sys.stderr)
        return EXIT_INVALID
    names = {"other": other.name, "other_id": other.id, "keep": keep.name, "keep_id": keep.id}
    if not args.yes:
        print(printable(str(msg("cli.merge.plan", **names, **counts))), file=sys.stderr)
        print(msg("cli.merge.need_yes"), file=sys.stderr)
        return EXIT_INVALID
    merged = merging.merge_clients(_uow(database), keep.id, keep.version, other.id, other.version)
    if args.json:
        _emit_json({"kept": merged.kept, "trashed": merged.trashed, "moved": merged.counts()})
    else:
        moved = merged.counts()
        print(printable(str(msg("cli.merge.done", **names, **moved))))
    return EXIT_OK


def _duplicates(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.services import merging

    groups = merging.duplicate_groups(_uow(database))
    if args.json:
        _emit_json([g.as_json() for g in groups])
        return EXIT_OK
    if not groups:
        print(msg("cli.duplicates.none"))
        return EXIT_OK
    for group in groups:
        reasons = ", ".join(str(msg("duplicates.reason." + r)) for r in group.reasons)
        print(f"{group.score:3d}  {reasons}")
        for ident, name in zip(group.ids, group.names, strict=True):
            print(printable(f"     {msg('cli.number', id=ident)}  {name}"))
    print(msg("cli.duplicates.count", n=len(groups)))
    return EXIT_OK


CONFLICTS_SHOWN = 20
"""How many hand-chosen industries the register disagrees with `enrich` names one by one; the rest
are counted in one line (a big base has hundreds)."""


def _enrich(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.files.errors import FileProblem
    from salesdesk.services import enrichment

    try:
        result = enrichment.enrich(
            _uow(database), args.file, dry_run=args.dry_run, reporter=None if args.json else _PrintingReporter()
        )
    except FileProblem as exc:  # the file is wrong (exit 2), or the moment is (held, unreadable: 1)
        print(str(exc), file=sys.stderr)
        return EXIT_INVALID if exc.bad_input else EXIT_USER
    if args.json:
        _emit_json(result.as_json())
        return EXIT_OK
    if result.conflicts:
        shown = result.conflicts[:CONFLICTS_SHOWN]
        names = _client_names(database, [c.client_id for c in shown])
        industries = {x.id: x.name for x in _industries(database)}
        for conflict in shown:
            line = msg(
                "cli.enrich_conflict",
                name=names.get(conflict.client_id, conflict.client_id),
                industry=industries.get(conflict.industry_id or 0, ""),
                code=conflict.okved_code,
                code_name=conflict.okved_name,
            )
            print(printable(str(line)), file=sys.stderr)
        if len(result.conflicts) > len(shown):
            print(msg("cli.enrich_conflicts_more", n=len(result.conflicts) - len(shown)), file=sys.stderr)
    if result.industries_added:
        print(msg("cli.enrich_industries_added", codes=", ".join(result.industries_added)))
    print(
        msg(
            "cli.enrich_done",
            read=result.read,
            matched=result.matched,
            updated=result.updated,
            missing=result.not_in_register,
        )
    )
    if result.older:
        print(msg("cli.enrich_older", n=result.older))
    if result.part:
        print(msg("cli.enrich_part"))
    if args.dry_run:
        print(msg("cli.enrich_dry_run"))
    return EXIT_OK


def _client_names(database: Database, ids: list[int]) -> dict[int, str]:
    from salesdesk.services import clients

    return {ident: clients.get_client(_uow(database), ident).name for ident in ids}


def _industries(database: Database) -> list[Any]:
    from salesdesk.services import reference

    return reference.list_industries(_uow(database), include_deleted=True)


def _prospects(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.domain.model import ClientStatus
    from salesdesk.domain.register import CATEGORY_NAMES
    from salesdesk.files.errors import FileProblem
    from salesdesk.services import enrichment

    query = enrichment.ProspectQuery(
        okved=args.okved,
        region=(args.region or "").strip(),
        category=CATEGORY_NAMES[args.category] if args.category else None,
        limit=args.limit,
    )
    problems = enrichment.prospect_query_problems(query)
    if problems:
        raise ValidationError(problems)
    try:
        found = enrichment.find_prospects(_uow(database), args.file, query)
    except FileProblem as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INVALID if exc.bad_input else EXIT_USER
    ids: list[int] = []
    if args.add and found:
        ids = enrichment.add_prospects(_uow(database), args.file.name, found, owner_id=_actor().manager_id)
    if args.json:
        shown = [enrichment.prospect_json(record) for record in found]
        for item, ident in zip(shown, ids, strict=False):  # the new clients' numbers, with --add
            item["id"] = ident
        _emit_json(shown)
        return EXIT_OK
    if not found:
        print(msg("cli.prospects_none"))
        return EXIT_OK
    for record in found:
        category = record.category and str(msg(f"register.category.{record.category}")) or ""
        print(printable(f"{record.inn:<12}  {record.okved_code:<8}  {record.region:<2}  {category:<20}  {record.name}"))
    if ids:
        print(msg("cli.prospects_added", n=len(ids), status=ClientStatus.PROSPECT.label))
    else:
        print(msg("cli.prospects_found", n=len(found), limit=args.limit))
    return EXIT_OK


def _manager_add(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.domain.model import ManagerFields
    from salesdesk.services import reference

    result = reference.create_manager(_uow(database), ManagerFields(name=args.name, email=args.email))
    print(result.id)
    return EXIT_OK


def _manager_list(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.services import reference

    for manager in reference.list_managers(_uow(database)):
        email = "  " + manager.email if manager.email else ""
        print(printable(f"{manager.id:>5}  {manager.name}  ({manager.role.label}){email}"))
    return EXIT_OK


def _manager_role(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.domain.model import Role
    from salesdesk.services import permissions

    manager = _manager_id(database, args.name)
    assert manager is not None
    permissions.set_role(_uow(database), manager, Role(args.role))
    print(msg("cli.role_set", name=args.name, role=Role(args.role).label))
    return EXIT_OK


def _manager_rules(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.services import permissions

    rules = permissions.rights(_uow(database)).rules
    if args.export is not None or args.erase is not None:
        rules = permissions.Rules(
            managers_may_export=rules.managers_may_export if args.export is None else args.export == "yes",
            managers_may_erase=rules.managers_may_erase if args.erase is None else args.erase == "yes",
        )
        permissions.set_rules(_uow(database), rules)
    print(msg("cli.rules.export", value=msg("cli.yes" if rules.managers_may_export else "cli.no")))
    print(msg("cli.rules.erase", value=msg("cli.yes" if rules.managers_may_erase else "cli.no")))
    return EXIT_OK


def _manager_me(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.services import permissions
    from salesdesk.settings import SeatSettings

    manager = _manager_id(database, args.name)
    SeatSettings().current_manager_id = manager
    found = permissions.rights(_uow(database))
    assert found.manager is not None
    print(msg("cli.signed_in", name=found.manager.name, role=found.manager.role.label))
    return EXIT_OK


def _row_json(row: ClientRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "name": row.name,
        "kind": row.kind.value,
        "inn": row.inn,
        "phone": row.phone,
        "email": row.email,
        "city": row.city,
        "status": row.status.value,
        "completeness": row.completeness,
    }


def _client_list(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.domain.queries import ClientQuery
    from salesdesk.domain.views import ViewList
    from salesdesk.services import clients, views

    uow = _uow(database)
    query = ClientQuery()
    if args.view:
        query = views.clients_query(uow, views.find_view_of(uow, args.view, ViewList.CLIENTS))
    found = clients.list_view(uow, query, limit=args.limit, with_base_total=False)
    if args.json:
        _emit_json([_row_json(r) for r in found.rows])
        return EXIT_OK
    _print_client_rows(found.rows)
    print(msg("cli.shown_of", shown=len(found.rows), total=found.total), file=sys.stderr)
    return EXIT_OK


def _views(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.services import views

    counted = views.views_with_counts(_uow(database))
    if args.json:
        _emit_json(views.views_json(counted))
        return EXIT_OK
    if not counted:
        print(msg("cli.views_empty"))
    for item in counted:
        view = item.view
        count = msg("cli.view_damaged") if item.count is None else msg("cli.view_count", n=item.count)
        which = msg(f"cli.view_list.{view.list.value}")
        print(f"{view.id!s:>16}  {printable(str(which)):<8}  {printable(view.name):<40.40}  {count}")
    return EXIT_OK


def _print_client_rows(rows: Sequence[ClientRow]) -> None:
    if rows:
        print(
            f"{msg('cli.col.no')!s:>7}  {msg('cli.col.name')!s:<40}  {msg('field.inn')!s:<12}  "
            f"{msg('field.phone')!s:<20}  {msg('cli.col.completeness')}"
        )
    for row in rows:
        print(
            f"{row.id:>7}  {printable(row.name):<40.40}  {printable(row.inn):<12}  {printable(row.phone):<20.20}  "
            f"{row.completeness:>3} %"
        )


def _search(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.services import clients

    _refuse(search_problem(args.text))
    page = clients.search_clients(_uow(database), args.text, limit=args.limit)
    if args.json:
        _emit_json([_row_json(r) for r in page.rows])
        return EXIT_OK
    _print_client_rows(page.rows)
    print(msg("cli.shown_of", shown=len(page.rows), total=page.total), file=sys.stderr)
    return EXIT_OK


class _PrintingReporter:
    def __init__(self) -> None:
        self._last = -1

    def progress(self, done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        if percent // 10 != self._last // 10:
            print(f"  {msg('cli.progress', done=done, total=total)}", file=sys.stderr)
            self._last = percent

    def cancelled(self) -> bool:
        return False


def _import(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.services import importing, vcards

    options = importing.ImportOptions(sheet=args.sheet, on_duplicate=importing.DuplicatePolicy(args.on_duplicate))
    if vcards.is_vcard(args.file):
        if args.sheet is not None or args.mapping is not None:
            _refuse(FieldProblem("file", msg("cli.import.vcf_options")))
        result = vcards.run_vcard_import(
            _uow(database),
            args.file,
            options,
            client_id=args.client,
            dry_run=args.dry_run,
            error_dir=args.error_dir,
            reporter=_PrintingReporter() if not args.json else None,
        )
    else:
        if args.client is not None:
            _refuse(FieldProblem("client", msg("cli.import.client_vcf_only")))
        result = _import_spreadsheet(database, args, options)
    if args.json:
        _emit_json(result.as_json())
        return EXIT_OK
    plan = result.plan
    for row in plan.rows:
        if row.fate is importing.Fate.ERROR:
            print(printable(f"  {row.line:>6}  {row.name[:40]:<40}  {'; '.join(row.reasons)}"), file=sys.stderr)
        elif row.name_differs:  # matched by INN, phone or e-mail under another name: worth a look
            print(printable(f"  {row.line:>6}  {row.name[:40]:<40}  {row.flag()}"), file=sys.stderr)
    print(msg("cli.import.dry" if args.dry_run else "cli.import.done"))
    created = "cli.import.contacts" if args.client is not None else "cli.import.created"
    for key in ("created", "updated", "skipped", "rejected", "repaired"):
        print(f"  {msg(created if key == 'created' else 'cli.import.' + key, n=getattr(result, key))}")
    if plan.names_differ:
        print(f"  {msg('import.names_differ')}: {count_text(plan.names_differ)}")
    if result.error_file is not None:
        print(msg("cli.import.error_file", file=result.error_file))
    return EXIT_OK


def _import_spreadsheet(database: Database, args: argparse.Namespace, options: Any) -> Any:
    from salesdesk.services import importing

    if args.mapping is not None:
        saved = importing.load_mapping(args.mapping)
        _sheet, _names, header_row, _guess = importing.read_headers(args.file, options)
        headers = importing.header_texts(_sheet.rows, header_row)
        options = importing.ImportOptions(
            sheet=args.sheet,
            header_row=header_row,
            on_duplicate=options.on_duplicate,
            mapping=importing.apply_saved_mapping(headers, saved),
        )
    return importing.run_import(
        _uow(database),
        args.file,
        options,
        dry_run=args.dry_run,
        error_dir=args.error_dir,
        reporter=_PrintingReporter() if not args.json else None,
    )


def _export(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.domain.queries import ClientQuery, ClientSort
    from salesdesk.services import exporting

    _refuse(search_problem(args.search))
    query = ClientQuery(text=args.search, sort=ClientSort.RELEVANCE if args.search else ClientSort.NAME)
    if args.file.suffix.lower() in (".vcf", ".vcard"):
        from salesdesk.services import vcards

        cards = vcards.export_contacts(_uow(database), args.file, query=query)
        if args.json:
            _emit_json(cards.as_json())
        else:
            print(msg("cli.export.done_vcf", file=cards.path, clients=cards.clients, contacts=cards.contacts))
        return EXIT_OK
    result = exporting.export_clients(_uow(database), args.file, query=query)
    if args.json:
        _emit_json(result.as_json())
    elif result.path.suffix.lower() == ".csv":  # one sheet: "0 deals" would read as if there were none
        print(msg("cli.export.done_csv", file=result.path, clients=result.clients))
    else:
        print(
            msg(
                "cli.export.done",
                file=result.path,
                clients=result.clients,
                contacts=result.contacts,
                deals=result.deals,
                reminders=result.reminders,
                interactions=result.interactions,
            )
        )
    return EXIT_OK


def _demo(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.services import demo

    result = demo.load_demo(_uow(database), args.clients, seed=args.seed, reporter=_PrintingReporter())
    print(result.clients)
    return EXIT_OK


def _date_arg(text: str | None, field: str) -> date | None:
    """A date as people type it; a clear message (exit status 2) when it is not one."""
    if text is None:
        return None
    value = date_of(text)
    if not isinstance(value, date):
        raise ValidationError([FieldProblem(field, msg("err.date", field=msg(f"field.{field}"), value=text[:40]))])
    _refuse(date_problem(value, field))
    return value


def _refuse(problem: FieldProblem | None) -> None:
    if problem is not None:
        raise ValidationError([problem])


def _when_arg(text: str | None) -> datetime | None:
    """A local date and time ('DD.MM.YYYY HH:MM', 'YYYY-MM-DD HH:MM' or a date alone, at noon)."""
    if text is None:
        return None
    day, _, clock = collapse_spaces(text).partition(" ")
    on = date_of(day)
    try:
        if not isinstance(on, date):
            raise ValueError(text)
        at = time.fromisoformat(clock) if clock else time(12, 0)
    except ValueError:
        raise ValidationError(
            [FieldProblem("occurred_at", msg("err.date", field=msg("field.occurred_at"), value=text[:40]))]
        ) from None
    _refuse(date_problem(on, "occurred_at"))
    return datetime.combine(on, at).astimezone()  # the computer's time zone, as the window does


def _seat_manager(database: Database, name: str) -> int | None:
    """The named manager, or the one this seat works as (chosen in the window's settings)."""
    if name:
        return _manager_id(database, name)
    from salesdesk.settings import SeatSettings

    return SeatSettings().current_manager_id


def _deal_add(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.services import deals, reminders

    amount = parse_amount(args.amount)
    if amount is None:
        raise ValidationError(
            [FieldProblem("amount", msg("err.amount", field=msg("field.amount"), value=args.amount[:40]))]
        )
    _refuse(amount_problem(amount, typed=args.amount))
    closed_on = _date_arg(args.closed, "closed_on")
    # a deal recorded after it closed was opened no later than that: `--closed` alone must not be
    # refused as "before the opening date" because the opening defaulted to today
    opened_default = min(date.today(), closed_on) if closed_on is not None else date.today()
    fields = DealFields(
        title=args.title,
        amount=Money.of(amount, args.currency),
        stage=DealStage(args.stage),
        lost_reason=args.lost_reason,
        opened_on=_date_arg(args.opened, "opened_on") or opened_default,
        closed_on=closed_on,
        contract_end=_date_arg(args.contract_end, "contract_end"),
        owner_id=_seat_manager(database, args.owner),
    )
    if args.renewal_days is not None:
        renewal_days = args.renewal_days
    else:
        from salesdesk.settings import SeatSettings

        renewal_days = SeatSettings().renewal_days
    result = deals.add_deal(_uow(database), args.client, fields, renewal_days=renewal_days)
    renewal = reminders.renewal_of(_uow(database), result.id)
    if args.json:
        _emit_json(
            {
                "id": result.id,
                "renewal_reminder": None
                if renewal is None
                else {"id": renewal.id, "due_at": renewal.due_at.isoformat(), "text": renewal.text},
                "client_status": None
                if result.client_was is None
                else {"was": result.client_was.value, "now": "active"},
            }
        )
        return EXIT_OK
    print(result.id)
    if renewal is not None and fields.contract_end is not None:
        # the sentence the deal editor shows, day off included
        print(deals.renewal_note(fields.contract_end, renewal_days, datetime.now(UTC)), file=sys.stderr)
    if result.client_was is not None:
        from salesdesk.services import clients

        name = clients.get_client(_uow(database), args.client).name
        print(msg("deal.client_activated", name=name, was=result.client_was.label.lower()), file=sys.stderr)
    return EXIT_OK


def _deal_list(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.domain.queries import DealQuery
    from salesdesk.services import deals, reference

    _refuse(search_problem(args.client, "client_filter"))
    uow = _uow(database)
    opened_from, opened_to = _date_arg(args.date_from, "opened_on"), _date_arg(args.date_to, "opened_on")
    if opened_from is not None and opened_to is not None and opened_from > opened_to:
        # said as the reports say it, instead of an empty list that looks like "no deals"
        raise ValidationError(
            [FieldProblem("opened_on", msg("report.err.period", start=args.date_from, end=args.date_to))]
        )
    base = DealQuery()
    if args.view:
        from salesdesk.domain.views import ViewList
        from salesdesk.services import views

        base = views.deals_query(views.find_view_of(uow, args.view, ViewList.DEALS))
    query = dataclasses.replace(
        base,
        stages=frozenset(DealStage(s) for s in args.stage) or base.stages,
        owner_id=_manager_id(database, args.owner) if args.owner else base.owner_id,
        industry_id=reference.find_industry(uow, args.industry).id if args.industry else base.industry_id,
        opened_from=opened_from or base.opened_from,
        opened_to=opened_to or base.opened_to,
        client_text=args.client or base.client_text,
    )
    view = deals.deals_view(uow, query, limit=args.limit)
    if args.json:
        _emit_json(
            [
                {
                    "id": r.id,
                    "client_id": r.client_id,
                    "client": r.client_name,
                    "title": r.title,
                    "stage": r.stage.value,
                    "amount": str(r.amount.amount),
                    "currency": r.amount.currency,
                    "opened_on": r.opened_on,
                    "closed_on": r.closed_on,
                    "contract_end": r.contract_end,
                    "owner": r.owner_name,
                    "industry": r.industry_name,
                }
                for r in view.rows
            ]
        )
        return EXIT_OK
    if view.rows:
        print(
            f"{msg('cli.col.no')!s:>7}  {msg('cli.col.opened')!s:<10}  {msg('cli.col.client')!s:<30}  "
            f"{msg('cli.col.deal')!s:<30}  {msg('cli.col.stage')!s:<12}  {msg('cli.col.amount')!s:>18}"
        )
    for r in view.rows:
        print(
            f"{r.id:>7}  {r.opened_on:%d.%m.%Y}  {printable(r.client_name):<30.30}  {printable(r.title):<30.30}  "
            f"{r.stage.label:<12}  {money_text(r.amount):>18}"
        )
    totals = deals.deal_totals(_uow(database), query)
    sums = "; ".join(money_text(m) for m in totals.amounts)
    print(
        f"{msg('cli.deals_shown', shown=len(view.rows), total=totals.count)}{'  ' + sums if sums else ''}",
        file=sys.stderr,
    )
    return EXIT_OK


def _log(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.services import history

    manager_id = _seat_manager(database, args.manager)
    fields = InteractionFields(
        kind=InteractionKind(args.kind),
        occurred_at=_when_arg(args.at) or datetime.now(UTC),
        summary=args.summary,
        result=args.result,
        manager_id=manager_id,
    )
    plan = None
    if args.next_in is not None or args.next_on is not None:
        plan = history.NextContact(
            text=args.next_text or args.summary, months=args.next_in, on=_date_arg(args.next_on, "due_at")
        )
    logged = history.log_and_plan(
        _uow(database),
        args.client,
        fields,
        close_reminder=args.close_reminder,
        plan=plan,
        manager_id=manager_id,
        reached=args.reached,
    )
    if args.json:
        _emit_json(
            {
                "id": logged.interaction_id,
                "closed_reminder": logged.closed_reminder_id,
                "next_reminder": logged.next_reminder_id,
            }
        )
    else:
        print(logged.interaction_id)
    return EXIT_OK


def _plan_set(database: Database, args: argparse.Namespace) -> int:
    """``salesdesk plan set``: prints the plan as set (or JSON)."""
    from salesdesk.domain import plans as plan_rules
    from salesdesk.services import plans, reference

    if bool(args.month) == bool(args.quarter):
        raise ValidationError([FieldProblem("period", msg("plan.err.one_period"))])
    typed = args.month or args.quarter
    period = plan_rules.parse_month(typed) if args.month else plan_rules.parse_quarter(typed)
    if period is None:
        raise ValidationError([FieldProblem("period", msg("plan.err.period", value=printable(typed[:20])))])
    amount = parse_amount(args.amount)
    if amount is None:
        raise ValidationError(
            [FieldProblem("amount", msg("err.amount", field=msg("field.amount"), value=printable(args.amount[:40])))]
        )
    manager = reference.find_manager(_uow(database), args.manager)
    done = plans.set_plan(_uow(database), manager.id, period, amount, args.currency)
    if args.json:
        _emit_json(
            {
                "id": done.plan_id,
                "manager": manager.name,
                "period": period.code,
                "currency": done.after.currency,
                "amount": str(done.after.amount),
                "before": None if done.before is None else str(done.before.amount),
            }
        )
    elif done.before is None:
        print(msg("plan.set", manager=manager.name, period=period.code, amount=money_text(done.after)))
    else:
        print(
            msg(
                "plan.set_before",
                manager=manager.name,
                period=period.code,
                amount=money_text(done.after),
                before=money_text(done.before),
            )
        )
    return EXIT_OK


def _plan_list(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.services import plans

    found = plans.list_plans(_uow(database))
    if args.json:
        _emit_json(
            [
                {
                    "id": p.id,
                    "manager": p.manager_name,
                    "period": p.period.code,
                    "currency": p.currency,
                    "amount": str(Money.from_minor(p.amount_minor, p.currency).amount),
                }
                for p in found
            ]
        )
        return EXIT_OK
    if not found:
        print(msg("plan.none"))
    for p in found:
        amount = money_text(Money.from_minor(p.amount_minor, p.currency))
        print(f"{printable(p.manager_name):<30}  {p.period.code:<8}  {amount:>20}")
    return EXIT_OK


def _report(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.services import reports

    if args.list:
        for name, title in reports.list_reports():
            info = reports.REPORTS[name]
            by = f"  --by {'|'.join(info.by_choices)}" if info.by_choices else ""
            by += "  --by-date opened|closed" if "counted_by" in info.uses else ""
            print(f"{name:<26}{title}{by}")
        return EXIT_OK
    if not args.name:
        raise UserError(msg("cli.report_name", names=", ".join(reports.REPORTS)))
    if args.name.replace("-", "_") not in reports.REPORTS:  # echoed short and without terminal escapes
        raise UserError(msg("report.err.unknown", name=printable(args.name[:40]), names=", ".join(reports.REPORTS)))
    output = _report_path(args.output)
    if output is not None:  # a path that may not be written is refused before the report is computed
        from salesdesk.services.exporting import check_target

        check_target(output, _uow(database), field="output")
    params = ReportParameters(
        date_from=_date_arg(args.date_from, "date_from"),
        date_to=_date_arg(args.date_to, "date_to"),
        by=args.by,
        days=args.days,
        threshold=args.threshold,
        interaction_days=args.interaction_days,
        deal_days=args.deal_days,
        section=args.section,
        counted_by=reports.parse_counted_by(args.by_date) if args.by_date else None,
        manager_id=_manager_id(database, args.manager),
    )
    report = reports.run_report(_uow(database), args.name.replace("-", "_"), params)
    if output is not None:
        reports.export_report(report, output, _uow(database))
        if not args.json:
            print(output)
    if args.json:
        _emit_json(reports.report_as_json(report))
    elif args.output is None:
        _print_report(report)
    return EXIT_OK


def _report_path(output: Path | None) -> Path | None:
    """Where ``report -o`` writes: the path given, with .xlsx added unless it is there (or the path
    is a folder, which is then refused as such)."""
    if output is None or output.suffix.lower() == ".xlsx" or output.is_dir():
        return output
    return output.with_suffix(".xlsx")


def _manager_id(database: Database, name: str | None) -> int | None:
    """The manager named on the command line (a clear message if there is none of that name)."""
    from salesdesk.services import reference

    return reference.find_manager(_uow(database), name).id if name else None


def _cell_text(value: Any, kind: ColumnKind) -> str:
    if value is None or value == "":
        return "—" if kind is not ColumnKind.TEXT else ""
    if kind is ColumnKind.MONEY:
        return messages.number_text(Decimal(value), 2)
    if kind is ColumnKind.PERCENT:
        return messages.number_text(Decimal(value), 1) + " %"
    if kind is ColumnKind.INTEGER:
        return messages.number_text(Decimal(value), 0)
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    return str(value)


def _print_report(report: Report) -> None:
    """The report as a plain-text table for a terminal: title, parameters, rows, totals, notes."""
    print(report.title)
    for label, value in report.parameters:
        print(printable(f"  {label}: {value}"))
    # names come from the base: an old one may still hold terminal controls
    lines = [
        [printable(_cell_text(v, c.kind)) for v, c in zip(row, report.columns, strict=True)] for row in report.rows
    ]
    if report.totals is not None and report.rows:
        lines.append([_cell_text(v, c.kind) for v, c in zip(report.totals, report.columns, strict=True)])
    header = [c.title for c in report.columns]
    widths = [min(40, max(len(t) for t in column)) for column in zip(header, *lines, strict=True)]
    print()
    for number, line in enumerate([header, *lines]):
        cells = [
            (t if len(t) <= w else t[: w - 1] + "…").ljust(w) if c.kind is ColumnKind.TEXT else t.rjust(w)
            for t, w, c in zip(line, widths, report.columns, strict=True)
        ]
        print("  ".join(cells).rstrip())
        if number == 0 or (report.totals is not None and number == len(lines) - 1 and report.rows):
            print("  ".join("-" * w for w in widths))
    if not report.rows:
        print(msg("cli.report_empty"))
    for note in report.notes:
        print(printable(f"* {note}"))


def _size_text(size: int) -> str:
    mb = f"{size / 1_000_000:.1f}"
    return str(msg("backup.size", mb=mb.replace(".", ",") if messages.language() == "ru" else mb))


def _backup(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.domain.backups import BackupRefused
    from salesdesk.services import backups

    try:
        info = backups.take_backup(_uow(database), "manual", dest=args.dest)  # the seat's manager: their rights
    except BackupRefused as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INVALID
    if args.json:
        _emit_json({"path": str(info.path), "clients": info.clients, "bytes": info.bytes})
    else:
        print(msg("cli.backup.done", path=info.path, n=info.clients or 0, size=_size_text(info.bytes)))
    return EXIT_OK


def _backups(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.services import backups

    found = backups.list_backups(UnitOfWork(database))
    if args.json:
        _emit_json([info.as_json() for info in found])
        return EXIT_OK
    folder = backups.backup_folder()
    if not found:
        print(msg("cli.backups.none", folder=folder))
        return EXIT_OK
    print(msg("cli.backups.folder", folder=folder))
    for info in found:
        state = msg("cli.backups.ok") if info.ok else msg("cli.backups.bad")
        clients = count_text(info.clients) if info.clients is not None else "—"
        print(
            f"  {info.created:%Y-%m-%d %H:%M:%S}  {_size_text(info.bytes):>10}  {clients:>9}  {state}  "
            f"({msg('backup.reason.' + info.reason)})  {info.path.name}"
        )
    return EXIT_OK


def _restore(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.domain.backups import BackupRefused
    from salesdesk.services import backups

    try:
        backups.ensure_restorable(UnitOfWork(database), args.file)  # a server base: its administrator's
        if not args.yes:
            chosen = backups.verified_backup(args.file)  # a wrong file is refused before asking
            if not sys.stdin.isatty():
                print(msg("cli.restore.need_yes"), file=sys.stderr)
                return EXIT_INVALID
            question = msg(
                "cli.restore.confirm",
                where=database.path,
                file=args.file,
                created=f"{chosen.created:%Y-%m-%d %H:%M}",
                n=chosen.clients or 0,
            )
            if input(f"{question} ").strip().lower() not in ("y", "yes", "д", "да"):
                print(msg("cli.restore.cancelled"))
                return EXIT_USER
        result = backups.restore_backup(UnitOfWork(database), args.file)
    except BackupRefused as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INVALID
    if args.json:
        _emit_json(result.as_json())
    else:
        print(
            msg(
                "cli.restore.done", file=result.restored.path, n=result.restored.clients or 0, safety=result.safety.path
            )
        )
    return EXIT_OK


_CHECK_LINES = 10  # of SQLite's integrity report shown on the terminal


def _check(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.services.maintenance import check_database

    report = check_database(database)
    print(f"{msg('cli.check.database')}: {report.url}")
    if report.integrity == "ok":
        print(f"{msg('cli.check.integrity')}: {msg('cli.check.ok')}")
    else:
        # SQLite's own report (in English) can run to hundreds of lines: say what it means in the
        # user's language first, then show the first of SQLite's lines as they are
        problems = [line for line in report.integrity.splitlines() if line.strip()]
        print(f"{msg('cli.check.integrity')}: {msg('cli.check.damaged', n=len(problems))}")
        for line in problems[:_CHECK_LINES]:
            print(f"  {printable(line)}")
        if len(problems) > _CHECK_LINES:
            print(f"  {msg('cli.check.more', n=len(problems) - _CHECK_LINES)}")
    print(msg("cli.check.schema", revision=report.revision, expected=report.expected_revision))
    if report.clients is not None:
        print(msg("cli.check.clients", n=report.clients))
    return EXIT_OK if report.ok else EXIT_USER


def _changes(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.domain.audit import action_label, display_value, entity_label, field_label, via_label
    from salesdesk.services import audit

    day = _date_arg(args.since, "since")
    since = datetime.combine(day, time()).astimezone() if day is not None else None  # the seat's midnight
    records = audit.changes(_uow(database), AuditQuery(client_id=args.client, since=since))
    if args.json:
        _emit_json([r.as_json() for r in records])
        return EXIT_OK
    if not records:
        print(msg("cli.changes_empty"))
    for r in records:
        what = f"{entity_label(r.entity)} {msg('cli.number', id=r.entity_id)}: {action_label(r.action)}"
        if r.erased:
            change = str(msg("audit.erased"))
        elif r.field:
            old, new = display_value(r.entity, r.field, r.old), display_value(r.entity, r.field, r.new)
            change = f"{field_label(r.entity, r.field)}: {printable(old) or '—'} → {printable(new) or '—'}"
        else:
            change = printable(display_value(r.entity, r.field, r.new))
        who = r.manager or msg("audit.no_manager")
        at = r.at.astimezone().strftime("%d.%m.%Y %H:%M")
        print("  ".join(part for part in (at, str(who), what, change, f"({via_label(r)})") if part))
    return EXIT_OK


def _birthdays(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.services import birthdays

    found = birthdays.upcoming(_uow(database), date.today(), args.days)
    if args.json:
        _emit_json(
            [
                {
                    "contact_id": b.contact_id,
                    "name": b.name,
                    "client_id": b.client_id,
                    "client": b.client,
                    "date": b.date.isoformat(),
                    "turns": b.turns,
                }
                for b in found
            ]
        )
        return EXIT_OK
    if not found:
        print(msg("cli.birthdays_empty"))
    for b in found:
        age = str(msg("cli.birthday_turns", turns=b.turns)) if b.turns is not None else ""
        client = f"{printable(b.client)} ({msg('cli.number', id=b.client_id)})"
        print("  ".join(part for part in (b.date.strftime("%d.%m.%Y"), printable(b.name), age, client) if part))
    return EXIT_OK


def _trash_empty(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.services import erasure

    uow = _uow(database)
    if not args.yes:
        counts = erasure.trash_contents(uow, older_than_days=args.older_than)
        if sum(counts.values()) == 0:
            print(msg("trash.empty_nothing"))
            return EXIT_OK
        print(msg("trash.contents", files=counts["attachment"], **_plural_counts(counts)), file=sys.stderr)
        print(msg("erasure.backups_note"), file=sys.stderr)
        print(msg("cli.confirm_yes"), file=sys.stderr)
        return EXIT_INVALID
    result = erasure.empty_trash(
        uow,
        older_than_days=args.older_than,
        manager_id=_seat_manager(database, ""),
    )
    if args.json:
        _emit_json(result.as_json())
    elif result.total == 0:
        print(msg("trash.empty_nothing"))
    else:
        print(msg("trash.emptied", n=result.total))
    return EXIT_OK


def _plural_counts(counts: dict[str, int]) -> dict[str, int]:
    return {
        "clients": counts.get("client", 0),
        "contacts": counts.get("contact", 0),
        "deals": counts.get("deal", 0),
        "reminders": counts.get("reminder", 0),
        "interactions": counts.get("interaction", 0),
    }


def _erase(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.domain.errors import NotFoundError
    from salesdesk.services import backup_erasure, erasure

    entity = args.client_command
    uow = _uow(database)
    try:
        plan = erasure.plan_erasure(uow, entity, args.id)
    except NotFoundError as exc:  # a number that is not there is bad input here: nothing to erase
        print(str(exc), file=sys.stderr)
        return EXIT_INVALID
    if not args.yes:
        print(printable(plan.summary()), file=sys.stderr)
        print(msg("erasure.backups_note"), file=sys.stderr)
        print(msg("cli.confirm_yes"), file=sys.stderr)
        return EXIT_INVALID
    result = backup_erasure.erase_everywhere(
        uow,
        entity,
        args.id,
        ground=args.ground,
        manager_id=_seat_manager(database, ""),
        from_backups=args.from_backups,
    )
    copies = result.backups
    if args.json:
        _emit_json(result.as_json())
    else:
        print(msg("erasure.done", entity=msg(f"erasure.entity.{entity}"), id=args.id, record=result.record_id))
        if result.mentions:
            print(msg("erasure.mentions", n=result.mentions))
        if copies is None:
            print(msg("erasure.backups_note"))
        else:
            print(printable(copies.messages()[0]))
    if copies is not None and copies.skipped:
        if args.json:
            print(printable(copies.messages()[1]), file=sys.stderr)
        else:
            print(printable(copies.messages()[1]))
        return EXIT_USER
    return EXIT_OK


def _erasures(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.services import erasure

    records = erasure.erasure_records(UnitOfWork(database))
    if args.json:
        _emit_json(
            [
                {
                    "at": r.erased_at.isoformat(),
                    "manager": r.manager,
                    "entity": r.entity,
                    "entity_id": r.entity_id,
                    "ground": r.ground,
                    "removed": r.removed,
                }
                for r in records
            ]
        )
        return EXIT_OK
    if not records:
        print(msg("erasure.none"))
    for r in records:
        number = "" if r.entity_id is None else " " + str(msg("cli.number", id=r.entity_id))
        what = f"{msg(f'erasure.entity.{r.entity}')}{number}"
        count = msg("erasure.rows", n=r.removed)
        if r.entity == "backups":  # the copies rewritten after erasure record No. entity_id
            what, count = str(msg("erasure.backups_line", record=r.entity_id)), msg("erasure.copies", n=r.removed)
        print(
            printable(
                f"{r.erased_at.astimezone():%d.%m.%Y %H:%M}  {what}  "
                f"{erasure.ground_label(r.ground)}  {r.manager or '—'}  ({count})"
            )
        )
    return EXIT_OK


def _migrate_to(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.services import connecting

    try:
        result = connecting.move_to(database, args.url, reporter=_PrintingReporter(), actor=_actor)
    except connecting.MoveRefused as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INVALID
    if args.json:
        _emit_json(result.as_json())
    else:
        for table in result.tables:
            mark = "✓" if table.match else "✗"
            print(msg("move.table", table=table.table, source=table.source, target=table.target, mark=mark))
        print(msg("move.done", where=connecting.hidden(result.url), source=database.url.removeprefix("sqlite:///")))
    if result.password_note is not None:  # the seat now opens the server base: say where the password goes
        print(str(result.password_note), file=sys.stderr)
    return EXIT_OK if result.ok else EXIT_USER


def _person_export(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.domain.errors import NotFoundError
    from salesdesk.services.person_export import export_person

    path = _report_path(args.output)
    assert path is not None
    try:
        result = export_person(_uow(database), args.id, path)
    except NotFoundError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INVALID
    if args.json:
        _emit_json(result.as_json())
    else:
        print(msg("person.exported", path=result.path, clients=result.clients, interactions=result.interactions))
    return EXIT_OK


def _calendar_export(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.services.calendar import export_calendar

    path = args.file if args.file.suffix.lower() == ".ics" or args.file.is_dir() else args.file.with_suffix(".ics")
    result = export_calendar(_uow(database), path, manager_id=_manager_id(database, args.manager), days=args.days)
    print(msg("calendar.exported", path=result.path, events=result.events))
    return EXIT_OK


def _attach(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.domain.errors import NotFoundError
    from salesdesk.services import attachments

    try:
        ident = attachments.attach_path(_uow(database), args.id, args.file)
    except NotFoundError as exc:  # a client that is not there is bad input here
        print(str(exc), file=sys.stderr)
        return EXIT_INVALID
    if args.json:
        _emit_json({"id": ident})
    else:
        print(ident)
    return EXIT_OK


def _attachments(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.domain.errors import NotFoundError
    from salesdesk.services import attachments

    try:
        found = attachments.list_files(_uow(database), args.id)
    except NotFoundError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INVALID
    if args.json:
        _emit_json([a.as_json() for a in found])
        return EXIT_OK
    for a in found:
        added = a.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(printable(f"{a.id}\t{a.name}\t{attachments.size_text(a.size)}\t{added}"))
    return EXIT_OK


def _attachment_save(database: Database, args: argparse.Namespace) -> int:
    from salesdesk.domain.errors import NotFoundError
    from salesdesk.services import attachments

    try:
        path = attachments.save_copy(_uow(database), args.id, args.output, overwrite=args.force)
    except NotFoundError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INVALID
    print(msg("files.saved", where=path))
    return EXIT_OK


_HANDLERS: dict[tuple[str, str | None], Callable[[Database, argparse.Namespace], int]] = {
    ("client", "add"): _client_add,
    ("client", "show"): _client_show,
    ("client", "trash"): _client_trash,
    ("client", "set"): _client_set,
    ("client", "restore"): _client_restore,
    ("client", "confirm"): _client_confirm,
    ("client", "merge"): _client_merge,
    ("duplicates", None): _duplicates,
    ("enrich", None): _enrich,
    ("prospects", None): _prospects,
    ("manager", "add"): _manager_add,
    ("manager", "list"): _manager_list,
    ("manager", "role"): _manager_role,
    ("manager", "rules"): _manager_rules,
    ("manager", "me"): _manager_me,
    ("plan", "set"): _plan_set,
    ("plan", "list"): _plan_list,
    ("search", None): _search,
    ("demo", None): _demo,
    ("import", None): _import,
    ("export", None): _export,
    ("check", None): _check,
    ("backup", None): _backup,
    ("backups", None): _backups,
    ("restore", None): _restore,
    ("deal", "add"): _deal_add,
    ("deal", "list"): _deal_list,
    ("client", "list"): _client_list,
    ("views", None): _views,
    ("log", None): _log,
    ("report", None): _report,
    ("changes", None): _changes,
    ("birthdays", None): _birthdays,
    ("trash", "empty"): _trash_empty,
    ("erase", "contact"): _erase,
    ("erase", "client"): _erase,
    ("person", "export"): _person_export,
    ("erasures", None): _erasures,
    ("migrate-to", None): _migrate_to,
    ("calendar", "export"): _calendar_export,
    ("attach", None): _attach,
    ("attachments", None): _attachments,
    ("attachment", "save"): _attachment_save,
}
