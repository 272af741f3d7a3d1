import { DomUtils, parseDocument } from 'htmlparser2';
import type { ChildNode } from 'domhandler';
import { retext } from 'retext';
import smartypants from 'retext-smartypants';

/**
 * Typographic punctuation for words readers see: "quotes" and 'quotes' curled, apostrophes
 * (don't, '90s), `--` as an em dash and `...` as an ellipsis. Code is never touched: the
 * article's code spans and blocks, and anything between `{{ }}` (text that talks about
 * templates), are set aside first and put back as written.
 */
const processor = retext().use(smartypants, { dashes: true, ellipses: true, quotes: true, backticks: false });

/**
 * Set-aside text is replaced by a word of letters, so the quotes around it still curl the right
 * way: a mark the text does not hold, the index written in the letters a to j, then `zqx`. The
 * index's letters never run into the `zqx` after them, so placeholders side by side (`{{a}}{{b}}`)
 * come back apart, and text that happens to look like one is left as written.
 */
function placeholders(text: string): { token: (index: number) => string; pattern: RegExp } {
  let mark = 'zqxkeep';
  while (text.includes(mark)) mark += 'q';
  return {
    token: (index) => `${mark}${String(index).replace(/\d/g, (digit) => String.fromCharCode(97 + Number(digit)))}zqx`,
    pattern: new RegExp(`${mark}([a-j]+)zqx`, 'g'),
  };
}

const TEMPLATE_BRACES = /\{\{[\s\S]*?\}\}/g;

/** Only text with something to change goes through retext: most key points have nothing. */
const CHANGEABLE = /["'`]|--|\.\.\./;

/**
 * Anything but an apostrophe inside a word that retext would have to weigh: double quotes,
 * backticks, dashes, ellipses, a quote mark at a word's edge. And any character outside the
 * Basic Multilingual Plane: retext does not read 𝐀 or 𠮷 as part of a word, and curls the mark
 * after one as an opening quote.
 */
const NEEDS_CONTEXT = /["`]|--|\.\.\.|(?<![\p{L}\p{N}])'|'(?![\p{L}\p{N}])|[\u{10000}-\u{10FFFF}]|\p{Cs}/u;

export function smartenText(text: string, code: readonly string[] = []): string {
  if (!CHANGEABLE.test(text)) return text;
  // The commonest case by far (the project's director, don't, O'Brien): every mark is an
  // apostrophe between two letters or digits, which smartypants always curls. Parsing the text
  // into words for that was most of the cost of making the digest's articles.
  if (!NEEDS_CONTEXT.test(text) && !text.includes('{{') && !code.some((span) => span.trim() && text.includes(span))) return text.replaceAll("'", '’');
  return smartenWithRetext(text, code);
}

/** smartenText without its shortcut: every text through retext-smartypants. */
export function smartenWithRetext(text: string, code: readonly string[] = []): string {
  const kept: string[] = [];
  const { token, pattern } = placeholders(text);
  const keep = (span: string) => token(kept.push(span) - 1);
  let protectedText = text.replace(TEMPLATE_BRACES, keep);
  // Longest first, so a span that contains another is set aside whole.
  for (const span of [...new Set(code)].filter((span) => span.trim()).sort((a, b) => b.length - a.length)) {
    if (protectedText.includes(span)) protectedText = protectedText.split(span).join(keep(span));
  }
  const smart = String(processor.processSync(protectedText));
  return smart.replace(pattern, (_, letters: string) => kept[Number(letters.replace(/[a-j]/g, (letter) => String(letter.charCodeAt(0) - 97)))]!);
}

const CODE_ELEMENTS = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style']);

/**
 * The same for HTML (the intro as rendered): each text node outside code is smartened, with
 * a stand-in for the words beside it so a quote at the edge of a link still curls the right way.
 */
export function smartenHtml(html: string): string {
  const document = parseDocument(html);
  const texts = DomUtils.filter((node) => node.type === 'text', document.children, true) as (ChildNode & { data: string })[];
  const prose = texts.filter((node) => !insideCode(node));
  prose.forEach((node, index) => {
    const before = prose[index - 1]?.data ?? '';
    const after = prose[index + 1]?.data ?? '';
    const left = before === '' ? '' : /\s$/.test(before) ? ' ' : 'x';
    const right = after === '' ? '' : /^\s/.test(after) ? ' ' : 'x';
    const smart = smartenText(`${left}${node.data}${right}`);
    node.data = smart.slice(left.length, smart.length - right.length);
  });
  return DomUtils.getOuterHTML(document, { encodeEntities: 'utf8' });
}

function insideCode(node: ChildNode): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if ('name' in parent && CODE_ELEMENTS.has(parent.name)) return true;
  }
  return false;
}
