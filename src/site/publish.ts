import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { replaceDirectory, writeFileAtomic } from '../output/atomic.js';
import { isFile } from '../system/is-file.js';
import type { Digest } from '../types.js';
import { archivePage } from './archive-page.js';
import { feedPlace, siteFeeds, type FeedIssue } from './feeds.js';
import { issueEntry, manifestJson, readManifest, withIssue, type SiteIssue, type SiteManifest } from './manifest.js';
import { SITE_FILES, type SiteUrls } from './urls.js';
import { pageBody } from './web-edition.js';

export interface SiteSettings {
  siteDir: string;
  /** The newsletter's name: the archive's heading and the feeds' title. */
  name: string;
  /** The language of the pages, as the theme's `<html lang>` gives it. */
  language: string;
  urls: SiteUrls;
}

export interface PublishedSite {
  dir: string;
  /** The issue's own folder, `site/<slug>/`. */
  issueDir: string;
  /** Every issue the archive and the feeds now list, newest first. */
  issues: SiteIssue[];
  /** The files written or rewritten, relative to the site folder. */
  files: string[];
}

/**
 * Publishes one issue's web edition and brings the archive, the feeds and the manifest up to
 * date. The caller holds the site lock (`withSiteLock`): the manifest is read, changed and
 * written back with nobody else between. Every file is replaced whole (the issue's folder by a
 * directory swap, the others by renaming a finished file over the old one), so a reader or an
 * upload never sees half a page.
 */
export async function publishIssue(digest: Digest, webHtml: string, site: SiteSettings, now: Date): Promise<PublishedSite> {
  const previous = await readManifest(site.siteDir);
  const issueDir = path.join(site.siteDir, digest.issue.slug);
  const manifest = withIssue(previous, issueEntry(digest, previous, now));
  // The manifest first: it holds the issue's number, and the rest can always be made again from
  // it. A build stopped after it leaves an issue listed without its page, which the indexes skip;
  // never a published page without its number.
  await writeFileAtomic(path.join(site.siteDir, SITE_FILES.manifest), manifestJson(manifest));
  await replaceDirectory(issueDir, { [SITE_FILES.issuePage]: webHtml });
  const listed = await writeIndexes(manifest, site);
  return { dir: site.siteDir, issueDir, issues: listed.issues, files: [`${digest.issue.slug}/${SITE_FILES.issuePage}`, SITE_FILES.manifest, ...listed.files] };
}

/**
 * How many issues the feeds carry, newest first: a reader subscribing learns of the issues to
 * come and sees the recent ones; the archive page lists them all. Each entry holds a whole issue,
 * so a feed of every issue would grow by an issue a week, for ever, and be fetched whole by every
 * reader's feed reader on every poll.
 */
export const FEED_ISSUES = 20;

/**
 * Writes the archive page and the feeds from the manifest. They list the issues whose web
 * edition is in the folder: one deleted by hand drops out of them, yet keeps its number in the
 * manifest, so a number is never given twice.
 */
export async function writeIndexes(manifest: SiteManifest, site: SiteSettings): Promise<{ issues: SiteIssue[]; files: string[] }> {
  const pageOf = (issue: SiteIssue) => path.join(site.siteDir, issue.slug, SITE_FILES.issuePage);
  const listed = await Promise.all(manifest.issues.map(async (issue) => ((await isFile(pageOf(issue))) ? issue : null)));
  const issues = listed.filter((issue): issue is SiteIssue => issue !== null);
  // Only the newest issues are read whole: the feeds carry their content, the archive only lists.
  const present = await Promise.all(
    issues.slice(0, FEED_ISSUES).map(async (issue): Promise<FeedIssue> => ({ ...issue, content: pageBody(await readFile(pageOf(issue), 'utf8')) })),
  );
  await writeFileAtomic(path.join(site.siteDir, SITE_FILES.archive), archivePage(issues, site));
  const feedFiles = [SITE_FILES.atom, SITE_FILES.rss, SITE_FILES.json];
  const place = feedPlace(site.urls);
  if (!place) {
    // Feeds made when the config had a base_url would go on listing old issues: none is better.
    await Promise.all(feedFiles.map((file) => rm(path.join(site.siteDir, file), { force: true })));
    return { issues, files: [SITE_FILES.archive] };
  }
  const feeds = siteFeeds(present, { name: site.name, language: site.language, place });
  await writeFileAtomic(path.join(site.siteDir, SITE_FILES.atom), feeds.atom);
  await writeFileAtomic(path.join(site.siteDir, SITE_FILES.rss), feeds.rss);
  await writeFileAtomic(path.join(site.siteDir, SITE_FILES.json), feeds.json);
  return { issues, files: [SITE_FILES.archive, ...feedFiles] };
}
