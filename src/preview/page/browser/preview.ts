/**
 * The preview page's script, compiled for the browser by tsconfig.browser.json and served as
 * `/assets/preview.js`. It fills the page from `/api/state` and reloads on the server's events;
 * test/preview-browser.test.ts exercises it in Chromium.
 */
import type { PageChecks, PageDiagnostic, PageFullCheck, PageReadiness, PageSnapshot, PageState, PageTestSendOutcome, PageWebEdition, PageWeek } from './api.js';

const SCHEMES = ['light', 'dark'];
/** The narrowest phone mail clients lay out for, and a wide desktop reading pane. */
const MIN_WIDTH = 320;
const MAX_WIDTH = 1600;
/** The width emails are designed at: shown by default when the window has room for it. */
const DESIGN_WIDTH = 600;
/** Must match styles.ts: the side panel's width, the stage's side padding, the handle's width. */
const PANEL_WIDTH = 380;
const TEXT_PANEL_WIDTH = 624;
const STAGE_PADDING = 20;
const NARROW_STAGE_PADDING = 10;
const HANDLE_WIDTH = 14;
/** The groups only a full `gazette check` runs (check/quick.ts). */
const FULL_ONLY = 'axe (Chromium), dkim and spam (SpamAssassin)';

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

/** A width asked for in the URL or chosen before, or null to fit the window. */
function storedWidth(): number | null {
  const value = Number(params.get('width') ?? localStorage.getItem('gazette-preview-width') ?? NaN);
  return Number.isInteger(value) && value >= MIN_WIDTH && value <= MAX_WIDTH ? value : null;
}

const chosenWidth = storedWidth();
const view = {
  week: params.get('week'),
  width: chosenWidth ?? DESIGN_WIDTH,
  /** False while the width follows the window (the default); true once someone picks one. */
  widthChosen: chosenWidth !== null,
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
  if (view.widthChosen) next.set('width', String(view.width));
  next.set('scheme', view.scheme);
  history.replaceState(null, '', '?' + next.toString());
  if (view.widthChosen) localStorage.setItem('gazette-preview-width', String(view.width));
  localStorage.setItem('gazette-preview-scheme', view.scheme);
}

/** The room for the email beside a panel this wide. */
function sideRoom(panel = PANEL_WIDTH): number {
  return window.innerWidth - panel - 2 * STAGE_PADDING - HANDLE_WIDTH;
}

function stackedRoom(): number {
  const padding = window.innerWidth <= 700 ? NARROW_STAGE_PADDING : STAGE_PADDING;
  return window.innerWidth - 2 * padding - HANDLE_WIDTH;
}

/**
 * The frame is never clipped: the panel stays beside the email only while both fit the window,
 * else it moves below it and the email has the window's whole width. A width wider than even
 * that scrolls sideways, from its left edge.
 */
function applyLayout(): void {
  if (!view.widthChosen) view.width = Math.max(MIN_WIDTH, Math.min(DESIGN_WIDTH, sideRoom() >= DESIGN_WIDTH ? DESIGN_WIDTH : stackedRoom()));
  const wide = window.innerWidth >= 900;
  document.body.dataset.layout = wide && view.width <= sideRoom() ? 'side' : 'stacked';
  // The Text tab widens the panel to the text part's 78 columns when the email still fits beside it.
  document.body.dataset.wideText = String(view.tab === 'text' && wide && view.width <= sideRoom(TEXT_PANEL_WIDTH));
}

function clampWidth(width: number): number {
  return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)));
}

function setWidth(width: number, { chosen }: { chosen: boolean }): void {
  view.width = clampWidth(width);
  view.widthChosen = view.widthChosen || chosen;
  applyControls();
}

function setStatus(state: string, text: string): void {
  $('status').dataset.state = state;
  $('status-text').textContent = text;
}

function applyControls(): void {
  applyLayout();
  for (const button of $('widths').querySelectorAll('button')) button.setAttribute('aria-pressed', String(button.dataset.width === String(view.width)));
  for (const button of $('schemes').querySelectorAll('button')) button.setAttribute('aria-pressed', String(button.dataset.scheme === view.scheme));
  frameBox.style.width = view.width + 'px';
  frameBox.dataset.width = String(view.width);
  frameBox.dataset.scheme = view.scheme;
  $('width-readout').textContent = view.width + ' px';
  const handle = $('resize-handle');
  handle.setAttribute('aria-valuenow', String(view.width));
  handle.setAttribute('aria-valuetext', view.width + ' pixels wide');
  for (const button of $('tabs').querySelectorAll('[role=tab]')) {
    const selected = button.id === 'tab-' + view.tab;
    button.setAttribute('aria-selected', String(selected));
    (button as HTMLElement).tabIndex = selected ? 0 : -1;
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
  $('warnings').replaceChildren(...snapshot.warnings.map(diagnosticItem));
  $('no-warnings').hidden = snapshot.warnings.length > 0;
  renderChecks(snapshot.checks);
  $('article-list').replaceChildren(...snapshot.articles.map((a) => el('li', { text: a.title })));
  $('source-text').textContent = snapshot.text;
  const lines = snapshot.text.split('\n');
  const longest = Math.max(...lines.map((line) => [...line].length));
  $('text-label').textContent = 'Plain-text part, as sent: ' + lines.length + ' lines, the longest ' + longest + ' columns';
  $('source-html').textContent = snapshot.html;
  $('html-label').textContent = 'HTML as sent to the sample reader, ' + formatBytes(bytes);
  $('source-mjml').textContent = snapshot.mjml;
  $('send-test-dir').textContent = 'out/' + snapshot.week + '/';
  $('headers').replaceChildren(...snapshot.headers.map((h) => el('tr', {}, el('th', { scope: 'row', text: h.name }), el('td', { text: h.value }))));
}

const plural = (count: number, word: string) => count + ' ' + word + (count === 1 ? '' : 's');

function countsLine(counts: { error: number; warning: number; info: number }): string {
  return plural(counts.error, 'error') + ', ' + plural(counts.warning, 'warning') + ', ' + plural(counts.info, 'note');
}

/** Each finding once, with its rule id on the item so a test can compare the list with `gazette check --json`. */
function findingItem(d: PageDiagnostic): HTMLLIElement {
  const item = diagnosticItem(d);
  item.dataset.rule = d.rule;
  item.dataset.severity = d.severity;
  return item;
}

function renderChecks(checks: PageChecks): void {
  const skipped = checks.groups.filter((group) => group.status === 'skipped');
  $('quick-summary').textContent =
    countsLine(checks.counts) + ' from ' + checks.groups.map((group) => group.group).join(', ') + ': gazette check\'s own rules on the message it examines.' +
    (skipped.length > 0 ? ' Skipped: ' + skipped.map((group) => group.group + ' (' + (group.reason ?? '') + ')').join(', ') + '.' : '');
  const shown = checks.findings.filter((d) => d.severity !== 'info');
  const notes = checks.findings.filter((d) => d.severity === 'info');
  $('check-findings').replaceChildren(...shown.map(findingItem));
  $('check-notes-box').hidden = notes.length === 0;
  $('check-notes-summary').textContent = plural(notes.length, 'note') + ': expected in most issues, counted like gazette check --verbose lists them';
  $('check-notes').replaceChildren(...notes.map(findingItem));
}

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function renderFullCheck(full: PageFullCheck | null, week: string | null): void {
  const summary = $('full-check-summary');
  if (!full) {
    summary.replaceChildren('None saved for ' + (week ?? 'this issue') + '. ', el('span', { class: 'mono', text: 'gazette check' }), ' runs every group, ' + FULL_ONLY + ' included, and the preview shows its result here.');
    $('full-check-findings').replaceChildren();
    return;
  }
  const verdicts = { ready: 'no errors: ready to send', incomplete: 'no errors, but not fully checked', problems: 'not ready to send' };
  summary.replaceChildren(
    el('strong', { text: formatTime(full.checkedAt) }),
    ': ' + countsLine(full.counts) + '; ' + verdicts[full.verdict] + '.',
    full.skipped.length > 0 ? ' Not run: ' + full.skipped.map((group) => group.group).join(', ') + '.' : '',
    full.stale ? el('span', { class: 'stale-note', text: ' Stale: the issue has changed since; build and check it again.' }) : '',
  );
  summary.dataset.stale = String(full.stale);
  $('full-check-findings').replaceChildren(...full.findings.filter((d) => d.severity !== 'info').map(findingItem));
}

/** The one place the page speaks about sending. */
function renderReadiness(readiness: PageReadiness, full: PageFullCheck | null): void {
  const box = $('verdict');
  box.dataset.state = readiness.state;
  const texts: Record<PageReadiness['state'], [string, string]> = {
    broken: ['Not ready to send: the issue does not build.', 'Fix the errors shown above the email; the checks run again on the next build.'],
    problems: [
      'Not ready to send: ' + plural(readiness.errors, 'error') + '.',
      'gazette check reports ' + (readiness.errors === 1 ? 'it' : 'them') + ' too. Each is listed below with its file and rule.',
    ],
    unchecked: ['No errors in the quick checks; not fully checked yet.', 'Run gazette build, then gazette check: it adds ' + FULL_ONLY + ', and only then is an issue ready to send.'],
    stale: ['No errors in the quick checks; the full check is out of date.', 'The issue changed after gazette check examined it (' + (full ? formatTime(full.checkedAt) : '') + '): build it and check it again.'],
    incomplete: ['No errors, but not fully checked.', 'The last gazette check could not run ' + readiness.skipped.join(', ') + '; see why below.'],
    ready: ['Ready to send.', 'gazette check found no errors in this very build' + (full ? ' (' + formatTime(full.checkedAt) + ')' : '') + ', and the quick checks still find none.'],
  };
  const [title, detail] = texts[readiness.state];
  $('verdict-title').textContent = title;
  $('verdict-detail').textContent = detail;
}

function renderWeb(web: PageWebEdition | null, week: string | null): void {
  const link = $<HTMLAnchorElement>('web-link');
  link.hidden = !web?.url;
  if (web?.url) link.href = web.url;
  else link.removeAttribute('href');
  if (!web) {
    $('web-summary').textContent = 'There is no issue to show yet.';
    $('web-hint').textContent = '';
  } else if (web.url) {
    $('web-summary').replaceChildren('The web edition of ' + (week ?? 'this issue') + ' is ', el('span', { class: 'mono', text: web.file }), ', published ' + formatTime(web.publishedAt ?? '') + '.');
    $('web-hint').textContent = 'It is what gazette build last published, not this live preview: build again to publish changes.';
  } else {
    $('web-summary').replaceChildren('The site has no page for ' + (week ?? 'this issue') + ' yet (', el('span', { class: 'mono', text: web.file }), ').');
    $('web-hint').replaceChildren('Run ', el('span', { class: 'mono', text: 'gazette build' + (week ? ' --week ' + week : '') }), ': it publishes the web edition with the archive and the feeds, and it then opens from here.');
  }
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
  // Parsed by the email's own window: a document parsed here would fall under this page's
  // policy, which refuses the email's inline styles (a console error on every rebuild).
  const parser = new (win as Window & typeof globalThis).DOMParser();
  const next = parser.parseFromString(await response.text(), 'text/html');
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
  const sameBuild = state.version === view.version && !weekChanged;
  view.version = state.version;
  view.shownWeek = state.week;
  renderWeeks(state.weeks, state.week);
  const outcome = state.outcome;
  if (outcome.ok) {
    if (weekChanged) view.hasEmail = false;
    renderSnapshot(outcome.snapshot);
    renderErrors([]);
    const { counts } = outcome.snapshot.checks;
    if (counts.error > 0) renderBadge(counts.error, 'error');
    else renderBadge(counts.warning + outcome.snapshot.warnings.length, 'warning');
    $<HTMLButtonElement>('send-test-button').disabled = false;
    // A refresh of the same build (the window came back into focus) leaves the email as it is.
    if (!(sameBuild && view.hasEmail)) await showEmail({ keepScroll: keepScroll && !weekChanged && view.hasEmail });
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
    // The checks were made on the last good build: they would mislead.
    $('quick-summary').textContent = 'The checks run once the issue builds.';
    $('check-findings').replaceChildren();
    $('check-notes-box').hidden = true;
    $('warnings').replaceChildren();
    $('no-warnings').hidden = true;
    $<HTMLButtonElement>('send-test-button').disabled = true;
    setStatus('error', 'Build failed');
  }
  renderFullCheck(state.fullCheck, state.week);
  renderReadiness(state.readiness, state.fullCheck);
  renderWeb(state.web, state.week);
  $('frame-row').hidden = !view.hasEmail;
  $('empty').hidden = view.hasEmail;
  document.title = (outcome.ok ? outcome.snapshot.subject : 'Build failed') + ' · Gazette preview';
  document.body.dataset.version = String(view.version);
}

$('widths').addEventListener('click', (event) => {
  const width = Number(closest(event, 'button')?.dataset.width);
  if (!width) return;
  setWidth(width, { chosen: true });
  remember();
});

const handle = $('resize-handle');
let drag: { pointer: number; x: number; width: number; factor: number } | null = null;
handle.addEventListener('pointerdown', (event) => {
  if (event.button !== 0) return;
  event.preventDefault();
  handle.setPointerCapture(event.pointerId);
  // A centred frame grows on both sides: the edge follows the pointer when the width changes twice as much.
  const centred = frameBox.getBoundingClientRect().left - $('frame-area').getBoundingClientRect().left > 1;
  drag = { pointer: event.pointerId, x: event.clientX, width: view.width, factor: centred ? 2 : 1 };
  document.body.classList.add('resizing');
});
handle.addEventListener('pointermove', (event) => {
  if (drag?.pointer !== event.pointerId) return;
  setWidth(drag.width + (event.clientX - drag.x) * drag.factor, { chosen: true });
});
const endDrag = (event: PointerEvent) => {
  if (drag?.pointer !== event.pointerId) return;
  drag = null;
  document.body.classList.remove('resizing');
  remember();
};
handle.addEventListener('pointerup', endDrag);
handle.addEventListener('pointercancel', endDrag);
handle.addEventListener('keydown', (event) => {
  const step = event.shiftKey ? 50 : 10;
  const next: Record<string, number> = { ArrowLeft: view.width - step, ArrowDown: view.width - step, ArrowRight: view.width + step, ArrowUp: view.width + step, Home: MIN_WIDTH, End: MAX_WIDTH };
  if (!(event.key in next)) return;
  event.preventDefault();
  setWidth(next[event.key] ?? view.width, { chosen: true });
  remember();
});
window.addEventListener('resize', () => applyControls());

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
// Arrow keys move between tabs, as in every tab list.
$('tabs').addEventListener('keydown', (event) => {
  const tabs = [...$('tabs').querySelectorAll<HTMLElement>('[role=tab]')];
  const index = tabs.findIndex((tab) => tab.id === 'tab-' + view.tab);
  const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  const tab = tabs[(next + tabs.length) % tabs.length];
  if (!tab) return;
  view.tab = tab.id.slice('tab-'.length);
  applyControls();
  tab.focus();
});
// gazette check runs in a terminal: back in the page, show what it saved.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void load({ keepScroll: true });
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
