// The console's only way to the service: same-origin fetches of the public /v1 API, authenticated by the session
// cookie. The CSRF token is kept in memory only (never in storage) and sent on every unsafe request.

/** A refusal of the API, as its problem+json says it (title, detail, the field and value at fault). */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly field?: string;
  readonly errors: string[];
  readonly body: Record<string, unknown>;

  constructor(status: number, title: string, detail: string, body: Record<string, unknown> = {}) {
    super(`${title}: ${detail}`);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.field = typeof body.field === 'string' ? body.field : undefined;
    this.errors = Array.isArray(body.errors) ? body.errors.map(String) : [];
    this.body = body;
  }
}

let csrfToken: string | null = null;
const sessionEndedListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the service says the session is over (401), so the console can ask to sign in again. */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

const SAFE = new Set(['GET', 'HEAD']);

export interface RequestOptions {
  method?: string;
  body?: unknown;
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (!SAFE.has(method) && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') {
      throw e;
    }
    throw new ApiError(0, 'Service not reachable', `The request to ${path} did not reach the service (${String(e)}). Check that it is running, then try again.`);
  }
  if (response.status === 204) {
    return undefined as T;
  }
  const type = response.headers.get('Content-Type') ?? '';
  const text = await response.text();
  if (!response.ok) {
    const problem = parseProblem(text, type);
    const error = new ApiError(
      response.status,
      problem.title ?? (response.statusText || `HTTP ${response.status}`),
      problem.detail ?? (text.slice(0, 300) || 'The service refused the request without saying why.'),
      problem,
    );
    if (response.status === 401 && !path.startsWith('/v1/session')) {
      sessionEndedListeners.forEach((listener) => listener());
    }
    throw error;
  }
  if (!type.includes('json')) {
    return text as T;
  }
  return JSON.parse(text) as T;
}

function parseProblem(text: string, type: string): Record<string, unknown> & { title?: string; detail?: string } {
  if (!type.includes('json') || !text) {
    return {};
  }
  try {
    const body = JSON.parse(text);
    return typeof body === 'object' && body !== null ? body : {};
  } catch {
    return {};
  }
}

/** Query string of the given parameters, leaving out empty ones. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([key, value]) => {
    if (value !== undefined && value !== null && value !== '') {
      search.set(key, String(value));
    }
  });
  const text = search.toString();
  return text ? `?${text}` : '';
}
