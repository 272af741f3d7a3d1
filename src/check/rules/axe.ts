import { DomUtils } from 'htmlparser2';
import type { Diagnostic } from '../../types.js';
import { isTag, type HtmlDocument, type HtmlElement } from '../html-document.js';
import { familyFinding } from '../rule-set.js';

/** The attribute that carries each element's source offset into the browser, so axe's findings get a line. */
export const OFFSET_ATTRIBUTE = 'data-gazette-offset';

export type ColorScheme = 'light' | 'dark';

export interface AxeNode {
  /** Source offset of the element, or of its nearest ancestor from the source (a <tbody> the parser added has none). */
  offset: number | null;
  /** axe's CSS selector for the element. */
  target: string;
  /** Why it fails, as axe words it for this element. */
  summary: string;
}

export interface AxeViolation {
  id: string;
  help: string;
  colorScheme: ColorScheme;
  nodes: AxeNode[];
}

/**
 * The WCAG 2.1 A and AA rules, less those the static accessibility and link rules already
 * report with their place and Gazette's advice.
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const AXE_RULES_COVERED_STATICALLY = ['image-alt', 'link-name', 'html-has-lang'];

/** The HTML with each start tag marked with its own offset in the original. */
export function withSourceOffsets(document: HtmlDocument): string {
  const starts: HtmlElement[] = [];
  const walk = (node: { children: unknown[] }) => {
    for (const child of node.children as HtmlElement[]) {
      if (!isTag(child)) continue;
      if (child.startIndex !== null) starts.push(child);
      walk(child);
    }
  };
  walk(document.root);
  const text = document.source.text;
  let marked = '';
  let from = 0;
  for (const element of starts.sort((a, b) => a.startIndex! - b.startIndex!)) {
    const at = element.startIndex! + 1 + element.name.length;
    // Only a real start tag gets the mark: `<name` followed by a space, `>` or `/`.
    if (text.slice(element.startIndex!, at).toLowerCase() !== `<${element.name}` || !/[\s/>]/.test(text[at] ?? '')) continue;
    marked += `${text.slice(from, at)} ${OFFSET_ATTRIBUTE}="${element.startIndex}"`;
    from = at;
  }
  return marked + text.slice(from);
}

/** `<div class="muted">`: how an editor finds the element in the theme. */
function describe(element: HtmlElement | undefined): string {
  if (!element) return 'an element';
  const { id, class: className } = element.attribs;
  return `<${element.name}${id ? ` id="${id}"` : ''}${className ? ` class="${className}"` : ''}>`;
}

export function axeFindings(violations: readonly AxeViolation[], document: HtmlDocument): Diagnostic[] {
  const byOffset = new Map(DomUtils.findAll(() => true, document.root.children).map((element) => [element.startIndex, element]));
  const seen = new Map<string, Diagnostic>();
  for (const violation of violations) {
    for (const node of violation.nodes) {
      const key = `${violation.id}@${node.offset ?? node.target}`;
      const known = seen.get(key);
      if (known) {
        // The same element fails in both colour schemes: say so once.
        if (!known.message.includes('both colour schemes')) known.message = known.message.replace(/ \((light|dark) colour scheme\)/, ' (both colour schemes)');
        continue;
      }
      const place = node.offset !== null ? document.source.placeOf(node.offset) : { file: document.source.file };
      const element = node.offset !== null ? describe(byOffset.get(node.offset)) : node.target;
      seen.set(key, familyFinding('axe/*', violation.id, `${node.summary || violation.help}, on ${element} (${violation.colorScheme} colour scheme)`, place));
    }
  }
  return [...seen.values()];
}
