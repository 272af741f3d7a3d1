import path from 'node:path';
import { configSchema, loadConfig, type GazetteConfig, type LoadedConfig } from '../config.js';
import { GazetteError } from '../diagnostics/diagnostic.js';
import { storeLocation, type StoreLocation } from '../store/store-location.js';
import type { Diagnostic } from '../types.js';
import { unsubscribeSecret } from '../unsubscribe/endpoint.js';

/** What a command is told about where things are; every field is optional. */
export interface WorkspaceOptions {
  /** Workspace folder; the other options' relative paths are resolved from it. Default: the current folder. */
  root?: string;
  /** Config file, instead of `gazette.config.{json,yaml,yml}` in the workspace. */
  config?: string;
  /** Instead of the config's `articles`. */
  articles?: string;
  /** Instead of the config's `templates`. */
  templates?: string;
  /** Instead of the config's `out`. */
  out?: string;
  /** Instead of the config's `site`. */
  site?: string;
  /**
   * Instead of GAZETTE_STORE and the config's `store`: a SQLite file, or a PostgreSQL URL (named
   * apart from `send`'s `store`, the choice of recipients).
   */
  storeLocation?: string;
  /** Environment the unsubscribe secret (and `send`'s GAZETTE_SMTP_URL) is read from. Default: the process's. */
  env?: NodeJS.ProcessEnv;
}

/** The unsubscribe secret, or why there is none: `send` refuses then, build and check sign their sample with a stand-in. */
export type WorkspaceSecret = { ok: true; value: string } | { ok: false; problems: Diagnostic[] };

/** Everything a command needs to know about the workspace, every path absolute. */
export interface Workspace {
  root: string;
  config: GazetteConfig;
  /** The config file, or null when defaults are used. */
  configFile: string | null;
  /** The folder the config's own relative paths are resolved from: the config file's, or the workspace. */
  configRoot: string;
  /** Warnings about the config: unknown fields, an encoding other than UTF-8. */
  configDiagnostics: Diagnostic[];
  articlesDir: string;
  templatesDir: string;
  /** The output root: each issue is written to `<outDir>/<slug>/`. */
  outDir: string;
  /** The published site: `<siteDir>/<slug>/index.html`, the archive and the feeds. */
  siteDir: string;
  /** The store (subscribers, suppressions, sign-up attempts; send ledgers and bounces in SQLite only, so far). */
  store: StoreLocation;
  /** The DKIM private key the config names, or null. */
  dkimKeyFile: string | null;
  secret: WorkspaceSecret;
  env: NodeJS.ProcessEnv;
}

/**
 * Loads the config and resolves every place once: options (flags) relative to the workspace
 * folder, the config's fields relative to the config's folder. Throws the config's errors.
 */
export async function resolveWorkspace(options: WorkspaceOptions = {}): Promise<Workspace> {
  const root = path.resolve(options.root ?? '.');
  const loaded = await loadConfig(root, explicitConfig(root, options));
  return workspaceOf(loaded, root, options);
}

/**
 * The workspace as it would be with a default config: where a config that does not validate
 * would leave things, so the preview can keep watching them until it is fixed.
 */
export function defaultWorkspace(options: WorkspaceOptions = {}): Workspace {
  const root = path.resolve(options.root ?? '.');
  const file = explicitConfig(root, options) ?? null;
  const loaded: LoadedConfig = { config: configSchema.parse({}), root: file ? path.dirname(file) : root, file, diagnostics: [] };
  return workspaceOf(loaded, root, options);
}

function explicitConfig(root: string, options: WorkspaceOptions): string | undefined {
  return options.config === undefined ? undefined : path.resolve(root, options.config);
}

function workspaceOf(loaded: LoadedConfig, root: string, options: WorkspaceOptions): Workspace {
  const { config } = loaded;
  const env = options.env ?? process.env;
  const place = (flag: string | undefined, configured: string) => (flag ? path.resolve(root, flag) : path.resolve(loaded.root, configured));
  return {
    root,
    config,
    configFile: loaded.file,
    configRoot: loaded.root,
    configDiagnostics: loaded.diagnostics,
    articlesDir: place(options.articles, config.articles),
    templatesDir: place(options.templates, config.templates),
    outDir: place(options.out, config.out),
    siteDir: place(options.site, config.site),
    // GAZETTE_STORE lets several machines point one config at a shared database, its password kept out of the file.
    store: options.storeLocation || env.GAZETTE_STORE ? storeLocation(options.storeLocation || env.GAZETTE_STORE!, root) : storeLocation(config.store, loaded.root),
    dkimKeyFile: config.dkim ? path.resolve(loaded.root, config.dkim.key_file) : null,
    secret: resolveSecret(config, env),
    env,
  };
}

function resolveSecret(config: GazetteConfig, env: NodeJS.ProcessEnv): WorkspaceSecret {
  try {
    return { ok: true, value: unsubscribeSecret(config, env) };
  } catch (error) {
    if (error instanceof GazetteError) return { ok: false, problems: error.diagnostics };
    throw error;
  }
}
