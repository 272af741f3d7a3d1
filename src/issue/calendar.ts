/**
 * Calendar days as `YYYY-MM-DD`: arithmetic, ISO weeks, and how a date is written in an issue.
 * Days are counted in UTC so a date never shifts with the time zone it is computed in.
 */

const DAY_MS = 86_400_000;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function toDay(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}

function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Monday = 0 … Sunday = 6. */
function weekdayOf(day: number): number {
  return (new Date(day * DAY_MS).getUTCDay() + 6) % 7;
}

export function addDays(iso: string, days: number): string {
  return fromDay(toDay(iso) + days);
}

/** The calendar day of a moment where the user is (local time), as `YYYY-MM-DD`. */
export function localDate(moment: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** ISO 8601 week of a date: `2024-01-30` → `2024-W05`. */
export function isoWeek(iso: string): string {
  const day = toDay(iso);
  const thursday = day - weekdayOf(day) + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  // A week belongs to the year its Thursday falls in, and is numbered by that Thursday.
  const week = 1 + Math.floor((thursday - toDay(`${year}-01-01`)) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of week `week` of ISO year `year` (week 1 holds 4 January), which may fall in the year before. */
export function isoWeekMonday(year: number, week: number): string {
  const jan4 = toDay(`${String(year).padStart(4, '0')}-01-04`);
  return fromDay(jan4 - weekdayOf(jan4) + (week - 1) * 7);
}

function parts(iso: string): { year: number; month: number; day: number } {
  const [year, month, day] = iso.split('-').map(Number);
  return { year: year ?? 0, month: (month ?? 1) - 1, day: day ?? 1 };
}

/** `long`: 30 January 2024; `short`: 30 Jan; `iso`: 2024-01-30. */
export function formatDate(iso: string, style: 'long' | 'short' | 'iso' = 'long'): string {
  const { year, month, day } = parts(iso);
  const name = MONTHS[month] ?? '';
  if (style === 'iso') return iso;
  if (style === 'short') return `${day} ${name.slice(0, 3)}`;
  return `${day} ${name} ${year}`;
}

/** `29 January – 4 February 2024`, shortened when both ends share a month or year. */
export function formatDateRange(from: string, to: string): string {
  const a = parts(from);
  const b = parts(to);
  const end = formatDate(to, 'long');
  if (a.year !== b.year) return `${formatDate(from, 'long')} – ${end}`;
  if (a.month !== b.month) return `${a.day} ${MONTHS[a.month]} – ${end}`;
  return `${a.day}–${end}`;
}
