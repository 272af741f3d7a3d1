import type { Diagnostic } from '../types.js';
import { parseHtml } from './html-document.js';
import { checkUnresolvedTokens, checkUrls } from './rules/links.js';
import { checkSize } from './rules/size.js';
import { checkUnsafeHtml } from './rules/unsafe-html.js';
import { CHECK_GROUPS, type CheckGroup } from './rule-set.js';

export interface QuickCheckSettings {
  /** File the findings point at (the written email.html). */
  file: string;
  maxBytes: number;
  /** How this build's per-recipient markers begin: a marker-shaped string with another nonce is content. */
  recipientMarker: string | null;
}

/** The rules cheap enough to run on every build: size, unfilled fields, unsafe HTML, relative URLs. */
export function quickCheck(html: string, settings: QuickCheckSettings): Diagnostic[] {
  const document = parseHtml(settings.file, html);
  return [...checkSize(document, settings.maxBytes), ...checkUnresolvedTokens(document, settings.recipientMarker), ...checkUnsafeHtml(document), ...checkUrls(document)];
}

/**
 * The groups of `gazette check` that Gazette runs by itself, fast enough for every preview build
 * (a few hundred milliseconds together): no browser (axe), no SpamAssassin (spam), no key (dkim).
 * The preview runs exactly these on the sample message `gazette check` would examine.
 */
export const QUICK_GROUPS = ['size', 'mime', 'links', 'accessibility', 'html', 'clients', 'content'] as const satisfies readonly CheckGroup[];

/** The groups only a full `gazette check` runs. */
export const FULL_CHECK_ONLY = CHECK_GROUPS.filter((group) => !(QUICK_GROUPS as readonly CheckGroup[]).includes(group));
