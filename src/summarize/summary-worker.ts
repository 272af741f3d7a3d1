/** A summary thread (summary-threads.ts): summarizes each article it is handed, in turn. */
import { parentPort, workerData } from 'node:worker_threads';
import { summaryLine } from './jsonl.js';
import type { SummaryReply, SummaryRequest, SummaryThreadOptions } from './summary-threads.js';

const options = workerData as SummaryThreadOptions;
parentPort!.on('message', ({ id, article }: SummaryRequest) => {
  parentPort!.postMessage({ id, line: summaryLine(article, options) } satisfies SummaryReply);
});
