"""Files on a client (issue 15): attach, list, open, save a copy, rename, trash and restore.

The bytes live inside the base (``attachments.content``), so a backup, a copy to a server and the
server itself carry them. Each file's SHA-256 is stored when it is attached and checked whenever its
bytes are read back: a damaged file is refused, never handed out as if it were whole. A file larger
than ``MAX_BYTES`` is refused in words before it is read. Files go to the trash like everything
else; emptying the trash (or erasing the client) deletes their bytes for good
(``store/erasure.py``). The audit trail names the files, never their contents.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from salesdesk.domain.attachments import MAX_BYTES, Attachment, clean_name, content_hash, safe_file_name
from salesdesk.domain.errors import FieldProblem, NotFoundError, UserError, ValidationError
from salesdesk.domain.messages import msg
from salesdesk.domain.numbers import count_text, number_text
from salesdesk.files.temporary import own_prefix
from salesdesk.paths import make_private_dir, make_private_file
from salesdesk.services.common import set_deleted, utcnow
from salesdesk.services.exporting import check_target
from salesdesk.store import UnitOfWork

# What the card hears when its files change (``Changes.touches(client_id, FILES)``).
FILES = "files"


@dataclass(frozen=True, slots=True)
class FileContent:
    """A file and its bytes, checked against the stored hash."""

    attachment: Attachment
    data: bytes


_MB = 1024 * 1024


def _megabytes(size: int) -> str:
    if size % _MB == 0:
        return number_text(size // _MB)
    return number_text(Decimal(size) / _MB, 1)


def _refuse_size(name: str, size: int) -> None:
    if size > MAX_BYTES:
        raise ValidationError(
            [
                FieldProblem(
                    "file",
                    msg("files.err.too_big", name=name, size=_megabytes(size), limit=_megabytes(MAX_BYTES)),
                )
            ]
        )


def attach_bytes(
    uow: UnitOfWork,
    client_id: int,
    name: str,
    data: bytes,
    *,
    deal_id: int | None = None,
    now: datetime | None = None,
) -> int:
    """Attach *data* under *name* (cleaned: no folders, no control characters) to the client, or to
    one of its deals; returns the new file's id."""
    shown = clean_name(name)
    _refuse_size(shown, len(data))
    with uow:
        if uow.clients.is_deleted(client_id):
            raise UserError(msg("files.err.client_in_trash", id=client_id))
        if deal_id is not None and uow.deals.client_of(deal_id) != client_id:
            raise NotFoundError("deal", deal_id)
        ident = uow.attachments.add(client_id, deal_id, shown, data, content_hash(data), now or utcnow())
        uow.record("attachment", ident, "created", client=client_id, after={"name": shown})
        uow.record("client", client_id, FILES)
        uow.commit()
    return ident


def read_file(path: Path) -> bytes:
    """The bytes of a file the user chose, refused in words when it is missing, not a file, or too
    big (checked before reading it)."""
    try:
        info = path.stat()
        if not path.is_file():
            raise ValidationError([FieldProblem("file", msg("files.err.not_a_file", where=str(path)))])
        _refuse_size(path.name, info.st_size)
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError as exc:
        raise ValidationError([FieldProblem("file", msg("files.err.no_file", where=str(path)))]) from exc
    except OSError as exc:
        raise ValidationError(
            [FieldProblem("file", msg("files.err.unreadable", where=str(path), reason=exc.strerror or str(exc)))]
        ) from exc
    _refuse_size(path.name, len(data))  # it grew while being read
    return data


def attach_path(uow: UnitOfWork, client_id: int, path: Path, *, deal_id: int | None = None) -> int:
    """Attach the file at *path* (its name as the file's name)."""
    return attach_bytes(uow, client_id, path.name, read_file(path), deal_id=deal_id)


def list_files(uow: UnitOfWork, client_id: int, *, include_deleted: bool = False) -> list[Attachment]:
    """The client's files, newest first (``NotFoundError`` when there is no such client)."""
    with uow.reading():
        uow.clients.version_of(client_id)
        return uow.attachments.list_for(client_id, include_deleted=include_deleted)


def get_file(uow: UnitOfWork, attachment_id: int) -> Attachment:
    with uow.reading():
        return uow.attachments.get(attachment_id)


def read_content(uow: UnitOfWork, attachment_id: int) -> FileContent:
    """A file's bytes, checked against its hash (``UserError`` when they do not match)."""
    with uow.reading():
        found = uow.attachments.get(attachment_id)
        data = uow.attachments.content(attachment_id)
    if len(data) != found.size or content_hash(data) != found.sha256:
        raise UserError(msg("files.err.damaged", name=found.name, id=attachment_id))
    return FileContent(found, data)


def _write(target: Path, data: bytes) -> None:
    """All the bytes or none: a temporary file beside *target*, then renamed over it."""
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        with temporary.open("xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise ValidationError(
            [FieldProblem("output", msg("files.err.cannot_write", where=str(target), reason=exc.strerror or str(exc)))]
        ) from exc


def save_copy(uow: UnitOfWork, attachment_id: int, target: Path, *, overwrite: bool = False) -> Path:
    """Write the file's exact bytes to *target*; a folder gets the file's (made safe) name inside it.
    An existing file is refused unless *overwrite*; the open base and databases always are."""
    content = read_content(uow, attachment_id)
    if target.is_dir():
        target = target / safe_file_name(content.attachment.name)
    check_target(target, uow, field="output")
    if target.exists() and not overwrite:
        raise ValidationError([FieldProblem("output", msg("files.err.exists", where=str(target)))])
    _write(target, content.data)
    return target


def copy_for_opening(uow: UnitOfWork, attachment_id: int, folder: Path) -> Path:
    """A copy of the file to open with the program the system chooses, in a private folder of its own
    under *folder* (SalesDesk's temporary folder) and named safely; the copy is read-only."""
    content = read_content(uow, attachment_id)
    make_private_dir(folder)
    own = folder / f"{own_prefix('salesdesk-')}file-{attachment_id}-{secrets.token_hex(4)}"
    make_private_dir(own)
    target = own / safe_file_name(content.attachment.name)
    _write(target, content.data)
    make_private_file(target)
    target.chmod(0o400)
    return target


def rename_file(uow: UnitOfWork, attachment_id: int, name: str) -> int:
    """Give the file another name (cleaned the same way); returns its new version."""
    new = clean_name(name)
    if not name.strip():
        raise ValidationError([FieldProblem("name", msg("files.err.empty_name"))])
    with uow:
        found = uow.attachments.get(attachment_id)
        if new == found.name:
            return found.version
        version = uow.attachments.rename(attachment_id, found.version, new)
        uow.record(
            "attachment",
            attachment_id,
            "updated",
            client=found.client_id,
            before={"name": found.name},
            after={"name": new},
        )
        uow.record("client", found.client_id, FILES)
        uow.commit()
    return version


def trash_file(uow: UnitOfWork, attachment_id: int, *, now: datetime | None = None) -> int:
    return set_deleted(uow, lambda u: u.attachments, "attachment", [attachment_id], now or utcnow(), client_part=FILES)[
        0
    ]


def restore_file(uow: UnitOfWork, attachment_id: int) -> int:
    return set_deleted(uow, lambda u: u.attachments, "attachment", [attachment_id], None, client_part=FILES)[0]


def size_text(size: int) -> str:
    """A file's size as people say it: bytes, KB or MB (in the current language)."""
    if size < 1024:
        return str(msg("files.size.bytes", n=count_text(size)))
    if size < 1024 * 1024:
        return str(msg("files.size.kb", n=number_text(round(size / 1024))))
    return str(msg("files.size.mb", n=_megabytes(size)))
