import { Lexer, Parser } from 'marked';
import { defaultPreheader, groupSections, leadArticle } from '../issue/digest.js';
import { smartenHtml } from '../load/typography.js';
import type { Digest, DigestArticle, DigestSection } from '../types.js';
import { resolveUrl, withUtm, type UtmParameters } from './helpers.js';
import type { RecipientMarkers } from './recipient-tokens.js';
import { sanitizeEmailHtml } from './safe-html.js';

/** Per-recipient fields every list has; lists may add more columns (config `subscriber_fields`). */
export const BASE_SUBSCRIBER_FIELDS = ['email', 'name'] as const;

export interface ContextSettings {
  newsletterName: string;
  baseUrl: string | null;
  intro: string | null;
  sections: readonly { title: string; tag: string }[];
  subscriberFields: readonly string[];
  utm: UtmParameters | null;
  /**
   * Set when rendering the web edition for the published site: the page a theme shows with
   * `{{#if web}}`, with no per-recipient fields, no unsubscribe and no "view in browser" link.
   */
  web?: WebLinks | null;
  /** The sign-up page, linked in the footer for readers of a forwarded copy (`{{subscribe_url}}`). */
  subscribeUrl?: string | null;
  /** The sender's postal address (config `address`), shown in the footer line by line. */
  address?: string | null;
  /** The logo in the header (config `logo`), its src already absolute. */
  logo?: { src: string; alt: string; width: number } | null;
  /** This issue's subject (`_intro.md` front matter), instead of the issue title. */
  subject?: string | null;
  /** This issue's inbox preview line (`_intro.md` front matter), instead of the headlines. */
  preheader?: string | null;
}

/** Links the web edition shows instead of the per-recipient ones (`{{web.subscribe_url}}` and so on). */
export interface WebLinks {
  /** The sign-up page, or null when the config names none. */
  subscribe_url: string | null;
  /** The archive of every issue: the site's index page. */
  archive_url: string;
  /** The Atom feed, or null when the site has none (no base_url). */
  feed_url: string | null;
}

export interface ArticleContext extends DigestArticle {
  /** The article link with UTM parameters, or null. */
  link: string | null;
  firstQuote: DigestArticle['quotes'][number] | null;
}

/**
 * What the issue-level pass writes for `{{subscriber.name}}` and `{{unsubscribe_url}}`:
 * markers that pass through MJML untouched and are filled per recipient (see recipient-tokens.ts).
 */
export function recipientFields(fields: readonly string[], markers: RecipientMarkers): { subscriber: Record<string, string>; unsubscribe_url: string } {
  const names = [...new Set([...BASE_SUBSCRIBER_FIELDS, ...fields])];
  return {
    subscriber: Object.fromEntries(names.map((name) => [name, markers.field(`subscriber.${name}`)])),
    unsubscribe_url: markers.field('unsubscribe_url'),
  };
}

function articleContext(article: DigestArticle, utm: UtmParameters | null): ArticleContext {
  return { ...article, link: article.url ? withUtm(article.url, utm) : null, firstQuote: article.quotes[0] ?? null };
}

/**
 * The editor's Markdown as email-safe HTML: whatever HTML it holds is cut to the allow-list;
 * relative links and images are resolved against base_url, and links get UTM like articles.
 */
function markdownToHtml(markdown: string, settings: Pick<ContextSettings, 'baseUrl' | 'utm'>): string {
  const html = sanitizeEmailHtml(Parser.parse(new Lexer().lex(markdown)), {
    link: (href) => withUtm(resolveUrl(href, settings.baseUrl), settings.utm),
    image: (src) => resolveUrl(src, settings.baseUrl),
  });
  return smartenHtml(html);
}

/** Where the issue's web edition is published (`site/<slug>/index.html`), for the "view in browser" link. */
export function issueUrl(baseUrl: string | null, slug: string): string | null {
  return baseUrl ? new URL(`${slug}/`, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).toString() : null;
}

/**
 * Everything the issue-level Handlebars pass can use. Every optional field is present
 * (null when unset) so strict mode can tell a misspelt variable from an empty one.
 */
export function issueContext(digest: Digest, settings: ContextSettings, markers: RecipientMarkers) {
  const articles = digest.articles.map((article) => articleContext(article, settings.utm));
  const lead = leadArticle(articles);
  const rest = articles.filter((article) => article !== lead);
  const bySlug = new Map(articles.map((article) => [article.slug, article]));
  const sections: (Omit<DigestSection, 'articles'> & { articles: ArticleContext[] })[] = groupSections(rest, settings.sections).map(
    (section) => ({ ...section, articles: section.articles.map((article) => bySlug.get(article.slug)!) }),
  );
  const web = settings.web ?? null;
  // The web edition is the page "view in browser" opens: it does not link to itself.
  const viewUrl = web ? null : issueUrl(settings.baseUrl, digest.issue.slug);
  // The contents list follows the body: the lead, then each section in turn.
  const contents = [...(lead ? [lead] : []), ...sections.flatMap((section) => section.articles)];
  const subject = emailSubject(digest, settings);
  return {
    newsletter: {
      name: settings.newsletterName,
      base_url: settings.baseUrl,
      logo: settings.logo ?? null,
      address_lines: settings.address ? settings.address.split('\n').map((line) => line.trim()).filter(Boolean) : null,
    },
    issue: digest.issue,
    subject,
    intro: settings.intro ? markdownToHtml(settings.intro, settings) : null,
    preheader: settings.preheader ?? defaultPreheader(contents.map((article) => article.title), subject),
    preheader_spacer: PREHEADER_SPACER,
    view_url: viewUrl ? withUtm(viewUrl, settings.utm) : null,
    // Tagged like every other link: a sign-up from a forwarded copy is the campaign's to count.
    subscribe_url: settings.subscribeUrl ? withUtm(settings.subscribeUrl, settings.utm) : null,
    web,
    articles,
    contents,
    lead,
    sections,
    ...recipientFields(settings.subscriberFields, markers),
  };
}

export type IssueContext = ReturnType<typeof issueContext>;

/** The subject line: this issue's own from `_intro.md`, else the issue title. */
export function emailSubject(digest: Digest, settings: Pick<ContextSettings, 'subject'>): string {
  return settings.subject ?? digest.issue.title;
}

/**
 * Follows the preheader in the hidden preview block: inbox apps fill the preview line with the
 * body's first words once the preheader ends, so invisible characters (a combining grapheme
 * joiner, a zero-width non-joiner and a no-break space, repeated) fill it instead.
 */
export const PREHEADER_SPACER = '&#847;&zwnj;&nbsp;'.repeat(60);
