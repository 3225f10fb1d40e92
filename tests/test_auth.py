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
        auth.add_user(store, clerk, "newbie", "clerk", "I Ri", "kafe-dritare-lule")
    info = auth.add_user(store, admin, "newbie", "clerk", "I Ri (TEST)", "kafe-dritare-lule")
    assert info.role == "clerk" and info.active
    with pytest.raises(Conflict):
        auth.add_user(store, admin, "NEWBIE", "clerk", "Dup", "kafe-dritare-lule")
    for bad in (("x", "clerk"), ("ok-name", "boss")):
        with pytest.raises(InvalidInput):
            auth.add_user(store, admin, bad[0], bad[1], "Name", "kafe-dritare-lule")
    auth.reset_password(store, admin, "newbie", "perkohshem-2026")
    assert auth.user_info(store, "newbie").must_change_password
    auth.set_active(store, admin, "newbie", False)
    with pytest.raises(AuthenticationFailed, match="deactivated"):
        auth.authenticate(store, "newbie", "perkohshem-2026")
    with pytest.raises(NotPermitted):
        auth.actor_for(store, "newbie")
    with pytest.raises(Conflict):
        auth.set_active(store, admin, "admin", False)
    with pytest.raises(NotFound):
        auth.actor_for(store, "ghost")
    assert "newbie" not in [u.username for u in auth.list_users(store)]
    assert "newbie" in [u.username for u in auth.list_users(store, active_only=False)]


# ---------------------------------------------------------------- the desk as a vault: accounts that protect


@pytest.mark.parametrize(
    "password",
    ["12345678", " " * 8, "demo1234", "password", "qwertyuiop", "clerk1clerk1", "Klerk Një", "aaaaaaaaaaaa",
     "01011990", "sporteli2026", "fjalekalim-i-ri"],
)
def test_the_password_policy_refuses_what_is_easy_to_guess(store: Store, password: str) -> None:
    with pytest.raises(InvalidInput, match=r"too easy to guess|at least 8") as err:
        auth.change_password(store, "clerk1", PASSWORD, password)
    assert len(str(err.value).splitlines()) == 1


def test_the_password_policy_accepts_a_phrase_and_says_it_in_albanian(store: Store) -> None:
    from frontdesk import passwords

    for ok in ("lule-dritare-kafe-bregdet", "Mali i Tomorrit 2026!", "x" * 5 + "-kafe-Bregdet-9" + "y" * 100):
        passwords.check_policy(ok)
    with pytest.raises(InvalidInput) as err:
        passwords.check_policy("12345678")
    from .ui_text import albanian

    text = albanian("errors", err.value.text)
    assert text and "fjalëkalim" in text.lower(), text


def test_three_failures_say_how_many_tries_are_left(store: Store) -> None:
    t = dt.datetime(2026, 11, 23, 10, 0)
    messages = []
    for i in range(auth.MAX_FAILED):
        with pytest.raises(AuthenticationFailed) as err:
            auth.authenticate(store, "clerk2", "bad-bad-bad", now=t + dt.timedelta(seconds=i))
        messages.append(str(err.value))
    assert messages[:2] == ["Wrong user name or password."] * 2
    assert messages[2].endswith("locked for 15 minutes: 2.") and messages[3].endswith(": 1.")
    assert messages[4] == "Too many failed sign-ins: the account is locked until 11:15."  # Tirana time, not UTC


def test_a_name_that_is_no_account_gets_the_same_answers(store: Store) -> None:
    t = dt.datetime(2026, 11, 23, 10, 0)
    real, ghost = [], []
    for i in range(auth.MAX_FAILED + 1):
        for name, out in (("clerk2", real), ("nobody-here", ghost)):
            with pytest.raises(AuthenticationFailed) as err:
                auth.authenticate(store, name, "bad-bad-bad", now=t + dt.timedelta(seconds=i))
            out.append(str(err.value))
    assert real == ghost
    # the window passes: counting starts again
    with pytest.raises(AuthenticationFailed, match=r"^Wrong user name or password\.$"):
        auth.authenticate(store, "nobody-here", "bad-bad-bad", now=t + auth.LOCKOUT + dt.timedelta(minutes=1))


def test_a_supervisor_or_admin_unlocks_and_it_is_audited(store: Store) -> None:
    from frontdesk import audit

    for _ in range(auth.MAX_FAILED):
        with pytest.raises(AuthenticationFailed):
            auth.authenticate(store, "clerk2", "bad-bad-bad")
    with pytest.raises(AuthenticationFailed, match="locked until"):
        auth.authenticate(store, "clerk2", PASSWORD)
    with pytest.raises(NotPermitted):
        auth.unlock(store, auth.actor_for(store, "clerk1"), "clerk2")
    info = auth.unlock(store, auth.actor_for(store, "super"), "clerk2")
    assert info.locked_until is None
    assert auth.authenticate(store, "clerk2", PASSWORD).username == "clerk2"
    with store.read() as s:
        (entry,) = audit.entries(s, action="user_change", limit=1)
    assert entry.actor == "super" and entry.subject == "clerk2" and entry.details == {"change": "unlock", "was_locked": True}
    auth.unlock(store, auth.actor_for(store, "admin"), "clerk1")  # admins too; not locked: recorded all the same
    with pytest.raises(NotFound):
        auth.unlock(store, auth.actor_for(store, "admin"), "ghost")


def test_an_enrolled_desk_unlocks_locally(store: Store) -> None:
    """On an enrolled desk the accounts are the central system's, but the lockout is this desk's own."""
    from frontdesk import replication

    with store.write() as s:
        replication.set_state(s, "workstation_id", "ws-1")
        s.execute(User.__table__.update().values(origin="central"))
    for _ in range(auth.MAX_FAILED):
        with pytest.raises(AuthenticationFailed):
            auth.authenticate(store, "clerk2", "bad-bad-bad")
    auth.unlock(store, auth.actor_for(store, "super"), "clerk2")
    assert auth.authenticate(store, "clerk2", PASSWORD).username == "clerk2"


def test_demo_users_must_change_the_shared_password(tmp_path) -> None:
    from frontdesk import setup

    st = setup.open_home(tmp_path / "demo")
    assert setup.ensure_demo(st, requests=0)
    for username, _, _ in setup.DEMO_USERS:
        assert auth.user_info(st, username).must_change_password
    actor = auth.authenticate(st, "sporteli", setup.DEMO_PASSWORD)  # signs in, then must change (the dialog)
    with pytest.raises(InvalidInput, match="too easy"):
        auth.change_password(st, "sporteli", setup.DEMO_PASSWORD, "demo12345")
    auth.change_password(st, "sporteli", setup.DEMO_PASSWORD, "dritare-kafe-mali-2026")
    assert not auth.user_info(st, "sporteli").must_change_password and actor.username == "sporteli"
    with pytest.raises(ValueError):
        auth.add_user(st, None, "weak", "clerk", "Weak (DEMO)", "demo1234", policy=False)  # only with must-change
