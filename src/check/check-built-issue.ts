import path from 'node:path';
import { loadConfig, type GazetteConfig } from '../config.js';
import { writeFileAtomic } from '../output/atomic.js';
import { loadBuiltIssue } from '../send/built-issue.js';
import { sampleMessage, sampleSecret } from '../message/sample-message.js';
import type { DkimKey } from '../message/dkim.js';
import { checkIssue, type CheckOptions } from './check-issue.js';
import type { CheckEnvironment } from './environment.js';
import type { CheckReport } from './report.js';
import { assertPrivateKey } from './rules/dkim.js';
import { checkSubject } from './subject.js';

export interface CheckBuiltIssueOptions extends CheckOptions {
  /** Workspace folder (default: the current folder). */
  root?: string;
  config?: string;
  /** Output folder instead of the config's `out`. */
  out?: string;
  /** Issue slug; default: the one built last (see `loadBuiltIssue`). */
  issue?: string;
  /** Environment the unsubscribe secret is read from, as `gazette send` reads it. */
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
}

export interface CheckedIssue {
  report: CheckReport;
  /** The message the check examined, written beside the issue so finding lines can be looked up. */
  messageFile: string;
}

/** The name of the examined message in `out/<slug>/`. */
export const CHECKED_MESSAGE = 'checked.eml';

/** The configured DKIM key, or null when there is none or it cannot sign: the dkim group then says why. */
async function usableKey(config: GazetteConfig, configRoot: string, environment: CheckEnvironment): Promise<DkimKey | null> {
  if (!config.dkim) return null;
  try {
    const privateKey = await environment.readFile(path.resolve(configRoot, config.dkim.key_file));
    assertPrivateKey(privateKey);
    return { domain: config.dkim.domain, selector: config.dkim.selector, privateKey };
  } catch {
    return null;
  }
}

/**
 * Checks a built issue as it would go out: the sample subscriber's copy made by the send
 * path, signed with the configured DKIM key, then every group of rules on it.
 */
export async function checkBuiltIssue(environment: CheckEnvironment, options: CheckBuiltIssueOptions = {}): Promise<CheckedIssue> {
  const root = path.resolve(options.root ?? '.');
  const shown = (file: string) => path.relative(process.cwd(), file) || file;
  const { config, root: configRoot } = await loadConfig(root, options.config);
  const outRoot = options.out ? path.resolve(root, options.out) : path.resolve(configRoot, config.out);
  const issue = await loadBuiltIssue(outRoot, options.issue, shown);

  const { eml } = await sampleMessage({
    issue: issue.slug,
    email: issue.email,
    config,
    secret: sampleSecret(config, options.env ?? process.env),
    dkim: await usableKey(config, configRoot, environment),
    now: options.now ?? (() => new Date()),
  });

  const messageFile = path.join(issue.dir, CHECKED_MESSAGE);
  await writeFileAtomic(messageFile, eml);
  const subject = await checkSubject({
    issue: issue.slug,
    eml,
    // The HTML part is email.html with the sample's own unsubscribe token: same lines.
    files: { html: shown(path.join(issue.dir, 'email.html')), eml: shown(messageFile) },
    config,
    configRoot,
    recipientMarker: issue.email.recipientMarker,
  });
  return { report: await checkIssue(subject, environment, options), messageFile: shown(messageFile) };
}
