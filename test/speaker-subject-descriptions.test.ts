import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findSubjectDescriptions } from '../src/summarize/speakers/descriptions.js';
import { findQuotes } from '../src/summarize/quotes/quotes.js';
import { sentenceIndexes } from '../src/summarize/speakers/names.js';
import { tokenize } from '../src/summarize/text/tokens.js';

function subjectDescriptions(text: string): string[] {
  const tokens = tokenize(text);
  return findSubjectDescriptions(text, tokens, [], sentenceIndexes(text, tokens)).map((subject) => text.slice(subject.start, subject.end));
}

// News calls the person a story is about by a role as often as by name (`The magistrate would
// have none of it.`); the pronoun of the next quotation refers to that person, not to whoever was
// named last.
describe('a sentence about someone by a description', () => {
  const text = readFileSync(new URL('./fixtures/subject-descriptions.txt', import.meta.url), 'utf8');

  it('follows a description by a proper name the text tied someone to (`The Lehigh Valley Democrat … did not back down`)', () => {
    const debate = [
      'Rep. Denise Albritton, a two-term congresswoman from the Lehigh Valley, faced State Treasurer Colleen Harwick in the debate.',
      'Ms. Harwick called the tax a slogan and said she would rather close loopholes.',
      'The Lehigh Valley Democrat, who has made the tax a centerpiece of her campaign, did not back down.',
      '"Every other gas state charges it," she said.',
    ].join('\n\n');
    expect(findQuotes(debate)[0]?.speaker).toBe('Rep. Denise Albritton');
  });

  it('follows a description that is the subject after an introductory clause naming someone else (`Asked whether Mrs. Truitt would vote, the lawyer smiled.`)', () => {
    const asked = 'Andrea Kessler, a lawyer for the voters, said her clients would ask for a quick trial. Asked whether Mrs. Odessa Truitt would be voting in November, the lawyer smiled.\n\n"She already asked me to drive her," she said.';
    expect(findQuotes(asked)[0]?.speaker).toBe('Andrea Kessler');
  });

  it('is found where the description opens the sentence, after a conjunction or after an introductory phrase', () => {
    expect(subjectDescriptions('The magistrate would have none of it. But the roofer, pale, said nothing. Asked twice, the site manager shrugged.'))
      .toEqual(['The magistrate', 'the roofer', 'the site manager']);
  });

  it('runs to the last noun that can head it (`The chief executive paused`, not `The chief`)', () => {
    expect(subjectDescriptions('The chief executive paused. The site manager, pale, said nothing. The chief would not say.'))
      .toEqual(['The chief executive', 'The site manager', 'The chief']);
    const hearing = [
      'Graham Tulloch runs the company. His chief operating officer, Neil Abernethy, said engineers had raised the fault.',
      '"Will you give the bonus back?" Rosalind Oyelaran asked Mr Tulloch.',
      'The chief executive paused for several seconds. "If the committee wishes, I will raise it," he said.',
    ].join('\n\n');
    expect(findQuotes(hearing)[1]?.speaker).toBe('Graham Tulloch');
  });

  it('is found after an introductory phrase opening on an irregular participle, and `who leads the committee` makes its chair', () => {
    expect(subjectDescriptions('Told of the letter, the chairwoman was unmoved. Shown the video, the sergeant said nothing.'))
      .toEqual(['the chairwoman', 'the sergeant']);
    const talks = [
      'State Sen. Dolores Kettering, a Lancaster County Republican who leads the Appropriations Committee, walked out of the talks.',
      'Carolyn Teague, a commissioner in Cambria County, drove to Harrisburg. "Our caseworkers are paid out of a line of credit," said the commissioner.',
      'Told of the letter an hour later, the appropriations chairwoman was unmoved. "The figures were in the binder, on page forty," she said.',
    ].join('\n\n');
    expect(findQuotes(talks)[1]?.speaker).toBe('Sen. Dolores Kettering');
    expect(findQuotes(talks.replace('leads the Appropriations Committee', 'leads the Senate majority'))[1]?.speaker).toBe('Carolyn Teague');
  });

  it('is found after an introductory phrase with commas of its own only when its verb follows it', () => {
    expect(subjectDescriptions("Asked about the company's projects, including a resort near Cancún and two office towers, the 41-year-old was brisk."))
      .toEqual(['the 41-year-old']);
    expect(subjectDescriptions('After the hearing, which ran late, Smith thanked the judge, the clerk and the jury.')).toEqual([]);
    expect(subjectDescriptions('Outside the courthouse, after a day of testimony that, by her own account, had left her exhausted, the former chief operating officer spoke briefly.'))
      .toEqual(['the former chief operating officer']);
    expect(subjectDescriptions('The judge ruled the defendant fit to stand trial.')).toEqual(['The judge']);
  });

  it('gives a qualified description the one an earlier sentence meant by it, before a holder named since', () => {
    const text = [
      'President Vladimir Petrov held forth for three hours. The Russian leader was alternately pugnacious and conciliatory.',
      'He rose to the defense of Ivo Brandl, the embattled president of the skating federation.',
      '"There is no doubt that he is a very bright man," the Russian leader said of a candidate abroad.',
    ].join('\n\n');
    expect(findQuotes(text)[0]?.speaker).toBe('Vladimir Petrov');
  });

  it('goes to one named since the holder when it says the role is new and the text did not say so of the holder', () => {
    const text = [
      'The two-time champion Pieter Venter, a sheep farmer, led for most of the race. Tumelo Mokoena caught him on the last climb.',
      'Mokoena will receive R250 000 in prize money. Asked what he would do with it, the new champion said he would take his mother to the finish line.',
      '"She has never seen me race," he said.',
    ].join('\n\n');
    expect(findQuotes(text)[0]?.speaker).toBe('Tumelo Mokoena');
  });

  it('takes only the head of a committee, panel, board, commission or caucus for its chair', () => {
    const caucus = 'Rep. Lena Ibarra, chair of the Hispanic Caucus, and Rep. Tad Voss, who leads the caucus in fundraising, appeared together.\n\n"Our members will not be taken for granted," the caucus chair said.';
    expect(findQuotes(caucus)[0]?.speaker).toBe('Rep. Lena Ibarra');
    const unit = "The commission's chairman, Dermot Kiely, defended the fine. Maeve Duggan, who heads the commission's legal unit, said the company could appeal.\n\n\"We followed the law to the letter,\" the chairman said.";
    expect(findQuotes(unit)[0]?.speaker).toBe('Dermot Kiely');
    const council = 'The chairman of the district council, Cllr Rita Sowerby, ordered a review. Cllr Graham Pinnock, who leads the council, has apologised.\n\n"Residents deserve to know what went wrong," the chairman said.';
    expect(findQuotes(council)[0]?.speaker).toBe('Cllr Rita Sowerby');
  });

  it('is found elsewhere in the sentence when a clause of its own goes on about it', () => {
    expect(subjectDescriptions("The work falls to the study's first author, who has applied for funding. Bees sting the beekeeper, who swears."))
      .toEqual(["the study's first author", 'the beekeeper']);
  });

  it('is not found for a possessive, an object, a description of no person or one ending the sentence', () => {
    expect(subjectDescriptions("The judge's ruling is due. Vance thanked the magistrate. The company said no. Then came the magistrate."))
      .toEqual([]);
  });

  it('gives the pronoun of the next quotation the person the text gave that role', () => {
    const speakers = findQuotes(text).map((quote) => quote.speaker);
    // Named last before the first and the last quotation, of the pronoun's gender: Gemma Harte, Kevin Dunne.
    expect(speakers).toEqual(['Ruth Okonjo', 'Tamsin Orr', 'Dermot Vance']);
  });

  it('does not take a description opening an earlier sentence over a person named since', () => {
    const text = 'The magistrate, Ruth Okonjo, adjourned. Tamsin Orr, a site manager, then took the stand.\n\n"I watched it go," she said.';
    expect(findQuotes(text)[0]?.speaker).toBe('Tamsin Orr');
  });

  it('gives the pronoun the relative a sentence opening on `his` or `her` and a word for a relative names', () => {
    const text = 'Darragh Fennelly retired from hurling on Monday. His goalkeeper, Séamus Ó Broin, 37, was at the press conference.\n\n'
      + '"He will be a manager by 45," the 37-year-old said.\n\n'
      + 'Fennelly\'s father, Mick Fennelly, coached him as a boy. His father was less sure the retirement would last. "Give him one winter," he said.';
    expect(findQuotes(text).map((quote) => quote.speaker)).toEqual(['Séamus Ó Broin', 'Mick Fennelly']);
  });

  it('gives the pronoun the one a sentence is about by a description over a name in its clause of time (`until Ness was booked`)', () => {
    const text = [
      'Rovers manager Alan Kinnear and Thistle manager Gary Ness both started their strongest sides.',
      '\'We stopped playing,\' Ness said.',
      'The Rovers manager said he had not planned to use the youngster until Ness was booked.',
      '\'Honestly, I was looking to change the shape,\' he said.',
    ].join('\n\n');
    expect(findQuotes(text).map((quote) => quote.speaker)).toEqual(['Gary Ness', 'Alan Kinnear']);
  });

  it('does not give the pronoun the last speaker when a sentence about someone else by a description came between', () => {
    const text = 'Dr. Teresa Galloway is the county health officer. Hannah Briggs, whose daughter caught measles, took her son to the clinic.\n\n'
      + '"Come in if you are not sure," the health officer said.\n\n'
      + 'The young mother said she would be back on Saturday. "He is nine months old," she said.';
    expect(findQuotes(text).map((quote) => quote.speaker)).toEqual(['Dr. Teresa Galloway', 'Hannah Briggs']);
  });

  it('gives the pronoun the person a description with a clause of its own stands for, where no one was named since', () => {
    const text = 'Dr Tobias Wren, the study\'s first author, trained the bees. Alun Prys, who keeps 60 hives, said the findings matched his own.\n\n'
      + 'The next stage will fall to the study\'s first author, who has applied for funding. "Out there the bee has ten thousand choices," he said.';
    expect(findQuotes(text).at(-1)?.speaker).toBe('Dr Tobias Wren');
  });
});
