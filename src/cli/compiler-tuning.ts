/**
 * How eagerly V8 optimizes the CLI's code. A run of the CLI is short: a digest's build, a batch
 * of articles summarized. In such a run V8's default sends hundreds of the summarizer's functions
 * to its optimizing compiler within the first hundred articles, and on a machine of two cores
 * that compiling competes with the work it is meant to speed up.
 */
import { setFlagsFromString } from 'node:v8';

// Bytecode a function runs between two of V8's checks on whether to optimize it: four times
// Node 20's default (67,584). Measured on two cores over the 500 articles of the key-point dev
// file (`node dist/bench/summarize.js`), the whole `summarize --jsonl` process took 0.70-0.74 s
// with the default and 0.60-0.63 s with this, its CPU time 1.1 s and 0.8 s; 2.2 times the default
// took 0.66 s, 8 times 0.65 s, 15 times 0.68 s. The sample issue's `build` went from 0.82 s to
// 0.77 s, the 924 PolNeAR articles from 1.40 s to 1.34 s; a batch of 3,700 articles took 1.5%
// longer (with less CPU): a long run is where the default's eagerness pays.
const INTERRUPT_BUDGET = 4 * 67_584;

/** The V8 flag the CLI sets, or null when node was started with a budget of its own (`node --interrupt-budget=… gazette …`). */
export function interruptBudgetFlag(execArgv: readonly string[]): string | null {
  return execArgv.some((argument) => argument.startsWith('--interrupt-budget')) ? null : `--interrupt-budget=${INTERRUPT_BUDGET}`;
}

/**
 * Makes V8 optimize only the code that stays hot for a while. Set while the process runs, the
 * flag still takes effect, as V8 reads it whenever it starts a function's count anew: the times
 * above are the same as with the flag on node's command line.
 */
export function optimizeForShortRuns(): void {
  const flag = interruptBudgetFlag(process.execArgv);
  if (flag !== null) setFlagsFromString(flag);
}
