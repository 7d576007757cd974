#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The man pages name exactly the options that `--help` prints, command by command.

usage: man_matches_help.py PORTHOLE_CLI PORTHOLE_CLI.1 [PORTHOLE PORTHOLE.1]

Reads the options from each program's real --help output (Qt's layout: "  -h, --help  ...")
and from the roff (".TP" then "\\fB\\-\\-name\\fR \\fIVALUE\\fR"), and compares them per
section: porthole-cli's own options, then each command's (.SS), then the app's.
"""
import os
import re
import subprocess
import sys

ENTRY = re.compile(r"^  (-[^ ].*?)(?:  |$)")


def help_options(argv):
    env = dict(os.environ)
    env.pop("DISPLAY", None)  # --help must need no display
    env.pop("WAYLAND_DISPLAY", None)
    out = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=30)
    assert out.returncode == 0, f"{argv}: exit {out.returncode}: {out.stderr}"
    options, commands, section = [], [], None
    for line in out.stdout.splitlines():
        if re.match(r"^[A-Z][a-z]+( [a-z]+)?:$", line):
            section = line[:-1]
            continue
        if not line.strip():
            section = None
            continue
        if section == "Options":
            m = ENTRY.match(line)
            if m:
                options.append(m.group(1))
        elif section == "Commands":
            m = re.match(r"^  ([a-z][a-z-]*)  ", line)
            if m:
                commands.append(m.group(1))
    return options, commands


def roff_to_text(s):
    s = re.sub(r"\\f[BIRP]", "", s)
    return s.replace("\\-", "-").replace("\\e", "\\").replace("\\&", "")


def man_sections(path):
    """{section: [option terms]}: "" for the page's OPTIONS, else the .SS title."""
    sections, current, lines = {}, None, open(path, encoding="utf-8").read().splitlines()
    for i, line in enumerate(lines):
        if line.startswith(".SH"):
            current = "" if "OPTIONS" in line else None
        elif line.startswith(".SS"):
            current = roff_to_text(line[4:].strip().strip('"'))
        elif line == ".TP" and current is not None and i + 1 < len(lines):
            term = roff_to_text(lines[i + 1])
            if term.startswith("-"):
                # the roff drops Qt's "<VALUE>" brackets: put them back to compare
                m = re.match(r"^(.*?(?:, )?-[^ ,]+) (\S+)$", term)
                if m:
                    term = f"{m.group(1)} <{m.group(2)}>"
                sections.setdefault(current, []).append(term)
    return sections


def compare(what, from_help, from_man, failures):
    if from_help != from_man:
        failures.append(f"{what}:\n  --help: {from_help}\n  man:    {from_man}")


def main():
    failures = []
    cli, cli_man = sys.argv[1], sys.argv[2]
    man = man_sections(cli_man)
    options, commands = help_options([cli, "--help"])
    assert commands, "porthole-cli --help lists no commands"
    compare("porthole-cli", options, man.get("", []), failures)
    for command in commands:
        sub, _ = help_options([cli, command, "--help"])
        assert sub, f"porthole-cli {command} --help lists no options"
        compare(f"porthole-cli {command}", sub, man.get(command, []), failures)
    extra = set(man) - set(commands) - {""}
    if extra:
        failures.append(f"man page sections for commands --help does not list: {sorted(extra)}")
    checked = 1 + len(commands)
    if len(sys.argv) > 4:
        app, app_man = sys.argv[3], sys.argv[4]
        options, _ = help_options([app, "--help"])
        compare("porthole", options, man_sections(app_man).get("", []), failures)
        checked += 1
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print(f"man pages match --help for {checked} option lists ({', '.join(commands)})")


if __name__ == "__main__":
    main()
