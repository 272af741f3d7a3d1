import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownToText } from '../src/load/markdown.js';
import { opensWithDanglingReference } from '../src/summarize/keypoints/dangling-reference.js';
import { summarizeText } from '../src/summarize/index.js';
import { extractKeyPoints, keyPointCandidates, keyPointTexts, selectKeyPoints } from '../src/summarize/keypoints/keypoints.js';
import type { QuoteSpan } from '../src/types.js';

const SEED_TITLE = 'China, US resume fentanyl talks in Beijing';

/** The seed article as the digest receives it: the body of articles/, as plain text. */
function seedArticleText(): string {
  const source = readFileSync(new URL('../articles/2024-01-30-china-us-resume-fentanyl-talks.md', import.meta.url), 'utf8');
  return markdownToText(source.replace(/^---\n[\s\S]*?\n---\n/, ''));
}

function quoteSpan(text: string, quoted: string): QuoteSpan {
  const start = text.indexOf(quoted);
  return { text: quoted, start, end: start + quoted.length, speaker: null, role: null, speakerStart: null, speakerEnd: null };
}

describe('extractKeyPoints on the seed article', () => {
  const text = seedArticleText();
  const points = extractKeyPoints(text, { title: SEED_TITLE });

  it('returns 3 to 5 whole sentences of the text in reading order, the first about the resumed talks', () => {
    expect(points.length).toBeGreaterThanOrEqual(3);
    expect(points.length).toBeLessThanOrEqual(5);
    expect(points[0]).toMatch(/^China and the United States on Tuesday resumed talks on curbing the production of ingredients to make fentanyl, /);
    const offsets = points.map((point) => text.indexOf(point));
    expect(offsets.every((offset) => offset >= 0)).toBe(true);
    expect([...offsets].sort((a, b) => a - b)).toEqual(offsets);
  });

  it('skips the subheading and prefers concise sentences', () => {
    expect(points).not.toContain("'Zero tolerance'");
    for (const point of points) expect(point.split(/\s+/).length).toBeLessThanOrEqual(45);
  });

  it('has no key point that opens with a pronoun or demonstrative pointing back', () => {
    for (const point of points) expect(opensWithDanglingReference(point), point).toBe(false);
  });

  it('is deterministic and honours an explicit count', () => {
    expect(extractKeyPoints(text, { title: SEED_TITLE })).toEqual(points);
    expect(extractKeyPoints(text, { count: 2 })).toHaveLength(2);
  });
});

describe('extractKeyPoints', () => {
  it('never returns the title, a photo credit, a byline or a dateline', () => {
    const text = [
      'Storm hits the coast overnight',
      'Photo courtesy of the National Weather Service archive today.',
      'By Jane Smith and John Doe of the Coastal Desk.',
      'MIAMI, Fla. —',
      'A powerful storm struck the coast overnight, cutting power to thousands of homes in three counties.',
      'Emergency crews worked through the night to clear fallen trees from the main highways.',
      'Officials expect power to return to most homes by the end of the week.',
    ].join('\n\n');
    expect(extractKeyPoints(text, { title: 'Storm hits the coast overnight' })).toEqual([
      'A powerful storm struck the coast overnight, cutting power to thousands of homes in three counties.',
      'Emergency crews worked through the night to clear fallen trees from the main highways.',
      'Officials expect power to return to most homes by the end of the week.',
    ]);
  });

  it('never returns a call to the reader with an email address or a web link', () => {
    const text = [
      'The council voted on Monday to keep the old market hall open for another five years.',
      'Send your questions about the market to the newsroom at desk@example.org today.',
      'Read the full council report online at https://example.org/market-report today.',
      'Traders had campaigned for two years against plans to turn the hall into offices.',
    ].join(' ');
    expect(extractKeyPoints(text, { count: 3 })).toEqual([
      'The council voted on Monday to keep the old market hall open for another five years.',
      'Traders had campaigned for two years against plans to turn the hall into offices.',
    ]);
  });

  it('never returns an editor\'s note or a correction about the article', () => {
    const text = [
      'The ferry company said on Friday that the night crossing to the islands will run again from March.',
      "Editor's note: this story will be updated when the timetable is published on the company's website.",
      'Correction: an earlier version of this story gave the wrong day for the first crossing of the season.',
      'Islanders had asked for the night service back since it was cut three winters ago.',
    ].join(' ');
    expect(extractKeyPoints(text, { count: 3 })).toEqual([
      'The ferry company said on Friday that the night crossing to the islands will run again from March.',
      'Islanders had asked for the night service back since it was cut three winters ago.',
    ]);
  });

  it('never returns a correction without its label, a request to subscribe or share, or the notes of a graphic', () => {
    const text = [
      'The Coastal Rail Authority said on Friday that the Seabright line will not open until the spring of 2027.',
      'Sign up for our newsletter to get Transit Weekly in your inbox every Sunday.',
      'Subscribe today for just $1 a week and support local reporting on transport.',
      'Share this article on Facebook, X or by email with your friends and neighbours.',
      'The chart below shows the cost of the line in each year since the work began.',
      'Source: Coastal Rail Authority budget documents and board meeting minutes from 2024.',
      'An earlier version of this story misstated the number of elevated sections on the line.',
      'The repairs will add an estimated $140 million to the cost of the project.',
    ].join('\n\n');
    expect(extractKeyPoints(text, { count: 3 })).toEqual([
      'The Coastal Rail Authority said on Friday that the Seabright line will not open until the spring of 2027.',
      'The repairs will add an estimated $140 million to the cost of the project.',
    ]);
  });

  it('never returns what someone would not say (declined to comment, could not be reached)', () => {
    const text = [
      'Tests found lead above the federal limit in 19 of the 31 homes on Alder Street, the county said on Monday.',
      "The chair of the authority's board, Councilman Everett Boyce, declined to comment, citing the lawsuit.",
      'A spokesman for the contractor did not respond to a request for comment on Tuesday.',
      'Crews will replace the service pipes at all 31 homes before the end of the summer.',
    ].join('\n\n');
    expect(extractKeyPoints(text, { count: 3 })).toEqual([
      'Tests found lead above the federal limit in 19 of the 31 homes on Alder Street, the county said on Monday.',
      'Crews will replace the service pipes at all 31 homes before the end of the summer.',
    ]);
  });

  it("never returns a newsletter's greeting (`Good Tuesday morning, and welcome to …`)", () => {
    const text = [
      'Good Tuesday morning, and welcome to Morning Ledger.',
      'Indiana Republicans pick their Senate nominee today in a three-way race that has gotten nastier every week.',
      'Happy Friday, and thanks for reading the last edition before the holiday break.',
    ].join('\n\n');
    expect(extractKeyPoints(text, { count: 3 })).toEqual(['Indiana Republicans pick their Senate nominee today in a three-way race that has gotten nastier every week.']);
  });

  it('keeps a sentence that only opens like a request to subscribe', () => {
    const sentence = 'Subscribe-and-save plans, which gave customers a 10 percent discount, will be refunded in full.';
    expect(extractKeyPoints(sentence, { count: 1 })).toEqual([sentence]);
  });

  it('keeps a person named before a dash at the start of a story', () => {
    const sentence = "Ann Ruiz — Brentville's first female mayor — lost her seat on Tuesday by 212 votes.";
    expect(extractKeyPoints(sentence, { count: 1 })).toEqual([sentence]);
  });

  it('strips the place a story opens on, written in mixed case before a dash or a bar', () => {
    for (const place of ['Brentville, Ohio — ', 'Pell Harbor, Fla. | ', 'Brentville -- ']) {
      expect(extractKeyPoints(`${place}The Harlow County board voted 4-1 on Monday to expand the county jail.`, { count: 1 }), place)
        .toEqual(['The Harlow County board voted 4-1 on Monday to expand the county jail.']);
    }
  });

  it('strips a wire-service credit from the opening sentence', () => {
    const text =
      'LONDON, England (CNN) -- The British government announced a new plan for rail services on Monday. ' +
      'The plan includes faster trains between the largest cities in the north. ' +
      'Critics said the money would be better spent on local bus routes instead.';
    expect(extractKeyPoints(text, { count: 1 })).toEqual(['The British government announced a new plan for rail services on Monday.']);
    expect(extractKeyPoints('(CNN)A fire broke out at the old city library early on Sunday morning.', { count: 1 })).toEqual([
      'A fire broke out at the old city library early on Sunday morning.',
    ]);
    expect(extractKeyPoints('TOKYO (Reuters) -- Train services resumed across the region on Tuesday after the storm.', { count: 1 })).toEqual([
      'Train services resumed across the region on Tuesday after the storm.',
    ]);
    expect(extractKeyPoints('LONDON, Aug 7 (Gazette Wire) - Velmont Foods reported a 22% drop in first-half profit on Wednesday.', { count: 1 })).toEqual([
      'Velmont Foods reported a 22% drop in first-half profit on Wednesday.',
    ]);
  });

  it('strips a dateline and skips a headline in title case', () => {
    const text = [
      'Why Winning Iowa Could Break The Election Wide Open.',
      'CHARLESTON, S.C. — In the fall of 2007, the senator held a wide lead among likely voters in the state.',
      'By January her lead had disappeared after a loss in the first caucus of the season.',
    ].join('\n\n');
    expect(extractKeyPoints(text, { count: 3 })).toEqual([
      'In the fall of 2007, the senator held a wide lead among likely voters in the state.',
      'By January her lead had disappeared after a loss in the first caucus of the season.',
    ]);
  });

  it('strips a press release\'s dateline with its date, and the times of a live report\'s updates', () => {
    const release = [
      'BRIGHTWATER, 14 March 2024 — Verdant Loop Ltd today announced a coffee capsule that breaks down in a compost heap within twelve weeks.',
      'The capsule will be sold from 1 May through three supermarket chains in the north of the country.',
    ].join('\n\n');
    expect(extractKeyPoints(release, { count: 2 })[0]).toBe('Verdant Loop Ltd today announced a coffee capsule that breaks down in a compost heap within twelve weeks.');
    const live = markdownToText([
      'Heavy rain has caused the River Arlen to burst its banks at three places overnight.',
      '**07:45** — The Environment Agency has issued a severe flood warning for the town of Millford.',
      '10.30am: Police say the A614 is closed between Millford and Hatchley Bridge until further notice.',
      '8pm The first families were allowed back into their homes on the lower streets of the town.',
      '3:15 P.M. — Sen. Nadia Ferro said she would vote for the flood relief bill on Monday night.',
      'UPDATE 4:00 p.m. — The county said the shelters at the two schools would stay open until Sunday.',
    ].join('\n\n'));
    expect(extractKeyPoints(live, { count: 6 }).filter((point) => /^(?:\d|P\.M\.|UPDATE)/.test(point))).toEqual([]);
    // A time inside a sentence, or a number opening one, stays.
    expect(extractKeyPoints('At 07:45 the Environment Agency issued a severe flood warning for the town of Millford.', { count: 1 })[0]).toMatch(/^At 07:45/);
    expect(extractKeyPoints('300 homes in the town of Millford were flooded overnight after the river burst its banks.', { count: 1 })[0]).toMatch(/^300 homes/);
  });

  it('never returns a turn of an interview, question or answer', () => {
    const text = markdownToText([
      'Marguerite de la Fontaine became chief executive of Halvern Sound Ferries in January after a year of cancellations.',
      '**Q: When will passengers see the new vessels the regional authority has promised to pay for?**',
      'A: Not before the summer of 2026. I want to be straight with people about that from the very start.',
    ].join('\n\n'));
    expect(extractKeyPoints(text, { count: 3 })).toEqual(['Marguerite de la Fontaine became chief executive of Halvern Sound Ferries in January after a year of cancellations.']);
  });

  it("never returns a turn of a transcript, labelled with the speaker's name; leaves out a dateline before a colon", () => {
    const text = markdownToText([
      'Marguerite de la Fontaine became chief executive of Halvern Sound Ferries in January after a year of cancellations.',
      '**Marguerite de la Fontaine:** Not before the summer of 2026. I want to be straight with people about that from the very start.',
      'Tom Hale: Do you think the regional authority will pay for both of the new vessels it has promised?',
    ].join('\n\n'));
    expect(extractKeyPoints(text, { count: 3 })).toEqual(['Marguerite de la Fontaine became chief executive of Halvern Sound Ferries in January after a year of cancellations.']);
    // A dateline in capitals before a colon opening the story is left out of its first sentence.
    const dateline = 'PUNE: Electric two-wheeler maker Chalo Volt Mobility on Tuesday announced that it has raised Rs 420 crore.';
    expect(extractKeyPoints(dateline, { count: 1 })).toEqual(['Electric two-wheeler maker Chalo Volt Mobility on Tuesday announced that it has raised Rs 420 crore.']);
    // A one-word label is a speaker's only where it labels more than one turn (`Moss:`), not `Update:`
    // or `Cost:` once; nor is a label opening on `The`.
    const labelled = [
      'Breaking: The harbour board reversed its decision to close the ferry pier on Tuesday night.',
      'Cost: The new pier will cost £4.2 million, paid for by the regional authority over five years.',
      'The Bottom Line: Islanders will keep their daily crossing to the mainland for at least a decade.',
    ];
    // (The one-word label is left out of the sentence.)
    for (const sentence of labelled) expect(extractKeyPoints(sentence, { count: 1 })).toEqual([sentence.replace(/^(?:Breaking|Cost): /, '')]);
    const transcript = [
      'Moss: I am so glad someone brought up the question of the ferry timetable for the winter.',
      'Cyndi Rosenthal: Are there any plans to add a late crossing on Friday nights in the summer?',
      'Moss: There are, and the board will decide on them at its next meeting in the spring.',
    ];
    expect(extractKeyPoints(markdownToText(transcript.join('\n\n')), { count: 3 })).toEqual([]);
    // A colon after words that are not all capitalized opens no label.
    const sentence = 'The verdict of the inquiry was plain: the ferry company had ignored its own engineers for years.';
    expect(extractKeyPoints(sentence, { count: 1 })).toEqual([sentence]);
  });

  it("never returns an update's time, a question standing as its own paragraph, a pull quote or a pointer to what follows; leaves a label out of the sentence", () => {
    const text = markdownToText([
      'Updated May 1, 2024, 3:45 p.m.',
      'The Kessock harbour tunnel will close to traffic for six weeks from June 10 so crews can replace its fans.',
      '## What about the buses that use the tunnel every morning?',
      '> “Closing the tunnel is the hardest decision the port authority has made in years.”',
      'Cost: The $9 million project is funded by the regional transport budget for the next two years.',
      'Here is where the three candidates for the port authority board stand on the tunnel.',
      'Photo: Crews at the tunnel entrance on Wednesday morning. (Courtesy of the port authority)',
    ].join('\n\n'));
    expect(extractKeyPoints(text, { count: 5 })).toEqual([
      'The Kessock harbour tunnel will close to traffic for six weeks from June 10 so crews can replace its fans.',
      'The $9 million project is funded by the regional transport budget for the next two years.',
    ]);
  });

  it('leaves out a sentence that mostly is one of the notable quotes', () => {
    const quoted = '"We will rebuild every single school that the flood destroyed this spring,"';
    const text =
      'Floods destroyed twelve schools across the valley this spring, leaving thousands of pupils without classrooms. ' +
      `${quoted} the governor said. ` +
      'Engineers began surveying the damaged buildings on Monday with help from the army. ' +
      'Classes will continue in tents and community halls until the new schools open.';
    const points = extractKeyPoints(text, { count: 3, quotes: [quoteSpan(text, quoted)] });
    expect(points.length).toBeGreaterThanOrEqual(2);
    expect(points.some((point) => point.includes('rebuild every single school'))).toBe(false);
  });

  it('without quotes (key points only), may pick the sentence a notable quote would have kept out', () => {
    const quoted = '"We will rebuild every single school that the flood destroyed this spring,"';
    const text =
      'Floods destroyed twelve schools across the valley this spring, leaving thousands of pupils without classrooms. ' +
      `${quoted} said Governor Maria Okafor. ` +
      'Engineers began surveying the damaged buildings on Monday with help from the army.';
    const withQuotes = summarizeText(text, { points: 3 });
    expect(withQuotes.quotes.map((quote) => quote.speaker)).toEqual(['Maria Okafor']);
    expect(withQuotes.keyPoints.some((point) => point.includes('rebuild every single school'))).toBe(false);
    const alone = summarizeText(text, { points: 3, quotes: false });
    expect(alone.quotes).toEqual([]);
    expect(alone.keyPoints).toEqual(extractKeyPoints(text, { count: 3 }));
    expect(alone.keyPoints.some((point) => point.includes('rebuild every single school'))).toBe(true);
  });

  it('does not return two sentences that say the same thing', () => {
    const text =
      'The city council approved the new budget for public parks on Tuesday evening. ' +
      'On Tuesday evening the city council approved the new budget for public parks. ' +
      'The budget adds two new playgrounds and repairs the old swimming pool downtown.';
    const points = extractKeyPoints(text, { count: 3 });
    expect(points).toEqual([
      'The city council approved the new budget for public parks on Tuesday evening.',
      'The budget adds two new playgrounds and repairs the old swimming pool downtown.',
    ]);
  });

  it('joins a sentence that opens with a pronoun to the sentence naming its referent', () => {
    const opening = 'The harbour master closed the port of Westby on Monday after a storm damaged the main pier.';
    const leaning = 'She said repairs would take at least three weeks.';
    const text = `${opening} ${leaning} Fishing boats have moved to the smaller harbour at Carrow, ten miles along the coast.`;
    const candidates = keyPointCandidates(text);
    expect(candidates.find((candidate) => candidate.display === leaning)?.continues).toBe(true);
    expect(candidates.find((candidate) => candidate.display === opening)?.continues).toBe(false);
    const points = extractKeyPoints(text, { count: 3 });
    expect(points.some((point) => point.startsWith('She'))).toBe(false);
    for (const point of points.filter((point) => point.includes(leaning))) expect(point).toBe(`${opening} ${leaning}`);
  });

  it('shows a continuation picked with the sentence it leans on as one point', () => {
    const first = keyPointCandidates('The museum reopened its west wing on Saturday after two years of repairs. It now holds the largest collection of maps in the country.');
    const scores = first.map((candidate) => (candidate.continues ? 2 : 1));
    const chosen = selectKeyPoints(first, scores, { most: 3, fewest: 2 }, { wordsPerPoint: 20, scoreMargin: 5 });
    expect(keyPointTexts(chosen)).toEqual([
      'The museum reopened its west wing on Saturday after two years of repairs. It now holds the largest collection of maps in the country.',
    ]);
  });

  it('skips a sentence that leans on one it cannot be joined to', () => {
    const text = [
      'That decision surprised the players, who had expected a longer season.',
      'The league cancelled the rest of its matches on Friday because of the flooding.',
      'Clubs will be refunded for the tickets they had already sold for the final rounds.',
    ].join('\n\n');
    const points = extractKeyPoints(text, { count: 3 });
    expect(points).toHaveLength(2);
    expect(points.some((point) => point.startsWith('That decision'))).toBe(false);
  });

  it('skips a sentence that is only a piece of a quotation running over several sentences', () => {
    const text =
      'The central bank kept its main interest rate at four per cent on Thursday, as expected by markets. ' +
      '"We are not in a hurry to cut. ' +
      'Inflation is still above our target," the governor told reporters after the meeting. ' +
      'Economists expect the first cut to come in the summer, once wage growth has slowed down.';
    const points = extractKeyPoints(text, { count: 3 });
    expect(points.some((point) => point.includes('not in a hurry') || point.includes('still above our target'))).toBe(false);
  });

  it('may return one point fewer than asked when the sentences are long, never fewer than two', () => {
    const long =
      'The regional council approved on Wednesday a plan to rebuild the old railway line between the two largest towns of the valley, ' +
      'which closed in the 1960s, at a cost of about 300 million over the next ten years, with most of the money coming from the national government.';
    const text = [
      long,
      'Work on the first section, between the town centre and the new hospital, is expected to start in the autumn of next year.',
      'Local businesses have welcomed the plan, saying it will bring visitors and make it easier for workers to reach the towns.',
      'Some farmers whose land lies along the old route have said they will oppose any attempt to buy their fields for the line.',
    ].join(' ');
    const points = extractKeyPoints(text, { count: 3 });
    expect(points.length).toBeGreaterThanOrEqual(2);
    expect(points.length).toBeLessThanOrEqual(3);
    expect(extractKeyPoints(text, { count: 2 })).toHaveLength(2);
  });
});
