import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { initWorkspace } from '../../workspace.js';
import { gazetteCommand } from '../invocation.js';
import { CLI_SCRIPT, PACKAGE_ROOT } from '../version.js';

export async function run(dir: string, flags: { json?: boolean }): Promise<number> {
  const target = path.resolve(dir);
  const result = await initWorkspace(target, fileURLToPath(new URL('templates', PACKAGE_ROOT)), new Date().toISOString().slice(0, 10));
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  for (const name of result.created) process.stdout.write(`Created ${path.join(path.relative(process.cwd(), target) || '.', name)}\n`);
  for (const name of result.skipped) process.stdout.write(`Kept existing ${name}\n`);
  const gazette = gazetteCommand({
    packageRoot: fileURLToPath(PACKAGE_ROOT),
    cliScript: fileURLToPath(CLI_SCRIPT),
    workspace: target,
    pathDirs: (process.env.PATH ?? '').split(path.delimiter).filter(Boolean),
  });
  process.stdout.write(`Next: cd ${path.relative(process.cwd(), target) || '.'} && ${gazette} build\n`);
  return 0;
}
