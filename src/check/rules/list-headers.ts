import type { Diagnostic } from '../../types.js';
import type { MimeMessage } from '../mime-message.js';
import { finding, type Place } from '../rule-set.js';

function place(message: MimeMessage, name: string): Place {
  const field = message.fields(name)[0];
  return field ? { file: message.source.file, line: field.line, column: 1, field: name } : { file: message.source.file, field: name };
}

/** The URIs of a List-Unsubscribe value: `<https://…>, <mailto:…>`. */
export function listUnsubscribeUris(value: string): string[] {
  return [...value.matchAll(/<([^>]*)>/g)].map((match) => match[1]!.trim());
}

/**
 * Gmail and Yahoo require bulk senders to offer one-click unsubscribe (RFC 8058): an https
 * URI in List-Unsubscribe, and List-Unsubscribe-Post saying the URI takes a POST.
 */
export function checkListHeaders(message: MimeMessage): Diagnostic[] {
  const findings: Diagnostic[] = [];
  const unsubscribe = message.fields('List-Unsubscribe')[0];
  if (!unsubscribe) {
    findings.push(finding('mime/list-unsubscribe', 'no List-Unsubscribe header: Gmail and Yahoo require one-click unsubscribe from bulk senders', place(message, 'List-Unsubscribe')));
  } else {
    const uris = listUnsubscribeUris(unsubscribe.value);
    if (!uris.some((uri) => /^https:\/\//i.test(uri))) {
      findings.push(finding('mime/list-unsubscribe', `List-Unsubscribe has no https URI (${uris.join(', ') || 'none in <…>'}): one-click unsubscribe needs one (RFC 8058)`, place(message, 'List-Unsubscribe')));
    }
  }
  const post = message.fields('List-Unsubscribe-Post')[0];
  if (!post) {
    findings.push(finding('mime/list-unsubscribe-post', 'no List-Unsubscribe-Post header: without "List-Unsubscribe=One-Click" clients cannot unsubscribe in one click', place(message, 'List-Unsubscribe-Post')));
  } else if (post.value !== 'List-Unsubscribe=One-Click') {
    findings.push(finding('mime/list-unsubscribe-post', `List-Unsubscribe-Post is "${post.value}"; RFC 8058 requires exactly "List-Unsubscribe=One-Click"`, place(message, 'List-Unsubscribe-Post')));
  }
  const listId = message.fields('List-Id')[0];
  if (!listId) findings.push(finding('mime/list-id', 'no List-Id header: clients and filters use it to group and manage list mail (set list_id in the config)', place(message, 'List-Id')));
  else if (!/<[^<>\s]+>/.test(listId.value)) findings.push(finding('mime/list-id', `List-Id "${listId.value}" has no <list.id> part (RFC 2919)`, place(message, 'List-Id')));
  return findings;
}
