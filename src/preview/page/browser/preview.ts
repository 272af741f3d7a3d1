/**
 * The preview page's script, compiled for the browser by tsconfig.browser.json and served as
 * `/assets/preview.js`. It fills the page from `/api/state` and reloads on the server's events;
 * test/preview-browser.test.ts exercises it in Chromium.
 */
import type { PageDiagnostic, PageSnapshot, PageState, PageTestSendOutcome, PageWeek } from './api.js';

const WIDTHS = ['375', '768', '1024'];
const SCHEMES = ['light', 'dark'];

/** An element of the page's markup (preview/page/html.ts), which always holds it. */
function $<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the preview page has no #${id}`);
  return element as T;
}

/** Proves a send-test request comes from this page: the server wrote it into the page it served. */
const SESSION_TOKEN = document.querySelector<HTMLMetaElement>('meta[name="gazette-token"]')?.content ?? '';
const params = new URLSearchParams(location.search);
const stored = (key: string, allowed: readonly string[], fallback: string): string => {
  const value = params.get(key) ?? localStorage.getItem('gazette-preview-' + key);
  return value !== null && allowed.includes(value) ? value : fallback;
};

const view = {
  week: params.get('week'),
  width: stored('width', WIDTHS, '768'),
  scheme: stored('scheme', SCHEMES, 'light'),
  tab: 'checks',
  version: -1,
  shownWeek: null as string | null,
  hasEmail: false,
};

const frame = $<HTMLIFrameElement>('email');
const frameBox = $('frame-box');

/** Builds an element; text is always set as text, never parsed as HTML. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string> = {}, ...children: (Node | string | null | undefined)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else node.setAttribute(key, value);
  }
  node.append(...children.filter((child): child is Node | string => child !== null && child !== undefined));
  return node;
}

/** The element an event started in, or the nearest ancestor matching `selector`. */
/** The element an event is on, from any document: the email frame's are of another realm, where `instanceof Element` is false. */
function targetElement(event: Event): Element | null {
  const target = event.target as Node | null;
  return target !== null && target.nodeType === Node.ELEMENT_NODE ? (target as Element) : null;
}

function closest(event: Event, selector: string): HTMLElement | null {
  return targetElement(event)?.closest<HTMLElement>(selector) ?? null;
}

function remember(): void {
  const next = new URLSearchParams();
  if (view.week) next.set('week', view.week);
  next.set('width', view.width);
  next.set('scheme', view.scheme);
  history.replaceState(null, '', '?' + next.toString());
  localStorage.setItem('gazette-preview-width', view.width);
  localStorage.setItem('gazette-preview-scheme', view.scheme);
}

function setStatus(state: string, text: string): void {
  $('status').dataset.state = state;
  $('status-text').textContent = text;
}

function applyControls(): void {
  for (const button of $('widths').querySelectorAll('button')) button.setAttribute('aria-pressed', String(button.dataset.width === view.width));
  for (const button of $('schemes').querySelectorAll('button')) button.setAttribute('aria-pressed', String(button.dataset.scheme === view.scheme));
  frameBox.dataset.width = view.width;
  frameBox.dataset.scheme = view.scheme;
  for (const button of $('tabs').querySelectorAll('[role=tab]')) {
    const selected = button.id === 'tab-' + view.tab;
    button.setAttribute('aria-selected', String(selected));
    $(button.getAttribute('aria-controls') ?? '').hidden = !selected;
  }
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? bytes + ' B' : (bytes / 1024).toFixed(1).replace(/\.0$/, '') + ' KB';
}

function formatDay(iso: string, withYear = false): string {
  return new Date(iso + 'T00:00:00Z').toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: withYear ? 'numeric' : undefined, timeZone: 'UTC' });
}

function diagnosticItem(d: PageDiagnostic): HTMLLIElement {
  const place = [d.file, d.line, d.line !== undefined ? d.column : undefined].filter((part) => part !== undefined && part !== null).join(':');
  return el('li', { class: 'diagnostic' },
    el('div', { class: 'diagnostic-head' },
      el('span', { class: 'severity', 'data-severity': d.severity, text: d.severity }),
      place ? el('span', { class: 'place', text: place }) : null,
      el('span', { class: 'rule', text: d.rule })),
    el('div', { class: 'message', text: (d.field ? d.field + ': ' : '') + d.message }));
}

function renderWeeks(weeks: readonly PageWeek[], current: string | null): void {
  const select = $<HTMLSelectElement>('week');
  const options = weeks.map((w) => el('option', { value: w.week, text: w.week + ' · ' + formatDay(w.from) + ' – ' + formatDay(w.to) + ' · ' + w.articles + (w.articles === 1 ? ' article' : ' articles') }));
  if (current && !weeks.some((w) => w.week === current)) options.unshift(el('option', { value: current, text: current + ' · no articles' }));
  select.replaceChildren(...options);
  if (current) select.value = current;
  select.disabled = options.length === 0;
}

function renderSnapshot(snapshot: PageSnapshot): void {
  const header = (name: string) => snapshot.headers.find((h) => h.name.toLowerCase() === name)?.value ?? '';
  const from = header('from');
  const fromName = from.replace(/\s*<[^>]*>\s*$/, '').replace(/^"|"$/g, '') || from;
  $('inbox-row').hidden = false;
  $('inbox-avatar').textContent = (fromName.trim()[0] ?? '?').toUpperCase();
  $('inbox-from').textContent = fromName;
  $('inbox-date').textContent = formatDay(snapshot.from) + ' – ' + formatDay(snapshot.to, true);
  $('inbox-subject').textContent = snapshot.subject;
  $('inbox-preheader').textContent = snapshot.preheader;

  const { bytes, budget, clip } = snapshot.size;
  const meter = $('size-meter');
  meter.setAttribute('aria-valuemax', String(clip));
  meter.setAttribute('aria-valuenow', String(bytes));
  meter.dataset.level = bytes > clip ? 'over' : bytes > budget ? 'near' : 'ok';
  $('size-fill').style.width = Math.min(100, (bytes / clip) * 100) + '%';
  $('size-budget').style.left = Math.min(100, (budget / clip) * 100) + '%';
  $('size-caption').replaceChildren(
    el('strong', { text: formatBytes(bytes) }),
    ' of ' + formatBytes(clip) + (bytes > clip ? ': Gmail will clip this message and hide its end, unsubscribe link included.' : ' (' + Math.round((bytes / clip) * 100) + '%)'),
  );
  $('size-note').textContent = 'Gmail clips messages over ' + formatBytes(clip) + '; the mark is your budget, ' + formatBytes(budget) + ' (max_html_bytes).';
  $('warnings-title').textContent = 'Warnings';
  $('warnings').replaceChildren(...snapshot.warnings.map(diagnosticItem));
  $('all-clear').hidden = snapshot.warnings.length > 0;
  $('article-list').replaceChildren(...snapshot.articles.map((a) => el('li', { text: a.title })));
  $('source-text').textContent = snapshot.text;
  $('source-html').textContent = snapshot.html;
  $('html-label').textContent = 'HTML as sent to the sample reader, ' + formatBytes(bytes);
  $('source-mjml').textContent = snapshot.mjml;
  $('send-test-dir').textContent = 'out/' + snapshot.week + '/';
  $('headers').replaceChildren(...snapshot.headers.map((h) => el('tr', {}, el('th', { scope: 'row', text: h.name }), el('td', { text: h.value }))));
}

function renderErrors(errors: readonly PageDiagnostic[]): void {
  const box = $('build-errors');
  box.hidden = errors.length === 0;
  $('build-errors-title').textContent = view.hasEmail
    ? 'The issue does not build. The email below is the last version that did.'
    : 'The issue does not build.';
  $('build-errors-list').replaceChildren(...errors.map(diagnosticItem));
  frameBox.classList.toggle('stale', errors.length > 0 && view.hasEmail);
}

function renderBadge(count: number, kind: 'warning' | 'error'): void {
  const badge = $('checks-badge');
  badge.hidden = count === 0;
  badge.textContent = String(count);
  badge.dataset.kind = kind;
}

function emailUrl(): string {
  const query = new URLSearchParams({ scheme: view.scheme });
  if (view.shownWeek) query.set('week', view.shownWeek);
  return '/email.html?' + query.toString();
}

/**
 * Puts the new email into the frame in place, so the reader's scroll position and the
 * frame's size stay as they were; the first time (or after a week change) it loads it.
 */
async function showEmail({ keepScroll }: { keepScroll: boolean }): Promise<void> {
  const doc = frame.contentDocument;
  const win = frame.contentWindow;
  if (!keepScroll || frame.dataset.ready !== 'true' || !doc?.documentElement || !win) {
    frame.dataset.ready = 'false';
    frame.src = emailUrl();
    return;
  }
  const response = await fetch(emailUrl());
  if (!response.ok) return;
  const next = new DOMParser().parseFromString(await response.text(), 'text/html');
  const x = win.scrollX;
  const y = win.scrollY;
  doc.replaceChild(doc.importNode(next.documentElement, true), doc.documentElement);
  win.scrollTo(x, y);
  frame.dataset.version = String(view.version);
}

frame.addEventListener('load', () => {
  const doc = frame.contentDocument;
  if (!doc || frame.src === '' || frame.src === 'about:blank') return;
  frame.dataset.ready = 'true';
  frame.dataset.version = String(view.version);
  // Links leave the preview in a new tab; links within the issue (its contents list) scroll the frame.
  doc.addEventListener('click', (event) => {
    const link = targetElement(event)?.closest<HTMLAnchorElement>('a[href]') ?? null;
    if (!link) return;
    event.preventDefault();
    const href = link.getAttribute('href') ?? '';
    if (href.startsWith('#')) doc.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView({ behavior: 'smooth' });
    else window.open(link.href, '_blank', 'noopener');
  });
});

async function load({ keepScroll }: { keepScroll: boolean }): Promise<void> {
  const query = view.week ? '?week=' + encodeURIComponent(view.week) : '';
  const response = await fetch('/api/state' + query);
  const state = (await response.json()) as PageState;
  if (state.version < view.version) return;
  const weekChanged = state.week !== view.shownWeek;
  view.version = state.version;
  view.shownWeek = state.week;
  renderWeeks(state.weeks, state.week);
  const outcome = state.outcome;
  if (outcome.ok) {
    if (weekChanged) view.hasEmail = false;
    renderSnapshot(outcome.snapshot);
    renderErrors([]);
    renderBadge(outcome.snapshot.warnings.length, 'warning');
    $<HTMLButtonElement>('send-test-button').disabled = false;
    await showEmail({ keepScroll: keepScroll && !weekChanged && view.hasEmail });
    view.hasEmail = true;
    const time = new Date(outcome.builtAt).toLocaleTimeString();
    setStatus('live', 'Live · ' + time);
    $('status').title = 'Rebuilt at ' + time + ' after the last change';
  } else {
    if (weekChanged) {
      view.hasEmail = false;
      frame.dataset.ready = 'false';
      frame.removeAttribute('src');
    }
    renderErrors(outcome.errors);
    renderBadge(outcome.errors.length, 'error');
    // The checks below the errors were made on the last good build: they would mislead.
    $('warnings-title').textContent = 'Errors';
    $('warnings').replaceChildren(...outcome.errors.map(diagnosticItem));
    $('all-clear').hidden = true;
    $<HTMLButtonElement>('send-test-button').disabled = true;
    setStatus('error', 'Build failed');
  }
  $('frame-box').hidden = !view.hasEmail;
  $('empty').hidden = view.hasEmail;
  document.title = (outcome.ok ? outcome.snapshot.subject : 'Build failed') + ' · Gazette preview';
  document.body.dataset.version = String(view.version);
}

$('widths').addEventListener('click', (event) => {
  const width = closest(event, 'button')?.dataset.width;
  if (!width) return;
  view.width = width;
  applyControls();
  remember();
});

$('schemes').addEventListener('click', (event) => {
  const scheme = closest(event, 'button')?.dataset.scheme;
  if (!scheme || scheme === view.scheme) return;
  view.scheme = scheme;
  applyControls();
  remember();
  if (view.hasEmail) void showEmail({ keepScroll: true });
});

$('tabs').addEventListener('click', (event) => {
  const tab = closest(event, '[role=tab]');
  if (!tab) return;
  view.tab = tab.id.slice('tab-'.length);
  applyControls();
});

$<HTMLSelectElement>('week').addEventListener('change', (event) => {
  view.week = (event.target as HTMLSelectElement).value;
  remember();
  void load({ keepScroll: false });
});

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
  button.addEventListener('click', async () => {
    await navigator.clipboard.writeText($(button.dataset.copy ?? '').textContent ?? '');
    button.textContent = 'Copied';
    setTimeout(() => { button.textContent = 'Copy'; }, 1200);
  });
}

$<HTMLInputElement>('send-test-to').value = localStorage.getItem('gazette-preview-test-to') ?? '';
$('send-test').addEventListener('submit', async (event) => {
  event.preventDefault();
  const to = $<HTMLInputElement>('send-test-to').value.trim();
  const button = $<HTMLButtonElement>('send-test-button');
  const result = $('send-test-result');
  localStorage.setItem('gazette-preview-test-to', to);
  button.disabled = true;
  button.textContent = 'Sending…';
  result.replaceChildren();
  try {
    const response = await fetch('/api/send-test', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Gazette-Token': SESSION_TOKEN },
      body: JSON.stringify({ week: view.shownWeek, to }),
    });
    const outcome = (await response.json()) as PageTestSendOutcome;
    if (outcome.ok) result.replaceChildren(el('p', { class: 'sent', text: 'Sent to ' + outcome.sent.to + ' through ' + outcome.sent.destination + ': ' + outcome.sent.reply }));
    else result.replaceChildren(el('ul', { class: 'diagnostics' }, ...outcome.errors.map(diagnosticItem)));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    result.replaceChildren(el('ul', { class: 'diagnostics' }, diagnosticItem({ severity: 'error', rule: 'preview/offline', message: 'the preview server did not answer: ' + message })));
  } finally {
    button.disabled = false;
    button.textContent = 'Send';
  }
});

let connectedBefore = false;
const events = new EventSource('/events');
events.addEventListener('open', () => {
  // After the server restarts, what is shown may be out of date.
  if (connectedBefore) void load({ keepScroll: true });
  connectedBefore = true;
});
events.addEventListener('building', () => setStatus('building', 'Rebuilding…'));
events.addEventListener('build', () => void load({ keepScroll: true }));
events.addEventListener('error', () => {
  if (events.readyState !== EventSource.OPEN) setStatus('offline', 'Disconnected: is gazette preview still running?');
});

applyControls();
remember();
void load({ keepScroll: false });
