#!/usr/bin/env node
import { CommanderError } from 'commander';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';
import { fileErrorReason } from '../load/file-error.js';
import { ExitCode, exitCodeFor } from './exit-codes.js';
import { cutToLastWholeLine, regularFileSize } from './last-whole-line.js';
import { printDiagnostics, shownDiagnostics } from './terminal.js';
import { createProgram } from './program.js';
import { optimizeForShortRuns } from './compiler-tuning.js';

const STDOUT = 1;

/** The one place errors are printed and turned into an exit code. Commands are declared in program.ts. */
export async function main(argv: readonly string[] = process.argv): Promise<void> {
  const outputStart = regularFileSize(STDOUT);
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // A reader that stops early (`| head`) is not an error.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.ok);
    // Nothing more can be written there (a full disk): leave no half line, say why on stderr and stop.
    cutToLastWholeLine(STDOUT, outputStart);
    printDiagnostics([diagnostic('output/unwritable', `cannot write the output: ${fileErrorReason(error)}`)]);
    process.exit(ExitCode.problems);
  });
  try {
    await createProgram().parseAsync(argv as string[]);
  } catch (error) {
    process.exitCode = reportError(error, argv.includes('--json'));
  }
}

function reportError(error: unknown, json: boolean): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (and help, when asked for).
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof GazetteError) {
    // Scripts that asked for JSON get the problems as JSON too; people get them on stderr.
    if (json) process.stdout.write(`${JSON.stringify({ ok: false, diagnostics: shownDiagnostics(error.diagnostics) }, null, 2)}\n`);
    else printDiagnostics(error.diagnostics);
    return exitCodeFor(error.diagnostics);
  }
  process.stderr.write(`gazette: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return ExitCode.internal;
}

optimizeForShortRuns();
await main();
