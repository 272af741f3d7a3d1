import type { Diagnostic, Severity } from '../types.js';
import { CATALOGUE, type CatalogueId, type FamilyId } from './catalogue.js';

/**
 * Thrown when a stage cannot go on; carries every problem found so far, not only the first.
 * It carries no exit code: the CLI derives one from the rules' catalogue groups.
 */
export class GazetteError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'GazetteError';
    this.diagnostics = diagnostics;
  }
}

/** A problem of one catalogued rule, at the rule's default severity unless the place says otherwise. */
export function diagnostic(
  rule: Exclude<CatalogueId, FamilyId>,
  message: string,
  place: Omit<Diagnostic, 'rule' | 'message' | 'severity'> & { severity?: Severity } = {},
): Diagnostic {
  const { severity = CATALOGUE[rule].severity, ...rest } = place;
  return { ...rest, rule, severity, message };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Raises warnings to errors, for strict builds. */
export function strictly(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' } : d));
}

/** `articles/a.md:3:7 error date: Invalid date (front-matter/invalid)` */
export function formatDiagnostic(d: Diagnostic): string {
  const place = [d.file, d.line, d.line !== undefined ? d.column : undefined]
    .filter((part) => part !== undefined)
    .join(':');
  const field = d.field ? `${d.field}: ` : '';
  return `${place ? `${place} ` : ''}${d.severity} ${field}${d.message} (${d.rule})`;
}
