import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gazette as gazetteCli } from './support/cli.js';
import { article, makeWorkspace } from './support/workspace.js';

/** Missing programs make the slow groups skip, which is what these tests look at. */
const WITHOUT_TOOLS = { GAZETTE_CHROMIUM: '/nonexistent/chromium', GAZETTE_SPAMASSASSIN: '/nonexistent/spamassassin' };

const gazette = (args: string[], cwd: string, env: Record<string, string> = {}) => gazetteCli(args, cwd, { ...WITHOUT_TOOLS, ...env });

const CONFIG = { name: 'Check Weekly', base_url: 'https://example.com/news/', unsubscribe: { url: 'https://example.com/unsubscribe' }, list_id: 'Check Weekly <check.example.com>' };

describe('gazette check', () => {
  it('checks the latest built issue, says which groups it skipped and why, and exits 3 when a required one did not run', async () => {
    const root = await makeWorkspace({ 'a.md': article('A story worth checking', '2024-03-05') }, CONFIG);
    expect((await gazette(['build'], root)).code).toBe(0);
    const { code, stdout } = await gazette(['check'], root);
    expect(stdout).toContain(`Checking 2024-W10 (the sample subscriber's message, as sent: ${path.join('out', '2024-W10', 'checked.eml')})`);
    expect(stdout).toMatch(/^ {2}axe +skipped: Chromium not found at \/nonexistent\/chromium/m);
    expect(stdout).toMatch(/^ {2}spam +skipped: SpamAssassin not found at \/nonexistent\/spamassassin/m);
    expect(stdout).toMatch(/^ {2}mime +ok$/m);
    expect(stdout).toMatch(/2024-W10: 0 errors, \d+ warnings?, \d+ notes? \(--verbose lists them\); no errors, but 1 required group was skipped \(axe\): not fully checked \(not run: dkim, spam, recommended\)$/m);
    expect(stdout).not.toContain('ready to send');
    expect(stdout).not.toContain('(clients/css)');
    expect(code).toBe(3);
    expect((await gazette(['check', '--verbose'], root)).stdout).toMatch(/^out\/2024-W10\/email\.html info .* is not supported by \d+ of 12 major clients .*\(clients\/css\)$/m);
  });

  it('exits 1 and reports each error with its rule and place, as JSON with --json', async () => {
    const root = await makeWorkspace({ 'a.md': article('Relative', '2024-03-05', undefined, 'image: pics/a.png\nimage_alt: A picture\n') }, { ...CONFIG, base_url: null });
    await gazette(['build'], root);
    const { code, stdout } = await gazette(['check', '2024-W10', '--json'], root);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { ok: boolean; findings: { rule: string; severity: string; file: string; line: number }[]; groups: { group: string; status: string }[] };
    expect(report.ok).toBe(false);
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'html/relative-url', severity: 'error', file: path.join('out', '2024-W10', 'email.html'), line: expect.any(Number), message: expect.stringContaining('src="pics/a.png"') }));
    expect(report.groups).toContainEqual({ group: 'axe', status: 'skipped', reason: expect.stringContaining('Chromium not found'), findings: [] });
    expect(report).toMatchObject({ verdict: 'problems', skipped: expect.arrayContaining([{ group: 'axe', reason: expect.stringContaining('Chromium not found'), required: true }]) });
  });

  it('exits 1 with a clear message when nothing has been built', async () => {
    const root = await makeWorkspace({ 'a.md': article('Unbuilt', '2024-03-05') }, CONFIG);
    const { code, stderr } = await gazette(['check'], root);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^out error no built issue in this folder; build one first/m);
  });
});
