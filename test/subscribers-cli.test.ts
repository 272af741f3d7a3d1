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
    expect((await gazette(['subscribers', 'list'], root)).stdout).toBe('ann@example.com\tAnn\tactive\n');
  });
});
