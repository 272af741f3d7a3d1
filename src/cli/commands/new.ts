import { access } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, GazetteError } from '../../diagnostics/diagnostic.js';
import { localDate } from '../../issue/calendar.js';
import { assertDate } from '../../issue/window.js';
import { writeFileAtomic } from '../../output/atomic.js';
import { articleSkeleton, slugify } from '../../workspace/init.js';
import { resolveWorkspace } from '../../workspace/resolve.js';
import { shownPath } from '../terminal.js';

interface NewFlags {
  config?: string;
  articles?: string;
  date?: string;
  json?: boolean;
}

export async function run(title: string, flags: NewFlags): Promise<number> {
  const { articlesDir } = await resolveWorkspace({ config: flags.config, articles: flags.articles });
  // Today as the build sees it, so a new article is never "dated after today".
  const date = flags.date === undefined ? localDate(new Date()) : assertDate(flags.date, 'date');
  const file = path.join(articlesDir, `${date}-${slugify(title)}.md`);
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (exists) throw new GazetteError([diagnostic('article/exists', 'an article with this date and title already exists; not overwriting it', { file })]);
  await writeFileAtomic(file, articleSkeleton(title, date));
  const shown = shownPath(file);
  process.stdout.write(flags.json ? `${JSON.stringify({ file: shown })}\n` : `Created ${shown}\n`);
  return 0;
}
