"""Accounts: user … (the units' users, the central system their authority) and staff … (the console's)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..db import Database
from .common import _actor, _Parser, _read_password


def _account_line(a: Any) -> str:
    state = "active" if a.active else "inactive"
    flag = " (must change password)" if a.must_change_password else ""
    return f"{a.username:<16} {a.role:<11} {state:<9} {a.full_name}{flag}"


def cmd_user_add(args: argparse.Namespace, db: Database) -> int:
    from ..accounts import add_user

    password = _read_password("Temporary password: ")
    a = add_user(db, args.unit, args.username, args.role, args.name, password,
                 must_change_password=not args.no_change, actor=_actor())  # fmt: skip
    print(f"User {a.username} ({a.role}) added to unit {a.unit_code}; the unit's desks get it at their next sync")
    return 0


def cmd_user_list(args: argparse.Namespace, db: Database) -> int:
    from ..accounts import list_users

    users = list_users(db, args.unit)
    if args.json:
        print(json.dumps([{**u.__dict__, "updated_at": u.updated_at.isoformat()} for u in users], ensure_ascii=False,
                         indent=2))  # fmt: skip
    else:
        print("\n".join(_account_line(u) for u in users) or "no users")
    return 0


def cmd_user_role(args: argparse.Namespace, db: Database) -> int:
    from ..accounts import set_role

    a = set_role(db, args.unit, args.username, args.role, actor=_actor())
    print(f"User {a.username} is now {a.role}")
    return 0


def cmd_user_active(args: argparse.Namespace, db: Database) -> int:
    from ..accounts import set_active

    a = set_active(db, args.unit, args.username, args.active, actor=_actor())
    print(f"User {a.username} {'activated' if a.active else 'deactivated'}")
    return 0


def cmd_user_reset(args: argparse.Namespace, db: Database) -> int:
    from ..accounts import reset_password

    password = _read_password("Temporary password: ")
    a = reset_password(db, args.unit, args.username, password, actor=_actor())
    print(f"Password of {a.username} reset; it must be changed at the next sign-in")
    return 0


def cmd_user_offers(args: argparse.Namespace, db: Database) -> int:
    from ..accounts import offers

    found = offers(db, args.unit, pending_only=not args.all)
    if args.json:
        print(json.dumps([{**o.__dict__, "offered_at": o.offered_at.isoformat()} for o in found],
                         ensure_ascii=False, indent=2))  # fmt: skip
    else:
        for o in found:
            print(f"{o.username:<16} {o.role:<11} {o.workstation:<4} {o.decision:<9} {o.full_name}")
        if not found:
            print("no offers")
    return 0


def cmd_user_accept(args: argparse.Namespace, db: Database) -> int:
    from ..accounts import accept_offer

    a = accept_offer(db, args.unit, args.username, workstation=args.workstation, role=args.role, actor=_actor())
    print(f"User {a.username} ({a.role}) accepted into unit {a.unit_code}")
    return 0


def cmd_user_decline(args: argparse.Namespace, db: Database) -> int:
    from ..accounts import decline_offer

    decline_offer(db, args.unit, args.username, workstation=args.workstation, actor=_actor())
    print(f"Offer of {args.username.strip().lower()} declined")
    return 0


# ------------------------------------------------------------------------------------------------ the console


def cmd_staff_add(args: argparse.Namespace, db: Database) -> int:
    from ..staff import add_staff

    password = _read_password("Temporary password: ")
    a = add_staff(db, args.username, args.role, args.name, password, office=args.office,
                  must_change_password=not args.no_change, actor=_actor())  # fmt: skip
    where = f" of {a.office}" if a.office else ""
    change = "; the password is changed at the first sign-in" if a.must_change_password else ""
    print(f"Staff account {a.username} ({a.role}{where}) created{change}")
    return 0


def cmd_staff_list(args: argparse.Namespace, db: Database) -> int:
    from ..staff import list_staff

    rows = list_staff(db)
    if args.json:
        print(json.dumps([{"username": a.username, "full_name": a.full_name, "role": a.role, "office": a.office,
                           "active": a.active} for a in rows], ensure_ascii=False, indent=2))  # fmt: skip
    else:
        for a in rows:
            print(f"{a.username:<16} {a.role:<8} {'active' if a.active else 'inactive':<9} {a.full_name}"
                  + (f" — {a.office}" if a.office else ""))  # fmt: skip
        if not rows:
            print("no staff accounts")
    return 0


def cmd_staff_active(args: argparse.Namespace, db: Database) -> int:
    from ..staff import set_staff_active

    a = set_staff_active(db, args.username, args.active, actor=_actor())
    print(f"Staff account {a.username} {'activated' if a.active else 'deactivated'}")
    return 0


def cmd_staff_reset(args: argparse.Namespace, db: Database) -> int:
    from ..staff import reset_staff_password

    password = _read_password("Temporary password: ")
    a = reset_staff_password(db, args.username, password, actor=_actor())
    print(f"Password of {a.username} reset; it must be changed at the next sign-in")
    return 0


def register(sub: Any, common: _Parser) -> None:
    user = sub.add_parser("user", help="the units' user accounts (the central system is their authority)")
    user_sub = user.add_subparsers(dest="user_command", required=True, parser_class=_Parser)
    ua = user_sub.add_parser("add", parents=[common], help="add a user (temporary password: one line on stdin)")
    ua.add_argument("username")
    ua.add_argument("--unit", required=True)
    ua.add_argument("--role", required=True, choices=["clerk", "supervisor", "admin"])
    ua.add_argument("--name", required=True, help="full name")
    ua.add_argument("--no-change", action="store_true", help="do not ask for a new password at the first sign-in")
    ua.set_defaults(handler=cmd_user_add)
    ul = user_sub.add_parser("list", parents=[common], help="list a unit's users")
    ul.add_argument("--unit", required=True)
    ul.add_argument("--json", action="store_true")
    ul.set_defaults(handler=cmd_user_list)
    ur = user_sub.add_parser("role", parents=[common], help="give a user another role")
    ur.add_argument("username")
    ur.add_argument("role", choices=["clerk", "supervisor", "admin"])
    ur.add_argument("--unit", required=True)
    ur.set_defaults(handler=cmd_user_role)
    for name, active in (("activate", True), ("deactivate", False)):
        up = user_sub.add_parser(name, parents=[common], help=f"{name} a user")
        up.add_argument("username")
        up.add_argument("--unit", required=True)
        up.set_defaults(handler=cmd_user_active, active=active)
    up = user_sub.add_parser("reset-password", parents=[common], help="set a temporary password (stdin)")
    up.add_argument("username")
    up.add_argument("--unit", required=True)
    up.set_defaults(handler=cmd_user_reset)
    uo = user_sub.add_parser("offers", parents=[common], help="users desks offered at their enrolment")
    uo.add_argument("--unit", required=True)
    uo.add_argument("--all", action="store_true", help="decided offers too")
    uo.add_argument("--json", action="store_true")
    uo.set_defaults(handler=cmd_user_offers)
    uc = user_sub.add_parser("accept", parents=[common], help="make an account from an offered user")
    uc.add_argument("username")
    uc.add_argument("--unit", required=True)
    uc.add_argument("--workstation", help="when several desks offered the same name")
    uc.add_argument("--role", choices=["clerk", "supervisor", "admin"], help="another role than offered")
    uc.set_defaults(handler=cmd_user_accept)
    ud = user_sub.add_parser("decline", parents=[common], help="decline an offered user")
    ud.add_argument("username")
    ud.add_argument("--unit", required=True)
    ud.add_argument("--workstation")
    ud.set_defaults(handler=cmd_user_decline)
    staff = sub.add_parser("staff", help="the console's staff accounts (officers, managers, IT administrators)")
    staff_sub = staff.add_subparsers(dest="staff_command", required=True, parser_class=_Parser)
    sa = staff_sub.add_parser("add", parents=[common], help="add a staff account (temporary password on stdin)")
    sa.add_argument("username")
    sa.add_argument("--role", required=True, choices=["officer", "manager", "itadmin"])
    sa.add_argument("--name", required=True, help="full name")
    sa.add_argument("--office", help="an officer's office, as the catalogue names it")
    sa.add_argument("--no-change", action="store_true", help="do not ask for a new password at the first sign-in")
    sa.set_defaults(handler=cmd_staff_add)
    sl = staff_sub.add_parser("list", parents=[common], help="list the staff accounts")
    sl.add_argument("--json", action="store_true")
    sl.set_defaults(handler=cmd_staff_list)
    for name, active in (("activate", True), ("deactivate", False)):
        sp = staff_sub.add_parser(name, parents=[common], help=f"{name} a staff account")
        sp.add_argument("username")
        sp.set_defaults(handler=cmd_staff_active, active=active)
    sr = staff_sub.add_parser("reset-password", parents=[common], help="set a temporary password (stdin)")
    sr.add_argument("username")
    sr.set_defaults(handler=cmd_staff_reset)
