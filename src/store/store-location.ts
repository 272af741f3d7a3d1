import path from 'node:path';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';

/**
 * Where the store is: the SQLite file of one machine (the default), or a PostgreSQL database
 * that several machines share (`postgres://` or `postgresql://` URL).
 */
export type StoreLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

/** A config value, flag or GAZETTE_STORE: a PostgreSQL URL as it is, anything else a file path from `root`. */
export function storeLocation(value: string, root: string): StoreLocation {
  return POSTGRES_URL.test(value) ? { kind: 'postgres', url: value } : { kind: 'sqlite', file: path.resolve(root, value) };
}

/** The location as printed and logged: a URL without its password. */
export function shownLocation(location: StoreLocation, shownPath: (file: string) => string = (file) => file): string {
  if (location.kind === 'sqlite') return shownPath(location.file);
  try {
    const url = new URL(location.url);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://(unreadable URL)';
  }
}

/**
 * The SQLite file of a command whose records are kept there only (the send ledger, the bounce
 * log). A PostgreSQL store is refused, never quietly replaced by a local file: a send would miss
 * the shared suppression list.
 */
export function sqliteStoreFile(location: StoreLocation, command: string): string {
  if (location.kind === 'sqlite') return location.file;
  throw new GazetteError([
    diagnostic('store/sqlite-only', `gazette ${command} keeps its records in a SQLite store only, so far; the store is PostgreSQL (${shownLocation(location)})`, { field: 'store' }),
  ]);
}
