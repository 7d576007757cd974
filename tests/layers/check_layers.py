#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The layer check: fails when a folder of src/ includes what its layer must not.

Usage: check_layers.py SRC_DIR [--qt-include DIR] [--layers cmake/layers.txt]

Rules (see README "Layers"; which area may use which, and its Qt modules, come from the layer
table cmake/layers.txt, which CMake checks the link graph against): core is QtCore only and includes only core; jq only in template;
librdkafka only in kafka; QtWidgets, QtGui, QScintilla and the keyring only in gui and app;
models depend on core only; a library includes only the libraries it links; private headers
(*_p.h, template/jqinternal.h, kafka/rdkafkaptr.h) stay in their own folder. Qt headers are
mapped to their module through the Qt include directory, so <QWidget> counts as QtWidgets.
Prints one line per violation (file:line: what) and exits 1 when there is any.
"""
import argparse
import os
import re
import sys

ALL_QT = None  # any Qt module
# Filled from the layer table (cmake/layers.txt, which CMake reads too): area -> the areas it
# may include (its own first), area -> its Qt modules (ALL_QT for any).
AREAS = {}
QT_MODULES = {}
DEFAULT_TABLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "cmake",
                             "layers.txt")


def read_layers(path):
    """AREA TARGETS USES QT per line; '-' is none, '*' any Qt module, lists comma-separated."""
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split()
            if len(fields) != 4:
                raise SystemExit(f"{path}:{number}: expected AREA TARGETS USES QT")
            area, _, uses, qt = fields
            AREAS[area] = {area} | (set() if uses == "-" else set(uses.split(",")))
            QT_MODULES[area] = ALL_QT if qt == "*" else set(qt.split(","))


# Third-party headers that belong to one layer: include pattern -> (what, areas allowed).
OWNED = [
    (re.compile(r"^(jq|jv)\.h$"), "jq", {"template"}),
    (re.compile(r"^(librdkafka/)?rdkafka(cpp)?\.h$"), "librdkafka", {"kafka"}),
    (re.compile(r"^Qsci/"), "QScintilla", {"gui", "app"}),
    (re.compile(r"^qt6keychain/"), "QtKeychain", {"gui", "app"}),
]
PRIVATE = {"template/jqinternal.h", "kafka/rdkafkaptr.h"}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def qt_module_map(qt_include):
    """Header name (QWidget, QtWidgets) -> module directory (QtWidgets)."""
    modules = {}
    if not qt_include or not os.path.isdir(qt_include):
        return modules
    for module in sorted(os.listdir(qt_include)):
        path = os.path.join(qt_include, module)
        if not module.startswith("Qt") or not os.path.isdir(path):
            continue
        for name in os.listdir(path):
            if name.startswith("Q") and "." not in name:
                modules.setdefault(name, module)
    return modules


def qt_module(header, modules):
    if "/" in header:
        first = header.split("/", 1)[0]
        return first if first.startswith("Qt") else None
    if header in modules:
        return modules[header]
    return None


def check_include(area, rel_file, delim, header, modules):
    """The violation text, or None."""
    src_dir = os.path.dirname(rel_file)
    if delim == '"':
        target = os.path.normpath(os.path.join(src_dir, header))
        if os.path.exists(os.path.join(ROOT, target)):
            inc_area = target.split(os.sep, 1)[0]  # relative to the file
            name = target
        else:
            inc_area = header.split("/", 1)[0] if "/" in header else None
            name = header
        if inc_area is None:
            return None
        if inc_area in AREAS:
            if inc_area != area and (name in PRIVATE or name.endswith("_p.h")):
                return f"{area} must not include {name}: a private header of {inc_area}"
            if inc_area not in AREAS[area]:
                allowed = ", ".join(sorted(AREAS[area]))
                return f"{area} must not include {name} (it may use: {allowed})"
            return None
    for pattern, what, allowed in OWNED:
        if pattern.search(header) and area not in allowed:
            return f"{area} must not include <{header}>: {what} belongs to {', '.join(sorted(allowed))}"
    module = qt_module(header, modules)
    if module and QT_MODULES[area] is not ALL_QT and module not in QT_MODULES[area]:
        allowed = ", ".join(sorted(QT_MODULES[area]))
        return f"{area} must not include <{header}> ({module}; it may use {allowed})"
    return None


def main():
    global ROOT
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("src")
    parser.add_argument("--qt-include", help="Qt's include directory (holds QtCore/, QtWidgets/)")
    parser.add_argument("--layers", default=DEFAULT_TABLE, help="the layer table (cmake/layers.txt)")
    args = parser.parse_args()
    read_layers(args.layers)
    ROOT = os.path.abspath(args.src)
    modules = qt_module_map(args.qt_include)
    if args.qt_include and "QWidget" not in modules:
        print(f"check_layers: no Qt headers under {args.qt_include}", file=sys.stderr)
        return 2
    problems = []
    checked = 0
    for area in sorted(os.listdir(ROOT)):
        if not os.path.isdir(os.path.join(ROOT, area)):
            continue
        if area not in AREAS:
            problems.append(f"src/{area}: unknown layer; add it to cmake/layers.txt")
            continue
        for dirpath, _, files in os.walk(os.path.join(ROOT, area)):
            for name in sorted(files):
                if not name.endswith((".h", ".cpp")):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, ROOT)
                checked += 1
                with open(path, encoding="utf-8", errors="replace") as f:
                    for number, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if not m:
                            continue
                        why = check_include(area, rel, m.group(1), m.group(2), modules)
                        if why:
                            problems.append(f"src/{rel}:{number}: {why}")
    for p in problems:
        print(p)
    print(f"check_layers: {checked} files, {len(problems)} violation(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
