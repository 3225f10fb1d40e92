"""Account actions that need the central system on an enrolled desk, and the audit anchor check.

* :func:`change_password` — a user's own password: locally on an unenrolled desk; on an enrolled one,
  online, the central system checking the current password (it is the authority for accounts). The
  answer — the account with its new hash — is applied to this desk at once.
* :func:`verify_anchor` — the desk's audit trail against what the central system anchored from it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select

from frontdesk import audit, auth, pull, replication
from frontdesk.db import Store
from frontdesk.errors import AuthenticationFailed, FrontdeskError, InvalidInput
from frontdesk.i18n import QT_TRANSLATE_NOOP
from frontdesk.models import AuditEntry, Workstation
from frontdesk.setup import workstation_info
from frontdesk.wire import AnchorState, PasswordChange

from .client import CentralClient, CentralError, CentralUnreachable, InsecureAddress
from .credentials import CredentialsUnavailable, load_token

log = logging.getLogger(__name__)


class NeedsCentral(FrontdeskError):
    """The action needs the central system and it cannot be reached now."""

    exit_code = 1


def _client(store: Store, timeout: float = 15.0) -> CentralClient:
    state = replication.read_state(store)
    url = state.get("server_url")
    if not url:
        raise NeedsCentral(QT_TRANSLATE_NOOP("errors", "This desk is not enrolled with a central system."))
    info = workstation_info(store)
    try:
        token = load_token(url, info.unit_code, info.workstation_code)
        if not token:
            raise CredentialsUnavailable("no token")
        return CentralClient(url, token, ca_bundle=state.get("ca_bundle"), timeout=(timeout, timeout),
                             deadline=timeout * 2)  # fmt: skip
    except (CredentialsUnavailable, InsecureAddress) as exc:
        log.warning("central system not usable: %s", exc)
        raise NeedsCentral(
            QT_TRANSLATE_NOOP("errors", "This desk cannot reach the central system ({problem})."), problem=str(exc)
        ) from exc


def change_password(store: Store, username: str, old_password: str, new_password: str) -> None:
    """Change a user's own password (the desk's way: locally before enrolment, online after)."""
    with store.read() as s:
        enrolled = auth.is_enrolled(s)
    if not enrolled:
        auth.change_password(store, username, old_password, new_password)
        return
    auth.check_password_rules(new_password)
    if new_password == old_password:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The new password must differ from the current one."),
                           field="password")  # fmt: skip
    client = _client(store)
    try:
        user = client.change_password(PasswordChange(username=username.strip().lower(), current_password=old_password,
                                                     new_password=new_password))  # fmt: skip
    except CentralUnreachable as exc:
        raise NeedsCentral(QT_TRANSLATE_NOOP(
            "errors", "Changing a password needs the central system, and it cannot be reached now. Try again later."
        )) from exc  # fmt: skip
    except CentralError as exc:
        if exc.code == "wrong_password":
            raise AuthenticationFailed(QT_TRANSLATE_NOOP("errors", "The current password is wrong.")) from exc
        if exc.code == "bad_request":
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The central system refused the new password: {why}"),
                               field="password", why=exc.message) from exc  # fmt: skip
        raise NeedsCentral(QT_TRANSLATE_NOOP("errors", "The central system refused the change: {why}"),
                           why=exc.message) from exc  # fmt: skip
    finally:
        client.close()
    with store.write() as s:
        unit = s.scalar(select(Workstation.unit_code).where(Workstation.is_local)) or ""
        pull.apply_user(s, user, unit)
        audit.append(s, actor=user.username, workstation_code=audit.local_workstation_code(s),
                     action="password_change", subject=user.username, details={"where": "central"})  # fmt: skip


@dataclass(frozen=True)
class AnchorCheck:
    ok: bool
    anchor: AnchorState | None
    problem: str | None


def verify_anchor(store: Store) -> AnchorCheck:
    """Compare this desk's trail with the central anchor: the anchored entry must still be here with the
    same hash, the trail must not be shorter, and the central system must not have flagged it."""
    client = _client(store, timeout=10.0)
    try:
        anchor = client.audit_anchor()
    except (CentralUnreachable, CentralError) as exc:
        raise NeedsCentral(QT_TRANSLATE_NOOP("errors", "The central anchor could not be read ({problem})."),
                           problem=str(exc)) from exc  # fmt: skip
    finally:
        client.close()
    if anchor is None:
        return AnchorCheck(True, None, None)
    with store.read() as s:
        here = s.scalar(select(AuditEntry.hash).where(AuditEntry.seq == anchor.seq))
        head_seq, _ = audit.head(s)
    if anchor.state != "ok":
        return AnchorCheck(False, anchor, f"the central system flagged this trail: {anchor.detail}")
    if head_seq < anchor.seq or here is None:
        return AnchorCheck(False, anchor, f"entry {anchor.seq}, anchored centrally, is missing here")
    if here != anchor.hash:
        return AnchorCheck(False, anchor, f"entry {anchor.seq} differs from the hash anchored centrally")
    return AnchorCheck(True, anchor, None)
