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

const quote = z.object({
  text,
  speaker: text.nullable().default(null),
  role: text.nullable().default(null),
});

/** The front matter of an article. Unknown fields are reported as warnings, not rejected. */
export const frontMatterSchema = z
  .object({
    title: text,
    date: isoDate,
    url: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }).nullable().default(null),
    source: text.nullable().default(null),
    author: text.nullable().default(null),
    tags: z
      .union([text.transform((tag) => [tag]), z.array(text)])
      .default([]),
    image: text.nullable().default(null),
    image_alt: text.nullable().default(null),
    draft: z.boolean().default(false),
    featured: z.boolean().default(false),
    /** Marks articles written as examples for the sample workspace. */
    sample: z.boolean().default(false),
    key_points: z.array(text).min(1, 'must list at least one key point').nullable().default(null),
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
