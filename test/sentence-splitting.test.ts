import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/summarize/text/sentences.js';

const texts = (text: string): string[] => splitSentences(text).map((sentence) => sentence.text);

describe('splitSentences', () => {
  it('does not end a sentence at a title, an initial or a month before a date', () => {
    expect(texts('Dr. J. K. Rowling met Mr. Smith on Jan. 5 in St. Louis. She left.')).toEqual([
      'Dr. J. K. Rowling met Mr. Smith on Jan. 5 in St. Louis.',
      'She left.',
    ]);
  });

  it('keeps a state abbreviation in parentheses inside its sentence', () => {
    expect(texts('Sen. Rand Paul (R-Ky.) said no. Gov. Ron DeSantis agreed.')).toEqual([
      'Sen. Rand Paul (R-Ky.) said no.',
      'Gov. Ron DeSantis agreed.',
    ]);
  });

  it('ends a sentence at "no." unless a number follows, and after a state spelled like a word', () => {
    expect(texts('He ranked No. 1 and said no. Officials agreed. She fell ill. Doctors came.')).toEqual([
      'He ranked No. 1 and said no.',
      'Officials agreed.',
      'She fell ill.',
      'Doctors came.',
    ]);
  });

  it('ends a sentence after U.S. or p.m. only when a new sentence plainly starts', () => {
    expect(texts('The U.S. Navy sailed at 9 p.m. Friday. It reached the U.S. The crew slept.')).toEqual([
      'The U.S. Navy sailed at 9 p.m. Friday.',
      'It reached the U.S.',
      'The crew slept.',
    ]);
    expect(texts('He arrived at 10 a.m. and left.')).toEqual(['He arrived at 10 a.m. and left.']);
  });

  it('goes on after an abbreviation followed by a dash', () => {
    expect(texts('CHARLESTON, S.C. — In the fall of 2007, she led the polls. Then she lost.')).toEqual([
      'CHARLESTON, S.C. — In the fall of 2007, she led the polls.',
      'Then she lost.',
    ]);
  });

  it('includes a closing quote mark after the period', () => {
    expect(texts('"We are done," he said. "It is over." Then he left.')).toEqual([
      '"We are done," he said.',
      '"It is over."',
      'Then he left.',
    ]);
    expect(texts('She called it “a good start.” Talks resume today.')).toEqual([
      'She called it “a good start.”',
      'Talks resume today.',
    ]);
  });

  it('does not split decimals, URLs or email addresses', () => {
    expect(texts('Growth was 3.5 percent, says www.example.com/report.html today. Write to desk@news.org for more.')).toEqual([
      'Growth was 3.5 percent, says www.example.com/report.html today.',
      'Write to desk@news.org for more.',
    ]);
  });

  it('continues after an ellipsis followed by lowercase and ends at a question when a capital follows', () => {
    expect(texts('He waited... and waited. Why? Nobody knows.')).toEqual(['He waited... and waited.', 'Why?', 'Nobody knows.']);
  });

  it('makes a line without final punctuation a unit of its own, marked not terminal', () => {
    const sentences = splitSentences("Talks went well.\n\n'Zero tolerance'\n\nBeijing denied it.");
    expect(sentences.map((s) => [s.text, s.terminal, s.paragraph])).toEqual([
      ['Talks went well.', true, 0],
      ["'Zero tolerance'", false, 1],
      ['Beijing denied it.', true, 2],
    ]);
  });

  it('gives offsets into the text', () => {
    const text = '  First one.  Second one!\nThird';
    for (const sentence of splitSentences(text)) {
      expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    }
    expect(splitSentences(text).map((s) => s.start)).toEqual([2, 14, 26]);
  });

  it('ends Chinese and Japanese sentences at full-width marks, which no space follows', () => {
    expect(texts('委员会周二批准了新码头。工程预计五月开始！真的吗？')).toEqual(['委员会周二批准了新码头。', '工程预计五月开始！', '真的吗？']);
    expect(texts('委員会は桟橋を承認した。工事は五月に始まる。')).toEqual(['委員会は桟橋を承認した。', '工事は五月に始まる。']);
  });
});
