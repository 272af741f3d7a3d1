import { compile, type HtmlToTextOptions } from 'html-to-text';
import { escapeForRegExp, type RecipientMarkers } from './recipient-tokens.js';

/**
 * The plain-text part: links kept as `text [url]`, headings left in their case (markers stay
 * intact). No input limit: html-to-text would otherwise cut a long issue without a word.
 */
const options = (wrap: boolean): HtmlToTextOptions => ({
  wordwrap: wrap ? 78 : false,
  limits: { maxInputLength: Number.POSITIVE_INFINITY },
  selectors: [
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    { selector: 'img', format: 'skip' },
    // The preheader is hidden in the HTML; in the text part it would repeat the first key point.
    { selector: 'div[style*="display:none"]', format: 'skip' },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'table', format: 'block' },
    { selector: 'tr', format: 'block' },
    { selector: 'td', format: 'block' },
  ],
});

// Compiled once: html-to-text builds its selector matcher on every convert() call.
let wrapped: ((html: string) => string) | null = null;
let unwrapped: ((html: string) => string) | null = null;

export function htmlToText(html: string, wrap = true): string {
  return wrap ? (wrapped ??= compile(options(true)))(html) : (unwrapped ??= compile(options(false)))(html);
}

/**
 * The text part of an HTML template. A `{{{{recipient}}}}` block is Handlebars source with
 * spaces in it, which word wrapping would break across lines: each is set aside as one
 * unbreakable word while the rest is converted, then put back, converted on its own.
 */
export function textPart(html: string, markers: RecipientMarkers): string {
  const blocks: string[] = [];
  const block = new RegExp(`${escapeForRegExp(markers.blockStart)}([\\s\\S]*?)${escapeForRegExp(markers.blockEnd)}`, 'g');
  const placeholder = (index: number) => markers.field(`block.${index}`);
  const text = htmlToText(html.replace(block, (_, source: string) => placeholder(blocks.push(source) - 1)));
  return blocks.reduce((result, source, index) => result.replace(placeholder(index), `${markers.blockStart}${htmlToText(source, false)}${markers.blockEnd}`), text);
}
