"""The Albanian interface is spelled right and has no English left in it (issue 12): every finished
Albanian translation is checked with the Debian Albanian dictionary (myspell-sq, through hunspell)
against an allow-list of the domain's terms (tests/data/sq_allowlist.txt), and no message of a screen is
left as its English source. The browser console's Albanian (its own catalogue,
frontdesk/central/console/texts.py) is checked with the same dictionary and allow-list."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from frontdesk.central.console.texts import TEXTS
from frontdesk.paths import resource

ALLOW = Path(__file__).parent / "data" / "sq_allowlist.txt"
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _translations(lang: str, *names: str) -> list[tuple[str, str, str]]:
    """(context, source, translation) of every finished message of the given catalogues."""
    out = []
    for name in names:
        root = ET.parse(resource("translations", f"{name}_{lang}.ts")).getroot()
        for ctx in root.iter("context"):
            for m in ctx.iter("message"):
                tr = m.find("translation")
                if tr is not None and tr.get("type") is None and tr.text:
                    out.append((ctx.findtext("name") or "", m.findtext("source") or "", tr.text))
    return out


def words_of(text: str) -> set[str]:
    text = re.sub(r"\{[^}]*\}|%\d", " ", text)  # placeholders
    text = re.sub(r"<[^>]+>", " ", text)  # markup
    text = text.replace("&&", "&").replace("&", "")  # mnemonics
    return {w for w in WORD.findall(text) if len(w) > 1}  # one letter: a key or a code, not a word


def allowed() -> set[str]:
    return {
        line.strip()
        for line in ALLOW.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }


def test_albanian_is_spelled_right() -> None:
    hunspell = shutil.which("hunspell")
    if hunspell is None:
        pytest.fail("hunspell is missing: apt-get install -y hunspell myspell-sq")
    dicts = subprocess.run([hunspell, "-D"], capture_output=True, text=True, input="").stderr
    if "sq_AL" not in dicts:
        pytest.fail("the Albanian dictionary is missing: apt-get install -y myspell-sq")
    found: dict[str, set[str]] = {}
    for ctx, _src, tr in _translations("sq", "frontdesk", "qt"):
        for w in words_of(tr):
            found.setdefault(w, set()).add(ctx)
    for key, (sq, _en) in TEXTS.items():  # the console's own catalogue
        for w in words_of(sq):
            found.setdefault(w, set()).add(f"console:{key}")
    unknown = subprocess.run(
        [hunspell, "-d", "sq_AL", "-l"], input="\n".join(sorted(found)), capture_output=True, text=True, check=True
    ).stdout.split()
    unknown = [w for w in unknown if len(w) > 1]  # hunspell splits "t'u" at the apostrophe
    wrong = sorted(set(unknown) - allowed())
    assert wrong == [], "unknown to the Albanian dictionary (typo or English?): " + ", ".join(
        f"{w} [{', '.join(sorted(found.get(w, {'?'})))}]" for w in wrong
    )
    stale = sorted(allowed() - set(unknown))  # the allow-list holds only words it is needed for
    assert stale == [], f"allow-listed words no longer needed: {stale}"


def test_the_check_finds_english_and_typos() -> None:
    """The spell check is not a test that cannot fail: English and a typo are caught."""
    hunspell = shutil.which("hunspell")
    assert hunspell is not None
    probe = ["Ruaj", "kërkesën", "Cancel", "request", "kërkesnë"]
    unknown = subprocess.run(
        [hunspell, "-d", "sq_AL", "-l"], input="\n".join(probe), capture_output=True, text=True
    ).stdout.split()
    assert set(unknown) - allowed() == {"Cancel", "request", "kërkesnë"}
