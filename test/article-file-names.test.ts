import { describe, expect, it } from 'vitest';
import { slugify } from '../src/workspace/init.js';

describe('the file name an article title gives', () => {
  it('is lowercase words joined by hyphens, without punctuation', () => {
    expect(slugify('China, US resume talks!')).toBe('china-us-resume-talks');
    expect(slugify('  “Quoted” — and   spaced…  ')).toBe('quoted-and-spaced');
  });

  it('drops accents, and spells Latin letters that have no accent to drop', () => {
    expect(slugify('Café crème in São Paulo')).toBe('cafe-creme-in-sao-paulo');
    expect(slugify('Łódź w kwietniu: Straße, Ærø, Øresund')).toBe('lodz-w-kwietniu-strasse-aero-oresund');
  });

  it('keeps the letters of other scripts, so two such titles do not share one name', () => {
    expect(slugify('Приговор суда: что дальше')).toBe('приговор-суда-что-дальше');
    expect(slugify('الميزانية الجديدة للمدينة')).toBe('الميزانية-الجديدة-للمدينة');
    expect(slugify('東京の新しい駅')).toBe('東京の新しい駅');
    expect(slugify('Приговор суда')).not.toBe(slugify('Новый мост'));
  });

  it('is at most 60 characters, cut between characters and without a trailing hyphen', () => {
    const slug = slugify(`${'word '.repeat(30)}end`);
    expect(Array.from(slug).length).toBeLessThanOrEqual(60);
    expect(slug).not.toMatch(/-$/);
    expect(slugify('😀'.repeat(70))).toBe('article');
  });

  it('is "article" when the title has no letter or digit at all', () => {
    expect(slugify('!!! — ???')).toBe('article');
  });
});
