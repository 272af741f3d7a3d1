import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { parseBounce } from '../src/bounces/parse-bounce.js';
import { classify } from '../src/bounces/status.js';
import { splitMbox } from '../src/bounces/mbox.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'bounces');

async function parsed(name: string) {
  return parseBounce(await simpleParser(await readFile(path.join(FIXTURES, name))), { localPart: 'bounces' });
}

describe('the bounce parser, on one report per sender family', () => {
  it.each([
    ['postfix-hard.eml', 'dsn', 'hard', 'aaaaaaaaaaaaaaaa', 'nobody@example.org', '5.1.1'],
    ['postfix-soft.eml', 'dsn', 'soft', 'bbbbbbbbbbbbbbbb', 'full@example.org', '4.2.2'],
    ['exim-hard.eml', 'plain-text', 'hard', 'cccccccccccccccc', 'gone@example.org', '5.1.1'],
    ['exchange-hard.eml', 'dsn', 'hard', 'dddddddddddddddd', 'pat.quinn@corp.example.net', '5.1.10'],
    ['gmail-hard.eml', 'dsn', 'hard', null, 'no.such.person@gmail.example.com', '5.1.1'],
    ['yahoo-hard.eml', 'plain-text', 'hard', 'eeeeeeeeeeeeeeee', 'closed.account@yahoo.example.net', null],
    ['arf-complaint.eml', 'arf', 'complaint', 'ffffffffffffffff', 'annoyed@example.net', null],
  ])('%s: read as %s, %s, VERP id %s, about %s (status %s)', async (file, format, kind, verpId, address, status) => {
    const report = await parsed(file);
    expect(report).toMatchObject({ format, kind, verpId });
    expect(report.recipients).toHaveLength(1);
    expect(report.recipients[0]).toMatchObject({ address, kind, status });
    expect(report.originalMessageId).toMatch(/^<2024-W05\.[0-9a-f-]{36}@example\.com>$/);
    expect(report.reportId).toMatch(/^<.+>$/);
  });

  it('keeps the diagnostic text of each server, unfolded and with a multi-line reply prefix given once', async () => {
    expect((await parsed('postfix-hard.eml')).recipients[0]!.diagnostic).toBe('550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in virtual mailbox table');
    expect((await parsed('gmail-hard.eml')).recipients[0]!.diagnostic).toBe(
      "550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. x7si1234567qkb.88 - gsmtp",
    );
    expect((await parsed('yahoo-hard.eml')).recipients[0]!.diagnostic).toMatch(/^554: delivery error: dd This user doesn't have/);
    expect((await parsed('exim-hard.eml')).recipients[0]!.diagnostic).toContain('SMTP error from remote mail server after RCPT TO:<gone@example.org>: 550 5.1.1');
  });

  it('reads an out-of-office answer as an automatic reply, with no recipients to act on', async () => {
    expect(await parsed('auto-reply.eml')).toMatchObject({ kind: 'auto-reply', format: 'auto-reply', recipients: [] });
  });

  it('reads a message that is none of these as unknown', async () => {
    const mail = await simpleParser('From: Ann <ann@example.org>\r\nTo: bounces+aaaaaaaaaaaaaaaa@example.com\r\nSubject: Re: Test Weekly #1\r\n\r\nThanks, a good read.\r\n');
    expect(parseBounce(mail, { localPart: 'bounces' })).toMatchObject({ kind: 'unknown', format: null, recipients: [], verpId: 'aaaaaaaaaaaaaaaa' });
  });

  it('leaves out recipients a report says were delivered, and finds the VERP id under another local part only when configured', async () => {
    const raw = (await readFile(path.join(FIXTURES, 'postfix-hard.eml'), 'utf8')).replace('Action: failed', 'Action: delivered');
    const report = parseBounce(await simpleParser(raw), { localPart: 'returns' });
    expect(report.recipients).toEqual([]);
    expect(report.verpId).toBeNull();
  });
});

describe('the status classes', () => {
  it('5.x.x is hard, 4.x.x soft, a full mailbox soft, a bare 5xx hard, nothing known unknown', () => {
    expect(classify('5.1.1', null, 'failed')).toBe('hard');
    expect(classify('4.4.1', null, 'delayed')).toBe('soft');
    expect(classify('5.2.2', '552 5.2.2 Mailbox full', 'failed')).toBe('soft');
    expect(classify(null, '554: delivery error', null)).toBe('hard');
    expect(classify(null, '421 try again later', null)).toBe('soft');
    expect(classify(null, null, 'delayed')).toBe('soft');
    expect(classify(null, 'something went wrong', 'failed')).toBe('unknown');
  });
});

describe('the mbox splitter', () => {
  it('splits at From lines after a blank line and unquotes >From in a body', async () => {
    const messages = splitMbox(await readFile(path.join(FIXTURES, 'several.mbox')));
    expect(messages).toHaveLength(3);
    expect(messages[0]!.toString()).toMatch(/^Return-Path: <>\n/);
    expect(messages[1]!.toString()).toContain('\nFrom the desk: this week');
    expect(messages[1]!.toString()).not.toContain('>From');
    expect(messages[2]!.toString().endsWith('Sam\n')).toBe(true);
  });
});
