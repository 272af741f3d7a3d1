import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../types.js';

/** Tags whose content MJML passes through as HTML, where mj- tags are not parsed. */
export const ENDING_TAGS: ReadonlySet<string> = new Set(['mj-text', 'mj-button', 'mj-raw', 'mj-table', 'mj-style', 'mj-title', 'mj-preview', 'mj-navbar-link', 'mj-accordion-title', 'mj-accordion-text', 'mj-social-element']);

const isMjmlTag = (name: string) => name === 'mjml' || name.startsWith('mj-');

/** The parser options MJML itself reads templates with (mjml-parser-xml), so both see the same tags. */
export const MJML_PARSER_OPTIONS = { recognizeCDATA: true, decodeEntities: false, recognizeSelfClosing: true, lowerCaseAttributeNames: false };

interface OpenTag {
  name: string;
  /** Offset of the `<` that opens it. */
  start: number;
  /** Offset of the `>` that ends the opening tag: a tag closed at the same offset was self-closing. */
  openEnd: number;
  /** Inside mj-text, mj-raw and the like, where the content is HTML. */
  inHtml: boolean;
}

function lineAt(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * MJML's parser (htmlparser2) quietly closes tags left open and drops stray closing tags; this
 * follows the same parser's events (mjml-tree.ts feeds it while it builds the tree, so the
 * document is read once) and reports those repairs instead, with the line the tag opens on.
 * Comments and CDATA are the parser's business, so a commented-out tag is not a tag here either.
 */
export class TagRepairs {
  private readonly found: Diagnostic[] = [];
  // Mirrors the parser's stack: every close event is for the innermost open element.
  private readonly open: OpenTag[] = [];
  // Elements the parser closed implicitly, reported once we know which closing tag (or the end) did it.
  private unclosed: OpenTag[] = [];
  // How many of the open elements are ending tags: counted, not searched for at every tag of a large issue.
  private openEndingTags = 0;

  constructor(
    private readonly source: string,
    private readonly file: string,
  ) {}

  private report(message: string, offset: number): void {
    this.found.push(diagnostic('mjml/invalid', message, { file: this.file, ...lineAt(this.source, offset), severity: 'warning' }));
  }

  private inHtml(): boolean {
    return this.openEndingTags > 0;
  }

  /** A closing tag as the tokenizer reads it, before the parser ignores one that matches nothing open (it sends no event for it). */
  closingTag(start: number, endIndex: number): void {
    if (this.inHtml()) return;
    const name = this.source.slice(start, endIndex).trim().toLowerCase();
    if (isMjmlTag(name) && !this.open.some((tag) => tag.name === name)) this.report(`</${name}> closes a tag that is not open`, start - 2);
  }

  opened(name: string, start: number, openEnd: number): void {
    this.open.push({ name, start, openEnd, inHtml: this.inHtml() });
    if (ENDING_TAGS.has(name)) this.openEndingTags++;
  }

  closed(name: string, isImplied: boolean, endIndex: number): void {
    const tag = this.open.pop();
    if (!tag) return;
    if (ENDING_TAGS.has(tag.name)) this.openEndingTags--;
    const selfClosing = endIndex === tag.openEnd;
    if (isImplied && !selfClosing && isMjmlTag(name) && !tag.inHtml) {
      this.unclosed.push(tag);
      return;
    }
    if (isImplied) return;
    for (const inner of this.unclosed) this.report(`<${inner.name}> is not closed before </${name}>`, inner.start);
    this.unclosed = [];
  }

  /** The repairs found, in document order, once the parser has reached the end. */
  problems(): Diagnostic[] {
    for (const tag of this.unclosed) this.report(`<${tag.name}> is never closed`, tag.start);
    this.unclosed = [];
    return this.found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  }
}
