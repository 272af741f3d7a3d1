/**
 * Prints proposed speaker-name lines with the article text around each mention, for checking by
 * hand (bench/data/README.md). Each line is keyed `id#sourceStart`, the key the checks file uses.
 *
 *   node dist/scripts/show-speaker-contexts.js QUOTES_JSONL PROPOSALS_JSONL [--from N] [--count N] [--before 400]
 */
import { readFile } from 'node:fs/promises';
import type { Proposal } from './propose-speaker-names.js';
import { parseBenchArguments } from '../bench/arguments.js';

const USAGE =
  'usage: node dist/scripts/show-speaker-contexts.js QUOTES_JSONL PROPOSALS_JSONL [--from N] [--count N]';

async function main(): Promise<void> {
  const { values, positionals } = parseBenchArguments({ allowPositionals: true, options: { from: { type: 'string', default: '0' }, count: { type: 'string', default: '40' }, before: { type: 'string', default: '400' }, kinds: { type: 'string', default: 'pronoun,description,surname,fullname' } } }, USAGE);
  const [quotesFile, proposalsFile] = positionals;
  if (!quotesFile || !proposalsFile) {
    console.error(USAGE);
    process.exit(2);
  }
  const lines = (content: string) => content.split('\n').filter((line) => line.trim());
  const texts = new Map(lines(await readFile(quotesFile, 'utf8')).map((line) => JSON.parse(line) as { id: string; text: string }).map(({ id, text }) => [id, text]));
  const kinds = new Set(values.kinds!.split(','));
  const proposals = lines(await readFile(proposalsFile, 'utf8')).map((line) => JSON.parse(line) as Proposal);
  const from = Number(values.from);
  proposals.slice(from, from + Number(values.count)).forEach((proposal, offset) => {
    if (!kinds.has(proposal.kind)) return;
    const text = texts.get(proposal.id) ?? '';
    const [start, end] = proposal.source;
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    const window = `${flat(text.slice(Math.max(0, start - Number(values.before)), start))}[[${text.slice(start, end)}]]${flat(text.slice(end, end + 60))}`;
    console.log(`#${from + offset} ${proposal.id}#${start} ${proposal.kind} "${proposal.sourceText}" -> ${proposal.name} | ${proposal.candidates.join('; ')}`);
    if (proposal.kind === 'pronoun' || proposal.kind === 'description') console.log(`   ${window}`);
  });
}

await main();
