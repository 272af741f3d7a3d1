import path from 'node:path';
import { expect, it } from 'vitest';
import { reachable } from './support/imports.js';
import { REPO } from './support/workspace.js';

it('`gazette summarize` loads neither MJML nor nodemailer, so batch summarizing starts fast', () => {
  const commands = path.join(REPO, 'src', 'cli', 'commands');
  const summarize = path.join(commands, 'summarize.ts');
  // The program lazily imports every command; only the summarize command's own lazy imports run.
  const modules = new Set([
    ...reachable(path.join(REPO, 'src', 'cli', 'main.ts'), () => false),
    ...reachable(summarize, (file) => file === summarize),
  ]);
  expect(modules).toContain(path.join(REPO, 'src', 'summarize', 'jsonl.ts'));
  expect([...modules].filter((name) => ['mjml', 'nodemailer', 'handlebars', 'playwright-core', 'better-sqlite3'].includes(name))).toEqual([]);
});
