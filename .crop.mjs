import { chromium } from 'playwright-core';
const [,, file, width, scheme, y, h, out] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox'] });
const p = await b.newPage({ viewport: { width: Number(width), height: Number(h) }, colorScheme: scheme });
await p.goto(file);
await p.evaluate((y) => window.scrollTo(0, y), Number(y));
await p.screenshot({ path: out });
await b.close();
