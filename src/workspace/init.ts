import { cp, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../output/atomic.js';

/** `China, US resume talks!` → `china-us-resume-talks` */
export function slugify(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'article'
  );
}

export function articleSkeleton(title: string, date: string): string {
  return `---\ntitle: ${JSON.stringify(title)}\ndate: ${date}\n# source: Publication name\n# url: https://example.com/original-article\n# tags: [news]\ndraft: true\n---\n\nWrite the article here. Its key points and quotes are picked from this text.\n`;
}

export const STARTER_CONFIG = {
  name: 'My Weekly Digest',
  from: 'My Weekly Digest <digest@example.com>',
  base_url: 'https://example.com/digest/',
  issue_number: 1,
  unsubscribe: { url: 'https://example.com/unsubscribe' },
};

export interface InitResult {
  dir: string;
  created: string[];
  skipped: string[];
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Sets up a workspace without touching anything that is already there. */
export async function initWorkspace(dir: string, themeSource: string, today: string): Promise<InitResult> {
  const result: InitResult = { dir, created: [], skipped: [] };
  await mkdir(dir, { recursive: true });
  const note = async (name: string, create: () => Promise<void>) => {
    if (await exists(path.join(dir, name))) result.skipped.push(name);
    else {
      await create();
      result.created.push(name);
    }
  };
  await note('gazette.config.json', () => writeFileAtomic(path.join(dir, 'gazette.config.json'), `${JSON.stringify(STARTER_CONFIG, null, 2)}\n`));
  await note('templates', () => cp(themeSource, path.join(dir, 'templates'), { recursive: true }));
  const articles = path.join(dir, 'articles');
  const hasArticles = (await readdir(articles).catch(() => [])).some((name) => name.endsWith('.md'));
  if (hasArticles) result.skipped.push('articles');
  else {
    await writeFileAtomic(path.join(articles, `${today}-first-article.md`), articleSkeleton('My first article', today).replace('draft: true\n', ''));
    result.created.push('articles');
  }
  return result;
}
