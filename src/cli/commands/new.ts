import { access } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../../config.js';
import { diagnostic, GazetteError } from '../../diagnostics/diagnostic.js';
import { assertDate, localDate } from '../../issue/window.js';
import { writeFileAtomic } from '../../output/atomic.js';
import { articleSkeleton, slugify } from '../../workspace.js';

interface NewFlags {
  articles?: string;
  date?: string;
  json?: boolean;
}

export async function run(title: string, flags: NewFlags): Promise<number> {
  const { config, root } = await loadConfig(process.cwd());
  // Today as the build sees it, so a new article is never "dated after today".
  const date = flags.date === undefined ? localDate(new Date()) : assertDate(flags.date, 'date');
  const file = path.join(path.resolve(root, flags.articles ?? config.articles), `${date}-${slugify(title)}.md`);
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (exists) throw new GazetteError([diagnostic('article/exists', 'an article with this date and title already exists; not overwriting it', { file })]);
  await writeFileAtomic(file, articleSkeleton(title, date));
  const shown = path.relative(process.cwd(), file);
  process.stdout.write(flags.json ? `${JSON.stringify({ file: shown })}\n` : `Created ${shown}\n`);
  return 0;
}
