import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/summarize/quotes/quotes.js';

const speakers = (text: string) => findQuotes(text).map((quote) => [quote.speaker, quote.role]);

// News brings in spokespeople and anonymous sources by an indefinite description and never names
// them. A pronoun or a description after them refers to them, not to the last person named.
describe('a speaker the text brings in by an indefinite description and never names', () => {
  it('is who `the spokeswoman` refers to, with the description as the role', () => {
    const text =
      '"We are not moving," said Marta Oyelaran, the general secretary of the Harbour Workers\' Union.\n\n' +
      'A spokeswoman for the Ministry of Transport urged both sides to return to talks. "The minister expects a resolution within days," the spokeswoman said.';
    expect(speakers(text)).toEqual([
      ['Marta Oyelaran', "general secretary of the Harbour Workers' Union"],
      [null, 'spokeswoman for the Ministry of Transport'],
    ]);
  });

  it('is who `she` refers to', () => {
    const text =
      'Marta Oyelaran, a union leader, said members were ready to stay out.\n\n' +
      'A spokeswoman for the ministry said talks would resume on Monday. "No decisions have been made," she said.';
    expect(speakers(text)[0]).toEqual([null, 'spokeswoman for the ministry']);
  });

  it('is who a shorter description refers to, past a relative clause', () => {
    const text =
      'Desmond Farrow, a spokesman for the power company, said crews were waiting for the wind to drop.\n\n' +
      'A senior state official who was not authorised to speak publicly said the sea wall was too low. "Everyone knew that wall was a problem," the official said.';
    expect(speakers(text)).toEqual([[null, 'senior state official']]);
  });

  it('gives way to a name set off after the description', () => {
    const text =
      'A spokeswoman for the agency, Ana Ruiz, said the figures were being checked. "We will publish them in full," she said.';
    expect(speakers(text)[0]?.[0]).toBe('Ana Ruiz');
  });

  it('gives way to anyone the text refers to since: a sentence about someone by a definite description', () => {
    const text =
      'Katarzyna Dunmore is general secretary of the rail union.\n\n' +
      'A senior government official said ministers wanted a delay. "Nobody wants a fourth strike," the official said.\n\n' +
      'Asked whether the union could hold out, the general secretary was defiant. "Our strike fund is full," she said.';
    expect(speakers(text).map(([speaker]) => speaker)).toEqual([null, 'Katarzyna Dunmore']);
  });

  it('is not who a pronoun of the other gender refers to', () => {
    const text =
      'Councillor Tom Hale opposed the plan. A spokeswoman for the developer said the homes were needed. "We will appeal," he said.';
    expect(speakers(text)[0]?.[0]).toBe('Tom Hale');
  });

  it('is no one new when the description is set before the subject it describes', () => {
    const text =
      'Aisha Rowe is running for the county board. A former pediatric nurse and the mother of three, she has run on school construction.\n\n' +
      '"I will vote with whoever is trying to get a roof on the new middle school," she said.';
    expect(speakers(text)[0]?.[0]).toBe('Aisha Rowe');
  });

  it('leaves `she` to the woman the newcomer spoke to', () => {
    const text =
      'Latoya Brisbane said she had called her state senator\'s office twice. A staff member told her the senator was hopeful of a deal.\n\n' +
      '"Hopeful does not pay my teachers," she said.';
    expect(speakers(text)[0]?.[0]).toBe('Latoya Brisbane');
  });

  it('keeps a plural possessive and an ampersand in what the newcomer is of', () => {
    expect(speakers("Tom Hale chaired the meeting. A spokesman for the teachers' union said talks would resume. \"We are ready,\" he said.")[0])
      .toEqual([null, "spokesman for the teachers' union"]);
    expect(speakers('Tom Hale chaired the meeting. A spokesperson for Harrow & Finch said talks would resume. "We are ready," the spokesperson said.')[0])
      .toEqual([null, 'spokesperson for Harrow & Finch']);
  });

  it('is who a description refers to past a name the newcomer spoke of or another one not given its role', () => {
    const text =
      'A spokeswoman for Harlow General Hospital said the injured cyclist, Rosa Lind, was in a stable condition. ' +
      '"She is awake and talking to her family," the spokeswoman said.';
    expect(speakers(text)).toEqual([[null, 'spokeswoman for Harlow General Hospital']]);
  });

  it('gives way to a name set off after a description with a long complement', () => {
    const text =
      'An executive engineer of the state water resources department, Manash Saikia, said work had slowed. ' +
      '"We cannot raise an embankment while water is standing against it," the engineer said.';
    expect(speakers(text)[0]?.[0]).toBe('Manash Saikia');
  });

  it('gives way to a newer newcomer (`Another resident said …`) and takes one a word for anyone brings in only when they speak', () => {
    const text =
      'A spokeswoman for the council said the road would reopen. Another resident said she had waited months. "It is a joke," she said.';
    expect(speakers(text)).toEqual([[null, 'resident']]);
    const arrested = 'Insp. Ray Doyle leads the inquiry. A man was arrested on Tuesday. "We are not looking for anyone else," he said.';
    expect(speakers(arrested)[0]?.[0]).toBe('Insp. Ray Doyle');
  });
});
