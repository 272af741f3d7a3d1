import type { CheckEnvironment } from './environment.js';
import { GROUPS } from './groups.js';
import { assembleReport, type CheckReport } from './report.js';
import { CHECK_GROUPS, type CheckGroup } from './rule-set.js';
import type { CheckSubject } from './subject.js';

export interface CheckOptions {
  /** Run only these groups (default: all). */
  groups?: readonly CheckGroup[];
}

/** Runs every group of rules on the issue's sample message; the slow ones (browser, SpamAssassin) side by side. */
export async function checkIssue(subject: CheckSubject, environment: CheckEnvironment, options: CheckOptions = {}): Promise<CheckReport> {
  const groups = CHECK_GROUPS.filter((group) => !options.groups || options.groups.includes(group));
  const results = await Promise.all(groups.map((group) => GROUPS[group](subject, environment)));
  return assembleReport(subject.issue, results);
}
