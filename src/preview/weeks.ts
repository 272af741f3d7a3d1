import { isoWeek } from '../issue/calendar.js';
import { issueDates, weekWindow } from '../issue/window.js';
import type { Article } from '../types.js';

export interface IssueWeek {
  /** `2024-W05` */
  week: string;
  from: string;
  to: string;
  articles: number;
}

/** Every ISO week that has articles, newest first; drafts count only when asked for. */
export function issueWeeks(articles: readonly Pick<Article, 'date' | 'draft'>[], includeDrafts: boolean): IssueWeek[] {
  const counts = new Map<string, number>();
  for (const date of issueDates(articles, includeDrafts)) {
    const week = isoWeek(date);
    counts.set(week, (counts.get(week) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([week, count]) => ({ week, ...weekWindow(week), articles: count }));
}
