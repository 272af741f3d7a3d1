import { readFile } from 'node:fs/promises';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';
import { fileErrorReason } from '../load/file-error.js';
import type { Workspace } from '../workspace/resolve.js';
import type DKIM from 'nodemailer/lib/dkim';

/** The key a message is signed with: the sample message a check examines and every copy sent. */
export interface DkimKey {
  domain: string;
  selector: string;
  privateKey: string;
}

/** nodemailer's DKIM options, so the composer of a sample and the SMTP transport sign alike. */
export function dkimOptions(key: DkimKey | null): DKIM.Options | undefined {
  return key ? { domainName: key.domain, keySelector: key.selector, privateKey: key.privateKey } : undefined;
}

/** The workspace's DKIM key (config `dkim`), read from its key file; null when DKIM is off. The issue and the sign-up emails are signed alike. */
export async function readDkimKey({ config, dkimKeyFile: file }: Pick<Workspace, 'config' | 'dkimKeyFile'>): Promise<DkimKey | null> {
  const dkim = config.dkim;
  if (!dkim || !file) return null;
  try {
    return { domain: dkim.domain, selector: dkim.selector, privateKey: await readFile(file, 'utf8') };
  } catch (error) {
    throw new GazetteError([diagnostic('dkim/unreadable', `cannot read the DKIM key: ${fileErrorReason(error)}`, { file, field: 'dkim.key_file' })]);
  }
}
