/**
 * Splits an mbox (mboxrd or mboxo) into its messages and undoes the `>From ` quoting.
 * Written here because the one kept library for it (mailsplit) is not a dependency, and the
 * format is a few lines: a message starts at a `From ` line at the start of the file or after
 * a blank line; inside a message, `>From `, `>>From `, … lose one `>`. The file is read whole:
 * a bounce mailbox exported for this is megabytes, not gigabytes.
 */
export function splitMbox(bytes: Buffer): Buffer[] {
  const text = bytes.toString('latin1');
  const messages: string[] = [];
  let current: string[] | null = null;
  let previousBlank = true;
  for (const line of text.split(/(?<=\n)/)) {
    if (line.startsWith('From ') && previousBlank) {
      if (current) messages.push(finish(current));
      current = [];
    } else if (current) {
      current.push(/^>+From /.test(line) ? line.slice(1) : line);
    }
    previousBlank = line === '\n' || line === '\r\n';
  }
  if (current) messages.push(finish(current));
  // latin1 maps bytes one to one, so the bytes of every message come back unchanged.
  return messages.map((message) => Buffer.from(message, 'latin1'));
}

/** The blank line mbox writes before the next `From ` belongs to the format, not the message. */
function finish(lines: string[]): string {
  const last = lines.at(-1);
  if (last === '\n' || last === '\r\n') lines.pop();
  return lines.join('');
}

/** An mbox starts with a `From ` line; a single message starts with a header. */
export function isMbox(bytes: Buffer): boolean {
  return bytes.subarray(0, 5).toString('latin1') === 'From ';
}
