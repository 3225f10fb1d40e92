"""Write Albanian translations into frontdesk_sq.ts: ``python scripts/apply_translations.py FILE.py``
where FILE.py defines ``T = {(context, source): translation}``. Unfinished messages are written and marked
finished; ``--force`` also replaces finished ones (a changed mnemonic); keys not in the catalogue are
reported. A helper for translators who work outside Linguist."""

from __future__ import annotations

import runpy
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "frontdesk" / "resources" / "translations" / "frontdesk_sq.ts"


def main(path: str, force: bool = False) -> int:
    table: dict[tuple[str, str], str] = runpy.run_path(path)["T"]
    tree = ET.parse(TS)
    used = set()
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            key = (name, msg.findtext("source"))
            tr = msg.find("translation")
            if key in table and tr is not None and (force or tr.get("type") == "unfinished" or not tr.text):
                tr.text = table[key]
                tr.attrib.pop("type", None)
                used.add(key)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    for key in table.keys() - used:
        print("not in the catalogue:", key)
    print(f"{len(used)} translation(s) written")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], force="--force" in sys.argv[2:]))
