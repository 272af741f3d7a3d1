import { existsSync, readFileSync } from 'node:fs';

/** The package's folder, found from this file whether it runs from src/ or from dist/src/. */
function findPackageRoot(): URL {
  for (let dir = new URL('./', import.meta.url); dir.pathname !== '/'; dir = new URL('../', dir)) {
    if (existsSync(new URL('package.json', dir))) return dir;
  }
  throw new Error('gazette: cannot find its package.json');
}

/** The installed package's folder, where the default theme lives. */
export const PACKAGE_ROOT = findPackageRoot();

const manifest = JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as { version: string; bin: { gazette: string } };

export const VERSION: string = manifest.version;

/** The script the `gazette` bin runs, as a file URL. */
export const CLI_SCRIPT = new URL(manifest.bin.gazette, PACKAGE_ROOT);
