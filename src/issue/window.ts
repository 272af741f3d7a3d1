import { diagnostic, GazetteError } from '../diagnostics.js';

/** An inclusive range of calendar days, as `YYYY-MM-DD`. */
export interface DateWindow {
  from: string;
  to: string;
}

export interface WindowRequest {
  from?: string;
  to?: string;
  /** ISO week, `2024-W05`. */
  week?: string;
}

const DAY_MS = 86_400_000;

function toDay(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}

function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromDay(toDay(iso) + days);
}

function assertDate(value: string, flag: string): string {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(toDay(value)) && fromDay(toDay(value)) === value;
  if (!valid) throw new GazetteError([diagnostic('cli/invalid-date', `${flag} must be a date written as YYYY-MM-DD, got "${value}"`)], 2);
  return value;
}

/** ISO 8601 week of a date: `2024-01-30` → `2024-W05`. */
export function isoWeek(iso: string): string {
  const day = toDay(iso);
  const weekday = (new Date(day * DAY_MS).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = day - weekday + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  // A week belongs to the year its Thursday falls in, and is numbered by that Thursday.
  const week = 1 + Math.floor((thursday - toDay(`${year}-01-01`)) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday to Sunday of an ISO week. */
export function weekWindow(week: string): DateWindow {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  const weekNumber = match ? Number(match[2]) : 0;
  if (!match || weekNumber < 1 || weekNumber > 53) {
    throw new GazetteError([diagnostic('cli/invalid-week', `--week must look like 2024-W05, got "${week}"`)], 2);
  }
  const jan4 = toDay(`${match[1]}-01-04`);
  const mondayOfWeek1 = jan4 - ((new Date(jan4 * DAY_MS).getUTCDay() + 6) % 7);
  const monday = mondayOfWeek1 + (weekNumber - 1) * 7;
  const window = { from: fromDay(monday), to: fromDay(monday + 6) };
  if (isoWeek(window.from) !== week) {
    throw new GazetteError([diagnostic('cli/invalid-week', `${match[1]} has no week ${weekNumber}`)], 2);
  }
  return window;
}

/**
 * The days an issue covers: an explicit week or range when asked, otherwise the
 * seven days ending on the newest article's date.
 */
export function resolveWindow(request: WindowRequest, articleDates: readonly string[]): DateWindow | null {
  if (request.week) {
    if (request.from || request.to) {
      throw new GazetteError([diagnostic('cli/conflicting-options', '--week cannot be combined with --from or --to')], 2);
    }
    return weekWindow(request.week);
  }
  const newest = articleDates.reduce<string | null>((max, date) => (max === null || date > max ? date : max), null);
  const to = request.to ? assertDate(request.to, '--to') : null;
  const from = request.from ? assertDate(request.from, '--from') : null;
  const end = to ?? (from ? addDays(from, 6) : newest);
  if (end === null) return null;
  const start = from ?? addDays(end, -6);
  if (start > end) {
    throw new GazetteError([diagnostic('cli/invalid-range', `--from ${start} is after --to ${end}`)], 2);
  }
  return { from: start, to: end };
}

export function inWindow(date: string, window: DateWindow): boolean {
  return date >= window.from && date <= window.to;
}
