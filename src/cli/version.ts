import { readFileSync } from 'node:fs';

const manifest = new URL('../../../package.json', import.meta.url);

export const VERSION: string = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;

/** The installed package's folder, where the default theme lives. */
export const PACKAGE_ROOT = new URL('../../../', import.meta.url);
