#!/usr/bin/env python3
"""Start-up benchmark: time from process start to the main window's first paint (offscreen).

Runs the bare-QMainWindow baseline and the real app alternately, N times each, in one run, and prints
medians and the ratio app/baseline. Also reports whether any QtWebEngineProcess was started."""
import os, statistics, subprocess, sys, tempfile, time

exe = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 15
env = dict(os.environ, QT_QPA_PLATFORM="offscreen")

def once(args):
    start = time.perf_counter()
    proc = subprocess.Popen([exe] + args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    line = proc.stdout.readline()
    elapsed = (time.perf_counter() - start) * 1000.0
    proc.wait(timeout=30)
    if not line.startswith("FIRST_PAINT"):
        sys.exit(f"no first paint from {args}: {line!r}")
    return elapsed, int(line.split("webengine_processes=")[1])

base, app, engines = [], [], 0
with tempfile.TemporaryDirectory() as tmp:
    for i in range(runs):
        base.append(once(["--baseline"])[0])
        data = os.path.join(tmp, f"run{i}")  # empty database every run
        ms, n = once(["--data-dir", data, "--offline"])
        app.append(ms)
        engines = max(engines, n)

mb, ma = statistics.median(base), statistics.median(app)
print(f"startup to first paint, {runs} runs each, empty database, offscreen")
print(f"  baseline (bare QMainWindow): median {mb:7.1f} ms  min {min(base):7.1f}  max {max(base):7.1f}")
print(f"  bitcoin-analyzer           : median {ma:7.1f} ms  min {min(app):7.1f}  max {max(app):7.1f}")
print(f"  ratio app/baseline         : {ma / mb:5.2f}x")
print(f"  QtWebEngineProcess started : {'yes' if engines else 'no'}")
print(f"  target median < 500 ms     : {'met' if ma < 500 else 'NOT met'}")
