import type { Diagnostic } from '../../types.js';
import { finding } from '../rule-set.js';

export interface SpamRule {
  name: string;
  score: number;
  description: string;
}

export interface SpamScore {
  score: number;
  required: number;
  rules: SpamRule[];
}

/**
 * Reads the report of `spamassassin -t`: the "Content analysis details: (S points, R required)"
 * line, then the table of rules, whose descriptions may wrap onto indented lines.
 */
export function parseSpamReport(report: string): SpamScore | null {
  const totals = /Content analysis details:\s+\((-?[\d.]+) points?, (-?[\d.]+) required\)/.exec(report);
  if (!totals) return null;
  const rules: SpamRule[] = [];
  const table = report.slice(totals.index).split(/\r?\n/);
  const start = table.findIndex((line) => /^-+ -+ -+/.test(line));
  for (const line of start === -1 ? [] : table.slice(start + 1)) {
    const row = /^\s*(-?\d+(?:\.\d+)?)\s+([A-Z0-9_]+)\s+(.*)$/.exec(line);
    if (row) rules.push({ score: Number(row[1]), name: row[2]!, description: row[3]!.trim() });
    else if (/^\s{10,}\S/.test(line) && rules.length > 0) rules.at(-1)!.description += ` ${line.trim()}`;
    else if (line.trim() === '' || !/^\s/.test(line)) break;
  }
  return { score: Number(totals[1]), required: Number(totals[2]), rules };
}

export function checkSpamScore(spam: SpamScore, file: string): Diagnostic[] {
  const findings: Diagnostic[] = [];
  if (spam.score >= spam.required) {
    findings.push(finding('spam/score', `SpamAssassin scores the message ${spam.score} points, at or over its ${spam.required} spam threshold`, { file }));
  }
  for (const rule of spam.rules.filter((candidate) => candidate.score > 0)) {
    findings.push(finding('spam/rule', `SpamAssassin ${rule.name} (+${rule.score}): ${rule.description}`, { file }));
  }
  return findings;
}
