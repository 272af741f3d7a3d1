import path from 'node:path';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../types.js';
import type { Workspace } from '../workspace/resolve.js';

/** `inner` is `outer` or a folder somewhere under it. */
function within(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Why the site folder cannot be published to, or null. `site/` is the folder people upload, so it
 * must hold nothing private: never the private build folder (either inside the other), the
 * workspace itself (its config holds the secret), or the articles and templates it is made from.
 */
export function siteFolderProblem(workspace: Pick<Workspace, 'root' | 'configRoot' | 'siteDir' | 'outDir' | 'articlesDir' | 'templatesDir' | 'configFile'>): Diagnostic | null {
  const { siteDir, outDir } = workspace;
  const clash = (why: string) => diagnostic('site/folder', `the site folder ${why}: everything in it is meant to be uploaded, so nothing was built`, { file: siteDir, field: 'site' });
  if (within(siteDir, outDir) || within(outDir, siteDir)) return clash('and the private out folder are the same or one holds the other');
  for (const folder of new Set([workspace.root, workspace.configRoot])) if (within(folder, siteDir)) return clash('holds the workspace, its config and its secret');
  if (within(siteDir, workspace.articlesDir) || within(workspace.articlesDir, siteDir)) return clash('and the articles folder overlap');
  if (within(siteDir, workspace.templatesDir) || within(workspace.templatesDir, siteDir)) return clash('and the templates folder overlap');
  return null;
}
