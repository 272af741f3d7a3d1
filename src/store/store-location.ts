import path from 'node:path';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';

/**
 * Where the store is: the SQLite file of one machine (the default), or a PostgreSQL database
 * that several machines share (`postgres://` or `postgresql://` URL).
 */
export type StoreLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;
/** Anything that starts like a URL (`scheme:/`, the scheme longer than a drive letter): never a file path Gazette should create. */
const URL_LIKE = /^[a-z][a-z0-9+.-]+:\//i;
/** Query parameters of a connection URL that carry a secret. */
const SECRET_PARAMETERS = ['password', 'sslpassword'];

/**
 * A config value, flag or GAZETTE_STORE: a PostgreSQL URL as it is, a file path from `root`.
 * Anything else that looks like a URL (a typo in the scheme, a stray space, an unencoded `@` or
 * `#` in the password) is refused: made a file path, it would quietly start an empty local store,
 * with the password in its folder's name.
 */
export function storeLocation(value: string, root: string): StoreLocation {
  if (!URL_LIKE.test(value.trim())) return { kind: 'sqlite', file: path.resolve(root, value) };
  const url = value.trim();
  const refuse = (shown: string, why: string) => {
    throw new GazetteError([diagnostic('store/invalid-url', `the store ${shown} ${why}`, { field: 'store' })]);
  };
  // Where the scheme is wrong, nothing after it can be told apart from a password: it is not shown.
  if (!POSTGRES_URL.test(url)) refuse(`${schemeOf(url)}…`, 'is neither a file path nor a postgres:// or postgresql:// URL');
  if (!readUrl(url)) refuse(shownLocation({ kind: 'postgres', url }), 'cannot be read as a URL: percent-encode the special characters of the user name and password (@ as %40, : as %3A, / as %2F, # as %23, % as %25, a space as %20)');
  return { kind: 'postgres', url };
}

/** `postgres:` of `postgres://…`: the one part of a URL that is never a secret. */
function schemeOf(text: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.exec(text)?.[0] ?? 'postgres:';
}

/**
 * The URL as node-postgres reads it, or null when it cannot: an empty host (`user@/db?host=…`, a
 * form libpq takes) is read as it reads it, with a stand-in host.
 */
function readUrl(text: string): URL | null {
  for (const candidate of [text, text.replace('@/', '@gazette-no-host/')]) {
    if (URL.canParse(candidate)) return new URL(candidate);
  }
  return null;
}

/** The location as printed and logged: a URL without its password. */
export function shownLocation(location: StoreLocation, shownPath: (file: string) => string = (file) => file): string {
  if (location.kind === 'sqlite') return shownPath(location.file);
  const url = readUrl(location.url);
  // Unreadable, its parts cannot be told apart: only the scheme is safe to show.
  if (!url) return `${schemeOf(location.url)}//(unreadable URL)`;
  if (url.password) url.password = '***';
  for (const name of SECRET_PARAMETERS) if (url.searchParams.has(name)) url.searchParams.set(name, '***');
  return url.toString().replace('@gazette-no-host/', '@/');
}
