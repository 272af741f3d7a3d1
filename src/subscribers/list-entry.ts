import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic, Recipient } from '../types.js';
import { addressKey, addressProblem } from './address.js';
import type { SeenAddresses } from './seen-addresses.js';

/** One row of a subscriber list: a recipient to send to, or the reason the row is skipped. */
export type ListEntry = { recipient: Recipient; line: number } | { problem: Diagnostic };

export interface RowPlace {
  file: string;
  line: number;
}

/** The column holding the address, found case-insensitively; -1 when there is none. */
export function emailColumn(header: readonly string[]): number {
  return header.findIndex((column) => column.trim().toLowerCase() === 'email');
}

/**
 * Turns a parsed row into a recipient: `email` and `name` are found whatever their case, and
 * every column becomes a `{{subscriber.*}}` field. Missing trailing cells read as empty.
 */
export function recipientFromRow(header: readonly string[], cells: readonly string[], place: RowPlace): ListEntry {
  const fields: Record<string, string> = {};
  header.forEach((column, index) => {
    fields[normalColumn(column)] = (cells[index] ?? '').trim();
  });
  // U+0000 is no text anyone typed (a binary file, a broken export), and PostgreSQL cannot store it:
  // every store skips the row alike.
  const withNul = Object.keys(fields).find((column) => fields[column]!.includes('\u0000'));
  if (withNul !== undefined) {
    return { problem: diagnostic('subscribers/nul-character', `the ${withNul} column holds a NUL character (U+0000); row skipped`, { ...place, field: withNul, severity: 'warning' }) };
  }
  const email = fields.email ?? '';
  const problem = addressProblem(email);
  if (problem) {
    return { problem: diagnostic('subscribers/invalid-address', `${email ? `"${email}": ` : ''}${problem}; row skipped`, { ...place, field: 'email', severity: 'warning' }) };
  }
  const name = fields.name ? fields.name : null;
  return { recipient: { email, name, fields: { ...fields, email, name: name ?? '' } }, line: place.line };
}

/** `Email` and `NAME` are the well-known columns whatever their case; other headers stay as written. */
function normalColumn(column: string): string {
  const trimmed = column.trim();
  const lower = trimmed.toLowerCase();
  return lower === 'email' || lower === 'name' ? lower : trimmed;
}

/**
 * Drops later copies of an address already seen (compared case-insensitively), reporting the
 * line of the first one, which `seen` keeps for each address.
 */
export function withoutDuplicate(entry: ListEntry, seen: Pick<SeenAddresses, 'firstLine'>, file: string): ListEntry {
  if (!('recipient' in entry)) return entry;
  const first = seen.firstLine(addressKey(entry.recipient.email), entry.line);
  if (first !== null) {
    return {
      problem: diagnostic('subscribers/duplicate', `"${entry.recipient.email}" repeats the address on line ${first}; row skipped`, {
        file,
        line: entry.line,
        field: 'email',
        severity: 'warning',
      }),
    };
  }
  return entry;
}
