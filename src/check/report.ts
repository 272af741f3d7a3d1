import { hasErrors } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../types.js';
import type { CheckGroup } from './rule-set.js';
import type { ColorScheme } from './rules/axe.js';
import type { ClientSupport } from './rules/client-support.js';
import type { SizeContributor } from './rules/size.js';
import type { SpamScore } from './rules/spam.js';

/** What the groups that measure something report beside their findings. */
export interface GroupSummaries {
  size: { bytes: number; maxBytes: number; largest: SizeContributor[] };
  axe: { colorSchemes: ColorScheme[] };
  clients: { clients: number; unsupportedFeatures: number; partiallySupportedFeatures: number; unsupported: ClientSupport['unsupported'] };
  spam: SpamScore;
}

export type GroupSummary<G extends CheckGroup> = G extends keyof GroupSummaries ? GroupSummaries[G] : undefined;

/** What one group of rules found, or why it did not run. */
export type GroupResult = {
  [G in CheckGroup]: { group: G; status: 'ran'; findings: Diagnostic[]; summary?: GroupSummary<G> } | { group: G; status: 'skipped'; reason: string; findings: [] };
}[CheckGroup];

/**
 * Whether the verdict needs a group to have run. Every group Gazette runs on its own is required,
 * and so is axe: contrast and the other rules a real browser measures are what the static
 * accessibility group cannot see, and Gazette ships the driver (playwright-core); only Chromium
 * comes from the system. DKIM is recommended because many senders' SMTP providers sign for them
 * (the group runs when `dkim` is configured), and the spam score because SpamAssassin is a
 * heuristic a sender may not install.
 */
export const GROUP_NEED: Record<CheckGroup, 'required' | 'recommended'> = {
  size: 'required',
  mime: 'required',
  dkim: 'recommended',
  links: 'required',
  accessibility: 'required',
  axe: 'required',
  html: 'required',
  clients: 'required',
  content: 'required',
  spam: 'recommended',
};

export interface SkippedGroup {
  group: CheckGroup;
  reason: string;
  required: boolean;
}

/**
 * `ready`: no errors and every required group ran; `incomplete`: no errors, but a required group
 * was skipped, so the issue was not fully checked; `problems`: at least one finding is an error.
 */
export type CheckVerdict = 'ready' | 'incomplete' | 'problems';

export interface CheckReport {
  issue: string;
  groups: GroupResult[];
  /** Every finding of every group, in group order. */
  findings: Diagnostic[];
  counts: { error: number; warning: number; info: number };
  /** The groups that did not run, required ones first. */
  skipped: SkippedGroup[];
  verdict: CheckVerdict;
  /** True only when the verdict is `ready`: the issue may be sent. */
  ok: boolean;
}

export function assembleReport(issue: string, groups: GroupResult[]): CheckReport {
  const findings = groups.flatMap((group) => group.findings);
  const count = (severity: Diagnostic['severity']) => findings.filter((finding) => finding.severity === severity).length;
  const skipped = groups
    .flatMap((result) => (result.status === 'skipped' ? [{ group: result.group, reason: result.reason, required: GROUP_NEED[result.group] === 'required' }] : []))
    .sort((a, b) => Number(b.required) - Number(a.required));
  const verdict: CheckVerdict = hasErrors(findings) ? 'problems' : skipped.some((group) => group.required) ? 'incomplete' : 'ready';
  return { issue, groups, findings, counts: { error: count('error'), warning: count('warning'), info: count('info') }, skipped, verdict, ok: verdict === 'ready' };
}
