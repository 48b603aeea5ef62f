// The Stylegraph public API as the demo page uses it: one session (user id + optional app token), JSON and
// multipart calls with the token attached, RFC 7807 problems turned into readable errors, images as blob URLs.

const SESSION_KEY = 'stylegraph-demo-session';
// the API is served from the parent of the page's folder (/demo/ -> /), so a path prefix in front of both works
const base = new URL('../', document.baseURI);

let session = null;
let sessionListener = () => {};

/** An API answer that was not 2xx; {@code problem} holds the problem document (or what stood in for it). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

function describe(status, problem) {
  const head = problem.title || `HTTP ${status}`;
  const code = problem.code ? ` [${problem.code}]` : '';
  const field = problem.field ? ` (field: ${problem.field})` : '';
  const text = problem.detail || problem.message;
  const detail = text ? `: ${text}` : '';
  const errors = (problem.errors || []).map((e) => `${e.field}: ${e.message}`).join('; ');
  return `${head}${code}${field}${detail}${errors ? ` — ${errors}` : ''}`;
}

export function randomId() {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function apiUrl(path) {
  return new URL(path.replace(/^\//, ''), base);
}

export function currentSession() {
  return session;
}

/** Calls {@code listener} with every new session, including one a call renews on its own. */
export function onSessionChange(listener) {
  sessionListener = listener;
}

function store(next) {
  session = next;
  localStorage.setItem(SESSION_KEY, JSON.stringify(next));
  sessionListener(next);
  return next;
}

function stored() {
  try {
    const saved = JSON.parse(localStorage.getItem(SESSION_KEY) || 'null');
    return saved && saved.userId ? saved : null;
  } catch {
    return null;
  }
}

function expired(saved) {
  return saved.expiresAt && Date.parse(saved.expiresAt) - 60_000 < Date.now();
}

/** The saved session, or a new demo session; a generated id without a token where the API has no demo sessions. */
export async function openSession() {
  const saved = stored();
  if (saved && !expired(saved)) {
    session = saved;
    return saved;
  }
  return newDemoSession();
}

export async function newDemoSession() {
  const response = await fetch(apiUrl('/v1/demo/sessions'), {
    method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: '{}',
  });
  if (response.status === 404 || response.status === 405) {
    return store({ userId: `demo-${randomId()}`, token: null, kind: 'local' });
  }
  if (!response.ok) {
    throw await problemOf(response);
  }
  const body = await response.json();
  return store({ userId: body.userId, token: body.token, expiresAt: body.expiresAt, kind: 'demo' });
}

export function useToken(userId, token) {
  return store({ userId, token: token || null, kind: 'pasted' });
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  let problem;
  if (type.includes('json')) {
    problem = await response.json().catch(() => ({}));
  } else {
    const text = (await response.text().catch(() => '')).trim();
    problem = { detail: text.slice(0, 300) || response.statusText };
  }
  return new ApiError(response.status, problem);
}

/**
 * Sends a request with the session's token. A 401 renews a demo session (its token expired) or replaces a local id
 * (saved before the API required tokens) once; a pasted token is the user's to fix.
 */
export async function call(path, { method = 'GET', json, form, accept = 'application/json' } = {}, retried = false) {
  const headers = { Accept: accept };
  if (session && session.token) {
    headers.Authorization = `Bearer ${session.token}`;
  }
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form) {
    body = form;
  }
  const response = await fetch(apiUrl(path), { method, headers, body });
  if (response.status === 401 && !retried && session && session.kind !== 'pasted') {
    await newDemoSession();
    return call(path, { method, json, form, accept }, true);
  }
  if (!response.ok) {
    throw await problemOf(response);
  }
  return response;
}

export async function getJson(path) {
  return (await call(path)).json();
}

export async function sendJson(path, json, method = 'POST') {
  return (await call(path, { method, json })).json();
}

export async function sendForm(path, form) {
  return (await call(path, { method: 'POST', form })).json();
}

const images = new Map();
const MAX_IMAGES = 300;

/** An object URL of an API image, fetched with the token (an img element cannot send it), kept for reuse. */
export async function imageUrl(path) {
  if (!images.has(path)) {
    // */*: the image endpoints declare no media type, so a narrower Accept is refused (406)
    const pending = call(path, { accept: '*/*' })
      .then((response) => response.blob())
      .then((blob) => URL.createObjectURL(blob));
    pending.catch(() => images.delete(path));
    images.set(path, pending);
    if (images.size > MAX_IMAGES) {
      const [oldest, url] = images.entries().next().value;
      images.delete(oldest);
      url.then(URL.revokeObjectURL, () => {});
    }
  }
  return images.get(path);
}
