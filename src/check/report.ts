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

export interface CheckReport {
  issue: string;
  groups: GroupResult[];
  /** Every finding of every group, in group order. */
  findings: Diagnostic[];
  counts: { error: number; warning: number; info: number };
  /** True when no finding is an error: the issue may be sent. */
  ok: boolean;
}

export function assembleReport(issue: string, groups: GroupResult[]): CheckReport {
  const findings = groups.flatMap((group) => group.findings);
  const count = (severity: Diagnostic['severity']) => findings.filter((finding) => finding.severity === severity).length;
  return { issue, groups, findings, counts: { error: count('error'), warning: count('warning'), info: count('info') }, ok: !hasErrors(findings) };
}
