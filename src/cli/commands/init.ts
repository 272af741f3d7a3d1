import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../../package-root.js';
import { localDate } from '../../issue/calendar.js';
import { initWorkspace } from '../../workspace/init.js';
import { gazetteCommand, shellWord } from '../invocation.js';
import { shownPath } from '../terminal.js';
import { CLI_SCRIPT } from '../version.js';

export async function run(dir: string, flags: { json?: boolean }): Promise<number> {
  const target = path.resolve(dir);
  const result = await initWorkspace(target, fileURLToPath(new URL('templates', PACKAGE_ROOT)), localDate(new Date()));
  const shownDir = shownPath(target);
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ ...result, dir: shownDir }, null, 2)}\n`);
    return 0;
  }
  for (const name of result.created) process.stdout.write(`Created ${path.join(shownDir, name)}\n`);
  for (const name of result.skipped) process.stdout.write(`Kept existing ${name}\n`);
  const gazette = gazetteCommand({
    packageRoot: fileURLToPath(PACKAGE_ROOT),
    cliScript: fileURLToPath(CLI_SCRIPT),
    workspace: target,
    pathDirs: (process.env.PATH ?? '').split(path.delimiter).filter(Boolean),
  });
  // `cd .` is no step: a workspace made where the user stands is built from there.
  const build = `${gazette} build`;
  process.stdout.write(`Next: ${target === process.cwd() ? build : `cd ${shellWord(shownDir)} && ${build}`}\n`);
  return 0;
}
