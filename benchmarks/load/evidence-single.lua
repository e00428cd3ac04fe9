-- POST /v1/evidence: one piece per request, unique id (RUN_ID-t<thread>-<counter>), random learner and leaf
local c = require "common"
setup = c.setup
init = function(args) c.init() end
request = function() return wrk.format("POST", "/v1/evidence", c.headers, c.evidence()) end
response = function(status, headers, body) c.count(status, body, false) end
done = c.done
