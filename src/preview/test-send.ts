import { writeIssue, type BuildResult } from '../build.js';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';
import type { TestCopyResult } from '../send/send-issue.js';
import type { Diagnostic } from '../types.js';

export interface TestSendRequest {
  /** The week shown in the page; empty for the default one. */
  week: string | null;
  to: string;
}

/** The page's request body, or the problem with it. */
export function parseTestSendRequest(body: string): TestSendRequest | Diagnostic {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return diagnostic('preview/bad-request', 'the request is not JSON');
  }
  const { week, to } = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof to !== 'string' || to.trim() === '') return diagnostic('preview/test-address', 'give an address to send the test to', { field: 'to' });
  if (week !== undefined && week !== null && typeof week !== 'string') return diagnostic('preview/bad-request', 'week must be a string', { field: 'week' });
  return { week: week || null, to: to.trim() };
}

export type TestSendOutcome = { ok: true; sent: TestCopyResult } | { ok: false; errors: Diagnostic[] };

/**
 * Sends one test copy of the build on screen. `send` mails what `build` wrote to the out folder,
 * so the shown build is written there first, and sent from the same workspace it was built in
 * (`--out` included): the copy that arrives is the one being previewed.
 */
export async function sendPreviewTest(result: BuildResult, to: string): Promise<TestSendOutcome> {
  const { sendTestCopy } = await import('../send/send-issue.js');
  try {
    await writeIssue(result);
    const sent = await sendTestCopy({ workspace: result.workspace, issue: result.digest.issue.slug, to });
    return { ok: true, sent };
  } catch (error) {
    if (error instanceof GazetteError) return { ok: false, errors: error.diagnostics };
    return { ok: false, errors: [diagnostic('preview/send-failed', `the test could not be sent: ${error instanceof Error ? error.message : String(error)}`)] };
  }
}
