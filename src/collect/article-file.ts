import { link, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isArticleFile } from '../load/articles.js';
import { readTextFile } from '../load/text-file.js';
import { writeFileAtomic } from '../output/atomic.js';
import { isProcessRunning } from '../system/running-process.js';
import { slugify } from '../workspace/init.js';

/** An article collected from the web, ready to be written as a Markdown file with front matter. */
export interface CollectedArticle {
  title: string;
  date: string;
  /** The canonical URL: what makes a second collection of the same article a duplicate. */
  url: string;
  source: string | null;
  author: string | null;
  image: string | null;
  /** Null when the page gave the image no alt text: the image is then written for the editor to finish. */
  imageAlt: string | null;
  tags: string[];
  draft: boolean;
  markdown: string;
  /** Other addresses it was fetched at (the one asked for, the end of its redirects), kept so a later run skips them without a request. */
  aliases?: readonly string[];
}

/**
 * The file's text. Every string is written as a JSON string, which is a YAML double-quoted
 * scalar: colons, quotes, `{{ }}` and `#` in a title stay text. An image without alt text is
 * written commented out, since an article with an image needs its alt text to load: the
 * editor describes it and removes the two `#`.
 */
export function articleFileText(article: CollectedArticle): string {
  const lines = ['---', `title: ${JSON.stringify(article.title)}`, `date: ${article.date}`, `url: ${JSON.stringify(article.url)}`];
  if (article.source) lines.push(`source: ${JSON.stringify(article.source)}`);
  if (article.author) lines.push(`author: ${JSON.stringify(article.author)}`);
  if (article.image && article.imageAlt) lines.push(`image: ${JSON.stringify(article.image)}`, `image_alt: ${JSON.stringify(article.imageAlt)}`);
  else if (article.image) lines.push(`# image: ${JSON.stringify(article.image)}`, '# image_alt: "describe the image here, then remove the # of both lines"');
  if (article.tags.length > 0) lines.push(`tags: [${article.tags.map((tag) => JSON.stringify(tag)).join(', ')}]`);
  if (article.draft) lines.push('draft: true');
  const aliases = [...new Set((article.aliases ?? []).filter((alias) => urlIdentity(alias) !== urlIdentity(article.url)))];
  for (const alias of aliases) lines.push(`${ALIAS_COMMENT}${alias}`);
  lines.push('---', '', article.markdown.trim(), '');
  return lines.join('\n');
}

/** A YAML comment, so the loader ignores it: the addresses an article was also fetched at. */
const ALIAS_COMMENT = '# fetched from: ';

/** `2024-03-04-the-harbour-budget-explained.md` */
export function articleFileName(date: string, title: string, attempt = 1): string {
  return `${date}-${slugify(title)}${attempt > 1 ? `-${attempt}` : ''}.md`;
}

const TRACKING_PARAMETER = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ref_src)$/i;

/**
 * One article, however its address is written: scheme, fragment, tracking parameters and a
 * trailing slash do not make another article. Used only to compare, never written.
 */
export function urlIdentity(value: string): string {
  try {
    const url = new URL(value);
    for (const name of [...url.searchParams.keys()]) if (TRACKING_PARAMETER.test(name)) url.searchParams.delete(name);
    const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    return `${url.host}${pathname}${url.search}`;
  } catch {
    return value;
  }
}

/** The articles already in the folder, by the identity of their `url`: what makes `add` idempotent. */
export async function articlesByUrl(articlesDir: string): Promise<Map<string, string>> {
  const byUrl = new Map<string, string>();
  const names = await readdir(articlesDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  for (const name of names.filter(isArticleFile).sort()) {
    const file = path.join(articlesDir, name);
    for (const url of await frontMatterUrls(file)) if (!byUrl.has(urlIdentity(url))) byUrl.set(urlIdentity(url), file);
  }
  return byUrl;
}

/**
 * The `url` field of an article's front matter and the addresses it was also fetched at, read
 * leniently: an article the build rejects still names its source.
 */
async function frontMatterUrls(file: string): Promise<string[]> {
  let block: string | undefined;
  try {
    block = /^\uFEFF?---\n([\s\S]*?)\n---/.exec((await readTextFile(file)).text)?.[1];
  } catch {
    return [];
  }
  if (block === undefined) return [];
  const urls = block
    .split('\n')
    .filter((line) => line.startsWith(ALIAS_COMMENT))
    .map((line) => line.slice(ALIAS_COMMENT.length).trim());
  try {
    const data: unknown = parseYaml(block);
    const url = data && typeof data === 'object' ? (data as Record<string, unknown>).url : null;
    if (typeof url === 'string') urls.unshift(url);
  } catch {
    // Invalid YAML: the build reports it; the aliases still count.
  }
  return urls;
}

/**
 * Writes the article and returns its file. A new article never replaces a file: its text is
 * written to a temporary sibling and hard-linked into place, which fails if the name is taken
 * (then `-2`, `-3`… is tried). `replace` names the file a forced collection replaces, atomically.
 * Either way, nothing half-written is ever under an article's name.
 */
export async function writeArticleFile(articlesDir: string, article: CollectedArticle, replace?: string): Promise<{ file: string; duplicate: boolean }> {
  const text = articleFileText(article);
  if (replace) {
    await writeFileAtomic(replace, text);
    return { file: replace, duplicate: false };
  }
  const identities = new Set([article.url, ...(article.aliases ?? [])].map(urlIdentity));
  const temporary = path.join(articlesDir, `.${articleFileName(article.date, article.title)}.${process.pid}-${Date.now().toString(36)}.tmp`);
  // Named after the writing process, so a later run can tell one left by a killed run (removeAbandonedTemporaries).
  await writeFile(temporary, text, { flag: 'wx' });
  try {
    for (let attempt = 1; ; attempt++) {
      const file = path.join(articlesDir, articleFileName(article.date, article.title, attempt));
      try {
        await link(temporary, file);
        return { file, duplicate: false };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 50) throw error;
      }
      // Another `gazette add` running at the same time may have just written this very article
      // (its index was read before): the name it took says so, and nothing is written twice.
      if ((await frontMatterUrls(file)).some((url) => identities.has(urlIdentity(url)))) return { file, duplicate: true };
    }
  } finally {
    await rm(temporary, { force: true });
  }
}

/** `.2024-03-04-title.md.12345-lq3x9a.tmp`: the temporary file of `writeArticleFile`, with the pid that wrote it. */
const TEMPORARY_NAME = /^\..+\.(\d+)-[0-9a-z]+\.tmp$/;
/** Old enough that no run still writing it (on this machine or another sharing the folder) is that slow. */
const ABANDONED_AFTER_MS = 10 * 60 * 1000;

/**
 * Removes the temporary files of runs that were killed between writing an article and linking it
 * into place (kill -9, a power cut): hidden, and ignored by the build, but clutter all the same.
 * Only files whose writing process is gone and that are ten minutes old are removed.
 */
export async function removeAbandonedTemporaries(articlesDir: string, now: number): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(articlesDir)) {
    const pid = TEMPORARY_NAME.exec(name)?.[1];
    if (pid === undefined || isProcessRunning(Number(pid))) continue;
    const file = path.join(articlesDir, name);
    const found = await stat(file).catch(() => null);
    if (!found?.isFile() || now - found.mtimeMs < ABANDONED_AFTER_MS) continue;
    await rm(file, { force: true });
    removed.push(file);
  }
  return removed;
}
