import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildDigest, writeIssue } from '../../src/build.js';
import { article, makeWorkspace } from './workspace.js';

export const SECRET = 'test-secret-for-unsubscribe-links';

/** Config of a workspace ready to send: unsubscribe links, a list id, quick retries. */
export function sendingConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Test Weekly',
    from: 'Test Weekly <digest@example.com>',
    base_url: 'https://example.com/news/',
    list_id: 'Test Weekly <weekly.example.com>',
    address: 'Test Weekly, 1 Quay Street, Testport',
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


export { CLI, gazette, type CliRun } from './cli.js';
