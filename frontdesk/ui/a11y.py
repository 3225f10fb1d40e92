"""Accessibility helpers: messages a screen reader speaks, values with their captions, names that match.

- :func:`announce` raises Qt 6's ``QAccessibleAnnouncementEvent`` (AT-SPI ``object:announcement``, what
  Orca speaks) — *polite* by default, *assertive* for errors. Every message label of the app goes through
  :func:`say`, which sets the text, styles it, ties it to its field and announces it.
- :func:`tie` links a message label to the field it is about: the field's accessible description is the
  message, so moving to the field reads it again.
- :func:`caption` makes a caption the buddy/label of a value (``QLabel.setBuddy`` is what Qt's AT-SPI
  bridge exposes as the ``labelled-by`` relation) and names the value after its caption.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QLabel, QWidget

POLITE = QAccessible.AnnouncementPoliteness.Polite
ASSERTIVE = QAccessible.AnnouncementPoliteness.Assertive
_ASSERTIVE_ROLES = ("error", "warning")


def announce(source: QObject, text: str, *, assertive: bool = False) -> None:
    """Ask the screen reader to speak ``text`` now (nothing happens without an assistive technology)."""
    if not text:
        return
    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(ASSERTIVE if assertive else POLITE)
    QAccessible.updateAccessibility(event)


def tie(message: QLabel, field: QWidget) -> None:
    """The message label speaks for ``field``: remembered so :func:`say` updates its description.

    Kept as a Python attribute, not a Qt property: a widget stored in a QVariant by PySide6 6.12 loses a
    reference each time it is read back, and the heap was corrupted after a few hundred reads."""
    message._fd_field = field  # type: ignore[attr-defined]


def say(message: QLabel, text: str, role: str = "", *, speak: bool = True) -> None:
    """Show ``text`` in a message label, styled by ``role`` (ok / warning / error / ""), set it as the
    accessible description of the field it is tied to, and announce it (assertively for problems).

    An empty message hides the label, so it never lends its group's name to a screen reader."""
    from .widgets import set_role

    message.setText(text)
    message.setAccessibleName(text)
    message.setVisible(bool(text))
    set_role(message, role)
    field = getattr(message, "_fd_field", None)
    if isinstance(field, QWidget):
        field.setAccessibleDescription(text)
    if speak and text:
        announce(field if isinstance(field, QWidget) else message, text, assertive=role in _ASSERTIVE_ROLES)


def caption(label: QLabel, value: QWidget, name: str) -> None:
    """``label`` is the visible caption of ``value``: linked (labelled-by) and ``value`` named ``name``."""
    label.setBuddy(value)
    value.setAccessibleName(name)


def plain(text: str) -> str:
    """Visible text without its mnemonic ampersand (an accessible name is the text a user sees)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")
