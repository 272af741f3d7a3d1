/**
 * The command-line options of a benchmark or a script: node's `parseArgs`, with `--help` (the
 * usage on standard output, exit 0) and a usage error (an unknown option, a missing value: the
 * message and the usage on standard error, exit 2) where parseArgs would end in a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Node's errors for arguments parseArgs cannot read (`ERR_PARSE_ARGS_UNKNOWN_OPTION`, …). */
function isUsageError(error: unknown): error is Error {
  return error instanceof Error && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS_');
}

export function parseBenchArguments<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  const args = config.args ?? process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs(config);
  } catch (error) {
    if (!isUsageError(error)) throw error;
    console.error(`${error.message}\n${usage}`);
    process.exit(2);
  }
}
