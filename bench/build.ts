/**
 * Build benchmark: wall time, CPU time and peak memory to build an issue from 10 to 10,000
 * generated articles (each size in its own process, so peak RSS is that build's), and the
 * cost of one recipient's copy against an MJML compile per recipient. Time and memory per
 * article show whether the build grows linearly. CPU time is the steadier figure on a shared
 * machine: wall time also counts waiting for other processes.
 *
 * Each size is built in several fresh processes (`--runs`, 3 by default): on a shared machine a
 * burst of other work slows one run, never speeds one up, so the fastest run is the build's own
 * cost (the rule bench/summarize.ts follows); the median and every run are reported beside it.
 *
 *   npm run bench:build                          prints JSON
 *   npm run bench:build -- --sizes 1000,3000     only these sizes
 *   npm run bench:build -- --runs 5              five processes per size
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import mjml2html from 'mjml';
import { buildDigest, writeIssue } from '../src/build.js';
import { createPersonalizer } from '../src/message/personalize.js';

const REPO = path.resolve(fileURLToPath(import.meta.url), '../../..');
const SIZES = [10, 100, 1000, 3000, 10_000];

const SUBJECTS = ['The council', 'A spokesman for the agency', 'Researchers at the institute', 'The company', 'Local officials'];
const VERBS = ['announced', 'confirmed', 'reported', 'said', 'warned'];
const OBJECTS = ['a new plan for the harbour', 'higher costs this winter', 'a delay to the rail project', 'record numbers of visitors', 'changes to the school timetable'];

/** A plausible news article: numbered, deterministic, with a quote. */
function generatedArticle(index: number, date: string): string {
  const sentence = (n: number) =>
    `${SUBJECTS[(index + n) % SUBJECTS.length]} ${VERBS[(index * 3 + n) % VERBS.length]} ${OBJECTS[(index * 7 + n) % OBJECTS.length]} on day ${n + 1} of the review.`;
  const paragraphs = Array.from({ length: 8 }, (_, p) => [0, 1, 2].map((s) => sentence(p * 3 + s)).join(' '));
  paragraphs.splice(3, 0, `"We expect the first results before the end of the month, and we will publish them in full," said Jordan Example, the project's director.`);
  return `---\ntitle: "Generated story ${index}"\ndate: ${date}\nsource: Bench Daily\ntags: [bench]\n---\n\n${paragraphs.join('\n\n')}\n`;
}

async function workspace(count: number): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'gazette-bench-'));
  await mkdir(path.join(root, 'articles'));
  await cp(path.join(REPO, 'templates'), path.join(root, 'templates'), { recursive: true });
  await writeFile(path.join(root, 'gazette.config.json'), JSON.stringify({ name: 'Bench', base_url: 'https://example.com/', max_html_bytes: 1e9 }));
  for (let i = 0; i < count; i++) {
    await writeFile(path.join(root, 'articles', `story-${String(i).padStart(4, '0')}.md`), generatedArticle(i, `2024-01-${String(29 + (i % 3)).padStart(2, '0')}`));
  }
  return root;
}

/** Runs in a child process: one build of `count` articles, written to out/. */
async function measureOneBuild(count: number): Promise<void> {
  const root = await workspace(count);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = await buildDigest({ root });
  await writeIssue(result);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  await rm(root, { recursive: true, force: true });
  const round = (value: number, digits: number) => Number(value.toFixed(digits));
  process.stdout.write(
    JSON.stringify({
      articles: count,
      seconds: round(seconds, 3),
      cpuSeconds: round(cpuSeconds, 3),
      peakRssMb: round(peakRssMb, 1),
      msPerArticle: round((seconds * 1000) / count, 2),
      htmlKb: round(Buffer.byteLength(result.preview.html) / 1024, 1),
    }),
  );
}

async function perRecipient(): Promise<Record<string, number>> {
  const root = await workspace(5);
  const { email } = await buildDigest({ root });
  const personalize = createPersonalizer(email);
  const recipients = 20_000;
  const values = (i: number) => ({ subscriber: { email: `reader${i}@example.com`, name: `Reader ${i}` }, unsubscribe_url: `https://example.com/u?t=${i}` });
  // Warmed up as a real send is after its first few hundred recipients, so the JIT has compiled the fill.
  for (let i = 0; i < 2000; i++) personalize(values(i));
  let started = performance.now();
  for (let i = 0; i < recipients; i++) personalize(values(i));
  const templateMs = (performance.now() - started) / recipients;

  const compiles = 30;
  started = performance.now();
  for (let i = 0; i < compiles; i++) {
    const mjml = email.mjml.replaceAll(`${email.recipientMarker}subscriber.email]]`, `reader${i}@example.com`);
    await mjml2html(mjml, { validationLevel: 'skip' });
  }
  const compileMs = (performance.now() - started) / compiles;
  await rm(root, { recursive: true, force: true });
  return {
    perRecipientTemplateMicroseconds: Number((templateMs * 1000).toFixed(1)),
    perRecipientMjmlCompileMilliseconds: Number(compileMs.toFixed(2)),
    ratio: Math.round(compileMs / templateMs),
  };
}

/** `--sizes 1000,3000` from the command line, else every size. */
function requestedSizes(): number[] {
  const at = process.argv.indexOf('--sizes');
  return at === -1 ? SIZES : (process.argv[at + 1] ?? '').split(',').map(Number).filter((size) => size > 0);
}

/** `--runs 5` from the command line, else 3. */
function requestedRuns(): number {
  const at = process.argv.indexOf('--runs');
  const runs = at === -1 ? 3 : Number(process.argv[at + 1]);
  return Number.isInteger(runs) && runs > 0 ? runs : 3;
}

interface BuildRun {
  articles: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  msPerArticle: number;
  htmlKb: number;
}

/** One size's runs: the fastest run's figures, the median time, the highest peak memory, and every run's time. */
function summarizeRuns(runs: BuildRun[]): Record<string, unknown> {
  const bySpeed = [...runs].sort((a, b) => a.seconds - b.seconds);
  const fastest = bySpeed[0]!;
  const middle = (bySpeed.length - 1) / 2;
  const median = Number(((bySpeed[Math.floor(middle)]!.seconds + bySpeed[Math.ceil(middle)]!.seconds) / 2).toFixed(3));
  return {
    ...fastest,
    peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)),
    medianSeconds: median,
    runs: runs.map((run) => ({ seconds: run.seconds, cpuSeconds: run.cpuSeconds, peakRssMb: run.peakRssMb })),
  };
}

async function main(): Promise<void> {
  const size = process.argv[2];
  if (size && /^\d+$/.test(size)) return measureOneBuild(Number(size));
  const runs = requestedRuns();
  const buildOnce = (count: number) => JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), String(count)], { encoding: 'utf8' })) as BuildRun;
  const builds = requestedSizes().map((count) => summarizeRuns(Array.from({ length: runs }, () => buildOnce(count))));
  const report = { node: process.version, runsPerSize: runs, builds, personalization: await perRecipient() };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
