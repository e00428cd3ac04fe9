#!/usr/bin/env python3
"""Crash test driver: concurrent clients send evidence to Pathwise while the service is kill -9'd and restarted;
then every acknowledged evidence must be stored exactly once and every learner's state must equal a fresh replay.

Usage: crash_client.py --jar JAR --total N --kills K --clients C --learners L --port P [--batch B] -- <service args>

--batch 0 (default) sends one evidence per POST /v1/evidence; --batch B sends B per POST /v1/evidence/batch. In batch
mode an item is acknowledged only when the batch response came back and that item's status is 200; the items of a
batch whose response never arrived (killed mid-batch) are unacknowledged and may or may not be stored.

--mixed (with --batch B): half of the clients send batches of B, the other half one evidence per request, on the same
learners at once; most pieces take the server's time, and one piece in five is observed late (up to an hour before it is
sent), so that learners are rebuilt from the late piece's place while the other clients write to them.
"""
import argparse, datetime, json, os, random, signal, subprocess, sys, threading, time, urllib.request, urllib.error

PLATFORM, ADMIN = "demo-platform-key", "demo-admin-key"
LEAVES = ["rp.ratio.language", "rp.ratio.unit-rate-concept", "rp.ratio.tables"]


def call(base, method, path, key, body=None, timeout=30):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method,
                                 headers={"X-Api-Key": key, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--jar"); p.add_argument("--total", type=int); p.add_argument("--kills", type=int)
    p.add_argument("--clients", type=int, default=8); p.add_argument("--learners", type=int, default=200)
    p.add_argument("--port", type=int, default=18080); p.add_argument("--log"); p.add_argument("--seed", type=int, default=7)
    p.add_argument("--batch", type=int, default=0, help="items per POST /v1/evidence/batch; 0 = one POST per evidence")
    p.add_argument("--start-timeout", type=float, default=600,
                   help="seconds a (re)start may take before the run gives up (Spring and Drools on a loaded machine)")
    p.add_argument("--mixed", action="store_true",
                   help="half the clients send batches, half single evidence, on the same learners; some evidence late")
    p.add_argument("--kill-gap", default="2,8", help="seconds between a (re)start and the next kill: MIN,MAX")
    p.add_argument("--max-seconds", type=float, default=0,
                   help="stop sending after this many seconds (0 = no limit), then verify what was acknowledged")
    p.add_argument("service_args", nargs="*")
    a = p.parse_args()
    rnd = random.Random(a.seed)
    base = f"http://127.0.0.1:{a.port}"
    log = open(a.log, "ab")
    state = {"server": None}

    def start():
        state["server"] = subprocess.Popen(["java", "-Xmx1g", "-jar", a.jar, f"--server.port={a.port}",
                                            "--server.address=127.0.0.1"] + a.service_args, stdout=log, stderr=log)
        deadline = time.time() + a.start_timeout
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(base + "/actuator/health/readiness", timeout=2) as r:
                    if r.status == 200 and call(base, "GET", "/v1/learners/ada", PLATFORM)[0] == 200:
                        return
            except Exception:
                pass
            time.sleep(0.3)
        state["server"].kill()
        raise SystemExit(f"service did not start within {a.start_timeout:.0f} s")

    acked, lock, sent = set(), threading.Lock(), [0]
    stop = threading.Event()

    def body_for(eid):
        body = {"id": eid, "learnerId": f"crash-l{rnd.randrange(a.learners)}", "competencyId": rnd.choice(LEAVES),
                "score": {"raw": rnd.randint(0, 10), "min": 0, "max": 10}, "kind": "FORMATIVE", "source": "crash"}
        if a.mixed and rnd.randrange(5) == 0:
            at = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(seconds=rnd.uniform(1, 3600))
            body["observedAt"] = at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        return body

    def client(n):
        i = 0
        batch = a.batch if not a.mixed or int(n.split("x")[1]) % 2 == 0 else 0
        while not stop.is_set():
            size = max(batch, 1)
            with lock:
                size = min(size, a.total - len(acked) - sent[0])
                if size <= 0:
                    return
                sent[0] += size
            bodies = [body_for(f"crash-{n}-{i + k}") for k in range(size)]
            i += size
            ok = []
            try:
                if batch:
                    status, resp = call(base, "POST", "/v1/evidence/batch", PLATFORM, {"items": bodies}, timeout=300)
                    if status == 200 and resp and len(resp["results"]) == size:
                        ok = [r["evidenceId"] for r in resp["results"]
                              if r["status"] == 200 and r["evidenceId"] == bodies[r["index"]]["id"]]
                else:
                    status, _ = call(base, "POST", "/v1/evidence", PLATFORM, bodies[0])
                    ok = [bodies[0]["id"]] if status == 200 else []
            except Exception:
                pass
            with lock:
                sent[0] -= size
                acked.update(ok)
            if len(ok) < size:
                time.sleep(0.2)

    started = time.time()
    gap_min, gap_max = (float(x) for x in a.kill_gap.split(","))
    out_of_time = lambda: a.max_seconds and time.time() - started >= a.max_seconds
    start()
    for l in range(a.learners):
        assert call(base, "PUT", f"/v1/learners/crash-l{l}", PLATFORM,
                    {"grade": 7, "schoolId": "north-middle", "planStart": "2026-09-01"})[0] == 200
    kills = 0
    while len(acked) < a.total and not out_of_time():
        stop.clear()
        threads = [threading.Thread(target=client, args=(f"{kills}x{c}",)) for c in range(a.clients)]
        for t in threads: t.start()
        if kills < a.kills:
            time.sleep(rnd.uniform(gap_min, gap_max))
            state["server"].send_signal(signal.SIGKILL)
            state["server"].wait()
            kills += 1
            print(f"kill -9 #{kills} at {round(time.time() - started)} s with {len(acked)} acknowledged", flush=True)
            stop.set()
            for t in threads: t.join()
            start()
        else:
            last = time.time()
            while any(t.is_alive() for t in threads) and not out_of_time():
                time.sleep(1)
                if time.time() - last >= 60:
                    last = time.time()
                    print(f"{round(last - started)} s: {len(acked)} acknowledged", flush=True)
            stop.set()  # out of time: in-flight requests finish (and count) before verifying
            for t in threads: t.join()
    ingest_seconds = time.time() - started
    ids, dup, mismatch, missing = [], 0, [], 0
    for l in range(a.learners):
        status, v = call(base, "GET", f"/v1/learners/crash-l{l}/verify", ADMIN, timeout=600)
        assert status == 200, status
        ids += v["evidenceIds"]
        dup += v["evidenceCount"] - v["distinctEvidenceIds"]
        if not v["matchesReplay"]:
            mismatch.append(f"crash-l{l}:{v['mismatchedCompetencies']}")
    stored = set(ids)
    missing = len(acked - stored)
    state["server"].terminate(); state["server"].wait()
    result = {"acknowledged": len(acked), "stored": len(ids), "stored_unacknowledged": len(stored - acked),
              "missing": missing, "duplicates": dup + (len(ids) - len(stored)), "learners": a.learners,
              "replay_mismatches": mismatch, "kills": kills, "clients": a.clients, "batch": a.batch, "mixed": a.mixed,
              "stopped_by_time_limit": len(acked) < a.total, "seconds": round(ingest_seconds)}
    print(json.dumps(result), flush=True)
    sys.exit(0 if missing == 0 and result["duplicates"] == 0 and not mismatch else 1)


if __name__ == "__main__":
    main()
