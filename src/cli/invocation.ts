import { accessSync, constants, realpathSync } from 'node:fs';
import path from 'node:path';

/** Where this Gazette lives and what the shell around the workspace can reach. */
export interface Installation {
  /** The package folder (a clone, `node_modules/gazette`, or a global install). */
  packageRoot: string;
  /** The CLI script the `gazette` bin points to. */
  cliScript: string;
  /** The folder the command will be typed in. */
  workspace: string;
  /** The folders of PATH. */
  pathDirs: string[];
}

function realpathOrNull(file: string): string | null {
  try {
    return realpathSync(file);
  } catch {
    return null;
  }
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const isInside = (dir: string, file: string) => {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

/** `word` as one shell word: quoted when it holds anything but plain path characters. */
export const shellWord = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/**
 * The command that runs this Gazette from the workspace. `npx gazette` only where npx finds it
 * locally (a `node_modules/.bin/gazette` above the workspace, or the workspace inside the clone):
 * anywhere else npx would ask the registry for a package called gazette, which is not this one.
 * Then `gazette` when this same program is on PATH (`npm install -g`, `npm link`), and otherwise
 * node with the script's full path, which works from any folder.
 */
export function gazetteCommand(installation: Installation): string {
  const cli = realpathOrNull(installation.cliScript) ?? installation.cliScript;
  const workspace = path.resolve(installation.workspace);
  if (isInside(realpathOrNull(installation.packageRoot) ?? installation.packageRoot, realpathOrNull(workspace) ?? workspace)) return 'npx gazette';
  for (let dir = workspace; ; dir = path.dirname(dir)) {
    const localBin = path.join(dir, 'node_modules', '.bin', 'gazette');
    if (realpathOrNull(localBin) === cli) return 'npx gazette';
    if (path.dirname(dir) === dir) break;
  }
  const onPath = installation.pathDirs.map((dir) => path.join(dir, 'gazette')).find((file) => isExecutable(file));
  if (onPath && realpathOrNull(onPath) === cli) return 'gazette';
  return `node ${shellWord(cli)}`;
}
