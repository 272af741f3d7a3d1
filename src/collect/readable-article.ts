import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import TurndownService from 'turndown';
import { markdownToText } from '../load/markdown.js';
import { countWords } from '../load/words.js';
import { absoluteUrl, type HtmlDocument } from './page-metadata.js';

/** Fewer words than this is a teaser, an index or an error page, not an article for a digest. */
export const MIN_ARTICLE_WORDS = 100;
/** A page that mentions a paywall and shows fewer words than this is its teaser, not the article. */
const PAYWALL_STUB_WORDS = 400;

/** What readers of a paywalled teaser are told; phrased by publishers in a few familiar ways. */
const PAYWALL_MARKERS = [
  /subscribe (?:now )?to (?:continue|keep) reading/i,
  /(?:article|story|content) is (?:only )?(?:available|reserved|exclusive) (?:to|for) (?:paying )?(?:subscribers|members)/i,
  /already a (?:subscriber|member)\?\s*(?:sign|log) in/i,
  /(?:become a|for) (?:member|subscriber)s? (?:to|can) (?:read|continue|unlock)/i,
  /unlock (?:this|the full) (?:article|story)/i,
  /to read the (?:full|rest of th(?:is|e)) (?:article|story)/i,
];

export interface ReadableArticle {
  markdown: string;
  wordCount: number;
}

export type ReadOutcome = { ok: true; article: ReadableArticle } | { ok: false; reason: 'not-article' | 'paywalled'; message: string };

/**
 * The article in a page, as Markdown: Readability finds the content among menus, banners and
 * related links; Turndown writes it out. Too little text is no article; a short text behind
 * paywall wording (or marked not free in JSON-LD) is a teaser. Changes the document it reads.
 */
export function readableArticle(document: HtmlDocument, pageUrl: string, lead: LeadFacts): ReadOutcome {
  const pageText = document.body?.textContent ?? '';
  for (const image of document.querySelectorAll('img[data-src]')) {
    // Lazily loaded images keep their address aside until a script moves it.
    if (!image.getAttribute('src') || image.getAttribute('src')!.startsWith('data:')) image.setAttribute('src', image.getAttribute('data-src')!);
  }
  // keepClasses: the `language-*` class of a code block names its language.
  const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { keepClasses: true }).parse();
  const markdown = parsed?.content ? htmlToMarkdown(parsed.content, pageUrl, lead) : '';
  const words = countWords(markdownToText(markdown));
  const paywall = lead.accessibleForFree === false || PAYWALL_MARKERS.some((marker) => marker.test(pageText));
  if (paywall && words < PAYWALL_STUB_WORDS) {
    return { ok: false, reason: 'paywalled', message: `shows only a teaser of ${words} words behind a paywall; not written` };
  }
  if (words < MIN_ARTICLE_WORDS) {
    return { ok: false, reason: 'not-article', message: `has no readable article (${words} words of text, fewer than ${MIN_ARTICLE_WORDS}); not written` };
  }
  return { ok: true, article: { markdown, wordCount: words } };
}

/** What the front matter already says of a page, so the body does not say it again. */
export interface LeadFacts {
  /** The front matter's image and its alt text: the same image at the top of the body is dropped, with its caption. */
  image?: string | null;
  imageAlt?: string | null;
  /** JSON-LD's `isAccessibleForFree`. */
  accessibleForFree?: boolean | null;
}

/**
 * Article HTML (a page's, or a feed item's content) as Markdown, its links and images made
 * absolute, without what the front matter carries: a leading "By …" line, the lead image.
 */
export function htmlToMarkdown(html: string, pageUrl: string, lead: LeadFacts = {}): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const element of document.querySelectorAll('script, style, noscript, iframe, form, button, object, embed')) element.remove();
  if (lead.image) {
    const first = [...document.querySelectorAll('img')].find(
      (image) => absoluteUrl(image.getAttribute('src'), pageUrl) === lead.image || (lead.imageAlt && image.getAttribute('alt') === lead.imageAlt),
    );
    if (first) (first.closest('figure') ?? first).remove();
  }
  for (const [selector, attribute] of [
    ['a[href]', 'href'],
    ['img[src]', 'src'],
  ] as const) {
    for (const element of document.querySelectorAll(selector)) {
      const value = element.getAttribute(attribute)!;
      if (value.startsWith('#')) continue;
      const absolute = absoluteUrl(value, pageUrl);
      if (absolute) element.setAttribute(attribute, absolute);
      else if (attribute === 'href') element.removeAttribute('href'); // javascript: and the like
      else element.remove();
    }
  }
  const blocks = markdownWriter()
    .turndown(document.body?.innerHTML ?? '')
    .split(/\n{2,}/)
    .filter((block) => block.trim() !== '');
  if (blocks[0] !== undefined && BYLINE.test(blocks[0]) && countWords(blocks[0]) < 25) blocks.shift();
  return blocks.join('\n\n').trim();
}

/** `By Ann Example · 4 March 2024`: the front matter's author and date, said again. */
const BYLINE = /^(?:_|\*\*)?by\b/i;

let writer: TurndownService | null = null;

function markdownWriter(): TurndownService {
  if (writer) return writer;
  const service = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '_', hr: '---' });
  service.remove(['script', 'style', 'noscript']);
  // A <pre> without <code> is still code, and its line breaks matter.
  service.addRule('bare-pre', {
    filter: (node) => node.nodeName === 'PRE' && !Array.from(node.childNodes as ArrayLike<DomNode>).some((child) => child.nodeName === 'CODE'),
    replacement: (_content, node) => `\n\n\`\`\`\n${(node.textContent ?? '').replace(/\n$/, '')}\n\`\`\`\n\n`,
  });
  service.addRule('table', {
    filter: 'table',
    replacement: (_content, node) => tableMarkdown(node as unknown as DomNode, service),
  });
  writer = service;
  return service;
}

/** The little of a DOM node the table rule reads (Turndown's own DOM has no querySelectorAll). */
interface DomNode {
  nodeName: string;
  childNodes: ArrayLike<DomNode>;
  textContent: string | null;
  innerHTML?: string;
}

/** The elements named `names` under `node`, not looking into nested tables. */
function descendants(node: DomNode, names: ReadonlySet<string>): DomNode[] {
  const found: DomNode[] = [];
  for (const child of Array.from(node.childNodes)) {
    if (names.has(child.nodeName)) found.push(child);
    else if (child.nodeName !== 'TABLE') found.push(...descendants(child, names));
  }
  return found;
}

/**
 * A table as a GFM pipe table (first row the header, as GFM needs one); a table used for layout
 * (one row or one column) as its cells' paragraphs. A cell's line breaks become spaces.
 */
function tableMarkdown(table: DomNode, service: TurndownService): string {
  const rows = descendants(table, new Set(['TR']));
  const cells = rows.map((row) =>
    descendants(row, new Set(['TH', 'TD'])).map((cell) =>
      service
        .turndown(cell.innerHTML ?? '')
        .replace(/\s*\n+\s*/g, ' ')
        .replace(/\|/g, '\\|')
        .trim(),
    ),
  );
  const caption = descendants(table, new Set(['CAPTION']))[0]?.textContent?.trim();
  const width = Math.max(0, ...cells.map((row) => row.length));
  if (rows.length < 2 || width < 2) {
    return `\n\n${[caption, ...cells.flat()].filter(Boolean).join('\n\n')}\n\n`;
  }
  const line = (row: string[]) => `| ${Array.from({ length: width }, (_, index) => row[index] ?? '').join(' | ')} |`;
  const [header = [], ...body] = cells;
  const lines = [line(header), `| ${Array.from({ length: width }, () => '---').join(' | ')} |`, ...body.map(line)];
  return `\n\n${caption ? `${caption}\n\n` : ''}${lines.join('\n')}\n\n`;
}
