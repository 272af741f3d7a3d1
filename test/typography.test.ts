import { describe, expect, it } from 'vitest';
import { buildDigest } from '../src/build.js';
import { codeTexts } from '../src/load/markdown.js';
import { smartenHtml, smartenText, smartenWithRetext } from '../src/load/typography.js';
import { pickFrom, seededRandom } from '../bench/seeded-random.js';
import { article, makeWorkspace } from './support/workspace.js';

describe('typographic punctuation', () => {
  it.each([
    ['an em dash for --', 'cuts -- and more', 'cuts — and more'],
    ['curled double quotes', 'he called it "a good start"', 'he called it “a good start”'],
    ['curled single quotes', "the 'quiet' option", 'the ‘quiet’ option'],
    ['apostrophes', "don't miss the '90s", 'don’t miss the ’90s'],
    ['an ellipsis', 'and then...', 'and then…'],
    ['template braces left alone', 'Dear {{"first_name"}} -- hello', 'Dear {{"first_name"}} — hello'],
    ['template braces side by side, both kept', 'Dear {{a}}{{b}} "hi"', 'Dear {{a}}{{b}} “hi”'],
    ['text shaped like a set-aside mark, kept', 'The zqxkeepazqx code "x" {{y}}', 'The zqxkeepazqx code “x” {{y}}'],
    ['text with nothing to change, as is', 'A plain sentence.', 'A plain sentence.'],
  ])('%s', (_name, input, expected) => {
    expect(smartenText(input)).toBe(expected);
  });

  it('curls apostrophes inside words as retext does, in any script, and leaves every other mark to retext', () => {
    const words = ["project's", "don't", "O'Brien", "rock'n'roll", "l'été", "Zoë's", "1990's", "5'10", 'plain', "'90s", "rock'", "'quoted'", '"said"', 'one--two', 'so...', 'Ō’a', "x'", "ŋ'ŋ", "ab'c", "'quiet", "'tis", "𠮷's", "𝐀's", "a'𝐀"];
    const random = seededRandom(7);
    for (let sample = 0; sample < 400; sample++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 6) }, () => pickFrom(random, words)).join(random() < 0.7 ? ' ' : ', ');
      expect(smartenText(text), text).toBe(smartenWithRetext(text));
    }
    // An apostrophe inside the article's code stays as written.
    expect(smartenText("run it's-ok now", ["it's-ok"])).toBe("run it's-ok now");
  });

  it('leaves the article\'s own code exactly as written, and curls the quotes around it', () => {
    const code = codeTexts('Run `gazette send --dry-run "out"` first.\n\n```\necho "it\'s" -- done\n```\n');
    expect(code).toContain('gazette send --dry-run "out"');
    expect(smartenText('Run "gazette send --dry-run "out"" -- then send', code)).toBe('Run “gazette send --dry-run "out"” — then send');
    expect(smartenText('it ends with echo "it\'s" -- done', code)).toBe('it ends with echo "it\'s" -- done');
  });

  it('smartens the words of HTML, not its code, attributes or markup, with quotes at a link\'s edge curled the right way', () => {
    const html = '<p>"<a href="https://example.com/?q=&quot;x&quot;">the talks</a>" -- it\'s <code>a --b "c"</code></p>';
    expect(smartenHtml(html)).toBe('<p>“<a href="https://example.com/?q=&quot;x&quot;">the talks</a>” — it’s <code>a --b "c"</code></p>');
  });

  it('reaches the email: titles, key points and quotes in the HTML and the text part alike, code untouched', async () => {
    const root = await makeWorkspace(
      {
        'a.md': article(
          'The "quiet" week -- at last',
          '2024-01-30',
          'The council said it would wait. Run `make --quiet` to see why. Nobody objected at the meeting.',
          'key_points:\n  - "Officials didn\'t say -- yet -- when the \'90s rules end"\n  - "Use make --quiet for less output"\nquotes:\n  - text: "It\'s a start"\n    speaker: Ann Lee\n',
        ),
      },
      { name: 'Test Weekly', base_url: 'https://example.com/news/' },
    );
    const { preview, digest } = await buildDigest({ root, week: '2024-W05', now: () => new Date('2024-02-05T08:00:00Z') });
    expect(digest.articles[0]!.title).toBe('The “quiet” week — at last');
    for (const part of [preview.html, preview.text]) {
      expect(part).toContain('The “quiet” week — at last');
      expect(part).toContain('Officials didn’t say — yet — when the ’90s rules end');
      expect(part).toContain('Use make --quiet for less output');
      expect(part).toContain('It’s a start');
    }
  });
});
