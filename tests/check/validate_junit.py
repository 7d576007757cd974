# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks a JUnit XML file the way CI systems read it (xml.etree), plus the shape they expect.

Usage: validate_junit.py FILE TESTS FAILURES ERRORS [SUITES]
Exits 0 when the file is well-formed XML with SUITES <testsuite> elements (default 1; one per
fault under --faults), <testsuites> counts that match the numbers given, each <testsuite>'s
counts that match its own <testcase> elements, every testcase has a name, a classname and a
numeric time, and every <failure>/<error> has a message; otherwise prints why and exits 1.
"""
import sys
import xml.etree.ElementTree as ET

path, tests, failures, errors = sys.argv[1], *map(int, sys.argv[2:5])
expected_suites = int(sys.argv[5]) if len(sys.argv) > 5 else 1
problems = []
root = ET.parse(path).getroot()
if root.tag != 'testsuites':
    problems.append(f'root is <{root.tag}>, not <testsuites>')
suites = root.findall('testsuite')
if len(suites) != expected_suites:
    problems.append(f'{len(suites)} <testsuite> elements, expected {expected_suites}')
if len({suite.get('name') for suite in suites}) != len(suites):
    problems.append('two <testsuite> elements share a name')


def own_counts(suite):
    found = suite.findall('testcase')
    return (len(found), sum(len(c.findall('failure')) for c in found),
            sum(len(c.findall('error')) for c in found))


for element, counts in [(root, (tests, failures, errors)), *[(s, own_counts(s)) for s in suites]]:
    for attribute, expected in zip(('tests', 'failures', 'errors'), counts):
        if element.get(attribute) != str(expected):
            problems.append(f'<{element.tag} name="{element.get("name")}"> {attribute}='
                            f'"{element.get(attribute)}", expected {expected}')
    float(element.get('time'))
cases = [case for suite in suites for case in suite.findall('testcase')]
if len(cases) != tests:
    problems.append(f'{len(cases)} testcases, expected {tests}')
counted = {'failure': 0, 'error': 0}
for case in cases:
    for attribute in ('name', 'classname', 'time'):
        if not case.get(attribute):
            problems.append(f'testcase without {attribute}')
    float(case.get('time'))
    for kind in counted:
        for element in case.findall(kind):
            counted[kind] += 1
            if not element.get('message'):
                problems.append(f'<{kind}> without a message in {case.get("name")}')
    unknown = {child.tag for child in case} - {'failure', 'error', 'skipped', 'system-out', 'system-err'}
    if unknown:
        problems.append(f'unexpected elements {unknown} in {case.get("name")}')
if counted != {'failure': failures, 'error': errors}:
    problems.append(f'found {counted}, expected failure={failures} error={errors}')
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
