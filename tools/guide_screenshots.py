"""Screenshots of the real SalesDesk window for the user guides (docs/user_guide_ru.md, _en.md).

Usage (from the repository root)::

    python tools/guide_screenshots.py [--lang ru|en|both] [--out docs/images]

It works as ``tools/screenshots.py`` does (its own Xvfb at 1366x768 with the ``xcb`` platform, a
temporary data folder with a demo base of 3,000 clients, the real ``MainWindow``, no sleeping) and
reuses its pictures of the main window, search, a wrong INN, contact persons, the "next contact"
dialog, deals, the import preview, a report and the settings. It adds what the guide needs besides:

* ``changes_<lang>.png`` -- the card's Changes tab after a few edits made as the seat's manager;
* ``export_<lang>.png`` -- the Export dialog;
* ``backups_<lang>.png`` -- File -> Backups... with three verified copies;
* ``trash_<lang>.png`` -- View -> Show the trash, with its "Empty the trash..." button;
* ``erase_<lang>.png`` -- the confirmation of "Erase this client..." for a private person.

Every picture is written as ``<name>_<lang>.png`` and quantised to 256 colours by imagemagick's
``convert`` (when installed), so the two guides' pictures stay under about 3 MB together.
Exit status: 0 when every picture was saved, 1 otherwise.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import screenshots as base  # noqa: E402  (the sibling tool; the guide reuses its session)

if TYPE_CHECKING:
    from salesdesk.store import Database
    from salesdesk.ui.main_window import MainWindow

ROOT = base.ROOT
DEFAULT_OUT = ROOT / "docs" / "images"
say = base.say


@dataclasses.dataclass(frozen=True)
class Extra:
    """What the guide's own pictures show, prepared in the demo base before the window opens."""

    person: int  # a private person or sole trader to erase
    trashed: tuple[int, ...]


def prepare(db: Database, picks: base.Picks) -> Extra:
    """A few edits of the main client made as its manager (for the Changes tab), three backups,
    a few clients in the trash, and a private client for the erasure dialog."""
    from salesdesk.domain.audit import Actor, Via
    from salesdesk.domain.model import ClientFields, ClientKind, ClientStatus
    from salesdesk.domain.queries import ClientQuery
    from salesdesk.services import backups, clients
    from salesdesk.store import UnitOfWork

    def uow() -> UnitOfWork:
        return UnitOfWork(db, actor=lambda: Actor(picks.manager, Via.WINDOW))

    names = [f.name for f in dataclasses.fields(ClientFields)]
    for change in (
        {"phone": "+7 (495) 700-12-34"},
        {"city": "Москва"},
        {"status": ClientStatus.PROSPECT},
    ):
        client = clients.get_client(uow(), picks.main)
        fields = ClientFields(**{name: getattr(client, name) for name in names})
        clients.update_client(uow(), picks.main, client.version, dataclasses.replace(fields, **change))
    now = datetime.now()
    for days, reason in ((2, "daily"), (1, "daily"), (0, "manual")):
        backups.take_backup(uow(), reason, now=now - timedelta(days=days, hours=1))
    rows = clients.list_clients(uow(), ClientQuery(), offset=200, limit=400).rows
    person = next(
        (r.id for r in rows if r.kind in (ClientKind.PERSON, ClientKind.SOLE_TRADER)),
        None,
    )
    if person is None:
        person = clients.create_client(
            uow(), ClientFields(name="Смородинова Анна Павловна", kind=ClientKind.PERSON, phone="+7 916 123-45-67")
        ).id
    trashed = tuple(r.id for r in rows[-4:] if r.id != person)
    clients.trash_clients(uow(), trashed)
    return Extra(person, trashed)


class GuideShooter(base.Shooter):
    extra: Extra

    def run(self) -> None:
        window = self.open_window(self.demo_db, "demo")
        try:
            self.shot("main", lambda: self.main(window))
            self.shot("search", lambda: self.search(window))
            self.shot("card_error", lambda: self.card_error(window))
            self.shot("contacts", lambda: self.contacts(window))
            self.shot("hook", lambda: self.hook(window))
            self.shot("changes", lambda: self.changes(window))
            self.shot("import", lambda: self.import_preview(window))
            self.shot("export", lambda: self.export(window))
            self.shot("backups", lambda: self.backups(window))
            self.shot("erase", lambda: self.erase(window))
            self.shot("trash", lambda: self.trash(window))
            self.shot("settings", lambda: self.settings(window))
            self.shot("deals", lambda: self.deals(window))
            self.shot("reports", lambda: self.reports(window))
        finally:
            self.close_window(window)

    def changes(self, window: MainWindow) -> None:
        self.select(window, self.picks.main)
        card = window.card
        card.tabs.setCurrentIndex(card.tabs.indexOf(card.changes_view))
        base.wait_until(lambda: card.changes_view.model.rowCount() > 0 and base.window_idle(window), "the changes")
        sizes = window.splitter.sizes()
        window.splitter.setSizes([sum(sizes) - 900, 900])  # room for "before" and "after"
        base.pump(300)
        self.save("changes", window.grab().toImage())
        window.splitter.setSizes(sizes)
        card.tabs.setCurrentIndex(0)

    def export(self, window: MainWindow) -> None:
        from salesdesk.ui.export_dialog import ExportDialog

        total = window.model.rowCount()
        dialog = ExportDialog(total, total, 1, window, uow=window.uow)
        dialog.show()
        base.pump()
        self.save("export", base.with_dialog(window, dialog))
        dialog.reject()
        dialog.deleteLater()
        base.pump(50)

    def backups(self, window: MainWindow) -> None:
        from salesdesk.ui.backups_dialog import BackupsDialog

        dialog = BackupsDialog(window)
        dialog.resize(720, 440)
        dialog.show()
        model = dialog.model
        base.wait_until(
            lambda: model.rowCount() > 0 and all("…" not in model.index(r, 4).data() for r in range(model.rowCount())),
            "the copies checked",
        )
        dialog.table.selectRow(0)
        base.pump()
        self.save("backups", base.with_dialog(window, dialog))
        dialog.reject()
        dialog.deleteLater()
        base.pump(50)

    def erase(self, window: MainWindow) -> None:
        from salesdesk.services import erasure
        from salesdesk.ui.erasure_actions import EraseDialog

        self.select(window, self.extra.person)
        plan = erasure.plan_erasure(window.uow(), "client", self.extra.person)
        from PySide6.QtCore import QCoreApplication

        title = QCoreApplication.translate("Erasure", "Erase this client")
        dialog = EraseDialog(window, title, plan.summary(), grounds=True)
        dialog.show()
        base.pump()
        self.save("erase", base.with_dialog(window, dialog))
        dialog.reject()
        dialog.deleteLater()
        base.pump(50)

    def trash(self, window: MainWindow) -> None:
        window.trash_view_action.trigger()  # checks it and shows the trash
        base.wait_until(lambda: base.window_idle(window) and 0 < window.model.rowCount() < 100, "the trash")
        window.table.setCurrentIndex(window.model.index(0, 0))
        base.wait_until(lambda: window.card.client_id is not None and base.window_idle(window), "a trashed card")
        base.pump()
        self.save("trash", window.grab().toImage())
        window.trash_view_action.trigger()
        base.wait_until(lambda: base.window_idle(window) and window.model.rowCount() > 100, "the list again")


def run(langs: list[str], out: Path) -> int:
    scratch = Path(tempfile.mkdtemp(prefix="salesdesk-guide-shots-"))
    os.environ["SALESDESK_DATA_DIR"] = str(scratch / "data")
    os.environ.pop("SALESDESK_DB", None)
    sys.path.insert(0, str(ROOT))
    databases: list[Any] = []
    try:
        from salesdesk import paths

        if not paths.data_dir().resolve().is_relative_to(scratch.resolve()):
            raise RuntimeError(f"refusing to run: the data folder is {paths.data_dir()}, not a temporary one")
        from salesdesk.services.demo import load_demo
        from salesdesk.store import UnitOfWork, open_database, resolve_url
        from salesdesk.ui import i18n
        from salesdesk.ui.application import make_app

        app = make_app([])
        paths.data_dir().mkdir(parents=True, exist_ok=True)
        demo_db = open_database(resolve_url(paths.data_dir() / "salesdesk.sqlite"))
        databases.append(demo_db)
        load_demo(UnitOfWork(demo_db), base.DEMO_CLIENTS, seed=base.DEMO_SEED)
        empty_db = open_database(resolve_url(scratch / "empty.sqlite"))
        databases.append(empty_db)
        picks = base.pick_clients(lambda: UnitOfWork(demo_db))
        extra = prepare(demo_db, picks)
        out.mkdir(parents=True, exist_ok=True)
        failed: list[str] = []
        saved = 0
        for lang in langs:
            i18n.install(app, lang)
            shooter = GuideShooter(app, lang, demo_db, empty_db, picks, out, scratch)
            shooter.extra = extra
            shooter.run()
            saved += len(shooter.saved)
            failed += shooter.failed
        say(f"{saved} pictures saved in {out}")
        for line in failed:
            say(f"failed: {line}")
        return 1 if failed else 0
    finally:
        for database in databases:
            database.dispose()
        shutil.rmtree(scratch, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--lang", choices=("ru", "en", "both"), default="both")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="default: docs/images")
    args = parser.parse_args(argv)
    langs = ["ru", "en"] if args.lang == "both" else [args.lang]
    if os.environ.get("LANG", "C").split(".")[0] in ("", "C", "POSIX") and not os.environ.get("LC_ALL"):
        os.environ["LANG"] = "en_GB.UTF-8"
    with base.display() as where:
        say(f"drawing on {where}")
        return run(langs, args.out.resolve())


if __name__ == "__main__":
    sys.exit(main())
