#!/usr/bin/env python3
"""The packaging files agree with each other and with the build: one application id, one version,
French names, screenshots that exist, and recipes for other platforms that name real options.
Usage: check-metadata.py SOURCE_DIR APP_ID VERSION"""
import configparser
import plistlib
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml

root, app_id, version = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


# The desktop entry: what menus show, in English and French.
desktop = configparser.ConfigParser(interpolation=None, strict=True)
desktop.optionxform = str
desktop.read(root / f"packaging/linux/{app_id}.desktop", encoding="utf-8")
entry = desktop["Desktop Entry"]
check(entry.get("Icon") == app_id, f"desktop Icon is {entry.get('Icon')!r}, not the app id")
check(entry.get("Exec", "").split()[0] == "bitcoin-analyzer", "desktop Exec does not start bitcoin-analyzer")
for key in ("Name[fr]", "Comment[fr]", "GenericName[fr]", "Keywords", "Keywords[fr]"):
    check(entry.get(key), f"desktop entry lacks {key}")

# AppStream: id, launchable, releases, and screenshots made by scripts/screenshots.sh.
meta = ET.parse(root / f"packaging/linux/{app_id}.metainfo.xml").getroot()
check(meta.findtext("id") == app_id, "metainfo id differs from the app id")
check(meta.findtext("launchable") == f"{app_id}.desktop", "metainfo launchable is not the desktop file")
releases = meta.findall("releases/release")
check(releases and releases[0].get("version") == version,
      f"newest metainfo release is {releases[0].get('version') if releases else None}, project is {version}")
check(meta.find("content_rating") is not None, "metainfo lacks a content rating")
screenshots = [image.text.strip() for image in meta.iter("image")]
check(len(screenshots) >= 3, "metainfo shows fewer than 3 screenshots")
for url in screenshots:
    name = url.rsplit("/", 1)[-1]
    check(url.endswith(f"docs/screenshots/{name}") and (root / "docs/screenshots" / name).is_file(),
          f"metainfo screenshot {url} is not a file in docs/screenshots/")

# The README shows screenshots that exist.
readme = (root / "README.md").read_text(encoding="utf-8")
shown = re.findall(r"\]\((docs/screenshots/[^)]+\.png)\)", readme)
check(shown, "README.md shows no screenshot from docs/screenshots/")
for path in shown:
    check((root / path).is_file(), f"README.md shows {path}, which does not exist")

# The Debian changelog's newest entry is this version.
first = (root / "packaging/linux/changelog").read_text(encoding="utf-8").splitlines()[0]
check(first.startswith(f"bitcoin-analyzer ({version})"), f"changelog starts with {first!r}, project is {version}")

# Flatpak: same id and program; every -D option it sets is declared in our CMake files.
manifest = yaml.safe_load((root / f"packaging/flatpak/{app_id}.yml").read_text(encoding="utf-8"))
check(manifest.get("app-id") == app_id, "Flatpak app-id differs from the app id")
check(manifest.get("command") == "bitcoin-analyzer", "Flatpak command is not bitcoin-analyzer")
check(str(manifest.get("runtime-version", "")).startswith("6."), "Flatpak runtime is not KDE 6")
cmake_files = [root / "CMakeLists.txt"]
for folder in ("cmake", "packaging", "src"):
    cmake_files += list((root / folder).glob("**/*.cmake")) + list((root / folder).glob("**/CMakeLists.txt"))
cmake_text = "\n".join(p.read_text(encoding="utf-8") for p in cmake_files)
declared = set(re.findall(r"option\((BA_[A-Z_]+)", cmake_text))
ours = [m for m in manifest["modules"] if isinstance(m, dict) and m.get("name") == "bitcoin-analyzer"]
check(len(ours) == 1, "Flatpak manifest has no bitcoin-analyzer module")
for opt in ours[0].get("config-opts", []) if ours else []:
    name = re.match(r"-D(BA_[A-Z_]+)=", opt)
    if name:
        check(name.group(1) in declared, f"Flatpak sets {name.group(1)}, which no CMake option() declares")

# macOS: the Info.plist template is a well-formed property list naming the bundle's fields.
plist = plistlib.loads((root / "packaging/macos/Info.plist.in").read_bytes())
for key in ("CFBundleIdentifier", "CFBundleExecutable", "CFBundleIconFile", "CFBundleShortVersionString"):
    check(key in plist, f"Info.plist.in lacks {key}")

for problem in problems:
    print(f"check-metadata.py: {problem}", file=sys.stderr)
if not problems:
    print(f"check-metadata.py: {app_id} {version}: desktop entry, metainfo ({len(screenshots)} screenshots), "
          "changelog, Flatpak and Info.plist agree")
sys.exit(1 if problems else 0)
