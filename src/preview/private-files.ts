import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { configSchema } from '../config.js';
import { storeLocation } from '../store/store-location.js';
import type { Workspace } from '../workspace/resolve.js';

const DEFAULT_STORE = configSchema.shape.store.parse(undefined);

/**
 * Kinds of file that hold secrets or people's addresses, refused by name wherever they are:
 * subscriber lists, private keys and certificates bundles, state databases (with their
 * journals), environment files. No preview page needs one.
 */
const PRIVATE_EXTENSIONS = new Set(['.csv', '.tsv', '.pem', '.key', '.p12', '.pfx', '.db', '.db-wal', '.db-shm', '.db-journal', '.sqlite', '.sqlite3', '.env']);
const CONFIG_NAME = /^gazette\.config\.[^/]*$/i;
/** SSH private keys carry no extension. */
const SSH_KEY_NAME = /^id_(rsa|dsa|ecdsa|ed25519)(_sk)?$/i;

/** Whether a file's name alone says it is private (whatever folder it is in). */
export function isPrivateName(file: string): boolean {
  const name = path.basename(file);
  return name.startsWith('.') || CONFIG_NAME.test(name) || SSH_KEY_NAME.test(name) || PRIVATE_EXTENSIONS.has(path.extname(name).toLowerCase());
}

/**
 * The files a workspace names as private whatever they are called: the config itself (it may
 * hold the SMTP password), the DKIM key and the state database with its journals.
 */
export function namedPrivateFiles(configFiles: readonly string[], { store, dkimKeyFile }: Pick<Workspace, 'store' | 'dkimKeyFile'>): string[] {
  const key = dkimKeyFile ? [dkimKeyFile] : [];
  const database = store.kind === 'sqlite' ? [store.file, `${store.file}-wal`, `${store.file}-shm`, `${store.file}-journal`] : [];
  return [...configFiles, ...key, ...database];
}

/**
 * What a config that does not validate still says about private files: a typo elsewhere in the
 * config must not make the preview serve the DKIM key it names. Read leniently, field by field.
 */
export async function privateFilesOfBrokenConfig(configFiles: readonly string[], configRoot: string): Promise<string[]> {
  for (const file of configFiles) {
    let value: unknown;
    try {
      value = parseYaml(await readFile(file, 'utf8'));
    } catch {
      continue;
    }
    const fields = (typeof value === 'object' && value !== null ? value : {}) as { store?: unknown; dkim?: { key_file?: unknown } | null };
    const store = typeof fields.store === 'string' && fields.store !== '' ? fields.store : DEFAULT_STORE;
    const key = typeof fields.dkim === 'object' && typeof fields.dkim?.key_file === 'string' ? path.resolve(configRoot, fields.dkim.key_file) : null;
    return namedPrivateFiles(configFiles, { store: storeLocation(store, configRoot), dkimKeyFile: key });
  }
  return namedPrivateFiles(configFiles, { store: storeLocation(DEFAULT_STORE, configRoot), dkimKeyFile: null });
}

/**
 * Whether a file about to be served (its real path, links followed) is private by name or is one
 * the workspace names. A hard link is the same file under another name and another folder, so
 * files are compared by device and inode, not only by path.
 */
export async function isPrivateFile(realFile: string, named: readonly string[]): Promise<boolean> {
  if (isPrivateName(realFile)) return true;
  const realNamed = await Promise.all(named.map((file) => realpath(file).catch(() => path.resolve(file))));
  if (realNamed.includes(realFile)) return true;
  const served = await stat(realFile).catch(() => null);
  if (!served) return false;
  const identities = await Promise.all(named.map((file) => stat(file).catch(() => null)));
  return identities.some((identity) => identity !== null && identity.dev === served.dev && identity.ino === served.ino);
}
