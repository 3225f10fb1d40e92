"""Administration core: admins manage the local catalogue and users; everyone else is refused here."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk import admin, auth, workflow
from frontdesk.catalog import CatalogDocument, CatalogService
from frontdesk.db import Store
from frontdesk.errors import Conflict, NotPermitted
from frontdesk.identity import sample_nid
from frontdesk.queries import get_request

LOCAL = CatalogService(
    code="LOC-PARK",
    name_sq="Leje parkimi për banorët (TEST)",
    name_en="Residents' parking permit (TEST)",
    category="Transport",
    standard_days=4,
    office="Zyra e Transportit (TEST)",
    documents=(
        CatalogDocument("ID", "Letërnjoftimi", "Identity card"),
        CatalogDocument("CAR", "Leja e qarkullimit", "Car registration", False),
    ),
    fee_amount=500,
)


@pytest.fixture
def admin_actor(store: Store) -> auth.Actor:
    return auth.actor_for(store, "admin")


def test_admin_adds_a_local_service_and_withdraws_it_keeping_open_requests(
    store: Store, admin_actor: auth.Actor, clerk: auth.Actor
) -> None:
    info = admin.add_local_service(store, admin_actor, LOCAL)
    assert (info.code, info.origin, info.active, info.fee_amount, info.standard_days) == (
        "LOC-PARK",
        "local",
        True,
        500,
        4,
    )
    assert [(d.code, d.required) for d in info.documents] == [("ID", True), ("CAR", False)]
    citizen = workflow.CitizenInput(sample_nid(dt.date(1985, 2, 3), "M", 11), "Ilir Testi (TEST)")
    (req,) = workflow.intake(store, clerk, citizen, [workflow.IntakeItem("LOC-PARK", ["ID"])])
    off = admin.set_service_active(store, admin_actor, "loc-park", False)
    assert off.active is False
    listed = {s.code: s for s in admin.list_services(store, admin_actor)}
    assert listed["LOC-PARK"].active is False and "OLD-SVC" in listed  # inactive ones are listed too
    assert get_request(store, req.receipt_no).status == "received"  # its open request stays
    assert admin.set_service_active(store, admin_actor, "LOC-PARK", True).active is True
    with pytest.raises(Conflict):
        admin.add_local_service(store, admin_actor, LOCAL)
    with pytest.raises(Conflict):  # central services follow the central catalogue
        admin.set_service_active(store, admin_actor, "CERT-FAM", False)
    trail = admin.audit_entries(store, admin_actor, action="catalog_change")
    assert [(e.subject, e.details) for e in trail][:3] == [
        ("LOC-PARK", {"active": True}),
        ("LOC-PARK", {"active": False}),
        ("LOC-PARK", {"change": "add_local", "standard_days": 4, "documents": 2}),
    ]
    assert admin.verify_audit(store, admin_actor).ok


def test_admin_adds_a_user_who_must_change_the_password_and_deactivates_them(
    store: Store, admin_actor: auth.Actor
) -> None:
    info = admin.add_user(store, admin_actor, "Sporteli3", "clerk", "Dritë Sportelistja (TEST)", "perkohshem-1")
    assert (info.username, info.role, info.active, info.must_change_password) == ("sporteli3", "clerk", True, True)
    assert auth.authenticate(store, "sporteli3", "perkohshem-1").role == "clerk"
    assert admin.set_user_active(store, admin_actor, "sporteli3", False).active is False
    users = {u.username: u for u in admin.list_users(store, admin_actor)}
    assert users["sporteli3"].active is False  # inactive users are listed
    admin.set_user_active(store, admin_actor, "sporteli3", True)
    admin.reset_password(store, admin_actor, "sporteli3", "tjeter-i-perkohshem")
    assert auth.authenticate(store, "sporteli3", "tjeter-i-perkohshem").username == "sporteli3"
    assert auth.user_info(store, "sporteli3").must_change_password is True


@pytest.mark.parametrize("username", ["clerk1", "super"])
def test_non_admins_are_refused_in_the_core(store: Store, username: str) -> None:
    actor = auth.actor_for(store, username)
    calls = [
        lambda: admin.add_local_service(store, actor, LOCAL),
        lambda: admin.set_service_active(store, actor, "CERT-FAM", False),
        lambda: admin.list_services(store, actor),
        lambda: admin.list_users(store, actor),
        lambda: admin.add_user(store, actor, "someone", "clerk", "Dikush (TEST)", "perkohshem-1"),
        lambda: admin.set_user_active(store, actor, "clerk2", False),
        lambda: admin.reset_password(store, actor, "clerk2", "perkohshem-1"),
    ]
    for call in calls:
        with pytest.raises(NotPermitted):
            call()
    assert "LOC-PARK" not in {s.code for s in admin.list_services(store, auth.actor_for(store, "admin"))}
    assert auth.user_info(store, "clerk2").active is True


def test_the_audit_trail_is_for_supervisors_and_admins(store: Store, clerk: auth.Actor, supervisor: auth.Actor) -> None:
    with pytest.raises(NotPermitted):
        admin.audit_entries(store, clerk)
    with pytest.raises(NotPermitted):
        admin.verify_audit(store, clerk)
    assert admin.audit_entries(store, supervisor, action="user_add")
    assert admin.verify_audit(store, supervisor).ok
