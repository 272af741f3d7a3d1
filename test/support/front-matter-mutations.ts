/**
 * Articles whose front matter is a realistic header bent out of shape: characters inserted,
 * deleted or replaced by pieces that mean something to YAML (indicators, quotes, tabs, line
 * breaks, words YAML reads as numbers or null), lines indented, repeated or joined. Seeded, so a
 * failure can be replayed. The fast front matter reader is checked against the full path with them.
 */
import { pickFrom, seededRandom } from '../../bench/seeded-random.js';

const HEADERS = [
  'title: "Generated story 12"\ndate: 2024-01-30\nsource: Bench Daily\ntags: [bench]',
  'title: Council approves the new budget\ndate: 2024-01-29\nauthor: Ann Lee\ndraft: true\nfeatured: false',
  "title: 'Budget: what changes in March'\ndate: 2024-01-28\nurl: https://example.com/news/budget?id=7\nsource: City Desk",
  'title: “Quoted” words, and more\ndate: 2024-01-30\nimage: /images/park.jpg\nimage_alt: Children in the park\ntags: [city hall, budget, 2024 plans]',
  'title: "Mayor: \\"we will\\" act"\ndate: 2024-01-27\ntags: []\nfeatured: true',
  'title: Ann’s garden &amp; the bees\ndate: 2024-01-26\nauthor: Bob O’Neil\nsource: The Weekly, page 3',
  'title: Late news\ndate: 2024-01-31\ndraft: false',
  'title: Key facts\ndate: 2024-01-25\nkey_points:\n  - One point\n  - Another point\ntags: [facts, news]',
  'title: >\n  A folded\n  title\ndate: 2024-01-24\nquotes:\n  - text: Fine words\n    speaker: Ann Lee',
  'title: "A quoted title that is long"\ndate: 2024-01-30\nsource: Bench Daily\nauthor: Jo Smith\ntags: [bench, metro]\ndraft: true',
];

const BODIES = ['\nBody text with a [link](https://example.com).\n', 'Body.\n', '', '\n', '\n\n# Heading\n\nText -- more text.\n', 'First line\n---\nNot a header.\n'];

const PIECES = [
  ' ', '  ', '\t', '\n', '\n  ', '\n\n', '\n \n',
  '[', ']', '{', '}', ',', ', ', ':', ': ', ' :', '-', '- ', '?', '? ',
  '"', "'", '#', ' #', '&', '&a ', '*', '*a', '!', '!!str ', '|', '>', '\\', '\\"', '%', '@', '`',
  '...', '---', '\n---\n', '\n...\n', '\n--- ',
  '0', '1', '.5', '-.5', '~', 'null', 'Null', 'true', 'False', 'yes', '0x1F', '0o7', '1e3', '.inf', '.NaN', '12:30',
  '“', '”', '‘', '’', '\u00a0', 'é', 'e\u0301', '&amp;', '&rsquo;', '&#8217;', '\ufeff', '\u0085', '\u2028', '\r', '\u0007',
  'title: x\n', 'date: 2024-01-31\n', 'date: 2024-02-30\n', 'tags: [a, b]\n', 'draft: true\n', 'extra: field\n', 'author: \n',
  '"Budget: the plan"', "'it''s'", '[a, [b]]', '[a,\n b]', '"a\n b"', '"a\nb"',
];

/** Whole values, put together with the pieces above to replace the value of a line. */
const VALUES = ['word', 'Ann Lee', '2024', '2024-01-30', 'a b', '"x y"', "'x y'", '[a, b]', '[x]', '[]', 'https://e.com/a#b', '/img/a.png', 'true', 'false', 'null', '1 2'];

/** One edit somewhere in the header (or, now and then, just past it), or a line's value replaced, or a line moved about. */
function mutate(random: () => number, text: string, headerEnd: number): string {
  const at = Math.floor(random() * (random() < 0.9 ? headerEnd : text.length + 1));
  const kind = random();
  if (kind < 0.45) return text.slice(0, at) + pickFrom(random, PIECES) + text.slice(at);
  if (kind < 0.65) return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
  if (kind < 0.8) return text.slice(0, at) + pickFrom(random, PIECES) + text.slice(at + 1);
  const lines = text.split('\n');
  const line = 1 + Math.floor(random() * Math.max(1, lines.length - 2));
  const which = random();
  if (which < 0.3) {
    const key = /^[a-z_]+:/.exec(lines[line]!)?.[0] ?? 'title:';
    const parts = Array.from({ length: 1 + Math.floor(random() * 3) }, () => (random() < 0.5 ? pickFrom(random, VALUES) : pickFrom(random, PIECES)));
    lines[line] = `${key} ${parts.join(random() < 0.5 ? ' ' : '')}`;
    return lines.join('\n');
  }
  if (which < 0.5) lines[line] = pickFrom(random, [' ', '  ', '\t', '- ']) + lines[line];
  else if (which < 0.7) lines.splice(line, 0, lines[line]!);
  else if (which < 0.85) lines.splice(line, 2, `${lines[line]} ${lines[line + 1] ?? ''}`);
  else lines.splice(line, 0, pickFrom(random, lines.slice(1, 4)));
  return lines.join('\n');
}

/** `count` articles from the realistic headers, most with one to three edits, some left as they are. */
export function mutatedArticles(seed: number, count: number): string[] {
  const random = seededRandom(seed);
  const articles: string[] = [];
  for (let index = 0; index < count; index++) {
    const header = `${random() < 0.05 ? '\ufeff' : ''}---\n${pickFrom(random, HEADERS)}\n`;
    let text = `${header}${random() < 0.1 ? '---' : '---\n'}${pickFrom(random, BODIES)}`;
    const edits = random() < 0.15 ? 0 : 1 + Math.floor(random() * 3);
    for (let edit = 0; edit < edits; edit++) text = mutate(random, text, header.length);
    articles.push(text);
  }
  return articles;
}
