import { chmod, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { gazetteCommand, type Installation } from '../src/cli/invocation.js';

/** A Gazette "installed" in a temporary folder: a package with its CLI script, and an empty workspace beside it. */
let root: string;
let installation: Installation;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'gazette-invocation-'));
  const packageRoot = path.join(root, 'gazette');
  const cliScript = path.join(packageRoot, 'dist', 'src', 'cli', 'main.js');
  await mkdir(path.dirname(cliScript), { recursive: true });
  await writeFile(cliScript, '#!/usr/bin/env node\n');
  await chmod(cliScript, 0o755);
  const workspace = path.join(root, 'projects', 'news');
  await mkdir(workspace, { recursive: true });
  installation = { packageRoot, cliScript, workspace, pathDirs: [] };
});

async function binLink(dir: string, target: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await symlink(target, path.join(dir, 'gazette'));
}

describe('the command init tells the user to run', () => {
  it('is node with the full script path when nothing else would find this Gazette', () => {
    expect(gazetteCommand(installation)).toBe(`node ${installation.cliScript}`);
  });

  it('is npx gazette when a node_modules above the workspace has it (npm install /path/to/gazette)', async () => {
    await binLink(path.join(root, 'projects', 'node_modules', '.bin'), installation.cliScript);
    expect(gazetteCommand(installation)).toBe('npx gazette');
  });

  it('is npx gazette inside the clone itself', () => {
    expect(gazetteCommand({ ...installation, workspace: path.join(installation.packageRoot, 'news') })).toBe('npx gazette');
  });

  it('is gazette when this same program is on PATH (npm install -g, npm link)', async () => {
    const bin = path.join(root, 'global', 'bin');
    await binLink(bin, installation.cliScript);
    expect(gazetteCommand({ ...installation, pathDirs: ['/nonexistent', bin] })).toBe('gazette');
  });

  it('ignores another gazette on PATH or in node_modules, and quotes a path with spaces', async () => {
    const other = path.join(root, 'other gazette', 'main.js');
    await mkdir(path.dirname(other), { recursive: true });
    await writeFile(other, '');
    await chmod(other, 0o755);
    await binLink(path.join(root, 'bin'), other);
    await binLink(path.join(installation.workspace, 'node_modules', '.bin'), other);
    expect(gazetteCommand({ ...installation, pathDirs: [path.join(root, 'bin')] })).toBe(`node ${installation.cliScript}`);
    expect(gazetteCommand({ ...installation, cliScript: other, workspace: path.join(root, 'projects') })).toBe(`node '${other}'`);
  });
});
