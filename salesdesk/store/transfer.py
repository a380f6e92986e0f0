"""Copying a whole base into another, empty one (``salesdesk migrate-to``: SQLite → PostgreSQL).

Every table of the schema is copied in dependency order (a row's references exist before it), ids
kept, in batches read from the source as they are written, so memory stays bounded however big the
base. The source is only read, inside one read transaction (one consistent moment of it). The
target is written in ONE transaction: a failure midway (the server gone, a disk full) rolls all of
it back and leaves the target as it was — an empty base at this program's schema, which the next
attempt accepts.

Before that transaction commits, each table is counted and checksummed on both sides and the two
compared; a difference rolls it back too. The checksum of a table is the sum (mod 2**256) of the
SHA-256 of each row's values as text, normalised the same way on both sides (``None`` as ``\\N``,
booleans as 0/1, times as ISO UTC, everything else ``str``), so the order rows come in and the
way each database types its columns do not spoil the comparison. After the copy the server's id
sequences are moved past the largest id, so the next new row does not collide.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Table, delete, func, insert, inspect, select, text
from sqlalchemy.exc import DBAPIError

from salesdesk.domain.errors import StoreError
from salesdesk.domain.messages import Message, msg
from salesdesk.domain.okved import SECTIONS
from salesdesk.store.database import WRITE_OPTION, Database
from salesdesk.store.schema import DIGIT_WORDS_TABLE, FTS_TABLES_PREFIX, NAME_WORDS_TABLE, metadata
from salesdesk.store.servers import hidden

BATCH_ROWS = 2000
_MODULUS = 2**256

# (table being copied, rows copied so far in all tables, rows in all tables): called after each batch
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class TableCheck:
    """One table compared after the copy: rows and checksum on each side."""

    table: str
    source: int
    target: int
    source_sum: str
    target_sum: str

    @property
    def match(self) -> bool:
        return self.source == self.target and self.source_sum == self.target_sum


def tables() -> list[Table]:
    """The tables of the schema, each after the tables it refers to."""
    return list(metadata.sorted_tables)


class TargetNotEmpty(StoreError):
    """The target holds rows (or tables) of its own: nothing was copied."""


def refuse_unless_empty(target: Database) -> None:
    """A ``TargetNotEmpty`` unless *target* (opened, at this program's schema) holds nothing: no
    rows in any SalesDesk table but the industries the migrations put there untouched, and no table
    that is not SalesDesk's. (An early answer only: :func:`copy_base` checks again under its lock.)"""
    with target.engine.connect() as conn:
        _refuse_unless_empty(conn, hidden(target.url))


def _refuse_unless_empty(conn: Connection, where: str) -> list[int]:
    """The emptiness check on *conn* (inside the caller's transaction); the ids of the seeded
    industries found, the only rows the copy may delete."""
    ours = {t.name for t in tables()} | {"alembic_version"}
    names = set(inspect(conn).get_table_names())
    # the tables the migrations make outside the metadata are ours too: filled by triggers from clients
    ours.update((NAME_WORDS_TABLE, DIGIT_WORDS_TABLE))
    foreign = sorted(n for n in names - ours if not n.startswith(("sqlite_", FTS_TABLES_PREFIX)))
    if foreign:
        raise TargetNotEmpty(msg("err.move_target_foreign", where=where, tables=", ".join(foreign[:5])))
    holding, seeded = [], []
    for table in tables():
        if table.name == "industries":
            found = _seeded_industries(conn, table)
            if found is None:
                holding.append(table.name)
            else:
                seeded = found
        elif conn.execute(select(func.count()).select_from(table)).scalar():
            holding.append(table.name)
    if holding:
        raise TargetNotEmpty(msg("err.move_target_not_empty", where=where, tables=", ".join(holding)))
    return seeded


def _seeded_industries(conn: Connection, table: Table) -> list[int] | None:
    """The ids of the industries when every one is exactly as the migrations seeded it, else None."""
    seeded = {(code, name) for code, name in SECTIONS}
    rows = conn.execute(
        select(table.c.id, table.c.code, table.c.name, table.c.notes, table.c.version, table.c.deleted_at)
    ).all()
    if all((r.code, r.name) in seeded and not r.notes and r.version == 1 and r.deleted_at is None for r in rows):
        return [r.id for r in rows]
    return None


def _lock_target(dst: Connection, copied: Sequence[Table]) -> None:
    """Inside the copy's transaction on a server: no other seat reads or writes these tables until
    it ends (a colleague's save waits, then lands in the moved base). SQLite's ``BEGIN IMMEDIATE``
    (the connection's write option) already keeps other writers out."""
    if dst.dialect.name == "postgresql":
        names = ", ".join(f'"{t.name}"' for t in copied)
        dst.execute(text(f"LOCK TABLE {names} IN ACCESS EXCLUSIVE MODE"))


def copy_base(
    source: Database, target: Database, *, batch: int = BATCH_ROWS, progress: Progress | None = None
) -> list[TableCheck]:
    """Copy every row of *source* into the empty *target* and compare both, table by table.

    Committed only when every table matches; otherwise (or on any error) the target's transaction
    is rolled back and a ``StoreError`` says which tables differ."""
    copied_tables = tables()
    with source.engine.connect() as src, target.engine.connect() as plain:
        dst = plain.execution_options(**{WRITE_OPTION: True})  # SQLite: BEGIN IMMEDIATE
        with src.begin():  # one moment of the source, read only
            totals = {
                t.name: int(src.execute(select(func.count()).select_from(t)).scalar() or 0) for t in copied_tables
            }
            transaction = dst.begin()
            try:
                # the check before (another connection, nothing locked) is repeated under the lock:
                # a row a colleague saved in between is refused, never deleted
                _lock_target(dst, copied_tables)
                seeded = _refuse_unless_empty(dst, hidden(target.url))
                # the industries the target's migration seeded make way for the source's own (same ids)
                industries = next(t for t in copied_tables if t.name == "industries")
                if seeded:
                    dst.execute(delete(industries).where(industries.c.id.in_(seeded)))
                checks = []
                grand_total, done = sum(totals.values()), 0

                def report(table: str, count: int) -> None:
                    if progress is not None:
                        progress(table, done + count, grand_total)

                for table in copied_tables:
                    columns = _common_columns(src, dst, table)
                    count, source_sum = _copy_table(src, dst, table, columns, batch, report)
                    done += count
                    _advance_sequence(dst, table)
                    target_count, target_sum = checksum(dst, table, columns)
                    checks.append(TableCheck(table.name, count, target_count, source_sum, target_sum))
                if not all(c.match for c in checks):
                    transaction.rollback()
                    differ = ", ".join(c.table for c in checks if not c.match)
                    raise StoreError(msg("err.move_mismatch", tables=differ))
                transaction.commit()
            except BaseException:
                if transaction.is_active:
                    transaction.rollback()
                raise
    return checks


def _common_columns(src: Connection, dst: Connection, table: Table) -> list[str]:
    """The schema's columns present on both sides (a column one database keeps for itself, such as
    a server-side search column, is the target's to fill)."""
    on_source = {c["name"] for c in inspect(src).get_columns(table.name)}
    on_target = {c["name"] for c in inspect(dst).get_columns(table.name)}
    return [c.name for c in table.columns if c.name in on_source and c.name in on_target]


def _copy_table(
    src: Connection,
    dst: Connection,
    table: Table,
    columns: Sequence[str],
    batch: int,
    report: Callable[[str, int], None],
) -> tuple[int, str]:
    selected = select(*(table.c[c] for c in columns)).order_by(*table.primary_key.columns)
    result = src.execute(selected, execution_options={"stream_results": True, "yield_per": batch})
    count, total_sum = 0, 0
    for rows in result.partitions(batch):
        values = [dict(zip(columns, row, strict=True)) for row in rows]
        _insert(dst, table, values)
        total_sum = (total_sum + sum(_row_hash(r) for r in rows)) % _MODULUS
        count += len(values)
        report(table.name, count)
    if count == 0:
        report(table.name, 0)
    return count, f"{total_sum:064x}"


def _insert(dst: Connection, table: Table, values: list[dict[str, Any]]) -> None:
    """One batch, in a savepoint: when the server refuses it (a value too long, say), the rows are
    tried one by one to name the one it refuses (``StoreError``; the copy is rolled back)."""
    try:
        with dst.begin_nested():
            dst.execute(insert(table), values)
    except DBAPIError as batch_error:
        for row in values:
            try:
                with dst.begin_nested():
                    dst.execute(insert(table), [row])
            except DBAPIError as error:
                raise StoreError(_refused(table, row, error)) from error
        raise StoreError(_refused(table, values[0], batch_error)) from batch_error


def _refused(table: Table, row: Mapping[str, Any], error: DBAPIError) -> Message:
    """The row the server refused, in words: its table and id, the too-long field when there is one."""
    diag = getattr(error.orig, "diag", None)
    reason = getattr(diag, "message_primary", None) or type(error.orig).__name__
    for name, value in row.items():
        limit = getattr(table.c[name].type, "length", None)
        if isinstance(value, str) and limit is not None and len(value) > limit:
            reason = str(msg("move.row_column", column=name, length=len(value), limit=limit))
            break
    ident = ", ".join(str(row.get(c.name, "?")) for c in table.primary_key.columns)
    return msg("err.move_row_refused", table=table.name, id=ident, reason=reason)


def checksum(conn: Connection, table: Table, columns: Sequence[str] | None = None) -> tuple[int, str]:
    """Rows of *table* and the checksum of their contents (see the module's docstring)."""
    names = list(columns) if columns is not None else [c.name for c in table.columns]
    result = conn.execute(
        select(*(table.c[c] for c in names)), execution_options={"stream_results": True, "yield_per": BATCH_ROWS}
    )
    count, total_sum = 0, 0
    for rows in result.partitions(BATCH_ROWS):
        count += len(rows)
        total_sum = (total_sum + sum(_row_hash(r) for r in rows)) % _MODULUS
    return count, f"{total_sum:064x}"


def _row_hash(row: Iterable[Any]) -> int:
    data = "\x1f".join(_as_text(v) for v in row).encode("utf-8", "surrogatepass")
    return int.from_bytes(hashlib.sha256(data).digest(), "big")


def _as_text(value: Any) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _advance_sequence(conn: Connection, table: Table) -> None:
    """On a server, the next id of *table* comes after the largest copied one."""
    if conn.dialect.name != "postgresql" or "id" not in table.c:
        return
    conn.execute(
        text(
            f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'),"
            f' coalesce((SELECT max(id) FROM "{table.name}"), 0) + 1, false)'
        )
    )


def counts(checks: Iterable[TableCheck]) -> Mapping[str, tuple[int, int, bool]]:
    return {c.table: (c.source, c.target, c.match) for c in checks}
