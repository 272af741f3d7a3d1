import { createHash } from 'node:crypto';
import mjml2html from 'mjml';
import type { MJMLJsonObject, MJMLParseError } from 'mjml-core';
import { blockShape, compiledShape, fillShape, opensCodeBlock, valueTokens, type ValueTokens } from './block-shapes.js';
import { mjmlTree, type MjmlNode } from './mjml-tree.js';

/**
 * Minified HTML keeps issues under Gmail's clip limit for longer; CSS minification crashes on Node 20.
 * The minifier's steps for inline SVG, JSON, JavaScript and script templates are off: an email
 * carries none of them (scripts are `html/unsafe`), and loading their libraries (svgo, terser)
 * made the first compile of a build 0.3–0.5 s slower for byte-identical HTML.
 * `fonts: {}`: MJML would otherwise link Google Fonts for any font stack that names Roboto.
 */
const MJML_OPTIONS = {
  validationLevel: 'soft',
  keepComments: false,
  fonts: {},
  minify: true,
  minifyOptions: { minifyCss: false, minifySvg: false, minifyJson: false, minifyJs: false, minifyHtmlTemplate: false },
} as const;

export interface CompiledMjml {
  html: string;
  errors: MJMLParseError[];
}

/** What mjml2html itself makes of the document: the reference the shared compile is tested against. */
export async function compileWhole(tree: MjmlNode): Promise<CompiledMjml> {
  // Only the HTML and errors are kept: the tree mjml2html also returns is as large as the document.
  const { html, errors } = await mjml2html(tree as MJMLJsonObject, MJML_OPTIONS);
  return { html, errors };
}

/**
 * The same HTML as `compileWhole`, with each shape of body block compiled once (block-shapes.ts):
 * an issue of a thousand articles is a document of a dozen blocks for MJML, juice and the
 * minifier, which otherwise each held several copies of the whole email (a 10,000-article
 * issue peaked near 2 GB inside mjml2html). A theme whose inlined CSS can tell one block from
 * another by position or by a value is compiled whole.
 */
export async function compileMjml(source: string, tree: MjmlNode = mjmlTree(source)): Promise<CompiledMjml> {
  // Tokens and the separator carry a hash of the document, so nothing in it can look like them.
  const nonce = createHash('sha256').update(source).digest('hex').slice(0, 16);
  const separator = `<div data-gazette-block="${nonce}"></div>`;
  const tokens = valueTokens(nonce);
  const firstSyntheticLine = lineCount(source) + 1;
  // MJML pairs `<!-- htmlmin:ignore -->` comments across the whole document: blocks of one shape would pair them differently.
  const split = opensCodeBlock(source) || source.includes('htmlmin:ignore') ? null : skeletonOf(tree, tokens, separator, firstSyntheticLine);
  if (!split) return compileWhole(tree);
  const { skeleton, blocks, places } = split;
  const { html, errors } = await compileWhole(skeleton);

  const [before, ...pieces] = html.split(separator);
  const after = pieces.pop();
  // Never expected: MJML kept every separator in place in every test. The whole compile is still right.
  if (before === undefined || after === undefined || pieces.length !== split.shapes) return compileWhole(tree);
  const compiled = pieces.map((piece) => compiledShape(piece, tokens));
  // Never expected either: a step moved a run mark. The whole compile is still right.
  if (compiled.some((shape) => shape === null)) return compileWhole(tree);
  const filled = blocks.map((block) => fillShape(compiled[block.shape]!, block.values));
  return { html: joinBlocks([before, ...filled, after]), errors: errorsInEveryBlock(errors, blocks, places, firstSyntheticLine) };
}

function lineCount(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

/** A body block as the shared compile keeps it: which shape it has, and its own values and lines. */
interface ShapedBlock {
  shape: number;
  values: string[];
  lines: number[];
}

/** Which shape, and which node of it in document order, a line of the compiled skeleton stands for. */
interface NodePlace {
  shape: number;
  node: number;
}

/**
 * The document MJML compiles instead: the head as it is, and each shape of body block once,
 * after a separator. Null when the theme's inlined CSS could tell blocks of one shape apart.
 * Only the blocks' values are kept, not their trees: the whole tree can go before MJML runs.
 * The shapes' nodes are numbered with lines past the document's end, so a problem MJML finds
 * names exactly one node of one shape, whatever lines the blocks shared.
 */
function skeletonOf(
  tree: MjmlNode,
  tokens: ValueTokens,
  separator: string,
  firstSyntheticLine: number,
): { skeleton: MjmlNode; blocks: ShapedBlock[]; shapes: number; places: NodePlace[] } | null {
  const body = tree.children?.find((node) => node.tagName === 'mj-body');
  // Raw HTML between blocks (a comment, nothing at all) changes how MJML merges their Outlook comments.
  if (!body?.children?.length || body.children.some((block) => block.tagName === 'mj-raw') || !sharesShapes(tree)) return null;
  const shapeIndex = new Map<string, number>();
  const shapes: MjmlNode[] = [];
  const places: NodePlace[] = [];
  const blocks: ShapedBlock[] = [];
  for (const [index, block] of body.children.entries()) {
    const shape = blockShape(block, tokens);
    if (!shape.closesCodeBlocks) return null;
    // These components give each copy an id of its own (a random one): never shared.
    const key = UNIQUE_COMPONENTS.test(shape.key) ? `${index}:${shape.key}` : shape.key;
    let at = shapeIndex.get(key);
    if (at === undefined) {
      at = shapes.push(shape.node) - 1;
      shapeIndex.set(key, at);
      numberNodes(shape.node, at, places, firstSyntheticLine);
    }
    blocks.push({ shape: at, values: shape.values, lines: shape.lines });
  }
  const separatorNode: MjmlNode = { ...body, tagName: 'mj-raw', attributes: {}, children: undefined, content: separator };
  const skeletonBody = { ...body, children: shapes.flatMap((shape) => [separatorNode, shape]).concat(separatorNode) };
  return { skeleton: { ...tree, children: tree.children!.map((node) => (node === body ? skeletonBody : node)) }, blocks, shapes: shapes.length, places };
}

/** Gives each node of a shape the next line past the document, in document order, and notes where each line points. */
function numberNodes(node: MjmlNode, shape: number, places: NodePlace[], firstSyntheticLine: number): void {
  let index = 0;
  const visit = (current: MjmlNode) => {
    current.line = firstSyntheticLine + places.length;
    places.push({ shape, node: index++ });
    current.children?.forEach(visit);
  };
  visit(node);
}

const UNIQUE_COMPONENTS = /"tagName":"mj-(?:carousel|navbar|accordion)"/;

/** Selectors juice could match on an element's place among its siblings or on a value: `+ ~ * [ #` and structural pseudo-classes. */
const POSITIONAL_SELECTOR = /[+~*[#]|:(?!:|hover\b|focus\b|active\b|visited\b|link\b)/;

/** Whether blocks of one shape are sure to compile alike wherever they stand in the body. */
function sharesShapes(tree: MjmlNode): boolean {
  const head = tree.children?.find((node) => node.tagName === 'mj-head');
  for (const node of head?.children ?? []) {
    // mj-html-attributes sets attributes by selector over the whole body; MJML links an mj-font
    // only when the body's text names it, text a shape holds as tokens.
    if (node.tagName === 'mj-html-attributes' || node.tagName === 'mj-font') return false;
    if (node.tagName === 'mj-style' && isInline(node) && POSITIONAL_SELECTOR.test(selectorsOf(node.content ?? ''))) return false;
  }
  return true;
}

const isInline = (node: MjmlNode) => node.attributes?.inline === 'inline';

/**
 * The selectors of a style sheet: comments, strings and declaration blocks taken out, innermost
 * first; a star (read as positional) when a comment or string is left open, so the sheet cannot
 * be read with certainty. Comments and strings are read in one pass, whichever opens first: a
 * string may hold `/*`, a comment a quote.
 */
function selectorsOf(css: string): string {
  let rest = css.replace(/\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\[\s\S])*"|'(?:[^'\\\n]|\\[\s\S])*'/g, ' ');
  if (/\/\*|["']/.test(rest)) return '*';
  for (let previous = ''; previous !== rest; ) {
    previous = rest;
    rest = rest.replace(/\{[^{}]*\}/g, ' ');
  }
  return rest;
}

/**
 * Compiled blocks joined as they come out of one document. MJML merges an Outlook
 * conditional comment that closes where the next one opens (mjml-core's
 * mergeOutlookConditionnals, whitespace between included); elsewhere the minifier had made the
 * whitespace between two blocks one space, and each side of a separator kept one.
 */
function joinBlocks(parts: string[]): string {
  const END = '<![endif]-->';
  const START = '<!--[if mso | IE]>';
  const joined = [parts[0]!];
  for (const part of parts.slice(1)) {
    const left = joined.at(-1)!.trimEnd();
    const right = part.trimStart();
    if (left.endsWith(END) && right.startsWith(START)) {
      joined[joined.length - 1] = left.slice(0, -END.length);
      joined.push(right.slice(START.length));
    } else joined.push(left.length < joined.at(-1)!.length ? right : part);
  }
  return joined.join('');
}

/**
 * A problem MJML found in a shape is in every block of that shape, at that block's own line;
 * problems elsewhere (the head, the body tag) stand as they are. In document order, as MJML
 * reports them.
 */
function errorsInEveryBlock(errors: MJMLParseError[], blocks: ShapedBlock[], places: NodePlace[], firstSyntheticLine: number): MJMLParseError[] {
  const found: MJMLParseError[] = [];
  const inShape = new Map<number, { node: number; error: MJMLParseError }[]>();
  for (const error of errors) {
    const place = places[error.line - firstSyntheticLine];
    if (!place) found.push(error);
    else if (inShape.has(place.shape)) inShape.get(place.shape)!.push({ node: place.node, error });
    else inShape.set(place.shape, [{ node: place.node, error }]);
  }
  for (const block of blocks) {
    for (const { node, error } of inShape.get(block.shape) ?? []) {
      const line = block.lines[node]!;
      found.push({ ...error, line, formattedMessage: error.formattedMessage.replace(/^Line \d+/, `Line ${line}`) });
    }
  }
  // Stable: errors on one line keep the order MJML gave them.
  return found.sort((a, b) => a.line - b.line);
}
