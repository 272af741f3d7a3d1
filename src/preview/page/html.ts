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
<link rel="stylesheet" href="/assets/preview.css">
<script type="module" src="/assets/preview.js"></script>
</head>
<body>
<header class="toolbar">
  <div class="brand" aria-label="Gazette preview"><span class="brand-mark" aria-hidden="true">G</span><span class="brand-name">Gazette</span><span class="brand-sub">preview</span></div>
  <label class="field week-field"><span class="field-label" aria-hidden="true">Week</span>
    <select id="week" aria-label="Week"></select>
  </label>
  <div class="segmented" role="group" aria-label="Width" id="widths">
    <button type="button" data-width="375" aria-pressed="false" title="Phone, 375 px">Phone</button>
    <button type="button" data-width="768" aria-pressed="false" title="Tablet, 768 px">Tablet</button>
    <button type="button" data-width="1024" aria-pressed="false" title="Desktop, 1024 px and wider">Desktop</button>
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
      <div class="frame-box" id="frame-box">
        <iframe id="email" title="The email" data-ready="false"></iframe>
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
    </div>
    <div class="tab-panel" role="tabpanel" id="panel-checks" aria-labelledby="tab-checks">
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
      <section class="card">
        <h2 class="card-title" id="warnings-title">Warnings</h2>
        <ul class="diagnostics" id="warnings"></ul>
        <p class="all-clear" id="all-clear" hidden>No warnings: this issue is ready to send.</p>
      </section>
      <section class="card">
        <h2 class="card-title">In this issue</h2>
        <ol class="article-list" id="article-list"></ol>
      </section>
    </div>
    <div class="tab-panel" role="tabpanel" id="panel-text" aria-labelledby="tab-text" hidden>
      <div class="source-bar"><span>Plain-text part</span><button type="button" class="copy" data-copy="source-text">Copy</button></div>
      <pre class="source prose" id="source-text"></pre>
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
  </aside>
</main>
</body>
</html>
`;
