"""Helpers of the console tests: a browser-like HTTP client that keeps the console's cookies itself (they
are ``Secure``, which ``requests`` will not send over the loopback's plain http — a browser does; the
tests read the ``Set-Cookie`` header and check its attributes), staff accounts, and requests of any
service pushed by a real desk."""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from typing import Any

import requests

from frontdesk import wire as p
from frontdesk.central import staff
from frontdesk.clock import utcnow, uuid7
from frontdesk.deadlines import promised_date

from .conftest import NID, Desk, Server

STAFF_PASSWORD = "konsola-prove-1"  # the test staff accounts' password (a throwaway)
OFFICE = "Zyra e Gjendjes Civile"  # CERT-FAM's office in the small test catalogue
OTHER_OFFICE = "Drejtoria e Taksave Vendore"  # TAX-STMT's
_CSRF = re.compile(r'name="csrf" value="([^"]*)"')


def cookie_of(response: requests.Response, name: str) -> tuple[str, str] | None:
    """The value and the attributes of cookie ``name`` in a response's Set-Cookie headers."""
    for header in response.raw.headers.getlist("set-cookie"):
        first, _, attrs = header.partition(";")
        key, _, value = first.partition("=")
        if key.strip() == name:
            return value.strip(), attrs
    return None


@dataclass
class Console:
    """One browser on the console: its cookies, the CSRF token of its session, the last page."""

    base: str
    cookies: dict[str, str] = field(default_factory=dict)
    session: requests.Session = field(default_factory=requests.Session)
    csrf: str = ""
    last: requests.Response | None = None

    def _keep(self, r: requests.Response) -> None:
        for header in r.raw.headers.getlist("set-cookie"):
            first, _, attrs = header.partition(";")
            key, _, value = first.partition("=")
            if "max-age=0" in attrs.lower() or 'expires=thu, 01 jan 1970' in attrs.lower() or value.strip() in ('""', ""):
                self.cookies.pop(key.strip(), None)
            else:
                self.cookies[key.strip()] = value.strip()
        token = _CSRF.search(r.text) if "html" in r.headers.get("content-type", "") else None
        if token and "__Host-fdc" in self.cookies:
            self.csrf = html.unescape(token.group(1))
        self.last = r

    def _headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        h = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
        return {**h, **(extra or {})}

    def get(self, path: str, **kw: Any) -> requests.Response:
        r = self.session.get(self.base + path, headers=self._headers(), allow_redirects=False, timeout=60, **kw)
        self._keep(r)
        return r

    def post(self, path: str, data: dict[str, Any] | list[tuple[str, str]] | None = None, *, csrf: bool = True,
             headers: dict[str, str] | None = None, **kw: Any) -> requests.Response:  # fmt: skip
        body: Any = data or {}
        if csrf:
            body = [*(body.items() if isinstance(body, dict) else body), ("csrf", self.csrf)]
        r = self.session.post(self.base + path, data=body, headers=self._headers(headers), allow_redirects=False,
                              timeout=60, **kw)  # fmt: skip
        self._keep(r)
        return r

    def login(self, username: str, password: str = STAFF_PASSWORD, *, next_path: str = "") -> requests.Response:
        page = self.get("/console/login")
        token = _CSRF.search(page.text)
        assert token, page.text
        r = self.session.post(self.base + "/console/login",
                              data={"csrf": html.unescape(token.group(1)), "username": username, "password": password,
                                    "next": next_path},
                              headers=self._headers(), allow_redirects=False, timeout=60)  # fmt: skip
        self._keep(r)
        if r.status_code == 303 and "__Host-fdc" in self.cookies:
            self.get(r.headers["location"].removeprefix(self.base))  # lands on a page: its CSRF token
        return r


def add_staff(server: Server, username: str, role: str, office: str | None = None) -> None:
    staff.add_staff(server.db, username, role, f"{username.title()} Provë (TEST)", STAFF_PASSWORD, office=office,
                    must_change_password=False)  # fmt: skip


def console(server: Server, username: str | None = None) -> Console:
    c = Console(server.url)
    if username is not None:
        r = c.login(username)
        assert r.status_code == 303, r.text
    return c


def intake(desk: Desk, *, service: str = "CERT-FAM", days: int = 1, name: str = "Drita Shembulli (TEST)",
           status: str | None = None) -> p.RequestSnapshot:  # fmt: skip
    """A request of ``service`` pushed by ``desk`` (then moved to ``status`` by the desk, if given)."""
    op, snap = desk.intake(name=name)
    snap = snap.model_copy(update={"service_code": service, "standard_days": days,
                                   "due_date": promised_date(snap.created_at, days)})  # fmt: skip
    assert op.request is not None
    op = op.model_copy(update={"request": op.request.model_copy(update={"request": snap})})
    (res,) = desk.push([op])
    assert res.result == "applied", res
    if status is not None:
        (res,) = desk.push([desk.status_op(snap, "received", status)])
        assert res.result == "applied", res
    return snap


def old_intake(desk: Desk, days_ago: int, **kw: Any) -> p.RequestSnapshot:
    """A request received ``days_ago`` days ago (within the server's time window), so it is overdue."""
    now = utcnow() - dt.timedelta(days=days_ago)
    op, snap = desk.intake(name=kw.pop("name", "Qytetar i Vonuar (TEST)"))
    snap = snap.model_copy(update={"created_at": now, "updated_at": now, "due_date": promised_date(now, 1)})
    assert op.request is not None and op.request.event is not None
    ev = op.request.event.model_copy(update={"device_time": now})
    op = op.model_copy(update={"request": op.request.model_copy(update={"request": snap, "event": ev})})
    (res,) = desk.push([op])
    assert res.result == "applied", res
    return snap


__all__ = ["NID", "OFFICE", "OTHER_OFFICE", "STAFF_PASSWORD", "Console", "add_staff", "console", "cookie_of",
           "intake", "old_intake", "uuid7"]  # fmt: skip
