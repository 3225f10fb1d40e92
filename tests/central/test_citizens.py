"""Issue 14 end to end, against a real ``frontdesk-central serve`` process (SQLite and PostgreSQL):
the public status lookup (found, wrong code = unknown receipt, not yet synced, rate-limited guessing,
escaping, security headers, both languages), the notification outbox (an e-mail to a local aiosmtpd server
and an SMS to a local fake gateway, exactly once although each gateway refuses twice and the server is
restarted in between; the phone number in no log), the survey (one answer per token, in the report beside
the clerk's rating) and complaints (from a desk and online, routed to the supervisor, in a desk's
worklist after a pull)."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import select

from frontdesk import pull, queries
from frontdesk.central import backoffice
from frontdesk.central import models as cm
from frontdesk.central.citizens.settings import set_public_url
from frontdesk.db import Store

from .citizens_helpers import EMAIL, SmsGateway, SmtpServer, citizen_intake
from .conftest import Desk, Server, results, start_server, stop_server

PUBLIC = "http://127.0.0.1:8999/qytetaret"  # a public address as the municipality would set it (loopback: http)


def wait_for(what: str, ok: Callable[[], bool], timeout: float = 60.0) -> None:
    """Poll until ``ok()``; a deadline only ends a test that would otherwise hang (no time is asserted)."""
    deadline = time.monotonic() + timeout
    while not ok():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


def status_json(server: Server, receipt: str, code: str, lang: str = "sq") -> requests.Response:
    return requests.post(server.url + "/v1/public/status", json={"receipt_no": receipt, "code": code, "lang": lang},
                         timeout=30)  # fmt: skip


# ------------------------------------------------------------------------------------------ status lookup


def test_status_lookup_answers_refuses_alike_says_not_synced_and_limits_guessing(server: Server, desks: Any) -> None:
    desk: Desk = desks("TR01", "W01")
    op, snap = citizen_intake(desk)
    assert results(desk.push([op])) == ["applied"]

    # found: status, promised date, office, what to bring; nothing personal
    r = requests.get(server.url + "/status", params={"r": snap.receipt_no, "c": "k7q-4m2"}, timeout=30)
    assert r.status_code == 200, r.text
    assert "Pranuar" in r.text and snap.due_date.strftime("%d.%m.%Y") in r.text and "Njësia Testuese" in r.text
    for secret in (snap.citizen_name, snap.citizen_nid, "69 123", EMAIL):
        assert secret not in r.text
    headers = {k.lower(): v for k, v in r.headers.items()}
    assert "default-src 'none'" in headers["content-security-policy"] and "frame-ancestors 'none'" in \
        headers["content-security-policy"]  # fmt: skip
    assert headers["x-content-type-options"] == "nosniff" and headers["referrer-policy"] == "no-referrer"
    assert headers["cache-control"] == "no-store" and headers["x-frame-options"] == "DENY"
    found = status_json(server, snap.receipt_no, "K7Q4M2", "en")
    assert found.status_code == 200 and found.json()["outcome"] == "found"
    assert found.json()["status_label"] == "Received" and found.json()["promised_date"] == snap.due_date.isoformat()
    assert set(found.json()) == {"outcome", "receipt_no", "status", "status_label", "service", "office",
                                 "promised_date", "bring"}  # fmt: skip

    # a wrong code and a receipt the server does not have (its desk pushed past it) answer the same
    desk.counter += 1
    unknown = desk.next_receipt()
    op2, _ = citizen_intake(desk)
    assert results(desk.push([op2])) == ["applied"]
    wrong = status_json(server, snap.receipt_no, "ZZZZZZ")
    missing = status_json(server, unknown, "K7Q4M2")
    assert wrong.status_code == missing.status_code == 404
    assert wrong.json() == missing.json() and wrong.json()["outcome"] == "not_found"
    page_wrong = requests.post(server.url + "/status", data={"r": snap.receipt_no, "c": "ZZZZZZ"}, timeout=30)
    page_missing = requests.post(server.url + "/status", data={"r": unknown, "c": "K7Q4M2"}, timeout=30)
    strip = re.compile(r"TR01-W01-\d+\w")
    assert strip.sub("", page_wrong.text) == strip.sub("", page_missing.text)

    # not pushed yet: the desk's counter has not reached it
    later = p_receipt(desk, desk.counter + 5)
    nsync = status_json(server, later, "ABCDEF")
    assert nsync.status_code == 200 and nsync.json()["outcome"] == "not_synced"
    assert "not yet in the central system" not in nsync.json()["message"]  # Albanian by default
    assert "sistemin qendror" in nsync.json()["message"]

    # what a citizen types is shown as text
    xss = requests.get(server.url + "/status", params={"r": "<script>alert(1)</script>", "c": "x"}, timeout=30)
    assert "<script>alert(1)</script>" not in xss.text and "&lt;script&gt;" in xss.text

    # a guessing loop on one receipt is stopped, and then even the right code waits
    answers = [status_json(server, snap.receipt_no, f"AAAA{c}{c}").status_code for c in "23456789"]
    # 5 wrong codes per receipt number (2 above, 3 here), then 429 for every try, right code or wrong
    assert answers == [404, 404, 404] + [429] * 5, answers
    blocked = status_json(server, snap.receipt_no, "K7Q4M2")
    assert blocked.status_code == 429 and blocked.headers["Retry-After"] == "900"


def p_receipt(desk: Desk, counter: int) -> str:
    from frontdesk.numbering import format_receipt_no

    return format_receipt_no(desk.unit, desk.code, counter)


def test_guessing_from_one_address_over_many_receipts_is_limited(server: Server, desks: Any) -> None:
    desk: Desk = desks("TR01", "W01")
    ops = [citizen_intake(desk)[0] for _ in range(12)]
    assert set(results(desk.push(ops))) == {"applied"}
    codes = [status_json(server, p_receipt(desk, n), "QQQQQQ").status_code for n in range(1, 13)]
    assert codes == [404] * 10 + [429] * 2, codes  # 10 lookups finding nothing per address, then 429


# ------------------------------------------------------------------------------------------ notifications


def test_ready_and_returned_are_told_exactly_once_across_failures_and_a_restart(db_url: str, tmp_path: Path,
                                                                                monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    from .conftest import UNIT_USERS, Desk

    with SmtpServer(fail_first=2) as smtp, SmsGateway(fail_first=2) as sms:
        monkeypatch.setenv("FRONTDESK_NOTIFY", "1")
        monkeypatch.setenv("FRONTDESK_NOTIFY_EMAIL_URL", smtp.url())
        monkeypatch.setenv("FRONTDESK_NOTIFY_SMS_URL", sms.url())
        monkeypatch.setenv("FRONTDESK_NOTIFY_BACKOFF", "2")
        monkeypatch.setenv("FRONTDESK_NOTIFY_INTERVAL", "0.2")
        server = start_server(db_url, tmp_path / "server-1.log")
        try:
            server.publish_catalog()
            server.add_unit("TR01")
            server.add_users("TR01", UNIT_USERS)
            set_public_url(server.db, PUBLIC)
            desk = Desk(server, "TR01", "W01")
            assert desk.enrol(server.enrol_code("TR01")).status_code == 200
            op, snap = citizen_intake(desk)
            op_b, snap_b = citizen_intake(desk, email=None, code="M2K7Q4")
            op_n, snap_n = citizen_intake(desk, consent=False, code="Q4M2K7")  # no consent: never told
            assert results(desk.push([op, op_b, op_n])) == ["applied"] * 3
            backoffice.advance(server.db, snap.receipt_no, "ready")  # the back office: ready (e-mail + SMS)
            backoffice.advance(server.db, snap_b.receipt_no, "returned", missing=["ID"])  # SMS, names what is missing
            backoffice.advance(server.db, snap_n.receipt_no, "ready")
            wait_for("the first refusals", lambda: smtp.inbox.attempts >= 1 and sms.inbox.attempts >= 1)
        finally:
            stop_server(server)  # restarted between the first and the second refusal
        tried_before = (smtp.inbox.attempts, sms.inbox.attempts)
        server = start_server(db_url, tmp_path / "server-2.log")
        try:
            wait_for("the e-mail", lambda: len(smtp.inbox.received) >= 1)
            wait_for("both SMS", lambda: len(sms.inbox.received) >= 2)
            with server.db.read() as s:
                wait_for("every row sent", lambda: _all_sent(server))
            time.sleep(1.5)  # any duplicate would have had time to arrive
            with server.db.read() as s:
                rows = s.scalars(select(cm.Notification)).all()
        finally:
            stop_server(server)
    assert tried_before[0] <= 2 and tried_before[1] <= 2
    assert len(smtp.inbox.received) == 1 and len(sms.inbox.received) == 2
    assert sorted((r.kind, r.channel, r.state) for r in rows) == [("ready", "email", "sent"), ("ready", "sms", "sent"),
                                                                  ("returned", "sms", "sent")]  # fmt: skip
    mail = smtp.inbox.received[0]
    assert mail["to"] == [EMAIL] and snap.receipt_no in mail["data"]
    texts = {m["message"] for m in sms.inbox.received}
    ready = next(t for t in texts if snap.receipt_no in t)
    returned = next(t for t in texts if snap_b.receipt_no in t)
    assert "gati" in ready and f"{PUBLIC}/status?r={snap.receipt_no}&c=K7Q4M2" in ready
    assert "Mungojnë: Kartë identiteti" in returned
    assert {m["to"] for m in sms.inbox.received} == {"+355691234567"}
    logs = "".join((tmp_path / f"server-{i}.log").read_text(errors="replace") for i in (1, 2))
    for secret in ("691234567", "69 123 4567", EMAIL, snap.citizen_name):
        assert secret not in logs, secret
    assert "not sent" in logs  # the refusals were logged (without the recipient)


def _all_sent(server: Server) -> bool:
    with server.db.read() as s:
        states = set(s.scalars(select(cm.Notification.state)))
    return states == {"sent"}


# ------------------------------------------------------------------------------------------ survey


def test_survey_one_answer_per_request_and_in_the_report_beside_the_clerks_rating(server: Server,
                                                                                   desks: Any) -> None:  # fmt: skip
    desk: Desk = desks("TR01", "W01")
    set_public_url(server.db, PUBLIC)
    op, snap = citizen_intake(desk)
    assert results(desk.push([op])) == ["applied"]
    assert status_json(server, snap.receipt_no, "K7Q4M2").json().get("survey_url") is None  # not yet
    assert results(desk.push([desk.status_op(snap, "received", "ready")])) == ["applied"]
    deliver = desk.status_op(snap, "ready", "delivered", rating=4)  # the clerk-entered rating
    assert results(desk.push([deliver])) == ["applied"]
    url = status_json(server, snap.receipt_no, "K7Q4M2").json()["survey_url"]
    assert url.startswith(PUBLIC + "/survey/" + snap.receipt_no + "/")
    path = url.removeprefix(PUBLIC).split("?")[0]
    page = requests.get(server.url + path, timeout=30)
    assert page.status_code == 200 and "A u mbajt afati" in page.text
    form = {"kept": "yes", "clear": "no", "overall": "5", "comment": "Shpejt <b>dhe</b> mirë", "lang": "sq"}
    first = requests.post(server.url + path, data=form, timeout=30)
    assert first.status_code == 200 and "Faleminderit" in first.text
    second = requests.post(server.url + path, data={**form, "overall": "1"}, timeout=30)
    assert second.status_code == 409 and "plotësuar tashmë" in second.text
    forged = requests.post(server.url + path[:-3] + "aaa", data=form, timeout=30)
    assert forged.status_code == 404
    # the counter's prompt cannot answer again either
    ev = desk.event("survey", data={"overall": 2, "channel": "counter"})
    again = desk.push([desk.op("request.survey", snap, ev)])
    assert again[0].result == "rejected" and again[0].reason == "invalid_transition"
    out = server.cli("citizens-report", "--by", "service", "--json")
    assert out.code == 0, out.err
    row = next(r for r in json.loads(out.out)["rows"] if r["key"] == "CERT-FAM")
    assert (row["citizen_answers"], row["citizen_overall_avg"], row["citizen_promised_kept_share"],
            row["citizen_clear_share"]) == (1, 5.0, 1.0, 0.0)  # fmt: skip
    assert (row["clerk_ratings"], row["clerk_rating_avg"]) == (1, 4.0)
    assert row["label"] == "Certifikatë familjare"  # the catalogue's name
    by_clerk = json.loads(server.cli("citizens-report", "--by", "clerk", "--json").out)
    assert [r["key"] for r in by_clerk["rows"]] == ["TR01/clerk1"]
    assert by_clerk["rows"][0]["label"] not in ("", "TR01/clerk1")  # the clerk's full name
    # the answer reached the unit's desks as an event of the request
    changes, _ = desk.pull_all()
    kinds = [e.kind for c in changes if c.request for e in c.request.events]
    assert "survey" in kinds


# ------------------------------------------------------------------------------------------ complaints


def test_complaints_from_a_desk_and_online_reach_the_supervisors_worklist(server: Server, desks: Any,
                                                                          store: Store) -> None:  # fmt: skip
    desk: Desk = desks("TR01", "W03")  # the template desk's own workstation code
    op, snap = citizen_intake(desk)
    assert results(desk.push([op])) == ["applied"]
    # at the counter: the complaint service, linked to the receipt, routed to the supervisor
    c_op, c_snap = citizen_intake(desk, service="ANKESE", about=snap.receipt_no, assignee="super", code="C2C2C2")
    assert results(desk.push([c_op])) == ["applied"]
    # …not to a clerk who did not take it
    bad_op, _ = citizen_intake(desk, service="ANKESE", about=snap.receipt_no, assignee="clerk2", code="C3C3C3")
    assert desk.push([bad_op])[0].reason == "invalid"
    # online, with the receipt and its code: the citizen's details come from the request
    r = requests.post(server.url + "/complaint", data={"r": snap.receipt_no, "c": "K7Q4M2", "text": "Pritja ishte e gjatë.",
                                                        "lang": "sq"}, timeout=30)  # fmt: skip
    assert r.status_code == 201, r.text
    online_no = re.search(r"TR01-WEB-\d{6,7}\w", r.text)
    assert online_no is not None
    refused = requests.post(server.url + "/complaint", data={"r": snap.receipt_no, "c": "WRONG1", "text": "x"},
                            timeout=30)  # fmt: skip
    assert refused.status_code == 400 and "nuk ka kërkesë" in refused.text
    with server.db.read() as s:
        online = s.scalars(select(cm.Request).where(cm.Request.receipt_no == online_no.group())).one()
        assert (online.service_code, online.assignee, online.complaint_about, online.citizen_nid) == (
            "ANKESE", "super", snap.receipt_no, snap.citizen_nid)  # fmt: skip
        assert online.due_date > snap.created_at.date()
        at_counter = s.scalars(select(cm.Request).where(cm.Request.receipt_no == c_snap.receipt_no)).one()
        assert (at_counter.assignee, at_counter.complaint_about) == ("super", snap.receipt_no)
    # the desk pulls both; the supervisor's worklist has them
    page = desk.pull_page(0)
    raw = requests.get(server.url + "/v1/changes", params={"after": 0}, headers=desk.headers(), timeout=30).json()
    done = pull.apply_page(store, raw["changes"], next_cursor=page.next, epoch=page.epoch)
    assert done.set_aside == 0, done
    mine = queries.queue_page(store, queries.QueueFilter(assignee="super"))
    assert online_no.group() in {row.receipt_no for row in mine}
    with store.read() as s:
        pulled = queries.find_request(s, online_no.group())
        assert pulled.complaint_about == snap.receipt_no and pulled.service_code == "ANKESE"
    # counted per service and per clerk of the request they are about
    rep = json.loads(server.cli("citizens-report", "--by", "clerk", "--json").out)
    assert next(r for r in rep["rows"] if r["key"] == "TR01/clerk1")["complaints"] == 2


def test_the_return_e_mail_carries_the_survey_link_and_the_sms_stays_short(server: Server, desks: Any) -> None:
    from frontdesk.central.citizens.notify import render
    from frontdesk.central.citizens.settings import survey_secret

    set_public_url(server.db, server.url)
    desk: Desk = desks("TR01", "W01")
    op, snap = citizen_intake(desk)
    assert results(desk.push([op])) == ["applied"]
    backoffice.advance(server.db, snap.receipt_no, "returned", missing=["ID"])
    with server.db.read() as s:
        notes = {n.channel: n for n in s.scalars(select(cm.Notification))}
        key = survey_secret(server.db)
        mail, sms = render(s, notes["email"], key), render(s, notes["sms"], key)
    assert mail is not None and sms is not None
    link = re.search(r"Si shkoi\? (\S+)", mail.body)
    assert link and link.group(1).startswith(f"{server.url}/survey/{snap.receipt_no}/")
    assert "/survey/" not in sms.body and f"/status?r={snap.receipt_no}&c=K7Q4M2" in sms.body
    page = requests.get(link.group(1), timeout=30)  # the link opens the survey, ready to answer
    assert page.status_code == 200 and 'name="overall"' in page.text


def test_notify_test_sends_one_message_through_the_configured_sender(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    from frontdesk.central.cli import main

    db = ["--db", f"sqlite:///{tmp_path / 'c.db'}"]
    monkeypatch.delenv("FRONTDESK_NOTIFY_EMAIL_URL", raising=False)
    monkeypatch.delenv("FRONTDESK_NOTIFY_SMS_URL", raising=False)
    assert main(["notify", "test", *db, "--channel", "email", "--to", EMAIL]) == 3  # no sender: said, exit 3
    with SmtpServer(fail_first=1) as smtp:
        monkeypatch.setenv("FRONTDESK_NOTIFY_EMAIL_URL", smtp.url())
        assert main(["notify", "test", *db, "--channel", "email", "--to", EMAIL]) == 1  # refused: said
        assert main(["notify", "test", *db, "--channel", "email", "--to", EMAIL]) == 0
    out = capsys.readouterr()
    assert "test email sent" in out.out and "not sent" in out.err and EMAIL not in out.out + out.err
    assert [m["to"] for m in smtp.inbox.received] == [[EMAIL]]


def test_pages_under_the_public_address_path_link_under_it(server: Server, desks: Any) -> None:
    """The municipality's proxy serves the pages at https://…/qytetaret (stripping the path on the way in):
    the style sheet, the forms, the language switch and the survey's form all start with /qytetaret."""
    set_public_url(server.db, PUBLIC)
    desk: Desk = desks("TR01", "W01")
    op, snap = citizen_intake(desk)
    assert results(desk.push([op])) == ["applied"]
    page = requests.get(server.url + "/status", params={"r": snap.receipt_no, "c": "K7Q4M2"}, timeout=30).text
    for link in ('href="/qytetaret/citizens/static/citizens.css"', 'action="/qytetaret/status"',
                 'href="/qytetaret/complaint?lang=sq"', 'href="/qytetaret/status?r='):  # fmt: skip
        assert link in page, link
    assert not re.search(r'(href|action)="/(status|complaint|survey|citizens)', page)
    set_public_url(server.db, None)  # no public address: the pages link from the root
    page = requests.get(server.url + "/status", timeout=30).text
    assert 'action="/status"' in page and 'href="/citizens/static/citizens.css"' in page


# ------------------------------------------------------------------------------------------ the console


def test_the_console_shows_the_citizens_beside_the_clerks_ratings(server: Server, desks: Any) -> None:
    """The manager's report on the console (issue 13) carries what the citizens say with the shared
    definitions: the figures on the page and in its CSV are the central citizens' report's."""
    from frontdesk.central.citizens.report import citizens_report
    from frontdesk.central.performance import today_local

    from .console_helpers import add_staff, console

    desk: Desk = desks("TR01", "W01")
    set_public_url(server.db, server.url)
    op, snap = citizen_intake(desk)
    assert results(desk.push([op])) == ["applied"]
    assert results(desk.push([desk.status_op(snap, "received", "ready")])) == ["applied"]
    assert results(desk.push([desk.status_op(snap, "ready", "delivered", rating=2)])) == ["applied"]  # the clerk's
    url = status_json(server, snap.receipt_no, "K7Q4M2").json()["survey_url"]
    answer = {"kept": "no", "clear": "yes", "overall": "5", "lang": "sq"}  # the citizen's own
    assert requests.post(url.split("?")[0], data=answer, timeout=30).status_code == 200
    op_c, _ = citizen_intake(desk, service="ANKESE", about=snap.receipt_no, code="M2K7Q4", assignee="super")
    assert results(desk.push([op_c])) == ["applied"]

    add_staff(server, "drejtori", "manager")
    c = console(server, "drejtori")
    today = today_local()
    params = f"from={today.replace(day=1).isoformat()}&to={today.isoformat()}&by=service"
    page = c.get(f"/console/perf?{params}")
    assert page.status_code == 200 and 'id="citizens"' in page.text and "Çfarë thonë qytetarët" in page.text
    rep = citizens_report(server.db, by="service", date_from=today.replace(day=1), date_to=today)
    row = next(r for r in rep.rows if r.key == "CERT-FAM")
    assert (row.answers, row.overall_avg, row.kept_share, row.clear_share) == (1, 5.0, 0.0, 1.0)
    assert (row.clerk_ratings, row.clerk_avg, row.complaints) == (1, 2.0, 1)  # never mixed with the citizen's 5
    table = page.text.split('id="citizens"', 1)[1].split("</table>", 1)[0]
    cert = next(tr for tr in table.split("<tr>") if "CERT-FAM" in tr)
    cells = re.findall(r"<td>([^<]*)</td>", cert)
    assert cells[0] == "1" and cells[1].startswith("5") and cells[2].startswith("0") and cells[5].startswith("2")
    assert cells[6] == "1"
    csv_r = c.get(f"/console/perf/citizens.csv?{params}")
    assert csv_r.headers["content-type"].startswith("text/csv")
    lines = csv_r.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("key,label,citizen_answers") and any(ln.startswith("CERT-FAM,") for ln in lines)
    cert_csv = next(ln for ln in lines if ln.startswith("CERT-FAM,")).split(",")
    assert cert_csv[2:] == ["1", "5.0", "0.0", "1.0", "1", "2.0", "1"]
    by_clerk = c.get(f"/console/perf?{params.replace('by=service', 'by=clerk')}").text
    assert "TR01/clerk1" in by_clerk.split('id="citizens"', 1)[1]
    office = c.get(f"/console/perf?{params.replace('by=service', 'by=office')}").text  # not a survey grouping
    assert "pyetësori nuk grupohet sipas zyrës" in office and 'id="citizens"' in office
    en = c.get("/console/lang/en?next=/console/perf")
    assert en.status_code == 303 and "What the citizens say" in c.get(f"/console/perf?{params}").text
