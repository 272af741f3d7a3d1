import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../../package-root.js';
import { initWorkspace } from '../../workspace/init.js';
import { shownPath } from '../terminal.js';

export async function run(dir: string, flags: { json?: boolean }): Promise<number> {
  const target = path.resolve(dir);
  const result = await initWorkspace(target, fileURLToPath(new URL('templates', PACKAGE_ROOT)), new Date().toISOString().slice(0, 10));
  const shownDir = shownPath(target);
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ ...result, dir: shownDir }, null, 2)}\n`);
    return 0;
  }
  for (const name of result.created) process.stdout.write(`Created ${path.join(shownDir, name)}\n`);
  for (const name of result.skipped) process.stdout.write(`Kept existing ${name}\n`);
  process.stdout.write(`Next: cd ${shownDir} && npx gazette build\n`);
  return 0;
}
