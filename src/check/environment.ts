import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { CHROMIUM_PATH, launchChromium } from '../browser.js';
import { auditAccessibility } from './axe-audit.js';
import type { AxeViolation } from './rules/axe.js';

/** A program a group needs, or why it is not there (the group then says so and is skipped). */
export type Tool<T> = { available: true; run: T } | { available: false; reason: string };

/** Everything the checks reach outside the message: files, programs, a browser. */
export interface CheckEnvironment {
  readFile(file: string): Promise<string>;
  /** Runs `spamassassin -L -t` on a message and returns its report. */
  spamAssassin: Tool<(eml: Buffer) => Promise<string>>;
  /** Runs axe-core on the HTML in a headless browser. */
  axe: Tool<(markedHtml: string) => Promise<AxeViolation[]>>;
}

/** Debian's SpamAssassin; `spamassassin` from the PATH is not trusted to be the same program. */
export const SPAMASSASSIN_PATH = process.env.GAZETTE_SPAMASSASSIN ?? '/usr/bin/spamassassin';

/**
 * `-L` keeps SpamAssassin offline (no DNS blocklists, no network tests), `-t` writes the
 * report with the scores, `-x` leaves the user's home alone.
 */
export function runSpamAssassin(program: string, eml: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, ['-L', '-t', '-x'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`spamassassin exited with ${code}: ${Buffer.concat(err).toString('utf8').trim().split('\n').at(-1) ?? ''}`));
    });
    child.stdin.end(eml);
  });
}

/** The machine's own programs: Debian's Chromium (GAZETTE_CHROMIUM) and SpamAssassin (GAZETTE_SPAMASSASSIN). */
export function systemEnvironment(): CheckEnvironment {
  const chromium = CHROMIUM_PATH;
  const spamassassin = SPAMASSASSIN_PATH;
  return {
    readFile: (file) => readFile(file, 'utf8'),
    spamAssassin: existsSync(spamassassin)
      ? { available: true, run: (eml) => runSpamAssassin(spamassassin, eml) }
      : { available: false, reason: `SpamAssassin not found at ${spamassassin} (install Debian's spamassassin package, or set GAZETTE_SPAMASSASSIN)` },
    axe: existsSync(chromium)
      ? { available: true, run: (html) => auditAccessibility(html, launchChromium) }
      : { available: false, reason: `Chromium not found at ${chromium} (install Debian's chromium package, or set GAZETTE_CHROMIUM): colour contrast and the other axe-core rules were not run` },
  };
}
