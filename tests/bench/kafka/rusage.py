#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command (stdout to /dev/null, stderr appended to $RUSAGE_ERRORS or discarded) and
# prints "WALL_S CPU_S PEAK_RSS_KB" of that child alone, from wait4(): user+sys CPU in
# microseconds, where /usr/bin/time prints hundredths (a 40 ms run would be 0.04 either way).
import os
import sys
import time

errors = os.environ.get("RUSAGE_ERRORS", os.devnull)
# posix_spawn (vfork-like in glibc): the child does not copy this interpreter's page tables,
# whose cost fork() would add to the child's own CPU time.
actions = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
           (os.POSIX_SPAWN_OPEN, 2, errors, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)]
start = time.monotonic()
pid = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ, file_actions=actions)
_, status, usage = os.wait4(pid, 0)
wall = time.monotonic() - start
code = os.waitstatus_to_exitcode(status)
if code != 0:
    sys.stderr.write(f"{sys.argv[1]} exited with {code}\n")
    sys.exit(1)
print(f"{wall:.4f} {usage.ru_utime + usage.ru_stime:.4f} {usage.ru_maxrss}")
