import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../types.js';

const MJML_TAG = /<(\/?)(mjml|mj-[a-z-]+)\b[^>]*?(\/?)>/g;

/** Tags whose content MJML passes through as HTML, where mj- tags are not parsed. */
const ENDING_TAGS = new Set(['mj-text', 'mj-button', 'mj-raw', 'mj-table', 'mj-style', 'mj-title', 'mj-preview', 'mj-navbar-link', 'mj-accordion-title', 'mj-accordion-text', 'mj-social-element']);

function lineAt(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * MJML's own parser quietly repairs unclosed or misnested tags; report them instead,
 * with the line they open on.
 */
export function findMjmlTagErrors(source: string, file: string): Diagnostic[] {
  const open: { name: string; offset: number }[] = [];
  const problems: Diagnostic[] = [];
  for (const match of source.matchAll(MJML_TAG)) {
    const [, closing, name, selfClosing] = match as unknown as [string, string, string, string];
    const insideEndingTag = open.length > 0 && ENDING_TAGS.has(open[open.length - 1]!.name);
    if (insideEndingTag && !(closing && name === open[open.length - 1]!.name)) continue;
    if (selfClosing) continue;
    if (!closing) {
      open.push({ name, offset: match.index });
      continue;
    }
    const index = open.map((tag) => tag.name).lastIndexOf(name);
    if (index === -1) {
      problems.push(diagnostic('mjml/invalid', `</${name}> closes a tag that is not open`, { file, ...lineAt(source, match.index), severity: 'warning' }));
      continue;
    }
    for (const unclosed of open.splice(index).slice(1)) {
      problems.push(diagnostic('mjml/invalid', `<${unclosed.name}> is not closed before </${name}>`, { file, ...lineAt(source, unclosed.offset), severity: 'warning' }));
    }
  }
  for (const unclosed of open) {
    problems.push(diagnostic('mjml/invalid', `<${unclosed.name}> is never closed`, { file, ...lineAt(source, unclosed.offset), severity: 'warning' }));
  }
  return problems;
}
