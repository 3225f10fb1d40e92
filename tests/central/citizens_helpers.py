"""Helpers of the citizens' tests: a local SMTP server (aiosmtpd) and a local fake SMS gateway (speaking
SMSEagle's JSON-RPC, which apprise's ``smseagle://`` sends to), each able to refuse its first messages;
intakes with the citizens' fields. Fictitious people and addresses only."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from aiosmtpd.controller import Controller

from frontdesk import wire as p
from frontdesk.clock import uuid7

from .conftest import Desk, free_port

EMAIL = "drita.shembull@example.com"
PHONE = "+355 69 123 4567"


@dataclass
class Inbox:
    """What a gateway received and refused."""

    fail_first: int = 0
    attempts: int = 0
    received: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, message: dict[str, Any]) -> bool:
        with self.lock:
            self.attempts += 1
            if self.attempts <= self.fail_first:
                return False
            self.received.append(message)
            return True


class SmtpServer:
    """aiosmtpd on a free loopback port; the first ``fail_first`` messages answer 451 (try again later)."""

    def __init__(self, fail_first: int = 0) -> None:
        self.inbox = Inbox(fail_first)
        self.port = free_port()
        inbox = self.inbox

        class Handler:
            async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
                ok = inbox.take({"to": list(envelope.rcpt_tos), "data": envelope.content.decode("utf-8", "replace")})
                return "250 OK" if ok else "451 4.3.0 Try again later"

        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)

    def url(self) -> str:
        return f"mailto://127.0.0.1:{self.port}?from=zyra@bashkia-shembull.example&mode=insecure"

    def __enter__(self) -> SmtpServer:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()


class SmsGateway:
    """A local fake SMS gateway (SMSEagle's JSON-RPC ``/jsonrpc/sms``); the first ``fail_first`` messages
    answer 503."""

    def __init__(self, fail_first: int = 0) -> None:
        self.inbox = Inbox(fail_first)
        inbox = self.inbox

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
                params = body.get("params", {})
                ok = inbox.take({"to": params.get("to"), "message": params.get("message"),
                                 "token": params.get("access_token"), "path": self.path})  # fmt: skip
                answer = {"result": {"message_id": len(inbox.received), "status": "ok"}} if ok else {"result": "busy"}
                data = json.dumps(answer).encode()
                self.send_response(200 if ok else 503)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self) -> str:
        return f"smseagle://fake-token-0123456789@127.0.0.1:{self.port}/{{to}}"

    def __enter__(self) -> SmsGateway:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def citizen_intake(desk: Desk, *, consent: bool = True, email: str | None = EMAIL, phone: str | None = PHONE,
                   code: str = "K7Q4M2", service: str = "CERT-FAM", about: str | None = None,
                   assignee: str = "clerk1") -> tuple[p.Op, p.RequestSnapshot]:  # fmt: skip
    """A desk's intake with the citizens' fields (consent, contact, the lookup code, a complaint's receipt)."""
    op, snap = desk.intake()
    days = 10 if service == "ANKESE" else snap.standard_days
    from frontdesk.deadlines import promised_date

    snap = snap.model_copy(update={
        "notify_consent": consent, "contact_email": email, "citizen_phone": phone, "lookup_code": code,
        "service_code": service, "complaint_about": about, "assignee": assignee, "standard_days": days,
        "due_date": promised_date(snap.created_at, days), "documents": [] if service == "ANKESE" else snap.documents,
    })  # fmt: skip
    assert op.request is not None
    snap = p.RequestSnapshot.model_validate(snap.model_dump())
    op = p.Op(op_id=uuid7(), kind="request.intake", created_at=op.created_at,
              request=op.request.model_copy(update={"request": snap}))  # fmt: skip
    return op, snap
