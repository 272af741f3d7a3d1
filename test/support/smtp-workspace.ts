import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildDigest, writeIssue } from '../../src/build.js';
import { article, makeWorkspace, REPO } from './workspace.js';

export const SECRET = 'test-secret-for-unsubscribe-links';

/** Config of a workspace ready to send: unsubscribe links, a list id, quick retries. */
export function sendingConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Test Weekly',
    from: 'Test Weekly <digest@example.com>',
    base_url: 'https://example.com/news/',
    list_id: 'Test Weekly <weekly.example.com>',
    unsubscribe: { url: 'https://example.com/unsubscribe', mailto: 'leave@example.com', secret: SECRET },
    send: { attempts: 6, retry_delay_ms: 20 },
    ...overrides,
  };
}

/** A workspace with an issue for 2024-W05 (and one for 2024-W06) built into out/. */
export async function builtWorkspace(config: Record<string, unknown> = sendingConfig()): Promise<string> {
  const root = await makeWorkspace(
    {
      'a.md': article('Harbour plan approved', '2024-01-30'),
      'b.md': article('Rail line delayed', '2024-02-06'),
    },
    config,
  );
  await writeIssue(await buildDigest({ root, week: '2024-W06' }));
  // Built last, so it is the issue `send` picks by default.
  await writeIssue(await buildDigest({ root, week: '2024-W05' }));
  return root;
}

/** Writes a CSV list into the workspace. */
export async function writeList(root: string, rows: string[], header = 'email,name', name = 'list.csv'): Promise<string> {
  const file = path.join(root, name);
  await writeFile(file, `${[header, ...rows].join('\n')}\n`);
  return file;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export const CLI = path.join(REPO, 'dist', 'src', 'cli', 'main.js');

/** Runs the compiled CLI (`npm test` compiles it first) in a workspace. */
export async function gazette(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
