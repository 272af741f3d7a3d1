import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleImports, sourceFiles } from './support/imports.js';
import { REPO } from './support/workspace.js';

const SRC = path.join(REPO, 'src');

type Graph = ReadonlyMap<string, readonly string[]>;

/**
 * The modules of src/ and the modules of src/ each imports. Type-only and dynamic imports count:
 * a stage that names another's types, or loads it later, still depends on it.
 */
function sourceGraph(): Graph {
  return new Map(sourceFiles(SRC).map((file) => [file, moduleImports(file).map((entry) => entry.target).filter((target) => target.startsWith(`${SRC}${path.sep}`))]));
}

/** Each cycle once, as the path that closes it (`a → b → a`), found by depth-first search. */
export function findCycles(graph: Graph): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = (node: string) => {
    const at = onPath.indexOf(node);
    if (at >= 0) {
      cycles.push([...onPath.slice(at), node]);
      return;
    }
    if (done.has(node)) return;
    onPath.push(node);
    for (const next of graph.get(node) ?? []) visit(next);
    onPath.pop();
    done.add(node);
  };
  for (const node of graph.keys()) visit(node);
  return cycles;
}

const shown = (file: string) => path.relative(SRC, file);
/** Whether the file lies in the folder, given relative to src/ (`summarize/text`). */
const isUnder = (file: string, folder: string) => path.relative(SRC, file).startsWith(`${folder.split('/').join(path.sep)}${path.sep}`);

/** Every import from a module under folder `from` to one under folder `to` (both relative to src/), shown `a → b`. */
function arrowsBetween(graph: Graph, from: string, to: string): string[] {
  return [...graph]
    .filter(([file]) => isUnder(file, from))
    .flatMap(([file, targets]) => targets.filter((target) => isUnder(target, to)).map((target) => `${shown(file)} → ${shown(target)}`));
}

describe('the import graph of src/', () => {
  const graph = sourceGraph();

  it('is read whole: every relative import names a file that exists, and known arrows are seen', () => {
    const missing = [...graph].flatMap(([file, targets]) => targets.filter((target) => !existsSync(target)).map((target) => `${shown(file)} → ${shown(target)}`));
    expect(missing).toEqual([]);
    expect(graph.get(path.join(SRC, 'message', 'recipient-message.ts'))).toContain(path.join(SRC, 'message', 'personalize.ts'));
    // A type-only import and a re-export are arrows too.
    expect(graph.get(path.join(SRC, 'preview', 'test-send.ts'))).toContain(path.join(SRC, 'send', 'send-issue.ts'));
    expect(graph.get(path.join(SRC, 'index.ts'))).toContain(path.join(SRC, 'build.ts'));
  });

  it('has no import cycles', () => {
    expect(findCycles(graph).map((cycle) => cycle.map(shown).join(' → '))).toEqual([]);
  });

  // Lower stages never reach up: issue → render → message → send, render never into check, and
  // check reads a built issue from output/, never from the sending code.
  it.each([
    ['issue', 'render'],
    ['render', 'check'],
    ['render', 'send'],
    ['message', 'send'],
    ['check', 'send'],
    ['output', 'send'],
    ['preview', 'cli'],
  ])('%s/ imports nothing from %s/', (from, to) => {
    expect(arrowsBetween(graph, from, to)).toEqual([]);
  });

  // Inside the summarizer: text/ (characters, tokens, sentences, the shared word lists) is read by
  // all; speakers/ resolves who a mention is and never looks for quotations; key points use
  // neither.
  it.each([
    ['summarize/text', 'summarize/keypoints'],
    ['summarize/text', 'summarize/quotes'],
    ['summarize/text', 'summarize/speakers'],
    ['summarize/speakers', 'summarize/quotes'],
    ['summarize/speakers', 'summarize/keypoints'],
    ['summarize/keypoints', 'summarize/quotes'],
    ['summarize/keypoints', 'summarize/speakers'],
  ])('%s/ imports nothing from %s/', (from, to) => {
    expect(arrowsBetween(graph, from, to)).toEqual([]);
  });
});

describe('the cycle finder', () => {
  it('finds a cycle through several modules, and none in a graph that only joins', () => {
    expect(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual([['a', 'b', 'c', 'a']]);
    expect(findCycles(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]]))).toEqual([]);
    expect(findCycles(new Map([['a', ['a']]]))).toEqual([['a', 'a']]);
  });
});
