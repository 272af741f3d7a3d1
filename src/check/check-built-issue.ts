import path from 'node:path';
import { writeFileAtomic } from '../output/atomic.js';
import { loadBuiltIssue } from '../output/built-issue.js';
import { sampleMessage, sampleSecret } from '../message/sample-message.js';
import type { DkimKey } from '../message/dkim.js';
import type { RenderedEmail } from '../types.js';
import { checkIssue, type CheckOptions } from './check-issue.js';
import type { CheckEnvironment } from './environment.js';
import type { CheckReport } from './report.js';
import { assertPrivateKey } from './rules/dkim.js';
import { issueFingerprint, saveCheck, toSavedCheck } from './saved-check.js';
import { resolveWorkspace, type Workspace, type WorkspaceOptions } from '../workspace/resolve.js';
import { checkSubject } from './subject.js';

export interface CheckBuiltIssueOptions extends CheckOptions, WorkspaceOptions {
  /** The workspace already resolved; otherwise resolved from the options. */
  workspace?: Workspace;
  /** Issue slug; default: the one built last (see `loadBuiltIssue`). */
  issue?: string;
  now?: () => Date;
}

export interface CheckedIssue {
  report: CheckReport;
  /** The message the check examined (absolute), written beside the issue so finding lines can be looked up. */
  messageFile: string;
  /** Where the report was saved (`out/<slug>/check.json`), or null when only some groups ran. */
  savedFile: string | null;
}

/** The name of the examined message in `out/<slug>/`. */
export const CHECKED_MESSAGE = 'checked.eml';

/** One compiled issue, built now (the preview) or loaded from `out/<slug>/` (`gazette check`). */
export interface IssueToCheck {
  slug: string;
  /** `out/<slug>/`, where findings point (its email.html and checked.eml). */
  dir: string;
  email: RenderedEmail;
}

export interface CheckedMessage {
  report: CheckReport;
  /** The sample subscriber's message as examined, and the file findings about it point into. */
  eml: Buffer;
  messageFile: string;
}

/** The configured DKIM key, or null when there is none or it cannot sign: the dkim group then says why. */
async function usableKey({ config, dkimKeyFile }: Workspace, environment: CheckEnvironment): Promise<DkimKey | null> {
  if (!config.dkim || !dkimKeyFile) return null;
  try {
    const privateKey = await environment.readFile(dkimKeyFile);
    assertPrivateKey(privateKey);
    return { domain: config.dkim.domain, selector: config.dkim.selector, privateKey };
  } catch {
    return null;
  }
}

/**
 * Checks a compiled issue as it would go out: the sample subscriber's copy made by the send
 * path, signed with the configured DKIM key, then the groups of rules on it (all by default).
 * Writes nothing: the preview runs the quick groups through here on every build.
 */
export async function checkCompiledIssue(
  environment: CheckEnvironment,
  workspace: Workspace,
  issue: IssueToCheck,
  options: CheckOptions & { now?: () => Date } = {},
): Promise<CheckedMessage> {
  const { config } = workspace;
  const { eml } = await sampleMessage({
    issue: issue.slug,
    email: issue.email,
    config,
    secret: sampleSecret(workspace.secret),
    dkim: await usableKey(workspace, environment),
    now: options.now ?? (() => new Date()),
  });
  const messageFile = path.join(issue.dir, CHECKED_MESSAGE);
  const subject = await checkSubject({
    issue: issue.slug,
    eml,
    // The HTML part is email.html with the sample's own unsubscribe token: same lines.
    files: { html: path.join(issue.dir, 'email.html'), eml: messageFile },
    config,
    dkimKeyFile: workspace.dkimKeyFile,
    recipientMarker: issue.email.recipientMarker,
  });
  return { report: await checkIssue(subject, environment, options), eml, messageFile };
}

/**
 * `gazette check`: checks the built issue in `out/<slug>/`, writes the examined message there
 * (`checked.eml`) and, when every group ran, saves the report beside it (`check.json`), with
 * the time and the build it examined, for the preview to show.
 */
export async function checkBuiltIssue(environment: CheckEnvironment, options: CheckBuiltIssueOptions = {}): Promise<CheckedIssue> {
  const workspace = options.workspace ?? (await resolveWorkspace(options));
  const issue = await loadBuiltIssue(workspace.outDir, options.issue);
  const { report, eml, messageFile } = await checkCompiledIssue(environment, workspace, issue, options);
  await writeFileAtomic(messageFile, eml);
  if (options.groups) return { report, messageFile, savedFile: null };
  const checkedAt = (options.now ?? (() => new Date()))();
  const saved = toSavedCheck(report, { root: workspace.root, checkedAt, fingerprint: issueFingerprint(issue.email) });
  return { report, messageFile, savedFile: await saveCheck(issue.dir, saved) };
}
