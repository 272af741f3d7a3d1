/** What the process exit status means, for scripts. */
export const ExitCode = {
  ok: 0,
  /** The input or the output has problems (invalid articles, failed checks, failed deliveries). */
  problems: 1,
  /** The command line itself is wrong: unknown option, bad value. */
  usage: 2,
  /** `check` found no errors but could not run a required group (Chromium missing): not fully checked. */
  incomplete: 3,
  /** A bug or an unexpected failure in Gazette. */
  internal: 70,
} as const;
