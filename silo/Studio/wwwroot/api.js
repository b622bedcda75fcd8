// The studio's only way to the silo: same-origin requests that ride on the HttpOnly session cookie. The antiforgery
// token lives in this module's memory only (never in storage, never in a URL) and goes out as a header on every change.
let csrf = null;

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function problemOf(response) {
  try { return await response.json(); } catch { return null; }
}

export async function session() {
  const response = await fetch('/studio/session', { credentials: 'same-origin', cache: 'no-store' });
  const view = await response.json();
  csrf = view.antiforgery;
  return view.tenant;
}

export async function signIn(key) {
  const response = await fetch('/studio/session', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'Highlights-Csrf': csrf },
    body: JSON.stringify({ key }),
  });
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  const view = await response.json();
  csrf = view.antiforgery;
  return view.tenant;
}

export async function signOut() {
  const response = await fetch('/studio/session', { method: 'DELETE', credentials: 'same-origin', headers: { 'Highlights-Csrf': csrf } });
  if (response.ok) csrf = (await response.json()).antiforgery;
}

export async function request(method, path, body) {
  const headers = {};
  if (method !== 'GET') headers['Highlights-Csrf'] = csrf;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method, credentials: 'same-origin', cache: 'no-store', headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? { body: await response.json(), headers: response.headers } : { body: null, headers: response.headers };
}

export const get = async (path) => (await request('GET', path)).body;

// XHR, not fetch: only XHR reports upload progress. The file streams as multipart; the silo hashes it as it arrives.
export function upload(file, fields, onProgress) {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/v1/videos');
    xhr.setRequestHeader('Highlights-Csrf', csrf);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onload = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { body = null; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body); else reject(new ApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError(0, { detail: 'the upload was cut off; check the connection and try again' }));
    xhr.send(form);
  });
}
