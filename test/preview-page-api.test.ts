import { expectTypeOf, it } from 'vitest';
import type { PageState, PageTestSendOutcome } from '../src/preview/page/browser/api.js';
import type { PageStateAnswer } from '../src/preview/page-paths.js';
import type { TestSendOutcome } from '../src/preview/test-send.js';

// The page is compiled apart from the server, for the browser: `npm run typecheck` fails here
// when the server's answers stop fitting what the page reads from them.
it('the page reads /api/state and /api/send-test in the shapes the server answers with', () => {
  expectTypeOf<PageStateAnswer>().toExtend<PageState>();
  expectTypeOf<TestSendOutcome>().toExtend<PageTestSendOutcome>();
  expectTypeOf<{ ok: true; sent: { to: string } }>().not.toExtend<PageTestSendOutcome>();
});
