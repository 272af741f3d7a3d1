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

/** Elements without content or closing tag. */
const VOID_ELEMENTS: ReadonlySet<string> = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/**
 * Fewer items than this are compiled as written: a run is replaced by three items, so only a
 * longer one saves anything.
 */
export const MIN_RUN_LENGTH = 4;

/**
 * The elements of some HTML, from a tokenizer's events, or null when any element is not closed by
 * its own closing tag in order. Only such HTML is read for runs: where a parser closes or opens
 * elements by itself, its tree is not the one these spans describe.
 */
export class ElementSpans {
  private readonly root: ElementSpan = { name: '', start: 0, end: 0, children: [] };
  private readonly open: ElementSpan[] = [this.root];
  private opening: ElementSpan | null = null;
  private wellFormed = true;

  constructor(private readonly html: string) {}

  /** The tag name from `nameStart` to `nameEnd`; its `<` is just before. */
  opened(nameStart: number, nameEnd: number): void {
    this.opening = { name: this.html.slice(nameStart, nameEnd).toLowerCase(), start: nameStart - 1, end: -1, children: [] };
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
    if (!element || element.name !== this.html.slice(nameStart, nameEnd).toLowerCase() || end === -1) this.wellFormed = false;
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
  const continues = (previous: ElementSpan, next: ElementSpan) => previous.end === next.start && previous.name === next.name && shapeOf(previous) === shapeOf(next);
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
  for (let index = firstCutFrom(cuts, element.start); index < cuts.length && cuts[index]!.start < element.end; index++) {
    shape += `${html.slice(at, cuts[index]!.start)}\u0000`;
    at = cuts[index]!.end;
  }
  return shape + html.slice(at, element.end);
}

/** The index of the first cut that starts at or after `offset` (cuts are sorted and do not overlap). */
function firstCutFrom(cuts: readonly Span[], offset: number): number {
  let low = 0;
  let high = cuts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cuts[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
