-- POST /v1/evidence/batch: BATCH_SIZE (default 100) pieces per request; durable evidence/s = items_ok_per_s
local c = require "common"
local size = tonumber(os.getenv("BATCH_SIZE") or "100")
setup = c.setup
init = function(args) c.init() end
request = function() return wrk.format("POST", "/v1/evidence/batch", c.headers, c.batch(size)) end
response = function(status, headers, body) c.count(status, body, true) end
done = c.done
