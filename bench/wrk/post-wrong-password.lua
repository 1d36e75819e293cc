-- A flood of sign-ins with a wrong password for one known agent (AGENT, FINGERPRINT from the environment).
local agent = os.getenv("AGENT")
local fingerprint = os.getenv("FINGERPRINT")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"id":"' .. agent .. '","password":"not-the-password-0123456789","host":{"fingerprint":"' .. fingerprint .. '"}}'

