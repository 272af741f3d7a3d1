/**
 * Summarizing text built to be slow: runs of quote marks, short quoted pieces in one long
 * paragraph, capitalized words before a name. Each input is summarized at two sizes, the second
 * twice the first, in this process; `growth` is the ratio of their times (about 2 for linear
 * work, 4 for quadratic, 8 for cubic). An outside tester found each of these taking 5 to 40
 * seconds on 5 to 160 KB (the last one on 2 MB) before the limits that now bound them
 * (quotations.ts, roles.ts, quotes.ts).
 *
 *   npm run build && node dist/bench/summarize-hostile.js      prints JSON
 */
import { performance } from 'node:perf_hooks';
import { summarizeText } from '../src/summarize/index.js';
import { parseBenchArguments } from './arguments.js';

interface Input {
  name: string;
  /** The text at size `n`. */
  make: (n: number) => string;
  n: number;
}

const INPUTS: Input[] = [
  { name: 'quoted words in one sentence', make: (n) => 'He said "a" and '.repeat(n), n: 1600 },
  { name: 'reading list in one paragraph', make: (n) => Array.from({ length: n }, (_, i) => `"Book number ${i}" by Author ${i}`).join('\n'), n: 800 },
  { name: 'straight double quote marks', make: (n) => '"'.repeat(n), n: 50_000 },
  { name: 'straight single quote marks', make: (n) => "'".repeat(n), n: 50_000 },
  { name: 'capitalized possessives before a quotation', make: (n) => `${"Alpha's ".repeat(n)}said "we will win."`, n: 20_000 },
  { name: 'double-quoted pieces inside a single-quoted one', make: (n) => `He said ‘${'"a" '.repeat(n)}end’.`, n: 20_000 },
  { name: 'many lines without a quote mark, in title case', make: (n) => `${Array.from({ length: n }, (_, i) => `Council May Close Pool ${i}`).join('\n')}\n\n"We will act," said Tom Reed.`, n: 8_000 },
  { name: 'a run of capitalized words that are names and letters', make: (n) => `Mayor ${'Will Snow May Still QPM MP Fox '.repeat(n)}said: "We will act."`, n: 2_000 },
  {
    name: 'descriptions nobody in the text fits',
    make: (n) => Array.from({ length: n }, (_, i) => `Rep. Cody Rasm${i} (R-Idaho) spoke. Dale Hoch${i} listened.\n\n"No votes ${i}," the Indiana Republican said.`).join('\n\n'),
    n: 800,
  },
  // Many attributed quotations and no question mark after them: the question test read from each
  // quotation to the end of the text (9 s for 2 MB).
  { name: 'many short quotations, each attributed', make: (n) => '“A.” B said. '.repeat(n), n: 40_000 },
];

function millisecondsFor(text: string): number {
  const started = performance.now();
  summarizeText(text);
  return performance.now() - started;
}

// A first run compiles the code, so that neither size pays for it.
summarizeText(INPUTS.map((input) => input.make(10)).join('\n\n'));
parseBenchArguments({ options: {} }, 'usage: node dist/bench/summarize-hostile.js   (prints JSON)');
const results = INPUTS.map(({ name, make, n }) => {
  const small = make(n);
  const large = make(2 * n);
  const smallMs = millisecondsFor(small);
  const largeMs = millisecondsFor(large);
  return {
    input: name,
    characters: [small.length, large.length],
    milliseconds: [Math.round(smallMs), Math.round(largeMs)],
    growth: Math.round((10 * largeMs) / Math.max(smallMs, 1)) / 10,
  };
});
console.log(JSON.stringify({ results }, null, 2));
