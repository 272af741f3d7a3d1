import { QuoteType, Tokenizer } from 'htmlparser2';
import type { MjmlNode } from './mjml-tree.js';

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
 * it refers to (the minifier's SVG optimizer drops an id it sees no reference to): such content
 * is kept whole in the shape.
 */
const VERBATIM_CONTENT = /<(?:pre|textarea|script|style|svg|math)\b|<!--|<!\[CDATA\[/i;

/**
 * A value the minifier leaves as it is: no whitespace at either end (its trimming looks for any
 * \s, no-break space included), and inside only single spaces (it collapses runs of tab, newline,
 * form feed, carriage return and space).
 */
const isStableValue = (text: string) => /^\S(?:[^\t\n\f\r]*\S)?$/.test(text) && !text.includes('  ') && !CODE_BLOCK_MARK.test(text);

/** juice inlines no style between `{{` and `}}` or `<%` and `%>`: text with them stays in the shape, where juice sees it. */
const CODE_BLOCK_MARK = /\{\{|\}\}|<%|%>/;

/** Tokens look like a word (letters and digits), so no step treats them other than as text. */
export interface ValueTokens {
  token(index: number): string;
  /** Matches every token; group 1 is its index. */
  pattern: RegExp;
}

export function valueTokens(nonce: string): ValueTokens {
  const prefix = `gzv${nonce}n`;
  return { token: (index) => `${prefix}${index}z`, pattern: new RegExp(`${prefix}(\\d+)z`, 'g') };
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
    if (node.content !== undefined) shaped.content = contentShape(node.content, take);
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

/** HTML content with its text runs and value attributes replaced by tokens. */
function contentShape(html: string, take: (value: string) => string): string {
  if (VERBATIM_CONTENT.test(html)) return html;
  const texts: Span[] = [];
  const cuts: Span[] = [];
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
      onattribentity: ignore,
      oncdata: ignore,
      onclosetag: ignore,
      oncomment: ignore,
      ondeclaration: ignore,
      onend: ignore,
      onopentagend: ignore,
      onopentagname: ignore,
      onprocessinginstruction: ignore,
      onselfclosingtag: ignore,
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
    if (core && isStableValue(core)) cuts.push({ start: from, end: from + core.length });
  }
  cuts.sort((a, b) => a.start - b.start);
  let shaped = '';
  let at = 0;
  for (const cut of cuts) {
    shaped += html.slice(at, cut.start) + take(html.slice(cut.start, cut.end));
    at = cut.end;
  }
  return shaped + html.slice(at);
}

interface Span {
  start: number;
  end: number;
}

/** A compiled shape, cut at its tokens: literal text and value indices, alternating from a text. */
export interface CompiledShape {
  texts: string[];
  indices: number[];
}

export function compiledShape(html: string, tokens: ValueTokens): CompiledShape {
  const texts: string[] = [];
  const indices: number[] = [];
  let at = 0;
  for (const match of html.matchAll(tokens.pattern)) {
    texts.push(html.slice(at, match.index));
    indices.push(Number(match[1]));
    at = match.index + match[0].length;
  }
  texts.push(html.slice(at));
  return { texts, indices };
}

export function fillShape(shape: CompiledShape, values: readonly string[]): string {
  let html = shape.texts[0]!;
  for (let i = 0; i < shape.indices.length; i++) html += values[shape.indices[i]!]! + shape.texts[i + 1]!;
  return html;
}
