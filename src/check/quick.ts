import type { Diagnostic } from '../types.js';
import { parseHtml } from './html-document.js';
import { checkUnresolvedTokens, checkUrls } from './rules/links.js';
import { checkSize } from './rules/size.js';
import { checkUnsafeHtml } from './rules/unsafe-html.js';

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
