/**
 * The user's language: Vietnamese first, English on request. The choice is kept in localStorage (for the
 * app) and in the `lang` cookie (so the server answers errors in the same language).
 */
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'edugov.lang';
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const prefix = `${name}=`;
  const found = document.cookie.split('; ').find((part) => part.startsWith(prefix));
  return found === undefined ? undefined : decodeURIComponent(found.slice(prefix.length));
}

function readStorage(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** The saved language (localStorage, then the cookie), Vietnamese by default. */
export function readSavedLanguage(): Language {
  const stored = readStorage();
  if (isLanguage(stored)) return stored;
  const cookie = readCookie('lang');
  return isLanguage(cookie) ? cookie : 'vi';
}

/** Remembers the language in localStorage and in the `lang` cookie, and marks the document. */
export function saveLanguage(lang: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Private browsing may refuse storage; the cookie still carries the choice.
  }
  if (typeof document !== 'undefined') {
    document.cookie = `lang=${lang}; path=/; max-age=${ONE_YEAR_SECONDS}; SameSite=Lax`;
    document.documentElement.lang = lang;
  }
}
