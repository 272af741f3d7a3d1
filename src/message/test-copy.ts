import type { GazetteConfig } from '../config.js';
import type { Recipient } from '../types.js';
import { sampleRecipient } from './sample-message.js';

/** Marks the subject, so a test copy is never mistaken for the issue itself. */
export const TEST_SUBJECT_PREFIX = '[TEST] ';

export function testCopySubject(subject: string): string {
  return `${TEST_SUBJECT_PREFIX}${subject}`;
}

/** Whoever asked for a test copy, reading it as the sample subscriber (`preview.subscriber`) would. */
export function testCopyRecipient(config: GazetteConfig, to: string): Recipient {
  return sampleRecipient(config, to);
}
