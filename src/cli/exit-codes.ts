import { isRequestRule } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../types.js';

/** What the process exit status means, for scripts. */
export const ExitCode = {
  ok: 0,
  /** The input or the output has problems (invalid articles, failed checks, failed deliveries). */
  problems: 1,
  /** The command line itself is wrong: unknown option, bad value. */
  usage: 2,
  /** `check` found no errors but could not run a required group (Chromium missing): not fully checked. */
  incomplete: 3,
  /** A bug or an unexpected failure in Gazette. */
  internal: 70,
} as const;

/** The exit status of a failure: usage when what was asked for is wrong (a `request` rule), else problems. */
export function exitCodeFor(diagnostics: readonly Diagnostic[]): number {
  return diagnostics.some((d) => d.severity === 'error' && isRequestRule(d.rule)) ? ExitCode.usage : ExitCode.problems;
}
