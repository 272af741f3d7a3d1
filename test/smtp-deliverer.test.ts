import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { PreparedMessage } from '../src/send/prepared-message.js';
import { smtpDeliverer } from '../src/send/smtp-deliverer.js';
import { parseSmtpUrl } from '../src/send/smtp-url.js';
import { sinksStoppedAfterEach } from './support/smtp-server.js';

const sink = sinksStoppedAfterEach();

function message(to: string): PreparedMessage {
  const text = `From: digest@example.com\r\nTo: ${to}\r\nSubject: Hello\r\nMessage-ID: <${to}@example.com>\r\n\r\nHello.\r\n`;
  return { messageId: `<${to}@example.com>`, envelope: { from: 'digest@example.com', to }, pieces: [Buffer.from(text)] };
}

/**
 * The claim (marking the row `sending` in the ledger) is a database round trip that runs while the
 * connection sends MAIL FROM, RCPT TO and DATA: the message's bytes wait for it, and a refused
 * claim means the server never gets a whole message to accept.
 */
describe('handing a message to the SMTP pool', () => {
  it('sends the message only after its claim is recorded, even a slow one', async () => {
    const server = await sink();
    const deliverer = smtpDeliverer(parseSmtpUrl(server.url, { field: 'smtp' }), { connections: 1 });
    try {
      let claimedAt = 0;
      const reply = await deliverer.deliver(message('ann@example.com'), async () => {
        await delay(150);
        claimedAt = Date.now();
      });
      expect(reply).toMatch(/^250/);
      const [accepted] = await server.accepted();
      expect(accepted!.acceptedAt).toBeGreaterThanOrEqual(claimedAt);
    } finally {
      deliverer.close();
    }
  });

  it('leaves nothing accepted when the claim is refused, early or after DATA began, and the next message still goes', async () => {
    const server = await sink();
    const deliverer = smtpDeliverer(parseSmtpUrl(server.url, { field: 'smtp' }), { connections: 1 });
    try {
      await expect(deliverer.deliver(message('early@example.com'), () => Promise.reject(new Error('lease lost')))).rejects.toThrow(/lease lost/);
      await expect(
        deliverer.deliver(message('late@example.com'), async () => {
          await delay(150);
          throw new Error('lease lost late');
        }),
      ).rejects.toThrow(/lease lost late/);
      expect(await deliverer.deliver(message('next@example.com'), async () => undefined)).toMatch(/^250/);
      expect((await server.accepted()).flatMap((line) => line.to)).toEqual(['next@example.com']);
    } finally {
      deliverer.close();
    }
  });
});
