/** Word lists the quotation and speaker finders share. All entries are lowercase, unless said otherwise. */

/** Conjunctions and adverbs that may open a sentence before its subject (`But he said`, `Still, the judge …`), as written. */
export const SENTENCE_OPENERS = new Set(['But', 'And', 'Yet', 'So', 'Then', 'Still', 'Later', 'Instead', 'Now']);

/** Words opening a clause of time, reason or concession (`until`, `because`, `although`): its subject is no main one. */
export const SUBORDINATORS = new Set(['until', 'after', 'before', 'when', 'because', 'since', 'while', 'although', 'though', 'unless', 'once']);

/** Verbs and phrases that attribute a quotation to a speaker. */
export const CUE_VERBS = new Set([
  'said', 'says', 'say', 'saying', 'told', 'tells', 'tell', 'telling', 'added', 'adds', 'adding',
  'wrote', 'writes', 'writing', 'asked', 'asks', 'asking', 'continued', 'continues', 'tweeted',
  'tweets', 'replied', 'replies', 'responded', 'responds', 'declared', 'declares', 'concluded',
  'concludes', 'recalled', 'recalls', 'stated', 'states', 'explained', 'explains', 'noted', 'notes',
  'shouted', 'shouts', 'yelled', 'yells', 'chanted', 'chanting', 'admitted', 'admits', 'answered',
  'answers', 'joked', 'jokes', 'quipped', 'quips', 'warned', 'warns', 'argued', 'argues',
  'insisted', 'insists', 'claimed', 'claims', 'acknowledged', 'acknowledges', 'remarked', 'boasted',
  'boasts', 'charged', 'demanded', 'urged', 'posted', 'reads', 'read', 'interjected', 'countered',
  'cautioned', 'observed', 'predicted', 'promised', 'vowed', 'suggested', 'suggests', 'complained',
  'complains', 'conceded', 'concedes', 'emphasized', 'stressed', 'mused', 'announced', 'testified',
  'recounted', 'lamented', 'pleaded', 'screamed', 'exclaimed', 'whispered', 'agreed', 'confirmed',
  'commented', 'reported', 'wondered', 'thundered', 'proclaimed', 'bragged', 'retorted', 'snapped',
  'maintained', 'contended', 'asserted', 'reiterated', 'chimed', 'cried', 'cheered', 'sang',
  'sings', 'laughed', 'offered', 'scoffed', 'fumed', 'marveled', 'gushed', 'raged', 'mocked',
  'teased', 'implored', 'begged', 'pressed', 'relayed', 'texted', 'emailed', 'elaborated',
  'reacted', 'opined', 'intoned', 'reasoned', 'advised', 'clarified', 'assured', 'informed',
  'griped', 'blasted', 'sniped', 'hollered', 'muttered', 'mocks', 'observes', 'predicts',
  'promises', 'vows', 'laments', 'muses', 'recounts', 'remarks', 'reiterates', 'cautions',
  'counters', 'stresses', 'emphasizes', 'announces', 'asserts', 'contends', 'maintains',
  'proclaims', 'urges', 'surmised', 'exhorted', 'protested', 'objected', 'confided', 'volunteered',
  'ventured', 'sighed', 'shrugged', 'elaborates', 'reasons', 'opines', 'tweeting', 'wondering',
  'arguing', 'noting', 'explaining', 'insisting', 'warning', 'declaring', 'recalling', 'replying',
  'responding', 'recommended', 'recommends', 'concluding', 'advises', 'describes', 'described',
]);

/** Verbs that attribute a quotation together with the particle after them (`went on`, `shot back`). */
export const CUE_PHRASES = new Map([
  ['went', 'on'], ['goes', 'on'], ['shot', 'back'], ['fired', 'back'], ['put', 'it'], ['pointed', 'out'],
  ['points', 'out'], ['summed', 'up'], ['wrote', 'back'], ['cut', 'in'], ['cuts', 'in'], ['broke', 'in'], ['jumped', 'in'],
]);

/** Words that can sit between a speaker and the cue verb (`he later said`, `she has said`). */
export const CUE_MODIFIERS = new Set([
  'also', 'later', 'then', 'once', 'has', 'had', 'have', 'was', 'is', 'would', 'will', 'again',
  'previously', 'recently', 'repeatedly', 'further', 'simply', 'just', 'often', 'famously', 'quickly',
  'flatly', 'bluntly', 'frequently', 'earlier', 'subsequently', 'finally', 'reportedly', 'still',
  'memorably', 'publicly', 'privately', 'angrily', 'and', 'allegedly', 'even', 'never', 'first',
]);

/** Pronouns a quotation may be attributed to, with what they refer to. */
export const PRONOUNS = new Map<string, Gender | 'plural' | 'neuter' | 'relative'>([
  ['he', 'male'], ['she', 'female'], ['they', 'plural'], ['it', 'neuter'], ['we', 'plural'], ['i', 'neuter'],
  ['who', 'relative'],
]);

export type Gender = 'male' | 'female';

/** Determiners that open a description of a speaker (`the mayor`, `a spokesman for …`). */
export const DETERMINERS = new Set([
  'the', 'a', 'an', 'his', 'her', 'their', 'its', 'my', 'our', 'your', 'one', 'another', 'this',
  'some', 'many', 'several', 'both', 'each', 'two', 'three', 'other',
]);

/**
 * Offices, ranks and callings abbreviated before a name, without their period, and the word each
 * is short for (`Det. Insp. Fiona McAllister`, `Ald. Bronwyn Haskett`): titles the printed name
 * keeps, whose period ends no sentence, and which a role writes out (`Sen.` → `Senator`).
 */
export const ABBREVIATED_OFFICES = new Map([
  ['sen', 'Senator'], ['rep', 'Representative'], ['gov', 'Governor'], ['gen', 'General'], ['adm', 'Admiral'],
  ['amb', 'Ambassador'], ['lt', 'Lieutenant'], ['col', 'Colonel'], ['capt', 'Captain'], ['sgt', 'Sergeant'],
  ['maj', 'Major'], ['rev', 'Reverend'], ['prof', 'Professor'],
  // Police ranks in American style (`Det. Insp.`, `Supt.`, `Const.`, `Tpr.`).
  ['det', 'Detective'], ['insp', 'Inspector'], ['supt', 'Superintendent'], ['cpl', 'Corporal'], ['const', 'Constable'],
  ['cst', 'Constable'], ['ofc', 'Officer'], ['dep', 'Deputy'], ['tpr', 'Trooper'], ['pvt', 'Private'], ['pte', 'Private'],
  // Members of a city council.
  ['ald', 'Alderman'], ['coun', 'Councillor'],
]);

/** ABBREVIATED_OFFICES as written, with their period (`det.`). */
export const DOTTED_OFFICES: readonly string[] = [...ABBREVIATED_OFFICES.keys()].map((office) => `${office}.`);

/** Titles written before a name, with the gender they imply when they imply one. */
export const HONORIFICS = new Map<string, Gender | null>([
  ['mr.', 'male'], ['mr', 'male'], ['mrs.', 'female'], ['mrs', 'female'], ['ms.', 'female'], ['ms', 'female'],
  ['miss', 'female'], ['dr.', null], ['atty.', null],
  // The same courtesy in other languages, as international news keeps it (`Madame Sow`, `Herr Brandt`).
  ['madame', 'female'], ['mme', 'female'], ['mme.', 'female'], ['monsieur', 'male'], ['herr', 'male'], ['frau', 'female'],
  ['señor', 'male'], ['senor', 'male'], ['señora', 'female'], ['senora', 'female'], ['señorita', 'female'],
  ['signor', 'male'], ['signora', 'female'], ['senhor', 'male'], ['senhora', 'female'],
  // Malay honours before a given name (`Datuk Seri Azlan`, `Ustaz Fadzil`). Not `Sheikh`, as often
  // a surname (`Rafiq Sheikh`).
  ['datuk', null], ['dato', null], ['seri', null], ['tun', null],
  ['ustaz', 'male'], ['ustazah', 'female'], ['haji', 'male'], ['hajjah', 'female'],
  ...DOTTED_OFFICES.map((office): [string, null] => [office, null]),
  // British and Irish style writes these titles without a period (`Dr Helen Marsh`, `Cllr Ann
  // Rees`, `the Rev Judith Ashworth`). Not `Gen` nor `Col`: without the period they are as often
  // a given name (`Gen Nakatani`, `Col Allan`).
  ['dr', null], ['prof', null], ['rev', null], ['revd', null], ['cllr', null], ['sgt', null],
  ['insp', null], ['supt', null], ['det', null], ['capt', null], ['lt', null], ['maj', null], ['cpl', null],
  // A police constable (`PC Sadie Norbury`), not an acronym naming an organization.
  ['pc', null],
  // A knight or dame, called by the given name after the title (`Sir Geoffrey Palliser`, then `Sir Geoffrey`).
  ['sir', 'male'], ['dame', 'female'],
  // A priest or a nun (`Fr Tom Kenny`, `Father Michael Dunne`, `Sister Bernadette Kelly`), and the
  // style of privy counsellors and judges (`the Rt Hon Michael Gove`).
  ['fr', 'male'], ['fr.', 'male'], ['father', 'male'], ['sister', 'female'], ['rt', null], ['rt.', null], ['hon', null], ['hon.', null],
  // British detectives by rank (`DI Dan Moody`, `DCI Ruth Kane`; not `DC`, as in `DC Comics`), an
  // Australian councillor (`Cr Dawn Rich`).
  ['di', null], ['ds', null], ['dci', null], ['dsi', null], ['cr', null],
]);

/** Capitalized titles that may precede a name (`President Obama`, `Secretary of State John Kerry`). */
export const TITLE_WORDS = new Set([
  'president', 'senator', 'representative', 'congressman', 'congresswoman', 'governor', 'mayor',
  'secretary', 'minister', 'judge', 'justice', 'speaker', 'chairman', 'chairwoman', 'director',
  'general', 'admiral', 'ambassador', 'attorney', 'leader', 'sheriff', 'chief', 'commissioner',
  'king', 'queen', 'prince', 'princess', 'pope', 'vice', 'prime', 'former', 'deputy', 'candidate', 'acting', 'interim', 'outgoing', 'retired',
  'nominee', 'chancellor', 'premier', 'professor', 'lawmaker', 'councilman', 'councilwoman',
  'treasurer', 'advisor', 'adviser', 'spokesman', 'spokeswoman', 'lieutenant', 'colonel',
  'sergeant', 'captain', 'officer', 'detective', 'pastor', 'reverend', 'bishop', 'rabbi', 'dr',
  'sen', 'rep', 'gov', 'assemblyman', 'assemblywoman', 'delegate', 'comptroller', 'auditor',
  // Offices of business, sport, schools and the police written before a name (`Chief Executive
  // Dorinda Kasprzak`, `Head Coach Rhodri Pryce`). Not `Dean`, a given name as often.
  'executive', 'manager', 'coach', 'editor', 'founder', 'inspector', 'superintendent', 'constable',
  'commander', 'principal', 'headteacher', 'coroner', 'magistrate',
  // Members of parliaments and assemblies, by their initials (`Local MLA Pradip Doley`, `MP Jo Hale`,
  // `NDP MPP Nadine Roy`, `Labour TD Conor Hegarty`).
  'mp', 'mla', 'msp', 'mep', 'mpp', 'mha', 'mna', 'td',
]);

/** Nouns that name a person's role; a description ending in one can refer to a person. */
export const ROLE_NOUNS = new Set([
  ...TITLE_WORDS,
  'spokesperson', 'official', 'officials', 'aide', 'strategist', 'consultant', 'analyst',
  'columnist', 'writer', 'reporter', 'editor', 'anchor', 'host', 'businessman', 'businesswoman',
  'billionaire', 'mogul', 'politician', 'democrat', 'republican', 'activist', 'lawyer', 'manager',
  'chair', 'founder', 'executive', 'ceo', 'economist', 'historian', 'pollster', 'expert', 'man',
  'woman', 'mother', 'father', 'son', 'daughter', 'wife', 'husband', 'veteran', 'voter',
  'supporter', 'organizer', 'head', 'member', 'staffer', 'frontrunner', 'front-runner', 'contender',
  'student', 'scientist', 'researcher', 'correspondent', 'commentator', 'surrogate', 'prosecutor',
  'investigator', 'agent', 'employee', 'worker', 'owner', 'resident', 'campaigner', 'protester',
  'protestor', 'hopeful', 'incumbent', 'challenger', 'operative', 'fundraiser', 'donor', 'pundit',
  'blogger', 'author', 'journalist', 'critic',
]);

/** Capitalized words that start sentences or clauses and are never part of a name. */
export const NOT_NAME_WORDS = new Set([
  'the', 'a', 'an', 'but', 'and', 'or', 'so', 'yet', 'in', 'on', 'at', 'of', 'for', 'with', 'by',
  'from', 'to', 'as', 'if', 'when', 'while', 'after', 'before', 'since', 'because', 'although',
  'though', 'this', 'that', 'these', 'those', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his',
  'her', 'their', 'its', 'our', 'my', 'your', 'there', 'here', 'then', 'now', 'still', 'also',
  'even', 'just', 'only', 'meanwhile', 'however', 'instead', 'indeed', 'during', 'under', 'over',
  'about', 'asked', 'according', 'like', 'unlike', 'what', 'who', 'why', 'how', 'where', 'which',
  'said', 'says', 'not', 'no', 'yes', 'all', 'some', 'many', 'most', 'both', 'each', 'every', 'one',
  'two', 'three', 'another', 'other', 'several', 'any', 'former', 'democrats', 'republicans', 'americans', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'abstract', 'full',
  'text', 'mr', 'mrs', 'ms', 'dr', 'god', 'do', 'did', 'does', 'is', 'was', 'will', 'would', 'can',
  'could', 'should', 'must', 'let', 'until', 'whether', 'despite', 'among', 'between', 'through',
  'against', 'without', 'within', 'toward', 'towards', 'upon',
  // Adverbs of time opening a sentence before its subject (`Later Tamsin Orr took the stand`).
  'later', 'earlier', 'afterwards', 'afterward', 'today', 'yesterday', 'tonight', 'finally', 'soon',
  // Adjectives of place opening a sentence before a name (`Neighbouring Ashby Vale kept its library`).
  'neighbouring', 'neighboring', 'nearby',
]);

/** Words that say a person no longer holds the title or role after them (`former Gov.`, `the retired neurosurgeon`). */
export const PAST_MARKERS = new Set(['former', 'ex', 'ex-', 'then', 'late', 'retired', 'onetime']);

/** A lowercase word with its `ex-` split off as a word of its own (`ex-boss` → `ex`, `boss`), as `former boss` is written. */
export function splitPastPrefix(word: string): string[] {
  return word.startsWith('ex-') && word.length > 3 ? ['ex', word.slice(3)] : [word];
}

/** How a role word is kept once the text says the person held it before (`former governor`). */
export function pastRole(word: string): string {
  return `${PAST} ${word}`;
}

const PAST = 'former';

/** Whether the role word is one the person held before (pastRole). */
export function isPastRole(word: string): boolean {
  return word.startsWith(`${PAST} `);
}

/** Trailing parts of a name that are not the surname. */
export const NAME_SUFFIXES = new Set(['jr.', 'jr', 'sr.', 'sr', 'ii', 'iii', 'iv']);

/** Letters after a name for a seat in a parliament or an assembly (`Jane Foster MP`): the person's role when the text gives no other. */
export const SEATS_AFTER_NAME = new Set(['MP', 'MSP', 'MLA', 'MEP', 'MS', 'TD', 'MPP', 'MHA', 'MNA', 'MLC', 'MHK']);

/**
 * Letters written after a name for a seat, an honour or a qualification (`Jane Foster MP`, `Ruth
 * Kiely SC`, `Dame Helen Ward OBE`, `Amal Obi PhD`): no part of the name, which is printed without
 * them. Matched as written: in capitals they are no ordinary word.
 */
export const POST_NOMINALS = new Set([
  ...SEATS_AFTER_NAME,
  // Counsel and magistrates.
  'QC', 'KC', 'SC', 'BL', 'JP', 'DL',
  // Honours of Britain and the Commonwealth.
  'OBE', 'MBE', 'CBE', 'KBE', 'DBE', 'GBE', 'BEM', 'CH', 'OM', 'CB', 'CMG', 'KCMG', 'GCMG', 'KCB', 'GCB',
  'DSO', 'VC', 'GC', 'AO', 'AC', 'OAM', 'ONZM', 'MNZM', 'CNZM', 'QSO',
  // Fellowships and degrees.
  'FRS', 'FRSE', 'FRCS', 'FRCP', 'FBA', 'FREng', 'FMedSci', 'PhD', 'Ph.D.', 'DPhil', 'MD', 'M.D.', 'DDS', 'RN', 'CPA',
]);

/** Lowercase words that may sit inside a name (`Bill de Blasio`, `Ludwig van Beethoven`). */
export const NAME_PARTICLES = new Set([
  'de', 'van', 'von', 'der', 'del', 'della', 'di', 'da', 'la', 'le', 'bin', 'al', 'ibn', 'st.',
  // French, Afrikaans, Portuguese, Dutch and German (`Annelie du Plessis`, `João dos Santos`).
  'du', 'dos', 'das', 'den', 'ter', 'zu',
  // Irish and Scottish Gaelic (`Tadhg Ó Murchú`, `Siobhán Ní Bhriain`, `Ann Mac Lochlainn`).
  'ó', 'ní', 'nic', 'uí', 'mac',
  // Welsh, son of and daughter of (`Owen ap Rhys`, `Gwenllian ferch Dafydd`).
  'ap', 'ab', 'ferch', 'verch',
]);

/**
 * The empty list of words, shared by every reader that finds none (titles, role phrases, role
 * words). Made as a list of strings that has lost its one element, as `[]` is made as a list of
 * small integers: the lists a mention holds then all have one layout, where the first non-empty
 * one met after a reader was compiled changed the layout it had been compiled for, and threw its
 * code away.
 */
export const NO_WORDS: readonly string[] = (() => {
  const list = [''];
  list.pop();
  return list;
})();

/** Nouns for a relative: `her husband` is someone of the family of the person `her` refers to. */
export const KINSHIP_NOUNS = new Set([
  'husband', 'wife', 'son', 'daughter', 'father', 'mother', 'brother', 'sister', 'dad', 'mum', 'mom',
  'grandson', 'granddaughter', 'grandfather', 'grandmother', 'uncle', 'aunt', 'nephew', 'niece',
  'cousin', 'stepson', 'stepdaughter', 'stepfather', 'stepmother', 'twin', 'widow', 'widower',
]);

/** Words that open a relative clause (`who manages …`, `which runs …`): where a role or a description stops. */
export const RELATIVE_WORDS = new Set(['who', 'whose', 'whom', 'which', 'that']);
