import { CATALOGUE, CHECK_GROUPS, type CatalogueId, type CheckGroup, type FamilyId } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../types.js';

export { CHECK_GROUPS, type CheckGroup };

/** The rules `gazette check` reports: the catalogue's entries in a check group. */
export type CheckRuleId = { [Id in CatalogueId]: (typeof CATALOGUE)[Id]['group'] extends CheckGroup ? Id : never }[CatalogueId];

export type Place = Omit<Diagnostic, 'rule' | 'severity' | 'message'>;

/** A finding of one rule, at the severity the rule set gives it. */
export function finding(rule: Exclude<CheckRuleId, FamilyId>, message: string, place: Place = {}): Diagnostic {
  return { ...place, rule, severity: CATALOGUE[rule].severity, message };
}

/** A finding of one member of a rule family: `familyFinding('axe/*', 'color-contrast', …)`. */
export function familyFinding(family: Extract<CheckRuleId, FamilyId>, member: string, message: string, place: Place = {}): Diagnostic {
  return { ...place, rule: family.replace('*', member), severity: CATALOGUE[family].severity, message };
}
