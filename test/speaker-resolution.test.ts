import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findQuotes, selectNotableQuotes } from '../src/summarize/quotes/quotes.js';

describe('speaker attribution and resolution', () => {
  it('points the speaker offsets at the pronoun and resolves it across paragraphs', () => {
    const text = 'Senator Bernie Sanders spoke in Iowa on Monday.\n\nThe crowd cheered.\n\n"We are going to win this state," he said.';
    const [quote] = findQuotes(text);
    expect(text.slice(quote?.speakerStart ?? 0, quote?.speakerEnd ?? 0)).toBe('he');
    expect(quote?.speaker).toBe('Bernie Sanders');
  });

  it('skips a person of the other gender when resolving a pronoun', () => {
    const text = 'Hillary Clinton met Mr. Tom Brown in Ohio.\n\n"It was a very good meeting for all of us," she said.';
    expect(findQuotes(text)[0]?.speaker).toBe('Hillary Clinton');
  });

  it('knows given names given to men and women alike (Jo, Sam), and reads the name they open', () => {
    // `May` and `Still` are surnames after a known given name; a role before a name opening on one
    // is the role (`CEO Graham Smith`).
    const text = [
      'Jo May, who chairs the board, spoke first.',
      '"We have the money to finish the job this year," May said.',
      'Rangers manager Sam Still named his side.',
      '"The lads are ready for a hard game on Saturday," Still said.',
      '"Any risk to the monarchy must pale against a risk to democracy," CEO Graham Smith said.',
    ].join('\n\n');
    expect(findQuotes(text).map((quote) => [quote.speaker, quote.role])).toEqual([['Jo May', null], ['Sam Still', 'Rangers manager'], ['Graham Smith', 'CEO']]);
  });

  it('knows common US given names (Trent, Jasmine) for where a name starts after a capitalized role and for their gender', () => {
    const text = [
      'The game ended late, but Quarterback Trent Lyle stayed to talk. Jasmine Ortiz, the team doctor, checked his knee.',
      '"We will be ready on Saturday," he said.',
    ].join('\n\n');
    expect(findQuotes(text).map((quote) => [quote.speaker, quote.role])).toEqual([['Trent Lyle', 'Quarterback']]);
  });

  it('gives a given name that is a word too its gender once it opens a name (`June Salter`), not a surname alone (`May`)', () => {
    const wife = [
      'Ted Salter, 79, a retired orchardist, joined the choir two years ago.',
      'He goes with his wife, June Salter, who sings alto and helps set out the chairs.',
      '"Now Tuesday is sacred. We get dressed up for it," his wife said.',
    ].join('\n\n');
    const guitarist = 'Brian May tuned the guitar for an hour.\n\n"It has to be right before the first note," May said. "Then I stop worrying," he added.';
    expect([findQuotes(wife)[0]?.speaker, findQuotes(guitarist).map((quote) => quote.speaker)]).toEqual(['June Salter', ['Brian May', 'Brian May']]);
  });

  it('knows French given names (`Chantal`, `Roméo`): a `he` after her name does not make her a man', () => {
    const text = [
      'President Chantal Arsenault took over the firm from her father, Roméo Arsenault, in 2019.',
      'Asked whether he had been consulted, Chantal Arsenault laughed and said he had read the contract twice.',
      '"She did not need my permission, but she asked for it anyway," her father said.',
    ].join('\n\n');
    expect(findQuotes(text)[0]?.speaker).toBe('Roméo Arsenault');
  });

  it('keeps an initial and the given name after it in the name (`J. Gerald Hebert`, `Robert P. Casey Jr.`)', () => {
    const text = [
      '"The court has spoken plainly," said J. Gerald Hebert, a lawyer for the group.',
      '"We will hold hearings on this in the fall," said Sen. Robert P. Casey Jr. (D-Pa.).',
    ].join('\n\n');
    expect(findQuotes(text).map((quote) => quote.speaker)).toEqual(['J. Gerald Hebert', 'Sen. Robert P. Casey Jr.']);
  });

  it('resolves a surname alone and an honorific to the fullest name', () => {
    const text = 'Representative James E. Clyburn endorsed her.\n\n"She has earned this support from all of us," Mr. Clyburn said.';
    expect(findQuotes(text)[0]?.speaker).toBe('James E. Clyburn');
  });

  it('resolves a description to the person holding that title', () => {
    const text = 'Mayor Bill de Blasio visited the site on Sunday.\n\n"There is no evidence of a terror connection," the mayor said.';
    expect(findQuotes(text)[0]?.speaker).toBe('Bill de Blasio');
  });

  it('reads inverted and preposed attributions', () => {
    const text = '"We need change in this country now," said Jeff Weaver.\n\nAnn Lee told reporters: "This will not stand, not for a moment."';
    expect(findQuotes(text).map((quote) => quote.speaker)).toEqual(['Jeff Weaver', 'Ann Lee']);
  });

  it('reads a passive attribution (`was quoted as saying`) and a cue with its particle (`cut in`, `broke in`)', () => {
    const text = [
      'Martin Vance was quoted as saying, "I am not going anywhere this year."',
      'The mayor, Ana Ruiz, was quoted by the Harbour Ledger as saying: "We will rebuild the pier."',
      '"Not with the town\'s money," Tom Ashby, the treasurer, broke in.',
      '"You will vote for it next week," Vance cut in.',
    ].join('\n\n');
    expect(findQuotes(text).map((quote) => quote.speaker)).toEqual(['Martin Vance', 'Ana Ruiz', 'Tom Ashby', 'Martin Vance']);
  });

  it('reads past an opening phrase to a subject described and named (`Speaking through an interpreter, the farmer, Ana Pires, said`)', () => {
    const text = 'Farmers from three districts met the minister in Évora on Monday.\n\nSpeaking through an interpreter, the farmer, Ana Pires, said: "We have had no rain since March and the wells are dry."';
    expect(findQuotes(text)[0]).toMatchObject({ speaker: 'Ana Pires', role: 'farmer' });
    // Past it, a name after `said` is the subject of the clause it reports, who spoke the quotation.
    const reported = 'Citing court papers, the prosecutor, Jane Orme, said Mr Calloway told staff: "Shred everything before Friday."';
    expect(findQuotes(reported)[0]?.speaker).toBe('Calloway');
  });

  it('finds the name behind premodifiers and parentheses', () => {
    const text = [
      '"I thought he did all the things right tonight," said MSNBC host Chris Matthews.',
      '"It is a dog whistle to all Americans," Rep. Gwen Moore (D-Wis.) said.',
      '"Who determines what is appropriate for a child?" asked Atlanta pediatrician Dr. Jennifer Shu.',
    ].join('\n\n');
    const quotes = findQuotes(text);
    expect(quotes.map((quote) => text.slice(quote.speakerStart ?? 0, quote.speakerEnd ?? 0))).toEqual(['Chris Matthews', 'Rep. Gwen Moore', 'Dr. Jennifer Shu']);
    expect(quotes.map((quote) => quote.speaker)).toEqual(['Chris Matthews', 'Rep. Gwen Moore', 'Dr. Jennifer Shu']);
  });

  it('reaches the cue past a party label, before or after an appositive', () => {
    const text = [
      '"Pfizer is gaming the system and will avoid its taxes," Senate Minority Leader Harry M. Reid (D-Nev.) said in a statement.',
      '"They would just go and get them," Rep. Jim Jordan (R-Ohio), an oversight panel member, said in a phone interview.',
    ].join('\n\n');
    expect(findQuotes(text).map((quote) => quote.speaker)).toEqual(['Harry M. Reid', 'Rep. Jim Jordan']);
  });

  it('reaches the cue past an appositive of any opening word that a comma closes before the verb', () => {
    const text = '"If the harvest fails again, the mill will close," Rosa Lind, managing partner and grain buyer at Lind Brothers, told the council.';
    const [quote] = findQuotes(text);
    expect(quote?.speaker).toBe('Rosa Lind');
    expect(text.slice(quote?.speakerStart ?? 0, quote?.speakerEnd ?? 0)).toBe('Rosa Lind');
  });

  it('attributes a quotation introduced by a participle alone to the subject of its sentence, past quoted words', () => {
    const text = 'In her letter, Ines Varga described the vote as a "breach of trust," adding: "I will ask the board to hear the matter again next week."';
    const [quote] = findQuotes(text);
    expect(quote?.speaker).toBe('Ines Varga');
    expect(text.slice(quote?.speakerStart ?? 0, quote?.speakerEnd ?? 0)).toBe('Ines Varga');
  });

  it('takes the subject of the clause, not the tail of its verb phrase, for a speaker', () => {
    const text = 'The vote was close. Marta Kohl went on to say, "We will have to count every ballot again by hand."';
    const [quote] = findQuotes(text);
    expect(text.slice(quote?.speakerStart ?? 0, quote?.speakerEnd ?? 0)).toBe('Marta Kohl');
  });

  it('reads the clause after a handover comma as the attribution even with a verb it does not list', () => {
    const text = [
      'The council met late. "Every road in the valley needs the same repairs," agrees Nora Lund, 41, of Brisk.',
      'The plan was approved. "We expect the work to start in spring," they concluded in the report.',
    ].join('\n\n');
    expect(findQuotes(text).map((quote) => text.slice(quote.speakerStart ?? 0, quote.speakerEnd ?? 0))).toEqual(['Nora Lund', 'they']);
  });

  it('reads a signature in the paragraph after a blank line', () => {
    const text = 'The claims were checked.\n\n"Boeing and GE and other multinationals pay zero taxes."\n\n- Bernie Sanders.\n\nThat is not quite right.';
    const [quote] = findQuotes(text);
    expect(text.slice(quote?.speakerStart ?? 0, quote?.speakerEnd ?? 0)).toBe('Bernie Sanders');
  });

  it('follows a chain of sentences opening on the pronoun back to its person', () => {
    const text = [
      'Attorney General Loretta Lynch spoke in Chicago. Lynch said the meeting went well.',
      'She has faced criticism over a meeting with former President Bill Clinton and questions about Hillary Clinton.',
      'She said she was not worried.',
      '"People tend not to say those things to the attorney general," she said.',
    ].join('\n\n');
    expect(findQuotes(text)[0]?.speaker).toBe('Loretta Lynch');
  });

  it('keeps relatives sharing a surname apart', () => {
    const text = 'Donald Trump spoke first. Ivanka Trump followed him.\n\n"The number of households led by single mothers has doubled," Ivanka Trump said.';
    expect(findQuotes(text)[0]?.speaker).toBe('Ivanka Trump');
  });

  it('gives the full name written later to a person first called by title and surname', () => {
    const text = 'Mr. Ortega spoke for an hour. The mayor, Luis A. Ortega, took questions after that.\n\n"The bridge opens in June," Mr. Ortega said.';
    expect(findQuotes(text)[0]?.speaker).toBe('Luis A. Ortega');
  });

  it('keeps a relative named later apart from a person called by title and surname', () => {
    const text = 'Mr. Ortega spoke for an hour. His daughter Maria Ortega and his son Luis Ortega Jr. sat behind him.\n\n"The bridge opens in June," Mr. Ortega said.';
    expect(findQuotes(text)[0]?.speaker).toBe('Ortega');
  });

  it('gives a pronoun to the person whose possessive opens its sentence', () => {
    const text = '"The count was fair," said Nadia Brook, who watched the polls for a rights group.\n\n'
      + 'Elena Voss\'s future is still unclear, but she told supporters on Monday that she would run again. "I am not finished," she said.';
    expect(findQuotes(text).at(-1)?.speaker).toBe('Elena Voss');
  });

  it('starts a name after a title inside a run of capitalized words, not at the word opening the sentence', () => {
    const quote = '"We have waited too long for this bridge."';
    expect(findQuotes(`Local MLA Pradip Doley said: ${quote}`)[0]).toMatchObject({ speaker: 'Pradip Doley', role: 'Local MLA' });
    expect(findQuotes(`Labour MP Jo Hale said: ${quote}`)[0]).toMatchObject({ speaker: 'Jo Hale', role: 'Labour MP' });
    // A title word with one name word after it is part of the name.
    expect(findQuotes(`${quote} said Martin Luther King Jr. in 1963.`)[0]?.speaker).toBe('Martin Luther King Jr.');
  });

  it('extracts roles from premodifiers, appositives and party labels', () => {
    const text = [
      '"The talks were useful for both of our countries," said Donna Brazile, the interim chairwoman of the Democratic National Committee.',
      'Sen. Rand Paul (R-Ky.) disagreed. "This is a bad deal for the American people," Paul said.',
    ].join('\n\n');
    expect(findQuotes(text).map((quote) => quote.role)).toEqual([
      'interim chairwoman of the Democratic National Committee',
      // `Sen.` belongs to how the name is written; the party label is what the text says of him,
      // printed after the name as news style writes it (`Sen. Rand Paul, R-Ky.`).
      'R-Ky.',
    ]);
  });
});

describe('resolving pronouns and descriptions', () => {
  it('reads a possessive `her` after a name as that person\'s gender, and not an object `her` or one in a phrase set off after the name', () => {
    // Neither first name is in the list of given names: only the text tells their genders.
    const possessive = [
      'Health Minister Colleen MacIsaac tabled the bill on Tuesday.',
      'Janelle Boudreau watched from the public gallery. In March, her 81-year-old father waited 74 minutes for an ambulance.',
      '"He kept apologizing to me for the trouble," she recalled.',
    ].join('\n\n');
    expect(findQuotes(possessive)[0]?.speaker).toBe('Janelle Boudreau');
    const object = [
      'Health Minister Colleen MacIsaac tabled the bill on Tuesday.',
      'Ashby Trent thanked her for the bill.',
      '"It took long enough," he said.',
    ].join('\n\n');
    expect(findQuotes(object)[0]?.speaker).toBe('Ashby Trent');
    const setOff = [
      'Gethin said she had not yet decided how to spend the prize.',
      'Her father, Emyr Gethin, a retired ferryman who sat at her table, said he had read the novel twice.',
      '"There are a few things in there I recognise," he said.',
    ].join('\n\n');
    expect(findQuotes(setOff)[0]?.speaker).toBe('Emyr Gethin');
  });

  it('takes a name set off with where the person is from for the subject of the verb after it (`Rep. Keisha Monroe of Louisville, waited until Ms. Whitlock …`)', () => {
    const text = [
      'Floor leader Sharon Whitlock said the bill had nothing to do with the governor.',
      'The House minority leader, Rep. Keisha Monroe of Louisville, waited until Ms. Whitlock had taken her seat before rising to respond.',
      '"Then why did it sit in a drawer for six years?" she said.',
    ].join('\n\n');
    expect(findQuotes(text)[0]?.speaker).toBe('Rep. Keisha Monroe');
  });

  it('takes `they` for one person when the quotation says `I`, and for a group otherwise', () => {
    const text = [
      'Jordan Makowsky, the rink\'s manager for six years, watched the vote on a phone.',
      '"I\'ve been running this place on duct tape and goodwill," they said.',
      'Council officials met on Thursday to count the cost.',
      '"The arena needs a new roof within two winters," they said.',
    ].join('\n\n');
    expect(findQuotes(text).map((quote) => quote.speaker)).toEqual(['Jordan Makowsky', null]);
  });

  it('gives a pronoun to a person described in a later sentence rather than to an older chain', () => {
    const text = [
      'Governor Tom Reyes toured the plant on Friday. He praised the workers.',
      'Paul Okafor, who runs the plant, stood beside the governor.',
      '"We doubled our output this year," he said.',
    ].join('\n\n');
    expect(findQuotes(text)[0]?.speaker).toBe('Paul Okafor');
  });

  it('gives a pronoun to the subject of a clause set against the first (`…, but Soderlund was optimistic`), and keeps the first subject otherwise', () => {
    const contrasted = (joined: string) => findQuotes(`Representative Delia Marchetti met Senator Annika Soderlund on Tuesday. ${joined}\n\n"We made real progress," she said.`)[0]?.speaker;
    expect(contrasted('Marchetti declined to comment, but Soderlund was optimistic.')).toBe('Annika Soderlund');
    expect(contrasted('Marchetti left after an hour, while Soderlund stayed to talk with reporters.')).toBe('Annika Soderlund');
    expect(contrasted('Marchetti was optimistic, and Soderlund agreed.')).toBe('Delia Marchetti');
    expect(contrasted('Marchetti was optimistic after Soderlund spoke.')).toBe('Delia Marchetti');
    expect(contrasted('Marchetti chaired the panel for a decade, yet Soderlund wrote most of its report.')).toBe('Annika Soderlund');
    // The contrast reaches past a role written before the name, not past a verb.
    expect(contrasted('Marchetti said little, but committee chairwoman Annika Soderlund was blunt.')).toBe('Annika Soderlund');
    expect(contrasted('Marchetti doubted the deal, but suggested Soderlund had worked hard for it.')).toBe('Delia Marchetti');
  });

  it('keeps a pronoun with the last speaker past a person named in the description of that speaker', () => {
    const continued = (description: string) => findQuotes(`The bridge closed in March.\n\n"It will be costly," said Tom Reyes, ${description}. "Nobody wants that," he said.`)[1]?.speaker;
    expect(continued('an aide to Governor Mark Hale')).toBe('Tom Reyes');
    expect(continued('a former director under President Paul Dunn who has known Mr. Hale for years')).toBe('Tom Reyes');
    // A new sentence with a subject of its own moves the story on.
    expect(findQuotes('The bridge closed in March.\n\n"It will be costly," said Tom Reyes. Governor Mark Hale disagreed. "Nobody wants that," he said.')[1]?.speaker).toBe('Mark Hale');
    // After a question, the one it was put to answers.
    expect(findQuotes('The bridge closed in March.\n\n"Will it be costly?" asked moderator Tom Conroy of Senator Mark Hale. "Nobody knows yet," he said.')[1]?.speaker).toBe('Mark Hale');
  });

  it('gives a pronoun to the subject of the main clause before one of a clause of time or concession opening the sentence', () => {
    const text = [
      'Brookfield lost 28-3 on Friday.',
      'Although coach Ray Dobbs said little after the game, quarterback Trent Lyle was blunt.',
      '"We got outplayed in every phase," he said.',
    ].join('\n\n');
    expect(findQuotes(text).map((quote) => [quote.speaker, quote.role])).toEqual([['Trent Lyle', 'quarterback']]);
  });

  it('keeps following the chain past a name inside the pronoun\'s own sentence', () => {
    const text = [
      'Finance minister Chen Wei spoke on Monday. Mr. Chen said the talks had gone well.',
      'But he suggested that Mr. Lowell had his eyes on voters at home.',
      '"They are under pressure," he said.',
    ].join('\n\n');
    expect(findQuotes(text)[0]?.speaker).toBe('Chen Wei');
  });

  it('tells two people apart by the gender of their given names', () => {
    const text = [
      'Angela Morris and Daniel Kim debated the school budget on Tuesday night.',
      '"We cannot balance this budget on the backs of teachers," she said.',
      '"Every district has to give a little this year," he said.',
    ].join('\n\n');
    expect(findQuotes(text).map((quote) => quote.speaker)).toEqual(['Angela Morris', 'Daniel Kim']);
  });

  it('does not take an object pronoun after a name for that name\'s gender', () => {
    const text = [
      'Maria Lopez ran the agency for six years.',
      'President Grant backed her up in an interview on Sunday.',
      '"I trust her judgment on this completely," he said.',
    ].join('\n\n');
    expect(findQuotes(text)[0]?.speaker).toBe('Grant');
  });

  it('takes the agent of a passive (`welcomed by Karen Osterhout`) for the one a later pronoun refers to', () => {
    const text = [
      '"We did not expect to lose a drone to a hawk," Maria Delgado-Pruitt said.',
      'The findings were welcomed by Karen Osterhout, who runs the hail desk in Pueblo. She said forecasters had long suspected it.',
      '"We see the damage reports come in from places the radar never flagged," she said.',
    ].join('\n\n');
    expect(findQuotes(text)[1]?.speaker).toBe('Karen Osterhout');
  });

  it('takes a given name alone with an age set off after it for a person, and joins it to the full name of its family written later', () => {
    const child = [
      'Principal Dana Reyes spoke first. The loudest applause went to a Grade 6 student, Theo, 11, who read a letter to the board.',
      '"I have been here since kindergarten and my sister too," the boy said.',
    ].join('\n\n');
    expect(findQuotes(child)[0]?.speaker).toBe('Theo');
    const son = [
      'The future of the company Rupert Murdoch built rests with his two sons, Lachlan, 44, and James, 43.',
      'James Murdoch has pushed for greener coverage for years.',
      '"Nobody should be surprised by where I stand on this," James said.',
    ].join('\n\n');
    expect(findQuotes(son)[0]?.speaker).toBe('James Murdoch');
  });

  it('does not take a person set off as one of an organization\'s people (`a hotel guest`, `a bank teller`) for the organization', () => {
    for (const appositive of ['a hotel guest', 'a bank teller', 'a hospital porter']) {
      const text = `Fire chief Sandra Lowery said the blaze started in the kitchen.\n\nKerensa Pellow, ${appositive}, was woken by the alarm.\n\n"The corridor was full of smoke," she said.`;
      expect(findQuotes(text)[0]?.speaker).toBe('Kerensa Pellow');
    }
  });

  it('keeps a given name alone apart from a full name of another family (`Fraser, 23,` and `Fraser Doig, the club chairman`)', () => {
    const text = 'Fraser, 23, scored on his debut for Carnmore.\n\nFraser Doig, the club chairman, said the striker had a bright future.\n\n'
      + '"I just want to keep scoring," Fraser said.';
    expect(findQuotes(text)[0]?.speaker).toBe('Fraser');
  });

  it('does not take a pronoun inside a quotation in single marks, or one running over paragraphs, for the gender of the name before it', () => {
    const single = "Kerensa Hollis, who lives opposite, heard the commotion at 2am.\n\nHollis said: 'He was banging on the door. He kept shouting my name.'";
    const running = 'Kerensa Hollis, who lives opposite, heard the commotion at 2am.\n\nHollis said: "He was banging on the door.\n\n"He kept shouting my name."';
    for (const opening of [single, running]) {
      const text = `${opening}\n\nDara Venn, a taxi driver, arrived minutes later. He called an ambulance.\n\n"I have never seen anything like it," she said.`;
      expect(findQuotes(text).at(-1)?.speaker).toBe('Kerensa Hollis');
    }
  });

  it('calls a knight by the title and given name (`Sir Geoffrey`) and prints the title with the name', () => {
    const text = 'Sir Geoffrey Palliser, the committee chair, opened the hearing.\n\n"We have questions," Sir Geoffrey said.';
    expect(findQuotes(text)[0]?.speaker).toBe('Sir Geoffrey Palliser');
  });

  it.each([
    ['a party member by the party (`the New Mexico Democrat`)', 'Rep. Alicia Moreno toured the dam with Gov. Ray Dunn.', 'the New Mexico Democrat', 'Rep. Alicia Moreno'],
    ['a member of an assembly by its initials (`the Labour TD`)', 'Labour TD Conor Hegarty spoke first. Mary Flood, an independent, disagreed.', 'the Labour TD', 'Conor Hegarty'],
    ['a member of a provincial parliament (`the NDP MPP`)', 'NDP MPP Nadine Roy raised it in the house. Health Minister Carol Dube replied.', 'the NDP MPP', 'Nadine Roy'],
  ])('takes %s', (_case, introduction, description, speaker) => {
    expect(findQuotes(`${introduction}\n\n"This belongs to the people downstream," ${description} said.`)[0]?.speaker).toBe(speaker);
  });

  it('keeps names that are also words of a party (`Rabbi Daniel Fein`, `Gael Moreau`)', () => {
    expect(findQuotes('Rabbi Daniel Fein led the vigil.\n\n"We stand together tonight," Fein said.')[0]?.speaker).toBe('Daniel Fein');
    expect(findQuotes('Gael Moreau, the French veteran, won in four sets.\n\n"I am not done yet," Moreau said.')[0]?.speaker).toBe('Gael Moreau');
  });

  it('gives each of two titled names joined by `and` only the role before it', () => {
    const text = 'Conservative MP Helen Archer and Labour MP Tom Pike clashed over the bill.\n\n"It is reckless," Archer said. "It is overdue," Pike said.';
    expect(findQuotes(text).map((quote) => quote.role)).toEqual(['Conservative MP', 'Labour MP']);
  });

  it('takes `his wife` for a woman of the family the text names when no one is called his wife', () => {
    const text = [
      'Declan Furlong, 58, pleaded guilty to 27 counts of theft from the community centre.',
      'Conor Devane SC, for Furlong, said his client had developed a gambling addiction. Devane also handed in a letter from Catherine Furlong.',
      '"The man who did this is not the man I married," his wife wrote.',
    ].join('\n\n');
    expect(findQuotes(text)[0]?.speaker).toBe('Catherine Furlong');
  });

  it('leaves `her husband` to no one when the woman it refers to has no husband in the text, not to another woman\'s', () => {
    const text = 'Nora Quill\'s husband, Tom Quill, was among the injured. Gail Ambrose, 64, was also hurt.\n\n"We were lucky," her husband said.';
    expect(findQuotes(text)[0]?.speaker).toBeNull();
  });

  it('does not take a party named in its own language (`Plaid Cymru`) for a person', () => {
    const text = 'Mererid Rowlands won the seat for Plaid Cymru on Thursday.\n\nThe result stunned Plaid Cymru officials in Cardiff.\n\n'
      + '"We knocked on every door twice," she said.';
    expect(findQuotes(text)[0]?.speaker).toBe('Mererid Rowlands');
  });

  it('takes a name set off after a role of someone\'s (`Fuller\'s star forward, Simone Adeyemi,`) for the subject, with all of the possessive name in the role', () => {
    const text = 'Tidewater coach Angela Fuller called a timeout.\n\n"We knew she could shoot," Fuller said.\n\n'
      + 'Fuller\'s star forward, Simone Adeyemi, finished with 24 points.\n\n"That is on me. I cannot foul there," she said.';
    expect(findQuotes(text).at(-1)).toMatchObject({ speaker: 'Simone Adeyemi', role: "Fuller's star forward" });
    const founder = 'Pershing Square\'s founder, William Ackman, lost heavily.\n\n"I was wrong about this one," he said.';
    expect(findQuotes(founder)[0]).toMatchObject({ speaker: 'William Ackman', role: "Pershing Square's founder" });
  });

  it('does not take a name the text sets off as a company for a person', () => {
    const text = [
      'The ferry is run by Hebrides Link, a company owned by the council.',
      'Catriona Bell runs the island\'s only hotel. Cllr Iain Rennie said he had asked Hebrides Link for a plan.',
      'The hotelier, for her part, said she would believe it when she saw the boat.',
      '"I have heard November before," she said.',
    ].join('\n\n');
    expect(findQuotes(text)[0]?.speaker).toBe('Catriona Bell');
  });

  it('does not take a pronoun inside the quotation after a name for that name\'s gender', () => {
    const text = [
      '"Our first priority is making sure every bus we run is safe," Delgado-Pratt wrote in a statement.',
      'Jenna Hollis said her first-grader could not stop talking about it.',
      '"He told me Tammy was like a superhero," she said.',
    ].join('\n\n');
    expect(findQuotes(text)[1]?.speaker).toBe('Jenna Hollis');
  });

  it('matches a description to the role the article gave, abbreviated or of the same gender', () => {
    const text = [
      'Rep. Mark Bell and Rep. Jane Ortiz toured the flooded streets with Sen. Laura Benton on Monday.',
      '"The state has to step in now," the senator said.',
      '"We will hold hearings on this next week," the congresswoman said.',
    ].join('\n\n');
    expect(findQuotes(text).map((quote) => quote.speaker)).toEqual(['Sen. Laura Benton', 'Rep. Jane Ortiz']);
  });

  it('reads the last person noun as the head of a long description', () => {
    const text = [
      'Jim Carter, a retired neurosurgeon, spoke to students in Detroit.',
      '"The economy has to work for everybody," the retired neurosurgeon told the crowd.',
    ].join('\n\n');
    expect(findQuotes(text)[0]?.speaker).toBe('Jim Carter');
  });

  it('gives the answer to the person asked', () => {
    const text = [
      'The reporter Sam Diaz asked Frank Miller whether his age was a fair question.',
      '"Sure it is, and I am thankful for my health," he said.',
    ].join('\n\n');
    expect(findQuotes(text)[0]?.speaker).toBe('Frank Miller');
  });

  it('gives the answer to the person asked, named after a description of them', () => {
    const text = "Councillor Joe Tierney asked the county's chief executive, Declan Moran, whether the figures had been audited. \"They were audited twice, by two separate firms,\" he said.";
    expect(findQuotes(text)[0]?.speaker).toBe('Declan Moran');
  });

  it('gives the words after a senator pressed someone to the senator, not to the one pressed', () => {
    const text = [
      'Sen. Delphine Okafor, an Oregon Democrat, pressed Ms. Bernadette Coyle on her years on the board of a grain cooperative.',
      '"Farmworkers in my state are getting sick, and they deserve to know who is making these decisions," she said.',
    ].join('\n\n');
    expect(findQuotes(text)[0]?.speaker).toBe('Sen. Delphine Okafor');
  });
});

describe('the seed article', () => {
  // A copy of /work/shared/seed/000_8043afc36564d80a.txt.
  const text = readFileSync(new URL('./fixtures/seed-fentanyl-talks.txt', import.meta.url), 'utf8');
  const notable = selectNotableQuotes(findQuotes(text));

  it('shows Kirby and Wang with their roles, and no partial quotes', () => {
    expect(notable).toHaveLength(2);
    const kirby = notable.find((quote) => quote.text.includes('The goal here is to create concrete, measurable actions'));
    const wang = notable.find((quote) => quote.text.includes('Our cooperation once again shows'));
    expect(kirby).toMatchObject({ speaker: 'John Kirby', role: 'US National Security Council spokesman' });
    expect(wang).toMatchObject({ speaker: 'Wang Xiaohong', role: 'Chinese Minister for Public Security' });
    expect(notable.some((quote) => /a good start|a lot more work/.test(quote.text))).toBe(false);
  });

  it('takes a name before an irregular past tense (`made`, `went`) for the subject, over a titled name later in the sentence', () => {
    const text = 'Retired Gen. Norman Ham spoke to a radio host on Monday.\n\n'
      + 'Ham made it clear he had misgivings about the forces under President Barack Obama at the time he retired.\n\n'
      + '"It was demoralizing," he told the host.';
    expect(findQuotes(text)[0]?.speaker).toBe('Norman Ham');
  });

  it('reads past a party label to the verb after a name', () => {
    const text = 'Rep. Hank Johnson (D-Ga.) said in 2008 that the willingness of voters to back Barack Obama threw old assumptions into doubt.\n\n'
      + '"It makes their eyes open wider," he said.';
    expect(findQuotes(text)[0]?.speaker).toBe('Rep. Hank Johnson');
  });

  it.each([
    ['"About 140 roles will be affected," said Velmont\'s finance director Ruben Castellanos.', 'Ruben Castellanos', "Velmont's finance director"],
    ['"It stings, but that is democracy," said Labour\'s Simon Kettering.', 'Simon Kettering', null],
    ['"This is simple," said Clinton campaign manager Robby Mook.', 'Robby Mook', 'Clinton campaign manager'],
    ['"Costs are up," said Kestrel Partners\' chief executive Dana Reiss.', 'Dana Reiss', 'chief executive'],
    ['"We lost the second half," said Ashford Rovers\' manager Pete Lyle.', 'Pete Lyle', 'manager'],
    ['"It ships in May," said Orchard\'s iPhone chief.', null, "Orchard's iPhone chief"],
    ['"He was framed," said James\' mother.', null, "James' mother"],
  ])('gives a quotation to the person named after a name qualifying their role or name (%s)', (text, speaker, role) => {
    expect(findQuotes(text)[0]).toMatchObject({ speaker, role });
  });

  it('takes no single word after a possessive name for a person (`From Bush\'s Facebook post:`)', () => {
    const text = 'Jeb Bush endorsed Ted Cruz on Wednesday. From Bush\'s Facebook post: "For the sake of our party and country, we must move on."';
    expect(findQuotes(text)[0]?.speaker).toBe('Jeb Bush');
  });

  it('gives the quotation to the name after a role with words before its noun (`Mr Ashworth-Kemp\'s climbing partner that day, Oliver Strand,`)', () => {
    const text = 'The coroner, Dr Ruth Abernethy, said the climber did everything right.\n\nMr Ashworth-Kemp\'s climbing partner that day, Oliver Strand, told the hearing: \'I heard a sort of crack, like a branch snapping.\'';
    expect(findQuotes(text)[0]?.speaker).toBe('Oliver Strand');
  });

  it("gives someone of the writer's (`my old headmistress`, `my father`) no one's name, and takes no place opening a sentence for a person", () => {
    const text = 'Neighbouring Ashby Vale kept its library open by sharing the building with a surgery.\n\nAs my old headmistress used to say: "A town that stops reading stops thinking."';
    expect(findQuotes(text)[0]?.speaker).toBeNull();
    const father = 'Donald Trump spoke in the town in 2016. "We live in Satan\'s kingdom," my father often said.';
    expect(findQuotes(father)[0]?.speaker).toBeNull();
  });

  it('reads a nickname between the words of a name as part of it, not as a quotation (`Eleanor "Nell" Ashdown`)', () => {
    const text = 'Tollbridge won thanks to captain Eleanor "Nell" Ashdown.\n\nAshdown admitted she had hidden in the dressing room. "I couldn\'t watch," she said.';
    expect(findQuotes(text)).toEqual([expect.objectContaining({ text: "I couldn't watch.", speaker: 'Eleanor Ashdown', role: 'captain' })]);
    const two = 'The cafe owner, Thomas ‘Big Tom’ Okafor, is retiring. "I will miss the regulars," Okafor said.';
    expect(findQuotes(two)[0]).toMatchObject({ speaker: 'Thomas Okafor', role: 'cafe owner' });
    for (const [name, speaker] of [['Anthony "A.J." Ferreira', 'Anthony Ferreira'], ['Robert "Bobby" O\'Neill', "Robert O'Neill"], ['Mary-Kate "Mo" Barlow', 'Mary-Kate Barlow']]) {
      expect(findQuotes(`${name}, the club captain, said: "We will win."`)[0]).toMatchObject({ speaker, role: 'club captain' });
    }
    // In a quotation, the nickname is printed as written; in a headline, a scare-quoted word is no nickname.
    expect(findQuotes('"They call me Thomas ‘Big Tom’ Okafor," said Thomas Okafor.')[0]?.text).toBe('They call me Thomas ‘Big Tom’ Okafor.');
  });

  it('reads a given name that is also a role before another given name as the role (`Marine John Tiegen`)', () => {
    const text = 'Former CIA operative and Marine John Tiegen found both issues disqualifying. Tiegen was also troubled by Moammar Gadhafi. "It puts lives in jeopardy," he said.';
    expect(findQuotes(text)[0]?.speaker).toBe('John Tiegen');
  });
});

describe('people a feature names by their given name alone', () => {
  const speakers = (text: string) => findQuotes(text).map((quote) => [quote.speaker, quote.role]);

  it('are people when the text says it keeps their surname out, or sets a noun for a person or a relative beside the name', () => {
    const text =
      'Janet Morrow, the board chair, opened the meeting.\n\n' +
      'Rukhsana, who asked that her surname not be published, has bought a house. "My children will not sleep in that house again," she said.\n\n' +
      'Her daughter, Elsie, is 11. "Our new house is on a hill," she said.';
    expect(speakers(text)).toEqual([['Rukhsana', null], ['Elsie', 'her daughter']]);
  });

  it('are known by a nickname written inside their full name', () => {
    const text = 'Redbridge striker Danny "Bulldog" Brennan scored the first goal.\n\n"Every summer my knees tell me to pack it in," said Bulldog.';
    expect(speakers(text)).toEqual([['Danny Brennan', 'Redbridge striker']]);
    const titled = 'Captain Eleanor "Nell" Ashdown led the crew home. Tom Reed, the mate, helped.\n\n"We had no charts," Nell said.';
    expect(speakers(titled)).toEqual([['Eleanor Ashdown', 'Captain']]);
  });
});

describe('an account according to a source', () => {
  it('does not give a description\'s quotation to the one the account is according to', () => {
    const text = 'According to Jane Orme, the manager told staff: "Shred everything before Friday."';
    expect(findQuotes(text).map((quote) => [quote.speaker, quote.role])).toEqual([[null, 'manager']]);
  });

  it('gives the quotation to the speaker the clause after it names with a cue of its own', () => {
    const text = 'Nathaniel Calloway ran the depot. According to court papers, Mr Calloway told staff: "Let the accountants worry about it."';
    expect(findQuotes(text)[0]?.speaker).toBe('Nathaniel Calloway');
  });
});

describe('a pronoun after a sentence whose subject answers with an irregular cue', () => {
  it('refers to that subject, not to a name in what they said (`shot back that Leon Hollis had …`)', () => {
    const text = 'Bernard Achebe-Lund, the mayor, shot back that Leon Hollis had approved the timetable. "He signed it," he said.';
    expect(findQuotes(text)[0]?.speaker).toBe('Bernard Achebe-Lund');
  });
});

describe('a nickname shared by a relative named in their own right', () => {
  it('is the relative where the text sets the name off after the word for them', () => {
    const text = 'Edward "Ted" Morley ran the forge for forty years. His son, Ted, took it over in 2019.\n\n"Dad was a legend in this town," Ted said.';
    expect(findQuotes(text).map((quote) => [quote.speaker, quote.role])).toEqual([['Ted', 'his son']]);
  });
});
