"""Screenshots of the central console (docs/screenshots/console-*.png), Albanian and English, at 1366×768.

    python scripts/console_screenshots.py [--out docs/screenshots]

A temporary central database (SQLite) gets the demo data (``frontdesk.central.demo``: units, desks and
requests pushed through the real apply path), three staff accounts and one request from a citizen whose
name holds markup; a real ``frontdesk-central serve`` answers; Playwright drives Debian's Chromium
(``/usr/bin/chromium``). Everything shown is fictitious."""

from __future__ import annotations

import argparse
import contextlib
import json
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402
from sqlalchemy import select  # noqa: E402

from frontdesk.central import demo, staff  # noqa: E402
from frontdesk.central import models as m  # noqa: E402
from frontdesk.central.db import Database  # noqa: E402

CENTRAL = Path(sys.executable).parent / "frontdesk-central"
PASSWORD = "pamje-demo-1"
OFFICE = "Zyra e Gjendjes Civile"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serve(url: str) -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen([str(CENTRAL), "serve", "--db", url, "--port", str(port), "--log-level", "warning"])
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            with contextlib.suppress(requests.RequestException):
                if requests.get(base + "/health", timeout=2).status_code == 200:
                    break
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(30)


def prepare(db: Database) -> dict[str, str]:
    demo.fill(db, requests=700, days=80, seed=3)
    staff.add_staff(db, "arta", "officer", "Arta Shembulli (DEMO)", PASSWORD, office=OFFICE, must_change_password=False)
    staff.add_staff(db, "besi", "manager", "Besi Provë (DEMO)", PASSWORD, must_change_password=False)
    staff.add_staff(db, "iliri", "itadmin", "Iliri Testues (DEMO)", PASSWORD, must_change_password=False)
    with db.read() as s:
        from frontdesk.central.directory import load

        codes = load(s).office_services(OFFICE)[0]
        forwarded = s.scalars(select(m.Request.receipt_no).where(m.Request.status == "forwarded",
                                                                 m.Request.service_code.in_(codes))
                              .order_by(m.Request.due_date.desc())).first()  # fmt: skip
    return {"request": forwarded or ""}


def _next_catalog() -> str:
    """The demo catalogue's next version: two standards shortened, one office renamed, one service added
    and one withdrawn (what the IT administrator checks before it goes out)."""
    data = json.loads((ROOT / "frontdesk/resources/catalog/demo.json").read_text(encoding="utf-8"))
    data["version"] = "2026.12-demo"
    services = data["services"]
    for svc in services[:2]:
        svc["standard_days"] = max(1, svc["standard_days"] - 1)
    services[3]["office"] = "Zyra e Gjendjes Civile dhe e Regjistrit"
    services.pop(5)
    new = json.loads(json.dumps(services[0]))
    new.update(code="GC-099", name={"sq": "Vërtetim elektronik i gjendjes familjare (DEMO)",
                                    "en": "Electronic family status certificate (DEMO)"})  # fmt: skip
    services.append(new)
    return json.dumps(data, ensure_ascii=False, indent=2)


def shoot(base: str, out: Path, picks: dict[str, str]) -> list[Path]:
    from playwright.sync_api import sync_playwright

    made: list[Path] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])

        def session(user: str, lang: str) -> Any:
            page = browser.new_page(viewport={"width": 1366, "height": 768}, base_url=base)
            page.on("dialog", lambda d: d.accept())
            page.goto(f"/console/lang/{lang}?next=/console/login")
            page.fill("#username", user)
            page.fill("#password", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(lambda url: "/login" not in url)
            return page

        def snap(page: Any, name: str, full: bool = False) -> None:
            path = out / f"console-{name}.png"
            page.screenshot(path=str(path), full_page=full)
            made.append(path)

        for lang in ("sq", "en"):
            login = browser.new_page(viewport={"width": 1366, "height": 768}, base_url=base)
            login.goto(f"/console/lang/{lang}?next=/console/login")
            snap(login, f"login-{lang}")
            login.close()
            officer = session("arta", lang)
            snap(officer, f"backoffice-{lang}")
            if picks["request"]:
                officer.goto(f"/console/bo/r/{picks['request']}")
                if lang == "sq":
                    officer.get_by_role("button", name="Merre në trajtim").click()
                snap(officer, f"request-{lang}", full=True)
            manager = session("besi", lang)
            snap(manager, f"performance-{lang}")
            manager.goto("/console/perf?by=office")
            snap(manager, f"performance-office-{lang}", full=True)
            admin = session("iliri", lang)
            snap(admin, f"it-{lang}")
            admin.goto("/console/it/workstations?unit=TR01")
            snap(admin, f"workstations-{lang}")
            if lang == "sq":
                admin.goto("/console/it/units")
                admin.get_by_role("button", name="Krijo kodin").click()
                snap(admin, "enrol-code-sq")
                admin.goto("/console/it/catalog")
                text = _next_catalog()
                admin.set_input_files("#cat-file", files=[{"name": "katalogu-2026-12.json", "mimeType":
                                                           "application/json", "buffer": text.encode()}])  # fmt: skip
                admin.get_by_role("button", name="Kontrollo").click()
                snap(admin, "catalog-diff-sq", full=True)
                admin.goto("/console/it/audit")
                snap(admin, "audit-sq")
            officer.goto("/console/it")
            snap(officer, f"refused-{lang}")
        browser.close()
    return made


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'central.db'}"
        db = Database(url)
        picks = prepare(db)
        db.close()
        with serve(url) as base:
            for path in shoot(base, out, picks):
                print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
