import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/summarize/quotes/quotes.js';

// The printed speaker name keeps a professional title (`Dr.`, `Prof.`, `Sen.`, `Rep.`, `Gov.`,
// `Rev.`, military ranks) and drops a social one (`Mr.`, `Ms.`) and a title no longer held.
describe('titles in printed speaker names', () => {
  const text = readFileSync(new URL('./fixtures/titled-speakers.txt', import.meta.url), 'utf8');
  const quotes = findQuotes(text);

  it('prints a professional title with the full name and keeps the role apart', () => {
    expect(quotes[0]).toMatchObject({ speaker: 'Dr. Helen Marsh', role: "the station's chief limnologist" });
  });

  it('prints a lieutenant\'s rank whole, and does not take a lieutenant governor for `the governor`', () => {
    const text = 'Gov. Mark Ellison signed the budget on Monday. Lt. Gov. Ana Ruiz presided over the Senate vote.\n\n'
      + '"This budget keeps every promise we made," the governor said. "The vote was close," said Lt. Gov. Ana Ruiz.';
    expect(findQuotes(text).map((quote) => quote.speaker)).toEqual(['Gov. Mark Ellison', 'Lt. Gov. Ana Ruiz']);
  });

  it('drops a social title once the full name is given', () => {
    expect(quotes[1]?.speaker).toBe('Paul Grady');
  });

  it('drops a title the person no longer holds', () => {
    expect(quotes[2]?.speaker).toBe('Alan Reece');
  });

  it('prints the title for a speaker found through a description', () => {
    expect(quotes[3]?.speaker).toBe('Sen. Rosa Lind');
  });

  it('reads a title written without a period, as British style does, as part of the name, not as the role', () => {
    const british = [
      '‘It is a minute book in cloth,’ said Dr Helen Marchbanks, the museum’s curator of textiles.',
      'Cllr Ann Rees chairs the housing committee. "We will find the money," said Cllr Rees.',
    ].join('\n\n');
    expect(findQuotes(british).map(({ speaker, role }) => [speaker, role])).toEqual([
      ['Dr Helen Marchbanks', 'the museum’s curator of textiles'],
      ['Cllr Ann Rees', null],
    ]);
  });
  it('reads letters after a name as no part of it, and a seat among them as the role the text gives', () => {
    const text = [
      'Jane Foster MP said the bypass plan was flawed. "It will fail the town," she said.',
      'Defence counsel Ruth Kiely SC said her client was ashamed. "He lost his temper once," Kiely said.',
      '"The claim is hopeless," said Sir Alan Crewe KC OBE.',
      'Tom Hale, a farmer, agreed with Foster. "The road floods every winter," the MP said.',
    ].join('\n\n');
    expect(findQuotes(text).map(({ speaker, role }) => [speaker, role])).toEqual([
      ['Jane Foster', 'MP'],
      ['Ruth Kiely', 'Defence counsel'],
      ['Sir Alan Crewe', null],
      ['Jane Foster', 'MP'],
    ]);
  });

  it('prints a priest\'s title and reads the style of a privy counsellor as no part of the name', () => {
    const text = [
      'Fr Tom Kenny said the church was full for the vigil. "It was lovely to see," Fr Kenny said.',
      'The Rt Hon Michael Gove MP said: "We will act on the report."',
    ].join('\n\n');
    expect(findQuotes(text).map(({ speaker, role }) => [speaker, role])).toEqual([
      ['Fr Tom Kenny', null],
      ['Michael Gove', 'MP'],
    ]);
  });

  it('reads British detectives\' ranks and an Australian councillor\'s title as titles', () => {
    const text = [
      'Detective Inspector Dan Moody said the inquiry was young. "We are keeping an open mind," DI Moody said.',
      'The mayor of Warrigal, Cr Dawn Rich, spoke first. "Ratepayers are doing it tough," Cr Rich said.',
      '"We are proud of the film," DC Comics said in a statement.',
    ].join('\n\n');
    expect(findQuotes(text).map(({ speaker }) => speaker)).toEqual(['DI Dan Moody', 'Cr Dawn Rich', null]);
  });

  it('reads letters not listed as post-nominal, a member of the Senedd as no Ms, and an office as no letters', () => {
    const text = [
      'Chief Constable Mary Oyelaran QPM said: "Crime is falling."',
      'Nurse Gemma Hollis RN said: "We see the victims every night."',
      'Gwen Pryce MS said: "The clinic is long overdue."',
      'Prof Sir Naveen Dutt FRS FMedSci said: "The data is clear."',
    ].join('\n\n');
    expect(findQuotes(text).map(({ speaker, role }) => [speaker, role])).toEqual([
      ['Mary Oyelaran', 'Chief Constable'],
      ['Gemma Hollis', 'Nurse'],
      ['Gwen Pryce', 'MS'],
      ['Sir Naveen Dutt', null],
    ]);
  });

  it('keeps a suffix in capitals in the name, as no post-nominal letters and no acronym', () => {
    const text = 'Joseph R. Murray II, a lawyer in Ripley, spoke first. "It is over," he said.\n\n'
      + '"We will act," said Vann R. Newkirk II, a writer for the magazine.';
    expect(findQuotes(text).map(({ speaker, role }) => [speaker, role])).toEqual([
      ['Joseph R. Murray II', 'lawyer in Ripley'],
      ['Vann R. Newkirk II', 'writer for the magazine'],
    ]);
  });

  it('keeps a priest\'s or a nun\'s title with the name, not as the role, and knows the person by it and the surname', () => {
    const text =
      'Father Michael Dunne, the parish priest, led the service at St Brendan\'s. "It was a sad day for the whole village," Father Dunne said.\n\n' +
      'Sister Bernadette Kelly said: "The children will remember her every Christmas."';
    expect(findQuotes(text).map(({ speaker, role }) => [speaker, role])).toEqual([
      ['Father Michael Dunne', 'parish priest'],
      ['Sister Bernadette Kelly', null],
    ]);
  });

  it('reads no one in the letters after a party or a lone word', () => {
    const text = '"It has been pushed back again," the Sinn Féin TD said. "Dublin decides," the Independent TD said.';
    expect(findQuotes(text).map(({ speaker }) => speaker)).toEqual([null, null]);
  });
});

// American style abbreviates police ranks with a period (`Det. Insp.`, `Supt.`): the period is the
// abbreviation's, not a sentence's end, and the rank stays with the name as `Sgt.` does.
describe('police ranks abbreviated with a period', () => {
  it('keep the attribution whole and the name the rank was written with', () => {
    const text = 'Detective Inspector Fiona McAllister is leading the inquiry.\n\n'
      + '"This was a cowardly attack," Det. Insp. McAllister said on Friday. "We are determined to find the people responsible."';
    expect(findQuotes(text).map((quote) => [quote.speaker, quote.role])).toEqual([['Det. Insp. Fiona McAllister', 'Detective Inspector']]);
  });

  it('resolve to the person the rank was written out for', () => {
    const text = 'Superintendent Ray Doyle leads the county force. "Nobody was hurt," Supt. Doyle said.';
    expect(findQuotes(text)[0]?.speaker).toBe('Supt. Ray Doyle');
  });

  it('print every rank of a run of them, and read a constable, a trooper or an officer as any other', () => {
    const speakers = (text: string) => findQuotes(text).map((quote) => quote.speaker);
    expect(speakers('"The suspect was known to us," said Det. Sgt. Maya Quint.')).toEqual(['Det. Sgt. Maya Quint']);
    expect(speakers('"The suspect was known to us," Const. Kay Lim said.')).toEqual(['Const. Kay Lim']);
    expect(speakers('"The road is closed," said Tpr. Dale Hicks.')).toEqual(['Tpr. Dale Hicks']);
    expect(speakers('Ald. Bronwyn Haskett of Ward 1 voted against the budget. "It is too high," she said.')).toEqual(['Ald. Bronwyn Haskett']);
    // A word ranking the title is the role's, with the title written out.
    expect(findQuotes('"The road will reopen tomorrow," said Chief Insp. Rhys Evans.')[0]).toMatchObject({ speaker: 'Insp. Rhys Evans', role: 'Chief Inspector' });
  });
});

describe('names from other conventions in international news', () => {
  const speakers = (text: string) => findQuotes(text).map((quote) => quote.speaker);

  it('keeps an accented first given name of a three-word name (José Luis Fuentes, João Pedro Santos)', () => {
    expect(speakers('"Investors do not wait ninety days," said José Luis Fuentes, president of the mining chamber.')).toEqual(['José Luis Fuentes']);
    expect(speakers('"We will appeal," said João Pedro Santos, the chamber\'s lawyer.')).toEqual(['João Pedro Santos']);
  });

  it('reads a courtesy title in another language as Mr. or Mrs. (Madame Sow, Herr Brandt, Señor Ibáñez)', () => {
    const text = 'Aminata Sow runs the cooperative. Klaus Brandt left the board in May.\n\n"The accounts are in order," Madame Sow said. "I was not consulted," Herr Brandt wrote.';
    expect(speakers(text)).toEqual(['Aminata Sow', 'Klaus Brandt']);
  });

  it('reads an Arabic name with its article in lower case, a patronymic, and the surname alone without the article', () => {
    expect(speakers('Khalid al-Mansouri, the foreign minister, spoke first. "Every name on the list was argued over," al-Mansouri said.')).toEqual(['Khalid al-Mansouri']);
    expect(speakers('Khalid bin Rashid al-Mansouri, the foreign minister, spoke. "Every name was argued over," Mansouri said.')).toEqual(['Khalid bin Rashid al-Mansouri']);
    expect(speakers('Abu Yusuf leads the brigade. Tarek el-Sayed, a lawyer for the families, spoke next. "Some of them could not walk," he said.')).toEqual(['Tarek el-Sayed']);
  });

  it('reads Spanish and Portuguese names of two given names and two surnames, by either surname or both', () => {
    const text =
      'Ana Ortega Salas, the energy minister, announced the freeze on Monday. "We will not hand out another permit," Ortega said.\n\n' +
      'Ignacio Ortega Bravo, a spokesman for the water council, said communities wanted more. "A pause means nothing," Ortega Bravo said.\n\n' +
      'Carlos Eduardo Méndez Ruiz, an economist, said the balance was difficult. "The government needs the money," Méndez said.';
    expect(speakers(text)).toEqual(['Ana Ortega Salas', 'Ignacio Ortega Bravo', 'Carlos Eduardo Méndez Ruiz']);
  });

  it('keeps a headline\'s run of words out of a person\'s name (`Mike Pence Calls for …`)', () => {
    const text = 'Mike Pence Calls for Special Prosecutor after Report.\n\nIndiana Gov. Mike Pence is joining the call.\n\n"No one is above the law," Pence said.';
    expect(speakers(text)).toEqual(['Gov. Mike Pence']);
  });
});

// US political news names cabinet and state offices with `of` (`Secretary of State John Kerry`) and
// offices held at the time with `then-` (`then-Gov. Martin Vance`).
describe('offices named with `of` and `then-` before a name', () => {
  it.each([
    ['"We will not leave," Secretary of State Dana Whitlock said.', 'Dana Whitlock', 'Secretary of State'],
    ['"We will not leave," said Secretary of State Dana Whitlock.', 'Dana Whitlock', 'Secretary of State'],
    ['Secretary of Homeland Security Ray Okonkwo said: "We will not leave."', 'Ray Okonkwo', 'Secretary of Homeland Security'],
    ['"We will not leave," Director of National Intelligence James Pell said.', 'James Pell', 'Director of National Intelligence'],
    ['"Soon," Ohio Secretary of State Rosa Mendez said.', 'Rosa Mendez', 'Ohio Secretary of State'],
    ['"We will not leave," said Secretary of Defense Carver.', 'Carver', 'Secretary of Defense'],
  ])('reads the office as the role and the name after it as the speaker: %s', (sentence, speaker, role) => {
    expect(findQuotes(`The talks ended on Friday.\n\n${sentence}`)[0]).toMatchObject({ speaker, role });
  });

  it.each([
    ['"It was a resurgence," said former Obama adviser David Axelrod.', 'David Axelrod', 'former Obama adviser'],
    ['"It was a resurgence," said former Ohio Gov. and Harbor Commission Chairman Walt Pruitt.', 'Walt Pruitt', 'former Ohio Governor and Harbor Commission Chairman'],
  ])('reads the name a description ends on past a name qualifying its role: %s', (sentence, speaker, role) => {
    expect(findQuotes(sentence)[0]).toMatchObject({ speaker, role });
  });

  it('takes no name after a preposition in a description for the speaker (`a top aide to President Ray Dunn`, `an editorial in The Harbor Ledger`)', () => {
    const text = [
      'Ray Dunn is under pressure over the port deal.',
      '"It was a mistake to sign it," said a former top aide to President Ray Dunn.',
      '"The deal must be reopened," said a Wednesday editorial in The Harbor Ledger.',
    ].join('\n\n');
    expect(findQuotes(text).map((quote) => quote.speaker)).toEqual([null, null]);
  });

  it('reads no name into a place after `of` (`Representative Peter T. King of New York`)', () => {
    const text = 'Mr. Rubio campaigned in Queens.\n\n"It is not going to be easy," said Representative Peter T. King of New York, who endorsed Mr. Rubio.';
    expect(findQuotes(text)[0]?.speaker).toBe('Peter T. King');
  });

  it.each([
    ['"It was a mistake to close the plant," then-Gov. Martin Vance said.', 'Martin Vance', 'former Governor'],
    ['"It was a mistake to close the plant," said then-Gov. Martin Vance of Ohio.', 'Martin Vance', 'former Governor'],
    ['Then-Mayor Siobhan Grady said: "Nobody listened to us in 2010."', 'Siobhan Grady', 'former Mayor'],
    ['"We will not abandon our friends," then-Secretary of State Hillary Clinton said.', 'Hillary Clinton', 'former Secretary of State'],
    ['"It was a mistake to close the plant," then-Ohio Gov. Martin Vance said.', 'Martin Vance', 'former Ohio Governor'],
    // Some copy capitalizes it after the verb too.
    ['"It was a mistake to close the plant," said Then-Ohio Gov. Martin Vance.', 'Martin Vance', 'former Ohio Governor'],
  ])('reads `then-` as a past office, as `former` is read: %s', (sentence, speaker, role) => {
    expect(findQuotes(`The vote failed on Tuesday.\n\n${sentence}`)[0]).toMatchObject({ speaker, role });
  });

  it.each([
    ['"I was hoping we would see someone else," said Air Force 1st Lt. Tyler Livingston.', 'Lt. Tyler Livingston'],
    ['"The convoy left on time," said Army 2nd Lt. James Odom.', 'Lt. James Odom'],
    ['"We held the ridge," said Sgt. 1st Class Dana Ruiz.', 'Dana Ruiz'],
  ])('reads a grade\'s ordinal with the titles of the name, not as the end of a name before it: %s', (sentence, speaker) => {
    expect(findQuotes(`The unit came home on Friday.\n\n${sentence}`)[0]?.speaker).toBe(speaker);
  });
});
