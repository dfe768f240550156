-- dashboard.lua -- wrk script for bench/dashboard: signed-in handlers
-- reading the work list with a filter, or the detail of reports of
-- their team.  Every request goes as one of the clients signed in
-- beforehand (the portal's user variable plus that user's session
-- cookie), round robin, so no request signs anyone in.
--
-- Environment (set by bench/dashboard):
--   BENCH_MODE      "list" or "detail"
--   BENCH_CLIENTS   "user:cookie:team user:cookie:team ..."; team is the
--                   remainder id % BENCH_TEAMS of the reports the user's
--                   team holds (the bench puts report id in team
--                   1 + id % BENCH_TEAMS)
--   BENCH_TEAMS     the number of teams (8)
--   BENCH_FILTERS   query strings, one per list request in turn
--   BENCH_MAX_ID    the highest report id
--   BENCH_MOUNT     "/dashboard"

local mode = os.getenv("BENCH_MODE") or "list"
local mount = os.getenv("BENCH_MOUNT") or "/dashboard"
local nteams = tonumber(os.getenv("BENCH_TEAMS") or "8")
local maxid = tonumber(os.getenv("BENCH_MAX_ID") or "1000")

local clients = {}
for u, c, t in (os.getenv("BENCH_CLIENTS") or ""):gmatch(
    "([^:%s]+):([^:%s]+):(%d+)") do
	table.insert(clients, {
		headers = {
			["X-Test-Remote-User"] = u,
			["Cookie"] = "mp_dash=" .. c,
		},
		team = tonumber(t),
	})
end

local filters = {}
for f in (os.getenv("BENCH_FILTERS") or "status=nieuw"):gmatch("%S+") do
	table.insert(filters, f)
end

local threads = {}
local nthreads = 0

function setup(thread)
	thread:set("tid", nthreads)
	nthreads = nthreads + 1
	table.insert(threads, thread)
end

function init(args)
	n = tid * 7919
	ok, bad = 0, 0
	math.randomseed(12345 + tid)
end

function request()
	n = n + 1
	local c = clients[(n % #clients) + 1]
	local path
	if mode == "detail" then
		-- A report of the client's team: id % nteams == team.
		local k = math.random(0, math.floor(maxid / nteams) - 1)
		local id = k * nteams + c.team
		if id < 1 then
			id = id + nteams
		end
		path = mount .. "/melding/" .. id
	else
		path = mount .. "/?" .. filters[(n % #filters) + 1]
	end
	return wrk.format("GET", path, c.headers)
end

function response(status, headers, body)
	if status == 200 then
		ok = ok + 1
	else
		bad = bad + 1
	end
end

function done(summary, latency, requests)
	local o, b = 0, 0
	for _, t in ipairs(threads) do
		o = o + t:get("ok")
		b = b + t:get("bad")
	end
	-- One line bench/dashboard parses.
	io.write(string.format("BENCH ok_200=%d other=%d responses=%d " ..
	    "errors_connect=%d errors_read=%d errors_write=%d " ..
	    "errors_timeout=%d\n", o, b, summary.requests,
	    summary.errors.connect, summary.errors.read,
	    summary.errors.write, summary.errors.timeout))
end
