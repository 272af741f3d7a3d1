import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleReport } from '../src/check/report.js';
import { CHECK_JSON, issueFingerprint, readSavedCheck, saveCheck, toSavedCheck } from '../src/check/saved-check.js';

const email = {
  subject: 'The Weekly #5',
  preheader: 'This week',
  htmlTemplate: '<p>Hello [[gz:1a2b:subscriber.name]]</p><a href="[[gz:1a2b:unsubscribe_url]]">Unsubscribe</a>',
  textTemplate: 'Hello [[gz:1a2b:subscriber.name]]',
  recipientMarker: '[[gz:1a2b:',
};

describe('the saved full check', () => {
  it('fingerprints a build by its content, not by the nonce of its recipient markers', () => {
    const rebuilt = { ...email, htmlTemplate: email.htmlTemplate.replaceAll('1a2b', '9f8e'), textTemplate: email.textTemplate.replaceAll('1a2b', '9f8e'), recipientMarker: '[[gz:9f8e:' };
    expect(issueFingerprint(rebuilt)).toBe(issueFingerprint(email));
    expect(issueFingerprint({ ...email, subject: 'The Weekly #6' })).not.toBe(issueFingerprint(email));
    expect(issueFingerprint({ ...email, textTemplate: 'Hi [[gz:1a2b:subscriber.name]]' })).not.toBe(issueFingerprint(email));
  });

  it('is saved with workspace-relative files and read back as written', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'gazette-check-'));
    const dir = path.join(root, 'out', '2024-W05');
    const report = assembleReport('2024-W05', [
      { group: 'size', status: 'ran', findings: [{ rule: 'html/size', severity: 'error', message: 'too big', file: path.join(dir, 'email.html'), line: 3 }] },
      { group: 'spam', status: 'skipped', reason: 'SpamAssassin not found', findings: [] },
    ]);
    const saved = toSavedCheck(report, { root, checkedAt: new Date('2024-02-05T09:00:00Z'), fingerprint: 'abc' });
    const file = await saveCheck(dir, saved);
    expect(file).toBe(path.join(dir, CHECK_JSON));
    const read = await readSavedCheck(dir);
    expect(read).toEqual(saved);
    expect(read).toMatchObject({
      verdict: 'problems',
      checkedAt: '2024-02-05T09:00:00.000Z',
      findings: [{ rule: 'html/size', file: 'out/2024-W05/email.html', line: 3 }],
      groups: [{ group: 'size', status: 'ran', findings: 1 }, { group: 'spam', status: 'skipped', reason: 'SpamAssassin not found', findings: 0 }],
    });
    expect(await readFile(file, 'utf8')).not.toContain(root);
  });

  it('counts a missing or damaged file as no check at all', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gazette-check-'));
    expect(await readSavedCheck(dir)).toBeNull();
    await writeFile(path.join(dir, CHECK_JSON), '{"issue": "2024-W05", "verdict": "ready"');
    expect(await readSavedCheck(dir)).toBeNull();
    await writeFile(path.join(dir, CHECK_JSON), JSON.stringify({ issue: '2024-W05', verdict: 'ready' }));
    expect(await readSavedCheck(dir)).toBeNull();
  });
});
