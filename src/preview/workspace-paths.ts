import path from 'node:path';
import { CONFIG_FILES, configSchema, loadConfig, type GazetteConfig } from '../config.js';
import { GazetteError } from '../diagnostics/diagnostic.js';
import { namedPrivateFiles, privateFilesOfBrokenConfig } from './private-files.js';

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
  /** Files never served whatever their names: the config, the DKIM key, the state database. */
  privateFiles: string[];
}

/**
 * Where things are, as `build` would resolve them. A broken config still yields paths
 * (the defaults), so the preview keeps watching and notices when it is fixed.
 */
export async function workspacePaths(source: PreviewSource): Promise<WorkspacePaths> {
  const root = path.resolve(source.root);
  const configFiles = source.config ? [path.resolve(root, source.config)] : CONFIG_FILES.map((name) => path.join(root, name));
  let config: GazetteConfig = configSchema.parse({});
  let configRoot = source.config ? path.dirname(configFiles[0] ?? root) : root;
  let privateFiles: string[];
  try {
    ({ config, root: configRoot } = await loadConfig(root, source.config));
    privateFiles = namedPrivateFiles(configFiles, configRoot, config);
  } catch (error) {
    if (!(error instanceof GazetteError)) throw error;
    privateFiles = await privateFilesOfBrokenConfig(configFiles, configRoot);
  }
  const resolve = (value: string | undefined, fallback: string) => (value ? path.resolve(root, value) : path.resolve(configRoot, fallback));
  return {
    root,
    configFiles,
    privateFiles,
    articles: resolve(source.articles, config.articles),
    templates: resolve(source.templates, config.templates),
    out: resolve(source.out, config.out),
  };
}
