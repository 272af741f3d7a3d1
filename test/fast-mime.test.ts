import { generateKeyPairSync } from 'node:crypto';
import { once } from 'node:events';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser, type ParsedMail } from 'mailparser';
import { dkimVerify } from 'mailauth';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import DataStream from 'nodemailer/lib/smtp-connection/data-stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDigest } from '../src/build.js';
import { localResolver } from '../src/check/rules/dkim.js';
import { loadConfig } from '../src/config.js';
import { composeMessage, toMailOptions } from '../src/message/compose.js';
import { dkimOptions, type DkimKey } from '../src/message/dkim.js';
import { createMimeTemplate } from '../src/message/mime-template.js';
import { createMessageFactory, createRecipientCopies, type MessageFactoryOptions } from '../src/message/recipient-message.js';
import { returnPathOptions } from '../src/message/return-path.js';
import { prepareMessage, templatePreparer, wholeMessage, type MessagePreparer, type PreparedMessage } from '../src/send/prepared-message.js';
import type { Recipient, RenderedEmail } from '../src/types.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECRET = 'fast-mime-test-secret';
const SENT_AT = new Date('2024-02-05T09:30:00Z');

/** Readers whose names and addresses exercise every encoding choice of a header and a body. */
const READERS: Recipient[] = [
  { email: 'zoe@example.com', name: 'Zoë Ångström', fields: {} },
  { email: 'li.lei@example.com', name: '李雷', fields: {} },
  { email: 'ann@example.com', name: 'Lee, Ann "the <boss>" O\'Neil & co', fields: {} },
  { email: 'no.name@example.com', name: null, fields: {} },
  { email: 'zoë@exämple.com', name: 'A name long enough that nodemailer has to fold the To header across two lines, Zoë', fields: {} },
];

let email: RenderedEmail;
let options: MessageFactoryOptions;
let dkim: DkimKey;

/** The repository's own sample issue (articles/, templates/, gazette.config.json), built once. */
beforeAll(async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'gazette-fast-mime-'));
  for (const name of ['articles', 'templates', 'gazette.config.json']) await cp(path.join(REPO, name), path.join(root, name), { recursive: true });
  const built = await buildDigest({ root });
  email = built.email;
  const { config } = await loadConfig(root);
  options = {
    email,
    from: config.from,
    replyTo: config.reply_to,
    listId: config.list_id,
    unsubscribeEndpoint: new URL(config.unsubscribe.url!),
    unsubscribeMailto: config.unsubscribe.mailto,
    secret: SECRET,
    subscriberFields: config.subscriber_fields,
    now: () => SENT_AT,
    returnPath: returnPathOptions(config, built.digest.issue.slug, SECRET),
  };
  dkim = { domain: 'example.com', selector: 'gazette', privateKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}, 60_000);

/** The message as the SMTP pool hands it over: a raw message, DKIM-signed by nodemailer when a key is set. */
async function transmitted(prepared: PreparedMessage, key: DkimKey | null): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, dkim: dkimOptions(key) });
  return (await transport.sendMail({ envelope: prepared.envelope, raw: wholeMessage(prepared) })).message as Buffer;
}

/** What a reader's mail program makes of a message: everything but the bytes of the encoding. */
function seenByReader(mail: ParsedMail) {
  const header = (name: string) => mail.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]+:\s*/, '') ?? null;
  return {
    subject: mail.subject,
    from: mail.from?.value,
    to: mail.to && 'value' in mail.to ? mail.to.value : null,
    replyTo: mail.replyTo?.value,
    messageId: mail.messageId,
    date: mail.date?.toISOString(),
    text: mail.text,
    html: mail.html,
    listUnsubscribe: header('list-unsubscribe'),
    listUnsubscribePost: header('list-unsubscribe-post'),
    listId: header('list-id'),
    parts: mail.attachments.length,
  };
}

/** The message without its first header field (a folded field's continuation lines included). */
function withoutFirstField(raw: Buffer): Buffer {
  let end = raw.indexOf('\r\n');
  while (raw[end + 2] === 0x20 || raw[end + 2] === 0x09) end = raw.indexOf('\r\n', end + 2);
  return raw.subarray(end + 2);
}

describe('a copy spliced from the MIME template', () => {
  let fast: MessagePreparer;
  const slow = (recipient: Recipient, messageId: string) => prepareMessage(createMessageFactory(options)(recipient, messageId));

  beforeAll(async () => {
    fast = templatePreparer(await createMimeTemplate(email), createRecipientCopies(options));
  });

  it.each(READERS)('reads exactly like the one nodemailer composes whole, for $email', async (reader) => {
    const messageId = `<2024-W05.${reader.email.length}@example.com>`;
    const [quick, whole] = await Promise.all([fast(reader, messageId), slow(reader, messageId)]);
    expect(quick.envelope).toEqual(whole.envelope);
    expect(quick.envelope.from).toMatch(/^bounces\+[a-z2-7]{16}@example\.com$/);
    expect(quick.messageId).toBe(messageId);

    const [quickMail, wholeMail] = await Promise.all([simpleParser(wholeMessage(quick)), simpleParser(wholeMessage(whole))]);
    const seen = seenByReader(quickMail);
    expect(seen).toEqual(seenByReader(wholeMail));
    // The fields really are this reader's, not the stand-ins or another copy's.
    expect(seen.text).toContain(reader.email);
    if (reader.name) expect(seen.text).toContain(`Hello ${reader.name},`);
    expect(seen.listUnsubscribePost).toBe('List-Unsubscribe=One-Click');
    // The config's reply_to, which nodemailer dropped while it went as a prepared header.
    expect(seen.replyTo).toEqual([{ address: 'editor@example.com', name: '' }]);
    expect(seen.html).toContain(/^<([^>]+)>/.exec(seen.listUnsubscribe ?? '')![1]!.replace(/&/g, '&amp;'));
  });

  it('writes each copy\'s header block byte for byte as nodemailer\'s MailComposer writes it for that copy', async () => {
    const copyFor = createRecipientCopies(options);
    // Every reader twice, so the later copies are written from the block nodemailer built once.
    for (const reader of [...READERS, ...READERS]) {
      const messageId = `<headers.${reader.email}>`;
      const raw = wholeMessage(await fast(reader, messageId)).toString('utf8');
      const headers = raw.slice(0, raw.indexOf('\r\n\r\n'));
      const baseBoundary = /boundary="--_NmP-([0-9a-f]+)-Part_1"/.exec(headers)?.[1];
      expect(baseBoundary).toBeDefined();
      const message = composeMessage(email.subject, { html: '\u00e9html', text: '\u00e9text' }, copyFor(reader).envelope, messageId);
      const composed = new MailComposer({ ...toMailOptions(message), textEncoding: 'quoted-printable', baseBoundary }).compile().buildHeaders();
      expect(headers).toBe(composed);
    }
  });

  it('starts no body line with a dot, so SMTP dot-stuffing sends the shared parts on without copying them', async () => {
    const prepared = await fast(READERS[0]!, '<dots@example.com>');
    const raw = wholeMessage(prepared).toString('latin1');
    expect(raw.slice(raw.indexOf('\r\n\r\n') + 4).split('\r\n').filter((line) => line.startsWith('.'))).toEqual([]);
    // The sample issue's HTML has lines a plain encoding starts with a dot (its CSS rules).
    expect(email.htmlTemplate).toMatch(/\.[a-z-]+\s*\{/);
    const stuffing = new DataStream();
    const out: Buffer[] = [];
    stuffing.on('data', (chunk: Buffer) => out.push(chunk));
    for (const piece of prepared.pieces) stuffing.write(piece);
    stuffing.end();
    await once(stuffing, 'end');
    const shared = prepared.pieces.filter((piece) => piece.length >= 2048);
    expect(shared.length).toBeGreaterThan(0);
    for (const piece of shared) expect(out.includes(piece)).toBe(true);
  });

  it('keeps every body line within 76 characters and every line end CRLF', async () => {
    const raw = wholeMessage(await fast(READERS[4]!, '<long@example.com>')).toString('latin1');
    expect(raw).not.toMatch(/[^\r]\n|\r[^\n]/);
    const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
    expect(Math.max(...body.split('\r\n').map((line) => line.length))).toBeLessThanOrEqual(76);
  });

  it.each([
    ['off', null],
    ['on', 'key'],
  ])('verifies with DKIM %s exactly as the composed copy does', async (_, on) => {
    const key = on ? dkim : null;
    for (const reader of READERS.slice(0, 3)) {
      const messageId = `<dkim.${reader.email}>`;
      const quick = await transmitted(await fast(reader, messageId), key);
      const whole = await transmitted(await slow(reader, messageId), key);
      const [quickResult, wholeResult] = await Promise.all([dkimVerify(quick, { resolver: localResolver(dkim) }), dkimVerify(whole, { resolver: localResolver(dkim) })]);
      expect(quickResult.results.map((result) => result.status.result)).toEqual(on ? ['pass'] : ['none']);
      expect(quickResult.results.map((result) => result.status.result)).toEqual(wholeResult.results.map((result) => result.status.result));
      expect(seenByReader(await simpleParser(quick))).toEqual(seenByReader(await simpleParser(whole)));
    }
  });

  it('signs each copy itself with DKIM byte for byte as nodemailer signs it, and it verifies like the composed copy', async () => {
    const signing = templatePreparer(await createMimeTemplate(email, dkim), createRecipientCopies(options));
    const signed = (verified: Awaited<ReturnType<typeof dkimVerify>>) =>
      verified.results.map((result) => ({ status: result.status.result, headers: (result as { signingHeaders?: { keys?: string } }).signingHeaders?.keys }));
    for (const reader of READERS) {
      const messageId = `<dkim-fast.${reader.email}>`;
      const prepared = await signing(reader, messageId);
      const copy = wholeMessage(prepared);
      // The same copy without its signature, signed by nodemailer's transport: the very same bytes.
      expect(copy.subarray(0, 15).toString()).toBe('DKIM-Signature:');
      expect((await transmitted({ ...prepared, pieces: [withoutFirstField(copy)] }, dkim)).equals(copy)).toBe(true);

      const whole = await transmitted(await slow(reader, messageId), dkim);
      const [fastResult, wholeResult] = await Promise.all([dkimVerify(copy, { resolver: localResolver(dkim) }), dkimVerify(whole, { resolver: localResolver(dkim) })]);
      expect(signed(fastResult)).toEqual([{ status: 'pass', headers: expect.stringContaining('List-Unsubscribe-Post') }]);
      expect(signed(fastResult)).toEqual(signed(wholeResult));
      expect(seenByReader(await simpleParser(copy))).toEqual(seenByReader(await simpleParser(whole)));
    }
  });

  it('encodes an issue larger than one slice so it reads and verifies like the composed copy: pairs, CRLF and trailing spaces at every offset', async () => {
    // 3 MB of text whose characters fall on every slice edge: emoji pairs, CRLF, spaces before line ends.
    const filler = (repeat: number) => 'A café 😀 line with a trailing space \r\n\tand 北京 text =3D not code  \n'.repeat(repeat);
    const large = { ...email, htmlTemplate: email.htmlTemplate.replace('</body>', `<p>${filler(40_000)}</p></body>`), textTemplate: `${email.textTemplate}\n${filler(40_000)}` };
    const largeOptions = { ...options, email: large };
    const signing = templatePreparer(await createMimeTemplate(large, dkim), createRecipientCopies(largeOptions));
    const messageId = '<large@example.com>';
    const copy = wholeMessage(await signing(READERS[0]!, messageId));
    const whole = await transmitted(await prepareMessage(createMessageFactory(largeOptions)(READERS[0]!, messageId)), dkim);
    const body = copy.toString('latin1').slice(copy.indexOf('\r\n\r\n') + 4);
    expect(body).not.toMatch(/[^\r]\n|\r[^\n]/);
    expect(body.split('\r\n').every((line) => line.length <= 76)).toBe(true);
    const [fastResult, wholeResult] = await Promise.all([dkimVerify(copy, { resolver: localResolver(dkim) }), dkimVerify(whole, { resolver: localResolver(dkim) })]);
    expect(fastResult.results.map((result) => result.status.result)).toEqual(['pass']);
    expect(wholeResult.results.map((result) => result.status.result)).toEqual(['pass']);
    const [fastMail, wholeMail] = await Promise.all([simpleParser(copy), simpleParser(whole)]);
    expect(seenByReader(fastMail)).toEqual(seenByReader(wholeMail));
    expect((fastMail.html as string).split('A café 😀 line with a trailing space').length).toBe(40_001);
  }, 120_000);

  it('keeps lines within 76 characters where pieces and slices meet, whatever length their last line has', async () => {
    const field = (name: string) => `${email.recipientMarker}${name}]]`;
    // Pieces of every length around two full lines, each followed by a fill; one run longer than a slice.
    const pieces = Array.from({ length: 12 }, (_, i) => `${'y'.repeat(140 + i)}${field('subscriber.email')}`).join('');
    const edges = { ...email, htmlTemplate: `${pieces}${'x'.repeat(1_100_000)}${field('unsubscribe_url')}`, textTemplate: `${pieces}\n${field('unsubscribe_url')}` };
    const prepare = templatePreparer(await createMimeTemplate(edges, dkim), createRecipientCopies({ ...options, email: edges }));
    const copy = wholeMessage(await prepare(READERS[0]!, '<edges@example.com>'));
    const body = copy.toString('latin1').slice(copy.indexOf('\r\n\r\n') + 4);
    expect(body.split('\r\n').filter((line) => line.length > 76)).toEqual([]);
    const mail = await simpleParser(copy);
    expect(mail.html).toBe(edges.htmlTemplate.replaceAll(field('subscriber.email'), READERS[0]!.email).replace(field('unsubscribe_url'), mail.text!.split('\n').at(-1)!.trim()));
    expect((await dkimVerify(copy, { resolver: localResolver(dkim) })).results.map((result) => result.status.result)).toEqual(['pass']);
  }, 120_000);

  it('fails a recipient the theme cannot fill, as the composed copy does', async () => {
    const strict = templatePreparer(await createMimeTemplate(email), createRecipientCopies({ ...options, subscriberFields: [] }));
    const withCompany = { ...email, htmlTemplate: `${email.htmlTemplate}${email.recipientMarker}subscriber.company]]` };
    const needsCompany = templatePreparer(await createMimeTemplate(withCompany), createRecipientCopies({ ...options, email: withCompany }));
    expect(() => strict(READERS[0]!, '<a@example.com>')).not.toThrow();
    expect(() => needsCompany(READERS[0]!, '<a@example.com>')).toThrow('the recipient has no "subscriber.company" value');
  });
});
