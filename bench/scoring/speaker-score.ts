/**
 * Whether a printed speaker and role are the expected ones (bench/eval-speakers.ts). A speaker is
 * right when it is the expected name, or the name with titles before it (`Sen. Grace Black` for
 * `Grace Black`); a role when it is one of the alternatives, compared without case, an opening
 * article or possessive, or final punctuation.
 */

/** The role expected: `null` for none, NOT_CHECKED, or alternatives split by `|` or listed. */
export type ExpectedRole = string | Array<string | null> | null;

export const NOT_CHECKED = '*';
// Titles a printed name may open on (`Sen.`, `Dr`, `Cllr`, `Rt Rev`), with or without a period.
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'rev', 'revd', 'rt', 'hon', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'capt', 'adm',
  'maj', 'amb', 'atty', 'sgt', 'cpl', 'insp', 'supt', 'det', 'di', 'ds', 'dci', 'dsi', 'pc', 'cllr', 'cr', 'sir', 'dame', 'fr',
]);
const isTitle = (word: string): boolean => TITLES.has(word.toLowerCase().replace(/\.$/, ''));

function normalizedRole(role: string): string {
  return role.toLowerCase().replace(/[‘’]/g, "'").replace(/^(?:a|an|the|his|her|their|its) /, '').replace(/[.,;:]+$/, '').trim();
}

export function isSpeakerRight(expected: string | null, printed: string | null): boolean {
  if (expected === null || printed === null) return expected === printed;
  if (printed === expected) return true;
  if (!printed.endsWith(` ${expected}`)) return false;
  return printed.slice(0, -expected.length - 1).split(' ').every(isTitle);
}

/** Right, or `undefined` when the role is not checked. */
export function isRoleRight(expected: ExpectedRole, printed: string | null): boolean | undefined {
  if (expected === NOT_CHECKED) return undefined;
  if (expected === null) return printed === null;
  const alternatives = Array.isArray(expected) ? expected : expected.split('|');
  return alternatives.some((role) => (role === null ? printed === null : printed !== null && normalizedRole(role) === normalizedRole(printed)));
}
