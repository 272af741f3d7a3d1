import { cp, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../output/atomic.js';

/** Latin letters that Unicode does not decompose into a base letter and a mark. */
const LATIN_LETTERS: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ð: 'd', þ: 'th', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i', ŧ: 't', ħ: 'h' };
const SLUG_LENGTH = 60;

/**
 * A file name for a title: `China, US resume talks!` → `china-us-resume-talks`, `Łódź w kwietniu` →
 * `lodz-w-kwietniu`. Accents are dropped from Latin letters; letters of other scripts are kept as
 * they are (`Приговор суда` → `приговор-суда`, a name as readable in a file list and a link as
 * the title), so two titles in Arabic or Russian do not both become `article`.
 */
export function slugify(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[łøđðþæœßıŧħ]/g, (letter) => LATIN_LETTERS[letter]!)
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return Array.from(words).slice(0, SLUG_LENGTH).join('').replace(/-+$/, '') || 'article';
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
