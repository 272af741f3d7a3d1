import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO } from './support/workspace.js';

const IMPORT = /(?:^|\n)\s*import\s+(?!type\b)(?:[^'";]*?from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module a source file reaches through its imports (static, and dynamic where `followDynamic`). */
function reachable(entry: string, followDynamic: (file: string) => boolean, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  if (!entry.startsWith('/')) return seen; // a package: its own imports do not matter here
  for (const match of readFileSync(entry, 'utf8').matchAll(IMPORT)) {
    const [, staticSpecifier, dynamicSpecifier] = match;
    const specifier = staticSpecifier ?? (followDynamic(entry) ? dynamicSpecifier : undefined);
    if (!specifier || specifier.startsWith('node:')) continue;
    const target = specifier.startsWith('.') ? path.resolve(path.dirname(entry), specifier.replace(/\.js$/, '.ts')) : specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
    reachable(target, followDynamic, seen);
  }
  return seen;
}

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
