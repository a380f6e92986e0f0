"""Render the application icon salesdesk/resources/icons/salesdesk.svg to PNGs (16…256 px) and a
Windows .ico next to it. Qt draws the SVG (ImageMagick often lacks an SVG reader); ImageMagick's
`convert` packs the PNGs into the .ico. Run after changing the SVG and commit the results:

    .venv/bin/python tools/make_icons.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "salesdesk" / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - painting needs the application object
    renderer = QSvgRenderer(str(ICONS / "salesdesk.svg"))
    if not renderer.isValid():
        print("salesdesk.svg cannot be read", file=sys.stderr)
        return 1
    pngs = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = ICONS / f"salesdesk-{size}.png"
        image.save(str(path))
        pngs.append(path)
    convert = shutil.which("convert") or shutil.which("magick")
    if convert is None:
        print("ImageMagick (convert) is needed for salesdesk.ico", file=sys.stderr)
        return 1
    ico_sizes = [p for p in pngs if int(p.stem.split("-")[1]) in (16, 24, 32, 48, 64, 256)]
    subprocess.run([convert, *map(str, ico_sizes), str(ICONS / "salesdesk.ico")], check=True)
    print("wrote", ", ".join(p.name for p in pngs), "and salesdesk.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
