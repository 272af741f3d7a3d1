import { readFile } from 'node:fs/promises';
import { PACKAGE_ROOT } from '../../package-root.js';

/** The page's script (page/browser/preview.ts) as tsconfig.browser.json compiles it for the browser. */
const COMPILED_SCRIPT = new URL('dist/browser/preview.js', PACKAGE_ROOT);

/**
 * The script served as `/assets/preview.js`, read when asked for, so a preview started from the
 * sources serves the script `npm run build` last compiled.
 */
export async function previewScript(): Promise<string> {
  try {
    return await readFile(COMPILED_SCRIPT, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(`the preview page's script is not compiled (${COMPILED_SCRIPT.pathname}): run npm run build`);
  }
}
