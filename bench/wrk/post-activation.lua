-- POST /v2/{p}/events: a project-wide activation with a user token (TOKEN).
wrk.method = "POST"
wrk.body = '{"event":"agent_activate","mode":"active"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Auth-Token"] = os.getenv("TOKEN") or ""
