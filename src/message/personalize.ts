import Handlebars from 'handlebars';
import type { PersonalizedEmail, RenderedEmail } from '../types.js';
import { oneLine } from '../load/one-line.js';
import { markersFromPrefix, splitAtMarkers, type TemplatePart } from '../render/recipient-tokens.js';

/** The values one recipient contributes to their copy of the issue. */
export interface RecipientValues {
  subscriber: Record<string, string>;
  unsubscribe_url: string;
}

export type Personalizer = (values: RecipientValues) => PersonalizedEmail;

/** What one recipient's values make of a per-recipient piece of the email. */
export type Fill = (values: RecipientValues) => string;

/**
 * A compiled email cut at its per-recipient places: text that every copy shares, and fills.
 * The MIME template (mime-template.ts) encodes the shared text once and only the fills per copy.
 */
export type Segment = string | Fill;

export interface SegmentedEmail {
  html: readonly Segment[];
  text: readonly Segment[];
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);

/**
 * The values as the HTML (and the To header) shows them: one line, single spaces. A line break
 * in a list cell (Alt+Enter in a spreadsheet) would otherwise start a new line in the text part.
 */
function oneLineValues(values: RecipientValues): RecipientValues {
  const subscriber = Object.fromEntries(Object.entries(values.subscriber).map(([name, value]) => [name, oneLine(value)]));
  return { ...values, subscriber };
}

/**
 * Splits the compiled HTML and text once at their per-recipient markers; each
 * recipient then costs a string join with their values, never an MJML compile or a template
 * parse of the email. Only the theme's own `{{{{recipient}}}}` blocks are Handlebars, compiled
 * here once. A field missing from a list row fails loudly rather than leaving a blank.
 */
export function createPersonalizer(email: RenderedEmail): Personalizer {
  const segmented = segmentEmail(email);
  return (values) => ({ html: join(segmented.html, values), text: join(segmented.text, values) });
}

/** The email's HTML and text, each cut at this build's markers and compiled into segments. */
export function segmentEmail(email: RenderedEmail): SegmentedEmail {
  const markers = markersFromPrefix(email.recipientMarker);
  return {
    html: compileParts(splitAtMarkers(email.htmlTemplate, markers), { escape: true }),
    text: compileParts(splitAtMarkers(email.textTemplate, markers), { escape: false }),
  };
}

function join(segments: readonly Segment[], values: RecipientValues): string {
  let out = '';
  for (const segment of segments) out += typeof segment === 'string' ? segment : segment(values);
  return out;
}

function compileParts(parts: readonly TemplatePart[], { escape }: { escape: boolean }): Segment[] {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  return parts.map((part): Segment => {
    if (part.kind === 'text') return part.text;
    if (part.kind === 'block') {
      const block = handlebars.compile(part.source, { strict: true, noEscape: !escape });
      return escape ? block : (values: RecipientValues) => block(oneLineValues(values));
    }
    const fieldPath = part.path;
    return (values: RecipientValues) => {
      const value = fieldValue(values, fieldPath);
      return escape ? escapeHtml(value) : oneLine(value);
    };
  });
}

function fieldValue(values: RecipientValues, fieldPath: readonly string[]): string {
  let value: unknown = values;
  for (const key of fieldPath) value = typeof value === 'object' && value !== null && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  if (typeof value !== 'string') throw new Error(`the recipient has no "${fieldPath.join('.')}" value, which the theme uses`);
  return value;
}
