import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { diagnostic, GazetteError } from './diagnostics/diagnostic.js';
import { closestName } from './load/did-you-mean.js';
import { fileErrorReason } from './load/file-error.js';
import { readTextFile } from './load/text-file.js';
import { yamlValue } from './load/yaml-value.js';
import { mailboxProblem } from './subscribers/address.js';
import type { Diagnostic } from './types.js';

const httpsOrHttpUrl = z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' });

const mailbox = z
  .string()
  .trim()
  .superRefine((value, context) => {
    const problem = mailboxProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

/** Unknown fields, at any depth, are reported as warnings (see `unknownFields`), not rejected. */
export const configSchema = z.object({
  /** Newsletter name, shown in the header and the From display name. */
  name: z.string().trim().min(1).default('Gazette Weekly'),
  /** From address, `Name <address>` or a bare address. */
  from: mailbox.default('Gazette Weekly <digest@example.com>'),
  reply_to: mailbox.nullable().default(null),
  /** Where the site (site/) is published; relative links and images are resolved against it, and "view in browser" opens `{base_url}{slug}/`. */
  base_url: httpsOrHttpUrl
    .refine((value) => !/[?#]/.test(value), 'must be a folder address without ? or #: each issue is published under it as {base_url}{slug}/, which would drop them')
    .nullable()
    .default(null),
  /**
   * The number of the first issue published to the site. An issue keeps the number it was first
   * published under (site/issues.json); a new one takes the next after the highest there, or
   * this one if it is higher.
   */
  issue_number: z.number().int().positive().default(1),
  /**
   * Issue title, also the email's subject; `{name}`, `{number}`, `{from}`, `{to}`, `{range}` and
   * `{lead}` (the lead story's headline) are replaced. `_intro.md` may set one issue's subject.
   */
  title: z.string().trim().min(1).default('{name} #{number}'),
  intro: z.string().trim().min(1).nullable().default(null),
  /**
   * The sender's postal address, shown in every issue's footer (lines separated by newlines).
   * Bulk-mail law (CAN-SPAM and the like) and the big mailbox providers require one: `gazette
   * send` refuses to send to a list without it.
   */
  address: z.string().trim().min(1).nullable().default(null),
  /** A logo above the masthead: `src` an absolute http(s) URL or a path resolved against base_url, `alt` its text. */
  logo: z
    .object({
      src: z.string().trim().min(1),
      alt: z.string().trim().min(1, 'must say what the logo shows (or the newsletter name)'),
      /** Shown width in CSS pixels; the image itself may be twice as wide for sharp screens. */
      width: z.number().int().positive().max(600).default(120),
    })
    .nullable()
    .default(null),
  articles: z.string().min(1).default('articles'),
  templates: z.string().min(1).default('templates'),
  out: z.string().min(1).default('out'),
  /**
   * The publishable site `gazette build` keeps up to date (web editions, archive, feeds), relative
   * to the config. Unlike `out`, nothing personal is written there: it is the folder to upload.
   */
  site: z.string().min(1).default('site'),
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
  /** The sign-up side of `gazette serve`: double opt-in. */
  subscribe: z
    .object({
      /** Public URL of the subscribe form; default `subscribe` beside the unsubscribe endpoint. */
      url: httpsOrHttpUrl.nullable().default(null),
      /** Days a confirmation link stays valid. */
      confirm_days: z.number().int().positive().max(90).default(7),
      /** Send `welcome.mjml` once an address is confirmed. */
      welcome: z.boolean().default(false),
      /** Confirmation emails one address may be sent in 24 hours. */
      max_per_address: z.number().int().positive().default(3),
      /** Sign-ups one client IP may make in an hour. */
      max_per_ip: z.number().int().positive().default(10),
    })
    .default({ url: null, confirm_days: 7, welcome: false, max_per_address: 3, max_per_ip: 10 }),
  /** Where bounces go, and when they suppress an address. */
  bounces: z
    .object({
      /** Domain of the VERP return path `bounces+<id>@domain`; default: the From address's domain. */
      domain: z.string().trim().min(1).nullable().default(null),
      /** Local part before the `+`. */
      local_part: z.string().regex(/^[A-Za-z0-9._-]+$/).default('bounces'),
      /** Soft bounces (4.x.x) within `soft_window_days` that suppress an address. */
      soft_limit: z.number().int().positive().default(3),
      soft_window_days: z.number().int().positive().default(30),
    })
    .default({ domain: null, local_part: 'bounces', soft_limit: 3, soft_window_days: 30 }),
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
  /** Warnings: unknown fields, an encoding other than UTF-8. */
  diagnostics: Diagnostic[];
}

export interface ParsedConfig {
  config: GazetteConfig;
  diagnostics: Diagnostic[];
}

/** Finds and validates the workspace config; every invalid field is reported at once. */
export async function loadConfig(root: string, explicitFile?: string): Promise<LoadedConfig> {
  const candidates = explicitFile ? [path.resolve(explicitFile)] : CONFIG_FILES.map((name) => path.join(root, name));
  for (const file of candidates) {
    let read: Awaited<ReturnType<typeof readTextFile>>;
    try {
      read = await readTextFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !explicitFile) continue;
      throw new GazetteError([diagnostic('config/unreadable', `cannot read config: ${fileErrorReason(error)}`, { file })]);
    }
    const parsed = parseConfig(read.text, file);
    return { config: parsed.config, root: explicitFile ? path.dirname(file) : root, file, diagnostics: [...read.diagnostics, ...parsed.diagnostics] };
  }
  return { config: configSchema.parse({}), root, file: null, diagnostics: [] };
}

/** Parses a config's text: `.json` files as strict JSON, others as YAML. Throws every error at once, with the warnings. */
export function parseConfig(source: string, file: string): ParsedConfig {
  if (/\.json$/i.test(file)) assertStrictJson(source, file);
  const lineCounter = new LineCounter();
  // JSON that passed the strict check is YAML too, so one parser gives positions for both formats.
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
  const value = yamlValue(document, lineCounter);
  if (!value.ok) throw new GazetteError([diagnostic('config/syntax', value.message, { file, line: value.line, column: value.column })]);
  const data = value.value;
  const place = (offset: number | undefined) => {
    if (offset === undefined) return {};
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const warnings = unknownFields(configSchema, data, []).map(({ path: fieldPath, known }) => {
    const name = String(fieldPath.at(-1));
    const suggestion = closestName(name, known);
    const parent = fieldPath.slice(0, -1);
    const hint = suggestion ? `did you mean "${[...parent, suggestion].join('.')}"?` : `known here: ${known.join(', ')}`;
    return diagnostic('config/unknown-field', `unknown field, ignored; ${hint}`, {
      file,
      field: fieldPath.join('.'),
      severity: 'warning',
      ...place(keyOffset(document, fieldPath)),
    });
  });
  const result = configSchema.safeParse(data);
  if (result.success) return { config: result.data, diagnostics: warnings };
  const errors: Diagnostic[] = result.error.issues.map((issue) => {
    const node = document.getIn(issue.path as unknown[], true) as { range?: [number, number, number] } | undefined;
    return diagnostic('config/invalid', issue.message, {
      file,
      field: issue.path.map(String).join('.') || undefined,
      ...place(node?.range?.[0]),
    });
  });
  throw new GazetteError([...errors, ...warnings]);
}

/**
 * YAML reads JSON leniently (a trailing comma, comments, single quotes): a `.json` file must be
 * JSON, as every other tool reading it will expect.
 */
function assertStrictJson(source: string, file: string): void {
  try {
    JSON.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    // V8 gives a position for most mistakes, not for an unexpected token (`[1,]`): a trailing comma is found here.
    const reported = /at position (\d+)/.exec(message);
    const comma = trailingComma(source);
    const atComma = comma !== null && (!reported || comma < Number(reported[1]));
    const offset = atComma ? comma : reported ? Number(reported[1]) : null;
    const reason = atComma
      ? 'invalid JSON: a trailing comma (JSON allows none before } or ])'
      : `invalid JSON: ${message.replace(/\s*(in JSON )?at position \d+.*$/s, '')}`;
    const lines = offset === null ? null : source.slice(0, offset).split('\n');
    throw new GazetteError([diagnostic('config/syntax', reason, { file, line: lines?.length, column: lines ? lines.at(-1)!.length + 1 : undefined })]);
  }
}

/** Offset of the first comma followed only by white space and a closing bracket, outside strings. */
function trailingComma(source: string): number | null {
  const closing = /\s*[}\]]/y;
  let inString = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === ',') {
      closing.lastIndex = index + 1;
      if (closing.test(source)) return index;
    }
  }
  return null;
}

interface UnknownField {
  path: (string | number)[];
  /** The names allowed where it was found. */
  known: string[];
}

/** Fields the schema does not know, at any depth (inside objects and lists of objects, not free-form records). */
function unknownFields(schema: z.ZodType, value: unknown, at: (string | number)[]): UnknownField[] {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodNullable || inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType;
  if (inner instanceof z.ZodArray && Array.isArray(value)) {
    return value.flatMap((item, index) => unknownFields(inner.element as z.ZodType, item, [...at, index]));
  }
  if (!(inner instanceof z.ZodObject) || typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const shape = inner.shape as Record<string, z.ZodType>;
  const known = Object.keys(shape);
  return Object.entries(value).flatMap(([key, child]) =>
    key in shape ? unknownFields(shape[key]!, child, [...at, key]) : [{ path: [...at, key], known }],
  );
}

/** Where a field's name is written, so a warning points at the misspelled key itself. */
function keyOffset(document: Document, fieldPath: readonly (string | number)[]): number | undefined {
  const parent = fieldPath.length > 1 ? document.getIn(fieldPath.slice(0, -1), true) : document.contents;
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(fieldPath.at(-1)));
  return isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
}
