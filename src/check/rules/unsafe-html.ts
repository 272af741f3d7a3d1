import type { Diagnostic } from '../../types.js';
import type { HtmlDocument } from '../html-document.js';
import { finding } from '../rule-set.js';

/** Elements that run code or take input: mail clients strip them, filters score them, and none belongs in a newsletter. */
const ACTIVE_ELEMENTS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'select', 'textarea', 'base']);

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'background', 'poster', 'xlink:href'];

/** CSS that runs script in old engines: `url(javascript:…)` and IE's `expression(…)`, compared as read (see `cssAsRead`). */
const ACTIVE_CSS = /url\(['"]?(javascript|vbscript):|expression\(/i;

/**
 * CSS as an engine reads it, for comparison: escapes decoded (`expr\65ssion`, `java\73 cript`,
 * `\:`), then controls and spaces dropped. A function still needs a literal parenthesis: an
 * escaped one is part of a name.
 */
function cssAsRead(css: string): string {
  return css
    .replace(/\\([0-9a-f]{1,6})[ \t\n\r\f]?|\\([\s\S])/gi, (_, hex: string | undefined, character: string | undefined) =>
      hex ? String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)) : (character ?? ''),
    )
    .replace(/[\u0000-\u0020]+/g, '');
}

/** SVG animation that sets a link: `<set attributeName="href" to="javascript:…">` runs like the link itself. */
const ANIMATION_ELEMENTS = new Set(['set', 'animate']);
const ANIMATED_VALUES = ['to', 'from', 'values'];

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
      } else if (name === 'style' && value.includes('(') && ACTIVE_CSS.test(cssAsRead(value))) {
        findings.push(finding('html/unsafe', `style with a script URL or expression() on <${element.name}>`, document.placeOf(element)));
      }
    }
    const animated = element.attribs.attributename ?? '';
    if (ANIMATION_ELEMENTS.has(element.name) && /(^|:)href$/i.test(animated.trim())) {
      const urls = ANIMATED_VALUES.flatMap((attribute) => (element.attribs[attribute] ?? '').split(';'));
      if (urls.some((url) => isActiveUrl('a', 'href', url))) {
        findings.push(finding('html/unsafe', `<${element.name}> sets ${animated.trim()} to a script or data: URL`, document.placeOf(element)));
      }
    }
  }
  return findings;
}
