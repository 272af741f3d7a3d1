import { Parser } from 'htmlparser2';
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
 * runs the same parser with the same options and reports those repairs instead, with the line
 * the tag opens on. Comments and CDATA are the parser's business, so a commented-out tag is
 * not a tag here either.
 */
export function findMjmlTagErrors(source: string, file: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const report = (message: string, offset: number) => problems.push(diagnostic('mjml/invalid', message, { file, ...lineAt(source, offset), severity: 'warning' }));
  // Mirrors the parser's stack: every close event is for the innermost open element.
  const open: OpenTag[] = [];
  // Elements the parser closed implicitly, reported once we know which closing tag (or the end) did it.
  let unclosed: OpenTag[] = [];
  const inHtml = () => open.some((tag) => ENDING_TAGS.has(tag.name));

  const parser = new (class extends Parser {
    /** The parser ignores a closing tag that matches nothing open, without an event: catch it on the way in. */
    override onclosetag(start: number, endIndex: number): void {
      const name = source.slice(start, endIndex).trim().toLowerCase();
      if (isMjmlTag(name) && !inHtml() && !open.some((tag) => tag.name === name)) report(`</${name}> closes a tag that is not open`, start - 2);
      super.onclosetag(start, endIndex);
    }
  })(
    {
      onopentag(name) {
        open.push({ name, start: parser.startIndex, openEnd: parser.endIndex, inHtml: inHtml() });
      },
      onclosetag(name, isImplied) {
        const tag = open.pop();
        if (!tag) return;
        const selfClosing = parser.endIndex === tag.openEnd;
        if (isImplied && !selfClosing && isMjmlTag(name) && !tag.inHtml) {
          unclosed.push(tag);
          return;
        }
        if (isImplied) return;
        for (const inner of unclosed) report(`<${inner.name}> is not closed before </${name}>`, inner.start);
        unclosed = [];
      },
      onend() {
        for (const tag of unclosed) report(`<${tag.name}> is never closed`, tag.start);
      },
    },
    MJML_PARSER_OPTIONS,
  );
  parser.end(source);
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
