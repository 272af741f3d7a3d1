export interface MessageHeader {
  name: string;
  value: string;
}

/** The top-level headers of a MIME message, unfolded, in the order they appear. */
export function messageHeaders(eml: Buffer | string): MessageHeader[] {
  const text = typeof eml === 'string' ? eml : eml.toString('utf8');
  const end = text.search(/\r?\n\r?\n/);
  const block = end === -1 ? text : text.slice(0, end);
  const headers: MessageHeader[] = [];
  for (const line of block.split(/\r?\n/)) {
    const last = headers.at(-1);
    if (/^[ \t]/.test(line) && last) {
      last.value = `${last.value} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon > 0) headers.push({ name: line.slice(0, colon), value: line.slice(colon + 1).trim() });
  }
  return headers;
}
