import path from 'node:path';
import { CONFIG_FILES } from '../config.js';
import { GazetteError } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../types.js';
import { defaultWorkspace, resolveWorkspace, type Workspace, type WorkspaceOptions } from '../workspace/resolve.js';
import { namedPrivateFiles, privateFilesOfBrokenConfig } from './private-files.js';

export interface PreviewSource extends WorkspaceOptions {
  /** Workspace folder. */
  root: string;
}

/** The folders and files whose changes the preview rebuilds for, and what it may serve. */
export interface WorkspacePaths {
  root: string;
  /** Config files to watch: the explicit one, or every name a config may have. */
  configFiles: string[];
  articles: string;
  templates: string;
  out: string;
  /** The published site (`site/<slug>/index.html`): the page links to the web edition there. */
  site: string;
  /** Files never served whatever their names: the config, the DKIM key, the state database. */
  privateFiles: string[];
}

/** The workspace as one version of the preview sees it: resolved, or why not, and where things are either way. */
export type PreviewWorkspace = { workspace: Workspace; problems: null; paths: WorkspacePaths } | { workspace: null; problems: Diagnostic[]; paths: WorkspacePaths };

/**
 * Resolves the workspace once for a version of the preview. A broken config still yields
 * paths (the defaults), so the preview keeps watching and notices when it is fixed.
 */
export async function previewWorkspace(source: PreviewSource): Promise<PreviewWorkspace> {
  const configFiles = source.config ? [path.resolve(source.root, source.config)] : CONFIG_FILES.map((name) => path.join(source.root, name));
  try {
    const workspace = await resolveWorkspace(source);
    return { workspace, problems: null, paths: pathsOf(workspace, configFiles, namedPrivateFiles(configFiles, workspace)) };
  } catch (error) {
    if (!(error instanceof GazetteError)) throw error;
    const fallback = defaultWorkspace(source);
    const privateFiles = await privateFilesOfBrokenConfig(configFiles, fallback.configRoot);
    return { workspace: null, problems: error.diagnostics, paths: pathsOf(fallback, configFiles, privateFiles) };
  }
}

function pathsOf(workspace: Workspace, configFiles: string[], privateFiles: string[]): WorkspacePaths {
  return { root: workspace.root, configFiles, privateFiles, articles: workspace.articlesDir, templates: workspace.templatesDir, out: workspace.outDir, site: workspace.siteDir };
}
