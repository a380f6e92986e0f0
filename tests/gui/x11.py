"""Just enough Xlib (through ctypes, no extra package) for a test to watch a real X server: wait
for a window to be mapped, read its class and geometry, and ask it to close as the ✕ button of a
window manager does (a WM_DELETE_WINDOW client message)."""

from __future__ import annotations

import ctypes
import ctypes.util
import select
import time
from dataclasses import dataclass

_SUBSTRUCTURE_NOTIFY = 1 << 19
_MAP_NOTIFY = 19
_CLIENT_MESSAGE = 33


class _MapEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", ctypes.c_ulong),
        ("window", ctypes.c_ulong),
        ("override_redirect", ctypes.c_int),
    ]


class _ClientMessage(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class _Event(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("map", _MapEvent), ("client", _ClientMessage), ("pad", ctypes.c_long * 24)]


class _ClassHint(ctypes.Structure):
    _fields_ = [("res_name", ctypes.c_void_p), ("res_class", ctypes.c_void_p)]  # Xlib's memory: XFree


@dataclass(frozen=True)
class Geometry:
    x: int
    y: int
    width: int
    height: int


def _xlib() -> ctypes.CDLL:
    name = ctypes.util.find_library("X11") or "libX11.so.6"
    lib = ctypes.CDLL(name)
    lib.XOpenDisplay.restype = ctypes.c_void_p
    lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    lib.XDefaultRootWindow.restype = ctypes.c_ulong
    lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    lib.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
    lib.XConnectionNumber.argtypes = [ctypes.c_void_p]
    lib.XPending.argtypes = [ctypes.c_void_p]
    lib.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(_Event)]
    lib.XGetClassHint.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(_ClassHint)]
    lib.XFree.argtypes = [ctypes.c_void_p]
    lib.XInternAtom.restype = ctypes.c_ulong
    lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    lib.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.POINTER(_Event)]
    lib.XFlush.argtypes = [ctypes.c_void_p]
    lib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    uint = ctypes.POINTER(ctypes.c_uint)
    lib.XGetGeometry.argtypes = [
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_int),
        ctypes.POINTER(ctypes.c_int),
        uint,
        uint,
        uint,
        uint,
    ]
    return lib


class XServer:
    """A client connection to the X server on *display* (":N")."""

    def __init__(self, display: str) -> None:
        self.lib = _xlib()
        self.dpy = self.lib.XOpenDisplay(display.encode())
        if not self.dpy:
            raise OSError(f"cannot connect to the X server {display}")
        self.root = self.lib.XDefaultRootWindow(self.dpy)
        # top-level windows are the root's children: their mapping is reported to the root
        self.lib.XSelectInput(self.dpy, self.root, _SUBSTRUCTURE_NOTIFY)
        self.lib.XSync(self.dpy, 0)

    def close(self) -> None:
        self.lib.XCloseDisplay(self.dpy)

    def window_class(self, window: int) -> str:
        hint = _ClassHint()
        if not self.lib.XGetClassHint(self.dpy, window, ctypes.byref(hint)):
            return ""
        value = ctypes.string_at(hint.res_class).decode(errors="replace") if hint.res_class else ""
        for pointer in (hint.res_name, hint.res_class):
            if pointer:
                self.lib.XFree(pointer)
        return value

    def wait_mapped(self, window_class: str, timeout: float, alive: object = None) -> int | None:
        """The first top-level window of *window_class* mapped (shown) on the screen, waiting for
        the server's MapNotify event up to *timeout* seconds; None if none came, or as soon as
        ``alive()`` says the program has gone."""
        deadline = time.monotonic() + timeout
        fd = self.lib.XConnectionNumber(self.dpy)
        event = _Event()
        while True:
            while self.lib.XPending(self.dpy):
                self.lib.XNextEvent(self.dpy, ctypes.byref(event))
                if (
                    event.type == _MAP_NOTIFY
                    and not event.map.override_redirect
                    and self.window_class(event.map.window) == window_class
                ):
                    return int(event.map.window)
            left = deadline - time.monotonic()
            if left <= 0 or (callable(alive) and not alive()):
                return None
            select.select([fd], [], [], min(left, 0.5))  # woken by the next event from the server

    def geometry(self, window: int) -> Geometry:
        root = ctypes.c_ulong()
        x, y = ctypes.c_int(), ctypes.c_int()
        w, h, border, depth = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
        self.lib.XGetGeometry(
            self.dpy,
            window,
            ctypes.byref(root),
            ctypes.byref(x),
            ctypes.byref(y),
            ctypes.byref(w),
            ctypes.byref(h),
            ctypes.byref(border),
            ctypes.byref(depth),
        )
        return Geometry(x.value, y.value, w.value, h.value)

    def ask_to_close(self, window: int) -> None:
        """What a window manager sends when the user clicks the window's ✕."""
        event = _Event()
        event.client.type = _CLIENT_MESSAGE
        event.client.window = window
        event.client.message_type = self.lib.XInternAtom(self.dpy, b"WM_PROTOCOLS", 0)
        event.client.format = 32
        event.client.data[0] = self.lib.XInternAtom(self.dpy, b"WM_DELETE_WINDOW", 0)
        event.client.data[1] = 0  # CurrentTime
        self.lib.XSendEvent(self.dpy, window, 0, 0, ctypes.byref(event))
        self.lib.XFlush(self.dpy)
