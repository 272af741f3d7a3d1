import { cp, mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');

/** A throwaway workspace: the given articles, the default theme, and an optional config. */
export async function makeWorkspace(
  articles: Record<string, string>,
  config: Record<string, unknown> | null = { name: 'Test Weekly', base_url: 'https://example.com/news/' },
): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gazette-test-'));
  await mkdir(path.join(dir, 'articles'));
  await cp(path.join(REPO, 'templates'), path.join(dir, 'templates'), { recursive: true });
  for (const [name, content] of Object.entries(articles)) await writeFile(path.join(dir, 'articles', name), content);
  if (config) await writeFile(path.join(dir, 'gazette.config.json'), JSON.stringify(config));
  return dir;
}

/** A minimal valid article. */
export function article(title: string, date: string, body = 'A first sentence that says something. A second one adds a detail. A third sentence closes it.', extra = ''): string {
  return `---\ntitle: ${JSON.stringify(title)}\ndate: ${date}\n${extra}---\n\n${body}\n`;
}
