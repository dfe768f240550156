-- dashboard.lua -- wrk script for bench/dashboard: signed-in handlers
-- reading the work list with a filter, or the detail of reports of
-- their team.  Every request goes as one of the clients signed in
-- beforehand (the portal's user variable plus that user's session
-- cookie), round robin, so no request signs anyone in.
--
-- Issue 13's runs add four modes: "links" (the report page with its
-- subjects and links: half the requests a report with a subject shared
-- with another report, from BENCH_LIST, as a handler of its team; half
-- a random report of the client's team, as "detail"), "subject" (the
-- page of a subject from BENCH_LIST, ids of subjects with 2+ reports),
-- "search" (the work list searched for a query string from BENCH_LIST,
-- a plate or a postcode and number) and "hotspot" (BENCH_PATH, the
-- hotspot view for a year, as whoever BENCH_CLIENTS holds).
--
-- Environment (set by bench/dashboard):
--   BENCH_MODE      "list", "detail", "links", "subject", "search" or
--                   "hotspot"
--   BENCH_LIST      a file with one report id, subject id or query
--                   string a line (links, subject, search)
--   BENCH_PATH      the path of the hotspot view, after BENCH_MOUNT
--   BENCH_CLIENTS   "user:cookie:team user:cookie:team ..."; team is the
--                   remainder id % BENCH_TEAMS of the reports the user's
--                   team holds (the bench puts report id in team
--                   1 + id % BENCH_TEAMS)
--   BENCH_TEAMS     the number of teams (8)
--   BENCH_FILTERS   query strings, one per list request in turn
--   BENCH_MAX_ID    the highest report id
--   BENCH_MOUNT     "/dashboard"
--   BENCH_LIST_PATH the list's path after BENCH_MOUNT ("/"; bench/dossier:
--                   "/dossiers")

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

-- Clients by team (0 .. nteams - 1), for a report of a given team.
local by_team = {}
for _, c in ipairs(clients) do
	by_team[c.team] = by_team[c.team] or {}
	table.insert(by_team[c.team], c)
end

-- BENCH_LIST, read once per thread (init: each thread has its own Lua
-- state).
local function read_list()
	local t = {}
	local name = os.getenv("BENCH_LIST")
	if name == nil or name == "" then
		return t
	end
	local f = assert(io.open(name, "r"))
	for line in f:lines() do
		if line ~= "" then
			table.insert(t, line)
		end
	end
	f:close()
	return t
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
	list = read_list()
	if mode ~= "list" and mode ~= "detail" and mode ~= "hotspot" and
	    #list == 0 then
		error("BENCH_LIST is empty for mode " .. mode)
	end
end

-- A random report of client c's team: id % nteams == c.team.
local function team_report(c)
	local k = math.random(0, math.floor(maxid / nteams) - 1)
	local id = k * nteams + c.team
	if id < 1 then
		id = id + nteams
	end
	return id
end

function request()
	n = n + 1
	local c = clients[(n % #clients) + 1]
	local path
	if mode == "detail" then
		path = mount .. "/melding/" .. team_report(c)
	elseif mode == "links" then
		local id
		if n % 2 == 0 then
			-- A report with a shared subject, as a handler of its
			-- team.
			id = tonumber(list[math.random(1, #list)])
			local t = by_team[id % nteams]
			c = t[(n % #t) + 1]
		else
			id = team_report(c)
		end
		path = mount .. "/melding/" .. id
	elseif mode == "subject" then
		path = mount .. "/onderwerp/" .. list[math.random(1, #list)]
	elseif mode == "search" then
		path = mount .. "/?" .. list[math.random(1, #list)]
	elseif mode == "hotspot" then
		path = mount .. (os.getenv("BENCH_PATH") or "/onderwerpen")
	else
		path = mount .. (os.getenv("BENCH_LIST_PATH") or "/") .. "?" ..
		    filters[(n % #filters) + 1]
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
