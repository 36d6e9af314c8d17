-- GET the paths of a file (one a line) in turn; args: <paths file> [cookie header].
local paths = {}
local cookie = nil
local next_path = 0

function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  cookie = args[2]
  -- Threads start at different places in the list.
  next_path = math.random(#paths) - 1
end

function request()
  next_path = next_path % #paths + 1
  local headers = {}
  if cookie then
    headers["Cookie"] = cookie
  end
  return wrk.format("GET", paths[next_path], headers)
end
