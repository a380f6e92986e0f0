"""What the desktop package (salesdesk.spec) carries: the files SalesDesk loads at run time, and
the parts of Qt it leaves out. Kept apart from the spec so that a test can check the data list
against the source tree (tests/unit/test_package_spec.py) without running PyInstaller.

The program uses QtCore, QtGui, QtWidgets and QtCharts (`grep -rn "from PySide6" salesdesk/`);
QtCharts links QtOpenGL, QtOpenGLWidgets and QtDBus; the SVG icon needs QtSvg's plugins. Everything
else PySide6 brings (QML, Quick, PDF, the virtual keyboard, WebEngine, 3D, multimedia...) is left
out, with its plugins, QML files and translations. QtNetwork stays: QLocalServer/QLocalSocket
keep one window per base."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Any

# (source in the repository, folder inside the package); loaded from disk at run time
DATAS: list[tuple[str, str]] = [
    ("salesdesk/resources", "salesdesk/resources"),  # .qm translations, icons
    ("salesdesk/store/migrations", "salesdesk/store/migrations"),  # Alembic reads these scripts itself
    # Help → User guide opens these (salesdesk/desktop.py looks in the bundle's docs folder)
    ("docs/user_guide_ru.md", "docs"),
    ("docs/user_guide_en.md", "docs"),
    ("docs/images", "docs/images"),
]

# Python modules the analysis must not follow (PySide6 modules the program never imports; tools).
UNUSED_QT = [
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtBluetooth",
    "QtDataVisualization",
    "QtDesigner",
    "QtGraphs",
    "QtGraphsWidgets",
    "QtHelp",
    "QtHttpServer",
    "QtLocation",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNetworkAuth",
    "QtNfc",
    "QtPdf",
    "QtPdfWidgets",
    "QtPositioning",
    "QtPrintSupport",
    "QtQml",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtSvgWidgets",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebEngineQuick",
    "QtWebEngineWidgets",
    "QtWebSockets",
    "QtWebView",
    "QtXml",
]
EXCLUDED_MODULES = [f"PySide6.{name}" for name in UNUSED_QT] + [
    "tkinter",
    "pandas",
    "numpy",
    "psutil",
    "pytest",
    "hypothesis",
    "mypy",
    "PyInstaller",
    "pygments",  # mako's error pages only (Alembic writes no migration in the package)
    # phonenumbers' place names, carriers and time zones (60 MB of tables): SalesDesk checks and
    # formats numbers only (salesdesk/domain/phones.py), which needs phonenumbers.data alone
    "phonenumbers.geocoder",
    "phonenumbers.geodata",
    "phonenumbers.carrier",
    "phonenumbers.carrierdata",
    "phonenumbers.timezone",
    "phonenumbers.tzdata",
]

# Shared libraries, plugins and data of Qt that stay out even when a hook drags them in.
_DROPPED = [
    # Qt libraries of the unused modules (libQt6Pdf.so.6, Qt6Pdf.dll, ...)
    r"(^|/)(lib)?Qt6(3D|Bluetooth|DataVisualization|Designer|Graphs|Help|HttpServer|Location|Multimedia|Nfc|Pdf"
    r"|Positioning|Qml|Quick|RemoteObjects|Scxml|Sensors|SerialBus|SerialPort|SpatialAudio|Sql|StateMachine"
    r"|Test|TextToSpeech|VirtualKeyboard|WebChannel|WebEngine|WebSockets|WebView|ShaderTools|PrintSupport"
    r"|Xml|ChartsQml|LabsAnimation|EglFS|EglFs)[^/]*$",
    r"(^|/)Qt/qml/",  # QML modules
    r"(^|/)Qt/(lib/)?QtWebEngine",  # WebEngine's process and resources
    r"(^|/)Qt/resources/",
    r"(^|/)Qt/libexec/",
    # plugins of the left-out modules, and platforms no desktop uses
    r"(^|/)plugins/(qmltooling|qmllint|multimedia|position|sensors|sqldrivers|texttospeech|webview|geoservices"
    r"|sceneparsers|renderers|renderplugins|geometryloaders|assetimporters|canbus|designer|scxmldatamodel"
    r"|printsupport|networkinformation|tls|egldeviceintegrations)/",
    r"(^|/)plugins/platforminputcontexts/libqtvirtualkeyboardplugin",
    r"(^|/)plugins/imageformats/(lib)?qpdf",
    r"(^|/)plugins/platforms/(lib)?q(eglfs|linuxfb|minimalegl|vnc|vkkhrdisplay)",
    # Qt's own translations other than Russian and English, and of the left-out modules
    r"(^|/)translations/(?!(qt|qtbase)_(ru|en)\.qm$)[^/]+\.qm$",
]
_DROPPED_RE = re.compile("|".join(f"(?:{p})" for p in _DROPPED))


def dropped(destination: str) -> bool:
    """True if the file at *destination* (its path inside the package) is left out."""
    return bool(_DROPPED_RE.search(PurePosixPath(destination.replace("\\", "/")).as_posix()))


def keep(toc: Iterable[Any]) -> list[Any]:
    """The entries of a PyInstaller TOC (destination, source, kind) that the package keeps."""
    return [entry for entry in toc if not dropped(entry[0])]
