import { api, type Schemas } from '../api/client';

/**
 * The signed-in session. The access token lives in memory only; the refresh token is kept in
 * localStorage so a reload or a new tab stays signed in (see docs/decisions.md). The access token
 * is refreshed a minute before it expires, so a 90-minute session never signs anyone out; tabs
 * share one refresh through the Web Locks API, since each refresh token can be used once.
 */
const REFRESH_KEY = 'hearth.refreshToken';
const EARLY_MS = 60_000;
/** After a refresh that could not reach the api (the person is offline), try again this soon. */
const OFFLINE_RETRY_MS = 10_000;

type Listener = (state: AuthState) => void;
export type AuthState =
  | { status: 'signedOut' }
  | { status: 'expired' }
  | { status: 'signedIn'; user: Schemas['PublicUser']; accessToken: string };

let state: AuthState = { status: 'signedOut' };
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<Listener>();

export const authState = () => state;
export function onAuthChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
function set(next: AuthState) {
  state = next;
  for (const listener of listeners) listener(state);
}

function start(result: Schemas['AuthResult']) {
  localStorage.setItem(REFRESH_KEY, result.refreshToken);
  set({ status: 'signedIn', user: result.user, accessToken: result.accessToken });
  schedule(Math.max(5_000, result.expiresIn * 1000 - EARLY_MS));
}

function schedule(ms: number) {
  clearTimeout(timer);
  timer = setTimeout(() => void refresh(), ms);
}

/** The refresh under way, shared by every caller (concurrent 401s trade the token once). */
let refreshing: Promise<boolean> | undefined;

/** Trades the stored refresh token for a new pair; a refusal ends the session visibly. */
export function refresh(): Promise<boolean> {
  refreshing ??= refreshOnce().finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

async function refreshOnce(): Promise<boolean> {
  const run = async () => {
    const refreshToken = localStorage.getItem(REFRESH_KEY);
    if (!refreshToken) return false;
    let answer;
    try {
      answer = await api.POST('/api/v1/auth/refresh', { body: { refreshToken } });
    } catch {
      // Offline for a moment: the token still stands, so keep the session and try again.
      schedule(OFFLINE_RETRY_MS);
      return false;
    }
    const { data } = answer;
    if (localStorage.getItem(REFRESH_KEY) !== refreshToken) {
      // Signed out while the answer was on its way: the new pair is revoked, not used.
      if (data) void revoke(data.refreshToken, data.accessToken);
      return false;
    }
    if (!data && answer.response.status !== 400 && answer.response.status !== 401) {
      // Busy or failing (429, 5xx): not the token's fault, so the session stands; try again.
      schedule(OFFLINE_RETRY_MS);
      return false;
    }
    if (!data) {
      localStorage.removeItem(REFRESH_KEY);
      clearTimeout(timer);
      set({ status: 'expired' });
      return false;
    }
    start(data);
    return true;
  };
  return navigator.locks ? navigator.locks.request('hearth-refresh', run) : run();
}

export async function signIn(body: Schemas['LoginDto']) {
  const { data, error } = await api.POST('/api/v1/auth/login', { body });
  if (data) start(data);
  return error;
}

export async function register(body: Schemas['RegisterDto']) {
  const { data, error } = await api.POST('/api/v1/auth/register', { body });
  if (data) start(data);
  return error;
}

/** Accepts an e-mailed invitation; the api answers a signed-in session for the invited account. */
export async function acceptInvitation(body: Schemas['AcceptInvitationDto']) {
  const { data, error } = await api.POST('/api/v1/invitations/accept', { body });
  if (data) start(data);
  return error;
}

/**
 * Forgets the session on this device at once (offline too), then revokes the refresh token at the
 * api as well as it can: an unreachable api must not keep the next person in this account.
 */
export async function signOut() {
  const refreshToken = localStorage.getItem(REFRESH_KEY);
  const accessToken = state.status === 'signedIn' ? state.accessToken : undefined;
  localStorage.removeItem(REFRESH_KEY);
  clearTimeout(timer);
  set({ status: 'signedOut' });
  if (refreshToken) await revoke(refreshToken, accessToken);
}

/** Ends a login at the api, as well as it can (offline, its token simply expires there). */
async function revoke(refreshToken: string, accessToken: string | undefined) {
  const logout = (pair: { refreshToken: string; accessToken?: string }) =>
    api.POST('/api/v1/auth/logout', {
      body: { refreshToken: pair.refreshToken },
      headers: pair.accessToken ? { authorization: `Bearer ${pair.accessToken}` } : {},
    });
  try {
    const { response } = await logout({ refreshToken, accessToken });
    if (response.status === 401) {
      // The access token lapsed (the device slept): trade the refresh token once to revoke it.
      const { data } = await api.POST('/api/v1/auth/refresh', { body: { refreshToken } });
      if (data) await logout(data);
    }
  } catch {
    // Offline: the token is gone from this device; it expires at the api on its own.
  }
}

/** Copies of requests in flight, so one refused for an expired token can be sent again. */
const unsent = new WeakMap<Request, Request>();

/**
 * Every call carries the current access token. A call refused with 401 (the token expired while
 * the device slept, say) refreshes once and is sent again; a second refusal stands.
 */
api.use({
  onRequest({ request }) {
    if (state.status === 'signedIn') {
      request.headers.set('authorization', `Bearer ${state.accessToken}`);
      if (!request.url.includes('/auth/')) unsent.set(request, request.clone());
    }
    return request;
  },
  async onResponse({ request, response }) {
    const copy = unsent.get(request);
    if (response.status !== 401 || !copy || !(await refresh())) return response;
    if (state.status === 'signedIn')
      copy.headers.set('authorization', `Bearer ${state.accessToken}`);
    return fetch(copy);
  },
});

/** Signing out in one tab signs out every tab (they share the stored refresh token). */
addEventListener('storage', (event) => {
  if (event.key !== REFRESH_KEY || event.newValue !== null || state.status !== 'signedIn') return;
  clearTimeout(timer);
  set({ status: 'signedOut' });
});
