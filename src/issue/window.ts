import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';
import { dateProblem } from '../load/front-matter.js';
import { addDays, isoWeek, isoWeekMonday } from './calendar.js';

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

/** Checks a date asked for (`field` names the option: `from`, `to`, `date`) with the front matter's own rule. */
export function assertDate(value: string, field: string): string {
  const problem = dateProblem(value);
  if (problem) throw new GazetteError([diagnostic('window/invalid-date', `${problem}, got "${value}"`, { field })]);
  return value;
}

/** Monday to Sunday of an ISO week. */
export function weekWindow(week: string): DateWindow {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  const weekNumber = match ? Number(match[2]) : 0;
  if (!match || weekNumber < 1 || weekNumber > 53) {
    throw new GazetteError([diagnostic('window/invalid-week', `must look like 2024-W05, got "${week}"`, { field: 'week' })]);
  }
  const monday = isoWeekMonday(Number(match[1]), weekNumber);
  const window = { from: monday, to: addDays(monday, 6) };
  if (isoWeek(window.from) !== week) {
    throw new GazetteError([diagnostic('window/invalid-week', `${match[1]} has no week ${weekNumber}`, { field: 'week' })]);
  }
  return window;
}

/** Dates of the articles that may go out in an issue: drafts only when asked for. */
export function issueDates(articles: readonly { date: string; draft: boolean }[], includeDrafts: boolean): string[] {
  return articles.filter((article) => includeDrafts || !article.draft).map((article) => article.date);
}

/** The newest of the dates that is not after today: the one that chooses the default issue. */
export function newestPastDate(dates: readonly string[], today: string): string | null {
  return dates.reduce<string | null>((newest, date) => (date <= today && (newest === null || date > newest) ? date : newest), null);
}

/**
 * The week an issue covers when none is asked for: the ISO week (Monday to Sunday) holding the
 * newest article not dated after today. Callers pass `issueDates`.
 */
export function defaultWeek(articleDates: readonly string[], today: string): string | null {
  const newest = newestPastDate(articleDates, today);
  return newest === null ? null : isoWeek(newest);
}

/**
 * The days an issue covers: a week, or a first and/or last day (one alone spans seven days), or else the
 * default week (see `defaultWeek`). Null when nothing was asked for and no article chooses a week.
 */
export function resolveWindow(request: WindowRequest, articleDates: readonly string[], today: string): DateWindow | null {
  if (request.week) {
    if (request.from || request.to) {
      throw new GazetteError([diagnostic('window/conflicting-options', 'cannot be combined with a first or last day', { field: 'week' })]);
    }
    return weekWindow(request.week);
  }
  const to = request.to ? assertDate(request.to, 'to') : null;
  const from = request.from ? assertDate(request.from, 'from') : null;
  if (!from && !to) {
    const week = defaultWeek(articleDates, today);
    return week === null ? null : weekWindow(week);
  }
  const end = to ?? addDays(from!, 6);
  const start = from ?? addDays(end, -6);
  if (start > end) {
    throw new GazetteError([diagnostic('window/invalid-range', `${start} is after the last day, ${end}`, { field: 'from' })]);
  }
  return { from: start, to: end };
}

/**
 * The name of an issue's folder, which says exactly which days it holds: the ISO week
 * (`2024-W05`) for a Monday-to-Sunday window, else both ends (`2024-01-29_2024-02-02`).
 */
export function windowSlug(window: DateWindow): string {
  const week = isoWeek(window.from);
  const full = weekWindow(week);
  return full.from === window.from && full.to === window.to ? week : `${window.from}_${window.to}`;
}

/** Whether a folder name is one `windowSlug` gives. */
export function isIssueSlug(name: string): boolean {
  return /^\d{4}-W\d{2}$/.test(name) || /^\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}$/.test(name);
}

export function inWindow(date: string, window: DateWindow): boolean {
  return date >= window.from && date <= window.to;
}
