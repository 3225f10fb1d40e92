"""Where things live: resources (source tree, wheel or frozen bundle) and the data directory."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP = "frontdesk"


def resource(*parts: str) -> Path:
    """Path of a shipped resource, from the source tree, an installed wheel or a PyInstaller bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    base = Path(frozen) / "frontdesk" / "resources" if frozen else Path(__file__).parent / "resources"
    return base.joinpath(*parts)


def data_home(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data directory: ``--home``, else ``FRONTDESK_HOME``, else the platform's user data directory."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get("FRONTDESK_HOME")
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def log_dir() -> Path:
    """The log directory: ``FRONTDESK_LOG_DIR``, else the platform's user log directory."""
    env = os.environ.get("FRONTDESK_LOG_DIR")
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_log_dir(APP, appauthor=False))


def cache_dir() -> Path:
    """Derived data that can be rebuilt at any time (e.g. the holiday calendar per year)."""
    return Path(platformdirs.user_cache_dir(APP, appauthor=False))
