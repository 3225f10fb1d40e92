"""The status page in a real browser: Playwright for Python driving Debian's Chromium (``/usr/bin/chromium``;
browsers are never downloaded) against a real ``frontdesk-central serve``. A citizen scans the receipt's QR
code (the address opens with number and code), reads where the request stands, switches to English; types
a wrong code by keyboard and gets the "not found" answer; after the delivery answers the survey once.
Screenshots go to the test's directory, and to ``FRONTDESK_SCREENSHOTS`` when set (docs/screenshots)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from frontdesk.central import backoffice
from frontdesk.central.citizens.settings import set_public_url

from .citizens_helpers import citizen_intake
from .conftest import UNIT_USERS, Desk, Server, results, start_server, stop_server


@pytest.fixture
def central(tmp_path: Path) -> Iterator[Server]:
    srv = start_server(f"sqlite:///{tmp_path / 'central.db'}", tmp_path / "server.log")
    try:
        srv.publish_catalog()
        srv.add_unit("TR01", "Njësia Administrative Nr. 1 (PROVË)")
        srv.add_users("TR01", UNIT_USERS)
        set_public_url(srv.db, srv.url)
        yield srv
    finally:
        stop_server(srv)


def shot(page: Any, tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    target = os.environ.get("FRONTDESK_SCREENSHOTS")
    if target:
        shutil.copy(path, Path(target) / path.name)


def test_status_page_in_chromium(browser: Any, central: Server, tmp_path: Path) -> None:
    desk = Desk(central, "TR01", "W03")
    assert desk.enrol(central.enrol_code("TR01")).status_code == 200
    op, snap = citizen_intake(desk)
    op_r, snap_r = citizen_intake(desk, code="M2K7Q4")
    assert results(desk.push([op, op_r])) == ["applied", "applied"]
    backoffice.advance(central.db, snap.receipt_no, "ready")
    backoffice.advance(central.db, snap_r.receipt_no, "returned", missing=["ID"])
    context = browser.new_context(viewport={"width": 414, "height": 896}, locale="sq-AL")  # a phone
    page = context.new_page()
    errors: list[str] = []  # the console's errors, but for the answers that are 404/409/429 by design
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "Failed to load resource"
            not in m.text else None)  # fmt: skip
    missing: list[str] = []  # what the pages load besides themselves: the style sheet (a favicon is none)
    page.on("response", lambda r: missing.append(r.url) if r.request.resource_type != "document" and r.status >= 400
            else None)  # fmt: skip

    # the QR code's address: number and code in it
    page.goto(f"{central.url}/status?r={snap.receipt_no}&c=K7Q4M2")
    assert page.locator("html").get_attribute("lang") == "sq"
    answer = page.get_by_role("status")
    assert "Gati për t'u tërhequr" in answer.inner_text()
    assert snap.citizen_name not in page.content() and snap.citizen_nid not in page.content()
    assert page.locator("h1").count() == 1
    shot(page, tmp_path, "citizens-status-ready-sq")
    page.get_by_role("link", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    page.goto(f"{central.url}/status?r={snap.receipt_no}&c=K7Q4M2&lang=en")
    assert "Ready for collection" in page.get_by_role("status").inner_text()
    shot(page, tmp_path, "citizens-status-ready-en")

    # returned for completion: what is missing, by name
    page.goto(f"{central.url}/status?r={snap_r.receipt_no}&c=M2K7Q4")
    assert "Kartë identiteti" in page.get_by_role("status").inner_text()
    shot(page, tmp_path, "citizens-status-returned-sq")

    # typed by keyboard, a wrong code: the same answer as an unknown receipt
    page.goto(f"{central.url}/status")
    page.get_by_label("Numri i dëshmisë").focus()
    page.keyboard.type(snap.receipt_no)
    page.keyboard.press("Tab")
    page.keyboard.type("ZZZZZZ")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert "Nuk gjetëm asnjë kërkesë" in page.get_by_role("status").inner_text()
    shot(page, tmp_path, "citizens-status-not-found-sq")

    # after delivery: the survey, answered once
    desk_deliver = desk.status_op(snap, "ready", "delivered", rating=4)
    assert results(desk.push([desk_deliver])) == ["applied"]
    page.goto(f"{central.url}/status?r={snap.receipt_no}&c=K7Q4M2")
    page.get_by_role("link", name="Si shkoi? Na thoni në një minutë").click()
    page.get_by_role("group", name="A u mbajt afati i premtuar?").get_by_label("Po").check()
    page.get_by_role("group", name="A ishte shërbimi i qartë?").get_by_label("Po").check()
    page.get_by_label("4").check()
    page.get_by_label("Koment (nuk është i detyrueshëm)").fill("Sqaruan gjithçka.")
    shot(page, tmp_path, "citizens-survey-sq")
    page.get_by_role("button", name="Dërgo").click()
    assert "Faleminderit" in page.get_by_role("status").inner_text()
    survey_url = page.url
    page.go_back()  # the page is never cached: back shows it answered, without the form
    assert "plotësuar tashmë" in page.get_by_role("status").inner_text()
    assert page.get_by_role("button", name="Dërgo").count() == 0
    # the same token sent again (a resubmitted form): refused, the first answer stands
    again = context.request.post(survey_url, form={"overall": "1", "kept": "no", "clear": "no", "lang": "sq"})
    assert again.status == 409 and "plotësuar tashmë" in again.text()
    shot(page, tmp_path, "citizens-survey-done-sq")
    assert errors == [] and missing == []  # the strict CSP blocked nothing the page needs; nothing is missing
    context.close()


def test_the_managers_console_shows_what_the_citizens_say(browser: Any, central: Server, tmp_path: Path) -> None:
    """The console's manager report in Chromium: the citizens' table beside the performance table, fitting
    1366×768 without sideways scrolling; screenshotted."""
    from frontdesk.central import staff

    from .console_helpers import STAFF_PASSWORD

    desk = Desk(central, "TR01", "W03")
    assert desk.enrol(central.enrol_code("TR01")).status_code == 200
    op, snap = citizen_intake(desk)
    assert results(desk.push([op])) == ["applied"]
    assert results(desk.push([desk.status_op(snap, "received", "ready")])) == ["applied"]
    assert results(desk.push([desk.status_op(snap, "ready", "delivered", rating=3)])) == ["applied"]
    staff.add_staff(central.db, "drejtori", "manager", "Drejtori Provë (TEST)", STAFF_PASSWORD,
                    must_change_password=False)  # fmt: skip
    context = browser.new_context(viewport={"width": 1366, "height": 768}, base_url=central.url, locale="sq-AL")
    page = context.new_page()
    page.goto(f"/status?r={snap.receipt_no}&c=K7Q4M2")
    page.get_by_role("link", name="Si shkoi? Na thoni në një minutë").click()
    page.get_by_role("group", name="A u mbajt afati i premtuar?").get_by_label("Po").check()
    page.get_by_label("5").check()
    page.get_by_role("button", name="Dërgo").click()
    assert "Faleminderit" in page.get_by_role("status").inner_text()
    page.goto("/console/login")
    page.locator("#username").fill("drejtori")
    page.locator("#password").fill(STAFF_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/login" not in url)
    page.goto("/console/perf")
    table = page.locator("#citizens")
    row = table.locator("tbody tr", has_text="CERT-FAM")
    cells = row.locator("td").all_inner_texts()
    assert cells[0] == "1" and cells[1].startswith("5") and cells[4] == "1" and cells[5].startswith("3")
    assert page.evaluate("() => document.scrollingElement.scrollWidth") <= 1366
    page.locator("#h-cit").scroll_into_view_if_needed()
    path = tmp_path / "console-citizens-sq.png"
    page.locator("section[aria-labelledby=h-cit]").screenshot(path=str(path))
    target = os.environ.get("FRONTDESK_SCREENSHOTS")
    if target:
        shutil.copy(path, Path(target) / path.name)
    context.close()
