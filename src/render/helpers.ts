import type { HelperDelegate, HelperOptions } from 'handlebars';
import { formatDate, formatDateRange } from '../issue/calendar.js';
import { escapeForRegExp, type RecipientMarkers } from './recipient-tokens.js';
import { htmlToText } from './text-part.js';
import { wrapText } from './wrap-text.js';

export interface UtmParameters {
  source: string;
  medium: string;
  campaign: string;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

export function readingTime(minutes: number): string {
  return `${minutes} min read`;
}

/** A link or image path resolved against base_url, as a mail client has no base of its own; absolute URLs and #anchors stay. */
export function resolveUrl(url: string, baseUrl: string | null): string {
  if (!baseUrl || url.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(url) || !URL.canParse(url, baseUrl)) return url;
  return new URL(url, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).toString();
}

/** Adds UTM parameters to absolute http(s) links; leaves other links and existing parameters alone. */
export function withUtm(url: string, utm: UtmParameters | null): string {
  if (!utm || !/^https?:\/\//i.test(url) || !URL.canParse(url)) return url;
  const parsed = new URL(url);
  for (const [key, value] of Object.entries(utm)) {
    if (!parsed.searchParams.has(`utm_${key}`)) parsed.searchParams.set(`utm_${key}`, value);
  }
  return parsed.toString();
}

/** A helper used with arguments it cannot take: the message names the helper, so the theme's call can be found. */
export class HelperUseError extends Error {
  /** Where the failing call starts in its template (line 1-based, column 0-based), when Handlebars said. */
  place: { line: number; column: number } | null = null;

  constructor(
    readonly helper: string,
    problem: string,
  ) {
    super(`${helper}: ${problem}`);
  }
}

/**
 * The helper, its HelperUseError given the place of the failing call: Handlebars hands every
 * helper its `loc`, which tells the call apart from the helper's other calls in the theme.
 */
function placed(helper: HelperDelegate): HelperDelegate {
  return function (this: unknown, ...args: unknown[]) {
    try {
      return helper.apply(this, args as Parameters<HelperDelegate>);
    } catch (error) {
      const loc = (args.at(-1) as { loc?: { start?: { line: number; column: number } } } | undefined)?.loc?.start;
      if (error instanceof HelperUseError && loc && !error.place) error.place = { line: loc.line, column: loc.column };
      throw error;
    }
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_STYLES = ['long', 'short', 'iso'];

function dateArgument(helper: string, value: unknown): string {
  if (typeof value === 'string' && ISO_DATE.test(value)) return value;
  throw new HelperUseError(helper, `needs a date written as YYYY-MM-DD, got ${value === undefined ? 'nothing (is the variable misspelt?)' : JSON.stringify(value)}`);
}

function numberArgument(helper: string, value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new HelperUseError(helper, `needs a number, got ${value === undefined ? 'nothing (is the variable misspelt?)' : JSON.stringify(value)}`);
}

function textArgument(helper: string, value: unknown): string {
  if (typeof value === 'string') return value;
  throw new HelperUseError(helper, `needs text, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
}

/** Set in `@data` inside {{#wrap}}: plainText then marks the lines wrapping must leave alone. */
const WRAPPING = 'gazetteWrapping';

/**
 * Each line of text inside `<pre>` (a code block) between the two marks, so {{#wrap}} keeps it
 * as written, as the HTML shows it (and as html-to-text left it before the text part was
 * written by text.hbs). Lines with no text, such as the one closing `</code>`, stay unmarked.
 */
function markPreformattedLines(html: string, mark: { start: string; end: string }): string {
  return html.replace(/(<pre\b[^>]*>)([\s\S]*?)(<\/pre>)/gi, (_, open: string, body: string, close: string) => {
    const lines = body.split('\n').map((line) => (line.replace(/<[^>]*>/g, '').trim() ? `${mark.start}${line}${mark.end}` : line));
    return `${open}${lines.join('\n')}${close}`;
  });
}

/**
 * The helpers themes may use. A trailing Handlebars options argument is dropped, so
 * optional parameters work: `{{formatDate date}}` and `{{formatDate date "short"}}`, and an
 * argument left out is reported as nothing, not as the options object (the whole issue). Each
 * checks its arguments, so a misspelt variable is an error naming the helper, not a blank.
 */
export function themeHelpers(utm: UtmParameters | null, markers: RecipientMarkers): Record<string, HelperDelegate> {
  const withoutOptions = (args: unknown[]) => args.slice(0, -1);
  const recipientBlock = `${escapeForRegExp(markers.blockStart)}[\\s\\S]*?${escapeForRegExp(markers.blockEnd)}`;
  // A line of a code block, as plainText hands it to {{#wrap}}: kept whole, then unmarked. `~` keeps it out of the recipient markers' grammar.
  const preformatted = { start: `${markers.prefix}~pre]]`, end: `${markers.prefix}~/pre]]` };
  const keptWhole = new RegExp(`${recipientBlock}|${escapeForRegExp(preformatted.start)}.*?${escapeForRegExp(preformatted.end)}`, 'g');
  const helpers: Record<string, HelperDelegate> = {
    formatDate: (...args: unknown[]) => {
      const [date, style = 'long'] = withoutOptions(args);
      if (!DATE_STYLES.includes(String(style))) throw new HelperUseError('formatDate', `the style must be one of ${DATE_STYLES.join(', ')}, got ${JSON.stringify(style)}`);
      return formatDate(dateArgument('formatDate', date), style as 'long' | 'short' | 'iso');
    },
    dateRange: (...args: unknown[]) => {
      const [from, to] = withoutOptions(args);
      return formatDateRange(dateArgument('dateRange', from), dateArgument('dateRange', to));
    },
    plural: (...args: unknown[]) => {
      const [count, singular, pluralForm] = withoutOptions(args);
      return plural(numberArgument('plural', count), textArgument('plural', singular), pluralForm === undefined ? undefined : textArgument('plural', pluralForm));
    },
    readingTime: (...args: unknown[]) => readingTime(numberArgument('readingTime', withoutOptions(args)[0])),
    // Not `link`: a helper shadows the article field of the same name (`{{link}}` would call it).
    utm: (...args: unknown[]) => withUtm(textArgument('utm', withoutOptions(args)[0]), utm),
    eq: (a: unknown, b: unknown) => a === b,
    // `{{add @index 1}}`: a list numbered from one in a text part.
    add: (...args: unknown[]) => {
      const [a, b] = withoutOptions(args);
      return numberArgument('add', a) + numberArgument('add', b);
    },
    /** HTML (the intro) as plain text: links as `text [url]`, for `text.hbs`. */
    plainText: (...args: unknown[]) => {
      const html = textArgument('plainText', withoutOptions(args)[0]);
      const wrapping = (args.at(-1) as Partial<HelperOptions>).data?.[WRAPPING] === true;
      // A paragraph that held only an image leaves its blank lines behind: one blank line is a paragraph break.
      return htmlToText(wrapping ? markPreformattedLines(html, preformatted) : html, false).replace(/\n{3,}/g, '\n\n').trim();
    },
    /** `{{#wrap}}…{{/wrap}}` in `text.hbs`: each long line wrapped at 78 columns, indented under its list mark; a per-recipient block or a code line never breaks. */
    wrap(this: unknown, ...args: unknown[]) {
      const options = args.at(-1) as Partial<HelperOptions>;
      if (args.length !== 1 || typeof options.fn !== 'function') throw new HelperUseError('wrap', 'is a block around the text to wrap, without arguments: {{#wrap}}…{{/wrap}}');
      const text = options.fn(this, { data: { ...options.data, [WRAPPING]: true } });
      return wrapText(text, undefined, keptWhole).replaceAll(preformatted.start, '').replaceAll(preformatted.end, '');
    },
    /**
     * `{{{{recipient}}}}…{{{{/recipient}}}}` keeps its content as Handlebars source for the
     * per-recipient pass, so conditionals on subscriber fields work per recipient. The block is
     * theme source, never content: a raw block's body is the template's own text.
     */
    recipient: (options: HelperOptions) => `${markers.blockStart}${options.fn(undefined)}${markers.blockEnd}`,
  };
  return Object.fromEntries(Object.entries(helpers).map(([name, helper]) => [name, placed(helper)]));
}
