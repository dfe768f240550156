-- feedback.lua -- wrk script for bench/feedback: a reporter opens the
-- sign-in form, signs in with a reference and its secret code and
-- views the report's thread.  Each sign-in takes three requests, in
-- whatever order the connections answer:
--   GET  /melding/ without cookies: the sign-in form (200 with its
--        token and a pre-session cookie; both go to a queue),
--   POST /melding/aanmelden with a form from the queue (a 303 with the
--        session cookie, whose value goes to a second queue),
--   GET  /melding/ with a session from that queue (the thread, 200
--        with id="status").
-- A sign-in token is bound to its pre-session cookie and good once
-- (lib/presession.h), so every sign-in fetches its own form, as a
-- browser does.  The pairs come from BENCH_CREDS (a file of
-- "reference code" lines).
--   200 + name="token"        a form fetched
--   303 + mp_melding cookie   a sign-in
--   200 + id="status"         a thread viewed
--   anything else             a failure

local mount = os.getenv("BENCH_MOUNT") or "/melding"
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
			table.insert(creds, "&meldingsnummer=" ..
			    urlencode(r) .. "&code=" .. urlencode(c))
		end
	end
	cookies = {}
	head, tail = 1, 0
	forms = {}
	fhead, ftail = 1, 0
	n = math.random(1, #creds)
	signins, views, failed, formsn = 0, 0, 0, 0
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
	if fhead <= ftail then
		local f = forms[fhead]
		forms[fhead] = nil
		fhead = fhead + 1
		n = n % #creds + 1
		return wrk.format("POST", mount .. "/aanmelden", {
			["Content-Type"] = post_headers["Content-Type"],
			["Cookie"] = f.cookie,
		}, "token=" .. urlencode(f.token) .. creds[n])
	end
	return wrk.format("GET", mount .. "/")
end

function response(status, headers, body)
	if status == 200 and body:find('name="token"', 1, true) then
		local c = headers["Set-Cookie"]
		c = c and c:match("(mp_pre_melding=[^;]+)")
		local t = body:match('name="token" value="([^"]+)"')
		if c and t then
			formsn = formsn + 1
			ftail = ftail + 1
			forms[ftail] = { cookie = c, token = t }
			return
		end
	elseif status == 303 then
		local c = headers["Set-Cookie"]
		c = c and c:match("(mp_melding=[^;]+)")
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
	local si, vi, bad, fo = 0, 0, 0, 0
	local byst = {}
	for _, t in ipairs(threads) do
		si = si + t:get("signins")
		vi = vi + t:get("views")
		bad = bad + t:get("failed")
		fo = fo + t:get("formsn")
		local s = t:get("failed_by_status")
		if s and s ~= "" then
			table.insert(byst, s)
		end
	end
	io.write(string.format("BENCH signins=%d views=%d forms=%d " ..
	    "failed=%d failed_by_status=%s responses=%d " ..
	    "errors_socket=%d\n",
	    si, vi, fo, bad, table.concat(byst, ";"), summary.requests,
	    summary.errors.connect + summary.errors.read +
	    summary.errors.write + summary.errors.timeout))
end
