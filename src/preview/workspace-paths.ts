import path from 'node:path';
import { CONFIG_FILES, configSchema, loadConfig, type GazetteConfig } from '../config.js';
import { GazetteError } from '../diagnostics.js';

export interface PreviewSource {
  /** Workspace folder. */
  root: string;
  /** Explicit config file (`--config`), otherwise the usual names in `root`. */
  config?: string;
  articles?: string;
  templates?: string;
  out?: string;
}

/** The folders and files whose changes the preview rebuilds for, and what it may serve. */
export interface WorkspacePaths {
  root: string;
  /** Config files to watch: the explicit one, or every name a config may have. */
  configFiles: string[];
  articles: string;
  templates: string;
  out: string;
}

/**
 * Where things are, as `build` would resolve them. A broken config still yields paths
 * (the defaults), so the preview keeps watching and notices when it is fixed.
 */
export async function workspacePaths(source: PreviewSource): Promise<WorkspacePaths> {
  const root = path.resolve(source.root);
  let config: GazetteConfig = configSchema.parse({});
  let configRoot = root;
  try {
    ({ config, root: configRoot } = await loadConfig(root, source.config));
  } catch (error) {
    if (!(error instanceof GazetteError)) throw error;
  }
  const resolve = (value: string | undefined, fallback: string) => (value ? path.resolve(root, value) : path.resolve(configRoot, fallback));
  return {
    root,
    configFiles: source.config ? [path.resolve(root, source.config)] : CONFIG_FILES.map((name) => path.join(root, name)),
    articles: resolve(source.articles, config.articles),
    templates: resolve(source.templates, config.templates),
    out: resolve(source.out, config.out),
  };
}
