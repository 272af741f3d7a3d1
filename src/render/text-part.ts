import { compile, type HtmlToTextOptions } from 'html-to-text';
import type { RecipientMarkers } from './recipient-tokens.js';

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
 * The text part of an HTML template given in pieces (compile-mjml.ts: the opening, one piece per
 * body block, the end). A `{{{{recipient}}}}` block is Handlebars source with spaces in it, which
 * word wrapping would break across lines: each is set aside as one unbreakable word while the
 * rest is converted, then put back, converted on its own.
 */
export function textPart(pieces: readonly string[], markers: RecipientMarkers): string {
  const blocks: string[] = [];
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const block = new RegExp(`${escape(markers.blockStart)}([\\s\\S]*?)${escape(markers.blockEnd)}`, 'g');
  const placeholder = (index: number) => markers.field(`block.${index}`);
  const set = pieces.map((piece) => piece.replace(block, (_, source: string) => placeholder(blocks.push(source) - 1)));
  const text = textOfBlocks(set, markers) ?? htmlToText(set.join(''));
  return blocks.reduce((result, source, index) => result.replace(placeholder(index), `${markers.blockStart}${htmlToText(source, false)}${markers.blockEnd}`), text);
}

/**
 * The text of the body's blocks converted one at a time, joined as html-to-text joins blocks in
 * one document: the larger of the line breaks the one before asks for after it and the next asks
 * for before it. Each block is converted between two marker words, which show those line breaks.
 * Converting block by block never holds the DOM of the whole issue. Null when a piece is not a
 * block with text (text outside the blocks, a block with none): the caller converts it whole.
 */
function textOfBlocks(pieces: readonly string[], markers: RecipientMarkers): string | null {
  if (pieces.length < 3) return null;
  const [start, end] = [markers.field('text.start'), markers.field('text.end')];
  const opening = pieces[0]!;
  const closing = pieces.at(-1)!;
  if (htmlToText(opening).trim() || htmlToText(closing).trim()) return null;
  let text = '';
  let stashedBreaks = 0;
  for (const piece of pieces.slice(1, -1)) {
    const converted = htmlToText(`${start}${piece}${end}`);
    if (!converted.startsWith(start) || !converted.endsWith(end)) return null;
    const [, leading = '', own = '', trailing = ''] = /^(\n*)([\s\S]*?)(\n*)$/.exec(converted.slice(start.length, -end.length)) ?? [];
    if (!own || !leading || !trailing) return null;
    text = text ? `${text}${'\n'.repeat(Math.max(stashedBreaks, leading.length))}${own}` : own;
    stashedBreaks = trailing.length;
  }
  return text;
}
