/** The preview page's stylesheet: one file, no web fonts, light and dark. */
export const PREVIEW_STYLES = `
:root {
  color-scheme: light dark;
  --bg: #f4f2ee;
  --surface: #ffffff;
  --surface-2: #faf9f7;
  --border: #e2ded6;
  --text: #1f1c18;
  --muted: #6b655c;
  --accent: #a63d2a;
  --on-accent: #ffffff;
  --accent-soft: #f6e4df;
  --ok: #23784a;
  --warn: #9a6400;
  --warn-soft: #fbf0da;
  --error: #b42318;
  --error-soft: #fdeceb;
  --stage: #e7e3dc;
  --focus: #2d6cdf;
  --radius: 10px;
  /* preview.ts lays the page out with the same numbers: keep them in step. */
  --panel-width: 380px;
  --stage-padding: 20px;
  --handle-width: 14px;
  /* The Text tab widens the panel to show the text part's 78 columns whole (12 px monospace). */
  --text-panel-width: 624px;
  --mono: ui-monospace, 'SFMono-Regular', 'Cascadia Code', 'DejaVu Sans Mono', Menlo, Consolas, monospace;
  font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #17171a;
    --surface: #202024;
    --surface-2: #1b1b1f;
    --border: #34343a;
    --text: #ecebe8;
    --muted: #a29d95;
    --accent: #f08f77;
    --on-accent: #22110b;
    --accent-soft: #3a2620;
    --ok: #5cc98a;
    --warn: #e9b45a;
    --warn-soft: #382c17;
    --error: #ff8a80;
    --error-soft: #3b1f1d;
    --stage: #111113;
    --focus: #7aa7ff;
  }
}
* { box-sizing: border-box; }
html, body { height: 100%; }
body { margin: 0; background: var(--bg); color: var(--text); display: flex; flex-direction: column; }
[hidden] { display: none !important; }
button, select { font: inherit; color: inherit; }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }

.toolbar {
  display: flex; flex-wrap: wrap; align-items: center; gap: 10px 16px;
  padding: 10px 18px; background: var(--surface); border-bottom: 1px solid var(--border);
}
.brand { display: flex; align-items: center; gap: 8px; margin-right: 6px; }
.brand-mark {
  display: grid; place-items: center; width: 28px; height: 28px; border-radius: 7px;
  background: var(--accent); color: var(--on-accent); font: 700 16px/1 Georgia, 'Times New Roman', serif;
}
.brand-name { font-weight: 700; font-size: 15px; }
.brand-sub { color: var(--muted); }
.field { display: flex; align-items: center; gap: 8px; }
.field-label { color: var(--muted); font-size: 13px; }
select {
  height: 32px; padding: 0 10px; border: 1px solid var(--border); border-radius: 8px;
  background: var(--surface-2); min-width: 0; max-width: 320px;
}
.segmented { display: inline-flex; padding: 2px; border: 1px solid var(--border); border-radius: 9px; background: var(--surface-2); }
.segmented button {
  border: 0; background: transparent; padding: 5px 12px; border-radius: 7px; cursor: pointer; color: var(--muted);
}
.segmented button:hover { color: var(--text); }
.segmented button[aria-pressed='true'] { background: var(--surface); color: var(--text); box-shadow: 0 1px 2px rgb(0 0 0 / 0.12), 0 0 0 1px var(--border); font-weight: 600; }
.width-controls { display: inline-flex; align-items: center; gap: 8px; }
.width-readout { min-width: 5.5em; color: var(--muted); font-size: 13px; font-variant-numeric: tabular-nums; }
.status { margin-left: auto; display: flex; align-items: center; gap: 7px; color: var(--muted); font-size: 13px; white-space: nowrap; }
.status-dot { width: 8px; height: 8px; border-radius: 50%; background: var(--muted); }
.status[data-state='live'] .status-dot { background: var(--ok); box-shadow: 0 0 0 3px color-mix(in srgb, var(--ok) 22%, transparent); }
.status[data-state='building'] .status-dot { background: var(--warn); }
.status[data-state='error'] .status-dot { background: var(--error); }
.status[data-state='offline'] .status-dot { background: var(--muted); }

.workspace { flex: 1; min-height: 0; display: grid; grid-template-columns: minmax(0, 1fr) var(--panel-width); }
/* The email wider than the room beside the panel: the panel moves below, the stage keeps the window's height. */
body[data-wide-text='true'] .workspace { grid-template-columns: minmax(0, 1fr) var(--text-panel-width); }
body[data-layout='stacked'] .workspace { display: block; overflow-y: auto; }
body[data-layout='stacked'] .stage { height: 100%; }
body[data-layout='stacked'] .panel { border-left: 0; border-top: 1px solid var(--border); }
body[data-layout='stacked'] .tab-panel { overflow: visible; }
body[data-layout='stacked'] .source { max-height: 75vh; }
.stage { min-width: 0; min-height: 0; display: flex; flex-direction: column; gap: 12px; padding: 16px var(--stage-padding) 0; background: var(--stage); }
.inbox-row {
  display: flex; gap: 12px; align-items: flex-start; width: 100%; max-width: 1024px; margin: 0 auto;
  padding: 12px 14px; background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius);
}
.avatar {
  flex: none; display: grid; place-items: center; width: 36px; height: 36px; border-radius: 50%;
  background: var(--accent-soft); color: var(--accent); font-weight: 700;
}
.inbox-lines { min-width: 0; flex: 1; }
.inbox-top { display: flex; justify-content: space-between; gap: 12px; }
.inbox-from { font-weight: 700; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.inbox-date { color: var(--muted); font-size: 12px; white-space: nowrap; }
.inbox-subject { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.inbox-preheader { color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }

.build-errors {
  width: 100%; max-width: 1024px; margin: 0 auto; padding: 12px 14px;
  background: var(--error-soft); border: 1px solid color-mix(in srgb, var(--error) 45%, transparent); border-radius: var(--radius);
}
.build-errors-title { font-weight: 700; color: var(--error); margin-bottom: 6px; }
/* Centred by its margins, not by justify-content: a frame wider than the area then scrolls from its left edge instead of losing it. */
.frame-area { flex: 1; min-height: 420px; overflow: auto; display: flex; }
.frame-row { flex: none; display: flex; margin: 0 auto; min-height: 100%; }
.frame-box {
  flex: none; min-height: 100%; transition: width 0.18s ease;
  background: #fff; border-radius: 12px 12px 0 0; overflow: hidden;
  box-shadow: 0 1px 3px rgb(0 0 0 / 0.12), 0 12px 32px rgb(0 0 0 / 0.10);
}
.frame-box[data-scheme='dark'] { background: #131313; }
.frame-box.stale iframe { opacity: 0.55; }
iframe { display: block; width: 100%; height: 100%; border: 0; background: transparent; }
.resize-handle {
  flex: none; width: var(--handle-width); display: grid; place-items: center; cursor: ew-resize; touch-action: none;
  border-radius: 0 8px 0 0;
}
.resize-handle span { width: 4px; height: 44px; border-radius: 2px; background: color-mix(in srgb, var(--muted) 55%, transparent); }
.resize-handle:hover span, .resize-handle:focus-visible span, .resizing .resize-handle span { background: var(--accent); }
.resize-handle:focus-visible { outline-offset: -2px; }
.resizing, .resizing * { cursor: ew-resize; user-select: none; }
.resizing iframe { pointer-events: none; }
.resizing .frame-box { transition: none; }
.empty { margin: 40px auto; color: var(--muted); text-align: center; max-width: 360px; }

.panel { min-height: 0; display: flex; flex-direction: column; background: var(--surface); border-left: 1px solid var(--border); }
.tabs { display: flex; gap: 0; padding: 8px 8px 0; border-bottom: 1px solid var(--border); overflow-x: auto; }
.tabs button {
  border: 0; background: transparent; padding: 8px 8px 9px; cursor: pointer; color: var(--muted);
  border-bottom: 2px solid transparent; margin-bottom: -1px; white-space: nowrap;
}
.tabs button:hover { color: var(--text); }
.tabs button[aria-selected='true'] { color: var(--text); border-bottom-color: var(--accent); font-weight: 600; }
.badge {
  display: inline-block; min-width: 18px; padding: 0 5px; margin-left: 3px; border-radius: 9px;
  background: var(--warn-soft); color: var(--warn); font-size: 11px; font-weight: 700; text-align: center;
}
.badge[data-kind='error'] { background: var(--error-soft); color: var(--error); }
.tab-panel { flex: 1; min-height: 0; overflow: auto; padding: 14px; }
.card { padding: 12px 14px 14px; margin-bottom: 12px; border: 1px solid var(--border); border-radius: var(--radius); background: var(--surface-2); }
.card-title { margin: 0 0 10px; font-size: 12px; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: var(--muted); }
.meter { position: relative; height: 10px; border-radius: 5px; background: color-mix(in srgb, var(--muted) 20%, transparent); overflow: visible; }
.meter-fill { height: 100%; width: 0; border-radius: 5px; background: var(--ok); transition: width 0.3s ease; }
.meter[data-level='near'] .meter-fill { background: var(--warn); }
.meter[data-level='over'] .meter-fill { background: var(--error); }
.meter-mark { position: absolute; top: -3px; width: 2px; height: 16px; background: var(--text); opacity: 0.55; border-radius: 1px; }
.meter-caption { margin: 8px 0 0; color: var(--muted); }
.meter-caption strong { font-size: 15px; }
.meter-caption strong { color: var(--text); }
.diagnostics { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
.diagnostic { padding: 8px 10px; border-radius: 8px; background: var(--surface); border: 1px solid var(--border); }
.build-errors .diagnostic { background: color-mix(in srgb, var(--surface) 70%, transparent); }
.diagnostic-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 8px; margin-bottom: 2px; }
.severity { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.05em; padding: 1px 6px; border-radius: 4px; }
.severity[data-severity='error'] { background: var(--error-soft); color: var(--error); }
.severity[data-severity='warning'] { background: var(--warn-soft); color: var(--warn); }
.severity[data-severity='info'] { background: var(--accent-soft); color: var(--accent); }
.place { font-family: var(--mono); font-size: 12.5px; overflow-wrap: anywhere; }
.rule { font-family: var(--mono); font-size: 11.5px; color: var(--muted); }
.message { overflow-wrap: anywhere; }
.send-test { display: flex; gap: 8px; }
.send-test input {
  flex: 1; min-width: 0; height: 32px; padding: 0 10px; font: inherit; color: inherit;
  border: 1px solid var(--border); border-radius: 8px; background: var(--surface);
}
.send-test button {
  height: 32px; padding: 0 14px; border: 0; border-radius: 8px; cursor: pointer;
  background: var(--accent); color: var(--on-accent); font-weight: 600;
}
.send-test button:disabled { opacity: 0.6; cursor: progress; }
.hint { margin: 8px 0 0; color: var(--muted); font-size: 12.5px; }
.mono { font-family: var(--mono); font-size: 12px; }
.sent { margin: 10px 0 0; color: var(--ok); font-weight: 600; overflow-wrap: anywhere; }
#send-test-result .diagnostics { margin-top: 10px; }
.article-list { margin: 0; padding-left: 20px; display: grid; gap: 4px; }
.source-bar { display: flex; justify-content: space-between; align-items: center; margin-bottom: 8px; color: var(--muted); font-size: 13px; }
.copy { border: 1px solid var(--border); background: var(--surface-2); border-radius: 6px; padding: 2px 10px; cursor: pointer; }
.source {
  margin: 0; padding: 12px; border-radius: 8px; background: var(--surface-2); border: 1px solid var(--border);
  font: 12px/1.55 var(--mono); white-space: pre-wrap; overflow-wrap: anywhere; tab-size: 2;
}
/* The text part exactly as sent: its own line breaks only, a faint rule at column 78 where it should wrap. */
#panel-text:not([hidden]) { display: flex; flex-direction: column; padding: 14px 10px; }
.source.text-part {
  flex: 1; min-height: 0; overflow: auto; white-space: pre; overflow-wrap: normal; word-break: normal; padding: 10px;
  background-image: linear-gradient(90deg, transparent calc(10px + 78ch), color-mix(in srgb, var(--accent) 35%, transparent) calc(10px + 78ch), color-mix(in srgb, var(--accent) 35%, transparent) calc(10px + 78ch + 1px), transparent calc(10px + 78ch + 1px));
  background-attachment: local;
}
.verdict { border-width: 1px 1px 1px 5px; }
.verdict-title { margin: 0; font-weight: 700; font-size: 15px; }
.verdict .hint { margin-top: 4px; }
.verdict[data-state='ready'] { border-left-color: var(--ok); }
.verdict[data-state='ready'] .verdict-title { color: var(--ok); }
.verdict[data-state='problems'], .verdict[data-state='broken'] { border-left-color: var(--error); background: var(--error-soft); }
.verdict[data-state='problems'] .verdict-title, .verdict[data-state='broken'] .verdict-title { color: var(--error); }
.verdict[data-state='unchecked'], .verdict[data-state='stale'], .verdict[data-state='incomplete'] { border-left-color: var(--warn); }
.group-line { margin: 0 0 8px; }
.notes { margin-top: 8px; }
.notes summary { cursor: pointer; color: var(--muted); font-size: 12.5px; }
.notes .diagnostics { margin-top: 8px; }
.full-check-summary { margin: 0 0 8px; }
.stale-note { color: var(--warn); font-weight: 600; }
.button-link {
  display: inline-block; padding: 6px 14px; border-radius: 8px; background: var(--accent); color: var(--on-accent);
  font-weight: 600; text-decoration: none;
}
.headers { width: 100%; border-collapse: collapse; font-size: 12.5px; }
.headers th, .headers td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--border); }
.headers th { font-family: var(--mono); font-weight: 600; white-space: nowrap; color: var(--muted); width: 1%; }
.headers td { font-family: var(--mono); overflow-wrap: anywhere; }

@media (max-width: 1200px) {
  .brand-sub, .field-label { display: none; }
  .toolbar { gap: 10px 12px; }
}
@media (max-width: 700px) {
  :root { --stage-padding: 10px; }
  .stage { padding-top: 12px; }
  .status { margin-left: 0; }
  .brand { flex-basis: 100%; }
  .week-field { flex: 1 1 100%; }
  .week-field select { flex: 1; max-width: none; }
  .segmented button { padding: 5px 9px; }
}
`;
