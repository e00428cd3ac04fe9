#!/usr/bin/env python3
"""Turns the JMH JSON files in benchmarks/results/ into the Markdown tables of RESULTS.md."""
import json, sys, pathlib

def fmt(x):
    if isinstance(x, str):
        x = float(x)
    if x != x:  # NaN
        return "n/a"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    if abs(x) >= 10:
        return f"{x:,.1f}"
    return f"{x:,.2f}"

def table(path):
    rows = json.loads(pathlib.Path(path).read_text())
    params = sorted({k for r in rows for k in r.get("params", {})})
    head = ["benchmark"] + params + ["score ± error", "unit", "cpu.worker µs/op", "cpu.process µs/op", "alloc B/op"]
    out = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for r in rows:
        p = r["primaryMetric"]
        s = r.get("secondaryMetrics", {})
        def sec(name):
            m = s.get(name)
            if not m:
                return ""
            e = float(m.get("scoreError", "nan"))
            return fmt(m["score"]) + (" ± " + fmt(e) if e == e and e else "")
        err = p.get("scoreError")
        err = float(err) if err is not None else float("nan")
        score = fmt(p["score"]) + (f" ± {fmt(err)}" if err == err and err else "")
        name = r["benchmark"].split(".", 3)[-1].replace("dev.pathwise.benchmarks.", "")
        out.append("| " + " | ".join([name] + [r.get("params", {}).get(k, "") for k in params]
                                      + [score, p["scoreUnit"], sec("cpu.worker"), sec("cpu.process"), sec("gc.alloc.rate.norm")]) + " |")
        for aux in ("evaluations", "failedEvaluations"):
            if aux in s:
                out.append(f"| {name}:{aux} | " + " | ".join([""] * len(params)) + f" | {fmt(s[aux]['score'])} | count | | | |")
    return "\n".join(out)

for f in sys.argv[1:]:
    print(f"#### {pathlib.Path(f).stem}\n")
    print(table(f))
    print()
