"""A real X display for the tests that need one: Xvfb on a free display (``-displayfd``: never a guessed
number, other runs may use Xvfb at the same time), optionally a D-Bus session with the AT-SPI bus, and
the app started on it as a user starts it (``python -m frontdesk --home DIR``)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from frontdesk import setup
from frontdesk.ui.settings import SettingsStore, settings_path


def need(*tools: str) -> None:
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        pytest.fail(f"missing {', '.join(missing)}: ./dev test installs them (TEST_PKGS)")


@dataclass
class XSession:
    display: str
    env: dict[str, str]
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def run(self, *args: str, check: bool = True, timeout: float = 30) -> str:
        out = subprocess.run(list(args), env=self.env, capture_output=True, text=True, timeout=timeout)
        if check and out.returncode != 0:
            raise AssertionError(f"{args[0]} failed ({out.returncode}): {out.stderr.strip()}")
        return out.stdout

    def xdotool(self, *args: str, check: bool = True) -> str:
        return self.run("xdotool", *args, check=check)

    def wait_window(self, name: str, timeout: float = 60) -> str:
        """The id of a visible window whose title contains ``name``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            out = self.xdotool("search", "--onlyvisible", "--name", name, check=False).split()
            if out:
                return out[-1]
            time.sleep(0.2)
        shot = Path(self.env["HOME"]).parent / f"no-window-{int(time.time())}.png"
        self.run("import", "-display", self.display, "-window", "root", str(shot), check=False)
        raise AssertionError(f"no window named {name!r} within {timeout} s; the screen: {shot}")

    def start_app(self, home: Path, *extra_env: tuple[str, str]) -> subprocess.Popen[bytes]:
        env = {**self.env, **dict(extra_env)}
        proc = subprocess.Popen(
            [sys.executable, "-m", "frontdesk", "--home", str(home)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.procs.append(proc)
        return proc


def prepare_home(tmp: Path, demo_db: Path, language: str = "sq") -> Path:
    """A data directory with the demo database and printing off (nothing leaves the machine). Its demo users
    have signed in before: the forced change of the demo password at a first sign-in is tests/ui/test_app.py's
    subject, not these sessions'."""
    from frontdesk.dbfiles import open_kept

    home = tmp / "home"
    home.mkdir(parents=True, exist_ok=True)
    shutil.copy(demo_db, home / setup.DB_NAME)
    con = open_kept(home / setup.DB_NAME)
    with con:
        con.execute("UPDATE users SET must_change_password = 0")
    con.close()
    SettingsStore(settings_path(home)).update(printer="none", language=language, point_size=11)
    return home


@contextlib.contextmanager
def xsession(
    tmp: Path, *, size: str = "1366x768", layout: str | None = None, atspi: bool = False
) -> Iterator[XSession]:
    need("Xvfb", "xdotool", "xprop")
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size}x24", "-nolisten", "tcp", "-noreset"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    number = b""
    with os.fdopen(read, "rb") as f:
        while not number.endswith(b"\n"):
            chunk = f.read(1)
            if not chunk:
                break
            number += chunk
    if not number.strip():
        xvfb.kill()
        raise AssertionError("Xvfb did not start")
    display = f":{number.decode().strip()}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_QPA_PLATFORM", "DBUS_SESSION"))}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", XDG_RUNTIME_DIR=str(tmp / "run"), HOME=str(tmp / "userhome"))
    (tmp / "run").mkdir(mode=0o700, exist_ok=True)
    (tmp / "userhome").mkdir(exist_ok=True)
    session = XSession(display, env, [xvfb])
    try:
        if layout:
            need("setxkbmap")
            session.run("setxkbmap", "-display", display, layout)
        if atspi:
            need("dbus-daemon")
            out = subprocess.run(
                ["dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1", "--nopidfile"],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()
            address, pid = out[0], int(out[1])
            env["DBUS_SESSION_BUS_ADDRESS"] = address
            env["QT_LINUX_ACCESSIBILITY_ALWAYS_ON"] = "1"
            env["NO_AT_BRIDGE"] = "0"
            session.env = env
            session.dbus_pid = pid  # type: ignore[attr-defined]
            launcher = Path("/usr/libexec/at-spi-bus-launcher")
            if not launcher.exists():
                pytest.fail("at-spi2-core is missing: ./dev test installs it")
            session.procs.append(
                subprocess.Popen(
                    [str(launcher), "--launch-immediately"],
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            registry = Path("/usr/libexec/at-spi2-registryd")
            session.procs.append(
                subprocess.Popen([str(registry)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            )
            time.sleep(1.0)
        yield session
    finally:
        for proc in reversed(session.procs):
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(10)
            for stream in (proc.stdout, proc.stderr):
                if stream is not None:
                    stream.close()
        pid = getattr(session, "dbus_pid", None)
        if pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
