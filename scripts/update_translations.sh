#!/bin/sh
# Extract every translatable string (UI self.tr()/QCoreApplication.translate and the core's
# QT_TRANSLATE_NOOP in frontdesk/*.py) into the Qt Linguist files, then compile them to .qm.
#
#   frontdesk_sq.ts  Albanian — the default UI language; translate with pyside6-linguist
#   frontdesk_en.ts  English  — source strings are English: identity translations, marked finished
#
# Run from anywhere; uses the project's virtualenv tools (pyside6-essentials ships lupdate/lrelease).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${VENV_BIN:-$ROOT/.venv/bin}
TR="$ROOT/frontdesk/resources/translations"
cd "$ROOT"
mkdir -p "$TR"
BEFORE=$(mktemp)
trap 'rm -f "$BEFORE"' EXIT
cp "$TR/frontdesk_sq.ts" "$BEFORE" 2>/dev/null || : > "$BEFORE"
SOURCES=$(find frontdesk -name '*.py' -not -path 'frontdesk/migrations/*' -not -path 'frontdesk/central/*' | sort)
# shellcheck disable=SC2086
"$BIN/pyside6-lupdate" -locations relative -no-obsolete -source-language en -target-language sq \
    $SOURCES -ts "$TR/frontdesk_sq.ts"
# shellcheck disable=SC2086
"$BIN/pyside6-lupdate" -locations relative -no-obsolete -source-language en -target-language en \
    $SOURCES -ts "$TR/frontdesk_en.ts"
# English: every message is its own translation (finished), so "English complete" is checkable.
"$BIN/python" - "$TR/frontdesk_en.ts" <<'PY'
import sys
import xml.etree.ElementTree as ET

path = sys.argv[1]
tree = ET.parse(path)
for msg in tree.getroot().iter("message"):
    tr = msg.find("translation")
    src = msg.find("source")
    if msg.get("numerus") == "yes":
        continue
    if tr.get("type") in ("unfinished", None) and (tr.text or "") in ("", src.text):
        tr.text = src.text
        tr.attrib.pop("type", None)
tree.write(path, encoding="utf-8", xml_declaration=True)
PY
# Albanian: a new message whose English text was already translated — in another context, or before
# lupdate dropped its old context (a string that moved to another class when a screen was split) —
# takes that translation, marked finished. Review such moves in the diff of the .ts file.
"$BIN/python" - "$TR/frontdesk_sq.ts" "$BEFORE" <<'PY'
import sys
import xml.etree.ElementTree as ET

path, before = sys.argv[1], sys.argv[2]
tree = ET.parse(path)
known = {}
for source in (tree, *([ET.parse(before)] if open(before, "rb").read(1) else [])):
    for msg in source.getroot().iter("message"):
        tr = msg.find("translation")
        if tr is not None and tr.get("type") is None and tr.text:
            known.setdefault(msg.findtext("source"), tr.text)
for msg in tree.getroot().iter("message"):
    tr = msg.find("translation")
    if tr.get("type") == "unfinished" and msg.findtext("source") in known:
        tr.text = known[msg.findtext("source")]
        tr.attrib.pop("type", None)
tree.write(path, encoding="utf-8", xml_declaration=True)
PY
"$BIN/pyside6-lrelease" "$TR/frontdesk_sq.ts" -qm "$TR/frontdesk_sq.qm"
"$BIN/pyside6-lrelease" "$TR/frontdesk_en.ts" -qm "$TR/frontdesk_en.qm"
# Qt's own texts in Albanian (Qt ships no qtbase_sq): the contexts the app shows, translated by hand
"$BIN/pyside6-lrelease" "$TR/qt_sq.ts" -qm "$TR/qt_sq.qm"
# Report what is left to translate (a non-empty list fails tests/ui/test_translations.py).
"$BIN/python" - "$TR/frontdesk_sq.ts" <<'PY'
import sys
import xml.etree.ElementTree as ET

root = ET.parse(sys.argv[1]).getroot()
todo = [(c.findtext("name"), m.findtext("source")) for c in root.iter("context") for m in c.iter("message")
        if m.find("translation").get("type") == "unfinished" or not (m.findtext("translation") or "")]
print(f"frontdesk_sq.ts: {len(todo)} message(s) without a finished Albanian translation")
for ctx, src in todo[:50]:
    print(f"  [{ctx}] {src}")
PY
