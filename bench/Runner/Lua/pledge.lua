-- Pledge form posts by signed-in members; args: <sessions file> <queue id> <wrk threads>.
-- A sessions line is "<cookie header>\t<antiforgery request token>". Each wrk thread owns its own
-- members, and each post changes the quantity, so an amendment never repeats the current quantity:
-- the warm-up posts 1…100 000, the measured run 500 001…600 000 (BENCH_PHASE, set by the runner).
local thread_count = 0
local sessions = {}
local path = nil
local started = 0
local sent = 0
local base = 0

-- thread_id is a global of each thread's Lua state, set here before its init runs.
function setup(thread)
  thread:set("thread_id", thread_count)
  thread_count = thread_count + 1
end

function init(args)
  local threads = tonumber(args[3])
  local index = 0
  for line in io.lines(args[1]) do
    if index % threads == thread_id then
      local cookie, token = line:match("^(.-)\t(.*)$")
      sessions[#sessions + 1] = { cookie = cookie, token = token, quantity = 0 }
    end
    index = index + 1
  end
  path = "/achats/" .. args[2] .. "?handler=Pledge"
  base = os.getenv("BENCH_PHASE") == "measure" and 500000 or 0
  started = os.time()
end

function request()
  sent = sent + 1
  local session = sessions[sent % #sessions + 1]
  session.quantity = session.quantity % 100000 + 1
  -- A fresh idempotency key per post (32 hex digits, unique per thread, run and request).
  local key = string.format("%08x%08x%016x", thread_id, started, sent)
  local body = "Input.Quantity=" .. (base + session.quantity) .. "&Input.IdempotencyKey=" .. key
    .. "&__RequestVerificationToken=" .. session.token
  return wrk.format("POST", path, {
    ["Cookie"] = session.cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, body)
end
