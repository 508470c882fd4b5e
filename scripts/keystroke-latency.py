#!/usr/bin/env python3
"""Keystroke-to-screen time and idle CPU of the editor under Xvfb.

Opens the editor on a copy of the sample in a virtual X display at 1366×768, puts the cursor
in 検索 (Ctrl+F), then:
  1. idle: the CPU the program uses over 10 s while the focused field only waits
     (a blinking cursor redraws the whole window each time);
  2. keystrokes: types "z" and BackSpace in turn, each through the X server's
     XTEST extension, and times until the search bar's "見つかりません" label
     appears or goes, read straight from the screen.

    python3 scripts/keystroke-latency.py [path/to/ward-plan] [rounds]
    NO_PREVIEW=1 python3 scripts/keystroke-latency.py   # with the preview hidden
    FIELD=goal python3 scripts/keystroke-latency.py     # typing in 区の目標, a plan field
                                                        # (the plan, its preview and checks change)

Needs Xvfb, Mesa (mesa-vulkan-drivers) and python-xlib (pip install python-xlib).
Prints one line per figure; the README quotes them.
"""
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from Xlib import X, XK, display
from Xlib.ext import xtest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target/release/ward-plan")
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 20
DISPLAY = ":93"
# The search bar's row, right of the field: where 見つかりません shows. The text
# field (and its cursor) is left of it, so a blink does not change this region.
REGION = (480, 25, 260, 24)
# With FIELD=goal: 区の目標 on the 目標・使命 form at 1366×768, with its count of
# characters (a software renderer does not blink the cursor).
GOAL = os.environ.get("FIELD") == "goal"
if GOAL:
    REGION = (384, 58, 494, 44)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    work = tempfile.mkdtemp()
    xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1400x900x24"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = dict(os.environ, DISPLAY=DISPLAY, HOME=work,
               XDG_DATA_HOME=os.path.join(work, "data"))
    shutil.copy(os.path.join(ROOT, "samples/tsurumi-r4.ron"), os.path.join(work, "plan.ron"))
    time.sleep(1)
    app = subprocess.Popen([BIN, os.path.join(work, "plan.ron")], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        d = display.Display(DISPLAY)
        root = d.screen().root
        time.sleep(5)
        win = subprocess.check_output(["xdotool", "search", "--name", "ward-plan"],
                                      env=env).split()[0].decode()
        # The office's common screen, 1366×768.
        subprocess.run(["xdotool", "windowsize", "--sync", win, "1366", "768"], env=env)
        time.sleep(1)
        subprocess.run(["xdotool", "windowfocus", "--sync", win], env=env, check=True)
        if os.environ.get("NO_PREVIEW"):
            subprocess.run(["xdotool", "key", "--window", win, "ctrl+shift+p"], env=env, check=True)
            time.sleep(1)
        if GOAL:
            # 目標・使命 in the outline, then the end of 区の目標.
            for x, y in ((60, 83), (870, 89)):
                subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"],
                               env=env, check=True)
                time.sleep(1)
        else:
            subprocess.run(["xdotool", "key", "--window", win, "ctrl+f"], env=env, check=True)
        time.sleep(2)

        before = cpu_seconds(app.pid)
        time.sleep(10)
        idle = (cpu_seconds(app.pid) - before) / 10 * 100
        print(f"idle with a focused field: {idle:.1f} % of a core")

        def snap():
            x, y, w, h = REGION
            return hashlib.md5(root.get_image(x, y, w, h, X.ZPixmap, 0xFFFFFFFF).data).digest()

        def press(keysym):
            code = d.keysym_to_keycode(keysym)
            xtest.fake_input(d, X.KeyPress, code)
            xtest.fake_input(d, X.KeyRelease, code)
            d.sync()

        times = []
        for n in range(ROUNDS):
            keysym = XK.string_to_keysym("z") if n % 2 == 0 else XK.XK_BackSpace
            start_image = snap()
            start = time.perf_counter()
            press(keysym)
            while snap() == start_image:
                if time.perf_counter() - start > 5:
                    break
                time.sleep(0.001)
            times.append((time.perf_counter() - start) * 1000)
            time.sleep(0.5)
        times.sort()
        print(f"keystroke to screen: median {statistics.median(times):.0f} ms, "
              f"min {times[0]:.0f} ms, max {times[-1]:.0f} ms ({ROUNDS} keystrokes)")
    finally:
        app.terminate()
        xvfb.terminate()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
