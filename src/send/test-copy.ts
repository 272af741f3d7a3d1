import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';
import { newMessageId } from '../message/compose.js';
import { addressProblem } from '../subscribers/address.js';
import type { Recipient } from '../types.js';
import { classifyFailure } from './delivery-error.js';
import { prepareMessage } from './prepared-message.js';
import { openDeliverer, prepareSend, type SendTarget } from './send-setup.js';
import { redactSecret } from './smtp-url.js';

/** Marks the subject, so a test copy is never mistaken for the issue itself. */
export const TEST_SUBJECT_PREFIX = '[TEST] ';

export interface TestCopyResult {
  issue: string;
  to: string;
  subject: string;
  messageId: string;
  destination: string;
  reply: string;
}

/** `--test ADDRESS`: one copy with the preview subscriber's fields, sent outside the ledger. */
export async function sendTestCopy(options: SendTarget & { to: string }): Promise<TestCopyResult> {
  const problem = addressProblem(options.to);
  if (problem) throw new GazetteError([diagnostic('send/test-address', `${options.to}: ${problem}`, { field: 'test' })]);
  const setup = await prepareSend(options, TEST_SUBJECT_PREFIX);
  const deliverer = await openDeliverer(setup, options);
  try {
    const preview = setup.loaded.config.preview.subscriber;
    const recipient: Recipient = { email: options.to, name: preview.name ?? null, fields: { ...preview, email: options.to } };
    const messageId = newMessageId(setup.loaded.config.from, setup.issue.slug);
    let reply: string;
    try {
      reply = await deliverer.deliver(await prepareMessage(setup.compose(recipient, messageId)), () => undefined);
    } catch (error) {
      throw new GazetteError([diagnostic('send/test-failed', `the test copy was refused: ${redactSecret(classifyFailure(error).reply, setup.server)}`)]);
    }
    return { issue: setup.issue.slug, to: options.to, subject: `${TEST_SUBJECT_PREFIX}${setup.issue.email.subject}`, messageId, destination: setup.destination, reply };
  } finally {
    deliverer.close();
  }
}
