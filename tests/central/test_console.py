"""The browser console over HTTP, against a real ``frontdesk-central serve``: signing in (Argon2, a session
cookie with the ``__Host-`` rules, lockout), CSRF on every form, the role check on every route, an officer
who sees only their office, escaping, security headers, both languages, the manager's report and exports
(the desk's definitions), IT administration — and the officer's changes going through the one apply path
to the desks' feed (SQLite and PostgreSQL). The real browser drives it in test_console_browser.py."""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from frontdesk import report_export
from frontdesk.central import models as cm
from frontdesk.central import performance
from frontdesk.central.console import account_pages, backoffice_pages, it_pages, manager_pages
from frontdesk.central.console.texts import TEXTS
from frontdesk.central.console.web import HERE

from .conftest import CATALOG, Desk, Server, start_server, stop_server
from .console_helpers import (
    OFFICE,
    OTHER_OFFICE,
    Console,
    add_staff,
    console,
    cookie_of,
    intake,
    old_intake,
)

XSS = "<script>alert('x')</script> Qytetar (TEST)"


@dataclass
class Env:
    server: Server
    desk: Desk
    desk2: Desk
    mine: list[str]  # receipt numbers of the officer's office
    other: str  # a receipt number of another office


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Env]:
    """One server (SQLite) for the read-mostly tests: two units with a desk each, requests of two offices
    (one from a citizen called <script>), and a staff account of each role."""
    tmp = tmp_path_factory.mktemp("console")
    srv = start_server(f"sqlite:///{tmp / 'central.db'}", tmp / "server.log")
    try:
        srv.publish_catalog()
        desks = []
        for unit in ("TR01", "TR02"):
            srv.add_unit(unit)
            srv.add_users(unit)
            d = Desk(srv, unit, "W01")
            assert d.enrol(srv.enrol_code(unit)).status_code == 200
            desks.append(d)
        mine = [intake(desks[0], status="forwarded").receipt_no, intake(desks[1], name=XSS).receipt_no,
                old_intake(desks[0], 20).receipt_no]  # fmt: skip
        other = intake(desks[0], service="TAX-STMT", days=3, status="forwarded").receipt_no
        add_staff(srv, "arta", "officer", OFFICE)
        add_staff(srv, "taksa", "officer", OTHER_OFFICE)
        add_staff(srv, "besi", "manager")
        add_staff(srv, "iliri", "itadmin")
        yield Env(srv, desks[0], desks[1], mine, other)
    finally:
        stop_server(srv)
    log = (tmp / "server.log").read_text(errors="replace")
    assert "Traceback" not in log, log


# ------------------------------------------------------------------------------------------------ signing in


def test_sign_in_gives_a_host_only_secure_cookie_and_signing_out_ends_the_session(env: Env) -> None:
    c = Console(env.server.url)
    page = c.get("/console/login")
    pre = cookie_of(page, "__Host-fdc-pre")
    assert pre is not None and "Secure" in pre[1] and "HttpOnly" in pre[1]
    r = c.login("arta")
    assert r.status_code == 303 and r.headers["location"] == "/console/bo"
    value, attrs = cookie_of(r, "__Host-fdc") or ("", "")
    assert len(value) >= 40
    low = attrs.lower()
    assert "secure" in low and "httponly" in low and "samesite=strict" in low and "path=/" in low
    assert "domain" not in low  # __Host-: bound to this host
    assert c.get("/console/bo").status_code == 200
    # the token is stored only as its hash
    with env.server.db.read() as s:
        ids = set(s.scalars(select(cm.ConsoleSession.id)))
    assert value not in ids and len(next(iter(ids))) == 64
    out = c.post("/console/logout")
    assert out.status_code == 303 and out.headers["location"] == "/console/login"
    assert c.get("/console/bo").status_code == 303  # back to the sign-in page
    reuse = requests.get(env.server.url + "/console/bo", headers={"Cookie": f"__Host-fdc={value}"},
                         allow_redirects=False, timeout=30)  # fmt: skip
    assert reuse.status_code == 303 and reuse.headers["location"].startswith("/console/login")


def test_wrong_passwords_lock_the_account(env: Env) -> None:
    add_staff(env.server, "mbyllur", "manager")
    c = Console(env.server.url)
    for _ in range(4):
        r = c.login("mbyllur", "e-gabuar-0")
        assert r.status_code == 401 and "nuk është i saktë" in r.text
    fifth = c.login("mbyllur", "e-gabuar-0")
    assert fifth.status_code == 401 and "bllokuar për 15 minuta" in fifth.text
    r = c.login("mbyllur")  # the right password, but locked now
    assert r.status_code == 401 and "bllokuar" in r.text and "__Host-fdc" not in c.cookies
    unknown = c.login("askush", "e-gabuar-0")
    assert unknown.status_code == 401 and "nuk është i saktë" in unknown.text  # the same sentence
    with env.server.db.read() as s:
        row = s.get_one(cm.Staff, "mbyllur")
        assert row.locked_until is not None
        actions = list(s.scalars(select(cm.AdminAction.action).where(cm.AdminAction.subject == "mbyllur")))
    assert actions.count("console_sign_in_failed") == 6


def test_signing_in_never_sends_you_to_another_site(env: Env) -> None:
    for target in ("https://example.org/x", "//example.org/x", "/elsewhere", "/console\\..\\x"):
        c = Console(env.server.url)
        r = c.login("besi", next_path=target)
        assert r.status_code == 303 and r.headers["location"] == "/console/perf", target
    c = Console(env.server.url)
    assert c.login("besi", next_path="/console/perf/overdue").headers["location"] == "/console/perf/overdue"
    lang = c.get("/console/lang/en?next=https://example.org/")
    assert lang.headers["location"] == "/console/"


# ------------------------------------------------------------------------------------------------ CSRF, roles


def test_every_form_needs_the_sessions_token_from_this_site(env: Env) -> None:
    c = console(env.server, "arta")
    receipt = env.mine[0]
    path = f"/console/bo/r/{receipt}/note"
    assert c.post(path, {"text": "pa shenjë (TEST)"}, csrf=False).status_code == 403
    assert c.post(path, [("text", "shenjë e gabuar (TEST)"), ("csrf", "x" * 43)], csrf=False).status_code == 403
    other = console(env.server, "taksa")
    assert c.post(path, [("text", "shenja e tjetrit"), ("csrf", other.csrf)], csrf=False).status_code == 403
    foreign = c.post(path, {"text": "nga jashtë (TEST)"}, headers={"Origin": "https://example.org"})
    assert foreign.status_code == 403
    assert c.post(path, {"text": "me shenjë (TEST)"}).status_code == 303
    # the sign-in form has its own token (a cookie of its own before there is a session)
    anon = Console(env.server.url)
    anon.get("/console/login")
    r = anon.session.post(env.server.url + "/console/login", data={"username": "arta", "password": "x"},
                          allow_redirects=False, timeout=30)  # fmt: skip
    assert r.status_code == 403
    with env.server.db.read() as s:
        texts = [e.data.get("text") for e in s.scalars(select(cm.RequestEvent).where(cm.RequestEvent.kind == "note"))]
    assert texts == ["me shenjë (TEST)"]


def _routes() -> list[tuple[str, str]]:
    out = []
    for module, prefix in ((account_pages, ""), (backoffice_pages, ""), (manager_pages, ""), (it_pages, "")):
        for route in module.router.routes:
            for method in sorted(getattr(route, "methods", ())):
                out.append((method, prefix + route.path))  # type: ignore[attr-defined]
    return out


OWNER = {"/bo": "officer", "/perf": "manager", "/it": "itadmin"}


def test_every_route_checks_the_role(env: Env) -> None:
    people = {role: console(env.server, name) for role, name in
              (("officer", "arta"), ("manager", "besi"), ("itadmin", "iliri"))}  # fmt: skip
    anon = Console(env.server.url)
    checked = 0
    for method, path in _routes():
        owner = next((r for prefix, r in OWNER.items() if path.startswith(prefix)), None)
        if owner is None:
            continue
        url = "/console" + path.replace("{receipt}", env.mine[0]).replace("{unit}", "TR01").replace("{code}", "W01")
        url = url.replace("{action}", "add")
        for role, c in people.items():
            r = c.get(url) if method == "GET" else c.post(url, {})
            if role == owner:
                assert r.status_code != 403, (method, url, role)
            else:
                assert r.status_code == 403, (method, url, role, r.status_code)
                assert "Nuk keni leje" in r.text
            checked += 1
        r = anon.get(url) if method == "GET" else anon.post(url, {}, csrf=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/console/login"), (method, url)
    assert checked >= 3 * 25


def test_every_post_route_refuses_a_form_without_the_token_or_from_another_site(env: Env) -> None:
    """Not one form: every POST route of the console, sent by the role it belongs to, is refused without the
    session's token, with a wrong one, and from another site's page — and nothing is done."""
    who = {role: console(env.server, name) for role, name in
           (("officer", "arta"), ("manager", "besi"), ("itadmin", "iliri"))}  # fmt: skip
    with env.server.db.read() as s:
        actions = s.scalar(select(func.count()).select_from(cm.AdminAction))
    checked = 0
    for method, path in _routes():
        if method != "POST" or path == "/login":  # the sign-in form's own token: test_every_form_needs_...
            continue
        owner = next((r for prefix, r in OWNER.items() if path.startswith(prefix)), "officer")
        c = who[owner]
        url = "/console" + path.replace("{receipt}", env.mine[0]).replace("{action}", "add")
        data = {"text": "x", "to": "ready", "version": "1", "unit": "TR01", "code": "TR08", "name": "X (TEST)"}
        assert c.post(url, data, csrf=False).status_code == 403, url
        assert c.post(url, [*data.items(), ("csrf", "y" * 43)], csrf=False).status_code == 403, url
        assert c.post(url, data, headers={"Origin": "https://example.org"}).status_code == 403, url
        assert c.post(url, data, headers={"Referer": "https://example.org/x"}).status_code == 403, url
        assert c.get("/console/password").status_code == 200, url  # still signed in: logout was refused too
        checked += 1
    assert checked == 13
    with env.server.db.read() as s:
        assert s.scalar(select(func.count()).select_from(cm.AdminAction)) == actions


def test_an_officer_sees_only_the_requests_of_their_office(env: Env) -> None:
    arta, taksa = console(env.server, "arta"), console(env.server, "taksa")
    page = arta.get("/console/bo?status=all").text
    assert all(no in page for no in env.mine) and env.other not in page
    assert env.mine[0] not in taksa.get("/console/bo?status=all").text
    assert env.other in taksa.get("/console/bo?status=all").text
    assert arta.get(f"/console/bo/r/{env.other}").status_code == 404  # not even "exists"
    for action, data in (("status", {"to": "ready", "version": "2"}), ("note", {"text": "x"}), ("take", {})):
        assert arta.post(f"/console/bo/r/{env.other}/{action}", data).status_code == 404
    assert arta.post(f"/console/bo/r/{env.other}/status", {"to": "ready", "version": "2", "service": "CERT-FAM"}
                     ).status_code == 404  # fmt: skip
    with env.server.db.read() as s:
        other = s.scalars(select(cm.Request).where(cm.Request.receipt_no == env.other)).one()
    assert other.status == "forwarded"
    # filters: unit, overdue, due this week, mine
    assert env.mine[1] in arta.get("/console/bo?status=all&unit=TR02").text
    assert env.mine[0] not in arta.get("/console/bo?status=all&unit=TR02").text
    overdue = arta.get("/console/bo?status=all&overdue=1").text
    assert env.mine[2] in overdue and env.mine[0] not in overdue
    assert env.mine[2] not in arta.get("/console/bo?status=all&week=1").text


def test_a_citizen_called_script_is_shown_as_text(env: Env) -> None:
    arta = console(env.server, "arta")
    for page in (arta.get("/console/bo?status=all").text, arta.get(f"/console/bo/r/{env.mine[1]}").text):
        assert "<script>alert" not in page
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Qytetar (TEST)" in page
        assert len(re.findall(r"<script\b", page)) == 1  # only the console's own script tag
    detail = arta.get(f"/console/bo/r/{env.mine[1]}").text
    assert "*******99W" in detail and "J00101999W" not in detail  # the personal number, masked


def test_security_headers_on_pages_files_and_errors(env: Env) -> None:
    c = console(env.server, "besi")
    for r in (c.get("/console/perf"), c.get("/console/static/console.css"), c.get("/console/nowhere"),
              c.get("/console/bo"), Console(env.server.url).get("/console/login")):  # fmt: skip
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "same-origin"
    assert c.get("/console/perf").headers["cache-control"] == "no-store"
    assert c.get("/console/nowhere").status_code == 404
    assert "'unsafe-inline'" not in c.get("/console/perf").headers["content-security-policy"]
    api = requests.get(env.server.url + "/health", timeout=30)  # the desks' API keeps its JSON answers
    assert api.headers["content-type"] == "application/json"


# ------------------------------------------------------------------------------------------------ languages


def _used_keys() -> set[str]:
    keys = set()
    for path in (HERE / "templates").glob("*.html"):
        keys |= set(re.findall(r"""\bt\(\s*["']([a-z0-9_.]+)["']""", path.read_text(encoding="utf-8")))
    for path in HERE.glob("*.py"):
        keys |= set(re.findall(r"""["']((?:bo|perf|it|login|password|error)\.[a-z0-9_.]+)["']""",
                               path.read_text(encoding="utf-8")))  # fmt: skip
    return {k for k in keys if not k.endswith(".") and not k.endswith((".html", ".py"))}


def test_albanian_by_default_and_english_complete(env: Env) -> None:
    used = _used_keys()
    assert len(used) > 250
    assert sorted(used - set(TEXTS)) == []
    for key, (sq, en) in TEXTS.items():
        assert sq.strip() and en.strip(), key
        assert set(re.findall(r"{(\w+)}", sq)) == set(re.findall(r"{(\w+)}", en)), key
    dynamic = ("status.", "event.", "role.", "urole.", "anchor.", "bo.to.", "bo.done.", "bo.doc.", "perf.by.",
               "cat.f.", "ws.problem.")  # fmt: skip
    for prefix in dynamic:
        assert any(k.startswith(prefix) for k in TEXTS), prefix
    c = console(env.server, "besi")
    sq = c.get("/console/perf").text
    assert '<html lang="sq">' in sq and "Performanca kundrejt standardeve" in sq
    switch = c.get("/console/lang/en?next=/console/perf")
    assert switch.status_code == 303 and switch.headers["location"] == "/console/perf"
    en = c.get("/console/perf").text
    assert '<html lang="en">' in en and "Performance against the service standards" in en
    assert "Performanca" not in en.replace('lang="sq" hreflang="sq">Shqip', "")


# ------------------------------------------------------------------------------------------------ the manager


def test_the_managers_report_and_its_exports_have_the_desks_definitions(env: Env) -> None:
    c = console(env.server, "besi")
    today = performance.today_local()
    params = f"from={today.replace(day=1).isoformat()}&to={today.isoformat()}&by=service"
    page = c.get(f"/console/perf?{params}")
    assert page.status_code == 200 and "Certifikatë familjare" in page.text and "<svg" in page.text
    csv_r = c.get(f"/console/perf/export.csv?{params}")
    assert csv_r.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv_r.headers["content-disposition"]
    rep = performance.report(env.server.db, date_from=today.replace(day=1), date_to=today, by="service")
    assert csv_r.content.decode("utf-8-sig") == report_export.to_csv(rep)
    total = next(line for line in csv_r.content.decode("utf-8-sig").splitlines() if line.startswith("*,"))
    assert total.split(",")[2] == str(rep.total.received) and rep.total.received >= 3
    pdf = c.get(f"/console/perf/export.pdf?{params}")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "Performanca kundrejt standardeve" in text and "CERT-FAM" in text
    for by in ("unit", "office", "clerk", "month"):
        assert c.get(f"/console/perf?by={by}").status_code == 200
    assert "Zyra e Gjendjes Civile" in c.get("/console/perf?by=office").text
    bad = c.get("/console/perf?from=2026-13-45")
    assert bad.status_code == 200 and "nuk është e vlefshme" in bad.text
    overdue = c.get("/console/perf/overdue")
    assert env.mine[2] in overdue.text and env.mine[0] not in overdue.text
    assert env.mine[2] in c.get("/console/perf/overdue.csv").content.decode("utf-8-sig")
    assert env.mine[2] not in c.get(f"/console/perf/overdue?office={OTHER_OFFICE}").text


# ------------------------------------------------------------------------------------------------ IT administration


def test_it_administration(env: Env, tmp_path: Path) -> None:
    c = console(env.server, "iliri")
    assert c.get("/console/it").status_code == 200
    # units, one-time codes (shown once), and a desk that enrols with one
    assert c.post("/console/it/units", {"code": "tr09", "name": "Njësia e Nëntë (TEST)"}).status_code == 303
    assert c.post("/console/it/units", {"code": "TR09", "name": "Sërish (TEST)"}).status_code == 400
    made = c.post("/console/it/codes", {"unit": "TR09", "hours": "24"})
    code = re.search(r'id="enrol-code">([^<]+)<', made.text)
    assert made.status_code == 200 and code
    new = Desk(env.server, "TR09", "W07")
    assert new.enrol(code.group(1)).status_code == 200
    assert Desk(env.server, "TR09", "W08").enrol(code.group(1)).status_code == 403  # one-time
    # workstations: the new one is listed; revoked it answers 401
    assert "TR09-W07" in c.get("/console/it/workstations?unit=TR09").text
    assert c.post("/console/it/workstations/revoke", {"unit": "TR09", "workstation": "W07"}).status_code == 303
    assert "TR09-W07" in c.get("/console/it/workstations?unit=TR09").text
    assert c.post("/console/it/workstations/revoke", {"unit": "TR09", "workstation": "W07", "confirm": "1"}
                  ).status_code == 303  # fmt: skip
    assert new.changes_raw(0).status_code == 401
    assert c.get("/console/it/workstations/TR01/W01").status_code == 200
    # a new epoch needs the words typed
    assert c.post("/console/it/epoch", {"confirm": "po"}).status_code == 400
    before = env.server.health()["epoch"]
    assert c.post("/console/it/epoch", {"confirm": "EPOKË E RE"}).status_code == 200
    assert env.server.health()["epoch"] != before
    # the catalogue: problems with their lines, then a diff, then published exactly as shown
    broken = c.post("/console/it/catalog/check", files={"file": ("katalog.json", b'{"format": 1}', "application/json")})
    assert broken.status_code == 400 and "katalog.json:1" in broken.text
    text = CATALOG.read_text(encoding="utf-8").replace('"version": "test-1"', '"version": "test-2"')
    text = text.replace('"standard_days": 3', '"standard_days": 4')
    checked = c.post("/console/it/catalog/check", files={"file": ("k.json", text.encode(), "application/json")})
    assert checked.status_code == 200 and "TAX-STMT" in checked.text and "standardi (ditë)" in checked.text
    digest = re.search(r'name="digest" value="([0-9a-f]{64})"', checked.text)
    assert digest
    tampered = c.post("/console/it/catalog/publish", {"text": text.replace("test-2", "test-3"),
                                                      "digest": digest.group(1)})  # fmt: skip
    assert tampered.status_code == 303 and tampered.headers["location"] == "/console/it/catalog"
    assert c.post("/console/it/catalog/publish", {"text": text, "digest": digest.group(1)}).status_code == 303
    with env.server.db.read() as s:
        assert s.get(cm.CatalogVersion, "test-2") is not None and s.get(cm.CatalogVersion, "test-3") is None
    again = c.post("/console/it/catalog/check", files={"file": ("k.json", text.encode(), "application/json")})
    assert again.status_code == 400 and "publikuar tashmë" in again.text
    # the units' accounts (the central authority), offers
    assert c.post("/console/it/users/add", {"unit": "TR01", "username": "vera", "full_name": "Vera Provë (TEST)",
                                            "role": "clerk", "password": "perkohshem-1"}).status_code == 303  # fmt: skip
    assert c.post("/console/it/users/role", {"unit": "TR01", "username": "vera", "role": "supervisor"}).status_code == 303
    assert c.post("/console/it/users/deactivate", {"unit": "TR01", "username": "vera"}).status_code == 303
    assert c.post("/console/it/users/reset", {"unit": "TR01", "username": "vera", "password": "shkurt"}
                  ).status_code == 400  # fmt: skip
    page = c.get("/console/it/users?unit=TR01").text
    assert "vera" in page and "joaktiv" in page
    feed, _ = env.desk.pull_all()
    vera = [ch for ch in feed if ch.kind == "user" and ch.user is not None and ch.user.username == "vera"]
    assert [v.user.role for v in vera if v.user] == ["clerk", "supervisor", "supervisor"]
    # the console's own staff
    assert c.post("/console/it/staff/add", {"username": "dora", "full_name": "Dora Provë (TEST)", "role": "officer",
                                            "office": "Arkivi", "password": "perkohshem-1"}).status_code == 303  # fmt: skip
    assert c.post("/console/it/staff/add", {"username": "dora2", "full_name": "Pa Zyrë (TEST)", "role": "officer",
                                            "office": "", "password": "perkohshem-1"}).status_code == 400  # fmt: skip
    assert c.post("/console/it/staff/deactivate", {"username": "iliri"}).status_code == 400  # not oneself
    dora = console(env.server)
    assert dora.login("dora", "perkohshem-1").headers["location"] == "/console/password"
    assert dora.get("/console/bo").headers["location"] == "/console/password"  # nothing before a new password
    # the central audit trail has every console action, by name
    audit = c.get("/console/it/audit?actor=console:iliri").text
    for action in ("unit_add", "enrol_code", "revoke", "new_epoch", "catalog_publish", "user_add", "user_role",
                   "user_active", "staff_add"):  # fmt: skip
        assert f">{action}<" in audit, action


def test_a_workstation_shows_what_its_desk_says_still_waits(env: Env) -> None:
    """A push tells how many changes stay in the desk's outbox after it (a header); IT sees it, flagged when
    not zero. Anything but a plain number in range is not believed: shown as not said, the push applied."""
    from frontdesk import wire as p

    c = console(env.server, "iliri")

    def shown() -> str:
        page = c.get("/console/it/workstations/TR02/W01").text
        found = re.search(r"<dt>Në pritje te stacioni</dt><dd>([^<]*)</dd>", page)
        assert found, page
        return found.group(1)

    def say(value: str | None) -> None:
        extra: Any = {} if value is None else {p.OUTBOX_WAITING_HEADER: value.encode()}  # raw bytes, as sent
        assert env.desk2.push_raw([], extra=extra).status_code == 200

    say("1234")
    assert shown() == "1\u202f234"  # Albanian: a (narrow) space between thousands
    assert "ndryshime në pritje te stacioni" in c.get("/console/it").text  # flagged on the overview
    for hostile in ("-1", "+5", "1e3", "٣", "1 2", "0x10", "9" * 20, ""):
        say("7")
        say(hostile)
        assert shown() == "–", hostile
    say("0")
    assert shown() == "0"
    assert "ndryshime në pritje te stacioni" not in c.get("/console/it").text
    say(None)  # a desk that does not say it
    assert shown() == "–"


def test_offers_from_a_desk_are_accepted_in_the_console(env: Env) -> None:
    from frontdesk import wire as p

    env.server.add_unit("TR05")
    code = env.server.enrol_code("TR05")
    offered = p.UserOffer(username="pilot", full_name="Pilot Provë (TEST)", role="clerk",
                          password_hash="$argon2id$v=19$m=65536,t=3,p=2$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA")
    body = p.EnrolRequest(code=code, unit_code="TR05", workstation_code="W01", receipt_counter=0, users=[offered])
    assert requests.post(env.server.url + "/v1/enrol", json=body.model_dump(mode="json"), timeout=30).status_code == 200
    c = console(env.server, "iliri")
    assert "pilot" in c.get("/console/it/users?unit=TR05").text
    assert c.post("/console/it/users/accept", {"unit": "TR05", "username": "pilot", "workstation": "W01",
                                               "role": "supervisor"}).status_code == 303  # fmt: skip
    with env.server.db.read() as s:
        assert s.get_one(cm.User, ("TR05", "pilot")).role == "supervisor"


# ------------------------------------------------------------------------------------------------ the apply path


def _events(server: Server, receipt: str) -> list[Any]:
    with server.db.read() as s:
        rid = s.scalars(select(cm.Request.id).where(cm.Request.receipt_no == receipt)).one()
        return list(s.scalars(select(cm.RequestEvent).where(cm.RequestEvent.request_id == rid)
                              .order_by(cm.RequestEvent.device_time)))  # fmt: skip


def test_an_officers_changes_go_through_the_apply_path_to_the_desks(server: Server, desks: Any) -> None:
    desk: Desk = desks("TR01", "W01")
    snap = intake(desk, status="forwarded")
    ret = intake(desk, status="forwarded")
    add_staff(server, "arta", "officer", OFFICE)
    arta = console(server, "arta")
    base = f"/console/bo/r/{snap.receipt_no}"
    assert arta.post(f"{base}/take").headers["location"].endswith("?done=taken")
    assert "Kërkesa trajtohet nga ju" in arta.get(base).text
    stale = arta.post(f"{base}/status", {"to": "in_progress", "version": "1"})
    assert stale.status_code == 409 and "ndryshoi ndërkohë" in stale.text
    assert arta.post(f"{base}/status", {"to": "in_progress", "version": "2"}).status_code == 303
    no_reason = arta.post(f"{base}/status", {"to": "rejected", "version": "3"})
    assert no_reason.status_code == 400 and "arsye" in no_reason.text
    wrong = arta.post(f"{base}/status", {"to": "delivered", "version": "3"})
    assert wrong.status_code == 400
    assert arta.post(f"{base}/note", {"text": "Dokumentet u verifikuan (TEST)"}).status_code == 303
    assert arta.post(f"{base}/status", {"to": "ready", "version": "3", "note": "Gati (TEST)"}).status_code == 303
    assert arta.post(f"/console/bo/r/{ret.receipt_no}/status",
                     [("to", "returned"), ("version", "2"), ("missing", "ID"),
                      ("reason", "Karta e identitetit ka skaduar (TEST)")]).status_code == 303  # fmt: skip
    # the desks' feed: the changes of origin NULL, the officer named at workstation HQ
    changes, _ = desk.pull_all()
    mine = [ch.request for ch in changes if ch.kind == "request" and ch.request is not None]
    last = {c.request.receipt_no: c for c in mine}
    assert last[snap.receipt_no].request.status == "ready"
    assert last[ret.receipt_no].request.status == "returned"
    assert last[ret.receipt_no].request.documents_missing == ["ID"]
    evs = [e for c in mine for e in c.events]
    assert {e.actor for e in evs} == {"hq.arta"} and {e.workstation for e in evs} == {"HQ"}
    assert [e.kind for e in _events(server, snap.receipt_no)] == ["intake", "status", "status", "note", "status"]
    with server.db.read() as s:
        origins = set(s.scalars(select(cm.Change.origin).where(cm.Change.unit_code == "TR01", cm.Change.seq > desk.baseline,
                                                               cm.Change.kind == "request")))  # fmt: skip
        actions = [(a.actor, a.action) for a in s.scalars(select(cm.AdminAction).order_by(cm.AdminAction.id))]
    assert None in origins
    assert ("console:arta", "backoffice_take") in actions and ("console:arta", "backoffice_note") in actions
    assert actions.count(("console:arta", "backoffice_advance")) == 3
    # a rule the apply path enforces, shown to the officer: nothing leaves ready but delivery or correction
    final = arta.post(f"/console/bo/r/{ret.receipt_no}/status", {"to": "ready", "version": "3"})
    assert final.status_code == 409 and "nuk lejohet" in final.text  # returned waits for the counter
    # and the report counts it, with the desk's definitions
    today = performance.today_local()
    rep = performance.report(server.db, date_from=today, date_to=today, by="service")
    assert rep.total.received == 2 and rep.total.completed == 1 and rep.total.returned_rate == 0.5


# ------------------------------------------------------------------------------------------------ accessibility


class _Page(HTMLParser):
    """What the accessibility checks read from a page: landmarks, headings, controls and their labels."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.label_for: set[str] = set()
        self.open_labels = 0
        self.controls: list[tuple[dict[str, str], bool]] = []  # (attributes, inside a <label>)
        self.headings: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        if tag == "label":
            self.open_labels += 1
            if "for" in a:
                self.label_for.add(a["for"])
        elif tag in ("input", "select", "textarea"):
            self.controls.append((a, self.open_labels > 0))
        elif re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.open_labels -= 1


def _check_page(url: str, text: str) -> None:
    page = _Page()
    page.feed(text)
    tags = [t for t, _ in page.tags]
    assert page.tags[0][0] == "html" and page.tags[0][1].get("lang") in ("sq", "en"), url
    assert tags.count("main") == 1 and "header" in tags and "footer" in tags, url
    first_link = next(a for t, a in page.tags if t == "a")
    assert first_link.get("href") == "#main", url  # the skip link comes first in the focus order
    assert page.headings.count(1) == 1, url
    for before, after in itertools.pairwise(page.headings):
        assert after <= before + 1, (url, page.headings)  # no level skipped
    for attrs, wrapped in page.controls:
        if attrs.get("type") in ("hidden", "submit", "button") or "hidden" in attrs:
            continue
        named = wrapped or attrs.get("id", "\0") in page.label_for or attrs.get("aria-label")
        assert named, (url, attrs)
    for t, a in page.tags:
        if t == "th" and a.get("scope") is None:
            raise AssertionError((url, "a header cell without scope"))
    if any(t == "nav" for t in tags):
        assert all(a.get("aria-label") for t, a in page.tags if t == "nav"), url


def test_every_page_has_landmarks_headings_and_labelled_controls(env: Env) -> None:
    checked = 0
    for role, name in (("officer", "arta"), ("manager", "besi"), ("itadmin", "iliri")):
        c = console(env.server, name)
        for method, path in _routes():
            owner = next((r for prefix, r in OWNER.items() if path.startswith(prefix)), "any")
            if method != "GET" or owner not in (role, "any") or "export" in path or path.endswith(".csv"):
                continue
            url = "/console" + path.replace("{receipt}", env.mine[0]).replace("{unit}", "TR01").replace("{code}", "W01")
            if "{" in url or url.endswith(("/login", "/lang/{code}")):
                continue
            r = c.get(url)
            if r.status_code == 303:
                continue
            assert r.status_code == 200, (url, r.status_code)
            _check_page(url, r.text)
            checked += 1
    anon = Console(env.server.url)
    _check_page("/console/login", anon.get("/console/login").text)
    _check_page("/console/nowhere", anon.get("/console/nowhere").text)
    assert checked >= 15
