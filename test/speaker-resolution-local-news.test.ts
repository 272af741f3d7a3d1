import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/summarize/quotes/quotes.js';

// Speakers of local news written outside the US: relatives sharing a surname, Irish names with
// their particles, British titles, and the attribution patterns that name the speaker in passing.
describe('speakers of local news', () => {
  const text = readFileSync(new URL('./fixtures/local-news-speakers.txt', import.meta.url), 'utf8');
  const speakers = findQuotes(text).map((quote) => quote.speaker);

  it('tells a married couple apart by the title before their surname', () => {
    expect(speakers.slice(0, 2)).toEqual(['Ciarán Mulvey', 'Aoife Mulvey']);
  });

  it('links a surname written with its particle to the full name', () => {
    expect(speakers[2]).toBe('Tadhg Ó Murchú');
  });

  it.each([
    ['Afrikaans', 'Annelie du Plessis', 'du Plessis'],
    ['Portuguese', 'João dos Santos', 'dos Santos'],
    ['Dutch', 'Pieter den Uyl', 'den Uyl'],
    ['Afrikaans, of two particles and an unlisted given name', 'Chanté van der Merwe', 'van der Merwe'],
    ['Welsh patronymic', 'Owen ap Rhys', 'ap Rhys'],
  ])('links a %s surname with its particle to the full name', (_language, name, surname) => {
    const text = `The race was won by ${name}, 41, in ten hours.\n\n"We trained together for ten years," ${surname} said.`;
    expect(findQuotes(text)[0]?.speaker).toBe(name);
  });

  it('tells namesakes apart by the title a surname is written with (`Prof. Marchetti` after `Dr. Elena Marchetti and Prof. Luca Marchetti`)', () => {
    const text = [
      'The study was led by two siblings: microbiologist Dr. Elena Marchetti and chemical engineer Prof. Luca Marchetti.',
      'Dr. Henrik Aaltonen, who was not involved, urged caution. "The hard part is the economics," he said.',
      'Prof. Marchetti agreed that cost would decide the question. "If it costs more to digest a mattress than to bury it, nobody will do it," he said.',
      'Dr. Marchetti was more hopeful. "The enzymes get cheaper every year," she said.',
    ].join('\n\n');
    expect(findQuotes(text).map(({ speaker }) => speaker)).toEqual(['Dr. Henrik Aaltonen', 'Prof. Luca Marchetti', 'Dr. Elena Marchetti']);
  });

  it('knows a relative named by the given name alone, set off after the word for the relative (`their son, Callum.`)', () => {
    const text = [
      'She married Nathaniel Moore, a lifeboat coxswain, in 1964. He died in 2009. She is survived by their son, Callum.',
      'Her son said she had remained sharp to the end. “She was still doing the crossword last week,” he said.',
    ].join('\n\n');
    expect(findQuotes(text).map(({ speaker, role }) => [speaker, role])).toEqual([['Callum', 'their son']]);
  });

  it('keeps a Welsh patronymic whole after a role word (`Farmer Owen ap Rhys`)', () => {
    const text = 'Farmer Owen ap Rhys says he has lost at least forty sheep. "There was no time to move them," he said.';
    expect(findQuotes(text).map(({ speaker, role }) => [speaker, role])).toEqual([['Owen ap Rhys', 'Farmer']]);
  });

  it('reads a month as a surname after a given name or a title, or as the subject of a cue, and as a month elsewhere', () => {
    const text = [
      'Prime Minister Theresa May, 60, met the farmers on Friday, May 5, in Ballinroe.',
      '"We will not leave them behind," May said. "The grants come in March," said Mrs May.',
      'In March Joan Hurley sold the herd. "It was time," Hurley said.',
    ].join('\n\n');
    expect(findQuotes(text).map(({ speaker, role }) => [speaker, role])).toEqual([
      ['Theresa May', 'Prime Minister'],
      ['Theresa May', 'Prime Minister'],
      ['Joan Hurley', null],
    ]);
  });

  it('reads a month as a surname with an age set off after it, but not in a date', () => {
    const text = [
      'One volunteer was more circumspect. Yin Myint May, 60, a doctor, said she still feared the military.',
      '"We have to be cautious about it," she said.',
      'Turnout on Sunday, May 8, 2016, was high. "It was time," she said.',
    ].join('\n\n');
    expect(findQuotes(text).map(({ speaker }) => speaker)).toEqual(['Yin Myint May', 'Yin Myint May']);
    const setOff = "Since March, 14 boats have been laid up, according to the chairwoman of the fishers' association, Lerato April.\n\n\"We need the quota changed,\" she said.";
    expect(findQuotes(setOff)[0]?.speaker).toBe('Lerato April');
  });

  it('reads a given name that is also a word where a title, a role or a cue introduces it, or a comma or cue follows the name', () => {
    const text = [
      'Mayor Will Snow will seek a third term. "I will run on my record," he said.',
      '"Every pound helps," said Sunday Okafor, a nurse on the ward.',
      'June Harlow, who runs the cafe, agreed. "We have lost half our trade," she said.',
      'Will Congress act? "We doubt it," said Tom Reed.',
      'Will Harlan will vote against the bill. "I will not support it," Harlan said.',
      '"We are not going anywhere," said the club\'s president, June Stone.',
    ].join('\n\n');
    expect(findQuotes(text).map(({ speaker, role }) => [speaker, role])).toEqual([
      ['Will Snow', 'Mayor'],
      ['Sunday Okafor', 'nurse on the ward'],
      ['June Harlow', null],
      ['Tom Reed', null],
      ['Will Harlan', null],
      ['June Stone', "the club's president"],
    ]);
  });

  it('reads a surname that is also a word after a known given name, and alone as the subject of a cue, but a day only after a name', () => {
    const text = [
      'Tom Still, a dairy farmer, spoke first. "We are losing money on every litre," Still said.',
      'Jim Said, the owner, was pleased. "We have never been busier," Said said.',
      'Ben Friday, the caretaker, found her. "She was hiding behind the boiler," Friday said.',
      'Martin Fox, a mechanic, agreed. "It is a family business," he said.',
      '"We are looking for the driver," police said Monday.',
    ].join('\n\n');
    expect(findQuotes(text).map(({ speaker }) => speaker)).toEqual(['Tom Still', 'Jim Said', 'Ben Friday', 'Martin Fox', null]);
  });

  it('reads a role that opens the sentence before a full name as the role, not as part of the name', () => {
    const text = [
      'Trader Faith Snow said footfall had halved. "We cannot go on," she said.',
      'Student union president Ray Young said: "Young people rely on buses."',
      'A poll by the Cook Political Report showed a tie. "It is close," said Tom Reed.',
    ].join('\n\n');
    expect(findQuotes(text).map(({ speaker, role }) => [speaker, role])).toEqual([
      ['Faith Snow', 'Trader'],
      ['Ray Young', 'Student union president'],
      ['Tom Reed', null],
    ]);
  });

  it('reads a surname that also names a body or a street alone where a cue or an appositive says it is a person', () => {
    const text = [
      'Martin Fox, a wildlife ranger, counted the deer. "The herd is too big," Fox said.',
      'Nathan Lane, a coxswain with the lifeboat crew, steered. "The sea was huge," Lane said.',
    ].join('\n\n');
    expect(findQuotes(text).map(({ speaker, role }) => [speaker, role])).toEqual([
      ['Martin Fox', 'wildlife ranger'],
      ['Nathan Lane', 'coxswain with the lifeboat crew'],
    ]);
  });

  it('reads roles of nouns before a role noun, in -ing among them, and an appositive that opens on one', () => {
    const text = [
      'Housing officer Nia Rhodes said: "The list is long."',
      '"The road will reopen," said Cllr Owen Pritchard, cabinet member for highways.',
    ].join('\n\n');
    expect(findQuotes(text).map(({ speaker, role }) => [speaker, role])).toEqual([
      ['Nia Rhodes', 'Housing officer'],
      ['Cllr Owen Pritchard', 'cabinet member for highways'],
    ]);
  });

  it('takes a name after a comma and `and`, or after `according to`, for the one a pronoun refers to', () => {
    expect(speakers[3]).toBe('Cllr Orla Brennan');
  });

  it('reads a police constable as a person with a title, not as an acronym', () => {
    expect(speakers[4]).toBe('PC Sadie Norbury');
  });

  it('finds the relative a possessive description names among the people sharing a surname', () => {
    expect(speakers.slice(5, 7)).toEqual(['Gráinne Doyle', 'Pat Doyle']);
  });

  it('finds who a description names by the title the text wrote before the name or the trade a clause gave them', () => {
    expect(speakers.slice(-3)).toEqual(['Sgt. Nora Quill', 'Sgt. Nora Quill', 'Fergus Lowry']);
  });

  it('knows the gender of given names beyond the US and Britain, for the pronoun that refers back', () => {
    const text = 'Priyanka Sharma leads the survey team. Rahul Mehta, who joined it in May, drove the van.\n\n"We mapped every hedge in the parish," she said.';
    expect(findQuotes(text)[0]?.speaker).toBe('Priyanka Sharma');
  });
});
