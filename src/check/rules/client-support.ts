import { doIUseEmail } from '@jsx-email/doiuse-email';
import type { Diagnostic } from '../../types.js';
import type { HtmlDocument } from '../html-document.js';
import { finding } from '../rule-set.js';

/**
 * The clients most subscribers read on, as Can I Email names them. Gmail's mobile web client
 * for non-Google accounts is left out: few read there, and it would dominate every count.
 */
export const MAJOR_CLIENTS = [
  'apple-mail.macos',
  'apple-mail.ios',
  'gmail.desktop-webmail',
  'gmail.ios',
  'gmail.android',
  'outlook.windows',
  'outlook.windows-mail',
  'outlook.macos',
  'outlook.ios',
  'outlook.android',
  'yahoo.desktop-webmail',
  'samsung-email.android',
] as const;

export interface ClientSupport {
  clients: number;
  /** Feature → the major clients that do not support it. */
  unsupported: Record<string, string[]>;
  /** Feature → the major clients that support it only in part. */
  partial: Record<string, string[]>;
}

/** doiuse-email words its findings "`feature` is not supported by `client`". */
function byFeature(messages: readonly string[], pattern: RegExp): Record<string, string[]> {
  const features: Record<string, Set<string>> = {};
  for (const message of messages) {
    const match = pattern.exec(message);
    if (match) (features[match[1]!] ??= new Set()).add(match[2]!);
  }
  return Object.fromEntries(Object.entries(features).map(([feature, clients]) => [feature, [...clients].sort()]));
}

export function clientSupport(html: string): ClientSupport {
  const result = doIUseEmail(html, { emailClients: [...MAJOR_CLIENTS] });
  return {
    clients: MAJOR_CLIENTS.length,
    unsupported: byFeature(result.success ? [] : result.errors, /^`(.+)` is not supported by `(.+)`$/),
    partial: byFeature(result.warnings, /^`(.+)` is only partially supported by `(.+)`$/),
  };
}

/** One finding per feature, so a theme change that adds some shows as new lines. */
export function checkClientSupport(document: HtmlDocument): { findings: Diagnostic[]; support: ClientSupport } {
  const support = clientSupport(document.source.text);
  const findings = Object.entries(support.unsupported)
    .sort(([, a], [, b]) => b.length - a.length)
    .map(([feature, clients]) =>
      finding('clients/css', `${feature} is not supported by ${clients.length} of ${support.clients} major clients (${clients.join(', ')})`, { file: document.source.file }),
    );
  return { findings, support };
}
