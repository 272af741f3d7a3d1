import { fileErrorReason } from '../load/file-error.js';
import type { Diagnostic } from '../types.js';
import { unsubscribeEndpoint } from '../unsubscribe/endpoint.js';
import type { CheckEnvironment } from './environment.js';
import type { GroupResult, GroupSummary } from './report.js';
import { checkImageAlt, checkLang, checkLayoutTables } from './rules/accessibility.js';
import { axeFindings, withSourceOffsets } from './rules/axe.js';
import { checkClientSupport } from './rules/client-support.js';
import { checkImageOnly, checkPostalAddress, checkSubjectCase } from './rules/content.js';
import { assertPrivateKey, verifyDkim } from './rules/dkim.js';
import { validateHtml } from './rules/html-validate.js';
import { checkLinkNames, checkUnresolvedTokens, checkUnsubscribeLink, checkUrls, checkUtm } from './rules/links.js';
import { checkListHeaders } from './rules/list-headers.js';
import { checkUnsafeHtml } from './rules/unsafe-html.js';
import { checkAlternative, checkAlternativeDifference, checkLineEndings, checkLineLengths, checkRequiredHeaders } from './rules/mime.js';
import { checkSize, largestContributors } from './rules/size.js';
import { checkSpamScore, parseSpamReport } from './rules/spam.js';
import { finding, type CheckGroup } from './rule-set.js';
import type { CheckSubject } from './subject.js';

type GroupRun = (subject: CheckSubject, environment: CheckEnvironment) => Promise<GroupResult> | GroupResult;

// TypeScript cannot tie a generic group to its member of the GroupResult union; the signatures do.
const ran = <G extends CheckGroup>(group: G, findings: Diagnostic[], summary?: GroupSummary<G>) => ({ group, status: 'ran', findings, summary }) as GroupResult;
const skipped = (group: CheckGroup, reason: string) => ({ group, status: 'skipped', reason, findings: [] }) as GroupResult;

/** The unsubscribe endpoint links point to, as the send path derives it, without the recipient's token. */
const unsubscribeUrl = (subject: CheckSubject) => unsubscribeEndpoint(subject.config)?.toString() ?? null;

async function dkimGroup(subject: CheckSubject, environment: CheckEnvironment): Promise<GroupResult> {
  const configured = subject.config.dkim;
  const keyFile = subject.dkimKeyFile;
  if (!configured || !keyFile) return skipped('dkim', 'no DKIM key configured (config: dkim.domain, dkim.selector, dkim.key_file)');
  let privateKey: string;
  try {
    privateKey = await environment.readFile(keyFile);
    assertPrivateKey(privateKey);
  } catch (error) {
    return ran('dkim', [finding('dkim/key', `cannot use the DKIM key: ${fileErrorReason(error).split('\n')[0]}`, { file: keyFile, field: 'dkim.key_file' })]);
  }
  return ran('dkim', await verifyDkim(subject.message, { domain: configured.domain, selector: configured.selector, privateKey }));
}

/** A program that is there but fails (a crashed browser) skips its group, saying why, like a missing one. */
async function orSkipped(group: CheckGroup, program: string, run: () => Promise<GroupResult>): Promise<GroupResult> {
  try {
    return await run();
  } catch (error) {
    return skipped(group, `${program} failed: ${(error as Error).message.split('\n')[0]}`);
  }
}

async function axeGroup(subject: CheckSubject, environment: CheckEnvironment): Promise<GroupResult> {
  const { axe } = environment;
  if (!axe.available) return skipped('axe', axe.reason);
  return orSkipped('axe', 'Chromium with axe-core', async () => {
    const violations = await axe.run(withSourceOffsets(subject.html));
    return ran('axe', axeFindings(violations, subject.html), { colorSchemes: ['light', 'dark'] });
  });
}

async function spamGroup(subject: CheckSubject, environment: CheckEnvironment): Promise<GroupResult> {
  const { spamAssassin } = environment;
  if (!spamAssassin.available) return skipped('spam', spamAssassin.reason);
  return orSkipped('spam', 'SpamAssassin', async () => {
    const spam = parseSpamReport(await spamAssassin.run(subject.message.raw));
    if (!spam) return skipped('spam', 'SpamAssassin ran but its report had no score');
    return ran('spam', checkSpamScore(spam, subject.message.source.file), spam);
  });
}

/** Each group of rules, by name: `gazette check` runs them side by side and reports them in this order. */
export const GROUPS: Record<CheckGroup, GroupRun> = {
  size: ({ html, config }) =>
    ran('size', checkSize(html, config.max_html_bytes), { bytes: Buffer.byteLength(html.source.text, 'utf8'), maxBytes: config.max_html_bytes, largest: largestContributors(html) }),
  mime: ({ message, html, text }) =>
    ran('mime', [
      ...checkAlternative(message),
      ...checkAlternativeDifference(message, html, text),
      ...checkLineLengths(message),
      ...checkLineEndings(message),
      ...checkRequiredHeaders(message),
      ...checkListHeaders(message),
    ]),
  dkim: dkimGroup,
  links: (subject) =>
    ran('links', [
      ...checkUrls(subject.html),
      ...checkUnresolvedTokens(subject.html, subject.recipientMarker),
      ...checkUnsafeHtml(subject.html),
      ...checkLinkNames(subject.html),
      ...checkUnsubscribeLink(subject.html, unsubscribeUrl(subject)),
      ...(subject.config.utm ? checkUtm(subject.html, unsubscribeUrl(subject)) : []),
    ]),
  accessibility: ({ html }) => ran('accessibility', [...checkLang(html), ...checkImageAlt(html), ...checkLayoutTables(html)]),
  axe: axeGroup,
  html: async ({ html }) => ran('html', await validateHtml(html)),
  clients: ({ html }) => {
    const { findings, support } = checkClientSupport(html);
    return ran('clients', findings, {
      clients: support.clients,
      unsupportedFeatures: Object.keys(support.unsupported).length,
      partiallySupportedFeatures: Object.keys(support.partial).length,
      unsupported: support.unsupported,
    });
  },
  content: ({ html, message, config }) => ran('content', [...checkImageOnly(html), ...checkSubjectCase(message), ...checkPostalAddress(config, html)]),
  spam: spamGroup,
};
