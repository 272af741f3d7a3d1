/** The list headers every copy of an issue carries (RFC 2369, RFC 2919, RFC 8058). */
export interface ListHeaderValues {
  /** This recipient's one-click URL, token included. */
  unsubscribeUrl: string | null;
  /** Address that unsubscribes whoever writes to it. */
  unsubscribeMailto: string | null;
  /** `Name <list.example.com>` or a bare list id. */
  listId: string | null;
}

/**
 * `List-Unsubscribe`, `List-Unsubscribe-Post` and `List-Id`, formatted for sending unfolded:
 * Gmail and Yahoo ignore a one-click URL broken across lines.
 */
export function listHeaders(values: ListHeaderValues): Record<string, string> {
  const headers: Record<string, string> = {};
  const targets = [
    values.unsubscribeUrl ? `<${values.unsubscribeUrl}>` : null,
    values.unsubscribeMailto ? `<mailto:${values.unsubscribeMailto}?subject=unsubscribe>` : null,
  ].filter((target): target is string => target !== null);
  if (targets.length > 0) headers['List-Unsubscribe'] = targets.join(', ');
  if (values.unsubscribeUrl) headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  if (values.listId) headers['List-Id'] = formatListId(values.listId);
  return headers;
}

/** `Weekly <weekly.example.com>` stays; a bare `weekly.example.com` gets its angle brackets. */
function formatListId(listId: string): string {
  return /<[^>]+>\s*$/.test(listId) ? listId : `<${listId}>`;
}
