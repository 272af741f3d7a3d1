import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';
import { newMessageId } from '../message/compose.js';
import { TEST_SUBJECT_PREFIX, testCopyRecipient, testCopySubject } from '../message/test-copy.js';
import { addressProblem } from '../subscribers/address.js';
import { classifyFailure } from './delivery-error.js';
import { openDeliverer, prepareSend, type SendTarget } from './send-setup.js';
import { redactSecret } from './smtp-url.js';

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
  const setup = await prepareSend(options, TEST_SUBJECT_PREFIX, 'test');
  const deliverer = await openDeliverer(setup, options);
  try {
    const recipient = testCopyRecipient(setup.workspace.config, options.to);
    const messageId = newMessageId(setup.workspace.config.from, setup.issue.slug);
    let reply: string;
    try {
      reply = await deliverer.deliver(await setup.prepare(recipient, messageId), async () => undefined);
    } catch (error) {
      throw new GazetteError([diagnostic('send/test-failed', `the test copy was refused: ${redactSecret(classifyFailure(error).reply, setup.server)}`)]);
    }
    return { issue: setup.issue.slug, to: options.to, subject: testCopySubject(setup.issue.email.subject), messageId, destination: setup.destination, reply };
  } finally {
    deliverer.close();
  }
}
