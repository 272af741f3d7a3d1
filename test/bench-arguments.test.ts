import { afterEach, expect, it, vi } from 'vitest';
import { parseBenchArguments } from '../bench/arguments.js';

const USAGE = 'usage: node dist/bench/example.js FILE [--folds N]';
const options = { folds: { type: 'string', default: '5' } } as const;

/** Runs the parser with `args`; what it printed and the exit status it asked for, if any. */
function run(args: string[]): { exitCode: number | null; out: string; err: string; folds?: string } {
  let out = '';
  let err = '';
  vi.spyOn(console, 'log').mockImplementation((text: string) => void (out += text));
  vi.spyOn(console, 'error').mockImplementation((text: string) => void (err += text));
  vi.spyOn(process, 'exit').mockImplementation(((code: number) => {
    throw Object.assign(new Error('exit'), { exitCode: code });
  }) as never);
  try {
    const { values } = parseBenchArguments({ args, options, allowPositionals: true }, USAGE);
    return { exitCode: null, out, err, folds: values.folds };
  } catch (error) {
    return { exitCode: (error as { exitCode: number }).exitCode, out, err };
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

it('reads the options of a benchmark', () => {
  expect(run(['file.jsonl', '--folds', '3'])).toMatchObject({ exitCode: null, folds: '3' });
});

it('prints the usage for --help and -h, and exits 0', () => {
  expect(run(['--help'])).toMatchObject({ exitCode: 0, out: USAGE, err: '' });
  expect(run(['-h'])).toMatchObject({ exitCode: 0, out: USAGE });
});

it('ends an unknown option or a missing value with what is wrong and the usage, exit 2, not a stack trace', () => {
  const unknown = run(['--bogus']);
  expect(unknown.exitCode).toBe(2);
  expect(unknown.err).toMatch(/Unknown option '--bogus'/);
  expect(unknown.err).toContain(USAGE);
  expect(run(['--folds']).err).toMatch(/argument missing/);
});
