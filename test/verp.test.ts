import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bounceId, bounceIdOf } from '../src/message/return-path.js';
import { sendIssue } from '../src/send/send-issue.js';
import { openStateDb } from '../src/store/state-db.js';
import { sinksStoppedAfterEach } from './support/smtp-server.js';
import { builtWorkspace, SECRET, sendingConfig, writeList } from './support/smtp-workspace.js';

const sink = sinksStoppedAfterEach({ saveMessages: true });

describe('the VERP return path', () => {
  it('is each recipient\'s MAIL FROM at a real SMTP server, while From stays the config\'s; its id finds the delivery', async () => {
    const root = await builtWorkspace();
    const list = await writeList(root, ['ann@example.com,Ann', 'Bob@Example.com,Bob']);
    const server = await sink();
    await sendIssue({ root, list, smtp: server.url });

    const accepted = await server.accepted();
    const fromByRecipient = Object.fromEntries(accepted.map((line) => [line.to[0]!.toLowerCase(), line.from]));
    expect(fromByRecipient['ann@example.com']).toBe(`bounces+${bounceId(SECRET, '2024-W05', 'ann@example.com')}@example.com`);
    expect(fromByRecipient['bob@example.com']).toMatch(/^bounces\+[a-z2-7]{16}@example\.com$/);
    expect(fromByRecipient['bob@example.com']).not.toBe(fromByRecipient['ann@example.com']);
    for (const message of await server.messages()) expect(message.from?.value[0]?.address).toBe('digest@example.com');

    const db = openStateDb(path.join(root, '.gazette', 'state.db'));
    try {
      for (const [address, from] of Object.entries(fromByRecipient)) {
        const id = bounceIdOf(from, 'bounces')!;
        const row = db.prepare('SELECT issue, email FROM deliveries WHERE bounce_id = ?').get(id) as { issue: string; email: string };
        expect(row.issue).toBe('2024-W05');
        expect(row.email.toLowerCase()).toBe(address);
      }
    } finally {
      db.close();
    }
  });

  it('uses bounces.domain and bounces.local_part from the config, and a dry-run .eml shows it as Return-Path', async () => {
    const root = await builtWorkspace(sendingConfig({ bounces: { domain: 'mail.example.net', local_part: 'returns' } }));
    const list = await writeList(root, ['ann@example.com,Ann']);
    await sendIssue({ root, list, dryRun: 'outbox' });
    const eml = await readFile(path.join(root, 'outbox', 'ann@example.com.eml'), 'utf8');
    expect(eml.split('\r\n')[0]).toBe(`Return-Path: <returns+${bounceId(SECRET, '2024-W05', 'ann@example.com')}@mail.example.net>`);
  });

  it('is 16 lowercase base32 characters, the same for the same issue and address whatever their case, and read back from an address', () => {
    const id = bounceId('s', '2024-W05', 'Ann@Example.com');
    expect(id).toMatch(/^[a-z2-7]{16}$/);
    expect(bounceId('s', '2024-W05', 'ann@example.com')).toBe(id);
    expect(bounceId('s', '2024-W06', 'ann@example.com')).not.toBe(id);
    expect(bounceId('t', '2024-W05', 'ann@example.com')).not.toBe(id);
    expect(bounceIdOf(`Bounces+${id.toUpperCase()}@Example.com`, 'bounces')).toBe(id);
    expect(bounceIdOf(`<bounces+${id}@example.com>`, 'bounces')).toBe(id);
    expect(bounceIdOf('bounces@example.com', 'bounces')).toBeNull();
    expect(bounceIdOf(`other+${id}@example.com`, 'bounces')).toBeNull();
  });
});
