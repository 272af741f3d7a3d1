import { DomUtils } from 'htmlparser2';
import type { Diagnostic } from '../../types.js';
import { isTag, visibleText, type HtmlDocument, type HtmlElement } from '../html-document.js';
import { finding } from '../rule-set.js';

export interface SizeContributor {
  name: string;
  bytes: number;
  /** Where the part starts in the HTML, when it is one element. */
  offset: number | null;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const bytesOf = (text: string) => Buffer.byteLength(text, 'utf8');

function outerBytes(document: HtmlDocument, element: HtmlElement): number {
  return bytesOf(document.source.text.slice(element.startIndex ?? 0, (element.endIndex ?? -1) + 1));
}

/** Hidden elements (the preheader) weigh little and are no block a reader would name. */
const isHidden = (element: HtmlElement) => /display\s*:\s*none/i.test(element.attribs.style ?? '');

/** An element's visible children that are elements, without the text and comments between them. */
const childElements = (element: HtmlElement) => element.children.filter((child): child is HtmlElement => isTag(child) && !isHidden(child));

/**
 * The body's content blocks: a theme wraps everything in one or two containers, so go down
 * while there is a single visible child; below that, each child is a block a reader would recognise.
 */
function contentBlocks(document: HtmlDocument): HtmlElement[] {
  let container = document.elements('body')[0];
  while (container) {
    const children = childElements(container);
    if (children.length !== 1) return children;
    container = children[0];
  }
  return [];
}

/** A block's name as an editor would say it: its heading, else its first words. */
function blockName(block: HtmlElement): string {
  const heading = DomUtils.findOne((element) => /^h[1-6]$/.test(element.name), block.children, true);
  const text = heading ? visibleText(heading) : visibleText(block);
  if (!text) return `<${block.name}> block`;
  return `"${text.length > 48 ? `${text.slice(0, 47)}…` : text}"`;
}

/** The parts of the HTML that weigh most: head styles and each content block, largest first. */
export function largestContributors(document: HtmlDocument, count = 3): SizeContributor[] {
  const styles = document.elements('style');
  const headStyles: SizeContributor = { name: '<style> in the head', bytes: styles.reduce((sum, style) => sum + outerBytes(document, style), 0), offset: styles[0]?.startIndex ?? null };
  const blocks = contentBlocks(document).map((block) => ({ name: blockName(block), bytes: outerBytes(document, block), offset: block.startIndex ?? null }));
  return [headStyles, ...blocks]
    .filter((part) => part.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}

/** Bytes spent on markup that repeats in every block: inline style attributes and Outlook's conditional comments. */
function overheads(document: HtmlDocument): string {
  const inline = DomUtils.findAll((element) => element.attribs.style !== undefined, document.root.children).reduce(
    (sum, element) => sum + bytesOf(element.attribs.style ?? '') + ' style=""'.length,
    0,
  );
  const conditional = [...document.source.text.matchAll(/<!--\[if[\s\S]*?<!\[endif\]-->/g)].reduce((sum, match) => sum + bytesOf(match[0]), 0);
  return `inline style attributes make up ${kb(inline)} and Outlook conditional comments ${kb(conditional)}`;
}

/** The HTML must stay under the budget, or Gmail shows "[Message clipped]" and hides the rest, unsubscribe link included. */
export function checkSize(document: HtmlDocument, maxBytes: number): Diagnostic[] {
  const bytes = bytesOf(document.source.text);
  if (bytes <= maxBytes) return [];
  const parts = largestContributors(document);
  const largest = parts.find((part) => part.offset !== null);
  const named = parts.map((part) => `${part.name} ${kb(part.bytes)}`).join(', ');
  return [
    finding(
      'html/size',
      `the HTML is ${kb(bytes)}, over the ${kb(maxBytes)} budget: Gmail clips messages over about 102 KB. Largest parts: ${named}; ${overheads(document)}`,
      largest?.offset != null ? document.source.placeOf(largest.offset) : { file: document.source.file },
    ),
  ];
}
