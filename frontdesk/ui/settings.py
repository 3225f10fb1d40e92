"""The one typed settings object of the desktop app, persisted as JSON in the data directory.

No scattered ``QSettings`` string keys: every preference is a field of :class:`Settings`, read once at
start-up with :func:`load` and written with :func:`save` (atomic replace). Unknown keys in the file are
ignored and invalid values fall back to their defaults, so an old or hand-edited file never stops the app.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from frontdesk.paths import data_home

log = logging.getLogger(__name__)

FILE_NAME = "settings.json"
LANGUAGES = ("sq", "en")
PAPERS = ("roll80", "a5")
DEFAULT_POINT_SIZE = 11
MIN_POINT_SIZE = 8
MAX_POINT_SIZE = 28


@dataclass(frozen=True)
class Settings:
    """Preferences of this workstation (not of a user: a counter PC is shared by shifts)."""

    data_dir: str = ""  # empty: frontdesk.paths.data_home() (FRONTDESK_HOME or the platform directory)
    printer: str = ""  # empty: the system default printer; "none": do not print (reprint later)
    paper: str = "roll80"  # roll80 | a5
    language: str = "sq"  # sq | en — Albanian is the default
    point_size: int = DEFAULT_POINT_SIZE  # application text size
    idle_lock_minutes: int = 10  # 0 disables the automatic lock
    server_url: str = ""  # central server; empty: this workstation works offline only
    sync_interval_seconds: int = 60  # background sync: seconds between cycles after a success
    extra: dict[str, str] = field(default_factory=dict)  # reserved: keeps the file forward-compatible

    def home(self) -> Path:
        return data_home(self.data_dir or None)

    def with_changes(self, **changes: Any) -> Settings:
        return _validated(replace(self, **changes))


def _validated(s: Settings) -> Settings:
    d = Settings()
    changes: dict[str, Any] = {}
    if s.language not in LANGUAGES:
        changes["language"] = d.language
    if s.paper not in PAPERS:
        changes["paper"] = d.paper
    if isinstance(s.point_size, bool) or not isinstance(s.point_size, int):
        changes["point_size"] = d.point_size
    elif not MIN_POINT_SIZE <= s.point_size <= MAX_POINT_SIZE:
        changes["point_size"] = min(MAX_POINT_SIZE, max(MIN_POINT_SIZE, s.point_size))
    if not isinstance(s.idle_lock_minutes, int) or not 0 <= s.idle_lock_minutes <= 240:
        changes["idle_lock_minutes"] = d.idle_lock_minutes
    if (
        isinstance(s.sync_interval_seconds, bool)
        or not isinstance(s.sync_interval_seconds, int)
        or not 5 <= s.sync_interval_seconds <= 3600
    ):
        changes["sync_interval_seconds"] = d.sync_interval_seconds
    for name in ("data_dir", "printer", "server_url"):
        if not isinstance(getattr(s, name), str):
            changes[name] = ""
    return replace(s, **changes) if changes else s


def settings_path(home: Path | None = None) -> Path:
    """``settings.json`` in the data directory (``home`` or the default data directory)."""
    return (home or data_home(None)) / FILE_NAME


def load(path: Path) -> Settings:
    """Settings from ``path``; defaults when the file is missing or unreadable (and say so in the log)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("settings file %s unreadable (%s): using defaults", path, type(exc).__name__)
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    known = {f.name for f in fields(Settings)}
    values = {k: v for k, v in raw.items() if k in known}
    try:
        return _validated(Settings(**values))
    except (TypeError, ValueError):
        return Settings()


def save(settings: Settings, path: Path) -> None:
    """Write atomically (temporary file + replace), so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.part")
    tmp.write_text(json.dumps(asdict(settings), indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


class SettingsStore:
    """Holds the current settings and their file; screens read ``current`` and call ``update``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.current = load(path)

    def update(self, **changes: Any) -> Settings:
        self.current = self.current.with_changes(**changes)
        save(self.current, self.path)
        return self.current
