-- intake.lua -- wrk script for bench/intake: every benchmarked report
-- is a real one.  A GET of the form yields a one-time form token (taken
-- from the response body); the next request of the same wrk thread that
-- finds a token in the queue POSTs a valid urlencoded report with it.
-- Each token is used once.  Responses are told apart by their content:
--   200 + receipt page      a stored report (POST)
--   200 + form with token   a form (GET); its token goes to the queue
--   anything else           a failure (any non-200 POST, or a bad GET)
--
-- Environment (set by bench/intake): BENCH_PATH (/melden/),
-- BENCH_SIGNAL_TYPE (a slug the form offers), BENCH_DATE (YYYY-MM-DD,
-- not in the future), BENCH_CONTACT_EVERY (every Nth report gives
-- contact details, the others are anonymous; 0 = all anonymous),
-- BENCH_EXTRA (urlencoded fields appended to every POST: the answers to
-- the signal type's follow-up questions, bench/intake's QUESTIONS run).

local path = os.getenv("BENCH_PATH") or "/melden/"
local stype = os.getenv("BENCH_SIGNAL_TYPE") or "drugs"
local date = os.getenv("BENCH_DATE") or "2026-01-01"
local contact_every = tonumber(os.getenv("BENCH_CONTACT_EVERY") or "2")
local extra = os.getenv("BENCH_EXTRA") or ""

local threads = {}

function setup(thread)
	table.insert(threads, thread)
end

local function urlencode(s)
	return (s:gsub("[^%w%-%._~]", function(c)
		return string.format("%%%02X", string.byte(c))
	end))
end

local description = "Sinds een paar weken staat er 's avonds laat " ..
    "regelmatig een bestelbus voor het pand op de hoek. Er worden dozen " ..
    "in- en uitgeladen en er komen veel verschillende mensen kort langs. " ..
    "De ramen zijn afgeplakt en er brandt de hele nacht licht. Ik vind " ..
    "het verdacht en wil het graag melden."

local function body_for(token, n)
	local f = {
		{ "form-token", token },
		{ "report-signal-type", stype },
		{ "report-description", description .. " (" .. n .. ")" },
		{ "report-observed-date", date },
		{ "report-observed-time", "22:15" },
		{ "report-street", "Voorbeeldstraat" },
		{ "report-house-number", "12a" },
		{ "report-postcode", "1234 AB" },
		{ "report-city", "Voorbeeld" },
		{ "report-people", "Twee mannen van rond de dertig." },
		{ "report-companies", "" },
		{ "report-vehicles", "Witte bestelbus, kenteken VX-123-B." },
	}
	if contact_every > 0 and n % contact_every == 0 then
		table.insert(f, { "report-anonymous", "nee" })
		table.insert(f, { "report-contact-name", "J. de Vries" })
		table.insert(f, { "report-contact-email", "j.devries@example.nl" })
		table.insert(f, { "report-contact-phone", "06 12345678" })
	else
		table.insert(f, { "report-anonymous", "ja" })
	end
	table.insert(f, { "website", "" })
	local parts = {}
	for _, kv in ipairs(f) do
		table.insert(parts, kv[1] .. "=" .. urlencode(kv[2]))
	end
	if extra ~= "" then
		table.insert(parts, extra)
	end
	return table.concat(parts, "&")
end

local post_headers = {
	["Content-Type"] = "application/x-www-form-urlencoded",
}

function init(args)
	tokens = {}		-- a FIFO: head .. tail
	head, tail = 1, 0
	gets, posts = 0, 0	-- requests sent
	forms, stored, failed = 0, 0, 0
	failed_by_status = ""
	nreport = 0
	fails = {}
end

function request()
	if head <= tail then
		local t = tokens[head]
		tokens[head] = nil
		head = head + 1
		posts = posts + 1
		nreport = nreport + 1
		return wrk.format("POST", path, post_headers,
		    body_for(t, nreport))
	end
	gets = gets + 1
	return wrk.format("GET", path)
end

function response(status, headers, body)
	if status == 200 then
		local t = body:match('name="form%-token" value="([^"]+)"')
		if t then
			forms = forms + 1
			tail = tail + 1
			tokens[tail] = t
			return
		end
		if body:find('id="secret-code"', 1, true) then
			stored = stored + 1
			return
		end
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
	local g, p, f, ok, bad = 0, 0, 0, 0, 0
	local byst = {}
	for _, t in ipairs(threads) do
		g = g + t:get("gets")
		p = p + t:get("posts")
		f = f + t:get("forms")
		ok = ok + t:get("stored")
		bad = bad + t:get("failed")
		local s = t:get("failed_by_status")
		if s and s ~= "" then
			table.insert(byst, s)
		end
	end
	-- One line bench/intake parses.
	io.write(string.format("BENCH gets_sent=%d posts_sent=%d " ..
	    "forms_200=%d receipts_200=%d failed=%d failed_by_status=%s " ..
	    "responses=%d errors_connect=%d errors_read=%d errors_write=%d " ..
	    "errors_status=%d errors_timeout=%d\n",
	    g, p, f, ok, bad, table.concat(byst, ";"),
	    summary.requests, summary.errors.connect, summary.errors.read,
	    summary.errors.write, summary.errors.status,
	    summary.errors.timeout))
end
