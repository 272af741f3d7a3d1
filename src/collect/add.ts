import { mkdir } from 'node:fs/promises';
import { parseHTML } from 'linkedom';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';
import { dateProblem } from '../load/front-matter.js';
import { fileErrorReason } from '../load/file-error.js';
import { markdownToText } from '../load/markdown.js';
import { countWords } from '../load/words.js';
import { summarizeText } from '../summarize/index.js';
import type { Diagnostic } from '../types.js';
import { articlesByUrl, removeAbandonedTemporaries, urlIdentity, writeArticleFile, type CollectedArticle } from './article-file.js';
import { parseFeed, type FeedItem } from './feed.js';
import type { Fetcher } from './fetcher.js';
import { pageMetadata } from './page-metadata.js';
import { htmlToMarkdown, MIN_ARTICLE_WORDS, readableArticle } from './readable-article.js';

export interface AddOptions {
  articlesDir: string;
  fetcher: Fetcher;
  /** Today, `YYYY-MM-DD`: the date of an article whose page gives none. */
  today: string;
  /** The date every added article gets, instead of its page's. */
  date?: string;
  tags?: readonly string[];
  draft?: boolean;
  /** Replace an article already collected from the same URL, instead of skipping it. */
  force?: boolean;
  /** Pages worked on at once (each host still gets one request at a time). */
  concurrency?: number;
}

export interface FeedAddOptions extends AddOptions {
  /** First day of the items kept, `YYYY-MM-DD`; items without a date are kept. */
  since?: string;
  /** The newest this many items only. */
  limit?: number;
}

export interface AddedArticle {
  status: 'added';
  url: string;
  file: string;
  /** Whether it replaced an article collected before from the same URL. */
  replaced: boolean;
  title: string;
  date: string;
  source: string | null;
  author: string | null;
  image: string | null;
  imageAlt: string | null;
  wordCount: number;
  keyPoints: string[];
  /** Warnings about the written article (an image without alt text). */
  diagnostics: Diagnostic[];
}

export type AddResult = AddedArticle | { status: 'skipped'; url: string; file: string; diagnostics: Diagnostic[] } | { status: 'failed'; url: string; diagnostics: Diagnostic[] };

export interface AddReport {
  results: AddResult[];
  /** About the feed, when one was read. */
  feed?: { url: string; title: string | null; items: number; considered: number; unlinked: number };
  /** Problems with the feed itself: nothing was added from it. */
  diagnostics: Diagnostic[];
}

/** What one page (or feed item) becomes before it is written. */
type Draft = { article: CollectedArticle; wordCount: number } | { problem: Diagnostic };

/** Adds each page as an article. One URL's failure never stops the others. */
export async function addPages(urls: readonly string[], options: AddOptions): Promise<AddReport> {
  const run = await startRun(options);
  const results = await inPool(urls, options.concurrency ?? 4, (url) => {
    const withCredentials = credentialsRefused(url);
    return withCredentials ? Promise.resolve(withCredentials) : addOne(url, run, () => fetchPage(url, options));
  });
  return { results, diagnostics: [] };
}

/**
 * A URL with a user name or password is refused, and shown with them masked: pages behind a
 * login are not collected, and a password must never reach a terminal, a log or `--json`.
 */
function credentialsRefused(url: string): AddResult | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!parsed.username && !parsed.password) return null;
  parsed.username = parsed.username ? '***' : '';
  parsed.password = parsed.password ? '***' : '';
  const shown = parsed.href;
  return { status: 'failed', url: shown, diagnostics: [diagnostic('collect/invalid-url', 'carries a user name or password: pages behind a login cannot be collected', { file: shown })] };
}

/** Adds each item of a feed not collected yet: from its own full content when it carries it, else from its page. */
export async function addFeed(feedUrl: string, options: FeedAddOptions): Promise<AddReport> {
  const withCredentials = credentialsRefused(feedUrl);
  if (withCredentials) return { results: [], diagnostics: withCredentials.diagnostics };
  const fetched = await options.fetcher.fetchDocument(feedUrl, 'feed');
  if (!fetched.ok) return { results: [], diagnostics: [fetched.problem] };
  let { document } = fetched;
  if (document.kind === 'html') {
    // A site's home page names its feed: follow that once.
    const alternate = feedLink(document.text, document.url);
    const again = alternate ? await options.fetcher.fetchDocument(alternate, 'feed') : null;
    if (!again?.ok || again.document.kind === 'html') {
      return { results: [], diagnostics: [again && !again.ok ? again.problem : diagnostic('collect/not-feed', 'is a web page that names no feed', { file: feedUrl })] };
    }
    document = again.document;
  }
  const parsed = parseFeed(document.text, document.kind === 'json' ? 'json' : 'xml', document.url);
  if (!parsed.ok) return { results: [], diagnostics: [diagnostic('collect/not-feed', parsed.message, { file: feedUrl })] };
  const items = itemsToAdd(parsed.feed.items, options);
  const run = await startRun(options);
  const results = await inPool(items, options.concurrency ?? 4, (item) =>
    addOne(item.url, run, async () => {
      if (item.contentHtml) {
        const draft = fromFeedItem(item, parsed.feed.title, options);
        if (draft) return draft;
      }
      return fetchPage(item.url, options, item);
    }),
  );
  return { results, feed: { url: feedUrl, title: parsed.feed.title, items: parsed.feed.items.length, considered: items.length, unlinked: parsed.feed.unlinked }, diagnostics: [] };
}

/** The items within the window, newest first, at most `limit`. */
export function itemsToAdd(items: readonly FeedItem[], options: { since?: string; limit?: number }): FeedItem[] {
  const kept = items.filter((item) => !options.since || !item.published || item.published >= options.since);
  const newestFirst = kept
    .map((item, index) => ({ item, index }))
    .sort((a, b) => (b.item.published ?? '').localeCompare(a.item.published ?? '') || a.index - b.index)
    .map(({ item }) => item);
  return options.limit === undefined ? newestFirst : newestFirst.slice(0, options.limit);
}

/** `7d`, `2w` or a date → the first day of the window ending today, or null when the value is none of these. */
export function firstDaySince(value: string, today: string): string | null {
  // The one date rule: a day that exists (2024-02-30 is not one).
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return dateProblem(value) ? null : value;
  const match = /^(\d+)\s*([dw])$/i.exec(value.trim());
  if (!match) return null;
  const days = Number(match[1]) * (match[2]!.toLowerCase() === 'w' ? 7 : 1);
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - days);
  // Far enough back to leave the calendar (999999999d): every item is recent enough, from year 1.
  return Number.isNaN(day.getTime()) || day.getUTCFullYear() < 1 ? '0001-01-01' : day.toISOString().slice(0, 10);
}

interface Run {
  options: AddOptions;
  /** Articles in the folder by URL identity; claimed synchronously, so two URLs of one run never write one article twice. */
  byUrl: Map<string, string>;
  /** URL identities this run has taken on: asked for, or found as a page's canonical URL. */
  thisRun: Set<string>;
}

async function startRun(options: AddOptions): Promise<Run> {
  try {
    await mkdir(options.articlesDir, { recursive: true });
  } catch (error) {
    throw new GazetteError([diagnostic('collect/articles-folder', `cannot use the articles folder: ${fileErrorReason(error)}`, { file: options.articlesDir, field: 'articles' })]);
  }
  await removeAbandonedTemporaries(options.articlesDir, Date.now());
  return { options, byUrl: await articlesByUrl(options.articlesDir), thisRun: new Set() };
}

async function addOne(url: string, run: Run, draftOf: () => Promise<Draft>): Promise<AddResult> {
  const asked = urlIdentity(url);
  if (run.thisRun.has(asked)) return skipped(url, run.byUrl.get(asked) ?? '');
  run.thisRun.add(asked);
  const known = run.byUrl.get(asked);
  if (known && !run.options.force) return skipped(url, known);
  const draft = await draftOf();
  if ('problem' in draft) return { status: 'failed', url, diagnostics: [draft.problem] };
  const { article } = draft;
  // Checked and claimed with no await between, so two pages of this run with one canonical URL make one article.
  const canonical = urlIdentity(article.url);
  if (canonical !== asked && run.thisRun.has(canonical)) return skipped(url, run.byUrl.get(canonical) ?? '');
  run.thisRun.add(canonical);
  const found = run.byUrl.get(canonical) ?? known;
  if (found && !run.options.force) return skipped(url, found);
  let file: string;
  try {
    const written = await writeArticleFile(run.options.articlesDir, { ...article, aliases: [url, ...(article.aliases ?? [])] }, found);
    if (written.duplicate) return skipped(url, written.file);
    file = written.file;
  } catch (error) {
    return { status: 'failed', url, diagnostics: [diagnostic('collect/write', `cannot write the article: ${fileErrorReason(error as Error)}`, { file: run.options.articlesDir })] };
  }
  for (const identity of [asked, canonical]) run.byUrl.set(identity, file);
  const warnings =
    article.image && !article.imageAlt
      ? [
          diagnostic('collect/image-alt', `the lead image (${article.image}) has no alt text: it is written commented out; describe it in image_alt and uncomment both lines`, {
            file,
            field: 'image_alt',
          }),
        ]
      : [];
  const { keyPoints } = summarizeText(markdownToText(article.markdown), { title: article.title });
  return {
    status: 'added',
    url,
    file,
    replaced: Boolean(found),
    title: article.title,
    date: article.date,
    source: article.source,
    author: article.author,
    image: article.image,
    imageAlt: article.imageAlt,
    wordCount: draft.wordCount,
    keyPoints,
    diagnostics: warnings,
  };
}

function skipped(url: string, file: string): AddResult {
  return {
    status: 'skipped',
    url,
    file,
    diagnostics: [diagnostic('collect/duplicate', file ? `already holds ${url}; skipped` : `${url} was added earlier in this run; skipped`, file ? { file } : { file: url })],
  };
}

/** A page fetched and read; `item` lends its feed's title, date and author where the page has none. */
async function fetchPage(url: string, options: AddOptions, item?: FeedItem): Promise<Draft> {
  const fetched = await options.fetcher.fetchDocument(url, 'page');
  if (!fetched.ok) return { problem: fetched.problem };
  const pageUrl = fetched.document.url;
  const { document } = parseHTML(fetched.document.text);
  const meta = pageMetadata(document, pageUrl);
  const read = readableArticle(document, pageUrl, meta);
  if (!read.ok) return { problem: diagnostic(read.reason === 'paywalled' ? 'collect/paywalled' : 'collect/not-article', read.message, { file: url }) };
  const title = meta.title ?? item?.title;
  if (!title) return { problem: diagnostic('collect/not-article', 'has no title; not written', { file: url }) };
  return {
    article: {
      title,
      date: options.date ?? meta.published ?? item?.published ?? options.today,
      url: meta.canonical ?? pageUrl,
      aliases: [pageUrl],
      source: meta.siteName ?? siteOf(pageUrl),
      author: meta.author ?? item?.author ?? null,
      image: meta.image,
      imageAlt: meta.imageAlt,
      tags: [...(options.tags ?? [])],
      draft: options.draft ?? false,
      markdown: read.article.markdown,
    },
    wordCount: read.article.wordCount,
  };
}

/** A feed item's own content as the article, or null when it is too short to be more than a summary. */
function fromFeedItem(item: FeedItem, feedTitle: string | null, options: AddOptions): Draft | null {
  const { document } = parseHTML(`<!doctype html><html><body><article>${item.contentHtml}</article></body></html>`);
  const meta = pageMetadata(document, item.url);
  const markdown = htmlToMarkdown(item.contentHtml ?? '', item.url, meta);
  const wordCount = countWords(markdownToText(markdown));
  if (wordCount < MIN_ARTICLE_WORDS || !item.title) return null;
  return {
    article: {
      title: item.title,
      date: options.date ?? item.published ?? options.today,
      url: item.url,
      source: feedTitle ?? siteOf(item.url),
      author: item.author,
      image: meta.image,
      imageAlt: meta.imageAlt,
      tags: [...(options.tags ?? [])],
      draft: options.draft ?? false,
      markdown,
    },
    wordCount,
  };
}

/** `https://www.harbour-times.example/news/1` → `harbour-times.example` */
function siteOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

/** The feed a web page announces (`<link rel="alternate" type="application/rss+xml">`), absolute. */
function feedLink(html: string, pageUrl: string): string | null {
  const { document } = parseHTML(html);
  const link = document.querySelector('link[rel="alternate"][type="application/rss+xml"], link[rel="alternate"][type="application/atom+xml"], link[rel="alternate"][type="application/feed+json"]');
  const href = link?.getAttribute('href');
  try {
    return href ? new URL(href, pageUrl).href : null;
  } catch {
    return null;
  }
}

/** Runs `work` over the inputs, at most `limit` at once; results in the inputs' order. */
async function inPool<T, R>(inputs: readonly T[], limit: number, work: (input: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const index = next++;
      results[index] = await work(inputs[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, worker));
  return results;
}
