/**
 * The typed API client: openapi-fetch over the generated `paths`, with two middlewares — the CSRF token
 * of the cached Me on every state-changing request, and Accept-Language in the UI language. A 401 from
 * any call but login clears the cached Me, which sends the user back to the login page.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { currentLanguage } from '../i18n/i18n';
import { toApiError } from './errors';
import { ME_QUERY_KEY, queryClient } from './queryClient';
import type { paths } from './schema';
import type { Me } from './types';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOGIN_PATH = '/api/auth/login';

const languageMiddleware: Middleware = {
  onRequest({ request }) {
    const lang = currentLanguage();
    request.headers.set('Accept-Language', lang === 'en' ? 'en' : 'vi');
    return request;
  },
};

const csrfMiddleware: Middleware = {
  onRequest({ request, schemaPath }) {
    if (SAFE_METHODS.has(request.method) || schemaPath === LOGIN_PATH) return request;
    const token = queryClient.getQueryData<Me | null>(ME_QUERY_KEY)?.csrfToken;
    if (token) request.headers.set('X-CSRF-Token', token);
    return request;
  },
};

const sessionMiddleware: Middleware = {
  onResponse({ response, schemaPath }) {
    if (response.status === 401 && schemaPath !== LOGIN_PATH) {
      queryClient.setQueryData(ME_QUERY_KEY, null);
    }
    return response;
  },
};

export const api = createClient<paths>({
  baseUrl: typeof window === 'undefined' ? '' : window.location.origin,
  credentials: 'same-origin',
  // Resolved on each call, so tests can replace the global fetch.
  fetch: (input: Request) => globalThis.fetch(input),
});
api.use(languageMiddleware, csrfMiddleware, sessionMiddleware);

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError with the server's message. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (cause) {
    throw toApiError(0, cause);
  }
  if (result.error !== undefined || !result.response.ok) throw toApiError(result.response.status, result.error);
  return result.data as T;
}
