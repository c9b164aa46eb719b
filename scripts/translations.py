"""Keep the English UI translation in step with the Vietnamese source strings.

    python scripts/translations.py update   # collect tr() strings into resources/i18n/bulletin_en.ts
    python scripts/translations.py release  # compile the .ts files into the .qm files the app loads
    python scripts/translations.py check    # exit 1 if a string has no English translation

Every visible string in bulletin_app/gui is Vietnamese and goes through Qt's tr()/translate();
pyside6-lupdate collects them, a translator fills bulletin_en.ts (Qt Linguist, or any XML
editor), and pyside6-lrelease compiles it. resources/i18n/qtbase_vi.ts is our Vietnamese for
Qt's own widgets (button boxes, text-field menus), which Qt does not ship.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
SOURCES = sorted((ROOT / "bulletin_app" / "gui").rglob("*.py"))
TS_FILES = {"bulletin_en.ts": "bulletin_en.qm", "qtbase_vi.ts": "qtbase_vi.qm"}


def tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return found


def update(ts: Path) -> None:
    """Collect the strings; a string that moved to another class keeps its translation."""
    known = translations(ts)
    subprocess.run(
        [tool("pyside6-lupdate"), *map(str, SOURCES), "-no-obsolete", "-locations", "none", "-ts", str(ts)],
        check=True,
        capture_output=True,
    )
    reuse_translations(ts, known)


def translations(ts: Path) -> dict[str, str]:
    """Source → finished translation, whatever the context."""
    found: dict[str, str] = {}
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") is None and (translation.text or "").strip():
            found.setdefault(message.findtext("source", ""), translation.text or "")
    return found


def reuse_translations(ts: Path, known: dict[str, str]) -> None:
    tree = ET.parse(ts)
    changed = False
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source", "")
        if translation is not None and translation.get("type") == "unfinished" and source in known:
            translation.text = known[source]
            del translation.attrib["type"]
            changed = True
    if changed:
        body = ET.tostring(tree.getroot(), encoding="unicode")
        ts.write_text(f"<?xml version='1.0' encoding='UTF-8'?>\n<!DOCTYPE TS>\n{body}\n", encoding="utf-8")


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                if translation is None or translation.get("type") == "unfinished":
                    missing.append((name, message.findtext("source", "")))
            elif not (translation.text or "").strip() and message.get("numerus") != "yes":
                missing.append((name, message.findtext("source", "")))
    return missing


def check() -> list[tuple[str, str]]:
    """Strings in the code that bulletin_en.ts does not translate (on a scratch copy)."""
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "bulletin_en.ts"
        shutil.copyfile(I18N / "bulletin_en.ts", scratch)
        update(scratch)
        return unfinished(scratch)


def release() -> None:
    for ts, qm in TS_FILES.items():
        subprocess.run([tool("pyside6-lrelease"), str(I18N / ts), "-qm", str(I18N / qm)], check=True)


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command == "update":
        update(I18N / "bulletin_en.ts")
        print(f"{len(unfinished(I18N / 'bulletin_en.ts'))} strings to translate in {I18N / 'bulletin_en.ts'}")
    elif command == "release":
        release()
    elif command == "check":
        missing = check()
        for context, source in missing:
            print(f"{context}: {source!r}")
        sys.exit(1 if missing else 0)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
