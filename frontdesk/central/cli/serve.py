"""The server and the citizens' messages: serve, public-url, notify run / test / list."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from ..db import ENV_DB, Database
from ..errors import BadRequest
from .common import _actor, _Parser


def cmd_serve(args: argparse.Namespace, db: Database) -> int:
    import uvicorn

    if args.notify:  # every worker process runs the notification sender (rows claimed in the database)
        from ..app import ENV_NOTIFY

        os.environ[ENV_NOTIFY] = "1"

    common = {"host": args.host, "port": args.port, "log_level": args.log_level, "proxy_headers": True,
              "forwarded_allow_ips": args.forwarded_allow_ips}  # fmt: skip
    if args.workers > 1:
        # Stateless worker processes over one database (PostgreSQL): each opens it from the environment.
        os.environ[ENV_DB] = db.url
        db.close()
        uvicorn.run("frontdesk.central.app:create_app_from_env", factory=True, workers=args.workers, **common)
        return 0
    from ..app import create_app

    uvicorn.run(create_app(db), **common)
    return 0


def cmd_public_url(args: argparse.Namespace, db: Database) -> int:
    from ..citizens.settings import public_url, set_public_url

    if args.url is None:
        with db.read() as s:
            print(public_url(s) or "(not set)")
        return 0
    url = set_public_url(db, args.url, actor=_actor())
    print(f"Public address set to {url}; the units' desks get it at their next sync" if url else
          "Public address cleared")  # fmt: skip
    return 0


def cmd_notify_run(args: argparse.Namespace, db: Database) -> int:
    import signal
    import threading

    from ..citizens import notify
    from ..citizens.senders import ENV_EMAIL, ENV_SMS, AppriseSender

    sender = AppriseSender.from_env()
    if sender is None:
        raise BadRequest(f"No sender is configured: set {ENV_EMAIL} and/or {ENV_SMS} (apprise URLs).")
    if args.once:
        counts = notify.run_once(db, sender)
        print(", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "nothing to send")
        return 0
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    notify.run_loop(db, sender, stop, interval=args.interval)
    return 0


def cmd_notify_test(args: argparse.Namespace, db: Database) -> int:
    """Send one test message through the configured sender (the outbox is not touched): the municipality's
    IT checks the sender's URL before citizens depend on it."""
    from ..citizens.senders import ENV_EMAIL, ENV_SMS, AppriseSender, SendFailed

    sender = AppriseSender.from_env()
    if sender is None or args.channel not in sender.channels():
        env = ENV_EMAIL if args.channel == "email" else ENV_SMS
        raise BadRequest(f"No {args.channel} sender is configured: set {env} (an apprise URL).")
    try:
        sender.send(args.channel, args.to, "Provë nga Zyra me Një Ndalesë",
                    "Mesazh prove: dërguesi i mesazheve për qytetarët punon.")  # fmt: skip
    except SendFailed as exc:
        print(f"not sent: {exc}", file=sys.stderr)
        return 1
    print(f"test {args.channel} sent")
    return 0


def cmd_notify_list(args: argparse.Namespace, db: Database) -> int:
    from ..citizens import notify

    rows = notify.outbox(db, limit=args.limit)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            print(f"{r['created_at']}\t{r['receipt_no']}\t{r['kind']}\t{r['channel']}\t{r['state']}\t"
                  f"attempts {r['attempts']}" + (f"\t{r['last_error']}" if r["last_error"] else ""))  # fmt: skip
        if not rows:
            print("no notifications")
    return 0


def register(sub: Any, common: _Parser) -> None:
    serve = sub.add_parser("serve", parents=[common], help="run the HTTP API (behind a TLS reverse proxy)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    serve.add_argument("--workers", type=int, default=1, choices=range(1, 65), metavar="N",
                       help="worker processes (stateless; over PostgreSQL for more than one)")
    serve.add_argument("--forwarded-allow-ips", default="127.0.0.1",
                       help="addresses of reverse proxies whose X-Forwarded-For is trusted (default 127.0.0.1)")
    serve.add_argument("--notify", action="store_true",
                       help="send the citizens' messages beside the API (sender from FRONTDESK_NOTIFY_*_URL)")
    serve.set_defaults(handler=cmd_serve)

    pub = sub.add_parser("public-url", parents=[common],
                         help="the municipality's public address (status page, QR code on receipts); shows it "
                              "without URL, clears it with ''")
    pub.add_argument("url", nargs="?")
    pub.set_defaults(handler=cmd_public_url)

    notify = sub.add_parser("notify", help="the citizens' messages (ready, returned for completion)")
    notify_sub = notify.add_subparsers(dest="notify_command", required=True, parser_class=_Parser)
    nrun = notify_sub.add_parser("run", parents=[common], help="send due messages (until stopped, or --once)")
    nrun.add_argument("--once", action="store_true")
    nrun.add_argument("--interval", type=float, default=5.0, help="seconds between looks when idle")
    nrun.set_defaults(handler=cmd_notify_run)
    ntest = notify_sub.add_parser("test", parents=[common],
                                  help="send one test message through the configured sender (not the outbox)")
    ntest.add_argument("--channel", choices=["email", "sms"], required=True)
    ntest.add_argument("--to", required=True, help="an e-mail address or a phone number")
    ntest.set_defaults(handler=cmd_notify_test)
    nlist = notify_sub.add_parser("list", parents=[common], help="the notification outbox, newest first")
    nlist.add_argument("--limit", type=int, default=200)
    nlist.add_argument("--json", action="store_true")
    nlist.set_defaults(handler=cmd_notify_list)
