import { cp, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { article, REPO } from './workspace.js';

/** Two stories for the week after the sample's (2024-W06), so a site can grow week by week. */
export const WEEK_SIX = {
  '2024-02-06-harbour-lights-festival.md': article(
    'Harbour lights festival draws record crowds to Port Evren',
    '2024-02-06',
    'More than forty thousand people walked the Port Evren quayside on Saturday night for the harbour lights festival, the largest crowd in its twelve years. "We ran out of lanterns by eight o\'clock," said Idris Calloway, who chairs the festival committee. The organisers now plan a second night next winter.',
    'source: Evren Gazette\nurl: https://evren.example.com/2024/02/06/harbour-lights\ntags: [culture]\n',
  ),
  '2024-02-08-tram-line-extension.md': article(
    'Tram line extension to the university approved after long delay',
    '2024-02-08',
    'The city council approved a three-kilometre extension of the number 4 tram line to the university campus on Thursday. Construction is due to start in the autumn and take two years. Students had petitioned for the link since 2019.',
    'source: Civic Ledger\nurl: https://civicledger.example.com/2024/02/08/tram-extension\ntags: [world]\n',
  ),
};

/** One story two weeks after the sample's (2024-W07). */
export const WEEK_SEVEN = {
  '2024-02-14-bakery-cooperative.md': article(
    'Village bakery becomes a cooperative owned by its customers',
    '2024-02-14',
    'The last bakery in Hollin village has been bought by a cooperative of 310 customers who each paid fifty pounds. The baker, who wanted to retire, stays on for a year to train two apprentices. The shop reopens on Monday with the same bread and shorter queues, its members hope.',
    'tags: [business]\n',
  ),
};

/** A copy of the sample workspace (config, theme, articles), with more weeks of articles if given. */
export async function sampleWorkspace(...extraWeeks: Record<string, string>[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gazette-site-'));
  for (const name of ['templates', 'articles', 'gazette.config.json']) await cp(path.join(REPO, name), path.join(dir, name), { recursive: true });
  for (const week of extraWeeks) for (const [name, text] of Object.entries(week)) await writeFile(path.join(dir, 'articles', name), text);
  return dir;
}

/** Every file under a folder, relative to it, with `/` separators, sorted; dot files included. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}
