/**
 * Whether a lowercase noun names a kind of person (`coach`, `limnologist`, `spokeswoman`): the
 * words a role or a description of a speaker rests on, in any field news covers.
 */
import { ROLE_NOUNS } from '../text/lexicon.js';

// Occupations, offices and standings beyond the attribution lexicon's roles, by field: sport,
// science and medicine, law and order, trade and work, faith, learning, the arts, public life.
const OCCUPATIONS = new Set([
  'coach', 'player', 'captain', 'goalkeeper', 'striker', 'pitcher', 'quarterback', 'athlete',
  'referee', 'umpire', 'trainer', 'manager', 'midfielder', 'defender', 'runner',
  'swimmer', 'skier', 'cyclist', 'rider', 'jockey', 'champion', 'rookie', 'teammate', 'skipper',
  'doctor', 'physician', 'surgeon', 'neurosurgeon', 'nurse', 'paramedic', 'pharmacist', 'dentist',
  'veterinarian', 'vet', 'midwife', 'therapist', 'psychiatrist', 'psychologist', 'epidemiologist',
  'scientist', 'researcher', 'engineer', 'technician', 'physicist', 'chemist', 'biologist',
  'geologist', 'astronomer', 'mathematician', 'statistician', 'inventor', 'curator', 'archivist',
  'lawyer', 'attorney', 'judge', 'justice', 'prosecutor', 'defendant', 'plaintiff', 'witness',
  'juror', 'clerk', 'magistrate', 'counsel', 'solicitor', 'barrister', 'paralegal', 'detective',
  'officer', 'sheriff', 'deputy', 'trooper', 'constable', 'inspector', 'investigator', 'warden',
  'guard', 'firefighter', 'ranger', 'lifeguard', 'dispatcher', 'soldier', 'marine', 'sailor',
  'pilot', 'commander', 'sergeant', 'lieutenant', 'colonel', 'corporal',
  'farmer', 'rancher', 'fisherman', 'grower', 'baker', 'chef', 'cook', 'brewer', 'winemaker',
  'butcher', 'grocer', 'shopkeeper', 'stallholder', 'sommelier', 'apprentice', 'merchant', 'vendor', 'trader', 'dealer', 'broker', 'buyer', 'seller',
  'banker', 'accountant', 'auditor', 'investor', 'financier', 'entrepreneur', 'tycoon',
  'developer', 'contractor', 'builder', 'architect', 'designer', 'planner', 'landlord', 'tenant',
  'driver', 'mechanic', 'electrician', 'plumber', 'carpenter', 'welder', 'miner', 'logger',
  'machinist', 'operator', 'supervisor', 'foreman', 'administrator', 'coordinator', 'director',
  'president', 'chief', 'boss', 'owner', 'proprietor', 'partner', 'cofounder', 'co-founder',
  'founder', 'chairman', 'chairwoman', 'treasurer', 'secretary', 'receptionist', 'assistant',
  'intern', 'volunteer', 'consultant', 'specialist', 'adviser', 'advisor', 'mentor', 'fellow',
  'priest', 'pastor', 'minister', 'rabbi', 'imam', 'bishop', 'cleric', 'nun', 'monk', 'chaplain',
  'teacher', 'professor', 'lecturer', 'principal', 'headteacher', 'headmaster', 'headmistress',
  'dean', 'provost', 'rector', 'bursar', 'tutor', 'librarian', 'scholar', 'student', 'pupil', 'graduate', 'grad', 'alumnus',
  'sophomore', 'freshman', 'donor',
  'actor', 'actress', 'singer', 'musician', 'composer', 'conductor', 'dancer', 'painter',
  'sculptor', 'photographer', 'filmmaker', 'producer', 'playwright', 'novelist',
  'poet', 'comedian', 'rapper', 'celebrity', 'artist', 'publisher', 'translator', 'laureate',
  'diplomat', 'envoy', 'negotiator', 'ambassador', 'consul', 'dictator', 'monarch', 'governor',
  'mayor', 'councillor', 'councilor', 'alderman', 'legislator', 'lawmaker', 'regulator',
  'commissioner', 'superintendent', 'ombudsman', 'registrar', 'coroner',
  'nominee', 'candidate', 'leader', 'senator', 'representative', 'delegate', 'elector', 'sponsor', 'corporator',
  'lobbyist', 'advocate', 'campaigner', 'activist', 'organiser', 'mediator',
  'resident', 'neighbor', 'neighbour', 'homeowner', 'landowner', 'passenger', 'commuter',
  'customer', 'client', 'patient', 'victim', 'survivor', 'suspect', 'inmate', 'prisoner',
  'immigrant', 'refugee', 'migrant', 'native', 'citizen', 'retiree', 'pensioner', 'parent',
  'girl', 'boy', 'lady', 'gentleman', 'guy', 'grandmother', 'grandfather', 'widow', 'widower',
  'uncle', 'aunt', 'nephew', 'niece', 'cousin', 'sister', 'brother', 'friend', 'colleague',
  'grandson', 'granddaughter', 'grandchild', 'stepson', 'stepdaughter', 'stepfather', 'stepmother',
  'twin', 'fiance', 'fiancé', 'fiancee', 'fiancée', 'dad', 'mum', 'mom', 'runner-up', 'reeve',
  'gran', 'granny', 'nan', 'grandad', 'grandpa', 'grandma', 'binman', 'postman', 'postwoman', 'milkman',
  'moderator', 'spokesperson',
  // What a story makes of someone (`the newcomer`, `the petitioner`, `the whistleblower`).
  'newcomer', 'latecomer', 'novice', 'debutant', 'underdog', 'outsider', 'winner', 'loser',
  'victor', 'titleholder', 'entrant', 'whistleblower', 'whistle-blower', 'petitioner', 'appellant', 'respondent',
  'claimant', 'complainant', 'applicant', 'litigant', 'mourner', 'viewer', 'listener', 'demonstrator', 'fan',
  'dissenter', 'dissident', 'holdout', 'objector', 'skeptic', 'sceptic',
  // One a thing is done to or for, in `-ee` (`the franchisee`, `the appointee`, `the detainee`).
  'franchisee', 'appointee', 'detainee', 'evacuee', 'attendee', 'licensee', 'interviewee', 'escapee',
  'returnee', 'honoree', 'awardee', 'divorcee', 'inductee', 'internee', 'amputee', 'deportee', 'designee',
  'centre-half', 'center-half', 'wicketkeeper', 'all-rounder', 'batter',
  // Crafts, trades and pastimes (`Agnes Pell, a weaver`), and who works between languages or judges work.
  'interpreter', 'reviewer', 'weaver', 'tailor', 'potter', 'glassblower', 'luthier', 'cheesemaker', 'forager',
  'influencer', 'landscaper', 'decorator', 'upholsterer', 'dressmaker', 'knitter', 'quilter', 'embroiderer',
  'printmaker', 'choirmaster', 'puppeteer', 'storyteller', 'forecaster', 'dietitian', 'mountaineer', 'surfer',
  'golfer', 'boxer', 'wrestler', 'sprinter', 'shopper', 'visitor', 'pilgrim', 'pedestrian', 'householder', 'cabbie',
  'substitute', 'opener', 'left-back', 'right-back', 'half-back', 'center-back', 'spinner', 'seamer',
  'hunter', 'hiker', 'climber', 'diver', 'explorer', 'keeper', 'caretaker',
  // Trades, shops and services of local news (words that are common surnames, such as `miller`,
  // `porter` or `weaver`, are left out: a capitalized one before a name would be read as its role).
  'tester', 'programmer', 'coder', 'illustrator', 'animator', 'presenter', 'broadcaster',
  'waiter', 'waitress', 'cashier', 'barista', 'bartender', 'concierge', 'housekeeper', 'dishwasher',
  'nanny', 'carer', 'caregiver', 'medic', 'cleaner', 'janitor', 'courier', 'chauffeur', 'trucker',
  'dockworker', 'homemaker', 'dressmaker', 'shoemaker', 'matchmaker', 'policymaker', 'peacemaker', 'dealmaker', 'deckhand', 'steward', 'stewardess', 'attendant', 'hairdresser', 'barber',
  'jeweller', 'jeweler', 'gardener', 'labourer', 'laborer', 'roofer', 'plasterer', 'glazier',
  'bricklayer', 'stonemason', 'locksmith', 'blacksmith', 'cobbler', 'shoemaker', 'seamstress',
  'bookkeeper', 'actuary', 'underwriter', 'surveyor', 'auctioneer', 'realtor', 'retailer',
  'wholesaler', 'pawnbroker', 'confectioner', 'chocolatier', 'fishmonger', 'greengrocer', 'vintner',
  'distiller', 'beekeeper', 'herder', 'forester', 'gamekeeper', 'undertaker', 'vicar', 'deacon',
  'coxswain', 'patron', 'gp',
  'abbot', 'trustee', 'shareholder', 'villager', 'lodger', 'landlady', 'maker', 'guide',
  'fiddler', 'piper', 'drummer', 'trumpeter', 'songwriter', 'bandleader',
  'teenager', 'teen', 'youngster', 'toddler', 'master', 'harbourmaster', 'harbormaster', 'postmaster',
  'publican', 'innkeeper', 'hotelier', 'restaurateur', 'caterer', 'crofter', 'shepherd', 'angler',
  'farrier', 'saddler', 'plater', 'fitter', 'boilermaker', 'shipwright', 'educator', 'instructor',
  'controller', 'organizer', 'haulier', 'postmistress',
  // Positions on a team, and the officers of a company by their initials.
  'winger', 'forward', 'fullback', 'full-back', 'centre-back', 'playmaker', 'batsman', 'bowler',
  'catcher', 'shortstop', 'linebacker', 'receiver', 'cfo', 'coo', 'cto',
  'prop', 'lock', 'flanker', 'flyhalf', 'fly-half', 'scrumhalf', 'scrum-half',
  'goalie', 'outfielder', 'infielder', 'backbencher', 'garda', 'whip',
  // Who a person is to another in a contest or an office (`his rival in the primary, Lorna Pryce`).
  'rival', 'opponent', 'predecessor', 'successor', 'ally', 'counterpart',
]);

// What the people of a country or place are called: `the Scot said`, `the Spaniard added` refer
// to a person as news does once it has named them. Listed because they are capitalized, where an
// ending would also take `the Vatican` or `the Pentagon` for a person. Heads of descriptions
// only: before a name they are adjectives (`American television`), never its role.
const DEMONYMS = new Set([
  'american', 'canadian', 'mexican', 'brazilian', 'argentine', 'argentinian', 'chilean', 'colombian',
  'peruvian', 'venezuelan', 'cuban', 'briton', 'englishman', 'englishwoman', 'scot', 'scotsman',
  'scotswoman', 'welshman', 'welshwoman', 'irishman', 'irishwoman', 'frenchman', 'frenchwoman',
  'dutchman', 'dutchwoman', 'german', 'italian', 'spaniard', 'portuguese', 'austrian', 'belgian',
  'swede', 'norwegian', 'dane', 'finn', 'icelander', 'pole', 'czech', 'hungarian', 'romanian',
  'bulgarian', 'greek', 'turk', 'russian', 'ukrainian', 'israeli', 'palestinian', 'lebanese',
  'syrian', 'iraqi', 'iranian', 'saudi', 'egyptian', 'moroccan', 'algerian', 'nigerian', 'ghanaian',
  'kenyan', 'ethiopian', 'indian', 'pakistani', 'bangladeshi', 'afghan', 'chinese', 'japanese',
  'korean', 'vietnamese', 'thai', 'filipino', 'indonesian', 'malaysian', 'australian', 'aussie',
  'kiwi', 'texan', 'californian', 'floridian', 'londoner', 'dubliner', 'parisian', 'glaswegian',
  'mancunian', 'liverpudlian', 'yorkshireman', 'cornishman', 'quebecer', 'albertan', 'torontonian',
  'sydneysider', 'melburnian', 'brisbanite', 'aucklander', 'wellingtonian', 'capetonian', 'bostonian',
  'chicagoan', 'angeleno', 'philadelphian', 'vancouverite', 'montrealer', 'mumbaikar', 'delhiite',
  'ulsterman', 'kerryman', 'corkman', 'corkwoman', 'galwegian', 'geordie', 'brummie', 'scouser',
  'ohioan', 'iowan', 'kansan', 'nebraskan', 'minnesotan', 'michigander', 'oregonian', 'virginian',
  'coloradan', 'alaskan', 'arizonan', 'oklahoman', 'kentuckian', 'tennessean', 'louisianan',
  'missourian', 'wisconsinite', 'vermonter', 'montanan', 'nevadan', 'utahn', 'idahoan',
  'african', 'zealander', 'zimbabwean', 'zambian', 'ugandan', 'tanzanian', 'rwandan', 'somali',
  'sudanese', 'senegalese', 'cameroonian', 'ivorian', 'tunisian', 'libyan', 'jamaican', 'trinidadian',
  'barbadian', 'bahamian', 'haitian', 'guatemalan', 'salvadoran', 'honduran', 'nicaraguan', 'rican',
  'panamanian', 'ecuadorian', 'bolivian', 'paraguayan', 'uruguayan', 'swiss', 'croatian', 'serbian',
  'slovak', 'slovenian', 'bosnian', 'albanian', 'lithuanian', 'latvian', 'estonian', 'armenian',
  'kazakh', 'uzbek', 'mongolian', 'nepali', 'nepalese', 'lankan', 'burmese', 'cambodian', 'singaporean',
  'taiwanese', 'fijian', 'samoan', 'tongan', 'emirati', 'qatari', 'kuwaiti', 'omani', 'yemeni', 'jordanian',
]);

// Endings that make a word a person's: `-ist`, `-ologist` (`limnologist`, `economist`), `-ician`
// (`statistician`), `-grapher`, and compounds of `man`, `woman`, `person` (`spokeswoman`) and
// `smith` (`gunsmith`, `silversmith`).
// `schoolteacher`, `steelworker`, `caseworker`: kinds of teacher and worker are people too.
const PERSON_ENDINGS = ['ist', 'ician', 'grapher', 'man', 'person', 'smith', 'teacher', 'worker'];
const MIN_ENDING_WORD_LENGTH = 6;
// Words with those endings that name no one.
const NOT_PERSONS = new Set([
  'assist', 'consist', 'insist', 'persist', 'resist', 'exist', 'enlist', 'subsist', 'desist',
  'checklist', 'playlist', 'wishlist', 'waitlist', 'shortlist', 'blacklist', 'whitelist', 'human',
  'german', 'roman', 'ottoman', 'superhuman',
]);
// Words after an office for one chosen for it and not yet in it (`mayor-elect`).
const INCOMING = new Set(['elect', 'designate']);

/**
 * The office a lowercase `mayor-elect` or `director-designate` is chosen for and not yet in
 * (`mayor`): its present holder is someone else. Null for any other word.
 */
export function officeTakenUp(word: string): string | null {
  const hyphen = word.lastIndexOf('-');
  return hyphen > 0 && INCOMING.has(word.slice(hyphen + 1)) ? word.slice(0, hyphen) : null;
}
// One set for both lists: one look-up for the words most often asked about.
const PERSON_NOUNS = new Set([...ROLE_NOUNS, ...OCCUPATIONS]);

/** Whether the lowercase word names the people of a country or place (`scot`, `texan`). */
export function isDemonym(word: string): boolean {
  return DEMONYMS.has(word);
}

/** Whether the lowercase word is one of the listed nouns for a kind of person. */
export function isListedPersonNoun(word: string): boolean {
  return PERSON_NOUNS.has(word);
}

/**
 * Whether the lowercase word names a kind of person: a listed one or one by its ending; of a
 * compound, its last part (`co-founder`).
 */
export function isPersonNoun(word: string): boolean {
  if (PERSON_NOUNS.has(word)) return true;
  if (word.length < MIN_ENDING_WORD_LENGTH) return false;
  const hyphen = word.lastIndexOf('-');
  const office = officeTakenUp(word);
  if (office !== null) return isPersonNoun(office);
  if (hyphen > 0 && hyphen < word.length - 1) return isPersonNoun(word.slice(hyphen + 1));
  // The ending must be a suffix, not the word: `person` alone is an unnamed source.
  return PERSON_ENDINGS.some((ending) => word.length > ending.length && word.endsWith(ending)) && !NOT_PERSONS.has(word);
}

// Words that make the role after them another office: a vice president is not the president,
// a deputy mayor not the mayor, an assistant coach not the coach, a lieutenant governor (`Lt.
// Gov.`) not the governor.
const SECOND_OFFICES = new Set(['vice', 'deputy', 'lieutenant', 'lt', 'assistant']);

/**
 * The office whose holder is someone else than the one the lowercase role word names: `mayor` of
 * `mayor-elect` (officeTakenUp), `secretary` of `deputy-secretary` (joined by joinSecondOffices).
 * Null for any other word.
 */
export function officeOfAnother(word: string): string | null {
  const hyphen = word.indexOf('-');
  return officeTakenUp(word) ?? (hyphen > 0 && SECOND_OFFICES.has(word.slice(0, hyphen)) ? word.slice(hyphen + 1) : null);
}

/** Lowercase words with second offices joined to their role, as the text may hyphenate them (`vice-president`). */
export function joinSecondOffices(words: string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index] as string;
    const role = words[index + 1];
    if (SECOND_OFFICES.has(word) && role !== undefined && isPersonNoun(role) && !SECOND_OFFICES.has(role)) {
      joined.push(`${word}-${role}`);
      index += 1;
    } else {
      joined.push(word);
    }
  }
  return joined;
}

const PEOPLE_WORDS = new Set([
  'people', 'locals', 'staff', 'police', 'officials', 'women', 'men', 'children', 'fans', 'supporters', 'critics', 'voters',
  'authorities', 'crews', 'rescuers', 'teams', 'workers', 'families', 'crowds', 'onlookers', 'witnesses',
]);

/** Whether the word is a plural noun for people (`Analysts`, `Owners`, `Deputies`, `Locals`). */
export function isPluralOfPersonNoun(word: string): boolean {
  if (PEOPLE_WORDS.has(word)) return true;
  if (word.length < 5 || !word.endsWith('s') || word.endsWith('ss')) return false;
  const singular = word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.slice(0, -1);
  return isPersonNoun(singular) || (word.endsWith('es') && isPersonNoun(word.slice(0, -2)));
}
