import { existsSync } from 'node:fs';

/** The package's folder, found from this file whether it runs from src/ or from dist/src/. */
function findPackageRoot(): URL {
  for (let dir = new URL('./', import.meta.url); dir.pathname !== '/'; dir = new URL('../', dir)) {
    if (existsSync(new URL('package.json', dir))) return dir;
  }
  throw new Error('gazette: cannot find its package.json');
}

/** The installed package's folder: its package.json, the default theme, the compiled preview script. */
export const PACKAGE_ROOT = findPackageRoot();
