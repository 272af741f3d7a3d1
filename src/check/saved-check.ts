import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../output/atomic.js';
import type { Diagnostic, RenderedEmail } from '../types.js';
import type { CheckReport } from './report.js';

/** The file `gazette check` saves its report in, beside the issue it checked: `out/<slug>/check.json`. */
export const CHECK_JSON = 'check.json';

/**
 * The last full check of an issue as saved: the report, when it ran, and which build of the
 * issue it examined. Its files are relative to the workspace, like digest.json's: a file others
 * read names the workspace's files, not this machine's.
 */
export interface SavedCheck extends Omit<CheckReport, 'groups'> {
  /** ISO time the check finished. */
  checkedAt: string;
  /** `issueFingerprint` of the build it checked: a different one means the issue changed since. */
  fingerprint: string;
  groups: { group: string; status: 'ran' | 'skipped'; reason?: string; findings: number }[];
}

/**
 * What a build of an issue is, independent of when it was built: the compiled templates and the
 * subject lines. The recipient marker's nonce is new on every build, so it is replaced by one
 * fixed name first; two builds of the same articles and theme then have the same fingerprint.
 */
export function issueFingerprint(email: Pick<RenderedEmail, 'subject' | 'preheader' | 'htmlTemplate' | 'textTemplate' | 'recipientMarker'>): string {
  const fixed = (text: string) => text.split(email.recipientMarker).join('[[gz:marker');
  const parts = [email.subject, email.preheader, email.htmlTemplate, email.textTemplate].map(fixed);
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** The report as saved: files relative to the workspace root, each group with its count instead of its findings. */
export function toSavedCheck(report: CheckReport, place: { root: string; checkedAt: Date; fingerprint: string }): SavedCheck {
  const relative = (d: Diagnostic): Diagnostic => (d.file ? { ...d, file: workspaceRelative(place.root, d.file) } : d);
  const { groups, findings, ...rest } = report;
  return {
    ...rest,
    findings: findings.map(relative),
    groups: groups.map((group) => ({ group: group.group, status: group.status, ...(group.status === 'skipped' ? { reason: group.reason } : {}), findings: group.findings.length })),
    checkedAt: place.checkedAt.toISOString(),
    fingerprint: place.fingerprint,
  };
}

/** Saves the report in the issue's folder, all at once: a reader never sees half of it. */
export async function saveCheck(issueDir: string, saved: SavedCheck): Promise<string> {
  const file = path.join(issueDir, CHECK_JSON);
  await writeFileAtomic(file, `${JSON.stringify(saved, null, 2)}\n`);
  return file;
}

const diagnosticSchema = z.object({
  file: z.string().optional(),
  line: z.number().optional(),
  column: z.number().optional(),
  field: z.string().optional(),
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
});

const savedCheckSchema = z.object({
  issue: z.string(),
  checkedAt: z.iso.datetime(),
  fingerprint: z.string(),
  verdict: z.enum(['ready', 'incomplete', 'problems']),
  ok: z.boolean(),
  counts: z.object({ error: z.number(), warning: z.number(), info: z.number() }),
  findings: z.array(diagnosticSchema),
  skipped: z.array(z.object({ group: z.string(), reason: z.string(), required: z.boolean() })),
  groups: z.array(z.object({ group: z.string(), status: z.enum(['ran', 'skipped']), reason: z.string().optional(), findings: z.number() })),
});

/**
 * The last full check saved for an issue, or null when there is none. A file that does not read
 * as one (damaged, or from another version) counts as none: the check is simply run again.
 */
export async function readSavedCheck(issueDir: string): Promise<SavedCheck | null> {
  let text: string;
  try {
    text = await readFile(path.join(issueDir, CHECK_JSON), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = savedCheckSchema.safeParse(JSON.parse(text));
    return parsed.success ? (parsed.data as SavedCheck) : null;
  } catch {
    return null;
  }
}

function workspaceRelative(root: string, file: string): string {
  const relative = path.relative(root, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}
