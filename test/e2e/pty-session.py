"""Drives a command through a pseudo-terminal for the interactive end-to-end tests.

Usage: python3 pty-session.py '<json>' where the JSON holds
  argv: the command, cwd, env (added to the environment),
  steps: [{"expect": "text", "send": "keys"}, ...] and timeout (seconds, whole session).
Each step waits until `expect` appears in the output (escape sequences removed) after the
previous match, then types `send`. Prints one JSON line: code, output, failed_step (or null).
"""
import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time

ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]")

config = json.loads(sys.argv[1])
deadline = time.monotonic() + config.get("timeout", 30)
env = dict(os.environ, **config.get("env", {}))

pid, fd = pty.fork()
if pid == 0:
    os.chdir(config.get("cwd", "."))
    os.execvpe(config["argv"][0], config["argv"], env)

# A wide terminal, so prompts are never wrapped in the middle of the text we wait for.
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 250, 0, 0))
raw = b""
position = 0
failed_step = None
eof = False


def read_some(wait):
    global raw, eof
    ready, _, _ = select.select([fd], [], [], wait)
    if not ready:
        return
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        chunk = b""
    if not chunk:
        eof = True
    raw += chunk


def text():
    return ANSI.sub("", raw.decode("utf-8", "replace"))


for index, step in enumerate(config["steps"]):
    while True:
        found = text().find(step["expect"], position)
        if found >= 0:
            position = found + len(step["expect"])
            break
        if eof or time.monotonic() > deadline:
            failed_step = index
            break
        read_some(0.1)
    if failed_step is not None:
        break
    time.sleep(0.05)  # let the prompt finish drawing before typing
    os.write(fd, step["send"].encode("utf-8"))

while not eof and time.monotonic() < deadline:
    read_some(0.1)
if not eof:
    os.kill(pid, signal.SIGKILL)
_, status = os.waitpid(pid, 0)
code = os.waitstatus_to_exitcode(status)
print(json.dumps({"code": code if code >= 0 else 128 - code, "output": text(), "failed_step": failed_step}))
