"""Service catalogue: validation with line-precise errors, import into a real store, local services, search."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from frontdesk.catalog import (
    Catalog,
    CatalogDocument,
    CatalogError,
    CatalogService,
    add_local_service,
    demo_catalog_path,
    get_service,
    import_catalog,
    list_services,
    load_catalog,
    parse_catalog,
    path_text,
    search_services,
    set_service_active,
)
from frontdesk.db import Store
from frontdesk.errors import Conflict, InvalidInput, NotFound
from frontdesk.json_lines import LineReader
from frontdesk.models import Service, ServiceDocument

SMALL = """{
  "format": "frontdesk-catalog/1",
  "version": "t-1",
  "note": "Test catalogue (fictitious)",
  "services": [
    {
      "code": "GC-001",
      "name": {"sq": "Certifikatë familjare", "en": "Family certificate"},
      "category": "Gjendja civile / Civil status",
      "life_event": "family",
      "documents": [
        {"code": "ID", "name": {"sq": "Kartë identiteti", "en": "Identity card"}, "required": true}
      ],
      "fee": {"amount": 0, "currency": "ALL"},
      "standard_days": 1,
      "office": "Zyra e Gjendjes Civile",
      "active": true,
      "origin": "central"
    },
    {
      "code": "BZ-006",
      "name": {"sq": "Leje për zënie të hapësirës publike", "en": "Public space occupation permit"},
      "category": "Biznesi / Business",
      "documents": [
        {"code": "ID", "name": {"sq": "Kartë identiteti", "en": "Identity card"}},
        {"code": "APP", "name": {"sq": "Formular aplikimi", "en": "Application form"}, "required": true},
        {"code": "PLAN", "name": {"sq": "Planimetri", "en": "Site plan"}, "required": false}
      ],
      "fee": {"amount": 1500, "currency": "ALL"},
      "standard_days": 10,
      "office": "Drejtoria e Zhvillimit Ekonomik"
    },
    {
      "code": "SS-001",
      "name": {"sq": "Ndihmë ekonomike", "en": "Economic assistance"},
      "category": "Shërbimet sociale / Social services",
      "life_event": "social_support",
      "documents": [],
      "standard_days": 30,
      "office": "Drejtoria e Shërbimeve Sociale"
    }
  ]
}
"""


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def line_of(text: str, marker: str) -> int:
    """The 1-based line holding ``marker``, which must occur on exactly one line."""
    hits = [n for n, line in enumerate(text.splitlines(), 1) if marker in line]
    assert len(hits) == 1, (marker, hits)
    return hits[0]


def issues_of(text: str) -> list[tuple[int, str, str]]:
    with pytest.raises(CatalogError) as info:
        parse_catalog(text, "t.json")
    return [(i.line, i.path, i.message) for i in info.value.issues]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    st = Store(tmp_path / "fd.db")
    yield st
    st.close()


def counts(store: Store) -> tuple[int, int, int]:
    with store.read() as s:
        return (
            s.scalar(select(func.count()).select_from(Service)) or 0,
            s.scalar(select(func.count()).select_from(Service).where(Service.active.is_(True))) or 0,
            s.scalar(select(func.count()).select_from(ServiceDocument)) or 0,
        )


# ---------------------------------------------------------------------------------------- the demo file

def test_demo_catalogue_validates_and_is_marked_demo() -> None:
    path = demo_catalog_path()
    assert path.is_file()
    cat = load_catalog(path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert "DEMO" in raw["note"] and "demo" in cat.version.lower()
    assert len(cat.services) >= 70 and len(cat.services) == len(raw["services"])
    assert len({s.code for s in cat.services}) == len(cat.services)
    for svc in cat.services:
        assert svc.name_sq.strip() and svc.name_en.strip(), svc.code
        assert svc.documents, f"{svc.code} asks for no document"
        assert 0 <= svc.standard_days <= 30 and svc.currency == "ALL"
        if svc.fee_amount:
            assert any(d.code == "PAY" for d in svc.documents), f"{svc.code} has a fee but no proof of payment"
    sq_text = " ".join(s.name_sq for s in cat.services)
    assert "ë" in sq_text and "ç" in sq_text  # real Albanian spelling, not ASCII-folded
    assert sum(1 for s in cat.services if s.fee_amount == 0) > len(cat.services) // 2


def test_reader_matches_json_and_records_lines() -> None:
    text = demo_catalog_path().read_text(encoding="utf-8")
    reader = LineReader(text)
    assert reader.read() == json.loads(text)
    lines = text.splitlines()
    for path, line in reader.lines.items():
        if path and isinstance(path[-1], str):
            assert f'"{path[-1]}"' in lines[line - 1], (path_text(path), line)
    tricky = '{"a\\"}": ["x,]", {"b": [1, -2.5e3, true, null]}],\n\n "c" :\n "\\u00eb{", "d": [\n0]}'
    reader = LineReader(tricky)
    assert reader.read() == json.loads(tricky)
    assert reader.lines[("c",)] == 3  # the key's line, where an editor shows the field
    assert reader.lines[("a\"}", 1, "b", 3)] == 1 and reader.lines[("d", 0)] == 5


# ---------------------------------------------------------------------------------------------- errors

def test_syntax_error_reports_line_and_column() -> None:
    text = SMALL.replace('"standard_days": 10,', '"standard_days": 10,,')
    [(line, path, message)] = issues_of(text)
    assert line == line_of(text, '"standard_days": 10,,') and path == ""
    assert "invalid JSON" in message and "column" in message


def test_wrong_type_on_a_known_line() -> None:
    text = SMALL.replace('"standard_days": 30,', '"standard_days": "thirty",')
    assert issues_of(text) == [
        (line_of(text, '"thirty"'), "services[2].standard_days",
         "must be a whole number of working days between 0 and 365"),
    ]
    text = SMALL.replace('"standard_days": 1,', '"standard_days": 1.5,')
    assert issues_of(text)[0][:2] == (line_of(text, "1.5"), "services[0].standard_days")
    text = SMALL.replace('"amount": 1500', '"amount": true')
    assert issues_of(text)[0][:2] == (line_of(text, '"amount": true'), "services[1].fee.amount")


def test_unknown_key_duplicate_code_and_missing_english_name() -> None:
    text = SMALL.replace('"office": "Drejtoria e Zhvillimit Ekonomik"',
                         '"office": "Drejtoria e Zhvillimit Ekonomik",\n      "ofice": "typo"')
    assert [(i[0], i[1]) for i in issues_of(text)] == [(line_of(text, '"ofice"'), "services[1].ofice")]

    text = SMALL.replace('"code": "SS-001"', '"code": "GC-001"')
    first, second = [n for n, line in enumerate(text.splitlines(), 1) if '"code": "GC-001"' in line]
    assert issues_of(text) == [
        (second, "services[2].code", f"service code GC-001 is already used on line {first}"),
    ]

    text = SMALL.replace('{"sq": "Ndihmë ekonomike", "en": "Economic assistance"}', '{"sq": "Ndihmë ekonomike"}')
    assert issues_of(text) == [(line_of(text, '"Ndihmë ekonomike"}'), "services[2].name.en",
                                "required field is missing")]
    text = SMALL.replace('"en": "Economic assistance"', '"en": "  "')
    assert issues_of(text) == [(line_of(text, "Ndihmë ekonomike"), "services[2].name.en", "must not be empty")]


def test_every_problem_is_reported_in_file_order() -> None:
    text = (SMALL.replace('"currency": "ALL"}', '"currency": "EUR"}', 1)
            .replace('"code": "PLAN"', '"code": "APP"')
            .replace('"code": "BZ-006"', '"code": "bz 6"')
            .replace('"origin": "central"', '"origin": "elsewhere"')
            .replace('"version": "t-1"', '"version": 7'))
    with pytest.raises(CatalogError) as info:
        parse_catalog(text, "t.json")
    got = [(i.line, i.path) for i in info.value.issues]
    assert got == [
        (line_of(text, '"version": 7'), "version"),
        (line_of(text, '"EUR"'), "services[0].fee.currency"),
        (line_of(text, '"elsewhere"'), "services[0].origin"),
        (line_of(text, '"bz 6"'), "services[1].code"),
        (line_of(text, '"Site plan"'), "services[1].documents[2].code"),
    ]
    assert "already used in this service on line " + str(line_of(text, '"Application form"')) in (
        info.value.issues[-1].message)
    err = info.value
    assert isinstance(err, InvalidInput) and err.exit_code == 3
    rendered = str(err)
    assert "5 problem(s)" in rendered and f"t.json:{got[0][0]}: version: must be text" in rendered


def test_root_problems_repeated_keys_and_file_level_checks(tmp_path: Path) -> None:
    assert issues_of("[]") == [(1, "", "must be a JSON object")]
    text = '{"format": "frontdesk-catalog/2",\n "version": "x",\n "version": "y",\n "services": []}'
    assert [(i[0], i[1]) for i in issues_of(text)] == [(1, "format"), (3, "version"), (4, "services")]
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + SMALL.encode("utf-8"))
    assert len(load_catalog(bom).services) == 3
    latin = tmp_path / "latin.json"
    latin.write_bytes(SMALL.replace("Ndihmë", "Ndihm\x00").encode("utf-8").replace(b"\x00", b"\xeb"))
    with pytest.raises(CatalogError) as info:
        load_catalog(latin)
    assert [(i.line, i.path) for i in info.value.issues] == [(line_of(SMALL, '"Ndihmë ekonomike"'), "")]
    assert str(info.value).startswith("The catalogue latin.json has 1 problem(s):")


# ---------------------------------------------------------------------------------------------- import

def test_import_demo_creates_services_with_documents_and_is_idempotent(store: Store) -> None:
    cat = load_catalog(demo_catalog_path())
    with store.write() as s:
        first = import_catalog(s, cat, now=now())
    n_docs = sum(len(svc.documents) for svc in cat.services)
    assert (first.added, first.updated, first.deactivated, first.unchanged) == (len(cat.services), 0, 0, 0)
    assert counts(store) == (len(cat.services), len(cat.services), n_docs)
    with store.read() as s:
        listed = list_services(s)
        one = get_service(s, cat.services[5].code.lower())
    assert [v.code for v in listed] == sorted(svc.code for svc in cat.services)
    src = cat.services[5]
    assert (one.code, one.name_sq, one.name_en, one.fee_amount, one.standard_days, one.catalog_version) == (
        src.code, src.name_sq, src.name_en, src.fee_amount, src.standard_days, cat.version)
    assert [(d.code, d.name_sq, d.required) for d in one.documents] == [
        (d.code, d.name_sq, d.required) for d in src.documents]

    with store.write() as s:
        again = import_catalog(s, cat, now=now())
    assert (again.added, again.updated, again.deactivated, again.unchanged) == (0, 0, 0, len(cat.services))
    assert counts(store) == (len(cat.services), len(cat.services), n_docs)


def test_changes_are_applied_and_missing_central_services_deactivated(store: Store) -> None:
    t0 = now()
    with store.write() as s:
        import_catalog(s, parse_catalog(SMALL), now=t0)
        add_local_service(s, CatalogService(
            code="loc-1", name_sq="Shërbim vendor provë", name_en="Local test service",
            category="Të tjera / Other", standard_days=2, office="Njësia Administrative (TEST)",
            documents=(CatalogDocument("ID", "Kartë identiteti", "Identity card"),), origin="central",
        ), now=t0)
    assert counts(store) == (4, 4, 5)

    changed = json.loads(SMALL)
    changed["version"] = "t-2"
    del changed["services"][2]  # SS-001 leaves the central catalogue
    changed["services"][1]["fee"]["amount"] = 2000
    changed["services"][1]["documents"].pop(2)  # PLAN no longer asked for
    changed["services"].append({  # a central entry colliding with the local service is not applied
        "code": "LOC-1", "name": {"sq": "Tjetër", "en": "Other"}, "category": "X", "standard_days": 3,
        "office": "Qendra"})
    with store.write() as s:
        result = import_catalog(s, parse_catalog(json.dumps(changed, ensure_ascii=False)), now=now())
    assert (result.added, result.updated, result.deactivated, result.unchanged) == (0, 1, 1, 1)
    assert result.skipped == ("LOC-1",)
    with store.read() as s:
        assert [v.code for v in list_services(s)] == ["BZ-006", "GC-001", "LOC-1"]
        gone = get_service(s, "SS-001")
        assert not gone.active and gone.catalog_version == "t-1"
        bz = get_service(s, "BZ-006")
        assert bz.fee_amount == 2000 and [d.code for d in bz.documents] == ["ID", "APP"]
        assert bz.catalog_version == "t-2" and get_service(s, "GC-001").catalog_version == "t-2"
        local = get_service(s, "LOC-1")
        assert (local.origin, local.active, local.name_sq, local.standard_days) == (
            "local", True, "Shërbim vendor provë", 2)
    assert counts(store) == (4, 3, 4)

    with store.write() as s:  # the service comes back in a later catalogue: reactivated, counted as updated
        back = import_catalog(s, parse_catalog(SMALL), now=now())
    assert (back.added, back.updated, back.deactivated, back.unchanged) == (0, 2, 0, 1)
    assert counts(store) == (4, 4, 5)


def test_local_services_rules(store: Store) -> None:
    with store.write() as s:
        import_catalog(s, parse_catalog(SMALL), now=now())
    svc = CatalogService(code="GC-001", name_sq="Kopje", name_en="Copy", category="C", standard_days=1,
                         office="O")
    with store.write() as s, pytest.raises(Conflict):
        add_local_service(s, svc, now=now())
    with store.write() as s, pytest.raises(InvalidInput):
        add_local_service(s, CatalogService(**{**svc.__dict__, "code": "NEW-1", "standard_days": 400}), now=now())
    with store.write() as s:
        info = add_local_service(s, CatalogService(**{**svc.__dict__, "code": "NEW-1"}), now=now())
        assert info.origin == "local" and info.catalog_version is None
    with store.write() as s:
        assert not set_service_active(s, "new-1", False, now=now()).active
    with store.read() as s:
        assert "NEW-1" not in [v.code for v in list_services(s)]
        assert "NEW-1" in [v.code for v in list_services(s, active_only=False)]
    with store.write() as s, pytest.raises(Conflict):
        set_service_active(s, "GC-001", False, now=now())
    with store.read() as s, pytest.raises(NotFound) as info_nf:
        get_service(s, "NOPE-9")
    assert "NOPE-9" in str(info_nf.value) and info_nf.value.params == {"code": "NOPE-9"}


# ---------------------------------------------------------------------------------------------- search

def test_search_is_accent_insensitive_and_ordered_by_usage(store: Store) -> None:
    with store.write() as s:
        import_catalog(s, load_catalog(demo_catalog_path()), now=now())
    with store.read() as s:
        plain = search_services(s, "certifikate")
        accented = search_services(s, "CERTIFIKATË")
        assert plain and [v.code for v in plain] == [v.code for v in accented]
        assert all("certifikat" in (v.name_sq + v.name_en).lower() for v in plain)
        assert [v.code for v in plain] == sorted(v.code for v in plain)
        cerdhe = search_services(s, "cerdhe")
        assert cerdhe and all("çerdhe" in v.name_sq.lower() for v in cerdhe)
        assert [v.code for v in search_services(s, "gc-00")][:2] == ["GC-001", "GC-002"]
        assert search_services(s, "family certif")[0].name_en.startswith("Family certificate")
        codes = [v.code for v in plain]
        usage = {codes[-1]: 9, codes[1]: 3}
        ranked = [v.code for v in search_services(s, "certifikatë", usage=usage)]
        assert ranked[:2] == [codes[-1], codes[1]] and sorted(ranked[2:]) == ranked[2:]
        assert len(search_services(s, "", limit=5)) == 5
        assert search_services(s, "zzz-nothing") == []


def test_catalog_records_are_frozen() -> None:
    cat = parse_catalog(SMALL)
    assert isinstance(cat, Catalog) and cat.note == "Test catalogue (fictitious)"
    with pytest.raises(AttributeError):
        cat.services[0].code = "X"  # type: ignore[misc]
    bz = cat.services[1]
    assert (bz.origin, bz.active, bz.life_event, bz.documents[0].required) == ("central", True, None, True)
