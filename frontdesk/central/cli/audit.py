"""The central audit trail and the key escrow: actions, escrow setup / reveal."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..db import Database
from .common import _actor, _Parser


def cmd_actions(args: argparse.Namespace, db: Database) -> int:
    from ..admin_log import actions

    rows = actions(db, limit=args.limit)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            print(f"{r['at']}\t{r['actor']}\t{r['action']}\t{r['unit'] or '-'}\t{r['subject'] or '-'}")
    return 0


# ------------------------------------------------------------------------------------------------ key escrow


def cmd_escrow_setup(args: argparse.Namespace, db: Database) -> int:
    from frontdesk.private import secure_dir, write_private

    from ..escrow import setup

    out = Path(args.private_key_out)
    if out.exists():
        print(f"error: {out} exists: choose a new file (an escrow private key is never overwritten)", file=sys.stderr)
        return 6
    try:
        if not out.parent.exists():
            secure_dir(out.parent)
        probe = out.with_name(out.name + ".probe")
        write_private(probe, b"")
        probe.unlink()
    except OSError as exc:
        print(f"error: {out} cannot be written: {exc.strerror or exc}", file=sys.stderr)
        return 1
    pem = setup(db, actor=_actor())
    write_private(out, pem)
    print(f"Escrow key made. Its private key is in {out} (readable by you only): keep it off this server, "
          "in a safe place; it is the only way to read a desk's escrowed database key.")  # fmt: skip
    return 0


def cmd_escrow_reveal(args: argparse.Namespace, db: Database) -> int:
    from ..escrow import reveal

    path = Path(args.private_key)
    try:
        with open(path, "rb") as f:
            pem = f.read(64 * 1024)
    except OSError as exc:
        print(f"error: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
        return 5
    found = reveal(db, args.unit, args.workstation, pem, actor=_actor())
    if args.json:
        print(json.dumps([r.__dict__ for r in found], indent=2))
    else:
        for r in found:
            print(f"{r.unit}/{r.workstation}  database key {r.key_id[:8]}…  escrowed {r.escrowed_at}\n"
                  f"  recovery code: {r.recovery_code}")  # fmt: skip
        print("At the desk: frontdesk key recover (the recovery code on standard input). This reveal is in the "
              "central audit trail.")  # fmt: skip
    return 0


def register(sub: Any, common: _Parser) -> None:
    acts = sub.add_parser("actions", parents=[common], help="the central audit trail of administrative actions")
    acts.add_argument("--limit", type=int, default=200)
    acts.add_argument("--json", action="store_true")
    acts.set_defaults(handler=cmd_actions)

    esc = sub.add_parser("escrow", help="the desks' database keys kept in escrow")
    esc_sub = esc.add_subparsers(dest="escrow_command", required=True, parser_class=_Parser)
    es = esc_sub.add_parser("setup", parents=[common], help="make the escrow key pair (private key to a file)")
    es.add_argument("--private-key-out", required=True, metavar="FILE", help="a new file for the private key")
    es.set_defaults(handler=cmd_escrow_setup)
    er = esc_sub.add_parser(
        "reveal", parents=[common], help="open a workstation's escrowed recovery code (in the audit trail)"
    )
    er.add_argument("--unit", required=True)
    er.add_argument("--workstation", required=True)
    er.add_argument("--private-key", required=True, metavar="FILE")
    er.add_argument("--json", action="store_true")
    er.set_defaults(handler=cmd_escrow_reveal)
