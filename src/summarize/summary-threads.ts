import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** One `{"id", "text"}` line of a JSON lines file. */
export interface InputArticle {
  id: string | number;
  text: string;
}

/** What a summary thread is told once, when it starts: the options of `summarizeJsonl` it needs. */
export interface SummaryThreadOptions {
  points?: number;
  allQuotes?: boolean;
}

/** One article handed to a thread, and the line it hands back for it. */
export interface SummaryRequest {
  id: number;
  article: InputArticle;
}
export interface SummaryReply {
  id: number;
  line: string;
}

/** A thread for each core: what `gazette summarize --jsonl` uses unless told otherwise. */
export const DEFAULT_THREADS = availableParallelism();

/**
 * Worker threads that summarize articles, each given to the thread with the fewest waiting. The
 * summarizer is pure and articles are independent, so batch summarizing scales with the cores:
 * the caller keeps the order. A thread that fails (a bug in the summarizer) fails every article
 * it was given, and the caller reports it as any other failure.
 */
export class SummaryThreads {
  private readonly workers: { worker: Worker; waiting: Set<number> }[];
  private readonly replies = new Map<number, { resolve: (line: string) => void; reject: (error: Error) => void }>();
  private nextId = 0;

  constructor(count: number, options: SummaryThreadOptions) {
    this.workers = Array.from({ length: count }, () => {
      const worker = new Worker(new URL('./summary-worker.js', import.meta.url), { workerData: options });
      const entry = { worker, waiting: new Set<number>() };
      worker.on('message', ({ id, line }: SummaryReply) => {
        entry.waiting.delete(id);
        this.replies.get(id)?.resolve(line);
        this.replies.delete(id);
      });
      worker.on('error', (error) => this.failAll(entry.waiting, error));
      worker.on('exit', (code) => this.failAll(entry.waiting, new Error(`a summary thread stopped (exit code ${code})`)));
      return entry;
    });
  }

  summarize(article: InputArticle): Promise<string> {
    const id = this.nextId++;
    const least = this.workers.reduce((best, entry) => (entry.waiting.size < best.waiting.size ? entry : best));
    least.waiting.add(id);
    const reply = new Promise<string>((resolve, reject) => this.replies.set(id, { resolve, reject }));
    // Handled here as well as by the caller, who stops awaiting at the first failure: the
    // replies still waiting then fail as the threads close, and must not end the process.
    reply.catch(() => undefined);
    least.worker.postMessage({ id, article } satisfies SummaryRequest);
    return reply;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private failAll(ids: Set<number>, error: Error): void {
    for (const id of ids) {
      this.replies.get(id)?.reject(error);
      this.replies.delete(id);
    }
    ids.clear();
  }
}
