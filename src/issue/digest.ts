import { createHash } from 'node:crypto';
import { summarizeText, type TextSummary } from '../summarize/index.js';
import type { Article, Diagnostic, Digest, DigestArticle, DigestSection, IssueInfo, Quote, QuoteSpan } from '../types.js';
import { formatDateRange } from './calendar.js';
import { inWindow, windowSlug, type DateWindow } from './window.js';

export interface IssueSettings {
  name: string;
  number: number;
  /** `{name}`, `{number}`, `{from}`, `{to}` and `{range}` are replaced. */
  titleTemplate: string;
}

/** Articles that belong in an issue: inside the window, drafts only when asked. */
export function selectArticles(articles: readonly Article[], window: DateWindow, includeDrafts: boolean): Article[] {
  return articles.filter((article) => inWindow(article.date, window) && (includeDrafts || !article.draft));
}

/** Featured articles lead; the rest follow in date order, then title order. */
export function orderArticles<T extends { featured: boolean; date: string; title: string }>(articles: readonly T[]): T[] {
  return [...articles].sort(
    (a, b) => Number(b.featured) - Number(a.featured) || a.date.localeCompare(b.date) || a.title.localeCompare(b.title),
  );
}

/** A quotation cut off by its attribution (`…Americans," he said`) stands alone with a full stop. */
function publicQuote({ text, speaker, role }: Quote | QuoteSpan): Quote {
  return { text: text.replace(/,$/, '.'), speaker, role };
}

export interface ArticleSummary {
  keyPoints: string[];
  quotes: Quote[];
}

/**
 * Remembers summaries by article title and text, so a rebuild (the preview's live reload)
 * re-summarizes only the articles that changed.
 */
export type SummaryCache = Map<string, TextSummary>;

function cachedSummary(article: Article, cache: SummaryCache | undefined): TextSummary {
  const key = createHash('sha1').update(article.title).update('\0').update(article.text).digest('hex');
  const known = cache?.get(key);
  if (known) return known;
  const summary = summarizeText(article.text, { title: article.title });
  cache?.set(key, summary);
  return summary;
}

/** Key points and quotes of one article; front-matter overrides win over the summarizer. */
export function summarizeArticle(article: Article, cache?: SummaryCache): ArticleSummary {
  const needsSummary = article.keyPoints === null || article.quotes === null;
  const summary = needsSummary ? cachedSummary(article, cache) : null;
  return {
    keyPoints: article.keyPoints ?? summary?.keyPoints ?? [],
    quotes: (article.quotes ?? summary?.quotes ?? []).map(publicQuote),
  };
}

/** Words per minute used for reading time. */
const READING_SPEED = 230;

function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / READING_SPEED));
}

export function toDigestArticle(article: Article, summary: ArticleSummary): DigestArticle {
  const { slug, title, date, url, source, author, tags, image, imageAlt, featured } = article;
  return {
    ...{ slug, title, date, url, source, author, tags, image, imageAlt, featured },
    readingMinutes: readingMinutes(article.wordCount),
    keyPoints: summary.keyPoints,
    quotes: summary.quotes,
  };
}

export function issueInfo(window: DateWindow, settings: IssueSettings): IssueInfo {
  const values: Record<string, string> = {
    name: settings.name,
    number: String(settings.number),
    from: window.from,
    to: window.to,
    range: formatDateRange(window.from, window.to),
  };
  return {
    title: settings.titleTemplate.replace(/\{(name|number|from|to|range)\}/g, (_, key: string) => values[key] ?? ''),
    number: settings.number,
    slug: windowSlug(window),
    from: window.from,
    to: window.to,
  };
}

export function assembleDigest(issue: IssueInfo, articles: readonly DigestArticle[], warnings: readonly Diagnostic[]): Digest {
  return { issue, articles: orderArticles(articles), warnings: [...warnings] };
}

/**
 * Groups articles under the configured sections by their first matching tag, in the
 * configured order; articles matching none go last under `otherTitle`.
 */
export function groupSections(
  articles: readonly DigestArticle[],
  sections: readonly { title: string; tag: string }[],
  otherTitle = 'More this week',
): DigestSection[] {
  if (sections.length === 0) return [{ title: '', tag: null, articles: [...articles] }];
  const byTag = new Map(sections.map((section) => [section.tag.toLowerCase(), [] as DigestArticle[]]));
  const others: DigestArticle[] = [];
  for (const article of articles) {
    const bucket = article.tags.map((tag) => byTag.get(tag.toLowerCase())).find(Boolean);
    (bucket ?? others).push(article);
  }
  const grouped: DigestSection[] = sections.map((section) => ({
    title: section.title,
    tag: section.tag,
    articles: byTag.get(section.tag.toLowerCase()) ?? [],
  }));
  grouped.push({ title: otherTitle, tag: null, articles: others });
  return grouped.filter((section) => section.articles.length > 0);
}
