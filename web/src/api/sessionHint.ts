/**
 * A note in localStorage (`edugov.session`) that someone signed in from this browser. The session cookie
 * is httpOnly, so the app cannot see it. Without the note the app does not ask the server "who am I?"
 * (GET /api/auth/me answers 401 when signed out, which browsers log as a console error) and shows the
 * login page straight away. With it, the server is asked, and a 401 removes the note.
 * A session opened outside the app (an API client, a test that logs in by HTTP) needs the note set too.
 */
const KEY = 'edugov.session';

export function rememberSession(): void {
  try {
    localStorage.setItem(KEY, '1');
  } catch {
    // Storage refused (private mode): hasSessionHint() then always asks the server.
  }
}

export function forgetSession(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing to forget.
  }
}

export function hasSessionHint(): boolean {
  try {
    return localStorage.getItem(KEY) !== null;
  } catch {
    return true;
  }
}
