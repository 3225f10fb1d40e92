"""A whole intake on a real X display with real key events (issue 12): Xvfb at 1366×768, the Albanian
keyboard layout (``setxkbmap al``), xdotool typing as a clerk types — sign-in, personal number, a name with
ë and ç, phone, service, documents, the summary, save — then every page visited, and the window never
asks for more than the screen (its WM_NORMAL_HINTS minimum, its geometry)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from frontdesk import queries, setup
from frontdesk.db import Store

from .helpers import nid
from .xsession import prepare_home, xsession

pytestmark = [pytest.mark.ui, pytest.mark.slow]
SCREEN = (1366, 768)
NAME = "Çlirim Shëmbulli (XDOTOOL)"


def _min_size(x, wid: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    hints = x.run("xprop", "-id", wid, "WM_NORMAL_HINTS")
    m = re.search(r"minimum size: (\d+) by (\d+)", hints)
    assert m, hints
    return int(m.group(1)), int(m.group(2))


def _geometry(x, wid: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    out = x.xdotool("getwindowgeometry", wid)
    m = re.search(r"Geometry: (\d+)x(\d+)", out)
    assert m, out
    return int(m.group(1)), int(m.group(2))


def _type(x, text: str) -> None:  # type: ignore[no-untyped-def]
    # 90 ms between keys: a person, not a barcode scanner (ui/scan.py treats < 50 ms as a scan)
    x.xdotool("type", "--delay", "90", text)


def _keys(x, *keys: str) -> None:  # type: ignore[no-untyped-def]
    for k in keys:
        x.xdotool("key", "--delay", "120", k)
        time.sleep(0.15)


def _wait(fn, timeout: float = 30) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if fn():
            return
        time.sleep(0.3)
    raise AssertionError("timed out")


def test_a_whole_intake_with_real_keys_in_the_albanian_layout(tmp_path: Path, demo_template: Path) -> None:
    home = prepare_home(tmp_path, demo_template)
    number = nid(995)
    with xsession(tmp_path, size=f"{SCREEN[0]}x{SCREEN[1]}", layout="al") as x:
        assert "al" in x.run("setxkbmap", "-display", x.display, "-query")
        app = x.start_app(home)
        login = x.wait_window("hyrja")  # "frontdesk — hyrja" (sign in)
        x.xdotool("windowactivate", "--sync", login, check=False)
        x.xdotool("windowfocus", "--sync", login)
        _type(x, "sporteli")
        _keys(x, "Tab")
        _type(x, "demo1234")
        _keys(x, "Return")
        main = x.wait_window(", sporteli ", timeout=60)  # "frontdesk — {unit}, sporteli {ws}"
        x.xdotool("windowfocus", "--sync", main)
        time.sleep(1.0)
        # the keyboard starts in the personal number field
        _type(x, number)
        _keys(x, "Return")
        _type(x, NAME)  # ë and ç from the Albanian layout's own keys
        _keys(x, "Return")
        _type(x, "0692223344")
        _keys(x, "Return")
        _type(x, "AI-005")
        _keys(x, "Return", "ctrl+d", "ctrl+Return")
        time.sleep(1.0)  # the visit's summary
        _keys(x, "Return")
        store = Store(home / setup.DB_NAME, migrate_schema=False)
        try:
            try:
                _wait(lambda: queries.queue_count(store, queries.QueueFilter(text=number)) == 1, timeout=30)
            except AssertionError:
                shot = tmp_path / "xdotool-failed.png"
                x.run("import", "-display", x.display, "-window", "root", str(shot), check=False)
                raise AssertionError(f"the intake was not saved; the screen: {shot}") from None
            (row,) = queries.queue_page(store, queries.QueueFilter(text=number))
            view = queries.get_request(store, row.receipt_no)
        finally:
            store.close()
        assert view.citizen_name == NAME and view.citizen_phone == "0692223344"
        assert view.service_code == "AI-005" and sorted(view.documents) == ["ID", "PAY", "REQ"]
        # every page, then the window's size against the screen
        for keys in ("ctrl+2", "ctrl+3", "ctrl+t", "ctrl+1", "F1", "Escape"):
            if keys != "Escape":
                x.xdotool("windowfocus", "--sync", main)
            _keys(x, keys)
            time.sleep(0.8)
            min_w, min_h = _min_size(x, main)
            assert min_w <= SCREEN[0] and min_h <= SCREEN[1], (keys, min_w, min_h)
            w, h = _geometry(x, main)
            assert w <= SCREEN[0] and h <= SCREEN[1], (keys, w, h)
        shot = tmp_path / "xdotool-intake.png"
        x.run("import", "-display", x.display, "-window", "root", str(shot), check=False)
        x.xdotool("windowfocus", "--sync", main)  # no window manager: give the keyboard back after F1's dialog
        _keys(x, "ctrl+q")
        _wait(lambda: app.poll() is not None, timeout=30)
        assert app.returncode == 0, app.stderr.read().decode() if app.stderr else ""
