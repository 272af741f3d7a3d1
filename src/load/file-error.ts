/**
 * Why a file could not be read or written, without the path Node puts in its messages
 * (`ENOENT: no such file or directory, open '/…'`): the path belongs in the diagnostic's `file`.
 */
export function fileErrorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const { code, syscall } = error as NodeJS.ErrnoException;
  if (!code || !syscall) return message;
  const withoutPath = message.replace(new RegExp(`,\\s*${syscall}\\b.*$`, 's'), '');
  return withoutPath.startsWith(`${code}: `) ? withoutPath.slice(code.length + 2) : withoutPath;
}
