"""Set-up and users: init, user add/list/passwd, catalog import/list."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import Commands, actor, emit, read_input, read_password, store


def cmd_init(args: argparse.Namespace) -> int:
    from .. import setup, vault

    st = store(args)
    info = setup.init_workstation(st, args.unit, args.unit_name, args.workstation)
    created_users = setup.add_demo_catalog_and_users(st) if args.demo else []
    code = vault.recovery_code_at_init(st)
    kept = st.keys.where(st.key.key_id) if st.key is not None else None
    data = {**info.__dict__, "database": str(st.path), "demo_users": created_users, "recovery_code": code,
            "key_kept_in": kept}  # fmt: skip
    emit(
        args,
        data,
        lambda: (
            f"Workstation {info.workstation_code} of unit {info.unit_code} ready at {st.path}"
            + (
                f"\nDemo catalogue and users created ({', '.join(created_users)}; password {setup.DEMO_PASSWORD}, "
                "to be changed at the first sign-in)"
                if created_users
                else ""
            )
            + (f"\nThe database is encrypted; its key is kept in: {kept}" if kept else "")
            + (
                f"\n\nRecovery code of this desk's encrypted database: {code}\n"
                "Write it down now and keep it away from this computer (it is shown only this once): it opens the "
                "database and its backups if this computer's keyring is lost (frontdesk key recover)."
                if code
                else ""
            )
        ),
    )
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    from ..auth import add_user

    st = store(args)
    password = read_password("Password: ")
    info = add_user(
        st,
        None,
        args.username,
        args.role,
        args.name,
        password,
        must_change_password=args.must_change_password,
    )
    emit(
        args,
        {"id": info.id, "username": info.username, "full_name": info.full_name, "role": info.role},
        f"User {info.username} ({info.role}) added",
    )
    return 0


def cmd_user_passwd(args: argparse.Namespace) -> int:
    from ..sync.accounts import change_password

    current = read_password("Current password: ")
    new = read_password("New password: ")
    change_password(store(args), args.username, current, new)
    emit(args, {"username": args.username.strip().lower()}, "Password changed")
    return 0


def cmd_user_unlock(args: argparse.Namespace) -> int:
    from ..auth import unlock

    st = store(args)
    info = unlock(st, actor(st, args.as_user), args.username)
    emit(args, {"username": info.username, "locked_until": None}, f"User {info.username} can sign in again")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    from ..auth import list_users

    users = list_users(store(args), active_only=not args.all)
    emit(
        args,
        [u.__dict__ for u in users],
        lambda: (
            "\n".join(
                f"{u.username:<16} {u.role:<11} {'active' if u.active else 'inactive':<9} {u.full_name}" for u in users
            )
            or "no users"
        ),
    )
    return 0


def cmd_catalog_import(args: argparse.Namespace) -> int:
    from ..catalog import import_catalog
    from ..catalog_format import MAX_CATALOG_BYTES, catalog_from_bytes
    from ..clock import utcnow

    catalog = catalog_from_bytes(read_input(args.file, MAX_CATALOG_BYTES), Path(args.file).name)
    st = store(args)
    with st.write() as s:
        result = import_catalog(s, catalog, now=utcnow())
    emit(
        args,
        {"version": catalog.version, **result.__dict__},
        f"Catalogue {catalog.version}: {result.added} added, {result.updated} updated, "
        f"{result.deactivated} deactivated, {result.unchanged} unchanged",
    )
    return 0


def cmd_catalog_list(args: argparse.Namespace) -> int:
    from ..catalog import list_services

    st = store(args)
    with st.read() as s:
        services = list_services(s, active_only=not args.all)
    data = [
        {
            "code": v.code,
            "name_sq": v.name_sq,
            "name_en": v.name_en,
            "category": v.category,
            "fee_amount": v.fee_amount,
            "currency": v.currency,
            "standard_days": v.standard_days,
            "office": v.office,
            "active": v.active,
            "origin": v.origin,
            "documents": [
                {"code": d.code, "name_sq": d.name_sq, "name_en": d.name_en, "required": d.required}
                for d in v.documents
            ],
        }
        for v in services
    ]
    emit(
        args,
        data,
        lambda: "\n".join(
            f"{v.code:<10} {v.standard_days:>3} d {v.fee_amount:>6} {v.currency}  {v.name_sq}" for v in services
        ),
    )
    return 0


def register(c: Commands) -> None:
    sp = c.add("init", cmd_init, "initialise this workstation")
    sp.add_argument("--unit", required=True, help="unit code, 2–6 letters/digits")
    sp.add_argument("--unit-name", required=True)
    sp.add_argument("--workstation", required=True, help="workstation code, 1–4 letters/digits")
    sp.add_argument("--demo", action="store_true", help="also load the demo catalogue and demo users")

    user = c.group("user", "users", "user_cmd")
    sp = c.action(user, "add", cmd_user_add, "add a user (password: one line on stdin)")
    sp.add_argument("username")
    sp.add_argument("--role", required=True, choices=["clerk", "supervisor", "admin"])
    sp.add_argument("--name", required=True)
    sp.add_argument("--must-change-password", action="store_true")
    sp = c.action(user, "list", cmd_user_list, "list users")
    sp.add_argument("--all", action="store_true", help="include deactivated users")
    sp = c.action(
        user,
        "passwd",
        cmd_user_passwd,
        "change your own password (stdin: current, then new; online through the central system when enrolled)",
    )
    sp.add_argument("username")
    sp = c.action(user, "unlock", cmd_user_unlock, "lift a sign-in lockout (supervisors and admins)", c.acting)
    sp.add_argument("username")

    cat = c.group("catalog", "service catalogue", "catalog_cmd")
    sp = c.action(cat, "import", cmd_catalog_import, "import a catalogue JSON file")
    sp.add_argument("file")
    sp = c.action(cat, "list", cmd_catalog_list, "list services")
    sp.add_argument("--all", action="store_true", help="include inactive services")
