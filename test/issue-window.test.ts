import { describe, expect, it } from 'vitest';
import { isoWeek, resolveWindow, weekWindow } from '../src/issue/window.js';
import { GazetteError } from '../src/diagnostics.js';

describe('ISO weeks', () => {
  it.each([
    ['2024-01-30', '2024-W05'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
    ['2027-01-01', '2026-W53'],
    ['2023-01-01', '2022-W52'],
  ])('%s is in %s', (date, week) => expect(isoWeek(date)).toBe(week));

  it('runs Monday to Sunday', () => {
    expect(weekWindow('2024-W05')).toEqual({ from: '2024-01-29', to: '2024-02-04' });
    expect(weekWindow('2020-W53')).toEqual({ from: '2020-12-28', to: '2021-01-03' });
  });

  it('rejects a week the year does not have', () => {
    expect(() => weekWindow('2024-W53')).toThrow(GazetteError);
    expect(() => weekWindow('2024-5')).toThrow(/2024-W05/);
  });
});

describe('issue window', () => {
  const dates = ['2024-01-22', '2024-01-30', '2024-02-02'];

  it('defaults to the seven days ending on the newest article', () => {
    expect(resolveWindow({}, dates)).toEqual({ from: '2024-01-27', to: '2024-02-02' });
  });

  it('takes --week, --from and --to', () => {
    expect(resolveWindow({ week: '2024-W04' }, dates)).toEqual({ from: '2024-01-22', to: '2024-01-28' });
    expect(resolveWindow({ from: '2024-01-01', to: '2024-01-31' }, dates)).toEqual({ from: '2024-01-01', to: '2024-01-31' });
    expect(resolveWindow({ from: '2024-01-20' }, dates)).toEqual({ from: '2024-01-20', to: '2024-01-26' });
  });

  it('refuses bad dates and reversed ranges as usage errors', () => {
    expect(() => resolveWindow({ to: '2024-13-01' }, dates)).toThrow(/--to/);
    expect(() => resolveWindow({ from: '2024-02-01', to: '2024-01-01' }, dates)).toThrow(/after/);
    expect(() => resolveWindow({ week: '2024-W05', to: '2024-01-01' }, dates)).toThrow(/--week/);
  });

  it('has no window without articles', () => {
    expect(resolveWindow({}, [])).toBeNull();
  });
});
