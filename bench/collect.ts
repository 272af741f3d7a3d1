/**
 * Collect benchmark: wall time to add 50 article pages served by a local HTTP server (one
 * host, so one request at a time), with no politeness pause (the cost of fetching, reading
 * and writing) and what the default pause adds on top.
 *
 *   npm run bench:collect            prints JSON
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { addPages } from '../src/collect/add.js';
import { DEFAULT_FETCHER_OPTIONS, Fetcher } from '../src/collect/fetcher.js';

const PAGES = 50;
const SUBJECTS = ['The council', 'A spokeswoman for the port', 'Researchers at the college', 'The bakery', 'Local cyclists'];
const VERBS = ['announced', 'confirmed', 'reported', 'said', 'warned'];
const OBJECTS = ['a new timetable for the ferries', 'longer opening hours', 'a delay to the bridge repairs', 'record numbers at the market', 'changes to the bus routes'];

/** A plausible news page: metadata, navigation and related links around about 400 words. */
function page(index: number): string {
  const sentence = (n: number) => `${SUBJECTS[(index + n) % 5]} ${VERBS[(index * 3 + n) % 5]} ${OBJECTS[(index * 7 + n) % 5]} on day ${n + 1} of the review.`;
  const paragraphs = Array.from({ length: 12 }, (_, p) => `<p>${[0, 1, 2].map((s) => sentence(p * 3 + s)).join(' ')}</p>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Story ${index} | Bench Daily</title>
<meta property="og:site_name" content="Bench Daily"><meta property="og:image" content="/img/${index}.jpg"><meta property="og:image:alt" content="Photo ${index}">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Generated story ${index}","datePublished":"2024-03-0${1 + (index % 7)}","author":{"name":"Bench Writer"}}</script></head>
<body><nav>${Array.from({ length: 20 }, (_, n) => `<a href="/section/${n}">Section ${n}</a>`).join(' ')}</nav>
<article><h1>Generated story ${index}</h1>${paragraphs}</article>
<aside><ul>${Array.from({ length: 10 }, (_, n) => `<li><a href="/story/${n}">Related story ${n}</a></li>`).join('')}</ul></aside><footer>Bench Daily</footer></body></html>`;
}

async function main(): Promise<void> {
  const server = createServer((request, response) => {
    if (request.url === '/robots.txt') return void response.writeHead(404).end();
    const index = Number(/^\/story\/(\d+)$/.exec(request.url ?? '')?.[1] ?? -1);
    if (index < 0) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(index));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const urls = Array.from({ length: PAGES }, (_, index) => `${origin}/story/${index}`);
  const articlesDir = await mkdtemp(path.join(tmpdir(), 'gazette-bench-collect-'));
  const started = performance.now();
  const report = await addPages(urls, { articlesDir, fetcher: new Fetcher({ hostDelayMs: 0 }), today: '2024-03-08' });
  const seconds = (performance.now() - started) / 1000;
  server.close();
  await rm(articlesDir, { recursive: true, force: true });
  const added = report.results.filter((result) => result.status === 'added').length;
  const pause = DEFAULT_FETCHER_OPTIONS.hostDelayMs / 1000;
  process.stdout.write(
    `${JSON.stringify(
      {
        node: process.version,
        pages: PAGES,
        added,
        secondsWithoutPause: Number(seconds.toFixed(3)),
        millisecondsPerPage: Number(((seconds * 1000) / PAGES).toFixed(1)),
        // One host: the requests queue, so the default pause is paid between every two of them.
        defaultPauseSeconds: pause,
        estimatedSecondsWithDefaultPause: Number((seconds + pause * PAGES).toFixed(1)),
        peakRssMb: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)),
      },
      null,
      2,
    )}\n`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
