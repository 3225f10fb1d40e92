"""Users, roles, Argon2id hashes, lockout, password change — against a real store."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from frontdesk import auth
from frontdesk.db import Store
from frontdesk.errors import AuthenticationFailed, Conflict, InvalidInput, NotFound, NotPermitted
from frontdesk.models import User

from .conftest import PASSWORD


def test_hash_is_argon2id_and_never_the_password(store: Store) -> None:
    with store.read() as s:
        user = s.scalars(select(User).where(User.username == "clerk1")).one()
    assert user.password_hash.startswith("$argon2id$") and "m=65536" in user.password_hash
    assert PASSWORD not in user.password_hash


def test_sign_in_gives_an_actor_with_role_and_workstation(store: Store) -> None:
    actor = auth.authenticate(store, "Clerk1 ", PASSWORD)
    assert (actor.username, actor.role, actor.unit_code, actor.workstation_code) == (
        "clerk1",
        "clerk",
        "TR01",
        "W03",
    )


def test_wrong_password_and_unknown_user_look_the_same(store: Store) -> None:
    with pytest.raises(AuthenticationFailed) as a:
        auth.authenticate(store, "clerk1", "wrong-password")
    with pytest.raises(AuthenticationFailed) as b:
        auth.authenticate(store, "nobody", "wrong-password")
    assert str(a.value) == str(b.value) == "Wrong user name or password."


def test_lockout_after_repeated_failures_then_expiry(store: Store) -> None:
    t = dt.datetime(2026, 11, 23, 10, 0)
    for _ in range(auth.MAX_FAILED - 1):
        with pytest.raises(AuthenticationFailed, match="Wrong"):
            auth.authenticate(store, "clerk2", "bad-bad-bad", now=t)
    with pytest.raises(AuthenticationFailed, match="locked"):
        auth.authenticate(store, "clerk2", "bad-bad-bad", now=t)
    # even the right password is refused while locked; the time is the office's (Tirana, UTC+1 in November)
    with pytest.raises(AuthenticationFailed, match=r"locked until 11:15\.$"):
        auth.authenticate(store, "clerk2", PASSWORD, now=t + dt.timedelta(minutes=5))
    actor = auth.authenticate(store, "clerk2", PASSWORD, now=t + auth.LOCKOUT + dt.timedelta(seconds=1))
    assert actor.username == "clerk2"
    info = auth.user_info(store, "clerk2")
    assert info.locked_until is None


def test_success_resets_the_failure_count(store: Store) -> None:
    for _ in range(auth.MAX_FAILED - 1):
        with pytest.raises(AuthenticationFailed):
            auth.authenticate(store, "clerk1", "nope-nope")
    auth.authenticate(store, "clerk1", PASSWORD)
    with pytest.raises(AuthenticationFailed, match="Wrong"):
        auth.authenticate(store, "clerk1", "nope-nope")  # counting starts again, not locked


def test_password_change(store: Store) -> None:
    with pytest.raises(AuthenticationFailed):
        auth.change_password(store, "clerk1", "not-the-password", "a-new-password")
    with pytest.raises(InvalidInput, match="at least 8"):
        auth.change_password(store, "clerk1", PASSWORD, "short")
    with pytest.raises(InvalidInput, match="differ"):
        auth.change_password(store, "clerk1", PASSWORD, PASSWORD)
    auth.change_password(store, "clerk1", PASSWORD, "fjalëkalim-i-ri")
    with pytest.raises(AuthenticationFailed):
        auth.authenticate(store, "clerk1", PASSWORD)
    assert auth.authenticate(store, "clerk1", "fjalëkalim-i-ri").username == "clerk1"


def test_admin_manages_users_and_others_cannot(store: Store) -> None:
    admin = auth.actor_for(store, "admin")
    clerk = auth.actor_for(store, "clerk1")
    with pytest.raises(NotPermitted):
        auth.add_user(store, clerk, "newbie", "clerk", "I Ri", "password123")
    info = auth.add_user(store, admin, "newbie", "clerk", "I Ri (TEST)", "password123")
    assert info.role == "clerk" and info.active
    with pytest.raises(Conflict):
        auth.add_user(store, admin, "NEWBIE", "clerk", "Dup", "password123")
    for bad in (("x", "clerk"), ("ok-name", "boss")):
        with pytest.raises(InvalidInput):
            auth.add_user(store, admin, bad[0], bad[1], "Name", "password123")
    auth.reset_password(store, admin, "newbie", "temporary-1")
    assert auth.user_info(store, "newbie").must_change_password
    auth.set_active(store, admin, "newbie", False)
    with pytest.raises(AuthenticationFailed, match="deactivated"):
        auth.authenticate(store, "newbie", "temporary-1")
    with pytest.raises(NotPermitted):
        auth.actor_for(store, "newbie")
    with pytest.raises(Conflict):
        auth.set_active(store, admin, "admin", False)
    with pytest.raises(NotFound):
        auth.actor_for(store, "ghost")
    assert "newbie" not in [u.username for u in auth.list_users(store)]
    assert "newbie" in [u.username for u in auth.list_users(store, active_only=False)]
