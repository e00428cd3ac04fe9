-- GET /v1/learners/{random learner}/next-steps
local c = require "common"
setup = c.setup
init = function(args) c.init() end
request = c.next_steps
response = function(status, headers, body) c.count(status, body, false) end
done = c.done
