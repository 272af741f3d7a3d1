import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gazette } from './support/cli.js';
import { filesUnder, sampleWorkspace, WEEK_SIX } from './support/site-workspace.js';

/** What only a subscriber's own copy may hold: the sample subscriber's address and name, unsubscribe tokens, recipient markers, messages. */
const PERSONAL = ['reader@example.com', 'Sam Reader', 'token=', '[[gz:', '.eml', '/unsubscribe'];

/** Every file of a folder with the personal strings found in it. */
async function personalIn(dir: string): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const file of await filesUnder(dir)) {
    const content = await readFile(path.join(dir, file), 'utf8');
    const hits = PERSONAL.filter((needle) => content.includes(needle));
    if (hits.length > 0) found[file] = hits;
  }
  return found;
}

describe('the published site holds nothing personal', () => {
  it('after two weeks of the sample: no subscriber address or name, unsubscribe token, recipient marker or message under site/', async () => {
    const root = await sampleWorkspace(WEEK_SIX);
    const config = JSON.parse(await readFile(path.join(root, 'gazette.config.json'), 'utf8')) as { preview: { subscriber: { email: string; name: string } } };
    expect(config.preview.subscriber).toEqual({ email: PERSONAL[0], name: PERSONAL[1] });
    for (const week of ['2024-W05', '2024-W06']) expect((await gazette(['build', '--week', week], root)).code).toBe(0);

    expect((await filesUnder(path.join(root, 'site'))).length).toBe(7);
    expect(await personalIn(path.join(root, 'site'))).toEqual({});
    // The scan finds them where they belong: out/ is the private build folder.
    const out = await personalIn(path.join(root, 'out', '2024-W05'));
    expect(out['email.html']).toEqual(expect.arrayContaining(['reader@example.com', 'Sam Reader', 'token=', '/unsubscribe']));
    expect(Object.keys(out)).toContain('email.eml');
  });

  it('even when a theme shows subscriber fields on every page: they are left empty on the web, with a warning naming the field', async () => {
    const root = await sampleWorkspace();
    const footer = path.join(root, 'templates', 'partials', 'footer.mjml');
    // A theme written before the web edition existed: its footer knows nothing of `web`.
    await writeFile(
      footer,
      '<mj-section><mj-column><mj-text>Sent to {{subscriber.email}} ({{subscriber.name}}). <a href="{{unsubscribe_url}}">Unsubscribe</a></mj-text></mj-column></mj-section>\n',
    );
    const run = await gazette(['build', '--json'], root);
    expect(run.code, run.stderr).toBe(0);
    const { warnings } = JSON.parse(run.stdout) as { warnings: { rule: string; message: string; file: string }[] };
    expect(warnings.filter((d) => d.rule === 'site/recipient-field').map((d) => d.message)).toEqual([
      '{{subscriber.email}} is shown on the web edition, where it is left empty',
      '{{subscriber.name}} is shown on the web edition, where it is left empty',
      '{{unsubscribe_url}} is shown on the web edition, where it is left empty',
    ]);
    expect(await personalIn(path.join(root, 'site'))).toEqual({});
    expect(await readFile(path.join(root, 'site', '2024-W05', 'index.html'), 'utf8')).toContain('Sent to  ().');
    expect(await readFile(path.join(root, 'out', '2024-W05', 'email.html'), 'utf8')).toContain('Sent to reader@example.com (Sam Reader).');
    expect((await gazette(['build', '--strict'], root)).code).toBe(1);
  });
});
