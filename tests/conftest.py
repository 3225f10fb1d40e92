"""Shared fixtures: real SQLite stores in tmp_path, built once from a template and copied per test
(Argon2 hashing of the fixture users is deliberately slow, so it is done once per session)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The OS keyring is a desktop service outside the test sandbox: a file-backed backend stands in for it,
# shared with the client processes the sync tests start (they inherit these variables).
os.environ["PYTHON_KEYRING_BACKEND"] = "tests.keyring_backend.FileKeyring"
os.environ.setdefault("FRONTDESK_TEST_KEYRING", str(Path(tempfile.gettempdir()) / f"frontdesk-keyring-{os.getpid()}.json"))
# The command line speaks the locale's language: the tests read its English messages, whatever the machine's locale.
os.environ.setdefault("FRONTDESK_LANG", "en")
# Where the database key would go on a machine without a keyring: never the developer's own directory.
os.environ.setdefault("FRONTDESK_KEY_DIR", str(Path(tempfile.gettempdir()) / f"frontdesk-keys-{os.getpid()}"))
os.environ["PYTHONPATH"] = os.pathsep.join(
    p for p in (str(Path(__file__).parent.parent), os.environ.get("PYTHONPATH", "")) if p
)

from frontdesk import auth, setup
from frontdesk.catalog import import_catalog, load_catalog
from frontdesk.clock import utcnow
from frontdesk.db import Store

DATA = Path(__file__).parent / "data"
PASSWORD = "sekret-i-gjate"
USERS = (
    ("clerk1", "clerk", "Klerk Një (TEST)"),
    ("clerk2", "clerk", "Klerk Dy (TEST)"),
    ("super", "supervisor", "Mbikëqyrës (TEST)"),
    ("admin", "admin", "Admin (TEST)"),
)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "frontdesk.db"
    store = Store(path)
    setup.init_workstation(store, "TR01", "Njësia Testuese", "W03")
    with store.write() as s:
        import_catalog(s, load_catalog(DATA / "catalog-small.json"), now=utcnow())
    for username, role, name in USERS:
        auth.add_user(store, None, username, role, name, PASSWORD)
    store.close()
    return path


@pytest.fixture
def home(tmp_path: Path, template_db: Path) -> Path:
    """A data directory holding a copy of the template database."""
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(template_db, home / setup.DB_NAME)
    return home


@pytest.fixture
def store(home: Path) -> Iterator[Store]:
    st = setup.open_home(home)
    yield st
    st.close()


@pytest.fixture
def clerk(store: Store) -> auth.Actor:
    return auth.actor_for(store, "clerk1")


@pytest.fixture
def supervisor(store: Store) -> auth.Actor:
    return auth.actor_for(store, "super")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Remove this run's stand-in keyring file (it holds test tokens and database keys only)."""
    if not hasattr(session.config, "workerinput"):
        for suffix in ("", ".lock"):
            Path(os.environ["FRONTDESK_TEST_KEYRING"] + suffix).unlink(missing_ok=True)
        shutil.rmtree(os.environ["FRONTDESK_KEY_DIR"], ignore_errors=True)
