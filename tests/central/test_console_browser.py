"""The console in a real browser: Playwright for Python driving Debian's Chromium (``/usr/bin/chromium``;
browsers are never downloaded) against a real ``frontdesk-central serve``, with real desks — the
``frontdesk`` command line, enrolled on the same server.

One afternoon at the municipality: the IT administrator makes a one-time enrolment code and a desk enrols
with it, accepts the users the desk offered; the desk receives a request and forwards it; the back-office
officer signs in, takes it and marks it ready; the desk syncs and shows ``ready``. The manager exports the
report as CSV and PDF. A role that must not see a page is refused. Keyboard only where it matters
(sign-in, the officer's form), at 1366×768."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from frontdesk import setup
from frontdesk.identity import sample_nid

from .conftest import Server, start_server, stop_server
from .console_helpers import OFFICE, STAFF_PASSWORD, add_staff

FRONTDESK = Path(sys.executable).parent / "frontdesk"
DESK_PASSWORD = "sekret-i-gjate"  # the template desk's users (tests/conftest.py)


@pytest.fixture
def central(tmp_path: Path) -> Iterator[Server]:
    srv = start_server(f"sqlite:///{tmp_path / 'central.db'}", tmp_path / "server.log")
    try:
        srv.publish_catalog()
        srv.add_unit("TR01", "Njësia Administrative Provë (TEST)")
        add_staff(srv, "iliri", "itadmin")
        add_staff(srv, "arta", "officer", OFFICE)
        add_staff(srv, "besi", "manager")
        yield srv
    finally:
        stop_server(srv)
    log = (tmp_path / "server.log").read_text(errors="replace")
    assert "Traceback" not in log, log


def desk(home: Path, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    """The workstation's real command line."""
    r = subprocess.run([str(FRONTDESK), "--home", str(home), *args], capture_output=True, text=True, timeout=180,
                       check=False)  # fmt: skip
    if ok:
        assert r.returncode == 0, f"frontdesk {' '.join(args)}: {r.stdout}{r.stderr}"
    return r


def page_of(browser: Any, server: Server, lang: str = "sq") -> Any:
    context = browser.new_context(viewport={"width": 1366, "height": 768}, base_url=server.url,
                                  accept_downloads=True, locale="sq-AL" if lang == "sq" else "en-GB")  # fmt: skip
    page = context.new_page()
    page.on("dialog", lambda d: d.accept())  # the confirmations of console.js
    return page


def fits(page: Any) -> None:
    """Usable at 1366×768: the page scrolls down, never sideways."""
    width = page.evaluate("() => document.scrollingElement.scrollWidth")
    assert width <= 1366, (page.url, width)


def sign_in(page: Any, username: str) -> None:
    page.goto("/console/login")
    assert page.evaluate("() => document.activeElement.id") == "username"  # the field has the focus
    page.keyboard.press("Shift+Tab")  # back to the language links ...
    assert page.evaluate("() => document.activeElement.textContent") in ("English", "Shqip")
    page.keyboard.press("Tab")  # ... and forward to the user name again: the focus order holds
    page.keyboard.type(username)  # the user name field has the focus
    page.keyboard.press("Tab")
    page.keyboard.type(STAFF_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/login" not in url)


def nav(page: Any, name: str) -> None:
    """Follow a link of the main menu (a landmark: ``nav`` with its accessible name)."""
    menu = page.get_by_role("navigation", name="Menyja kryesore")
    if not menu.count():
        menu = page.get_by_role("navigation", name="Main menu")
    menu.get_by_role("link", name=name).click()


def test_an_afternoon_at_the_municipality(browser: Any, central: Server, template_db: Path, tmp_path: Path) -> None:
    # -- the IT administrator makes a one-time code; a desk (a copy of the test template) enrols with it
    it = page_of(browser, central)
    sign_in(it, "iliri")
    nav(it, "Njësitë dhe kodet")
    it.get_by_label("Njësia", exact=True).select_option("TR01")
    it.get_by_role("button", name="Krijo kodin").click()
    code = it.locator("#enrol-code").inner_text().strip()
    assert len(code) == 9 and code[4] == "-"
    w03 = tmp_path / "w03"
    w03.mkdir()
    shutil.copy(template_db, w03 / setup.DB_NAME)
    desk(w03, "enrol", "--server", central.url, "--code", code)
    # ... and accepts the users it offered (the central system is their authority from now on)
    nav(it, "Llogaritë e njësive")
    for username in ("clerk1", "clerk2", "super", "admin"):
        offers = it.get_by_role("table", name="Përdorues të ofruar nga sportelet në regjistrim")
        with it.expect_navigation():
            offers.get_by_role("row", name=username).get_by_role("button", name="Prano").click()
    assert "Asnjë ofertë në pritje" in it.content()
    # the code was one-time: a second desk needs a new one
    w04 = tmp_path / "w04"
    desk(w04, "init", "--unit", "TR01", "--unit-name", "Njësia Administrative Provë (TEST)", "--workstation", "W04")
    assert desk(w04, "enrol", "--server", central.url, "--code", code, ok=False).returncode != 0
    nav(it, "Njësitë dhe kodet")
    it.get_by_role("button", name="Krijo kodin").click()
    desk(w04, "enrol", "--server", central.url, "--code", it.locator("#enrol-code").inner_text().strip())
    nav(it, "Stacionet")
    it.get_by_label("Njësia", exact=True).select_option("TR01")
    it.get_by_role("button", name="Shfaq").click()
    assert "TR01-W03" in it.content() and "TR01-W04" in it.content()
    for path in ("/console/it", "/console/it/users?unit=TR01", "/console/it/audit", "/console/it/workstations"):
        it.goto(path)
        fits(it)

    # -- the counter: a request received and forwarded to the back office, pushed
    desk(w03, "sync", "--once")  # the accounts, as the central system has them now
    nid = sample_nid(dt.date(1984, 3, 9), "F", 931)
    receipt = desk(w03, "intake", "--as", "clerk1", "--service", "CERT-FAM", "--nid", nid, "--name",
                   "Vjollca Provë (TEST)", "--doc", "ID").stdout.strip().split()[-1]  # fmt: skip
    desk(w03, "advance", "--as", "clerk1", receipt, "forwarded")
    desk(w03, "sync", "--once")

    # -- the back-office officer: the office's list, the request, taken, marked ready (keyboard in the form)
    bo = page_of(browser, central)
    sign_in(bo, "arta")
    assert receipt in bo.content() and "Vjollca Provë (TEST)" in bo.content()
    bo.get_by_role("link", name=receipt).click()
    assert f"*******{nid[-3:]}" in bo.content() and nid not in bo.content()  # the personal number, masked
    bo.get_by_role("button", name="Merre në trajtim").click()
    assert "E morët kërkesën në trajtim" in bo.content()
    bo.get_by_label("Gati — sporteli njofton qytetarin").focus()
    bo.keyboard.press("Space")
    bo.get_by_label("Shënim (jo i detyrueshëm)").fill("Certifikata u lëshua (TEST)")
    bo.get_by_role("button", name="Ruaj ndryshimin").click()
    assert "Kërkesa është gati" in bo.content()
    fits(bo)
    bo.keyboard.press("Tab")
    assert bo.evaluate("() => document.activeElement.className") == "skip"  # first: skip to the content

    # -- the desk pulls it and shows ready
    desk(w03, "sync", "--once")
    shown = json.loads(desk(w03, "show", receipt, "--json").stdout)
    assert shown["status"] == "ready"
    ready = [e for e in shown["history"] if e["to_status"] == "ready"]
    assert [(e["actor_username"], e["workstation_code"], e["data"]) for e in ready] == [
        ("hq.arta", "HQ", {"note": "Certifikata u lëshua (TEST)"})]
    queue = json.loads(desk(w03, "queue", "--json", "--status", "ready").stdout)
    assert [r["receipt_no"] for r in queue] == [receipt]
    desk(w04, "sync", "--once")  # the other desk of the unit sees it too
    assert json.loads(desk(w04, "show", receipt, "--json").stdout)["status"] == "ready"

    # -- a role that must not see a page is refused
    bo.goto("/console/it/users")
    assert "Nuk keni leje" in bo.content()
    assert bo.evaluate("() => document.title").startswith("Nuk keni leje")

    # -- the manager: the report, exported as CSV and PDF (English)
    mg = page_of(browser, central, "en")
    mg.goto("/console/lang/en?next=/console/login")
    sign_in(mg, "besi")
    assert "Performance against the service standards" in mg.content()
    for path in ("/console/perf/overdue", "/console/perf?by=office", "/console/perf"):
        mg.goto(path)
        fits(mg)
    with mg.expect_download() as got:
        mg.get_by_role("link", name="Download CSV").click()
    csv_text = Path(got.value.path()).read_text(encoding="utf-8-sig")
    rows = csv_text.splitlines()
    assert rows[0].startswith("key,label,received,completed,within_standard")
    cert = next(r for r in rows if r.startswith("CERT-FAM,"))
    assert cert.split(",")[2:5] == ["1", "1", "1"]  # received, completed, within the standard
    with mg.expect_download() as got:
        mg.get_by_role("link", name="Download PDF").click()
    pdf = Path(got.value.path()).read_bytes()
    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert pdf.startswith(b"%PDF") and "Performance against the standards" in text and "CERT-FAM" in text
    mg.goto("/console/bo")
    assert "No access" in mg.content()
