import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from '../../src/browser.js';
import { SPAMASSASSIN_PATH } from '../../src/check/environment.js';
import { DOVECOT_PATH } from './dovecot.js';
import { POSTGRES_PATH } from './postgres.js';

/** The programs some suites drive, which `npm test` installs (scripts/setup-test-env.mjs). */
const PROGRAMS = {
  chromium: { name: 'Chromium', path: CHROMIUM_PATH },
  spamassassin: { name: 'SpamAssassin', path: SPAMASSASSIN_PATH },
  dovecot: { name: 'Dovecot', path: DOVECOT_PATH },
  postgres: { name: 'PostgreSQL', path: POSTGRES_PATH },
} as const;
export type SystemProgram = keyof typeof PROGRAMS;

/**
 * Why the suites that drive a system program are skipped, or null when they run. GAZETTE_TEST_SYSTEM
 * is `skip` under `npm run test:unit`, `require` under `npm test` (which installs the programs, so a
 * missing one fails its suites rather than hiding them); unset, the suites run where the program is.
 */
export function skipReason(program: SystemProgram, env: NodeJS.ProcessEnv = process.env): string | null {
  const { name, path } = PROGRAMS[program];
  const mode = env.GAZETTE_TEST_SYSTEM;
  if (mode === 'require') return null;
  if (mode === 'skip') return `the ${name} suites are skipped: npm run test:unit runs without system programs (npm test runs them)`;
  return existsSync(path) ? null : `the ${name} suites are skipped: ${name} is not at ${path} (npm test installs it)`;
}

/** For `describe.skipIf(without('chromium'))`; the reason is printed once, by the global setup. */
export const without = (...programs: SystemProgram[]): boolean => programs.some((program) => skipReason(program) !== null);

export const SYSTEM_PROGRAMS = Object.keys(PROGRAMS) as SystemProgram[];
