import { isTag, isText, type Document, type Element } from 'domhandler';
import { DomUtils, Parser, parseDocument } from 'htmlparser2';
import { sourceOf, type Source } from '../diagnostics/source.js';

export type HtmlNode = Document;
export type HtmlElement = Element;
export { isTag };

/** An element as rules that read only its name, attributes and place see it: no tree around it. */
export interface HtmlTag {
  name: string;
  attribs: Record<string, string>;
  startIndex: number | null;
}

/** The email's HTML, parsed at most once, with every element able to say where it starts in the source. */
export interface HtmlDocument {
  source: Source;
  /** The element tree, built on first use: rules that read only tags never need it. */
  readonly root: HtmlNode;
  /** Elements with the given tag name, in document order. */
  elements(tag: string): HtmlElement[];
  /** Every element's tag in document order: from the tree when it is built, else from one pass of the parser. */
  tags(): readonly HtmlTag[];
  placeOf(element: HtmlTag): ReturnType<Source['placeOf']>;
}

const PARSER_OPTIONS = { lowerCaseTags: true, lowerCaseAttributeNames: true };

export function parseHtml(file: string, html: string): HtmlDocument {
  const source = sourceOf(file, html);
  let root: HtmlNode | null = null;
  const tree = () => (root ??= parseDocument(html, { ...PARSER_OPTIONS, withStartIndices: true, withEndIndices: true }));
  // Rules ask for one tag after another: one walk files every element under its name, instead of a walk per tag.
  let byTag: Map<string, HtmlElement[]> | null = null;
  let tags: readonly HtmlTag[] | null = null;
  return {
    source,
    get root() {
      return tree();
    },
    elements: (tag) => [...((byTag ??= elementsByTag(tree())).get(tag) ?? [])],
    tags: () => (tags ??= root ? DomUtils.findAll(() => true, root.children) : scanTags(html)),
    placeOf: (element) => source.placeOf(element.startIndex ?? 0),
  };
}

/**
 * The tags the tree would hold, in the same order (a tree's elements in document order are its
 * opening events), read with the same parser and options but without building a node per tag
 * and text: on a 1,000-article issue that tree is most of what a quick check costs.
 */
function scanTags(html: string): HtmlTag[] {
  const found: HtmlTag[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        found.push({ name, attribs, startIndex: parser.startIndex });
      },
    },
    PARSER_OPTIONS,
  );
  parser.end(html);
  return found;
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
