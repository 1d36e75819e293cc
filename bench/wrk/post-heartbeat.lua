-- POST /v2/{p}/agents/{a}/events: a heartbeat with the agent's own token (TOKEN).
wrk.method = "POST"
wrk.body = '{"event":"heartbeat","busy":false}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Auth-Token"] = os.getenv("TOKEN") or ""
