'use strict';
// The dashboard: the fleet view and the live stream of one project, read with the token a person
// pastes. The token lives in this tab (sessionStorage) and goes only in X-Auth-Token.

const MODES = ['active', 'real_time', 'idle'];
const REFRESH_MS = 2000;
const MAX_EVENTS_SHOWN = 200;

const state = { project: null, token: null, stream: null, refreshTimer: null, refreshSoon: null, fleetAgents: new Map(), names: new Map() };
const byId = (id) => document.getElementById(id);

class ApiError extends Error {}

function say(text, kind) {
  const message = byId('message');
  message.textContent = text;
  message.className = kind || '';
  message.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

function base() {
  return '/v2/' + encodeURIComponent(state.project);
}

/** One call of the API; its failures become sentences a person can act on. */
async function api(method, path, body) {
  const headers = { 'X-Auth-Token': state.token };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  } catch (unreachable) {
    throw new ApiError('The service is unreachable. Check your connection; the page keeps trying.');
  }
  if (response.status === 401) {
    throw new ApiError('The token was refused (401). Paste a valid token for this project.');
  }
  if (response.status === 403) {
    throw new ApiError('This token may not do that in project ' + state.project + ' (403).');
  }
  if (!response.ok) {
    let detail = '';
    try {
      detail = (await response.json()).message;
    } catch (notJson) {
      detail = response.statusText;
    }
    throw new ApiError('The service answered ' + response.status + ': ' + detail);
  }
  return response.status === 200 ? response.json() : null;
}

function when(text) {
  return text ? new Date(text).toLocaleTimeString() : 'never';
}

function modeSelect(label, selected) {
  const select = document.createElement('select');
  select.setAttribute('aria-label', label);
  for (const mode of MODES) {
    const option = document.createElement('option');
    option.value = mode;
    option.textContent = mode;
    option.selected = mode === selected;
    select.append(option);
  }
  return select;
}

function cell(row, label, content) {
  const td = document.createElement('td');
  td.dataset.label = label;
  if (typeof content === 'string') {
    td.textContent = content;
  } else {
    td.append(...content);
  }
  row.append(td);
  return td;
}

function span(className, text) {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

/** The table, redrawn from one read of the fleet view; a focused control keeps its focus. */
function showFleet(agents) {
  const focused = document.activeElement && document.activeElement.dataset.agent
    ? { agent: document.activeElement.dataset.agent, role: document.activeElement.dataset.role } : null;
  const body = document.querySelector('#agents tbody');
  const rows = [];
  for (const agent of agents) {
    state.names.set(agent.id, agent.name);
    const status = agent.status;
    const row = document.createElement('tr');
    row.dataset.agent = agent.id;
    const name = span('agent-name', agent.name);
    const id = span('agent-id', agent.id);
    cell(row, 'Agent', [name, document.createElement('br'), id]);
    const presence = span(status.online ? 'online' : 'offline', status.online ? 'online' : 'offline');
    presence.dataset.field = 'online';
    cell(row, 'Status', status.busy ? [presence, document.createTextNode(', busy')] : [presence]);
    const mode = span('mode', status.mode);
    mode.dataset.field = 'mode';
    const ends = status.mode_expires_at ? document.createTextNode(' until ' + when(status.mode_expires_at)) : document.createTextNode('');
    cell(row, 'Mode', [mode, ends]);
    cell(row, 'Last heartbeat', when(status.last_heartbeat_at));
    const select = modeSelect('Mode to wake ' + agent.name + ' into', 'real_time');
    select.dataset.agent = agent.id;
    select.dataset.role = 'mode';
    const previous = state.fleetAgents.get(agent.id);
    if (previous) {
      select.value = previous;
    }
    select.addEventListener('change', () => state.fleetAgents.set(agent.id, select.value));
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Wake';
    button.setAttribute('aria-label', 'Wake ' + agent.name);
    button.dataset.agent = agent.id;
    button.dataset.role = 'wake';
    button.addEventListener('click', () => wakeAgent(agent, select.value, button));
    const wake = document.createElement('div');
    wake.className = 'wake';
    wake.append(select, button);
    cell(row, 'Wake', [wake]);
    rows.push(row);
  }
  body.replaceChildren(...rows);
  byId('fleet-count').textContent = '(' + agents.length + ', ' + agents.filter((agent) => agent.status.online).length + ' online)';
  byId('no-agents').hidden = agents.length > 0;
  if (focused) {
    const again = body.querySelector('[data-agent="' + focused.agent + '"][data-role="' + focused.role + '"]');
    if (again) {
      again.focus();
    }
  }
}

async function refresh() {
  try {
    const fleet = await api('GET', base() + '/agents?include=status');
    showFleet(fleet.agents);
    if (byId('message').className === 'error') {
      say('Connected to project ' + state.project + '.', 'info');
    }
  } catch (failed) {
    say(failed.message, 'error');
    if (failed.message.includes('401')) {
      stop();
    }
  }
}

/** A refresh soon after news, at most one at a time. */
function refreshSoon() {
  if (state.refreshSoon === null) {
    state.refreshSoon = setTimeout(() => {
      state.refreshSoon = null;
      refresh();
    }, 150);
  }
}

async function wakeAgent(agent, mode, button) {
  button.disabled = true;
  try {
    await api('POST', base() + '/agents/' + encodeURIComponent(agent.id) + '/events', { event: 'agent_activate', mode });
    say(agent.name + ' was asked into ' + mode + '.', 'info');
    refreshSoon();
  } catch (failed) {
    say(failed.message, 'error');
  } finally {
    button.disabled = false;
  }
}

async function wakeProject() {
  const button = byId('wake-project');
  const mode = byId('project-mode').value;
  button.disabled = true;
  try {
    await api('POST', base() + '/events', { event: 'agent_activate', mode });
    say('Every agent of ' + state.project + ' was asked into ' + mode + '.', 'info');
    refreshSoon();
  } catch (failed) {
    say(failed.message, 'error');
  } finally {
    button.disabled = false;
  }
}

function describe(event) {
  const parts = [];
  if (event.mode) {
    parts.push(event.mode);
  }
  const agent = event.agent ? event.agent.id : null;
  const name = event.agent && (event.agent.name || state.names.get(agent));
  if (agent) {
    parts.push(name ? name + ' (' + agent + ')' : agent);
  } else if (event.event === 'agent_activate') {
    parts.push('whole project');
  }
  return parts.join(' · ');
}

function showEvent(event) {
  const item = document.createElement('li');
  item.dataset.id = event.id;
  const time = document.createElement('time');
  time.dateTime = event.time;
  time.textContent = when(event.time);
  item.append(time, span('type', event.event), document.createTextNode(' ' + describe(event)));
  const list = byId('events');
  list.prepend(item);
  while (list.children.length > MAX_EVENTS_SHOWN) {
    list.lastElementChild.remove();
  }
}

/** Reads the stream with fetch (it sends the token header; EventSource cannot), resuming after the last id seen. */
async function follow(controller) {
  let lastId = null;
  while (!controller.signal.aborted) {
    try {
      const headers = { 'X-Auth-Token': state.token };
      if (lastId) {
        headers['Last-Event-ID'] = lastId;
      }
      const response = await fetch(base() + '/events/stream', { headers, signal: controller.signal, cache: 'no-store' });
      if (response.status === 401 || response.status === 403) {
        say(response.status === 401 ? 'The token was refused (401). Paste a valid token for this project.'
          : 'This token may not read the events of ' + state.project + ' (403).', 'error');
        return;
      }
      if (!response.ok) {
        throw new ApiError('the stream answered ' + response.status);
      }
      byId('feed-state').textContent = '(live)';
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          break;
        }
        buffered += value;
        let end;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          let id = null;
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('id: ')) {
              id = line.slice(4);
            } else if (line.startsWith('data: ')) {
              data += line.slice(6);
            }
          }
          if (data) {
            lastId = id || lastId;
            showEvent(JSON.parse(data));
            refreshSoon();
          }
        }
      }
    } catch (failed) {
      if (controller.signal.aborted) {
        return;
      }
    }
    byId('feed-state').textContent = '(reconnecting…)';
    await new Promise((resume) => setTimeout(resume, 2000));
  }
}

function stop() {
  if (state.stream) {
    state.stream.abort();
    state.stream = null;
  }
  clearInterval(state.refreshTimer);
  state.refreshTimer = null;
}

async function connect(project, token) {
  stop();
  state.project = project;
  state.token = token;
  sessionStorage.setItem('agent-events.project', project);
  sessionStorage.setItem('agent-events.token', token);
  byId('forget').hidden = false;
  say('Connecting to project ' + project + '…', 'info');
  try {
    const fleet = await api('GET', base() + '/agents?include=status');
    showFleet(fleet.agents);
  } catch (failed) {
    say(failed.message, 'error');
    return;
  }
  say('Connected to project ' + project + '.', 'info');
  byId('fleet').hidden = false;
  byId('feed').hidden = false;
  byId('events').replaceChildren();
  state.refreshTimer = setInterval(refresh, REFRESH_MS);
  state.stream = new AbortController();
  follow(state.stream);
}

document.addEventListener('DOMContentLoaded', () => {
  const form = byId('connect');
  form.addEventListener('submit', (submitted) => {
    submitted.preventDefault();
    if (form.reportValidity()) {
      connect(byId('project').value.trim(), byId('token').value.trim());
    }
  });
  byId('forget').addEventListener('click', () => {
    stop();
    sessionStorage.removeItem('agent-events.token');
    byId('token').value = '';
    byId('forget').hidden = true;
    byId('fleet').hidden = true;
    byId('feed').hidden = true;
    say('The token is forgotten.', 'info');
  });
  byId('wake-project').addEventListener('click', wakeProject);
  const project = sessionStorage.getItem('agent-events.project');
  const token = sessionStorage.getItem('agent-events.token');
  if (project) {
    byId('project').value = project;
  }
  if (project && token) {
    byId('token').value = token;
    connect(project, token);
  }
});
