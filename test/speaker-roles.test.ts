import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/summarize/quotes/quotes.js';

// The role printed beside a speaker is what the text says the person is, in its fullest words.
describe('speaker roles', () => {
  const text = readFileSync(new URL('./fixtures/speaker-roles.txt', import.meta.url), 'utf8');
  const quotes = findQuotes(text);

  it('takes a role met again with more said of it in its fuller words', () => {
    expect(quotes[0]).toMatchObject({ speaker: 'Claire Roux', role: 'owner of Maison Roux' });
  });

  it('knows the trades and services of local news as roles', () => {
    expect(quotes[1]).toMatchObject({ speaker: 'Nadia Brennan', role: 'software tester' });
  });

  it('does not give a name after a relative clause the role the clause hangs on', () => {
    // The second `Pike` is the firm the clause speaks of; the person is the organizer.
    expect(quotes[2]).toMatchObject({ speaker: 'Owen Pike', role: 'longtime organizer for the market' });
  });

  it.each([
    ['Ohio Sen. Curtis Bramwell', 'Sen. Curtis Bramwell', 'Ohio Senator'],
    ['former Colorado Gov. Daniel Okafor', 'Daniel Okafor', 'former Colorado Governor'],
  ])('reads a place before an abbreviated title as the office\'s, with the title (%s)', (name, speaker, role) => {
    const quotes = findQuotes(`"We are not done," said ${name}.`);
    expect(quotes[0]).toMatchObject({ speaker, role });
  });

  it('reads no title alone as a role, nor a place before a title opening a sentence as a name (`Former Texas Gov.`), and writes `former` as news style does', () => {
    const text = 'As Rep. Alan Grayson spoke, the hall emptied.\n\nFormer Texas Gov. Rick Perry said: "It is a long night."';
    expect(findQuotes(text)[0]).toMatchObject({ speaker: 'Rick Perry', role: 'former Texas Governor' });
    expect(findQuotes(`${text}\n\n"I am here," said Rep. Alan Grayson.`)[1]?.role).toBeNull();
  });

  it('reads acting, interim, outgoing and retired before a title as the office\'s, not the name\'s', () => {
    const text = [
      'Acting Chief Dana Morrow, a 22-year veteran, will lead the department until a permanent chief is chosen.',
      '"Every timesheet will be checked," Acting Chief Morrow said.',
      'Retired Sgt. Jordan Whitley said the problem was old. "It was always like this," he said.',
      'Outgoing Police Commissioner Tomasz Bielski said he would testify. "I will answer every question," he said.',
    ].join('\n\n');
    expect(findQuotes(text).map((quote) => [quote.speaker, quote.role])).toEqual([
      ['Dana Morrow', 'acting Chief'],
      ['Jordan Whitley', 'retired Sergeant'],
      ['Tomasz Bielski', 'outgoing Police Commissioner'],
    ]);
  });

  it('reads a master of a trade for a role (`the harbour master`)', () => {
    const quotes = findQuotes('"The pier will cut the crossing by twenty minutes," said Anna Berg, the harbour master.');
    expect(quotes[0]).toMatchObject({ speaker: 'Anna Berg', role: 'harbour master' });
  });

  it('reads an office of business or sport written before a name as the role, not as part of the name', () => {
    const quotes = findQuotes('"Our customers are telling us what they want," said Chief Executive Dorinda Kasprzak.');
    expect(quotes[0]).toMatchObject({ speaker: 'Dorinda Kasprzak', role: 'Chief Executive' });
  });

  it('reads a role set off before the name after `Another`, and prints it without the word', () => {
    const text = [
      'Sister Nomvula Zondi, a theatre nurse for 26 years, said surgery had been cancelled.',
      'Another nurse, Sister Thandeka Mkhize, who works in the paediatric ward, said staff were sharing supplies.',
      '"I walked to maternity to borrow nappies for a baby," the paediatric nurse said.',
    ].join('\n\n');
    expect(findQuotes(text)[0]).toMatchObject({ speaker: 'Sister Thandeka Mkhize', role: 'nurse' });
  });

  it('reads a role set off before a name that is followed by where the person is from (`the House minority leader, Marisol Quintero of New Mexico,`)', () => {
    const text = [
      'House Speaker Leland Voss, an Indiana Republican, said the bill would pass.',
      'That gives the House minority leader, Marisol Quintero of New Mexico, unusual leverage.',
      '"If the speaker wants our votes, he knows the price," the minority leader said.',
    ].join('\n\n');
    expect(findQuotes(text)[0]).toMatchObject({ speaker: 'Marisol Quintero', role: 'House minority leader' });
  });

  it('reads a role set off after where the person is from, and takes what a name is of for a place (`Rep. Delfina Saucedo of El Paso, the ranking Democrat,`)', () => {
    const text = [
      'Rep. Wade Pruett, the Lubbock Republican who chairs the committee, said the bill would pass.',
      "Rep. Delfina Saucedo of El Paso, the committee's ranking Democrat, said she did not oppose more officers.",
      '"A deputy costs four times that," the El Paso Democrat said.',
    ].join('\n\n');
    expect(findQuotes(text)[0]).toMatchObject({ speaker: 'Rep. Delfina Saucedo', role: "the committee's ranking Democrat" });
  });

  it('ends an appositive its writer did not close with a comma at the verb (`Marina Pacheco, chief executive of the Mammal Society told CNN`)', () => {
    const text = 'Marina Pacheco, chief executive of the Mammal Society told CNN the image looked genuine. "Weasels will go for anything that looks like food," Pacheco said.';
    expect(findQuotes(text)[0]).toMatchObject({ speaker: 'Marina Pacheco', role: 'chief executive of the Mammal Society' });
  });

  it("does not give a president the role of someone who worked for him (`a former agent for President Bill Clinton`)", () => {
    const text = 'Gary Byrne, a former Secret Service agent for President Bill Clinton, has written a book. "I was there," Byrne said. "He was not," Clinton said.';
    const quotes = findQuotes(text);
    expect(quotes[0]).toMatchObject({ speaker: 'Gary Byrne', role: 'former Secret Service agent for President Bill Clinton' });
    expect(quotes[1]).toMatchObject({ speaker: 'Bill Clinton', role: 'President' });
  });

  it('reads a role set off before a name after a preposition whose object is no role (`a statement from the club\'s chairman, Liam O\'Driscoll,`)', () => {
    const text = [
      "Prosecuting counsel Brian Cotter read a victim impact statement from the club's chairman, Liam O'Driscoll, to the court.",
      '"The club will survive this, because of the people in it," the chairman wrote.',
    ].join('\n\n');
    expect(findQuotes(text)[0]).toMatchObject({ speaker: "Liam O'Driscoll", role: "the club's chairman" });
  });

  it('reads the role a sentence opens on for the name a copula gives it (`That coach is Busisiwe Khoza`)', () => {
    const text = [
      '"Then my coach started screaming and I knew it was real," Lerato Mahlangu said.',
      'That coach is Busisiwe Khoza. The group has no starting blocks of its own.',
      '"We have a field, a stopwatch and a lot of stubborn children," the coach said.',
    ].join('\n\n');
    expect(findQuotes(text)[1]).toMatchObject({ speaker: 'Busisiwe Khoza', role: 'coach' });
  });

  it('shows a role the text gave with `its` without it: the organization is named in another sentence', () => {
    const text = 'The consumer group FlyFair said the case showed the need for a legal limit. Its director, Jasmine Kowalski-Reyes, said: "In Britain there is no such rule."';
    expect(findQuotes(text)[0]).toMatchObject({ speaker: 'Jasmine Kowalski-Reyes', role: 'director' });
    // A person's relative keeps whose: `her son` is not anyone's son.
    const family = 'Alma Ruiz opened the bakery in 1971. Her son, Mateo Ruiz, runs it now. "She still comes in every morning," he said.';
    expect(findQuotes(family)[0]).toMatchObject({ speaker: 'Mateo Ruiz', role: 'her son' });
  });

  it('does not take a company or a team for a person a pronoun can refer to', () => {
    const text = 'Helen Ashgrove joined the grocer in May. Shares in Pellham Foods fell on Tuesday.\n\n"We will be back in the range we promised," she said.';
    expect(findQuotes(text)[0]?.speaker).toBe('Helen Ashgrove');
  });

  it('reads every word of an organization a role set off before the name belongs to, with its article', () => {
    const text = 'The Wren Rivers Trust\'s science officer, Léa Dubois-Marchand, was more cautious. "The results are good," she said.';
    expect(findQuotes(text)[0]).toMatchObject({ speaker: 'Léa Dubois-Marchand', role: "the Wren Rivers Trust's science officer" });
    const midSentence = 'On Monday the Senate\'s leading Democrat on water, Sen. Lucía Baca, said: "The votes are there."';
    expect(findQuotes(midSentence)[0]).toMatchObject({ speaker: 'Sen. Lucía Baca', role: "the Senate's leading Democrat on water" });
    // The word opening the sentence is no part of the organization's name.
    const opening = 'After Pershing Square\'s founder, William Ackman, sold his stake, the shares fell. "I was wrong," he said.';
    expect(findQuotes(opening)[0]).toMatchObject({ speaker: 'William Ackman', role: "Pershing Square's founder" });
  });

  it('reads a role set off after a parenthesis after the name (`Cllr Martin Holloway (Conservative), leader of the opposition,`)', () => {
    const text = 'But Cllr Martin Holloway (Conservative), leader of the opposition, said the council had not listened. "We are experimenting with people\'s livelihoods," he said.';
    expect(findQuotes(text)[0]).toMatchObject({ speaker: 'Cllr Martin Holloway', role: 'leader of the opposition' });
    const label = '"This is a good day for the court," said Sen. Colin Merriwether (D-Del.), chairman of the Judiciary Committee.';
    expect(findQuotes(label)[0]).toMatchObject({ speaker: 'Sen. Colin Merriwether', role: 'chairman of the Judiciary Committee (D-Del.)' });
  });

  it('takes no list of other people after a parenthesis for a role (`Sen. Marco Rubio (R-Fla.), Donald Trump and Senator Ted Cruz`)', () => {
    const text = 'On stage were Sen. Marco Rubio (R-Fla.), Donald Trump and Senator Ted Cruz. "Let us be clear about this," Rubio said.';
    expect(findQuotes(text)[0]).toMatchObject({ speaker: 'Sen. Marco Rubio', role: 'R-Fla.' });
    const family = 'Martin Holloway (pictured), his wife Ana and their two sons moved in last year. "We love it here," Holloway said.';
    expect(findQuotes(family)[0]).toMatchObject({ speaker: 'Martin Holloway', role: null });
  });

  it('reads a party label set off by commas as news agencies write it (`Sen. Ruth Okafor, D-Minn., said`), and never as a name', () => {
    const alone = '"This bill is a disaster for farmers," Sen. Ruth Okafor, D-Minn., said on Tuesday.';
    expect(findQuotes(alone)[0]).toMatchObject({ speaker: 'Sen. Ruth Okafor', role: 'D-Minn.' });
    const withRole = '"We will see what the committee does," said Rep. Dana Holt, R-Texas, the committee chairwoman.';
    expect(findQuotes(withRole)[0]).toMatchObject({ speaker: 'Rep. Dana Holt', role: 'committee chairwoman (R-Texas)' });
    // After a lowercase word opening the subject, the label set off after the name was read as the speaker.
    const former = '"I am not going anywhere," former Gov. Martin Vance, D-Texas, said.';
    expect(findQuotes(former)[0]).toMatchObject({ speaker: 'Martin Vance', role: 'former Governor (D-Texas)' });
    // The label's words say which of two senators `the Iowa Republican` is.
    const two = 'Sen. Ruth Okafor, D-Minn., and Sen. Greg Tallis, R-Iowa, clashed on Tuesday. "This is responsible," the Iowa Republican said.';
    expect(findQuotes(two)[0]).toMatchObject({ speaker: 'Sen. Greg Tallis', role: 'R-Iowa' });
  });

  it('reads the lowercase word that says which office an abbreviated title is (`state Sen.`), with the appositive after the name', () => {
    expect(findQuotes('"We need the money," state Sen. Lena Park said.')[0]).toMatchObject({ speaker: 'Sen. Lena Park', role: 'state Senator' });
    expect(findQuotes('"We need the money," said state Sen. Gloria Pettibone, a Cincinnati Democrat.')[0]).toMatchObject({ role: 'state Senator, Cincinnati Democrat' });
    expect(findQuotes('"We will sign it," said acting Gov. Ray Dunn.')[0]).toMatchObject({ speaker: 'Gov. Ray Dunn', role: 'acting Governor' });
  });

  it("knows a laureate as a role (`The children's laureate, Yusuf Haddad,`)", () => {
    const text = 'The children\'s laureate, Yusuf Haddad, called her a writer for every child. He said: "Every child who ever stood on a cliff felt brave."';
    expect(findQuotes(text)[0]).toMatchObject({ speaker: 'Yusuf Haddad', role: "the children's laureate" });
  });

  it.each([
    ['Sofia Lindahl of Brennan Capital noted that margins had narrowed.', 'Sofia Lindahl', 'Brennan Capital'],
    ['Marcus Delgado of the Democratic Congressional Campaign Committee said the seat was in play.', 'Marcus Delgado', 'Democratic Congressional Campaign Committee'],
    ['Julie Pace of The Associated Press said the race was close.', 'Julie Pace', 'The Associated Press'],
    ['Curtis Obi of Larch & Finney asked about the dividend.', 'Curtis Obi', 'Larch & Finney'],
    ['Prof Mette Kragh-Andersen of the Jutland Institute of Oncology, who led the trial, was pleased.', 'Prof Mette Kragh-Andersen', 'Jutland Institute of Oncology'],
    ['Harriet Mbeki, who manages a food and beverage fund at Castlegate Investors, was unmoved.', 'Harriet Mbeki', 'Castlegate Investors'],
    ['Jared Sexton, who teaches at Georgia Southern University, disagreed.', 'Jared Sexton', 'Georgia Southern University'],
  ])('prints the organization a person is said to be of, or to work at, as the role when the text gives none (%s)', (sentence, speaker, role) => {
    const surname = speaker.split(' ').at(-1);
    expect(findQuotes(`${sentence} "Growth is great, but they are buying it," ${surname} said.`)[0]).toMatchObject({ speaker, role });
  });

  it.each([
    ['Bernie Sanders of Vermont took the stage this week.', 'Bernie Sanders'],
    ['Robert Antonacci of the New York delegation shrugged.', 'Robert Antonacci'],
    ['Stacey Plaskett of the Virgin Islands spoke first.', 'Stacey Plaskett'],
    ['PC Sadie Norbury, of the county\'s rural crime team, was there.', 'PC Sadie Norbury'],
    ['Insp Kieran Walsh, of Castlebridge Police\'s economic crime unit, was there.', 'Insp Kieran Walsh'],
    ['Sofia Lindahl of the Bronx was there.', 'Sofia Lindahl'],
    ['Sofia Lindahl of the Isle of Wight was there.', 'Sofia Lindahl'],
    ['Sofia Lindahl of the West Bank was there.', 'Sofia Lindahl'],
    ['Sofia Lindahl of the MV Kestrel Dawn was there.', 'Sofia Lindahl'],
    ['Feyisa Lilesa, who won the silver medal at the Olympics, was there.', 'Feyisa Lilesa'],
  ])('takes no place, and no phrase a name only qualifies, for an organization (%s)', (sentence, speaker) => {
    const quote = findQuotes(`${sentence} "We will not give up," ${speaker.split(' ').at(-1)} said.`)[0];
    expect(quote?.speaker).toBe(speaker);
    expect(quote?.role).toBeNull();
  });

  it('gives a description naming an organization the one of it (`the Coastline analyst` is Anand Subramaniam of Coastline Securities)', () => {
    const text = [
      'Kavita Raghunathan, an analyst at Meridian Equities, said the results were fine.',
      'Anand Subramaniam of Coastline Securities downgraded the stock to hold. "The governance discount just got bigger," the Coastline analyst said.',
    ].join('\n\n');
    expect(findQuotes(text)[0]).toMatchObject({ speaker: 'Anand Subramaniam', role: 'Coastline Securities' });
  });

  it('reads the word opening a clause of time or concession before a role as no part of it (`Although coach Ray Dobbs`)', () => {
    const text = 'Although coach Ray Dobbs said little, While Republican nominee Dana Holt spoke for an hour. "We lost the fight up front," Dobbs said. "It is a great day," Holt said.';
    expect(findQuotes(text).map((quote) => [quote.speaker, quote.role])).toEqual([['Ray Dobbs', 'coach'], ['Dana Holt', 'Republican nominee']]);
  });

  it.each([
    ['Meanwhile striker Jamal Osei was happy. "I just hit it," Osei said.', 'Jamal Osei', 'striker'],
    ['Later Senator Dana Holt spoke. "We will win," Holt said.', 'Dana Holt', 'Senator'],
    ['Yesterday coach Ray Dobbs spoke. "We will win," Dobbs said.', 'Ray Dobbs', 'coach'],
    ['"It was fun," Today show host Matt Lauer said.', 'Matt Lauer', 'Today show host'],
  ])('reads an adverb opening the sentence without a comma as no part of the role, a programme\'s name as part of it: %s', (text, speaker, role) => {
    expect(findQuotes(text)[0]).toMatchObject({ speaker, role });
  });

  it('reads a style of address before a title as no part of the role (`Her Honour Judge Fenella Marsh`)', () => {
    const text = '"Your verdict must rest on the evidence you hear in this courtroom," Her Honour Judge Fenella Marsh told jurors.';
    expect(findQuotes(text)[0]).toMatchObject({ speaker: 'Fenella Marsh', role: 'Judge' });
  });

  it.each([
    ['Rovers equalised through substitute Jamal Osei.', 'Jamal Osei', 'substitute'],
    ['The runs came from opener Priya Nair.', 'Priya Nair', 'opener'],
    ['It was cleared off the line by left-back Tom Reece.', 'Tom Reece', 'left-back'],
  ])('knows the positions of football and cricket as roles (%s)', (sentence, speaker, role) => {
    expect(findQuotes(`${sentence} "I just hit it," ${speaker.split(' ')[1]} said.`)[0]).toMatchObject({ speaker, role });
  });

  it('shows the description of a speaker the text does not name as the role, with no name (`the fire chief said`)', () => {
    expect(findQuotes('"At that point the wind made the decision for us," the fire chief said.')[0]).toMatchObject({ speaker: null, role: 'fire chief' });
    const company = 'The landlord, Westgate Estates, says it has no plans to raise the rent. A spokesman for the company said: "We value long-standing tenants."';
    expect(findQuotes(company)[0]).toMatchObject({ speaker: null, role: 'spokesman for the company' });
    // Not a clause read past the description, nor a body's name.
    expect(findQuotes('"Not now," a German user from Hanover going by the name said.')[0]?.role ?? '').not.toMatch(/going by/);
    expect(findQuotes('"We are ready," the Australian Red Cross said.')[0]).toMatchObject({ speaker: null, role: null });
  });
});

describe('roles of crafts, trades and work between languages', () => {
  it('are read after the name like any other occupation', () => {
    const roles = (text: string) => findQuotes(text).map((quote) => quote.role);
    expect(roles('"The sound used to be the whole valley," said Agnes Pell, a weaver.')).toEqual(['weaver']);
    expect(roles('Sofia Lindqvist, the interpreter, said the talks were hard. "There is no exact word for riparian," Lindqvist said.')).toEqual(['interpreter']);
    expect(roles('"It is the best phone this year," said Marcus Oyelowo, a reviewer.')).toEqual(['reviewer']);
    // Kinds of teacher and worker, and makers of things.
    expect(roles('"We need the money," said Carla Munoz, a retired schoolteacher from Toledo.')).toEqual(['retired schoolteacher from Toledo']);
    expect(roles('"We need the money," said Lena Park, a steelworker from Gary.')).toEqual(['steelworker from Gary']);
    expect(roles('"We need the money," said Lena Park, a homemaker in Dayton.')).toEqual(['homemaker in Dayton']);
  });
});

describe('a role that is of a title in quote marks', () => {
  const roles = (text: string) => findQuotes(text).map((quote) => quote.role);

  it('ends on the title, its marks as written and the sentence\'s comma or period left out', () => {
    expect(roles('"Look, I am happy for her," said Dov Pereira-Stone, the producer of "Glass Harbour."')).toEqual(['producer of "Glass Harbour"']);
    expect(roles("''It was a mistake,'' said Jon Meacham, the author of ''Destiny and Power,'' a biography.")).toEqual(["author of ''Destiny and Power''"]);
    // After the kind of work, and with a question mark the title has.
    expect(roles('"We had no money," said Lena Brook, producer of the documentary "Salt: A Love Story."')).toEqual(['producer of the documentary "Salt: A Love Story"']);
    expect(roles('"Nobody expected it," said Ida Marr, the director of "Who Killed Ada Frost?"')).toEqual(['director of "Who Killed Ada Frost?"']);
  });

  it('never ends on the word that led to something it did not read', () => {
    // A line break ends the phrase (`professor of` / `history`): the role is what was read whole.
    expect(roles('"It was a mistake," said Ann Lee, a professor of\nhistory at Kilbride.')).toEqual(['professor']);
  });
});

describe('a role the text gives in a clause after the name or in a sentence of its own', () => {
  const roles = (text: string) => findQuotes(text).map((quote) => quote.role);

  it('reads `who is …` and the head of a body a relative clause says the person runs', () => {
    expect(roles('Rhiannon Castell, who is the chief executive of OpenWire, welcomed it. "Offline by default is good," Castell said.')).toEqual(['chief executive of OpenWire']);
    expect(roles('"The sound used to be the whole valley," said Agnes Pell, who runs the Brindle Fleece Cooperative.')).toEqual(['head of the Brindle Fleece Cooperative']);
    expect(roles('Rhiannon Castell, who heads the digital rights group OpenWire, welcomed it. "Offline by default is good," Castell said.')).toEqual(['head of the digital rights group OpenWire']);
  });

  it('reads the office a sentence opening on the name says the person holds', () => {
    expect(roles('Katarzyna Dunmore is general secretary of the rail union. "Nobody wants to strike," Dunmore said.')).toEqual(['general secretary of the rail union']);
  });

  it('takes no judgement, ranking or long description after `is` for an office', () => {
    for (const sentence of ['Ana Ruiz is a stiff campaigner.', 'Ana Ruiz is one of six incumbents running in states the president won.', 'Ana Ruiz is the only sitting governor running for the Senate this year.']) {
      expect(roles(`${sentence} "We will see," Ruiz said.`), sentence).toEqual([null]);
    }
  });

  it('ends at a dash set off by spaces, not at a hyphen inside a word', () => {
    expect(roles('"It worked," said Paul Reyes, co-founder of two consulting firms - Reyes Partners and Lake Hill.')).toEqual(['co-founder of two consulting firms']);
    expect(roles('"It worked," said Joe Hale, a D.C.-based talk radio host.')).toEqual(['D.C.-based talk radio host']);
  });
});

describe('a role set off before the name, with the body the name is of after it', () => {
  const roles = (text: string) => findQuotes(text).map((quote) => quote.role);

  it('gives what the person is and where, not the body alone', () => {
    expect(roles('A pollster, Yvette Marchetti of the University of Harwick, said the miss was normal. "City elections are hard to poll," Marchetti said.'))
      .toEqual(['pollster, University of Harwick']);
  });

  it('reads past the place the body is in (`of the Harwick Heart Institute in Tolbury`)', () => {
    expect(roles('A nurse, Ama Boateng of the Harwick Heart Institute in Tolbury, said the ward was full. "We had no beds," Boateng said.')).toEqual(['nurse, Harwick Heart Institute']);
  });

  it('leaves out which one of several the text has come to (`A third analyst`)', () => {
    expect(roles('A third analyst, Helena Strom of Baltic Nord Bank, raised her target. "The hub is the story," Ms. Strom said.')).toEqual(['analyst, Baltic Nord Bank']);
  });
});

describe('roles from features and court reports (a second outside tester)', () => {
  const roles = (text: string) => findQuotes(text).map((quote) => quote.role);

  it('reads the head of a body the text names only by its kind', () => {
    expect(roles('"It has to stop," said Gerald Tregothnan, who chairs the harbour users\' association.')).toEqual(["chair of the harbour users' association"]);
  });

  it('reads a role set off before a name past the firm the name is of', () => {
    const text = 'The lead attorney for the plaintiffs, Raymond Achebe-Lund of the firm Lund & Castellanos, said the case was strong. "We will win," Achebe-Lund said.';
    expect(roles(text)).toEqual(['lead attorney for the plaintiffs']);
  });

  it('ends before a participle that led to a name in quote marks (`a striker known as "Toto"`)', () => {
    expect(roles('"We won," said Tomas Ferreira, a striker known as "Toto," after the game.')).toEqual(['striker']);
  });
});

describe('a phrase after a name inside an opening phrase', () => {
  it('is the subject of the sentence, not an appositive, when it runs into its verb unclosed', () => {
    const text = 'Foreign Minister Aiko Tanabe met reporters on Thursday. Speaking through interpreter Sofia Lindqvist, the minister said: "Today we chose the river over the rifle."';
    expect(findQuotes(text).map((quote) => [quote.speaker, quote.role])).toEqual([['Aiko Tanabe', 'Foreign Minister']]);
  });

  it('is still the role of a name opening the sentence that the writer left unclosed', () => {
    const text = 'Sam Lau, the communications director for the state party said in a statement: "There are no paper ballots to recount."';
    expect(findQuotes(text)[0]?.role).toBe('communications director for the state party');
  });
});

describe('what a clause does not make a role', () => {
  const roles = (text: string) => findQuotes(text).map((quote) => quote.role);

  it('is no head of a name that only says whose thing is run (`the Harwick Food Bank\'s Christmas appeal`)', () => {
    expect(roles('"We need volunteers," said Hannah Pelt, who runs the Harwick Food Bank\'s Christmas appeal.')).toEqual([null]);
  });

  it('is no office after `is` in a figure of speech', () => {
    expect(roles('Katarzyna Dunmore is head and shoulders above the other candidates. "We will win," Dunmore said.')).toEqual([null]);
  });
});
