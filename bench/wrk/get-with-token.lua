-- A GET with a token (TOKEN): an agent's check-in with its own token, or a status read with a user token.
wrk.method = "GET"
wrk.headers["X-Auth-Token"] = os.getenv("TOKEN") or ""
