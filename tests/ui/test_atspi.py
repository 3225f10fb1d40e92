"""Usable without seeing the screen (issue 15), checked through the Linux accessibility bus as the Orca
screen reader reads it: a D-Bus session with the AT-SPI bus, Xvfb, the app with
``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1``, and ``atspi_walker.py`` run by the system Python with Debian's
pyatspi (see docs/accessibility.md).

It walks the accessible tree of the sign-in dialog, the intake, worklist and request pages and the
supervisor's pages (every interactive object named, every value of the request labelled by its caption),
records the forward and backward Tab order of the counter pages (every control reached, the two orders
mirror each other), and checks that a wrong password, a wrong personal number and saving without a service
each raise an announcement a screen reader speaks."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

from frontdesk import queries, setup
from frontdesk.db import Store

from .helpers import nid
from .xsession import XSession, prepare_home, xsession

pytestmark = [pytest.mark.ui, pytest.mark.slow]
WALKER = Path(__file__).with_name("atspi_walker.py")
SYSTEM_PYTHON = "/usr/bin/python3"
INTERACTIVE = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "text",
    "password text",
    "entry",
    "spin button",
    "list",
    "list box",
    "table",
    "tree table",
    "page tab",
}


def _walker(x: XSession, *args: str, timeout: float = 90) -> dict:  # type: ignore[type-arg]
    out = subprocess.run(
        [SYSTEM_PYTHON, str(WALKER), *args], env=x.env, capture_output=True, text=True, timeout=timeout
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout)


def tree(x: XSession, pid: int) -> list[dict]:  # type: ignore[type-arg]
    return _walker(x, "tree", str(pid))["nodes"]


def while_typing(x: XSession, pid: int, keys: list[str], seconds: float | None = None) -> list[dict]:  # type: ignore[type-arg]
    """The focus changes and spoken events while ``keys`` are pressed (xdotool key names or "type:TEXT")."""
    seconds = seconds or 3.0 + 0.35 * len(keys)
    proc = subprocess.Popen(
        [SYSTEM_PYTHON, str(WALKER), "listen", str(pid), str(seconds)],
        env=x.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    assert proc.stderr.readline().strip() == "listening"
    time.sleep(0.5)
    for k in keys:
        if k.startswith("type:"):
            x.xdotool("type", "--delay", "90", k[5:])
        else:
            x.xdotool("key", k)
        time.sleep(0.25)
    out, err = proc.communicate(timeout=seconds + 60)
    assert proc.returncode == 0, err[-2000:]
    return json.loads(out)["events"]


def unnamed(nodes: list[dict]) -> list[str]:  # type: ignore[type-arg]
    return [
        f"{n['role']} at {n['path']}"
        for n in nodes
        if n["showing"] and n["role"] in INTERACTIVE and not n["name"].strip()
    ]


ITEMS = {"table cell", "list item", "tree item"}  # the current item of a focused table or list


def focus_order(events: list[dict]) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [
        (e["role"], e["name"])
        for e in events
        if e["type"].startswith("object:state-changed:focused") and e["role"] not in ITEMS
    ]


def cycle(order: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The stops from the first one round to it again (Tab was pressed more times than there are stops)."""
    assert order, "no focus change was reported"
    first = order[0]
    for i, item in enumerate(order[1:], 1):
        if item == first:
            return order[:i]
    raise AssertionError(f"Tab never came back to {first}: {order}")


def spoken(events: list[dict]) -> list[str]:  # type: ignore[type-arg]
    return [e["detail"] or e["name"] for e in events if e["type"] == "object:announcement" or e["role"] == "alert"]


def check_tab_order(x: XSession, pid: int, n: int, page: str, nodes: list[dict]) -> list[str]:  # type: ignore[type-arg]
    forward = cycle(focus_order(while_typing(x, pid, ["Tab"] * n)))
    backward = cycle(focus_order(while_typing(x, pid, ["shift+Tab"] * n)))
    problems = []
    reachable = {
        (nd["role"], nd["name"])
        for nd in nodes
        if nd["showing"] and nd["focusable"] and nd["sensitive"] and nd["role"] in INTERACTIVE - {"page tab"}
    }
    missed = sorted(reachable - set(forward))
    if missed:
        problems.append(f"{page}: not reached by Tab: {missed}")
    # the backward walk starts where the forward one ended: compare as cycles
    fwd_ring = forward + forward
    mirrored = list(reversed(backward))
    if not any(fwd_ring[i : i + len(mirrored)] == mirrored for i in range(len(forward))) or len(forward) != len(
        backward
    ):
        problems.append(f"{page}: Shift+Tab is not Tab backwards:\n  {forward}\n  {backward}")
    return problems


def test_the_counter_through_the_accessibility_bus(tmp_path: Path, demo_template: Path) -> None:
    home = prepare_home(tmp_path, demo_template)
    store = Store(home / setup.DB_NAME, migrate_schema=False)
    try:
        receipt = queries.queue_page(store, queries.QueueFilter(status="received"), limit=1)[0].receipt_no
    finally:
        store.close()
    problems: list[str] = []
    with xsession(tmp_path, atspi=True) as x:
        app = x.start_app(home)
        login = x.wait_window("hyrja")
        x.xdotool("windowfocus", "--sync", login)
        time.sleep(1.5)
        # ---- sign-in: names, and a wrong password is announced
        nodes = tree(x, app.pid)
        problems += [f"sign-in: unnamed {u}" for u in unnamed(nodes)]
        events = while_typing(x, app.pid, ["type:sporteli", "Tab", "type:gabim-gabim", "Return"], seconds=8)
        said = spoken(events)
        assert any("gabuar" in s for s in said), f"a wrong password is not announced: {events}"
        # ---- sign in as the clerk
        events = while_typing(x, app.pid, ["type:demo1234", "Return"], seconds=8)
        main = x.wait_window(", sporteli ", timeout=60)
        x.xdotool("windowfocus", "--sync", main)
        time.sleep(2)
        # ---- intake: names, Tab order, announcements
        nodes = tree(x, app.pid)
        problems += [f"intake: unnamed {u}" for u in unnamed(nodes)]
        problems += check_tab_order(x, app.pid, 24, "intake", nodes)
        bad = nid(996)
        bad = bad[:-1] + ("A" if bad[-1] != "A" else "B")
        events = while_typing(x, app.pid, ["ctrl+1", "type:" + bad], seconds=6)
        assert any("kontrollit" in s or "konfirmoni" in s for s in spoken(events)), (
            f"a wrong personal number is not announced: {spoken(events)}"
        )
        events = while_typing(x, app.pid, ["ctrl+s"], seconds=4)
        assert any("shërbim" in s for s in spoken(events)), (
            f"saving without a service is not announced: {spoken(events)}"
        )
        while_typing(x, app.pid, ["ctrl+1", "ctrl+a", "BackSpace"], seconds=3)  # nothing unsaved is left
        # ---- worklist: names, Tab leaves the table and mirrors
        while_typing(x, app.pid, ["ctrl+2"], seconds=3)
        nodes = tree(x, app.pid)
        problems += [f"worklist: unnamed {u}" for u in unnamed(nodes)]
        problems += check_tab_order(x, app.pid, 14, "worklist", nodes)
        # ---- the request: focus on its heading, every value labelled by its caption
        events = while_typing(x, app.pid, ["F2", "type:" + receipt, "Return"], seconds=6)
        focused = focus_order(events)
        assert focused and receipt in focused[-1][1], f"the keyboard does not land on the request's heading: {focused}"
        nodes = tree(x, app.pid)
        problems += [f"request: unnamed {u}" for u in unnamed(nodes)]
        values = [n for n in nodes if n["showing"] and n["role"] == "label" and n["focusable"] and n["path"] != ""]
        unlabelled = [
            n["text"] or n["name"] for n in values if not n["relations"].get("labelled by") and receipt not in n["name"]
        ]
        if len(values) < 17:
            problems.append(f"request: only {len(values)} values are reachable")
        problems += [f"request: value without its caption: {u!r}" for u in unlabelled]
        problems += check_tab_order(x, app.pid, 34, "request", nodes)
        # ---- the supervisor's pages
        x.xdotool("windowfocus", "--sync", main)
        while_typing(x, app.pid, ["ctrl+1", "alt+s", "d"], seconds=3)  # Skedari → Dil nga llogaria (sign out)
        login = x.wait_window("hyrja")
        x.xdotool("windowfocus", "--sync", login)
        while_typing(x, app.pid, ["type:mbikqyresi", "Tab", "type:demo1234", "Return"], seconds=8)
        main = x.wait_window(", sporteli ", timeout=60)
        x.xdotool("windowfocus", "--sync", main)
        time.sleep(2)
        for keys, page in (("ctrl+4", "workload"), ("ctrl+5", "dashboard"), ("ctrl+6", "audit")):
            while_typing(x, app.pid, [keys], seconds=4)
            problems += [f"{page}: unnamed {u}" for u in unnamed(tree(x, app.pid))]
        x.xdotool("windowfocus", "--sync", main)
        x.xdotool("key", "ctrl+q")
    assert problems == [], "\n".join(problems)
