import { QuoteType, Tokenizer } from 'htmlparser2';
import type { MjmlNode } from './mjml-tree.js';
import { ElementSpans, repeatedRuns, type ElementSpan, type Span } from './repeated-runs.js';

/**
 * A block of the email body (a top-level child of mj-body: an article's card, a section label)
 * with its words and links taken out: what is left is its shape. A thousand cards have a
 * handful of shapes (lead or not, two or three key points, a quote or none), and MJML, juice and
 * the minifier do the same to every block of one shape, so each shape is compiled once and every
 * block is the compiled shape with its own values put back. The values are only ever text runs
 * and link-like attribute values, which none of those steps reads or changes: styles are inlined
 * by tag and class (compile-mjml.ts refuses themes whose inline CSS could match on anything
 * else), and a value is taken out only when its whitespace is already what the minifier would
 * leave.
 */
export interface BlockShape {
  /** The block with every value replaced by a token naming its index. */
  node: MjmlNode;
  /** The values, in token order. */
  values: string[];
  /** Identical for blocks of one shape: the shape without source lines. */
  key: string;
  /** The line of each node, in document order: where a problem MJML finds in the shape is in this block. */
  lines: number[];
  /** Every `{{` or `<%` in the block is closed in it: juice's code blocks do not run on into the next block. */
  closesCodeBlocks: boolean;
}

/** Attributes that hold a block's own data (links, images, anchors), never something styles match on. */
const VALUE_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'alt', 'title', 'id']);

/**
 * Content in these elements is not collapsed like text, or is not text, or is rewritten by what
 * it refers to (the minifier's SVG optimizer drops an id it sees no reference to), or is raw text
 * to one parser and elements to another (xmp, iframe, noembed, noframes, noscript, plaintext,
 * title: raw text to the htmlparser2 that reads shapes, elements to juice's and the minifier's):
 * such content is kept whole in the shape.
 */
const VERBATIM_CONTENT = /<(?:pre|textarea|script|style|svg|math|xmp|iframe|noembed|noframes|noscript|plaintext|title)\b|<!--|<!\[CDATA\[/i;

/**
 * A value the minifier leaves as it is: no whitespace at either end (its trimming looks for any
 * \s, no-break space included), and inside only single spaces (it collapses runs of tab, newline,
 * form feed, carriage return and space).
 */
const isStableValue = (text: string) => /^\S(?:[^\t\n\f\r]*\S)?$/.test(text) && !text.includes('  ') && !CODE_BLOCK_MARK.test(text);

/**
 * Text that ends in the start of a tag (`a</`, `x <b`): only the end of the content can leave one
 * unfinished, and there what MJML writes next completes it, differently after a token.
 */
const UNFINISHED_TAG = /<\S*$/;

/** juice inlines no style between `{{` and `}}` or `<%` and `%>`: text with them stays in the shape, where juice sees it. */
const CODE_BLOCK_MARK = /\{\{|\}\}|<%|%>/;

/** Tokens look like a word (letters and digits), so no step treats them other than as text. */
export interface ValueTokens {
  token(index: number): string;
  /** Before the item that stands for a run's middle items: how many there are, and how many values each has. */
  runStart(copies: number, stride: number): string;
  /** After that item. */
  runEnd: string;
  /** Matches every token and run mark: group 1 is a token's index; groups 2 and 3 a run start's copies and stride. */
  pattern: RegExp;
}

export function valueTokens(nonce: string): ValueTokens {
  const prefix = `gzv${nonce}`;
  return {
    token: (index) => `${prefix}n${index}z`,
    runStart: (copies, stride) => `${prefix}r${copies}x${stride}z`,
    runEnd: `${prefix}ez`,
    pattern: new RegExp(`${prefix}(?:n(\\d+)|r(\\d+)x(\\d+)|e)z`, 'g'),
  };
}

export function blockShape(block: MjmlNode, tokens: ValueTokens): BlockShape {
  const values: string[] = [];
  const lines: number[] = [];
  const written: string[] = [];
  const take = (value: string) => tokens.token(values.push(value) - 1);
  const shapeOf = (node: MjmlNode): MjmlNode => {
    lines.push(node.line);
    // Built field by field (a thousand blocks of a dozen nodes each): no entries arrays, no rest copy.
    const attributes: Record<string, string | boolean> = {};
    for (const name in node.attributes) {
      const value = node.attributes[name]!;
      if (typeof value === 'string') written.push(value);
      // MJML writes a component's attribute value between double quotes as it is: one holding a quote stays in the shape.
      attributes[name] = typeof value === 'string' && VALUE_ATTRIBUTES.has(name) && isStableValue(value) && !/["'<>]/.test(value) ? take(value) : value;
    }
    if (node.content !== undefined) written.push(node.content);
    // Without its line, so blocks of one shape serialize alike (numberNodes gives a shape's nodes lines of their own).
    const shaped: MjmlNode = { file: node.file, absoluteFilePath: node.absoluteFilePath, includedIn: node.includedIn, tagName: node.tagName, attributes } as MjmlNode;
    if (node.children) shaped.children = node.children.map(shapeOf);
    // Runs are looked for only in mj-text, whose content MJML puts in a div: elsewhere (a button's link, mj-table's table) the parent could close an item.
    if (node.content !== undefined) shaped.content = contentShape(node.content, take, tokens, node.tagName === 'mj-text');
    return shaped;
  };
  const node = shapeOf(block);
  // No replacer: JSON.stringify's native path, several times faster on a thousand blocks.
  return { node, values, key: JSON.stringify(node), lines, closesCodeBlocks: !opensCodeBlock(written.join('')) };
}

/**
 * Whether text leaves one of juice's code blocks open (`{{` with no `}}` after it, or `<%` with
 * no `%>`), read as juice reads them: each opening closes at the first closing after it. Scanned
 * in place: the text may be a whole issue.
 */
export function opensCodeBlock(text: string): boolean {
  for (const [open, close] of [['{{', '}}'], ['<%', '%>']] as const) {
    for (let at = text.indexOf(open); at !== -1; at = text.indexOf(open, at)) {
      const end = text.indexOf(close, at + open.length);
      if (end === -1) return true;
      at = end + close.length;
    }
  }
  return false;
}

/**
 * HTML content with its text runs and value attributes replaced by tokens, and each run of
 * like items (repeated-runs.ts) written as its first item, the second between run marks standing
 * for all the middle ones, and its last: the middle items' values are still taken, in order.
 */
function contentShape(html: string, take: (value: string) => string, tokens: ValueTokens, readRuns: boolean): string {
  if (VERBATIM_CONTENT.test(html)) return html;
  const texts: Span[] = [];
  const cuts: Span[] = [];
  // Elements are only followed where runs are read.
  const elements = readRuns ? new ElementSpans(html) : null;
  let attribute = '';
  let value: Span | null = null;
  const ignore = () => {};
  const tokenizer = new Tokenizer(
    { decodeEntities: false, xmlMode: false },
    {
      // A run may come in pieces (a stray "<" ends one): pieces that touch are one run.
      ontext(start, end) {
        const last = texts.at(-1);
        if (last && last.end === start) last.end = end;
        else texts.push({ start, end });
      },
      onattribname(start, end) {
        attribute = html.slice(start, end).toLowerCase();
        value = null;
      },
      onattribdata(start, end) {
        value = value ? { start: value.start, end } : { start, end };
      },
      // Only a double-quoted value is written back as it was: the serializer requotes the others.
      onattribend(quote) {
        if (value && quote === QuoteType.Double && VALUE_ATTRIBUTES.has(attribute) && isStableValue(html.slice(value.start, value.end))) cuts.push(value);
        value = null;
      },
      onopentagname: (start, end) => elements?.opened(start, end),
      onopentagend: (at) => elements?.openingEnded(at, false),
      onselfclosingtag: (at) => elements?.openingEnded(at, true),
      onclosetag: (start, end) => elements?.closed(start, end),
      onattribentity: ignore,
      oncdata: ignore,
      oncomment: ignore,
      ondeclaration: ignore,
      onend: ignore,
      onprocessinginstruction: ignore,
      ontextentity: ignore,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  for (const { start, end } of texts) {
    // Whitespace around a run stays in the shape: what the minifier does with it depends on the neighbours.
    const text = html.slice(start, end);
    const core = text.trim();
    const from = start + text.length - text.trimStart().length;
    if (core && isStableValue(core) && !UNFINISHED_TAG.test(core)) cuts.push({ start: from, end: from + core.length });
  }
  cuts.sort((a, b) => a.start - b.start);
  const spans = elements?.finish() ?? null;
  return writeShape(html, cuts, spans ? repeatedRuns(html, spans, cuts) : [], take, tokens);
}

/** The content with its cuts as tokens and its runs shortened (see contentShape). */
function writeShape(html: string, cuts: readonly Span[], runs: readonly ElementSpan[][], take: (value: string) => string, tokens: ValueTokens): string {
  let at = 0;
  let next = 0;
  /** The content from where it was read to `end`, its cuts as tokens (or only taken, when `skipped`). */
  const readTo = (end: number, skipped = false) => {
    let written = '';
    for (; next < cuts.length && cuts[next]!.start < end; next++) {
      const cut = cuts[next]!;
      const token = take(html.slice(cut.start, cut.end));
      if (!skipped) written += html.slice(at, cut.start) + token;
      at = cut.end;
    }
    if (!skipped) written += html.slice(at, end);
    at = end;
    return written;
  };
  let shaped = '';
  for (const run of runs) {
    const [, second] = run;
    shaped += readTo(second!.start);
    const firstValue = next;
    const standIn = readTo(second!.end);
    shaped += `${tokens.runStart(run.length - 2, next - firstValue)}${standIn}${tokens.runEnd}`;
    readTo(run.at(-1)!.start, true);
  }
  return shaped + readTo(html.length);
}

/** A compiled shape, cut at its tokens: literal text, value indices, and run groups filled once per middle item. */
export type ShapePart = string | number | RunPart;

export interface RunPart {
  parts: ShapePart[];
  copies: number;
  /** How many values each copy has: copy k reads the values `k × stride` after the first copy's. */
  stride: number;
}

/** The compiled shape's parts, or null when its run marks do not pair up as written (a step moved one). */
export function compiledShape(html: string, tokens: ValueTokens): ShapePart[] | null {
  const top: ShapePart[] = [];
  let run: RunPart | null = null;
  let at = 0;
  for (const match of html.matchAll(tokens.pattern)) {
    const parts = run ? run.parts : top;
    parts.push(html.slice(at, match.index));
    at = match.index + match[0].length;
    if (match[1] !== undefined) parts.push(Number(match[1]));
    else if (match[2] !== undefined) {
      if (run) return null;
      run = { parts: [], copies: Number(match[2]), stride: Number(match[3]) };
    } else {
      if (!run) return null;
      top.push(run);
      run = null;
    }
  }
  if (run) return null;
  top.push(html.slice(at));
  return top;
}

export function fillShape(shape: readonly ShapePart[], values: readonly string[], offset = 0): string {
  let html = '';
  for (const part of shape) {
    if (typeof part === 'string') html += part;
    else if (typeof part === 'number') html += values[part + offset]!;
    else for (let copy = 0; copy < part.copies; copy++) html += fillShape(part.parts, values, offset + copy * part.stride);
  }
  return html;
}
