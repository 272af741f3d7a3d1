import { stat } from 'node:fs/promises';
import path from 'node:path';
import { readSavedCheck, type SavedCheck } from '../check/saved-check.js';
import { isIssueSlug } from '../issue/window.js';

/** The issue's web edition in the published site, where the page links to it, or where it would be. */
export interface WebEdition {
  /** `site/2024-W05/index.html`, relative to the workspace (the path `gazette build` writes). */
  file: string;
  /** The preview server's URL for it, or null when the site has no page for the issue yet. */
  url: string | null;
  /** When it was last published (the file's time). */
  publishedAt: string | null;
}

/** What `gazette check` saved for an issue the last time it checked it. */
export async function savedCheckOf(outDir: string, slug: string | null): Promise<SavedCheck | null> {
  return slug && isIssueSlug(slug) ? readSavedCheck(path.join(outDir, slug)) : null;
}

export async function webEditionOf(siteDir: string, root: string, slug: string | null): Promise<WebEdition | null> {
  if (!slug || !isIssueSlug(slug)) return null;
  const file = path.join(siteDir, slug, 'index.html');
  const info = await stat(file).catch(() => null);
  const relative = path.relative(root, file);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
  const published = info?.isFile() ?? false;
  return {
    file: shown,
    url: published ? `/site/${encodeURIComponent(slug)}/index.html` : null,
    publishedAt: published && info ? info.mtime.toISOString() : null,
  };
}
