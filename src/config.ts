import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { diagnostic, GazetteError } from './diagnostics.js';
import type { Diagnostic } from './types.js';

const httpsOrHttpUrl = z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' });

export const configSchema = z.strictObject({
  /** Newsletter name, shown in the header and the From display name. */
  name: z.string().trim().min(1).default('Gazette Weekly'),
  /** From address, `Name <address>` or a bare address. */
  from: z.string().trim().min(3).default('Gazette Weekly <digest@example.com>'),
  reply_to: z.string().trim().min(3).nullable().default(null),
  /** Where the issue is published; relative links and images are resolved against it. */
  base_url: httpsOrHttpUrl.nullable().default(null),
  /** Number of the next issue. */
  issue_number: z.number().int().positive().default(1),
  /** Issue title; `{name}`, `{number}`, `{from}` and `{to}` are replaced. */
  title: z.string().trim().min(1).default('{name} #{number}'),
  intro: z.string().trim().min(1).nullable().default(null),
  articles: z.string().min(1).default('articles'),
  templates: z.string().min(1).default('templates'),
  out: z.string().min(1).default('out'),
  /** Group articles under these headings by their first matching tag; the rest follow. */
  sections: z.array(z.object({ title: z.string().trim().min(1), tag: z.string().trim().min(1) })).default([]),
  utm: z
    .object({
      source: z.string().min(1),
      medium: z.string().min(1).default('email'),
      campaign: z.string().min(1).default('{slug}'),
    })
    .nullable()
    .default(null),
  /** Values that stand in for a subscriber in email.html and email.eml. */
  preview: z
    .object({
      subscriber: z.record(z.string(), z.string()).default({ email: 'reader@example.com', name: 'Reader' }),
    })
    .default({ subscriber: { email: 'reader@example.com', name: 'Reader' } }),
  /** Per-recipient fields templates may use beyond `email` and `name` (list columns). */
  subscriber_fields: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/)).default([]),
  list_id: z.string().trim().min(1).nullable().default(null),
  unsubscribe: z
    .object({
      /** Public https URL of the `gazette serve` endpoint. */
      url: httpsOrHttpUrl.nullable().default(null),
      mailto: z.string().trim().min(3).nullable().default(null),
      /** Environment variable holding the HMAC secret for unsubscribe tokens. */
      secret_env: z.string().min(1).default('GAZETTE_SECRET'),
      secret: z.string().min(16).nullable().default(null),
    })
    .default({ url: null, mailto: null, secret_env: 'GAZETTE_SECRET', secret: null }),
  smtp: z.string().nullable().default(null),
  /** The state database (subscribers, suppressions, send ledgers), relative to the config. */
  store: z.string().min(1).default('.gazette/state.db'),
  /** How `gazette send` paces and retries; `--rate` and `--concurrency` override. */
  send: z
    .object({
      /** Most messages accepted in any one second; null for as fast as the server takes them. */
      rate: z.number().positive().nullable().default(null),
      /** SMTP connections, and messages in flight, at once. */
      concurrency: z.number().int().positive().max(100).default(5),
      /** Tries per message on temporary failures (4xx, dropped connections), the first included. */
      attempts: z.number().int().positive().max(20).default(5),
      /** Wait before the first retry, doubled for each one after. */
      retry_delay_ms: z.number().int().nonnegative().default(2000),
    })
    .default({ rate: null, concurrency: 5, attempts: 5, retry_delay_ms: 2000 }),
  dkim: z
    .object({ domain: z.string().min(1), selector: z.string().min(1), key_file: z.string().min(1) })
    .nullable()
    .default(null),
  /** Largest HTML size before the size check warns (Gmail clips at about 102 KB). */
  max_html_bytes: z.number().int().positive().default(100 * 1024),
});

export type GazetteConfig = z.infer<typeof configSchema>;

export const CONFIG_FILES = ['gazette.config.json', 'gazette.config.yaml', 'gazette.config.yml'] as const;

export interface LoadedConfig {
  config: GazetteConfig;
  /** Folder the config's relative paths are resolved from. */
  root: string;
  /** The config file, or null when defaults were used. */
  file: string | null;
}

/** Finds and validates the workspace config; every invalid field is reported at once. */
export async function loadConfig(root: string, explicitFile?: string): Promise<LoadedConfig> {
  const candidates = explicitFile ? [path.resolve(explicitFile)] : CONFIG_FILES.map((name) => path.join(root, name));
  for (const file of candidates) {
    let source: string;
    try {
      source = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !explicitFile) continue;
      throw new GazetteError([diagnostic('config/unreadable', `cannot read config: ${(error as Error).message}`, { file })]);
    }
    return { config: parseConfig(source, file), root: explicitFile ? path.dirname(file) : root, file };
  }
  return { config: configSchema.parse({}), root, file: null };
}

export function parseConfig(source: string, file: string): GazetteConfig {
  const lineCounter = new LineCounter();
  // JSON is YAML, so one parser gives positions for both formats.
  const document = parseDocument(source, { lineCounter });
  if (document.errors.length > 0) {
    throw new GazetteError(
      document.errors.map((error) =>
        diagnostic('config/syntax', error.message.split('\n')[0] ?? error.message, {
          file,
          line: error.linePos?.[0].line,
          column: error.linePos?.[0].col,
        }),
      ),
    );
  }
  const result = configSchema.safeParse(document.toJS() ?? {});
  if (result.success) return result.data;
  const diagnostics: Diagnostic[] = result.error.issues.map((issue) => {
    const node = document.getIn(issue.path as unknown[], true) as { range?: [number, number, number] } | undefined;
    const position = node?.range ? lineCounter.linePos(node.range[0]) : undefined;
    return diagnostic('config/invalid', issue.message, {
      file,
      field: issue.path.map(String).join('.') || undefined,
      line: position?.line,
      column: position?.col,
    });
  });
  throw new GazetteError(diagnostics);
}
