import { isTag, isText, type Document, type Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import { sourceOf, type Source } from '../diagnostics/source.js';

export type HtmlNode = Document;
export type HtmlElement = Element;
export { isTag };

/** The email's HTML, parsed once, with every element able to say where it starts in the source. */
export interface HtmlDocument {
  source: Source;
  root: HtmlNode;
  /** Elements with the given tag name, in document order. */
  elements(tag: string): HtmlElement[];
  placeOf(element: HtmlElement): ReturnType<Source['placeOf']>;
}

export function parseHtml(file: string, html: string): HtmlDocument {
  const source = sourceOf(file, html);
  const root = parseDocument(html, { withStartIndices: true, withEndIndices: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  // Rules ask for one tag after another: one walk files every element under its name, instead of a walk per tag.
  let byTag: Map<string, HtmlElement[]> | null = null;
  return {
    source,
    root,
    elements: (tag) => [...((byTag ??= elementsByTag(root)).get(tag) ?? [])],
    placeOf: (element) => source.placeOf(element.startIndex ?? 0),
  };
}

/** Every element by tag name, each list in document order. */
function elementsByTag(root: HtmlNode): Map<string, HtmlElement[]> {
  const byTag = new Map<string, HtmlElement[]>();
  for (const element of DomUtils.findAll(() => true, root.children)) {
    const named = byTag.get(element.name);
    if (named) named.push(element);
    else byTag.set(element.name, [element]);
  }
  return byTag;
}

const INVISIBLE = new Set(['head', 'style', 'script', 'title', 'template']);

/** The text nodes a reader sees: those outside head, style and script, as written. */
function visibleTextNodes(node: HtmlNode | HtmlElement): string[] {
  const parts: string[] = [];
  const walk = (current: HtmlNode | HtmlElement) => {
    for (const child of current.children) {
      if (isTag(child)) {
        if (!INVISIBLE.has(child.name)) walk(child);
      } else if (isText(child)) parts.push(child.data);
    }
  };
  walk(node);
  return parts;
}

/** The words a reader sees, whitespace collapsed. */
export function visibleText(node: HtmlNode | HtmlElement): string {
  return visibleTextNodes(node).join(' ').replace(/\s+/g, ' ').trim();
}

/** Characters of visible text, whitespace included, as SpamAssassin's HTML rules count them. */
export function visibleTextLength(node: HtmlNode | HtmlElement): number {
  return visibleTextNodes(node).reduce((sum, text) => sum + text.length, 0);
}

/** What a screen reader announces for a link or button: its text, else the alt of images in it, else aria-label or title. */
export function accessibleName(element: HtmlElement): string {
  const label = element.attribs['aria-label']?.trim();
  if (label) return label;
  const text = visibleText(element);
  if (text) return text;
  const alts = DomUtils.getElementsByTagName('img', element, true)
    .map((image) => image.attribs.alt?.trim() ?? '')
    .filter(Boolean);
  if (alts.length > 0) return alts.join(' ');
  return element.attribs.title?.trim() ?? '';
}
