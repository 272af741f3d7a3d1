import { createHash } from 'node:crypto';
import { codeTexts } from '../load/markdown.js';
import { oneLine } from '../load/one-line.js';
import { smartenText } from '../load/typography.js';
import { summarizeText, type TextSummary } from '../summarize/index.js';
import type { Article, Diagnostic, Digest, DigestArticle, DigestSection, IssueInfo, Quote, QuoteSpan } from '../types.js';
import { formatDateRange } from './calendar.js';
import { inWindow, windowSlug, type DateWindow } from './window.js';

export interface IssueSettings {
  name: string;
  number: number;
  /** `{name}`, `{number}`, `{from}`, `{to}`, `{range}` and `{lead}` are replaced. */
  titleTemplate: string;
  /** The lead story's headline, for `{lead}`: see `leadArticle`. */
  lead?: string | null;
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
  // Without a cache to ask, the hash (a few percent of summarizing a short article) is not worth making.
  if (!cache) return summarizeText(article.text, { title: article.title });
  const key = createHash('sha1').update(article.title).update('\0').update(article.text).digest('hex');
  const known = cache.get(key);
  if (known) return known;
  const summary = summarizeText(article.text, { title: article.title });
  cache.set(key, summary);
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

/**
 * The article as the digest shows it, every word readers see in typographic punctuation
 * (curled quotes, apostrophes, dashes), the article's own code left as written.
 */
export function toDigestArticle(article: Article, summary: ArticleSummary): DigestArticle {
  const { slug, date, url, tags, image, featured } = article;
  const code = codeTexts(article.markdown);
  // Each of these is shown as one line (a heading, a byline, a bullet): a line break or tab written
  // in the front matter is a space in the HTML, and must not start a new line in the text part.
  const smart = (text: string) => smartenText(oneLine(text).trim(), code);
  const maybe = (text: string | null) => text && smart(text);
  return {
    ...{ slug, title: smart(article.title), date, url, source: maybe(article.source), author: maybe(article.author), tags, image, imageAlt: maybe(article.imageAlt), featured },
    readingMinutes: readingMinutes(article.wordCount),
    keyPoints: summary.keyPoints.map(smart),
    quotes: summary.quotes.map((quote) => ({ text: smart(quote.text), speaker: maybe(quote.speaker), role: maybe(quote.role) })),
  };
}

/** The story the issue opens with: the first featured one, as the template's `lead`; else none. */
export function leadArticle<T extends { featured: boolean }>(articles: readonly T[]): T | null {
  return articles.find((article) => article.featured) ?? null;
}

/** The placeholders of a title or subject template and what they stand for. */
const TITLE_PLACEHOLDER = /\{(name|number|from|to|range|lead)\}/g;

/** `{lead}` without a featured story is the first story's headline: a subject never says "{lead}" or nothing. */
export function fillTitle(template: string, window: DateWindow, settings: Omit<IssueSettings, 'titleTemplate'>): string {
  const values: Record<string, string> = {
    name: settings.name,
    number: String(settings.number),
    from: window.from,
    to: window.to,
    range: formatDateRange(window.from, window.to),
    lead: settings.lead ?? '',
  };
  return template.replace(TITLE_PLACEHOLDER, (_, key: string) => values[key] ?? '').replace(/\s+/g, ' ').trim();
}

export function issueInfo(window: DateWindow, settings: IssueSettings): IssueInfo {
  return {
    title: fillTitle(settings.titleTemplate, window, settings),
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

/** How long a preview line inbox apps show at most; longer ones are cut by the app anyway. */
const PREHEADER_LENGTH = 140;

/**
 * The inbox preview line when `_intro.md` sets none: the issue's headlines in the order the
 * email shows them, leaving out one the subject already says, as many whole ones as fit, then
 * how many more. Never a sentence of the body: the preview line would repeat what opens it.
 */
export function defaultPreheader(headlines: readonly string[], subject: string): string {
  const titles = headlines.filter((title) => !subject.includes(title));
  let line = '';
  for (const [index, title] of titles.entries()) {
    const next = line ? `${line} · ${title}` : title;
    const left = titles.length - index - 1;
    if (line && `${next}${left > 0 ? ` · and ${left} more` : ''}`.length > PREHEADER_LENGTH) return `${line} · and ${left + 1} more`;
    line = next;
  }
  return line.length > PREHEADER_LENGTH ? `${line.slice(0, PREHEADER_LENGTH - 1).replace(/\s+\S*$/, '')}…` : line;
}
