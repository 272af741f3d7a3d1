import { describe, expect, it } from 'vitest';
import { candidateFeatures, FEATURE_NAMES, type FeatureName } from '../src/summarize/keypoints/keypoint-features.js';
import { keyPointCandidates } from '../src/summarize/keypoints/keypoints.js';

/** One feature of every candidate of `text`, by name. */
function feature(text: string, name: FeatureName): number[] {
  const column = FEATURE_NAMES.indexOf(name);
  return candidateFeatures(keyPointCandidates(text)).map((row) => row[column] as number);
}

const LONG_LEAD =
  'The county council voted on Tuesday night to close the Harrow Lane recycling centre at the end of March, ' +
  'saying the site had lost money for six years and needed repairs it could not afford.';
const SHORT_LINE = 'Residents were not happy about the plan at all.';
const FILLER = [
  'The meeting lasted almost four hours and ended after midnight.',
  'Several speakers asked the council to look again at the figures.',
  'A petition against the closure has gathered more than two thousand names.',
  'The council said a mobile collection van would visit each village twice a month.',
  'Opposition members said the van would not take garden waste or large furniture.',
];

describe('leadLength: a long sentence near the top of the article', () => {
  it('is highest for a full sentence at the top, lower for a short one there, and falls with position', () => {
    const [top, short] = feature([LONG_LEAD, SHORT_LINE, ...FILLER].join(' '), 'leadLength');
    expect(top).toBeCloseTo(1, 5);
    expect(short).toBeLessThan(0.5 * (top as number));
    const late = feature([...FILLER, LONG_LEAD].join(' '), 'leadLength').at(-1) as number;
    expect(late).toBeLessThan(0.2);
  });

  it('counts a skipped caption line as a sentence: the lead after it is no longer first', () => {
    const withCaption = feature(['Photo: the recycling centre on Harrow Lane, courtesy of the county council.', LONG_LEAD, ...FILLER].join('\n\n'), 'leadLength');
    expect(withCaption[0]).toBeCloseTo(Math.exp(-1 / 3), 5);
  });
});

describe('contentWordShare: distinct content words per word', () => {
  it('is higher for a list of names and figures than for a plain sentence, and counts a repeated word once', () => {
    const text = [
      'The winners were Ana Ruiz, 34, Tomasz Nowak, 41, Priya Raman, 29, and Lucas Petit, 52.',
      'The prizes were handed out by the mayor in the old town hall on Friday evening.',
      'The choir sang and sang and sang until the end of the evening at the hall.',
    ].join(' ');
    const [list, plain, repeated] = feature(text, 'contentWordShare');
    expect(list).toBeGreaterThan(plain as number);
    // `sang` three times, `evening` and `hall` again: fewer distinct content words per word.
    expect(repeated).toBeLessThan(plain as number);
  });
});
