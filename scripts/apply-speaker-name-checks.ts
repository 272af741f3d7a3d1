/**
 * Builds the hand-checked speaker-names set (bench/data/README.md) from the proposals of
 * propose-speaker-names and the checks made by reading each article: a check keyed
 * `id#sourceStart` either skips the line (a group, an organization, a document, an unnamed
 * person, a broken annotation) or gives the name, and where needed the kind or the surname; a
 * proposal without a check was confirmed as proposed. Every pronoun and description line has a
 * check of its own (their proposals are only the latest name before the mention).
 *
 *   node dist/scripts/apply-speaker-name-checks.js CHECKS_JSONL OUT_JSONL PROPOSALS_JSONL [PROPOSALS_JSONL ...]
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Proposal, ProposedKind } from './propose-speaker-names.js';

interface Check {
  key: string;
  skip?: string;
  name?: string;
  surname?: string;
  kind?: ProposedKind;
}

const SUFFIX = /^(?:Jr|Sr|II|III|IV)\.?$/;

function surnameOf(name: string): string {
  return name.split(/\s+/).filter((word) => !SUFFIX.test(word)).pop() ?? '';
}

async function main(): Promise<void> {
  const [checksFile, outFile, ...proposalsFiles] = process.argv.slice(2);
  if (!checksFile || !outFile || proposalsFiles.length === 0) {
    console.error('usage: node dist/scripts/apply-speaker-name-checks.js CHECKS_JSONL OUT_JSONL PROPOSALS_JSONL [PROPOSALS_JSONL ...]');
    process.exit(2);
  }
  const lines = (content: string) => content.split('\n').filter((line) => line.trim());
  const proposals = (await Promise.all(proposalsFiles.map(async (file) => lines(await readFile(file, 'utf8'))))).flat().map((line) => JSON.parse(line) as Proposal);
  const checks = new Map(lines(await readFile(checksFile, 'utf8')).map((line) => JSON.parse(line) as Check).map((check) => [check.key, check]));
  const kept: string[] = [];
  const skipped: Record<string, number> = {};
  let corrected = 0;
  for (const proposal of proposals) {
    const check = checks.get(`${proposal.id}#${proposal.source[0]}`);
    if (check?.skip) {
      skipped[check.skip] = (skipped[check.skip] ?? 0) + 1;
      continue;
    }
    const name = check?.name ?? proposal.name;
    const kind = check?.kind ?? proposal.kind;
    const surname = check?.surname ?? (check?.name ? surnameOf(name) : proposal.surname);
    const changed = name !== proposal.name || kind !== proposal.kind || surname !== proposal.surname;
    if (changed) corrected += 1;
    kept.push(JSON.stringify({
      id: proposal.id, content: proposal.content, source: proposal.source, sourceText: proposal.sourceText, name, surname, kind, check: changed ? 'corrected' : 'confirmed',
    }));
  }
  await writeFile(outFile, `${kept.join('\n')}\n`);
  const byKind = kept.map((line) => (JSON.parse(line) as { kind: string }).kind).reduce<Record<string, number>>((counts, kind) => ({ ...counts, [kind]: (counts[kind] ?? 0) + 1 }), {});
  console.log(JSON.stringify({ proposals: proposals.length, kept: kept.length, corrected, byKind, skipped }));
}

await main();
