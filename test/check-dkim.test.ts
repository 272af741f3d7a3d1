import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkIssue } from '../src/check/check-issue.js';
import { systemEnvironment } from '../src/check/environment.js';
import { dkimRecord, localResolver } from '../src/check/rules/dkim.js';
import { FILES, fixtureEml, fixtureHtml, fixtureSubject, lineOf } from './fixtures/check/fixture-message.js';

const BASE = fixtureHtml('base.html');
/** nodemailer's default list less List-Unsubscribe-Post, as an older signer would sign. */
const WITHOUT_POST = 'From:Reply-To:Subject:Date:Message-ID:To:MIME-Version:Content-Type:List-Id:List-Unsubscribe';

let keyDir: string;
let privateKey: string;

/** A throwaway key made for this run: no private key is ever committed. */
beforeAll(async () => {
  privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  keyDir = await mkdtemp(path.join(tmpdir(), 'gazette-dkim-'));
  await writeFile(path.join(keyDir, 'dkim.pem'), privateKey);
});

const dkimConfig = (domain = 'example.com') => ({ dkim: { domain, selector: 'gazette', key_file: 'dkim.pem' } });

async function dkimFindings(eml: Buffer, domain = 'example.com') {
  const report = await checkIssue(await fixtureSubject(eml, dkimConfig(domain), keyDir), systemEnvironment(), { groups: ['dkim'] });
  return report;
}

describe('DKIM', () => {
  it('publishes the public half of the key in the local resolver', async () => {
    const resolve = localResolver({ domain: 'example.com', selector: 'gazette', privateKey });
    expect(await resolve('gazette._domainkey.example.com', 'TXT')).toEqual([[dkimRecord(privateKey)]]);
    expect(dkimRecord(privateKey)).toMatch(/^v=DKIM1; k=rsa; p=[A-Za-z0-9+/=]{300,}$/);
    await expect(resolve('other._domainkey.example.com', 'TXT')).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });

  it('verifies a message signed as the send path signs it, list headers included', async () => {
    const eml = await fixtureEml({ html: BASE, dkim: { domainName: 'example.com', keySelector: 'gazette', privateKey } });
    const report = await dkimFindings(eml);
    expect(report.groups).toEqual([{ group: 'dkim', status: 'ran', findings: [], summary: undefined }]);
  });

  it('reports a broken signature as an error at the DKIM-Signature header', async () => {
    const signed = (await fixtureEml({ html: BASE, dkim: { domainName: 'example.com', keySelector: 'gazette', privateKey } })).toString();
    const tampered = signed.replace('Subject: Fixture Weekly #1', 'Subject: Fixture Weekly #2');
    expect(tampered).not.toBe(signed);
    const report = await dkimFindings(Buffer.from(tampered));
    expect(report.ok).toBe(false);
    expect(report.findings).toEqual([
      expect.objectContaining({ rule: 'dkim/verify', severity: 'error', file: FILES.eml, field: 'DKIM-Signature', line: lineOf(tampered, 'DKIM-Signature:'), message: expect.stringContaining('does not verify') }),
    ]);
  });

  it('reports a signature that leaves List-Unsubscribe-Post unsigned', async () => {
    const eml = await fixtureEml({ html: BASE, dkim: { domainName: 'example.com', keySelector: 'gazette', privateKey, headerFieldNames: WITHOUT_POST } });
    expect((await dkimFindings(eml)).findings).toEqual([
      expect.objectContaining({ rule: 'dkim/list-unsubscribe-signed', severity: 'error', message: expect.stringContaining('does not cover list-unsubscribe-post') }),
    ]);
  });

  it('warns when the signing domain does not align with From', async () => {
    const eml = await fixtureEml({ html: BASE, dkim: { domainName: 'mailer.example.net', keySelector: 'gazette', privateKey } });
    expect((await dkimFindings(eml, 'mailer.example.net')).findings).toEqual([expect.objectContaining({ rule: 'dkim/alignment', severity: 'warning' })]);
  });

  it('reports an unsigned message, and a key that cannot be read, when DKIM is configured', async () => {
    const unsigned = await fixtureEml({ html: BASE });
    expect((await dkimFindings(unsigned)).findings).toEqual([expect.objectContaining({ rule: 'dkim/verify', message: expect.stringContaining('no DKIM signature') })]);
    const report = await checkIssue(await fixtureSubject(unsigned, { dkim: { domain: 'example.com', selector: 'gazette', key_file: 'missing.pem' } }, keyDir), systemEnvironment(), { groups: ['dkim'] });
    expect(report.findings).toEqual([expect.objectContaining({ rule: 'dkim/key', severity: 'error', field: 'dkim.key_file', file: path.join(keyDir, 'missing.pem') })]);
  });

  it('says it skipped the group when no key is configured', async () => {
    const report = await checkIssue(await fixtureSubject(await fixtureEml({ html: BASE })), systemEnvironment(), { groups: ['dkim'] });
    expect(report.groups).toEqual([{ group: 'dkim', status: 'skipped', reason: expect.stringContaining('no DKIM key configured'), findings: [] }]);
  });
});
