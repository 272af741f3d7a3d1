import { escapeUTF8 } from 'entities';
import { DomUtils, parseDocument } from 'htmlparser2';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { createPersonalizer } from '../message/personalize.js';
import { BASE_SUBSCRIBER_FIELDS, type WebLinks } from '../render/context.js';
import { markersFromPrefix, splitAtMarkers } from '../render/recipient-tokens.js';
import type { Diagnostic, RenderedEmail } from '../types.js';
import { SITE_FILES, type SiteUrls } from './urls.js';

/** The web edition of one issue: `site/<slug>/index.html`. */
export interface WebEdition {
  html: string;
  diagnostics: Diagnostic[];
}

/**
 * What the theme's `{{#if web}}` branches link to. Links are absolute when the site has a
 * `base_url` (the same HTML goes into the feeds, read far from the site), else relative to
 * the issue's folder.
 */
export function webLinks(urls: SiteUrls): WebLinks {
  return {
    subscribe_url: urls.subscribe,
    archive_url: urls.home ?? `../${SITE_FILES.archive}`,
    feed_url: urls.atom,
  };
}

/**
 * Turns the issue rendered with the `web` flag into its page. The default theme shows no
 * per-recipient field on the web; a theme that still does gets a warning, and every such field
 * is filled with nothing (a `{{{{recipient}}}}` block runs as for a subscriber without a name),
 * so no address, name or unsubscribe token can reach the site whatever the theme says.
 */
export function webEditionPage(
  rendered: RenderedEmail,
  place: { slug: string; siteName: string; themeDir: string; subscriberFields: readonly string[]; urls: SiteUrls },
): WebEdition {
  const markers = markersFromPrefix(rendered.recipientMarker);
  const shown = [
    ...new Set(
      splitAtMarkers(rendered.htmlTemplate, markers).flatMap((part) => (part.kind === 'field' ? [part.path.join('.')] : [])),
    ),
  ];
  const diagnostics = shown.map((field) =>
    diagnostic('site/recipient-field', `{{${field}}} is shown on the web edition, where it is left empty`, { file: place.themeDir }),
  );
  const names = [...new Set([...BASE_SUBSCRIBER_FIELDS, ...place.subscriberFields])];
  const neutral = createPersonalizer(rendered)({ subscriber: Object.fromEntries(names.map((name) => [name, ''])), unsubscribe_url: '' });
  // MJML tells screen readers the body is an "email"; on the web it is the issue's page.
  const html = neutral.html.replace(' aria-roledescription="email"', '');
  return { html: withHeadLinks(html, headLinks(place.urls, place.slug, place.siteName)), diagnostics };
}

/** The page's canonical address and its feeds, for browsers and feed readers that look in <head>. */
export function feedLinkTags(urls: SiteUrls, title: string): string {
  const feeds: [string, string | null, string][] = [
    ['application/atom+xml', urls.atom, 'Atom'],
    ['application/rss+xml', urls.rss, 'RSS'],
    ['application/feed+json', urls.json, 'JSON Feed'],
  ];
  return feeds
    .filter((feed): feed is [string, string, string] => feed[1] !== null)
    .map(([type, href, kind]) => `<link rel="alternate" type="${type}" title="${escapeUTF8(`${title} (${kind})`)}" href="${escapeUTF8(href)}">`)
    .join('');
}

function headLinks(urls: SiteUrls, slug: string, siteName: string): string {
  const canonical = urls.issue(slug);
  return `${canonical ? `<link rel="canonical" href="${escapeUTF8(canonical)}">` : ''}${feedLinkTags(urls, siteName)}`;
}

/** Adds tags at the end of <head>; MJML always writes one. */
function withHeadLinks(html: string, tags: string): string {
  const at = html.search(/<\/head>/i);
  return at < 0 ? html : `${html.slice(0, at)}${tags}${html.slice(at)}`;
}

/**
 * A page's content for a feed entry: what its <body> holds. The styles in <head> are left
 * behind, as feed readers drop them anyway; MJML puts the look that matters inline.
 */
export function pageBody(html: string): string {
  const document = parseDocument(html);
  const body = DomUtils.getElementsByTagName('body', document, true, 1)[0];
  return body ? DomUtils.getInnerHTML(body, { encodeEntities: 'utf8' }) : html;
}

/** The language a page declares (`<html lang>`), for the archive and the feeds; English when it declares none. */
export function pageLanguage(html: string): string {
  const root = DomUtils.findOne((element) => element.name === 'html', parseDocument(html).children, false);
  return root?.attribs.lang?.trim() || 'en';
}
