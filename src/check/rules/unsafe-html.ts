import type { Diagnostic } from '../../types.js';
import type { HtmlDocument } from '../html-document.js';
import { finding } from '../rule-set.js';

/** Elements that run code or take input: mail clients strip them, filters score them, and none belongs in a newsletter. */
const ACTIVE_ELEMENTS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'select', 'textarea', 'base']);

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'background', 'poster', 'xlink:href'];

/** CSS that runs script in old engines: `url(javascript:…)` and IE's `expression(…)`, compared without spaces and escapes. */
const ACTIVE_CSS = /url\(['"]?(javascript|vbscript):|expression\(/i;

/** `java\tscript:` and `&#106;avascript:` are the same scheme to a browser: compare without controls and spaces. */
function scheme(url: string): string {
  return (/^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020\u007f]+/g, ''))?.[1] ?? '').toLowerCase();
}

/** A `data:` image is `html/relative-url`'s (Gmail blocks it); anywhere else a data: URL is a page the reader did not ask for. */
function isActiveUrl(tag: string, attribute: string, url: string): boolean {
  const name = scheme(url);
  return name === 'javascript' || name === 'vbscript' || (name === 'data' && !(tag === 'img' && attribute === 'src'));
}

/**
 * Anything in the HTML that would run or submit in a browser: script and form elements,
 * `on…` event handlers, and `javascript:`, `vbscript:` or `data:` URLs. Content is sanitized
 * before it reaches the email; this catches what a theme adds itself.
 */
export function checkUnsafeHtml(document: HtmlDocument): Diagnostic[] {
  const findings: Diagnostic[] = [];
  for (const element of document.tags()) {
    const refresh = element.name === 'meta' && /refresh/i.test(element.attribs['http-equiv'] ?? '');
    if (ACTIVE_ELEMENTS.has(element.name) || refresh) {
      findings.push(finding('html/unsafe', `<${element.name}> has no place in an email: clients strip it and spam filters score it`, document.placeOf(element)));
    }
    for (const name in element.attribs) {
      const value = element.attribs[name]!;
      if (/^on/i.test(name)) {
        findings.push(finding('html/unsafe', `event handler ${name}="…" on <${element.name}>: scripts never run in email and filters score them`, document.placeOf(element)));
      } else if (URL_ATTRIBUTES.includes(name) && isActiveUrl(element.name, name, value)) {
        findings.push(finding('html/unsafe', `${name} with a ${scheme(value)}: URL on <${element.name}>`, document.placeOf(element)));
      } else if (name === 'srcset' && value.split(',').some((candidate) => isActiveUrl(element.name, 'srcset', candidate.trim().split(/\s+/)[0] ?? ''))) {
        findings.push(finding('html/unsafe', `srcset with a script or data: URL on <${element.name}>`, document.placeOf(element)));
      } else if (name === 'style' && value.includes('(') && ACTIVE_CSS.test(value.replace(/[\u0000-\u0020\\]+/g, ''))) {
        findings.push(finding('html/unsafe', `style with a script URL or expression() on <${element.name}>`, document.placeOf(element)));
      }
    }
  }
  return findings;
}
