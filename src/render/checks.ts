import { diagnostic } from '../diagnostics.js';
import type { Diagnostic } from '../types.js';

export interface HtmlCheckSettings {
  /** File the findings point at (the written email.html). */
  file: string;
  maxBytes: number;
}

function lineOf(html: string, offset: number): number {
  let line = 1;
  for (let index = html.indexOf('\n'); index !== -1 && index < offset; index = html.indexOf('\n', index + 1)) line++;
  return line;
}

const URL_ATTRIBUTE = /\s(href|src)\s*=\s*("([^"]*)"|'([^']*)')/gi;

/** Absolute web or mail links are the only kind every mail client can follow. */
export function isAbsoluteEmailUrl(url: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(url.trim());
}

/** The quick checks `build` runs on the HTML a reader receives. */
export function checkHtml(html: string, settings: HtmlCheckSettings): Diagnostic[] {
  const { file } = settings;
  const findings: Diagnostic[] = [];
  const bytes = Buffer.byteLength(html, 'utf8');
  if (bytes > settings.maxBytes) {
    findings.push(
      diagnostic('html/size', `the HTML is ${(bytes / 1024).toFixed(1)} KB, over the ${(settings.maxBytes / 1024).toFixed(0)} KB budget: Gmail clips messages over about 102 KB`, {
        file,
        severity: 'warning',
      }),
    );
  }
  for (const match of html.matchAll(/\{\{/g)) {
    findings.push(
      diagnostic('html/unresolved-token', `unresolved template token "${html.slice(match.index, match.index + 40).split(/\s/)[0]}"`, {
        file,
        line: lineOf(html, match.index),
        severity: 'warning',
      }),
    );
  }
  for (const match of html.matchAll(URL_ATTRIBUTE)) {
    const url = match[3] ?? match[4] ?? '';
    if (url.startsWith('#') || isAbsoluteEmailUrl(url)) continue;
    findings.push(
      diagnostic('html/relative-url', `${match[1]!.toLowerCase()}="${url}" is not an absolute http(s) or mailto URL: set base_url in the config`, {
        file,
        line: lineOf(html, match.index),
        severity: 'warning',
      }),
    );
  }
  return findings;
}
