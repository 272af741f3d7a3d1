/** A block of `Name: value` lines (headers, or a DSN's fields), continuation lines unfolded. */
export type FieldBlock = Map<string, string[]>;

/**
 * Reads header-style fields, names lowercased, every value of a repeated name kept in order.
 * Written here rather than borrowed from mailparser: DSN and ARF fields and quoted original
 * headers reach us as plain text (mailparser folds a `message/delivery-status` part into the body).
 */
export function readFields(text: string): FieldBlock {
  const fields: FieldBlock = new Map();
  let last: { name: string; index: number } | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last) {
      const values = fields.get(last.name)!;
      values[last.index] = `${values[last.index]} ${line.trim()}`;
      continue;
    }
    const match = /^([A-Za-z0-9][A-Za-z0-9-]*):[ \t]*(.*)$/.exec(line);
    if (!match) {
      last = null;
      continue;
    }
    const name = match[1]!.toLowerCase();
    const values = fields.get(name) ?? [];
    values.push(match[2]!.trim());
    fields.set(name, values);
    last = { name, index: values.length - 1 };
  }
  return fields;
}

export function field(block: FieldBlock, name: string): string | null {
  return block.get(name)?.[0] ?? null;
}

/** The header part of a message's text: everything before the first blank line. */
export function headerPart(text: string): string {
  const end = /\r?\n\r?\n/.exec(text);
  return end ? text.slice(0, end.index) : text;
}

/** `rfc822; ann@example.com` → `ann@example.com`; `<ann@example.com>` → `ann@example.com`. */
export function addressValue(value: string | null): string | null {
  if (!value) return null;
  const bare = value.replace(/^[a-z0-9-]+\s*;\s*/i, '').trim();
  const inBrackets = /<([^<>@\s]+@[^<>\s]+)>/.exec(bare)?.[1];
  const address = inBrackets ?? /[^\s<>;,"()]+@[^\s<>;,"()]+/.exec(bare)?.[0];
  return address ? address.replace(/\.$/, '') : null;
}
