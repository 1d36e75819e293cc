#!/usr/bin/env python3
"""Writes adapter-http's openapi.json. The JSON is what ships and what OpenApiDocumentTest checks
against the router; this script only keeps the repetitive parts (errors, parameters) in one place.
Run: python3 docs/openapi-gen.py"""
import json, pathlib

REASONS = {
    200: "OK", 201: "Created", 202: "Accepted", 204: "No Content",
    400: "Malformed JSON, a missing or unknown field value, bad query values, or X-Project-Id / X-Agent-Id mismatch",
    401: "Missing, unknown or expired X-Auth-Token",
    403: "Valid token, but another project or a role that may not do this",
    404: "Unknown project, agent or route",
    405: "Known path, other method (see Allow)",
    409: "Fingerprint differs from registration, or Idempotency-Key reused with another body",
    413: "Body over 64 KiB", 415: "Body that is not JSON",
    429: "Over the token's request budget or its waiting long-polls (see Retry-After)",
    500: "A bug; quote X-Request-Id", 503: "The store is unreachable (see Retry-After); nothing was written",
}
READ = [200, 401, 403, 404, 405, 429, 500, 503]
READ_Q = [200, 400, 401, 403, 404, 405, 429, 500, 503]
WRITE = [400, 401, 403, 404, 405, 409, 413, 415, 429, 500, 503]
OPERATOR = [200, 405, 500]
ERR = {"$ref": "#/components/responses/Error"}

def ref(name): return {"$ref": "#/components/schemas/" + name}
def p(name): return {"$ref": "#/components/parameters/" + name}

def responses(codes, ok=None, headers=None):
    out = {}
    for code in sorted(codes):
        if code >= 400:
            out[str(code)] = ERR if code not in (405, 429, 503) else {"$ref": "#/components/responses/Error%d" % code}
        else:
            r = {"description": REASONS[code]}
            if ok is not None and code == min(c for c in codes if c < 300):
                r["content"] = {"application/json": {"schema": ok}}
            if headers and code < 300:
                r["headers"] = headers
            out[str(code)] = r
    return out

def op(summary, codes, ok=None, body=None, params=(), security=True, headers=None, op_id=None, desc=None):
    o = {"operationId": op_id, "summary": summary}
    if desc: o["description"] = desc
    o["parameters"] = list(params)
    if body is not None:
        o["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
    o["responses"] = responses(codes, ok, headers)
    if not security: o["security"] = []
    return o

project_params = [p("project"), p("XProjectId")]
agent_params = project_params + [p("agent")]
paging = [p("marker"), p("limit"), p("sort_dir")]
idem = [p("IdempotencyKey")]

doc = {
  "openapi": "3.0.3",
  "info": {"title": "agent-events", "version": "2",
           "description": "Agent events API (Cloud Backup API v2, events operations): wake backup agents, let them check in and heartbeat, and see who is online."},
  "security": [{"token": []}],
  "paths": {
    "/v2/{project}/events": {
      "post": op("Activate every agent of the project", [202] + WRITE, body=ref("Activation"), params=project_params + idem, op_id="activateProject"),
      "get": op("List the project's events", READ_Q, ok=ref("EventList"), params=project_params + paging, op_id="listProjectEvents",
                desc="Default sort_dir=desc. Pass the largest id seen as marker to never miss an event nor see one twice."),
    },
    "/v2/{project}/agents": {
      "post": op("Register an agent", [201] + WRITE, ok=ref("AgentRegistration"), body=ref("Registration"), params=project_params + idem,
                 headers={"Location": {"schema": {"type": "string"}}}, op_id="registerAgent"),
      "get": op("List the project's agents", READ, ok=ref("AgentList"), params=project_params, op_id="listAgents"),
    },
    "/v2/{project}/agents/tokens": {
      "post": op("Issue an agent token", [200] + WRITE, ok=ref("AgentToken"), body=ref("TokenRequest"), params=[p("project")], security=False, op_id="issueAgentToken"),
    },
    "/v2/{project}/agents/{agent}": {
      "get": op("Read an agent", READ, ok=ref("Agent"), params=agent_params, op_id="getAgent"),
      "delete": op("Delete an agent", [204, 401, 403, 404, 405, 429, 500, 503], params=agent_params, op_id="deleteAgent"),
    },
    "/v2/{project}/agents/{agent}/events": {
      "post": op("Activate this agent, or report startup, shutdown or heartbeat (agent token)", [202] + WRITE,
                 body={"oneOf": [ref("Activation"), ref("AgentSignal")]}, params=agent_params + [p("XAgentId")] + idem, op_id="postAgentEvent"),
      "get": op("The agent's feed; an agent's own poll is a check-in", READ_Q, ok=ref("EventList"),
                params=agent_params + [p("XAgentId")] + paging + [p("wait")], op_id="listAgentEvents",
                headers={"X-Agent-Mode": {"schema": ref("Mode")}, "X-Poll-Interval-Ms": {"schema": {"type": "integer"}},
                         "X-Long-Poll-Max-S": {"schema": {"type": "integer"}}},
                desc="Default sort_dir=asc. With wait=S (0-30) an agent's empty answer is held until an event arrives or S passes."),
    },
    "/v2/{project}/agents/{agent}/status": {
      "get": op("Whether the agent is online", READ, ok=ref("AgentStatus"), params=agent_params, op_id="getAgentStatus"),
    },
    "/v2/{project}/agents/{agent}/configuration": {
      "get": op("The agent's schedules", READ, ok=ref("Configuration"), params=agent_params + [p("XAgentId")], op_id="getAgentConfiguration"),
    },
    "/healthz": {"get": op("Liveness: the process answers", OPERATOR, ok=ref("Status"), security=False, op_id="healthz")},
    "/readyz": {"get": op("Readiness: the store answers (else 503)", OPERATOR + [503], ok=ref("Status"), security=False, op_id="readyz")},
    "/metrics": {"get": {"operationId": "metrics", "summary": "Prometheus text exposition", "security": [], "parameters": [],
                          "responses": {"200": {"description": "OK", "content": {"text/plain": {"schema": {"type": "string"}}}},
                                        "405": {"$ref": "#/components/responses/Error405"}, "500": ERR}}},
    "/openapi.json": {"get": op("This document", OPERATOR, ok={"type": "object"}, security=False, op_id="openapi")},
  },
  "components": {
    "securitySchemes": {"token": {"type": "apiKey", "in": "header", "name": "X-Auth-Token"}},
    "parameters": {
      "project": {"name": "project", "in": "path", "required": True, "schema": {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$"}},
      "agent": {"name": "agent", "in": "path", "required": True, "schema": {"type": "string", "format": "uuid"}},
      "XProjectId": {"name": "X-Project-Id", "in": "header", "schema": {"type": "string"}, "description": "If present, must equal the path's project"},
      "XAgentId": {"name": "X-Agent-Id", "in": "header", "schema": {"type": "string", "format": "uuid"}, "description": "Agents: their own id"},
      "IdempotencyKey": {"name": "Idempotency-Key", "in": "header", "schema": {"type": "string", "maxLength": 255}},
      "marker": {"name": "marker", "in": "query", "schema": {"type": "string", "pattern": "^[0-9]{1,19}$"}},
      "limit": {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}},
      "sort_dir": {"name": "sort_dir", "in": "query", "schema": {"type": "string", "enum": ["asc", "desc"]}},
      "wait": {"name": "wait", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 30}},
    },
    "responses": {
      "Error": {"description": "Error", "headers": {"X-Request-Id": {"schema": {"type": "string"}}},
                "content": {"application/json": {"schema": ref("Error")}}},
      "Error405": {"description": REASONS[405], "headers": {"Allow": {"schema": {"type": "string"}}},
                   "content": {"application/json": {"schema": ref("Error")}}},
      "Error429": {"description": REASONS[429], "headers": {"Retry-After": {"schema": {"type": "integer"}}},
                   "content": {"application/json": {"schema": ref("Error")}}},
      "Error503": {"description": REASONS[503], "headers": {"Retry-After": {"schema": {"type": "integer"}}},
                   "content": {"application/json": {"schema": ref("Error")}}},
    },
    "schemas": {
      "Mode": {"type": "string", "enum": ["idle", "active", "real_time"]},
      "Activation": {"type": "object", "required": ["event", "mode"],
                     "properties": {"event": {"type": "string", "enum": ["agent_activate"]}, "mode": ref("Mode")}},
      "AgentSignal": {"type": "object", "required": ["event"],
                      "properties": {"event": {"type": "string", "enum": ["startup", "shutdown", "heartbeat"]},
                                     "busy": {"type": "boolean", "description": "heartbeat only"}}},
      "Host": {"type": "object", "properties": {"name": {"type": "string"}, "os": {"type": "string"}, "fingerprint": {"type": "string"}}},
      "Registration": {"type": "object", "required": ["name", "version", "host"],
                       "properties": {"name": {"type": "string"}, "version": {"type": "string"}, "host": ref("Host")}},
      "Agent": {"type": "object", "properties": {"id": {"type": "string", "format": "uuid"}, "name": {"type": "string"},
                "version": {"type": "string"}, "host": ref("Host"), "registered_at": {"type": "string", "format": "date-time"}}},
      "AgentRegistration": {"allOf": [ref("Agent"), {"type": "object", "properties": {"password": {"type": "string", "description": "shown once"}}}]},
      "AgentList": {"type": "object", "properties": {"agents": {"type": "array", "items": ref("Agent")}}},
      "TokenRequest": {"type": "object", "required": ["agent_id", "password", "host"],
                       "properties": {"agent_id": {"type": "string", "format": "uuid"}, "password": {"type": "string"},
                                      "host": {"type": "object", "required": ["fingerprint"], "properties": {"fingerprint": {"type": "string"}}}}},
      "AgentToken": {"type": "object", "properties": {"token": {"type": "object", "properties": {
                     "id": {"type": "string"}, "expires": {"type": "string", "format": "date-time"}}}}},
      "Event": {"type": "object", "required": ["id", "time", "event", "request_id"], "properties": {
                "id": {"type": "string", "pattern": "^[0-9]+$"}, "time": {"type": "string", "format": "date-time"},
                "event": {"type": "string", "enum": ["agent_activate", "agent_registered", "agent_heartbeat", "agent_startup", "agent_shutdown", "agent_deleted"]},
                "mode": ref("Mode"), "expires_at": {"type": "string", "format": "date-time"}, "busy": {"type": "boolean"},
                "agent": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "host": {"type": "object", "properties": {"os": {"type": "string"}}}}},
                "request_id": {"type": "string", "format": "uuid"}}},
      "Link": {"type": "object", "properties": {"rel": {"type": "string", "enum": ["next", "previous"]}, "href": {"type": "string"}}},
      "EventList": {"type": "object", "properties": {"events": {"type": "array", "items": ref("Event")}, "links": {"type": "array", "items": ref("Link")}}},
      "AgentStatus": {"type": "object", "properties": {"online": {"type": "boolean"}, "busy": {"type": "boolean"}, "mode": ref("Mode"),
                      "mode_expires_at": {"type": "string", "format": "date-time", "nullable": True},
                      "last_heartbeat_at": {"type": "string", "format": "date-time", "nullable": True}, "reliable": {"type": "boolean"}}},
      "Configuration": {"type": "object", "description": "system_preferences.events.rse: polling and heartbeat interval_ms and timeout_ms per mode"},
      "Status": {"type": "object", "properties": {"status": {"type": "string"}}},
      "Error": {"type": "object", "required": ["message", "errors"], "properties": {"message": {"type": "string"}, "errors": {"type": "array", "items": {"type": "string"}}}},
    },
  },
}
out = pathlib.Path(__file__).resolve().parent.parent / "adapter-http/src/main/resources/io/agentevents/adapter/http/openapi.json"
out.write_text(json.dumps(doc, indent=2) + "\n")
print("wrote", out)
