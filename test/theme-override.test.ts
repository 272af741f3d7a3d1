import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildDigest } from '../src/build.js';
import { article, makeWorkspace } from './support/workspace.js';

async function plainTheme(root: string, name: string, withText: boolean): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(path.join(dir, 'partials'), { recursive: true });
  await writeFile(
    path.join(dir, 'layout.mjml'),
    '<mjml lang="en"><mj-body><mj-section><mj-column>{{#each articles}}{{> item}}{{/each}}<mj-text><a href="{{unsubscribe_url}}">Leave</a></mj-text></mj-column></mj-section></mj-body></mjml>',
  );
  await writeFile(path.join(dir, 'partials', 'item.mjml'), '<mj-text><h1>PLAIN {{title}}</h1></mj-text>');
  if (withText) await writeFile(path.join(dir, 'text.hbs'), '{{#each articles}}* {{title}}\n{{/each}}Leave: {{unsubscribe_url}}\n');
  return dir;
}

it('renders with another theme chosen by --templates', async () => {
  const root = await makeWorkspace({ 'a.md': article('Override me', '2024-03-05') });
  const templates = await plainTheme(root, 'plain-theme', false);
  const { preview } = await buildDigest({ root, templates });
  expect(preview.html).toContain('PLAIN Override me');
  expect(preview.text).toContain('PLAIN Override me');
});

it('renders with a theme named in the config, using its own text template', async () => {
  const root = await makeWorkspace({ 'a.md': article('Configured', '2024-03-05') }, { name: 'T', templates: 'plain-theme', base_url: 'https://example.com/' });
  await plainTheme(root, 'plain-theme', true);
  const { preview } = await buildDigest({ root });
  expect(preview.html).toContain('PLAIN Configured');
  expect(preview.text).toMatch(/^\* Configured\nLeave: https:\/\/example\.com\/unsubscribe\?token=[\w.-]+\n$/);
});

it('explains a theme folder without a layout', async () => {
  const root = await makeWorkspace({ 'a.md': article('A', '2024-03-05') });
  await expect(buildDigest({ root, templates: path.join(root, 'nowhere') })).rejects.toThrow(/no layout\.mjml/);
});
