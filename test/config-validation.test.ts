import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../src/build.js';
import { loadConfig, parseConfig } from '../src/config.js';
import { GazetteError } from '../src/diagnostics/diagnostic.js';
import { gazette } from './support/cli.js';
import { article, makeWorkspace } from './support/workspace.js';

function failure(run: () => unknown): GazetteError {
  try {
    run();
  } catch (error) {
    if (error instanceof GazetteError) return error;
    throw error;
  }
  throw new Error('expected a GazetteError');
}

describe('unknown config fields', () => {
  const source = ['{', '  "naem": "Typo Weekly",', '  "send": { "ratee": 3 },', '  "unsubscribe": {', '    "urll": "https://example.com/u"', '  },', '  "preview": { "subscribr": {} },', '  "sections": [{ "title": "World", "tag": "world", "tga": "x" }],', '  "zzz": 1', '}'].join('\n');

  it('are warnings at every depth, with line, column, the dotted field and a suggestion when one is close', () => {
    const { config, diagnostics } = parseConfig(source, 'gazette.config.json');
    expect(config.send.rate).toBeNull();
    expect(diagnostics.map(({ rule, severity, field, line, column, message }) => ({ rule, severity, field, line, column, message }))).toEqual([
      { rule: 'config/unknown-field', severity: 'warning', field: 'naem', line: 2, column: 3, message: expect.stringContaining('did you mean "name"?') },
      { rule: 'config/unknown-field', severity: 'warning', field: 'send.ratee', line: 3, column: 13, message: expect.stringContaining('did you mean "send.rate"?') },
      { rule: 'config/unknown-field', severity: 'warning', field: 'unsubscribe.urll', line: 5, column: 5, message: expect.stringContaining('did you mean "unsubscribe.url"?') },
      { rule: 'config/unknown-field', severity: 'warning', field: 'preview.subscribr', line: 7, column: 16, message: expect.stringContaining('did you mean "preview.subscriber"?') },
      { rule: 'config/unknown-field', severity: 'warning', field: 'sections.0.tga', line: 8, column: 52, message: expect.stringContaining('did you mean "sections.0.tag"?') },
      { rule: 'config/unknown-field', severity: 'warning', field: 'zzz', line: 9, column: 3, message: expect.stringContaining('known here: name, from') },
    ]);
  });

  it('in YAML too', () => {
    const { diagnostics } = parseConfig('name: Weekly\nsend:\n  ratee: 3\n', 'gazette.config.yaml');
    expect(diagnostics).toEqual([expect.objectContaining({ field: 'send.ratee', line: 3, column: 3 })]);
  });

  it('are printed by the build, which goes on', async () => {
    const root = await makeWorkspace({ 'a.md': article('A', '2024-01-30') }, null);
    await writeFile(path.join(root, 'gazette.config.json'), source);
    const run = await gazette(['build', '--week', '2024-W05'], root);
    expect(run.code).toBe(0);
    expect(run.stderr + run.stdout).toContain('gazette.config.json:3:13 warning send.ratee: unknown field, ignored; did you mean "send.rate"? (config/unknown-field)');
    await expect(buildDigest({ root, week: '2024-W05', strict: true })).rejects.toThrow(/send\.ratee/);
  });
});

describe('JSON config syntax', () => {
  it('refuses a trailing comma with its line and column', () => {
    const error = failure(() => parseConfig('{\n  "name": "x",\n}\n', 'gazette.config.json'));
    expect(error.diagnostics).toEqual([
      expect.objectContaining({ rule: 'config/syntax', line: 2, column: 14, message: expect.stringContaining('trailing comma') }),
    ]);
    expect(failure(() => parseConfig('{"sections": [{"title": "A", "tag": "a"},]}', 'x.JSON')).diagnostics[0]).toMatchObject({ line: 1, column: 41 });
  });

  it('refuses other JSON mistakes YAML would accept, placed', () => {
    expect(failure(() => parseConfig("{\n  'name': 'x'\n}", 'gazette.config.json')).diagnostics[0]).toMatchObject({ rule: 'config/syntax', line: 2, column: 3 });
    expect(failure(() => parseConfig('{\n  "name": "x"\n', 'gazette.config.json')).diagnostics[0]).toMatchObject({ rule: 'config/syntax', line: 3 });
  });

  it('still reads YAML flow style, where a trailing comma is allowed', () => {
    expect(parseConfig('{ name: x, }', 'gazette.config.yaml').config.name).toBe('x');
  });

  it('stops the build from the CLI with exit 1 and the place', async () => {
    const root = await makeWorkspace({ 'a.md': article('A', '2024-01-30') }, null);
    await writeFile(path.join(root, 'gazette.config.json'), '{\n  "name": "x",\n}\n');
    const run = await gazette(['build'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/gazette\.config\.json:2:14 error invalid JSON: a trailing comma/);
  });
});

describe('from and reply_to', () => {
  it.each(['Gazette <digest@example.com>', 'digest@example.com', '"Weekly, The" <digest@example.com>'])('accept %s', (from) => {
    expect(parseConfig(JSON.stringify({ from, reply_to: from }), 'c.json').config.from).toBe(from);
  });

  it.each([
    ['not an address', /must be an address/],
    ['Gazette <digest@>', /must be an address.*domain/],
    ['a@example.com, b@example.com', /one address/],
    ['digest@localhost', /not a valid domain/],
  ])('refuse %s, naming the field, line and column', (from, message) => {
    const error = failure(() => parseConfig(`{\n  "name": "x",\n  "from": ${JSON.stringify(from)}\n}`, 'c.json'));
    expect(error.diagnostics).toEqual([expect.objectContaining({ rule: 'config/invalid', field: 'from', line: 3, column: 11, message: expect.stringMatching(message) })]);
  });

  it('refuse a bad reply_to at build time', async () => {
    const root = await makeWorkspace({ 'a.md': article('A', '2024-01-30') }, { name: 'x', reply_to: 'editor at example.com' });
    const run = await gazette(['build'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/gazette\.config\.json:1:\d+ error reply_to: must be an address/);
  });

  it('default to a valid address when the config has none', async () => {
    const { config } = await loadConfig(await makeWorkspace({}, null));
    expect(config.from).toBe('Gazette Weekly <digest@example.com>');
  });
});

describe('base_url', () => {
  it.each(['https://news.example.org/weekly/', 'https://news.example.org/weekly', 'http://localhost:8080/'])('accepts the folder address %s', (base_url) => {
    expect(parseConfig(JSON.stringify({ base_url }), 'c.json').config.base_url).toBe(base_url);
  });

  it.each(['https://news.example.org/weekly/?ref=mail', 'https://news.example.org/weekly/#top', 'ftp://news.example.org/weekly/'])(
    'refuses %s, which issue addresses could not be made under, naming the field and line',
    (base_url) => {
      const error = failure(() => parseConfig(`{\n  "base_url": ${JSON.stringify(base_url)}\n}`, 'c.json'));
      expect(error.diagnostics).toEqual([expect.objectContaining({ rule: 'config/invalid', field: 'base_url', line: 2, message: expect.stringMatching(/must be/) })]);
    },
  );
});
