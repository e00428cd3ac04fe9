-- Shared by the wrk scripts of benchmarks/load (loaded with require "common"; run.sh sets LUA_PATH).
-- Environment: LEARNERS (default 10000), RUN_ID (prefix of evidence ids, unique per run), API_KEY.
local M = {}

M.learners = tonumber(os.getenv("LEARNERS") or "10000")
M.first = 30                                   -- demo-00030 .. demo-<LEARNERS-1> (the 30 named ones are skipped)
M.run = os.getenv("RUN_ID") or tostring(os.time())
M.headers = { ["X-Api-Key"] = os.getenv("API_KEY") or "demo-platform-key",
              ["Content-Type"] = "application/json" }
M.leaves = { "rp.ratio.language", "rp.ratio.unit-rate-concept", "rp.ratio.tables", "rp.ratio.double-number-lines",
             "rp.rates.unit-rate", "rp.rates.percent", "rp.rates.conversion", "rp.prop.complex-unit-rate",
             "rp.prop.recognize", "rp.prop.constant", "rp.prop.equations", "rp.prop.graphs", "rp.apply.tax-tip",
             "rp.apply.percent-change", "rp.apply.scale-drawings", "rp.linear.slope", "rp.linear.compare" }
M.kinds = { "FORMATIVE", "FORMATIVE", "FORMATIVE", "SUMMATIVE" }

-- main state: one entry per thread, read back in done()
local threads = {}
local count = 0

function M.setup(thread)
  count = count + 1
  thread:set("tid", count)
  table.insert(threads, thread)
end

-- thread state: call from init(); evidence ids are RUN_ID-t<thread>-<counter>, unique per run
function M.init()
  math.randomseed(tid * 1000003 + os.time())
  seq = 0
  accepted = 0
  refused = 0
end

function M.learner()
  return string.format("demo-%05d", math.random(M.first, M.learners - 1))
end

function M.next_id()
  seq = seq + 1
  return string.format("%s-t%d-%d", M.run, tid, seq)
end

function M.evidence()
  return string.format('{"id":"%s","learnerId":"%s","competencyId":"%s","score":{"raw":%d,"min":0,"max":10},'
      .. '"kind":"%s","source":"wrk"}', M.next_id(), M.learner(), M.leaves[math.random(#M.leaves)],
      math.random(3, 10), M.kinds[math.random(#M.kinds)])
end

function M.batch(n)
  local items = {}
  for i = 1, n do items[i] = M.evidence() end
  return '{"items":[' .. table.concat(items, ",") .. ']}'
end

function M.next_steps()
  return wrk.format("GET", "/v1/learners/" .. M.learner() .. "/next-steps", M.headers)
end

-- counts the items of a batch answer (200 with "accepted"/"refused") or of a single answer (status 200)
function M.count(status, body, is_batch)
  if is_batch and status == 200 then
    accepted = accepted + tonumber(body:match('"accepted":(%d+)') or 0)
    refused = refused + tonumber(body:match('"refused":(%d+)') or 0)
  elseif status == 200 then
    accepted = accepted + 1
  else
    refused = refused + 1
  end
end

-- one machine-readable line, read by run.sh
function M.done(summary, latency, requests)
  local acc, ref = 0, 0
  for _, t in ipairs(threads) do
    acc = acc + (t:get("accepted") or 0)
    ref = ref + (t:get("refused") or 0)
  end
  local s = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_s=%.1f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f "
      .. "max_ms=%.2f errors_status=%d errors_socket=%d items_ok=%d items_refused=%d items_ok_per_s=%.1f\n",
      summary.requests, s, summary.requests / s, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout,
      acc, ref, acc / s))
end

return M
