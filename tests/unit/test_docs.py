"""The repository stands alone: its documents link to files that exist, and nothing in it sends a
reader to notes kept outside it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "benchmarks" / "README.md"]

# [text](target) and ![alt](target); a target may carry a "title" after a space
_LINK = re.compile(r"!?\[[^\]]*\]\(\s*(?:<([^>]+)>|([^)\s]+))(?:\s+\"[^\"]*\")?\s*\)")
_OUTSIDE = re.compile(r"DOMAIN\.md|ENVIRONMENT\.md|STYLE\.md|\.\./shared|/work/shared")


def relative_links(text: str) -> list[str]:
    links = []
    for bracketed, bare in _LINK.findall(text):
        target = bracketed or bare
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("#"):
            continue  # a URL (https:, mailto:) or a heading of the same page
        links.append(unquote(target.split("#", 1)[0]))
    return links


def test_the_link_finder_sees_relative_links_only() -> None:
    spaced = "docs/notes of the office" + ".md"  # a made-up name with spaces, kept out of the file list
    text = (
        'See [the map](docs/architecture.md#layers), ![pic](docs/screenshots/main_en.png "Main"), '
        f"[site](https://example.org/README.md), [here](#top) and [spaced](<{spaced}>)."
    )
    assert relative_links(text) == ["docs/architecture.md", "docs/screenshots/main_en.png", spaced]


def test_the_architecture_map_is_there_and_linked_from_the_readme() -> None:
    assert (ROOT / "docs" / "architecture.md").is_file()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    developers = readme.split("## For developers", 1)[1]
    assert "docs/architecture.md" in relative_links(developers)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_points_at_a_file_that_exists(document: Path) -> None:
    missing = [
        link for link in relative_links(document.read_text(encoding="utf-8")) if not (document.parent / link).exists()
    ]
    assert not missing, f"{document.relative_to(ROOT)} links to missing files: {missing}"


def _tracked_and_new_files() -> list[Path]:
    done = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("not a git checkout")
    return [ROOT / name for name in done.stdout.decode().split("\0") if name]


def test_no_file_refers_to_notes_outside_the_repository() -> None:
    found = []
    for path in _tracked_and_new_files():
        if path == Path(__file__).resolve() or not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # pictures, compiled translations
        for number, line in enumerate(text.splitlines(), 1):
            if _OUTSIDE.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "point these at docs/ instead:\n" + "\n".join(found)


GUIDES = {"ru": ROOT / "docs" / "user_guide_ru.md", "en": ROOT / "docs" / "user_guide_en.md"}
IMAGES = ROOT / "docs" / "images"


def _guide_images(lang: str) -> set[Path]:
    guide = GUIDES[lang]
    return {
        (guide.parent / link).resolve()
        for link in relative_links(guide.read_text(encoding="utf-8"))
        if link.lower().endswith(".png")
    }


def test_the_user_guides_are_linked_from_the_readme_and_the_map() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    top = readme.split("\n## ", 1)[0]  # before the first section: where a new user looks
    architecture = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for guide in GUIDES.values():
        assert guide.is_file()
        assert f"docs/{guide.name}" in relative_links(top)
        assert guide.name in relative_links(architecture)


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_a_guide_shows_pictures_that_exist_in_its_own_language(lang: str) -> None:
    pictures = _guide_images(lang)
    assert len(pictures) >= 10, "the guide shows the real program"
    missing = sorted(str(p.relative_to(ROOT)) for p in pictures if not p.is_file())
    assert not missing, f"user_guide_{lang}.md shows missing pictures: {missing}"
    elsewhere = sorted(p.name for p in pictures if p.parent != IMAGES or not p.stem.endswith(f"_{lang}"))
    assert not elsewhere, f"user_guide_{lang}.md shows pictures of another language or folder: {elsewhere}"


def test_every_picture_in_docs_images_is_shown_by_a_guide() -> None:
    shown = _guide_images("ru") | _guide_images("en")
    unused = sorted(p.name for p in IMAGES.iterdir() if p.resolve() not in shown)
    assert not unused, f"docs/images holds pictures no guide shows (remove them or show them): {unused}"


def test_the_guides_pictures_stay_light() -> None:
    sizes = {p.name: p.stat().st_size for p in IMAGES.glob("*.png")}
    assert sum(sizes.values()) < 3_000_000, f"docs/images weighs {sum(sizes.values()):,} bytes"
    heavy = sorted(name for name, size in sizes.items() if size > 200_000)
    assert not heavy, f"quantise these (tools/guide_screenshots.py does): {heavy}"


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_a_guides_contents_lead_to_its_chapters(lang: str) -> None:
    text = GUIDES[lang].read_text(encoding="utf-8")
    anchors = {_slug(line.lstrip("#")) for line in text.splitlines() if line.startswith("#")}
    targets = re.findall(r"\]\(#([^)]+)\)", text)
    assert len(targets) >= 13, "a contents list of every chapter"
    assert not [t for t in targets if t not in anchors], f"user_guide_{lang}.md: no such chapter"
