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
