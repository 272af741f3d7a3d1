import type { parseHTML } from 'linkedom';
import { dateProblem } from '../load/front-matter.js';

export type HtmlDocument = ReturnType<typeof parseHTML>['document'];
type HtmlElement = NonNullable<ReturnType<HtmlDocument['querySelector']>>;

/** What a page says about itself, from its structured data, OpenGraph and meta tags, and markup. Every field may be missing. */
export interface PageMetadata {
  title: string | null;
  /** The day it was published, `YYYY-MM-DD`. */
  published: string | null;
  /** The page's own address for itself (`rel=canonical`, `og:url`), absolute. */
  canonical: string | null;
  siteName: string | null;
  author: string | null;
  /** The lead image, absolute. */
  image: string | null;
  /** The lead image's alt text, when the page gives one. */
  imageAlt: string | null;
  /** JSON-LD's `isAccessibleForFree`: false marks paywalled content. */
  accessibleForFree: boolean | null;
}

const ARTICLE_TYPES = /^(Article|NewsArticle|BlogPosting|Report|ScholarlyArticle|TechArticle|AnalysisNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|LiveBlogPosting|SocialMediaPosting|WebPage)$/;

/**
 * Reads a page's metadata, most trusted source first: JSON-LD (what publishers write for search
 * engines), then OpenGraph and other meta tags, then the markup itself. Pure: reads the document, never changes it.
 */
export function pageMetadata(document: HtmlDocument, pageUrl: string): PageMetadata {
  const ld = jsonLdArticle(document);
  const meta = (selector: string) => clean(document.querySelector(selector)?.getAttribute('content'));
  const absolute = (value: string | null) => absoluteUrl(value, pageUrl);

  const image = absolute(ldImage(ld?.image) ?? meta('meta[property="og:image"]') ?? meta('meta[property="og:image:url"]') ?? meta('meta[name="twitter:image"]'));
  const leadImage = image ? null : firstContentImage(document, pageUrl);
  return {
    title: ldText(ld?.headline) ?? meta('meta[property="og:title"]') ?? meta('meta[name="twitter:title"]') ?? text(document.querySelector('h1')) ?? titleWithoutSite(document),
    published: firstDay([
      ldText(ld?.datePublished),
      meta('meta[property="article:published_time"]'),
      meta('meta[itemprop="datePublished"]'),
      meta('meta[name="date"]'),
      meta('meta[name="dc.date"]') ?? meta('meta[name="DC.date"]'),
      clean((document.querySelector('article time[datetime]') ?? document.querySelector('time[datetime]'))?.getAttribute('datetime')),
    ]),
    canonical: absolute(clean(document.querySelector('link[rel="canonical"]')?.getAttribute('href'))) ?? absolute(meta('meta[property="og:url"]')) ?? absolute(ldUrl(ld)),
    siteName: meta('meta[property="og:site_name"]') ?? ldName(ld?.publisher) ?? meta('meta[name="application-name"]'),
    author:
      ldAuthors(ld?.author) ??
      meta('meta[name="author"]') ??
      notUrl(meta('meta[property="article:author"]')) ??
      text(document.querySelector('[rel="author"]')) ??
      text(document.querySelector('[itemprop="author"]')),
    image: image ?? leadImage?.src ?? null,
    imageAlt: image
      ? (meta('meta[property="og:image:alt"]') ?? meta('meta[name="twitter:image:alt"]') ?? altOfImage(document, image, pageUrl))
      : (leadImage?.alt ?? null),
    accessibleForFree: typeof ld?.isAccessibleForFree === 'boolean' ? ld.isAccessibleForFree : ld?.isAccessibleForFree === 'False' || ld?.isAccessibleForFree === 'false' ? false : null,
  };
}

/** `2024-03-04T23:10:00-05:00` → `2024-03-04`: the day as the publisher wrote it, not moved to UTC. */
export function dayOf(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  const written = /^(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(trimmed)?.[1];
  if (written) return dateProblem(written) === null ? written : null;
  const parsed = Date.parse(trimmed);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().slice(0, 10);
}

function firstDay(candidates: readonly (string | null)[]): string | null {
  for (const candidate of candidates) {
    const day = dayOf(candidate);
    if (day) return day;
  }
  return null;
}

type JsonObject = Record<string, unknown>;

/** The first article-like object of the page's JSON-LD blocks, looking inside arrays and `@graph`. */
function jsonLdArticle(document: HtmlDocument): JsonObject | null {
  const found: JsonObject[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const object = value as JsonObject;
      const types = ([] as unknown[]).concat(object['@type'] ?? []).map(String);
      if (types.some((type) => ARTICLE_TYPES.test(type))) found.push(object);
      if (object['@graph']) visit(object['@graph']);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // Broken JSON-LD is common; the meta tags still speak.
    }
  }
  // A page often describes itself (WebPage) and its article: the article says more.
  return found.find((object) => String(object['@type']) !== 'WebPage') ?? found[0] ?? null;
}

function ldText(value: unknown): string | null {
  return typeof value === 'string' ? clean(value) : null;
}

function ldName(value: unknown): string | null {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) return ldName(value[0]);
  if (value && typeof value === 'object') return ldText((value as JsonObject).name);
  return null;
}

function ldAuthors(value: unknown): string | null {
  const names = ([] as unknown[])
    .concat(value ?? [])
    .map(ldName)
    .filter((name): name is string => name !== null && notUrl(name) !== null);
  return names.length > 0 ? [...new Set(names)].join(', ') : null;
}

function ldImage(value: unknown): string | null {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) return ldImage(value[0]);
  if (value && typeof value === 'object') return ldText((value as JsonObject).url) ?? ldText((value as JsonObject).contentUrl);
  return null;
}

function ldUrl(ld: JsonObject | null): string | null {
  if (!ld) return null;
  const main = ld.mainEntityOfPage;
  return ldText(ld.url) ?? ldText(main) ?? (main && typeof main === 'object' ? ldText((main as JsonObject)['@id']) : null);
}

/** The first image in the article's body (not a logo in the header): its address and alt text. */
function firstContentImage(document: HtmlDocument, pageUrl: string): { src: string; alt: string | null } | null {
  const image = document.querySelector('article img[src]') ?? document.querySelector('main img[src]');
  const src = absoluteUrl(clean(image?.getAttribute('src')), pageUrl);
  return image && src ? { src, alt: clean(image.getAttribute('alt')) } : null;
}

/** The alt text the page gives the image also named in its meta tags, when it shows it. */
function altOfImage(document: HtmlDocument, image: string, pageUrl: string): string | null {
  for (const element of document.querySelectorAll('img[src]')) {
    if (absoluteUrl(element.getAttribute('src'), pageUrl) === image) return clean(element.getAttribute('alt'));
  }
  return null;
}

/** `The budget, explained | Harbour Times` → `The budget, explained` */
function titleWithoutSite(document: HtmlDocument): string | null {
  const title = clean(document.querySelector('title')?.textContent);
  return title ? (title.split(/\s+[|–—·»]\s+|\s+-\s+/)[0] ?? title) : null;
}

function text(element: HtmlElement | null): string | null {
  return clean(element?.textContent);
}

function clean(value: string | null | undefined): string | null {
  const cleaned = value?.replace(/\s+/g, ' ').trim();
  return cleaned ? cleaned : null;
}

function notUrl(value: string | null): string | null {
  return value && !/^https?:\/\//i.test(value) ? value : null;
}

/** An http(s) URL made absolute against the page, or null for anything else. */
export function absoluteUrl(value: string | null | undefined, base: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
