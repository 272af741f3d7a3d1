import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';
import { isIssueSlug } from '../issue/window.js';
import { fileErrorReason } from '../load/file-error.js';
import { isFile } from '../system/is-file.js';
import type { Digest } from '../types.js';
import { SITE_FILES } from './urls.js';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const entrySchema = z.object({
  slug: z.string().refine(isIssueSlug, 'not an issue name like 2024-W05'),
  /** Given the first time the issue is published, and kept by every rebuild. */
  number: z.number().int().positive(),
  title: z.string(),
  from: isoDay,
  to: isoDay,
  /** The headline of the issue's first story. */
  lead: z.string(),
  articles: z.number().int().nonnegative(),
  /** When the issue was first published, and last rebuilt. */
  published: z.iso.datetime(),
  updated: z.iso.datetime(),
});

const manifestSchema = z.object({
  version: z.literal(1),
  issues: z.array(entrySchema),
});

/** One issue of the site, as the archive page and the feeds list it. */
export type SiteIssue = z.infer<typeof entrySchema>;

/**
 * `site/issues.json`: every issue ever published to the site, newest first. The archive page
 * and the feeds are made from it, and it keeps each issue's number, so it is the one file of
 * the site that cannot be made again from the others.
 */
export interface SiteManifest {
  version: 1;
  issues: SiteIssue[];
}

export const EMPTY_MANIFEST: SiteManifest = { version: 1, issues: [] };

/** The site's manifest; an empty one when the site has none yet. */
export async function readManifest(siteDir: string): Promise<SiteManifest> {
  const file = path.join(siteDir, SITE_FILES.manifest);
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyUnlessPublished(siteDir, file);
    throw new GazetteError([diagnostic('site/bad-manifest', `cannot read the site's manifest: ${fileErrorReason(error)}`, { file })]);
  }
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    throw new GazetteError([diagnostic('site/bad-manifest', 'not valid JSON', { file })]);
  }
  const parsed = manifestSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new GazetteError([diagnostic('site/bad-manifest', issue.message, { file, field: issue.path.map(String).join('.') || undefined })]);
  }
  const slugs = parsed.data.issues.map((entry) => entry.slug);
  const repeated = slugs.find((slug, index) => slugs.indexOf(slug) !== index);
  if (repeated) throw new GazetteError([diagnostic('site/bad-manifest', `issue ${repeated} is listed twice`, { file })]);
  const numbers = parsed.data.issues.map((entry) => entry.number);
  const reused = numbers.findIndex((number, index) => numbers.indexOf(number) !== index);
  if (reused !== -1) {
    const first = parsed.data.issues[numbers.indexOf(numbers[reused]!)]!;
    throw new GazetteError([
      diagnostic('site/bad-manifest', `number ${numbers[reused]} is given to both ${first.slug} and ${parsed.data.issues[reused]!.slug}`, { file, field: `issues.${reused}.number` }),
    ]);
  }
  return { version: 1, issues: sortedNewestFirst(parsed.data.issues) };
}

/**
 * No manifest: a new site, unless issues were published to it already. Then the manifest was
 * deleted or not uploaded back, and numbering afresh would give their numbers again.
 */
async function emptyUnlessPublished(siteDir: string, file: string): Promise<SiteManifest> {
  const entries = await readdir(siteDir, { withFileTypes: true }).catch(() => []);
  const published: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || !isIssueSlug(entry.name)) continue;
    if (await isFile(path.join(siteDir, entry.name, SITE_FILES.issuePage))) published.push(entry.name);
  }
  if (published.length === 0) return EMPTY_MANIFEST;
  published.sort();
  const named = published.length > 3 ? `${published.slice(0, 3).join(', ')} and ${published.length - 3} more` : published.join(', ');
  throw new GazetteError([
    diagnostic('site/lost-manifest', `is missing, yet the site holds ${published.length} published issue${published.length === 1 ? '' : 's'} (${named}): numbering afresh would give their numbers again`, { file }),
  ]);
}

/**
 * The number an issue is published under. An issue keeps the number it was first given, so
 * rebuilding any week never renumbers anything. A new issue takes the next number after the
 * highest given so far, or the config's `issue_number` if that is higher (how a newsletter that
 * moves to Gazette at issue 40 starts there).
 */
export function issueNumberFor(manifest: SiteManifest, slug: string, configured: number): number {
  const known = manifest.issues.find((entry) => entry.slug === slug);
  if (known) return known.number;
  const highest = Math.max(0, ...manifest.issues.map((entry) => entry.number));
  return Math.max(configured, highest + 1);
}

/** The manifest's entry for a freshly built issue; a rebuild keeps the first publication date. */
export function issueEntry(digest: Digest, previous: SiteManifest, now: Date): SiteIssue {
  const { issue, articles } = digest;
  const known = previous.issues.find((entry) => entry.slug === issue.slug);
  return {
    slug: issue.slug,
    number: issue.number,
    title: issue.title,
    from: issue.from,
    to: issue.to,
    lead: articles[0]?.title ?? '',
    articles: articles.length,
    published: known?.published ?? now.toISOString(),
    updated: now.toISOString(),
  };
}

/** The manifest with `entry` added, or replacing the entry of the same issue. */
export function withIssue(manifest: SiteManifest, entry: SiteIssue): SiteManifest {
  return { version: 1, issues: sortedNewestFirst([...manifest.issues.filter((known) => known.slug !== entry.slug), entry]) };
}

export function manifestJson(manifest: SiteManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Newest first by the days an issue covers: a week built late for the archive still sorts by its week. */
function sortedNewestFirst(issues: readonly SiteIssue[]): SiteIssue[] {
  return [...issues].sort((a, b) => b.from.localeCompare(a.from) || b.to.localeCompare(a.to) || b.slug.localeCompare(a.slug));
}
