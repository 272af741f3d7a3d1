import type { CheckEnvironment } from './environment.js';
import { GROUPS } from './groups.js';
import { assembleReport, type CheckReport } from './report.js';
import { CHECK_GROUPS, type CheckGroup } from './rule-set.js';
import type { CheckSubject } from './subject.js';

export interface CheckOptions {
  /** Run only these groups (default: all). */
  groups?: readonly CheckGroup[];
  /** Called as each group finishes (they run side by side), for a progress display. */
  onGroupDone?: (group: CheckGroup, done: number, total: number) => void;
}

/** Runs every group of rules on the issue's sample message; the slow ones (browser, SpamAssassin) side by side. */
export async function checkIssue(subject: CheckSubject, environment: CheckEnvironment, options: CheckOptions = {}): Promise<CheckReport> {
  const groups = CHECK_GROUPS.filter((group) => !options.groups || options.groups.includes(group));
  let done = 0;
  const results = await Promise.all(
    groups.map(async (group) => {
      const result = await GROUPS[group](subject, environment);
      options.onGroupDone?.(group, ++done, groups.length);
      return result;
    }),
  );
  return assembleReport(subject.issue, results);
}
