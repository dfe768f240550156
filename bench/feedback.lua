-- feedback.lua -- wrk script for bench/feedback: a reporter signs in
-- with a reference and its secret code and views the report's thread.
-- Each connection alternates: POST /melding/aanmelden (a 303 with the
-- session cookie, whose value goes to a queue), then GET /melding/ with
-- a cookie from the queue (the thread page, 200 with id="status").
-- The pairs come from BENCH_CREDS (a file of "reference code" lines);
-- BENCH_TOKEN is a sign-in form token (stateless, reusable for an
-- hour: it only stops cross-site sign-ins).
--   303 + mp_melding cookie   a sign-in
--   200 + id="status"         a thread viewed
--   anything else             a failure

local mount = os.getenv("BENCH_MOUNT") or "/melding"
local token = os.getenv("BENCH_TOKEN") or ""
local credfile = os.getenv("BENCH_CREDS") or "creds.txt"

local threads = {}

function setup(thread)
	table.insert(threads, thread)
end

local function urlencode(s)
	return (s:gsub("[^%w%-%._~]", function(c)
		return string.format("%%%02X", string.byte(c))
	end))
end

local post_headers = {
	["Content-Type"] = "application/x-www-form-urlencoded",
}

function init(args)
	creds = {}
	for line in io.lines(credfile) do
		local r, c = line:match("^(%S+) (%S+)$")
		if r then
			table.insert(creds, "token=" .. urlencode(token) ..
			    "&meldingsnummer=" .. urlencode(r) ..
			    "&code=" .. urlencode(c))
		end
	end
	cookies = {}
	head, tail = 1, 0
	n = math.random(1, #creds)
	signins, views, failed = 0, 0, 0
	failed_by_status = ""
	fails = {}
end

function request()
	if head <= tail then
		local c = cookies[head]
		cookies[head] = nil
		head = head + 1
		return wrk.format("GET", mount .. "/", { ["Cookie"] = c })
	end
	n = n % #creds + 1
	return wrk.format("POST", mount .. "/aanmelden", post_headers,
	    creds[n])
end

function response(status, headers, body)
	if status == 303 then
		local c = headers["Set-Cookie"]
		c = c and c:match("^(mp_melding=[^;]+)")
		if c then
			signins = signins + 1
			tail = tail + 1
			cookies[tail] = c
			return
		end
	elseif status == 200 and body:find('id="status"', 1, true) then
		views = views + 1
		return
	end
	failed = failed + 1
	fails[status] = (fails[status] or 0) + 1
	local s = {}
	for k, v in pairs(fails) do
		table.insert(s, k .. ":" .. v)
	end
	failed_by_status = table.concat(s, ",")
end

function done(summary, latency, requests)
	local si, vi, bad = 0, 0, 0
	local byst = {}
	for _, t in ipairs(threads) do
		si = si + t:get("signins")
		vi = vi + t:get("views")
		bad = bad + t:get("failed")
		local s = t:get("failed_by_status")
		if s and s ~= "" then
			table.insert(byst, s)
		end
	end
	io.write(string.format("BENCH signins=%d views=%d failed=%d " ..
	    "failed_by_status=%s responses=%d errors_socket=%d\n",
	    si, vi, bad, table.concat(byst, ";"), summary.requests,
	    summary.errors.connect + summary.errors.read +
	    summary.errors.write + summary.errors.timeout))
end
