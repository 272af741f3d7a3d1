import { decodeHTMLStrict } from 'entities';
import { z } from 'zod';

/** The one date rule of Gazette (front matter, the first and last day of a window, a new article's date): `YYYY-MM-DD`, a real calendar day. */
export const isoDate = z
  .string({ error: 'must be a date written as YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written as YYYY-MM-DD', abort: true })
  .refine(isRealDate, 'is not a real calendar date');

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Why a value is not a date Gazette accepts, or null when it is one. */
export function dateProblem(value: string): string | null {
  const result = isoDate.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'is not a date');
}

/** Control characters (a YAML escape such as "\u0000" or "\e") would reach the terminal and break the email. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const text = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((value) => !CONTROL_CHARACTER.test(value), 'must not contain control characters');

/** Words readers see: HTML entities (`&rsquo;`, `&#8217;`) are decoded as in the article's body. */
export const prose = text.transform((value) => decodeHTMLStrict(value)).refine((value) => !CONTROL_CHARACTER.test(value), 'must not contain control characters');

/** An image on the web, or a path resolved against base_url. */
const imageUrl = text.refine(
  (value) => (/^[a-z][a-z0-9+.-]*:/i.test(value) ? /^https?:\/\//i.test(value) && URL.canParse(value) : !/\s/.test(value) && URL.canParse(value, 'https://example.invalid/')),
  'must be an absolute http(s) URL, or a path resolved against base_url',
);

const quote = z.object({
  text: prose,
  speaker: prose.nullable().default(null),
  role: prose.nullable().default(null),
});

/** The front matter of an article. Unknown fields are reported as warnings, not rejected. */
export const frontMatterSchema = z
  .object({
    title: prose,
    date: isoDate,
    url: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }).nullable().default(null),
    source: prose.nullable().default(null),
    author: prose.nullable().default(null),
    tags: z
      .union([text.transform((tag) => [tag]), z.array(text)])
      .default([]),
    image: imageUrl.nullable().default(null),
    image_alt: prose.nullable().default(null),
    draft: z.boolean().default(false),
    featured: z.boolean().default(false),
    key_points: z.array(prose).min(1, 'must list at least one key point').nullable().default(null),
    quotes: z.array(quote).nullable().default(null),
  })
  .superRefine((value, context) => {
    if (value.image && !value.image_alt) {
      context.addIssue({
        code: 'custom',
        path: ['image_alt'],
        message: 'is required when an image is set: every image in the email needs alt text',
      });
    }
  });

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export const FRONT_MATTER_FIELDS: ReadonlySet<string> = new Set(Object.keys(frontMatterSchema.shape));
