-- POST /v1/evidence/batch: BATCH_SIZE (default 100) pieces per request; durable evidence/s = items_ok_per_s.
-- ANSWER=summary asks for the compact answer (?answer=summary) instead of each item's full path update.
local c = require "common"
local size = tonumber(os.getenv("BATCH_SIZE") or "100")
local answer = os.getenv("ANSWER")
local path = "/v1/evidence/batch" .. ((answer and answer ~= "") and ("?answer=" .. answer) or "")
setup = c.setup
init = function(args) c.init() end
request = function() return wrk.format("POST", path, c.headers, c.batch(size)) end
response = function(status, headers, body) c.count(status, body, true) end
done = c.done
