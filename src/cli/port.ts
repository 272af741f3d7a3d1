import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';

/** The one reading of a `--port` value: a whole number from 0 to 65535, 0 letting the system pick a free port. */
export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) {
    throw new GazetteError([diagnostic('cli/port', `must be a whole number from 0 to 65535 (0 picks a free port), got "${value}"`, { field: 'port' })]);
  }
  return port;
}
