"""Streaming the tax service's SME register (files/register.py) against a bare parse, same run.

    python benchmarks/bench_enrich.py [--gb 1.0] [--keep]

Target (issue 16): ≥ 50 MB/s of XML, ≤ 2× a bare iterparse pass over the same file, memory that
does not grow with the file.

  * the file: a register XML of at least 1 GB in /tmp, windows-1251 as the tax service writes it,
    legal entities and sole traders in the real element layout, written once (not timed) and
    deleted at the end (unless --keep);
  * etree = xml.etree.ElementTree.iterparse clearing the root after each Документ — the least any
    pass in bounded memory does; lxml = lxml.etree.iterparse(tag="Документ") clearing each element
    and the siblings before it (when lxml is installed: it is not a dependency). The ratios are to
    the faster of the two;
  * ours = RegisterFile(path).raw() reading what enrichment reads of every record (INN, OKVED
    code, category, region, headcount); records = every record built whole (RegisterRecord);
  * enrich = the same stream through services.enrichment's dry run against a base of 10,000
    clients, 2,000 of them in the file (matching by INN, register-wide quartiles);
  * memory: each pass runs in its own process; its peak RSS is printed, and ours is run again on a
    file a tenth the size: the peaks must be about equal.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SECTIONS_SAMPLE = ("62.01", "47.91", "46.90", "41.20", "43.21", "56.10", "68.20", "70.22", "49.41", "10.71")


def _document(n: int, rng: random.Random) -> str:
    code = rng.choice(SECTIONS_SAMPLE)
    region = f"{rng.randint(1, 89):02d}"
    if n % 3:
        who = (
            f'<ОргВклМСП НаимОрг="ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ &quot;КОМПАНИЯ {n}&quot;" '
            f'НаимОргСокр="ООО &quot;КОМПАНИЯ {n}&quot;" ИННЮЛ="{7700000000 + n:010d}" ОГРН="{1027700000000 + n}"/>'
        )
    else:
        who = (
            f'<ИПВклМСП ИННФЛ="{770000000000 + n:012d}" ОГРНИП="{304770000000000 + n}">'
            f'<ФИОИП Фамилия="ИВАНОВ" Имя="ИВАН" Отчество="ИВАНОВИЧ"/></ИПВклМСП>'
        )
    return (
        f'<Документ ИдДок="{n:08x}-1c2d-4e5f-a6b7-c8d9e0f1a2b3" ДатаСост="10.11.2026" ДатаВклМСП="10.08.2016" '
        f'ВидСубМСП="{1 if n % 3 else 2}" КатСубМСП="{1 + n % 3}" ПризНовМСП="2" СведСоцПред="2" ССЧР="{n % 50}">'
        f"{who}"
        f'<СведМН КодРегион="{region}"><Регион Тип="ОБЛАСТЬ" Наим="МОСКОВСКАЯ"/>'
        '<Город Тип="ГОРОД" Наим="ХИМКИ"/></СведМН>'
        f'<СвОКВЭД><СвОКВЭДОсн КодОКВЭД="{code}" НаимОКВЭД="Разработка компьютерного программного обеспечения" '
        f'ВерсОКВЭД="2014"/><СвОКВЭДДоп КодОКВЭД="63.11" НаимОКВЭД="Деятельность по обработке данных, '
        f'предоставление услуг по размещению информации и связанная с этим деятельность" ВерсОКВЭД="2014"/>'
        f"</СвОКВЭД></Документ>\n"
    )


def generate(path: Path, size: int, seed: int = 16) -> int:
    rng = random.Random(seed)
    count = 0
    with path.open("wb") as out:
        out.write(
            '<?xml version="1.0" encoding="windows-1251"?>\n<Файл ИдФайл="bench" ВерсФорм="4.02" '
            'ТипИнф="РЕЕСТРМСП" КолДок="0">\n<ИдОтпр><ФИООтв Фамилия="Иванов" Имя="Иван"/></ИдОтпр>\n'.encode("cp1251")
        )
        while out.tell() < size:
            block = "".join(_document(count + i, rng) for i in range(5000))
            out.write(block.encode("cp1251"))
            count += 5000
        out.write("</Файл>\n".encode("cp1251"))
    return count


# --- the passes, each run in a child process (python bench_enrich.py --pass NAME FILE) -----------


def _bare_lxml(path: Path) -> int:
    from lxml import etree

    n = 0
    for _event, doc in etree.iterparse(str(path), events=("end",), tag="Документ", resolve_entities=False):
        n += 1
        doc.clear(keep_tail=False)
        parent = doc.getparent()
        while doc.getprevious() is not None:
            del parent[0]
    return n


def _bare_etree(path: Path) -> int:
    import xml.etree.ElementTree as ET

    n = 0
    root = None
    for event, element in ET.iterparse(str(path), events=("start", "end")):
        if root is None:
            root = element
        elif event == "end" and element.tag == "Документ":
            n += 1
            root.clear()
    return n


def _ours(path: Path) -> int:
    """The reader as enrichment drives it: every record's INN, OKVED code, category, region and
    headcount (what the register-wide quartiles and the matching need)."""
    from salesdesk.files.register import RegisterFile

    n = 0
    for raw in RegisterFile(path).raw():
        n += 1
        _ = (raw.inn, raw.okved_code, raw.category, raw.region, raw.headcount)
    return n


def _records(path: Path) -> int:
    """Every record built whole (RegisterRecord): the prospect finder's worst case."""
    from salesdesk.files.register import RegisterFile

    return sum(1 for _record in RegisterFile(path).records())


def _enrich_setup(path: Path) -> Callable[[], int]:
    """A base of 10,000 demo clients, 2,000 of them given INNs the file lists (not timed); the
    timed part is the dry run of enrichment over the whole file."""
    import sqlite3

    from salesdesk.services.demo import load_demo
    from salesdesk.services.enrichment import enrich
    from salesdesk.store import UnitOfWork, open_database, resolve_url

    base = path.with_suffix(".sqlite")
    base.unlink(missing_ok=True)
    database = open_database(resolve_url(base))
    load_demo(UnitOfWork(database), 10_000, seed=16)
    con = sqlite3.connect(base)
    con.executemany(
        "UPDATE clients SET inn = ? WHERE id = ?",
        [(f"{7700000000 + n:010d}", ident) for ident, n in zip(range(1, 2001), range(1, 6001, 3), strict=False)],
    )
    con.commit()
    con.close()

    def run() -> int:
        try:
            return enrich(UnitOfWork(database), path, dry_run=True).read
        finally:
            database.dispose()
            base.unlink(missing_ok=True)

    return run


PASSES: dict[str, Callable[[Path], int]] = {
    "lxml": _bare_lxml,
    "etree": _bare_etree,
    "ours": _ours,
    "records": _records,
}
SET_UP: dict[str, Callable[[Path], Callable[[], int]]] = {"enrich": _enrich_setup}


def _child(name: str, path: Path) -> None:
    work = SET_UP[name](path) if name in SET_UP else (lambda: PASSES[name](path))
    start = time.perf_counter()
    count = work()
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    print(json.dumps({"pass": name, "seconds": elapsed, "records": count, "peak_mb": peak}))


def run(name: str, path: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--pass", name, str(path)], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gb", type=float, default=1.0)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--skip-enrich", action="store_true")
    parser.add_argument("--pass", dest="one", choices=sorted([*PASSES, *SET_UP]))
    parser.add_argument("file", nargs="?")
    args = parser.parse_args()
    if args.one:
        _child(args.one, Path(args.file))
        return
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    print(f"commit {commit.stdout.strip()}, python {sys.version.split()[0]}, {os.cpu_count()} cpus")
    folder = Path(tempfile.mkdtemp(prefix="bench-enrich-", dir="/tmp"))
    big, small = folder / "register.xml", folder / "register-tenth.xml"
    try:
        started = time.perf_counter()
        records = generate(big, int(args.gb * 1024**3))
        generate(small, int(args.gb * 1024**3) // 10)
        size_mb = big.stat().st_size / 2**20
        print(f"file: {size_mb:,.0f} MB, {records:,} documents, written in {time.perf_counter() - started:.0f} s")
        try:
            import lxml  # noqa: F401

            bare_names = ["etree", "lxml"]
        except ImportError:
            bare_names = ["etree"]
        names = [*bare_names, "ours", "records"] + ([] if args.skip_enrich else ["enrich"])
        results = {name: run(name, big) for name in names}
        tenth = run("ours", small)
        bare = min(results[name]["seconds"] for name in bare_names)
        print(f"{'pass':<10}{'seconds':>10}{'MB/s':>10}{'× bare':>10}{'peak RSS MB':>14}")
        for name, result in results.items():
            seconds = result["seconds"]
            print(
                f"{name:<10}{seconds:>10.1f}{size_mb / seconds:>10.1f}{seconds / bare:>10.2f}{result['peak_mb']:>14.0f}"
            )
        print(f"ours on a tenth of the file: peak RSS {tenth['peak_mb']:.0f} MB")
        for name in ("ours", "enrich"):
            if name in results:
                mbs = size_mb / results[name]["seconds"]
                ratio = results[name]["seconds"] / bare
                ok = mbs >= 50 and ratio <= 2
                print(f"{name}: {mbs:.0f} MB/s (≥ 50), {ratio:.2f}× bare (≤ 2): {'OK' if ok else 'MISS'}")
        grew = results["ours"]["peak_mb"] - tenth["peak_mb"]
        print(f"memory: ours on 10× the file uses {grew:+.0f} MB more: {'OK' if grew < 20 else 'MISS'}")
    finally:
        if not args.keep:
            for file in (big, small):
                file.unlink(missing_ok=True)
            folder.rmdir()


if __name__ == "__main__":
    main()
