// MP Writer front end: one page, no framework. Talks to /api with the session cookie and the CSRF header.
const tones = [
  ['formal', 'Formal'],
  ['polite_but_firm', 'Polite but firm'],
  ['empathetic', 'Empathetic'],
  ['urgent', 'Urgent'],
  ['neutral', 'Neutral'],
  ['highly_persuasive', 'Highly persuasive'],
];

const $ = (id) => document.getElementById(id);
const state = { csrf: null, deskVersion: 0, events: null, runId: null };

class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `Request failed (${status})`);
    this.status = status;
    this.problem = problem;
  }
}

async function refreshCsrf() {
  const response = await fetch('/api/auth/csrf', { credentials: 'same-origin' });
  state.csrf = (await response.json()).token;
}

let renewing = null;

// Access tokens last minutes; on a 401 the refresh cookie buys a new one, once, shared by concurrent callers.
function renewSession() {
  renewing ??= (async () => {
    try {
      await refreshCsrf(); // the expired session no longer says who we are, so the token must not either
      const response = await fetch('/api/auth/refresh', {
        method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-TOKEN': state.csrf },
      });
      // 409: another tab renewed it a moment ago, and the new cookies are already ours.
      if (!response.ok && response.status !== 409) return false;
      await refreshCsrf();
      return true;
    } finally {
      renewing = null;
    }
  })();
  return renewing;
}

async function api(method, path, body, headers = {}, renewed = false) {
  const init = { method, credentials: 'same-origin', headers: { ...headers } };
  if (method !== 'GET') {
    init.headers['X-CSRF-TOKEN'] = state.csrf;
  }
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (response.status === 401 && !renewed && await renewSession()) {
    return api(method, path, body, headers, true);
  }
  if (response.status === 204) return null;
  const data = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

function notice(message, isError = false) {
  const el = $('notice');
  el.textContent = message ?? '';
  el.classList.toggle('error', isError);
  el.hidden = !message;
}

function showSignedIn(me) {
  $('sign-in-view').hidden = true;
  $('desk-view').hidden = false;
  $('account').hidden = false;
  $('user-name').textContent = me.name;
  showCredits(me.credits);
}

function showSignedOut() {
  closeEvents();
  $('sign-in-view').hidden = false;
  $('desk-view').hidden = true;
  $('letter-view').hidden = true;
  $('account').hidden = true;
}

function showCredits(value) {
  $('credits').textContent = Number(value).toFixed(2);
}

async function refreshCredits() {
  const credits = await api('GET', '/api/credits');
  showCredits(credits.balance - credits.held);
}

function renderTones() {
  const container = $('tones');
  for (const [value, label] of tones) {
    const wrapper = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'tone';
    input.value = value;
    input.checked = value === 'formal';
    wrapper.append(input, document.createTextNode(label));
    container.append(wrapper);
  }
}

async function loadDesk() {
  try {
    const job = await api('GET', '/api/writing-desk');
    state.deskVersion = job.version;
    $('intake').value = job.intake;
    $('mp-name').value = job.mpName;
    $('constituency').value = job.constituency;
    if (job.tone) document.querySelector(`input[name="tone"][value="${job.tone}"]`).checked = true;
    updateCount();
    if (job.letterRunId) await showRun(job.letterRunId);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
    state.deskVersion = 0;
  }
}

function updateCount() {
  $('intake-count').textContent = $('intake').value.length.toLocaleString('en-GB');
}

async function saveDesk() {
  const tone = document.querySelector('input[name="tone"]:checked').value;
  const body = {
    intake: $('intake').value,
    mpName: $('mp-name').value,
    constituency: $('constituency').value,
    tone,
    version: state.deskVersion,
  };
  try {
    const job = await api('PUT', '/api/writing-desk', body);
    state.deskVersion = job.version;
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      // Someone (another tab) saved first: take their version and write ours over it once.
      state.deskVersion = error.problem.currentVersion;
      const job = await api('PUT', '/api/writing-desk', { ...body, version: state.deskVersion });
      state.deskVersion = job.version;
    } else {
      throw error;
    }
  }
  return tone;
}

async function writeLetter(event) {
  event.preventDefault();
  notice(null);
  const button = $('write-letter');
  button.disabled = true;
  try {
    const tone = await saveDesk();
    const started = await api('POST', '/api/writing-desk/letter', { tone }, { 'Idempotency-Key': crypto.randomUUID() });
    await showRun(started.runId);
    await refreshCredits();
  } catch (error) {
    notice(error.message, true);
    button.disabled = false;
  }
}

function closeEvents() {
  if (state.events) {
    state.events.close();
    state.events = null;
  }
}

async function showRun(runId) {
  closeEvents();
  state.runId = runId;
  const run = await api('GET', `/api/runs/${runId}`);
  const letter = $('letter');
  $('letter-view').hidden = false;
  letter.textContent = run.text;
  setStatus(run.status);
  if (run.status !== 'running') {
    finish(run.status, run.error);
    return;
  }

  letter.classList.add('streaming');
  $('write-letter').disabled = true;
  $('cancel-run').hidden = false;
  const events = new EventSource(`/api/runs/${runId}/events?after=${run.seq}`);
  state.events = events;
  events.addEventListener('status', (e) => setStatus(JSON.parse(e.data).status));
  events.addEventListener('delta', (e) => { letter.textContent += JSON.parse(e.data).text; });
  events.addEventListener('snapshot', (e) => { letter.textContent = JSON.parse(e.data).text; });
  events.addEventListener('complete', (e) => {
    letter.textContent = JSON.parse(e.data).text;
    finish('completed');
  });
  events.addEventListener('error', (e) => {
    // A server 'error' event has data; a dropped connection does not, and EventSource reconnects by itself,
    // unless the reconnect was refused (the session expired meanwhile): then renew it and follow again.
    if (e.data) {
      finish('failed', JSON.parse(e.data));
    } else if (events.readyState === EventSource.CLOSED && state.events === events) {
      renewSession().then((ok) => (ok ? showRun(runId) : showSignedOut()));
    }
  });
}

function setStatus(status) {
  const el = $('run-status');
  el.textContent = status;
  el.dataset.status = status;
}

function finish(status, error) {
  closeEvents();
  $('letter').classList.remove('streaming');
  $('write-letter').disabled = false;
  $('cancel-run').hidden = true;
  setStatus(status);
  if (error) notice(`${error.message}${error.refunded ? ' Your credits were refunded.' : ''}`, true);
  refreshCredits().catch(() => {});
}

async function cancelRun() {
  if (!state.runId) return;
  try {
    await api('POST', `/api/runs/${state.runId}/cancel`);
    finish('cancelled', { message: 'The letter was stopped.', refunded: true });
  } catch (error) {
    notice(error.message, true);
  }
}

async function signIn(event) {
  event.preventDefault();
  notice(null);
  try {
    const me = await api('POST', '/api/auth/dev-sign-in', { name: $('sign-in-name').value, email: $('sign-in-email').value });
    await refreshCsrf(); // the token is bound to who is signed in
    showSignedIn(me);
    await loadDesk();
  } catch (error) {
    const fields = error.problem?.errors ? Object.values(error.problem.errors).flat().join(' ') : '';
    notice(fields || error.message, true);
  }
}

async function signOut() {
  await api('POST', '/api/auth/sign-out');
  await refreshCsrf();
  showSignedOut();
}

async function start() {
  renderTones();
  $('sign-in-form').addEventListener('submit', signIn);
  $('desk-form').addEventListener('submit', writeLetter);
  $('intake').addEventListener('input', updateCount);
  $('cancel-run').addEventListener('click', cancelRun);
  $('sign-out').addEventListener('click', signOut);
  await refreshCsrf();
  try {
    const me = await api('GET', '/api/auth/me');
    showSignedIn(me);
    await loadDesk();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) showSignedOut();
    else notice(error.message, true);
  }
}

start();
