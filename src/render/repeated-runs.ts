import { countBefore } from '../count-before.js';

/**
 * Runs of sibling elements of one shape inside a block's HTML: the items of a long list (an
 * issue's table of contents holds one per article). MJML, juice and the minifier treat every item
 * of such a run alike, as they treat blocks of one shape alike (block-shapes.ts), so a run is
 * compiled as its first item, one item standing for all the middle ones, and its last item.
 */

/** An element as written: where its opening tag starts and its closing tag ends, and what it holds. */
export interface ElementSpan {
  name: string;
  start: number;
  end: number;
  children: ElementSpan[];
}

/** Where a value is cut out of the HTML. */
export interface Span {
  start: number;
  end: number;
}

const cutStart = (cut: Span): number => cut.start;

/**
 * The elements a run may hold or stand in, each read alike by every HTML parser on the way
 * (htmlparser2 in several versions): no raw-text, form, void-only-to-some or foreign element.
 */
const INLINE_ELEMENTS: ReadonlySet<string> = new Set(['a', 'abbr', 'b', 'br', 'cite', 'code', 'del', 'dfn', 'em', 'font', 'i', 'img', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'u', 'var']);
const BLOCK_ELEMENTS: ReadonlySet<string> = new Set(['blockquote', 'center', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'li', 'ol', 'p', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul']);
const VOID_ELEMENTS: ReadonlySet<string> = new Set(['br', 'hr', 'img']);
/** Elements whose content a parser closes at any block (p closes itself, and headings each other). */
const INLINE_CONTAINERS: ReadonlySet<string> = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** The only parents of these elements: anywhere else a parser may close an element for them. */
const PARENTS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['li', new Set(['ul', 'ol'])],
  ['tr', new Set(['table', 'tbody', 'thead', 'tfoot'])],
  ['td', new Set(['tr'])],
  ['th', new Set(['tr'])],
  ['tbody', new Set(['table'])],
  ['thead', new Set(['table'])],
  ['tfoot', new Set(['table'])],
]);

/**
 * Whether an element opened inside `parent` is sure to be its child for every parser: none of
 * them then closes the parent by itself (a cell opened in a cell, a list item in an item, a
 * block in a paragraph, a link in a link).
 */
function fitsIn(name: string, parent: string): boolean {
  if (!INLINE_ELEMENTS.has(name) && !BLOCK_ELEMENTS.has(name)) return false;
  if (INLINE_CONTAINERS.has(parent) && !INLINE_ELEMENTS.has(name)) return false;
  if (name === 'a' && parent === 'a') return false;
  const parents = PARENTS.get(name);
  return !parents || parents.has(parent);
}

/**
 * Fewer items than this are compiled as written: a run is replaced by three items, so only a
 * longer one saves anything.
 */
export const MIN_RUN_LENGTH = 4;

/**
 * The elements of some HTML, from a tokenizer's events, or null unless every element is one of
 * the plain ones above, written in lower case, where it fits (fitsIn), and closed by its own
 * closing tag in order. Only such HTML is read for runs: where a parser closes or opens elements
 * by itself, or parsers disagree, its tree is not the one these spans describe.
 */
export class ElementSpans {
  private readonly root: ElementSpan = { name: '', start: 0, end: 0, children: [] };
  private readonly open: ElementSpan[] = [this.root];
  private opening: ElementSpan | null = null;
  private wellFormed = true;

  constructor(private readonly html: string) {}

  /** The tag name from `nameStart` to `nameEnd`; its `<` is just before. */
  opened(nameStart: number, nameEnd: number): void {
    const name = this.html.slice(nameStart, nameEnd);
    // Parsers that keep the case of names would not pair `<A>` with `</a>`.
    if (name !== name.toLowerCase() || !fitsIn(name, this.open.at(-1)!.name)) this.wellFormed = false;
    this.opening = { name, start: nameStart - 1, end: -1, children: [] };
  }

  /** The opening tag ends with `>` at `at`, or with `/>` when `selfClosing`. */
  openingEnded(at: number, selfClosing: boolean): void {
    const element = this.opening;
    this.opening = null;
    if (!element) return;
    this.open.at(-1)!.children.push(element);
    if (VOID_ELEMENTS.has(element.name)) element.end = at + 1;
    // `<div/>` opens a div in HTML: a parser then closes it wherever it sees fit.
    else if (selfClosing) this.wellFormed = false;
    else this.open.push(element);
  }

  /** A closing tag whose name runs from `nameStart` to `nameEnd`. */
  closed(nameStart: number, nameEnd: number): void {
    const end = this.html.indexOf('>', nameEnd);
    const element = this.open.length > 1 ? this.open.pop()! : null;
    // Only `</name>` itself: parsers disagree on `</i/>` or `</i x>`.
    if (!element || element.name !== this.html.slice(nameStart, nameEnd) || end !== nameEnd) this.wellFormed = false;
    else element.end = end + 1;
  }

  /** The top-level elements, or null when the HTML is not closed as written. */
  finish(): ElementSpan[] | null {
    return this.wellFormed && this.open.length === 1 && !this.opening ? this.root.children : null;
  }
}

/**
 * Runs of at least MIN_RUN_LENGTH sibling elements that follow each other with nothing between
 * them and read the same once their values (`cuts`, sorted) are set aside, in document order. An
 * element of a run is not searched for runs inside it.
 */
export function repeatedRuns(html: string, elements: readonly ElementSpan[], cuts: readonly Span[]): ElementSpan[][] {
  const shapes = new Map<ElementSpan, string>();
  const shapeOf = (element: ElementSpan) => {
    let shape = shapes.get(element);
    if (shape === undefined) shapes.set(element, (shape = withoutValues(html, element, cuts)));
    return shape;
  };
  // Cut characters before each cut, so an element's length without its values is found without reading it:
  // deeply nested unlike siblings are then told apart at once, never written out level by level.
  const cutBefore = [0];
  for (const cut of cuts) cutBefore.push(cutBefore.at(-1)! + cut.end - cut.start);
  const lengthWithoutValues = (element: ElementSpan) => {
    const first = countBefore(cuts, element.start, cutStart);
    const last = countBefore(cuts, element.end, cutStart);
    return element.end - element.start - (cutBefore[last]! - cutBefore[first]!) + (last - first);
  };
  const continues = (previous: ElementSpan, next: ElementSpan) =>
    previous.end === next.start && previous.name === next.name && lengthWithoutValues(previous) === lengthWithoutValues(next) && shapeOf(previous) === shapeOf(next);
  const runs: ElementSpan[][] = [];
  const search = (siblings: readonly ElementSpan[]) => {
    for (let first = 0; first < siblings.length; ) {
      let end = first + 1;
      while (end < siblings.length && continues(siblings[end - 1]!, siblings[end]!)) end++;
      if (end - first >= MIN_RUN_LENGTH) {
        runs.push(siblings.slice(first, end));
        first = end;
      } else {
        search(siblings[first]!.children);
        first++;
      }
    }
  };
  search(elements);
  return runs;
}

/** An element's HTML with each value in it replaced by one stand-in character. */
function withoutValues(html: string, element: ElementSpan, cuts: readonly Span[]): string {
  let shape = '';
  let at = element.start;
  for (let index = countBefore(cuts, element.start, cutStart); index < cuts.length && cuts[index]!.start < element.end; index++) {
    shape += `${html.slice(at, cuts[index]!.start)}\u0000`;
    at = cuts[index]!.end;
  }
  return shape + html.slice(at, element.end);
}
