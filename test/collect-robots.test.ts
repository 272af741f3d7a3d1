import { describe, expect, it } from 'vitest';
import { crawlDelay, isAllowed, parseRobots } from '../src/collect/robots.js';

describe('robots.txt', () => {
  const rules = parseRobots(
    [
      '# a comment',
      'User-agent: *',
      'Disallow: /private/',
      'Allow: /private/press/',
      'Disallow: /*.pdf$',
      'Crawl-delay: 2',
      '',
      'User-agent: OtherBot',
      'User-agent: Gazette',
      'Disallow: /drafts',
      'Crawl-delay: 4',
    ].join('\r\n'),
  );

  it('obeys the group that names the crawler, and only that one', () => {
    expect(isAllowed(rules, 'Gazette', '/drafts/one')).toBe(false);
    // The named group replaces the * group: /private/ is not closed to Gazette.
    expect(isAllowed(rules, 'Gazette', '/private/a')).toBe(true);
    expect(isAllowed(rules, 'gazette', '/drafts')).toBe(false);
    expect(crawlDelay(rules, 'Gazette')).toBe(4);
  });

  it('falls back to the * group, where the longest rule wins and allow wins a tie', () => {
    expect(isAllowed(rules, 'SomeoneElse', '/private/a')).toBe(false);
    expect(isAllowed(rules, 'SomeoneElse', '/private/press/release')).toBe(true);
    expect(isAllowed(rules, 'SomeoneElse', '/public')).toBe(true);
    expect(isAllowed(parseRobots('User-agent: *\nDisallow: /a\nAllow: /a'), 'X', '/a')).toBe(true);
    expect(crawlDelay(rules, 'SomeoneElse')).toBe(2);
  });

  it('reads * as any characters and a final $ as the end of the path', () => {
    expect(isAllowed(rules, 'X', '/files/report.pdf')).toBe(false);
    expect(isAllowed(rules, 'X', '/files/report.pdf?download=1')).toBe(true);
    expect(isAllowed(parseRobots('User-agent: *\nDisallow: /*/edit'), 'X', '/wiki/page/edit')).toBe(false);
  });

  it('allows everything with no rules, an empty disallow, or rules before any user-agent', () => {
    expect(isAllowed(parseRobots(''), 'Gazette', '/anything')).toBe(true);
    expect(isAllowed(parseRobots('User-agent: *\nDisallow:'), 'Gazette', '/anything')).toBe(true);
    expect(isAllowed(parseRobots('Disallow: /\nUser-agent: *\nAllow: /'), 'Gazette', '/x')).toBe(true);
    expect(isAllowed(parseRobots('User-agent: *\nDisallow: /'), 'Gazette', '/robots.txt')).toBe(true);
  });

  it('compares paths with percent-encoding normalized', () => {
    const encoded = parseRobots('User-agent: *\nDisallow: /caf%c3%a9');
    expect(isAllowed(encoded, 'X', '/caf%C3%A9/menu')).toBe(false);
    expect(isAllowed(parseRobots('User-agent: *\nDisallow: /café'), 'X', '/caf%C3%A9')).toBe(false);
  });
});
