import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GazetteError } from '../src/diagnostics/diagnostic.js';
import { shownLocation } from '../src/store/store-location.js';
import { resolveWorkspace } from '../src/workspace/resolve.js';
import { gazette } from './support/cli.js';
import { builtWorkspace, sendingConfig, writeList } from './support/smtp-workspace.js';
import { article, makeWorkspace } from './support/workspace.js';

/** A workspace whose config lives in `settings/`, naming its folders relative to itself. */
async function configElsewhere(config: Record<string, unknown>): Promise<string> {
  const root = await makeWorkspace({}, null);
  await mkdir(path.join(root, 'settings', 'posts'), { recursive: true });
  await writeFile(path.join(root, 'settings', 'posts', 'a.md'), article('Harbour plan approved', '2024-01-30'));
  await writeFile(path.join(root, 'settings', 'gazette.config.json'), JSON.stringify(config));
  return root;
}

describe('resolveWorkspace', () => {
  it("resolves the config's folders from the config's own folder when --config points to another one", async () => {
    const config = { articles: 'posts', templates: '../templates', out: 'built', store: 'data/state.db', dkim: { domain: 'example.com', selector: 'g', key_file: 'keys/dkim.pem' } };
    const root = await configElsewhere(config);
    const workspace = await resolveWorkspace({ root, config: 'settings/gazette.config.json', env: {} });
    const settings = path.join(root, 'settings');
    expect(workspace).toMatchObject({
      root,
      configFile: path.join(settings, 'gazette.config.json'),
      configRoot: settings,
      articlesDir: path.join(settings, 'posts'),
      templatesDir: path.join(root, 'templates'),
      outDir: path.join(settings, 'built'),
      store: { kind: 'sqlite', file: path.join(settings, 'data', 'state.db') },
      dkimKeyFile: path.join(settings, 'keys', 'dkim.pem'),
    });
  });

  it('resolves folders given as options from the workspace, whatever folder the config is in', async () => {
    const root = await configElsewhere({ articles: 'posts' });
    const workspace = await resolveWorkspace({ root, config: 'settings/gazette.config.json', out: 'alt', articles: 'drafts', storeLocation: 'state.db', env: {} });
    expect(workspace).toMatchObject({ outDir: path.join(root, 'alt'), articlesDir: path.join(root, 'drafts'), store: { kind: 'sqlite', file: path.join(root, 'state.db') } });
  });

  it('finds the store in the flag, then GAZETTE_STORE, then the config: a file path, or a PostgreSQL URL kept as it is', async () => {
    const root = await configElsewhere({ store: 'data/state.db' });
    const config = 'settings/gazette.config.json';
    const url = 'postgres://gazette:secret@db.example.com:5432/list';
    expect((await resolveWorkspace({ root, config, env: {} })).store).toEqual({ kind: 'sqlite', file: path.join(root, 'settings', 'data', 'state.db') });
    expect((await resolveWorkspace({ root, config, env: { GAZETTE_STORE: url } })).store).toEqual({ kind: 'postgres', url });
    expect((await resolveWorkspace({ root, config, env: { GAZETTE_STORE: 'shared.db' } })).store).toEqual({ kind: 'sqlite', file: path.join(root, 'shared.db') });
    expect((await resolveWorkspace({ root, config, env: { GAZETTE_STORE: url }, storeLocation: 'POSTGRESQL://other/list' })).store).toEqual({ kind: 'postgres', url: 'POSTGRESQL://other/list' });
  });

  it('refuses a store that looks like a URL but is not one it can read, rather than making it a file path, and never shows its password', async () => {
    const root = await configElsewhere({});
    const config = 'settings/gazette.config.json';
    const refused = async (store: string) => {
      const error = await resolveWorkspace({ root, config, env: {}, storeLocation: store }).catch((caught: unknown) => caught);
      expect(error, store).toBeInstanceOf(GazetteError);
      const [found] = (error as GazetteError).diagnostics;
      expect(found!.message, store).not.toMatch(/sekrit|p@ss/);
      return found!.rule;
    };
    for (const typo of ['postgress://gz:sekrit@127.0.0.1:5432/news', 'postgres:/gz:sekrit@127.0.0.1/news', 'pg://gz:sekrit@h/news', 'postgresql+psycopg://gz:sekrit@h/news', 'postgres://gz:p@ss:w/o%rd@127.0.0.1:5432/news', 'postgres://gz:pa#sekrit@h/news']) {
      expect(await refused(typo)).toBe('store/invalid-url');
    }
    expect(await readdir(root)).not.toContain('postgress:');
    // A stray space around a good URL, and the empty-host form libpq reads, are taken.
    expect((await resolveWorkspace({ root, config, env: { GAZETTE_STORE: ' postgres://gz@127.0.0.1/news ' } })).store).toEqual({ kind: 'postgres', url: 'postgres://gz@127.0.0.1/news' });
    expect((await resolveWorkspace({ root, config, env: { GAZETTE_STORE: 'postgres://gz:pw@/news?host=/run/postgresql' } })).store.kind).toBe('postgres');
    expect(shownLocation({ kind: 'postgres', url: 'postgres://gz@db/news?password=sekrit&sslmode=disable' })).toBe('postgres://gz@db/news?password=***&sslmode=disable');
    expect(shownLocation({ kind: 'postgres', url: 'postgres://gz:pw@/news?host=/run/postgresql' })).toBe('postgres://gz:***@/news?host=/run/postgresql');
  });

  it('says in one line naming the store without its password that a PostgreSQL store cannot be reached, to send and to read bounces', async () => {
    const root = await builtWorkspace(sendingConfig({ store: 'postgres://gazette:hunter2@127.0.0.1:1/list' }));
    const list = await writeList(root, ['ann@example.com']);
    const send = await gazette(['send', '--list', list, '--smtp', 'smtp://127.0.0.1:1'], root);
    expect(send.code).toBe(1);
    expect(send.stderr).toContain('(store/unreachable)');
    expect(send.stderr).toContain('postgres://gazette:***@127.0.0.1:1/list');
    expect(send.stderr).not.toContain('hunter2');
    const bounces = await gazette(['bounces', list], root);
    expect(bounces.stderr).toContain('(store/unreachable)');
    expect(bounces.stderr).not.toContain('hunter2');
  });

  it('uses the defaults beside the workspace without a config', async () => {
    const root = await makeWorkspace({}, null);
    expect(await resolveWorkspace({ root, env: {} })).toMatchObject({ configFile: null, configRoot: root, articlesDir: path.join(root, 'articles'), outDir: path.join(root, 'out') });
  });

  it('resolves the unsubscribe secret once: the environment first, else why there is none', async () => {
    const root = await makeWorkspace({}, null);
    expect((await resolveWorkspace({ root, env: { GAZETTE_SECRET: 'from-the-environment-0123' } })).secret).toEqual({ ok: true, value: 'from-the-environment-0123' });
    const missing = (await resolveWorkspace({ root, env: {} })).secret;
    expect(missing).toMatchObject({ ok: false, problems: [{ rule: 'unsubscribe/no-secret' }] });
  });

  it("throws the config's errors with the config file absolute", async () => {
    const root = await configElsewhere({ issue_number: 'five' });
    const error = await resolveWorkspace({ root, config: 'settings/gazette.config.json' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GazetteError);
    expect((error as GazetteError).diagnostics[0]).toMatchObject({ rule: 'config/invalid', field: 'issue_number', file: path.join(root, 'settings', 'gazette.config.json') });
  });
});

describe('--config and --out on the commands that read an issue', () => {
  it('builds into --out from a config in another folder, and send --dry-run reads the issue from the same --out', async () => {
    const root = await configElsewhere({ ...sendingConfig(), articles: 'posts', templates: '../templates' });
    const flags = ['--config', 'settings/gazette.config.json', '--out', 'alt'];
    const built = await gazette(['build', '--week', '2024-W05', ...flags], root);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toContain(`Wrote ${path.join('alt', '2024-W05')}/`);
    expect(await readdir(path.join(root, 'alt'))).toEqual(['2024-W05']);

    await writeList(root, ['ann@example.com,Ann']);
    const sent = await gazette(['send', '--list', 'list.csv', '--dry-run', 'mails', ...flags], root);
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout).toContain('Wrote 2024-W05');
    expect(await readdir(path.join(root, 'mails'))).toEqual(['ann@example.com.eml']);
    // Without --out, send looks in the config's out folder, where nothing was built.
    const elsewhere = await gazette(['send', '--list', 'list.csv', '--dry-run', 'mails', '--config', 'settings/gazette.config.json'], root);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toMatch(/^settings\/out error no built issue in this folder/m);
  });

  it('gives build, check, send and preview the same --config and --out flags', async () => {
    for (const command of ['build', 'check', 'send', 'preview']) {
      const help = (await gazette([command, '--help'])).stdout;
      expect(help, command).toMatch(/--config <file>/);
      expect(help, command).toMatch(/--out <dir>/);
    }
  });
});
