-- A mix: 70 % next steps, 25 % single evidence, 5 % batches of 20
local c = require "common"
setup = c.setup
init = function(args) c.init() end
request = function()
  local r = math.random()
  if r < 0.70 then
    return c.next_steps()
  elseif r < 0.95 then
    return wrk.format("POST", "/v1/evidence", c.headers, c.evidence())
  end
  return wrk.format("POST", "/v1/evidence/batch", c.headers, c.batch(20))
end
-- items_ok counts next-step answers too here: it is "answers that succeeded", per item
response = function(status, headers, body) c.count(status, body, status == 200 and body:find('"accepted":', 1, true) ~= nil) end
done = c.done
