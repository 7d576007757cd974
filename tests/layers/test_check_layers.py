#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Proves the layer check can fail: a tree with one violation per rule must be refused with
each violation named, and the same tree without them must pass.

Usage: test_check_layers.py CHECK_SCRIPT [--qt-include DIR]
"""
import os
import subprocess
import sys
import tempfile

# file -> (include line, expected text in the report or None when allowed)
CASES = {
    "core/a.cpp": ('#include "kafka/kafkawatcher.h"', "core must not include kafka/kafkawatcher.h"),
    "core/b.cpp": ("#include <QWidget>", "core must not include <QWidget> (QtWidgets"),
    "core/c.cpp": ("#include <QNetworkReply>", "core must not include <QNetworkReply> (QtNetwork"),
    "models/a.h": ('#include "kafka/watchworker.h"', "models must not include kafka/watchworker.h"),
    "models/b.cpp": ("#include <QtWidgets/QTableView>", "models must not include <QtWidgets/QTableView>"),
    "kafka/a.cpp": ("#include <jq.h>", "kafka must not include <jq.h>: jq belongs to template"),
    "template/a.cpp": ("#include <librdkafka/rdkafka.h>", "template must not include <librdkafka/rdkafka.h>: librdkafka"),
    "portapi/a.cpp": ('#include "template/jqengine.h"', "portapi must not include template/jqengine.h"),
    "cli/a.cpp": ('#include "gui/mainwindow.h"', "cli must not include gui/mainwindow.h"),
    "cli/b.cpp": ("#include <Qsci/qsciscintilla.h>", "cli must not include <Qsci/qsciscintilla.h>: QScintilla"),
    "sandbox/a.cpp": ('#include "../gui/mainwindow.h"', "sandbox must not include gui/mainwindow.h"),
    "gui/a.cpp": ('#include "core/jsonparser_p.h"', "gui must not include core/jsonparser_p.h: a private header"),
    "gui/b.cpp": ('#include "template/jqinternal.h"', "gui must not include template/jqinternal.h: a private"),
    # Allowed: each layer's own and lower headers, its own third-party library, Widgets in gui.
    "template/ok.cpp": ("#include <jq.h>", None),
    "kafka/ok.cpp": ("#include <librdkafka/rdkafka.h>", None),
    "gui/ok.cpp": ("#include <QWidget>", None),
    "gui/ok2.cpp": ('#include "models/runstablemodel.h"', None),
    "models/ok.cpp": ('#include "core/watchedmessage.h"', None),
    "core/ok.cpp": ('#include "jsonparser_p.h"', None),
    "app/ok.cpp": ('#include "sandbox/sandbox.h"', None),
}


def make_tree(root, with_bad):
    for rel, (line, expected) in CASES.items():
        if expected and not with_bad:
            continue
        path = os.path.join(root, "src", rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write("// layer check fixture\n" + line + "\n")
    for header in ("core/jsonparser_p.h", "gui/mainwindow.h"):
        path = os.path.join(root, "src", header)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        open(path, "w").close()


def run(check, root, extra):
    return subprocess.run([sys.executable, check, os.path.join(root, "src")] + extra,
                          capture_output=True, text=True)


def main():
    check, extra = sys.argv[1], sys.argv[2:]
    failures = []
    with tempfile.TemporaryDirectory() as bad, tempfile.TemporaryDirectory() as good:
        make_tree(bad, True)
        make_tree(good, False)
        r = run(check, bad, extra)
        print(r.stdout, end="")
        if r.returncode != 1:
            failures.append(f"bad tree: exit code {r.returncode}, expected 1")
        lines = r.stdout.splitlines()
        for rel, (_, expected) in CASES.items():
            hits = [l for l in lines if l.startswith(f"src/{rel}:")]
            if expected and not any(expected in l for l in hits):
                failures.append(f"src/{rel}: not reported as '{expected}'")
            if not expected and hits:
                failures.append(f"src/{rel}: allowed include reported: {hits}")
        r = run(check, good, extra)
        if r.returncode != 0:
            failures.append(f"good tree refused (exit {r.returncode}):\n{r.stdout}{r.stderr}")
    for f in failures:
        print("FAIL:", f)
    print(f"test_check_layers: {len(CASES)} cases, {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
