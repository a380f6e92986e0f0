"""The server password, kept in the system keyring — never in the settings file, a log or a message.

The ``keyring`` library speaks to the system's password store (Windows Credential Manager, macOS
Keychain, the Secret Service of a Linux desktop). A password goes under the service "SalesDesk"
and the key ``user@host:port/database``. The settings keep the URL without it; at the start the
password is fetched from the keyring for that key and put into the URL only for connecting.

Where no store works (a Linux machine without a desktop session: keyring's "fail" backend, or a
locked store that refuses), the password is not remembered at all; libpq's own ``~/.pgpass`` file
(``host:port:database:user:password``, mode 0600) then gives it, since a URL without a password
makes psycopg ask libpq, which reads that file. :func:`pgpass_line` writes the line to put there.
Tests replace the backend with ``keyring.set_keyring`` (an in-memory one, or the failing one).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from salesdesk.store.servers import ServerAddress, address_of, is_server_url, password_of, with_password

log = logging.getLogger(__name__)

SERVICE = "SalesDesk"


def _keyring() -> object | None:
    try:
        import keyring
    except ImportError:  # the .[postgres] extra is not installed
        return None
    return keyring


def keyring_available() -> bool:
    """Whether a real password store is there (keyring's "fail" and "null" backends are not)."""
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        backend = keyring.get_keyring()  # type: ignore[attr-defined]
        priority = float(getattr(backend, "priority", 0))
    except Exception:  # noqa: BLE001 - a broken backend is no backend
        return False
    name = type(backend).__module__
    return priority > 0 and not name.startswith(("keyring.backends.fail", "keyring.backends.null"))


def remember(address: ServerAddress, password: str) -> str | None:
    """Keep *password* for *address* in the keyring; None when kept, else why not (no store, the
    store refused), never mentioning the password."""
    keyring = _keyring()
    if keyring is None or not keyring_available():
        return "no keyring"
    try:
        keyring.set_password(SERVICE, address.key, password)  # type: ignore[attr-defined]
    except Exception as exc:  # noqa: BLE001 - keyring's errors vary by backend; say which kind only
        log.warning("the keyring did not keep the password: %s", type(exc).__name__)
        return type(exc).__name__
    return None


def forget(address: ServerAddress) -> None:
    keyring = _keyring()
    if keyring is None or not keyring_available():
        return
    try:
        keyring.delete_password(SERVICE, address.key)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - nothing kept, nothing to forget
        pass


def remembered(address: ServerAddress) -> str | None:
    """The password kept for *address*, None when there is none (or no store)."""
    keyring = _keyring()
    if keyring is None or not keyring_available():
        return None
    try:
        password = keyring.get_password(SERVICE, address.key)  # type: ignore[attr-defined]
    except Exception as exc:  # noqa: BLE001
        log.warning("the keyring could not be read: %s", type(exc).__name__)
        return None
    return str(password) if password else None


def url_for_connecting(url: str) -> str:
    """*url* with the kept password in it, when it is a server URL without one and the keyring has
    one for it; anything else as it is (libpq's ~/.pgpass is then the place)."""
    if not is_server_url(url) or password_of(url):
        return url
    try:
        address = address_of(url)
    except Exception:  # noqa: BLE001 - a malformed URL is refused where it is opened
        return url
    return with_password(url, remembered(address))


def pgpass_path() -> Path:
    if os.name == "nt":
        return Path(os.environ.get("APPDATA", "~")).expanduser() / "postgresql" / "pgpass.conf"
    return Path(os.environ.get("PGPASSFILE") or "~/.pgpass").expanduser()


def pgpass_line(address: ServerAddress) -> str:
    """The ~/.pgpass line for *address*, with ``PASSWORD`` where the user writes theirs."""

    def escaped(value: str) -> str:
        return value.replace("\\", "\\\\").replace(":", "\\:")

    return ":".join(escaped(v) for v in (address.host, str(address.port), address.database, address.user)) + ":PASSWORD"
