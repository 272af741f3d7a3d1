import type { Diagnostic } from '../../types.js';
import { accessibleName, type HtmlDocument, type HtmlElement } from '../html-document.js';
import { finding } from '../rule-set.js';

/** Absolute web or mail links are the only kind every mail client can follow. */
export function isAbsoluteEmailUrl(url: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(url.trim());
}

/** Images must come from the web, or from a part of the message itself (`cid:`); data: URIs are blocked by Gmail. */
function isEmailImageUrl(url: string): boolean {
  return /^(https?:\/\/|cid:)/i.test(url.trim());
}

interface UrlAttribute {
  tag: string;
  attribute: string;
  allowed: (url: string) => boolean;
}

const URL_ATTRIBUTES: UrlAttribute[] = [
  { tag: 'a', attribute: 'href', allowed: (url) => url.startsWith('#') || isAbsoluteEmailUrl(url) },
  { tag: 'area', attribute: 'href', allowed: (url) => url.startsWith('#') || isAbsoluteEmailUrl(url) },
  { tag: 'link', attribute: 'href', allowed: (url) => /^https?:\/\//i.test(url) },
  { tag: 'img', attribute: 'src', allowed: isEmailImageUrl },
  { tag: 'table', attribute: 'background', allowed: isEmailImageUrl },
  { tag: 'td', attribute: 'background', allowed: isEmailImageUrl },
];

/** Every link and image URL a reader's client has to resolve on its own, which it cannot do for a relative one. */
export function checkUrls(document: HtmlDocument): Diagnostic[] {
  const findings: Diagnostic[] = [];
  for (const { tag, attribute, allowed } of URL_ATTRIBUTES) {
    for (const element of document.tags().filter((element) => element.name === tag)) {
      const url = element.attribs[attribute];
      if (url === undefined || allowed(url)) continue;
      const kind = /^[a-z][a-z0-9+.-]*:/i.test(url) ? 'is not an http(s) or mailto URL' : 'is relative: set base_url in the config';
      findings.push(finding('html/relative-url', `${attribute}="${url}" on <${tag}> ${kind}`, document.placeOf(element)));
    }
  }
  return findings;
}

/**
 * A per-recipient marker that was not filled shows to readers as is. Braces are not looked
 * for: an article may quote `{{…}}`, and content is always shown as written. Only this build's
 * markers count (`prefix`), so an article quoting a marker of another build is no finding.
 */
export function checkUnresolvedTokens(document: HtmlDocument, prefix: string | null): Diagnostic[] {
  const text = document.source.text;
  const start = prefix ? prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '\\[\\[gz:[0-9a-f]+:';
  return [...text.matchAll(new RegExp(`${start}([^\\]]*)\\]\\]`, 'g'))].map((match) =>
    finding('html/unresolved-token', `the per-recipient field "${match[1]}" was not filled`, document.source.placeOf(match.index)),
  );
}

export function checkLinkNames(document: HtmlDocument): Diagnostic[] {
  return document.elements('a')
    .filter((link) => link.attribs.href !== undefined && accessibleName(link) === '')
    .map((link) => finding('link/empty-text', `link to "${link.attribs.href}" has no text, no image alt, no aria-label: readers and screen readers cannot tell where it goes`, document.placeOf(link)));
}

const UNSUBSCRIBE_WORDS = /unsubscribe|opt[ -]?out/i;

/** A link the reader follows to leave the list: named so, or pointing at the configured unsubscribe URL. */
export function isUnsubscribeLink(link: HtmlElement, unsubscribeUrl: string | null): boolean {
  const href = link.attribs.href ?? '';
  return UNSUBSCRIBE_WORDS.test(accessibleName(link)) || (unsubscribeUrl !== null && href.startsWith(unsubscribeUrl));
}

export function checkUnsubscribeLink(document: HtmlDocument, unsubscribeUrl: string | null): Diagnostic[] {
  const links = document.elements('a').filter((link) => link.attribs.href !== undefined);
  if (links.some((link) => isUnsubscribeLink(link, unsubscribeUrl))) return [];
  return [finding('link/unsubscribe', 'no unsubscribe link in the HTML: bulk senders must offer one in the body (and Gmail and Yahoo require it)', { file: document.source.file })];
}

const UTM_KEYS = ['utm_source', 'utm_medium', 'utm_campaign'];

/** With UTM configured, each web link (the unsubscribe link aside) should say it came from this issue. */
export function checkUtm(document: HtmlDocument, unsubscribeUrl: string | null): Diagnostic[] {
  const findings: Diagnostic[] = [];
  for (const link of document.elements('a')) {
    const href = link.attribs.href ?? '';
    if (!/^https?:\/\//i.test(href) || isUnsubscribeLink(link, unsubscribeUrl)) continue;
    let params: URLSearchParams;
    try {
      params = new URL(href).searchParams;
    } catch {
      continue;
    }
    const missing = UTM_KEYS.filter((key) => !params.has(key));
    if (missing.length > 0) findings.push(finding('link/utm', `link to "${href}" lacks ${missing.join(', ')} although utm is configured`, document.placeOf(link)));
  }
  return findings;
}
