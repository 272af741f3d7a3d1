/**
 * The nouns for someone who does what a verb says (`coaches` → `coach`, `directed` →
 * `director`, `owns` → `owner`): what a clause about a person (`Lopez, who coaches the team,`)
 * lets a later description (`the coach`) call them.
 */

// Verbs whose doer has a name of another form, or several: news calls the one who `runs` a
// place its head, director or owner.
const IRREGULAR = new Map<string, readonly string[]>([
  ['taught', ['teacher']], ['teach', ['teacher']],
  ['led', ['leader', 'head']], ['lead', ['leader', 'head']],
  ['ran', ['head', 'director', 'owner', 'manager']], ['run', ['head', 'director', 'owner', 'manager']],
  ['head', ['head', 'chief', 'director', 'leader']],
  ['oversee', ['head', 'chief', 'director', 'supervisor']], ['oversaw', ['head', 'chief', 'director', 'supervisor']],
  ['represent', ['representative', 'lawyer', 'attorney']],
  ['study', ['researcher', 'scientist', 'student']],
  ['research', ['researcher', 'scientist']],
  ['treat', ['doctor', 'physician', 'nurse']],
  ['wrote', ['writer', 'author']], ['write', ['writer', 'author']], ['written', ['writer', 'author']],
  ['overseen', ['head', 'chief', 'director', 'supervisor']],
  ['kept', ['keeper']], ['built', ['builder']], ['held', ['holder']],
  ['grew', ['grower', 'farmer']], ['grown', ['grower', 'farmer']], ['grow', ['grower', 'farmer']],
  ['drove', ['driver']], ['driven', ['driver']], ['flew', ['pilot', 'flier']], ['flown', ['pilot', 'flier']],
  ['sang', ['singer']], ['sung', ['singer']], ['sold', ['seller']], ['made', ['maker']],
  ['chair', ['chair', 'chairman', 'chairwoman', 'chairperson']],
  ['govern', ['governor']],
  ['preside', ['president']],
]);

/** The stems a verb form may have: `coaches` → coach, coache; `managed` → manag, manage. */
function stemsOf(verb: string): string[] {
  if (verb.endsWith('ies')) return [`${verb.slice(0, -3)}y`];
  if (verb.endsWith('ied')) return [`${verb.slice(0, -3)}y`];
  if (verb.endsWith('es')) return [verb.slice(0, -2), verb.slice(0, -1)];
  if (verb.endsWith('ed')) return [verb.slice(0, -2), verb.slice(0, -1)];
  if (verb.endsWith('ing')) return [verb.slice(0, -3), `${verb.slice(0, -3)}e`];
  if (verb.endsWith('s') && !verb.endsWith('ss')) return [verb.slice(0, -1)];
  return [verb];
}

/**
 * The nouns for the doer of the lowercase verb form: the stem itself (`coach`, `chair`) and the
 * stem with `-er`, `-or` or `-r` (`owner`, `director`, `manager`), and the irregular ones. Forms
 * that are not words do no harm: they are only compared with the head of a description.
 */
export function agentNounsOf(verb: string): string[] {
  const irregular = IRREGULAR.get(verb);
  if (irregular) return [...irregular];
  return stemsOf(verb).flatMap((stem) => [
    stem,
    ...(IRREGULAR.get(stem) ?? []),
    stem.endsWith('e') ? `${stem}r` : `${stem}er`,
    `${stem.replace(/e$/, '')}or`,
  ]);
}
