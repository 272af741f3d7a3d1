/**
 * The preview page for one server: the markup with the session token the send-test request
 * must carry. The token is base64url, so it needs no escaping in the attribute.
 */
export function previewPage(token: string): string {
  if (!/^[\w-]+$/.test(token)) throw new Error('a session token is base64url');
  return PREVIEW_PAGE.replace('<meta name="gazette-token" content="">', `<meta name="gazette-token" content="${token}">`);
}

/**
 * The preview page's markup. It holds no data: the script fills it from `/api/state`,
 * so nothing from the workspace is ever written into HTML unescaped.
 */
const PREVIEW_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="gazette-token" content="">
<title>Gazette preview</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/preview.css">
<script type="module" src="/assets/preview.js"></script>
</head>
<body>
<header class="toolbar">
  <div class="brand" aria-label="Gazette preview"><span class="brand-mark" aria-hidden="true">G</span><span class="brand-name">Gazette</span><span class="brand-sub">preview</span></div>
  <label class="field week-field"><span class="field-label" aria-hidden="true">Week</span>
    <select id="week" aria-label="Week"></select>
  </label>
  <div class="width-controls">
    <div class="segmented" role="group" aria-label="Email width in pixels" id="widths">
      <button type="button" data-width="320" aria-pressed="false" title="Small phone, 320 px">320</button>
      <button type="button" data-width="375" aria-pressed="false" title="Phone, 375 px">375</button>
      <button type="button" data-width="600" aria-pressed="false" title="The email's design width, 600 px">600</button>
      <button type="button" data-width="768" aria-pressed="false" title="Tablet, 768 px">768</button>
      <button type="button" data-width="1024" aria-pressed="false" title="Desktop, 1024 px">1024</button>
    </div>
    <output class="width-readout" id="width-readout" aria-live="off" title="The email's width: drag the handle beside it, or focus the handle and use the arrow keys"></output>
  </div>
  <div class="segmented" role="group" aria-label="Colour scheme" id="schemes">
    <button type="button" data-scheme="light" aria-pressed="false">Light</button>
    <button type="button" data-scheme="dark" aria-pressed="false">Dark</button>
  </div>
  <div class="status" id="status" role="status" aria-live="polite"><span class="status-dot" aria-hidden="true"></span><span id="status-text">Connecting…</span></div>
</header>
<main class="workspace">
  <section class="stage" id="stage" aria-label="Email">
    <div class="inbox-row" id="inbox-row" hidden>
      <div class="avatar" id="inbox-avatar" aria-hidden="true"></div>
      <div class="inbox-lines">
        <div class="inbox-top"><span class="inbox-from" id="inbox-from"></span><span class="inbox-date" id="inbox-date"></span></div>
        <div class="inbox-subject" id="inbox-subject"></div>
        <div class="inbox-preheader" id="inbox-preheader"></div>
      </div>
    </div>
    <div class="build-errors" id="build-errors" role="alert" hidden>
      <div class="build-errors-title" id="build-errors-title"></div>
      <ul class="diagnostics" id="build-errors-list"></ul>
    </div>
    <div class="frame-area" id="frame-area">
      <div class="frame-row" id="frame-row">
        <div class="frame-box" id="frame-box">
          <iframe id="email" title="The email" data-ready="false"></iframe>
        </div>
        <div class="resize-handle" id="resize-handle" role="separator" tabindex="0" aria-orientation="vertical" aria-controls="frame-box"
          aria-label="Email width: arrow keys change it by 10 px, with Shift by 50" aria-valuemin="320" aria-valuemax="1600" aria-valuenow="600"><span aria-hidden="true"></span></div>
      </div>
      <p class="empty" id="empty" hidden>Nothing to show yet: fix the errors above and the email appears here.</p>
    </div>
  </section>
  <aside class="panel" aria-label="Details">
    <div class="tabs" role="tablist" id="tabs">
      <button type="button" role="tab" id="tab-checks" aria-controls="panel-checks" aria-selected="true">Checks <span class="badge" id="checks-badge" hidden></span></button>
      <button type="button" role="tab" id="tab-text" aria-controls="panel-text" aria-selected="false">Text</button>
      <button type="button" role="tab" id="tab-html" aria-controls="panel-html" aria-selected="false">HTML</button>
      <button type="button" role="tab" id="tab-mjml" aria-controls="panel-mjml" aria-selected="false">MJML</button>
      <button type="button" role="tab" id="tab-headers" aria-controls="panel-headers" aria-selected="false">Headers</button>
      <button type="button" role="tab" id="tab-web" aria-controls="panel-web" aria-selected="false" title="The issue's web edition, in the published site">Web</button>
    </div>
    <div class="tab-panel" role="tabpanel" id="panel-checks" aria-labelledby="tab-checks">
      <section class="card verdict" id="verdict" data-state="unchecked" role="status" aria-live="polite">
        <p class="verdict-title" id="verdict-title">Checking…</p>
        <p class="hint" id="verdict-detail"></p>
      </section>
      <section class="card" aria-labelledby="quick-title">
        <h2 class="card-title" id="quick-title">Quick checks, on every build</h2>
        <p class="hint group-line" id="quick-summary"></p>
        <ul class="diagnostics" id="check-findings"></ul>
        <details class="notes" id="check-notes-box" hidden>
          <summary id="check-notes-summary"></summary>
          <ul class="diagnostics" id="check-notes"></ul>
        </details>
      </section>
      <section class="card" aria-labelledby="full-check-title">
        <h2 class="card-title" id="full-check-title">Last full check</h2>
        <p class="full-check-summary" id="full-check-summary"></p>
        <ul class="diagnostics" id="full-check-findings"></ul>
      </section>
      <section class="card">
        <h2 class="card-title">HTML size</h2>
        <div class="meter" id="size-meter" role="meter" aria-valuemin="0" aria-label="HTML size against Gmail's clipping limit">
          <div class="meter-fill" id="size-fill"></div>
          <div class="meter-mark" id="size-budget" title="Your budget (max_html_bytes)"></div>
        </div>
        <p class="meter-caption" id="size-caption"></p>
        <p class="hint" id="size-note"></p>
      </section>
      <section class="card">
        <h2 class="card-title">Send a test</h2>
        <form class="send-test" id="send-test">
          <input type="email" id="send-test-to" required placeholder="you@example.com" autocomplete="email" aria-label="Address to send a test to">
          <button type="submit" id="send-test-button">Send</button>
        </form>
        <p class="hint">Sends this build, marked [TEST], through the configured SMTP server; it is written to <span class="mono" id="send-test-dir">out/</span> first, like <span class="mono">gazette build</span> would.</p>
        <div id="send-test-result" role="status" aria-live="polite"></div>
      </section>
      <section class="card" aria-labelledby="warnings-title">
        <h2 class="card-title" id="warnings-title">Build warnings</h2>
        <ul class="diagnostics" id="warnings"></ul>
        <p class="hint" id="no-warnings" hidden>None: the articles, the theme and the config built cleanly.</p>
      </section>
      <section class="card">
        <h2 class="card-title">In this issue</h2>
        <ol class="article-list" id="article-list"></ol>
      </section>
    </div>
    <div class="tab-panel" role="tabpanel" id="panel-text" aria-labelledby="tab-text" hidden>
      <div class="source-bar"><span id="text-label">Plain-text part, as sent</span><button type="button" class="copy" data-copy="source-text">Copy</button></div>
      <pre class="source text-part" id="source-text" tabindex="0" aria-labelledby="text-label"></pre>
    </div>
    <div class="tab-panel" role="tabpanel" id="panel-html" aria-labelledby="tab-html" hidden>
      <div class="source-bar"><span id="html-label">HTML</span><button type="button" class="copy" data-copy="source-html">Copy</button></div>
      <pre class="source" id="source-html"></pre>
    </div>
    <div class="tab-panel" role="tabpanel" id="panel-mjml" aria-labelledby="tab-mjml" hidden>
      <div class="source-bar"><span>MJML after the issue pass</span><button type="button" class="copy" data-copy="source-mjml">Copy</button></div>
      <pre class="source" id="source-mjml"></pre>
    </div>
    <div class="tab-panel" role="tabpanel" id="panel-headers" aria-labelledby="tab-headers" hidden>
      <div class="source-bar"><span>Headers of the sample message</span></div>
      <table class="headers"><tbody id="headers"></tbody></table>
    </div>
    <div class="tab-panel" role="tabpanel" id="panel-web" aria-labelledby="tab-web" hidden>
      <section class="card">
        <h2 class="card-title">Web edition</h2>
        <p id="web-summary"></p>
        <p><a class="button-link" id="web-link" target="_blank" rel="noopener" hidden>Open the web edition <span aria-hidden="true">↗</span></a></p>
        <p class="hint" id="web-hint"></p>
      </section>
    </div>
  </aside>
</main>
</body>
</html>
`;
