import { isRequestRule, type RuleId } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../types.js';

/** The options a request diagnostic's field can name: the library says `from`, the command line says `--from`. */
const OPTIONS: Readonly<Record<string, string>> = {
  from: '--from',
  to: '--to',
  week: '--week',
  date: '--date',
  host: '--host',
  port: '--port',
  smtp: '--smtp',
  test: '--test',
  imap: '--imap',
};

/** What to type next, for the diagnostics whose fix is an option of this command line. */
const NEXT_STEP: Partial<Record<RuleId, string>> = {
  'send/already-started': 'run again with --resume to send to the rest',
  'send/no-list': 'name the recipients with --list FILE or --store',
  'smtp/missing': 'pass --smtp smtp://user:pass@host:port, set GAZETTE_SMTP_URL, or use --dry-run DIR',
  'preview/remote': 'add --allow-remote if that is what you want',
  'preview/listen': 'choose another port with --port (0 picks a free one)',
  'serve/listen': 'choose another with --port (0 picks a free one) or --host',
  'window/conflicting-options': 'use --week alone, or --from and --to',
};

/**
 * A diagnostic as the command line words it: library code names options by their field and
 * never says `--flag`; here a request's field becomes its option and the next step is added.
 */
export function inCommandLineWords(d: Diagnostic): Diagnostic {
  const option = d.field !== undefined && d.file === undefined && isRequestRule(d.rule) ? OPTIONS[d.field] : undefined;
  const next = NEXT_STEP[d.rule as RuleId];
  return { ...d, ...(option ? { field: option } : {}), ...(next ? { message: `${d.message}; ${next}` } : {}) };
}
