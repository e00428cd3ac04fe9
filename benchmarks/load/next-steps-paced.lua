-- GET next steps at a bounded rate: every connection waits DELAY_MS (default 19) before each request, so
-- c connections send at most c * 1000 / DELAY_MS requests/s (20 connections: < 1,053/s; the achieved rate is
-- reported). wrk measures each latency from the moment the request is written, so this is a paced closed loop,
-- not wrk2's open loop: see OpenLoop.java for that.
local c = require "common"
local pause = tonumber(os.getenv("DELAY_MS") or "19")
setup = c.setup
init = function(args) c.init() end
request = c.next_steps
delay = function() return pause end
response = function(status, headers, body) c.count(status, body, false) end
done = c.done
