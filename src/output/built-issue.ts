import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';
import { isIssueSlug } from '../issue/window.js';
import { fileErrorReason } from '../load/file-error.js';
import type { RenderedEmail } from '../types.js';

/** The file `gazette build` saves the compiled issue in, per-recipient tokens still in place. */
export const EMAIL_JSON = 'email.json';

const renderedEmailSchema = z.object({
  /** The issue's own name: a folder copied or renamed under out/ must not pass for another issue. */
  issue: z.string(),
  subject: z.string(),
  preheader: z.string(),
  mjml: z.string(),
  htmlTemplate: z.string(),
  textTemplate: z.string(),
  recipientMarker: z.string().startsWith('[[gz:'),
});

export interface BuiltIssue {
  slug: string;
  dir: string;
  email: RenderedEmail;
}

/**
 * Loads a built issue from `out/<slug>/`, the one built last when no slug is given: whatever
 * window the last `gazette build` chose (its default week, `--week` or `--from/--to`), `check` and
 * `send` then act on exactly that issue. Only folders named as `build` names issues count.
 * Sending what `build` wrote (rather than building again) means the message that goes out is
 * the one that was previewed and checked, even if articles changed since, and no MJML is
 * compiled at send time at all.
 */
export async function loadBuiltIssue(outRoot: string, slug: string | undefined): Promise<BuiltIssue> {
  const chosen = slug ?? (await newestIssue(outRoot));
  if (!isIssueSlug(chosen)) {
    throw new GazetteError([diagnostic('send/no-issue', `"${chosen}" is not an issue name: issues are named like 2024-W05, or 2024-01-29_2024-02-02 for other dates`, { field: 'issue' })]);
  }
  const dir = path.join(outRoot, chosen);
  const file = path.join(dir, EMAIL_JSON);
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new GazetteError([
      diagnostic(
        'send/no-issue',
        missing ? `issue "${chosen}" has not been built; run gazette build first` : `cannot read the built issue: ${fileErrorReason(error)}`,
        { file },
      ),
    ]);
  }
  const parsed = renderedEmailSchema.safeParse(parseJson(source));
  if (!parsed.success) throw new GazetteError([diagnostic('send/bad-issue', `${EMAIL_JSON} is not a built issue; run gazette build again`, { file })]);
  const { issue, ...email } = parsed.data;
  if (issue !== chosen) {
    // The send ledger is keyed by the issue's name: a copy under a new name would go to everyone again.
    throw new GazetteError([diagnostic('send/bad-issue', `this folder holds issue ${issue}, not ${chosen} (copied or renamed?): build ${chosen} again, or use ${issue}`, { file })]);
  }
  return { slug: chosen, dir, email };
}

function parseJson(source: string): unknown {
  try {
    return JSON.parse(source) as unknown;
  } catch {
    return null;
  }
}

/** The issue folder whose email.json was written last. */
async function newestIssue(outRoot: string): Promise<string> {
  const names = await readdir(outRoot).catch(() => [] as string[]);
  const built = await Promise.all(
    names
      .filter(isIssueSlug)
      .map(async (name) => ({ name, mtime: await stat(path.join(outRoot, name, EMAIL_JSON)).then((s) => s.mtimeMs, () => null) })),
  );
  const newest = built
    .filter((issue): issue is { name: string; mtime: number } => issue.mtime !== null)
    .sort((a, b) => b.mtime - a.mtime || b.name.localeCompare(a.name))[0];
  if (!newest) {
    throw new GazetteError([diagnostic('send/no-issue', 'no built issue in this folder; build one first, or name one that is built', { file: outRoot })]);
  }
  return newest.name;
}
