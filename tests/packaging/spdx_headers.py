#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every source file says its licence in its first lines (GPL-3.0-or-later, as LICENSE).

Usage: spdx_headers.py ROOT
Checks C++ sources, scripts and CMake files under src, tests, fuzz, bench, packaging,
cmake and scripts; test data and resources are not sources. Prints each file that lacks
the line and exits 1, so a new file without it fails the suite.
"""
import pathlib
import sys

WANTED = "SPDX-License-Identifier: GPL-3.0-or-later"
DIRS = ("src", "tests", "fuzz", "bench", "packaging", "cmake", "scripts")
SKIP = ("tests/data", "fuzz/corpus")
SUFFIXES = {".cpp", ".h", ".c", ".py", ".sh", ".cmake"}


def sources(root):
    for top in DIRS:
        for path in sorted((root / top).rglob("*")):
            rel = path.relative_to(root).as_posix()
            if not path.is_file() or any(rel.startswith(s) for s in SKIP):
                continue
            if path.suffix in SUFFIXES or path.name == "CMakeLists.txt":
                yield path, rel


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    missing, checked = [], 0
    for path, rel in sources(root):
        checked += 1
        head = path.read_text(encoding="utf-8", errors="replace").splitlines()[:3]
        if not any(WANTED in line for line in head):
            missing.append(rel)
    for rel in missing:
        print(f"{rel}:1: no '{WANTED}' line in the first three lines")
    print(f"spdx: {checked} files checked, {len(missing)} without the licence line")
    if checked < 100:
        print("spdx: fewer than 100 sources found: wrong root?")
        return 1
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
