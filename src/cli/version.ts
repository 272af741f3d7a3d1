import { readFileSync } from 'node:fs';
import { PACKAGE_ROOT } from '../package-root.js';

const manifest = JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as { version: string; bin: { gazette: string } };

export const VERSION: string = manifest.version;

/** The script the `gazette` bin runs, as a file URL. */
export const CLI_SCRIPT = new URL(manifest.bin.gazette, PACKAGE_ROOT);
