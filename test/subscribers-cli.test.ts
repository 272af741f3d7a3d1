import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtWorkspace, gazette, writeList } from './support/smtp-workspace.js';

describe('gazette subscribers', () => {
  it('imports a list reporting bad rows by line, adds, removes and lists, keeping suppressions', async () => {
    const root = await builtWorkspace();
    await writeList(root, ['ann@example.com,Ann', 'nope,Nobody', 'ANN@example.com,Dup']);
    const imported = await gazette(['subscribers', 'import', 'list.csv'], root);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(/list\.csv:3 warning email: "nope": .*row skipped \(subscribers\/invalid-address\)/);
    expect(imported.stderr).toMatch(/list\.csv:4 warning email: .*line 2.*\(subscribers\/duplicate\)/);
    expect(imported.stdout).toContain('1 added, 0 updated, 2 rows skipped');

    expect((await gazette(['subscribers', 'add', 'bob@example.com', '--name', 'Bob', '--field', 'company=Acme'], root)).code).toBe(0);
    expect((await gazette(['subscribers', 'add', 'bad address'], root)).code).toBe(2);
    const listed = JSON.parse((await gazette(['subscribers', 'list', '--json'], root)).stdout) as { email: string; fields: Record<string, string>; suppressed: string | null }[];
    expect(listed.map((subscriber) => subscriber.email)).toEqual(['ann@example.com', 'bob@example.com']);
    expect(listed[1]!.fields.company).toBe('Acme');

    expect((await gazette(['subscribers', 'remove', 'BOB@example.com'], root)).code).toBe(0);
    const again = await gazette(['subscribers', 'remove', 'bob@example.com'], root);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('subscribers/not-found');
    const list = await gazette(['subscribers', 'list'], root);
    expect(list.stdout).toBe('ann@example.com\tAnn\tconfirmed\n');
    expect(list.stderr).toMatch(/^1 confirmed, 0 pending; suppressed: 0 unsubscribed, 0 bounced, 0 complained \(/);
  });

  it('counts a suppression of an address outside the store, and lifts it only when asked', async () => {
    const root = await builtWorkspace();
    await gazette(['subscribers', 'add', 'ann@example.com'], root);
    const { openStateDb } = await import('../src/store/state-db.js');
    const { SqliteSubscriberStore } = await import('../src/subscribers/sqlite-subscriber-store.js');
    const db = openStateDb(path.join(root, '.gazette', 'state.db'));
    await new SqliteSubscriberStore(db).suppress('list-only@example.com', 'bounced', '550 5.1.1 no such user');
    db.close();
    expect((await gazette(['subscribers', 'list'], root)).stderr).toMatch(/^1 confirmed, 0 pending; suppressed: 0 unsubscribed, 1 bounced, 0 complained/);
    expect(JSON.parse((await gazette(['subscribers', 'list', '--counts', '--json'], root)).stdout)).toEqual({ confirmed: 1, pending: 0, unsubscribed: 0, bounced: 1, complained: 0 });

    const lifted = await gazette(['subscribers', 'unsuppress', 'list-only@example.com', '--json'], root);
    expect(JSON.parse(lifted.stdout)).toEqual({ email: 'list-only@example.com', was: 'bounced' });
    const again = await gazette(['subscribers', 'unsuppress', 'list-only@example.com'], root);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('(subscribers/not-suppressed)');
  });
});
