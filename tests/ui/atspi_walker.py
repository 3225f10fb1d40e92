"""Reads the running app through the Linux accessibility bus (AT-SPI), as the Orca screen reader does.

Runs with the system Python (``/usr/bin/python3``), where Debian's ``python3-pyatspi`` is installed — not
in the project's virtual environment (pyatspi is a GObject-introspection binding that pip cannot
install). tests/ui/test_atspi.py starts it as a separate process and reads its JSON from stdout:

    atspi_walker.py tree PID             the accessible tree of the app's active window
    atspi_walker.py listen PID SECONDS   the focus changes and spoken events (announcements, alerts)
                                         while the test types; prints them when the time is up
"""

from __future__ import annotations

import json
import sys
import threading
import time

import pyatspi

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
    "menu item",
    "slider",
}


def app_of(pid: int):  # type: ignore[no-untyped-def]
    desktop = pyatspi.Registry.getDesktop(0)
    for _ in range(50):
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except Exception:
                continue
        time.sleep(0.2)
    raise SystemExit(f"no accessible application with pid {pid}")


def active_window(app):  # type: ignore[no-untyped-def]
    windows = [app.getChildAtIndex(i) for i in range(app.childCount)]
    for w in windows:
        if w is not None and w.getState().contains(pyatspi.STATE_ACTIVE):
            return w
    showing = [w for w in windows if w is not None and w.getState().contains(pyatspi.STATE_SHOWING)]
    return showing[-1] if showing else windows[-1]


def describe(acc, path: str):  # type: ignore[no-untyped-def]
    states = acc.getState()
    rels = {}
    for rel in acc.getRelationSet():
        kind = (
            pyatspi.relationToString(rel.getRelationType())
            if hasattr(pyatspi, "relationToString")
            else str(rel.getRelationType())
        )
        rels[str(kind)] = [rel.getTarget(i).name for i in range(rel.getNTargets())]
    text = ""
    try:
        t = acc.queryText()
        text = t.getText(0, min(t.characterCount, 200))
    except Exception:
        pass
    return {
        "path": path,
        "role": acc.getRoleName(),
        "name": acc.name or "",
        "description": acc.description or "",
        "text": text,
        "showing": states.contains(pyatspi.STATE_SHOWING),
        "visible": states.contains(pyatspi.STATE_VISIBLE),
        "focusable": states.contains(pyatspi.STATE_FOCUSABLE),
        "sensitive": states.contains(pyatspi.STATE_SENSITIVE),
        "relations": rels,
        "id": acc.accessibleId if hasattr(acc, "accessibleId") else "",
    }


def walk(acc, path="0", out=None, depth=0):  # type: ignore[no-untyped-def]
    out = [] if out is None else out
    if acc is None or depth > 40 or len(out) > 3000:
        return out
    node = describe(acc, path)
    out.append(node)
    if node["role"] in ("table", "tree table", "list", "list box") and acc.childCount > 30:
        return out  # rows of a long table: read as the table, not cell by cell
    for i in range(acc.childCount):
        try:
            walk(acc.getChildAtIndex(i), f"{path}.{i}", out, depth + 1)
        except Exception:
            continue
    return out


def tree(pid: int) -> None:
    app = app_of(pid)
    win = active_window(app)
    print(json.dumps({"window": win.name, "nodes": walk(win)}))


def listen(pid: int, seconds: float) -> None:
    events = []
    app_of(pid)  # the app is on the bus before listening starts

    def on_event(event):  # type: ignore[no-untyped-def]
        try:
            src = event.source
            if src is None or src.getApplication().get_process_id() != pid:
                return
            if event.type.startswith("object:state-changed:focused") and not event.detail1:
                return
            events.append(
                {
                    "type": str(event.type),
                    "role": src.getRoleName(),
                    "name": src.name or "",
                    "description": src.description or "",
                    "detail": str(event.any_data) if event.any_data is not None else "",
                    "time": time.monotonic(),
                }
            )
        except Exception:
            pass

    for kind in (
        "object:state-changed:focused",
        "object:announcement",
        "object:state-changed:showing",
        "window:activate",
    ):
        pyatspi.Registry.registerEventListener(on_event, kind)
    timer = threading.Timer(seconds, pyatspi.Registry.stop)
    timer.start()
    print("listening", file=sys.stderr, flush=True)
    pyatspi.Registry.start()
    alerts = [e for e in events if e["type"].startswith("object:state-changed:showing") and e["role"] == "alert"]
    print(
        json.dumps({"events": [e for e in events if not e["type"].startswith("object:state-changed:showing")] + alerts})
    )


if __name__ == "__main__":
    command, pid_text = sys.argv[1], sys.argv[2]
    if command == "tree":
        tree(int(pid_text))
    elif command == "listen":
        listen(int(pid_text), float(sys.argv[3]))
    else:
        raise SystemExit(f"unknown command {command}")
