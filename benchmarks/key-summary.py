#!/usr/bin/env python3
"""The regression guard printed by `benchmarks/run-benchmarks.sh key`.

Reads the key JMH runs (benchmarks/results/key-evidence.json, key-nextstep.json) and, when it exists, the key
service run (benchmarks/results/key-service.log, written by benchmarks/load/run.sh), and prints for each figure its
value now, the reference in benchmarks/key-reference.json and the verdict:

  * Drools / hand-coded ratio (throughput) of each benchmark and grade band: a regression when it is more than
    `tolerance` (25 %) above the reference ratio. A ratio compares two runs of the same JVM on the same machine a few
    seconds apart, so it stands a busy machine far better than a raw score.
  * the service's CPU per evidence (single requests, batches of 100): a regression when it is more than `tolerance`
    above the reference.

Exit status 1 when any figure regressed, so a script can gate on it.
"""
import json, pathlib, re, sys

HERE = pathlib.Path(__file__).resolve().parent
RESULTS = HERE / "results"
REFERENCE = json.loads((HERE / "key-reference.json").read_text())
TOLERANCE = REFERENCE["tolerance"]


def jmh(path):
    """{(benchmark, band): {engine: (ops/s, cpu µs/op)}} of one JMH JSON file."""
    out = {}
    if not path.exists():
        return out
    for row in json.loads(path.read_text()):
        name = row["benchmark"].rsplit(".", 1)[-1]
        params = row.get("params", {})
        cpu = row.get("secondaryMetrics", {}).get("cpu.worker", {}).get("score")
        score = row["primaryMetric"]["score"]
        if row["primaryMetric"]["scoreUnit"].endswith("/op"):  # time per op: make it ops/s
            score = 1e6 / score if row["primaryMetric"]["scoreUnit"] == "us/op" else score
        out.setdefault((name, params.get("band", "")), {})[params.get("engine", "")] = (score, cpu)
    return out


def service(path):
    """{run: ms CPU per evidence} of the key service run's log."""
    out, run = {}, None
    if not path.exists():
        return out
    for line in path.read_text().splitlines():
        m = re.match(r"--- (\S+):", line)
        if m:
            run = m.group(1)
        m = re.search(r"([0-9.]+) ms per evidence evaluated", line)
        if m and run:
            out[run] = float(m.group(1))
    return out


regressed = []


def verdict(now, ref, what):
    if ref is None:
        return "no reference"
    if now > ref * (1 + TOLERANCE):
        regressed.append(what)
        return f"REGRESSION (> {ref * (1 + TOLERANCE):.2f})"
    return "ok" if now <= ref * (1 + TOLERANCE / 2) else "watch"


print(f"Drools / hand-coded (throughput ratio; lower is better; regression above reference + {TOLERANCE:.0%}):")
print(f"  {'benchmark':<18} {'band':<5} {'Drools ops/s':>13} {'hand-coded':>11} {'ratio':>6} {'µs CPU':>7} {'ref':>5}  verdict")
rows = {**jmh(RESULTS / "key-evidence.json"), **jmh(RESULTS / "key-nextstep.json")}
for (name, band), engines in sorted(rows.items()):
    if "drools" not in engines or "handCoded" not in engines:
        continue
    (d, dcpu), (h, _) = engines["drools"], engines["handCoded"]
    ratio = h / d
    ref = REFERENCE["ratio"].get(f"{name} {band}")
    cpu = f"{dcpu:7.1f}" if dcpu is not None else "      -"
    print(f"  {name:<18} {band:<5} {d:13,.0f} {h:11,.0f} {ratio:5.2f}x {cpu} {ref if ref else '-':>5}  "
          + verdict(ratio, ref, f"{name} {band} ratio {ratio:.2f}x"))
if not rows:
    print("  (no key JMH results: run benchmarks/run-benchmarks.sh key)")

runs = service(RESULTS / "key-service.log")
print(f"Service CPU per evidence (ms; lower is better; regression above reference + {TOLERANCE:.0%}):")
for run, ms in runs.items():
    ref = REFERENCE["serviceCpuMsPerEvidence"].get(run)
    print(f"  {run:<24} {ms:6.2f} ms  ref {ref if ref else '-':>5}  " + verdict(ms, ref, f"{run} {ms:.2f} ms"))
if not runs:
    print("  (no key service run: KEY_SERVICE=1 benchmarks/run-benchmarks.sh key)")

if regressed:
    print("REGRESSED: " + "; ".join(regressed))
    sys.exit(1)
