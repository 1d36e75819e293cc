-- A flood of sign-ins with a wrong password for one known agent (AGENT, FINGERPRINT from the environment).
local agent = os.getenv("AGENT")
local fingerprint = os.getenv("FINGERPRINT")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"id":"' .. agent .. '","password":"not-the-password-0123456789","host":{"fingerprint":"' .. fingerprint .. '"}}'

-- From behind a proxy: the client address it names (FORWARDED_FOR), when set.
local forwarded = os.getenv("FORWARDED_FOR")
if forwarded ~= nil and forwarded ~= "" then
   wrk.headers["X-Forwarded-For"] = forwarded
end
