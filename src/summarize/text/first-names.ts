/**
 * Common given names with the gender they usually carry, for resolving `he` and `she`.
 * Compiled by hand from frequent US given names and names frequent in political news; names
 * given to both men and women (Terry, Leslie, Dana, …) are known as given names but carry no
 * gender, so the text decides.
 */
import type { Gender } from './lexicon.js';

const MALE = `
aaron abdul adam adrian ahmed al alan albert alberto alexander alfred ali allen alvin andre andrew
andy angel angelo anthony antonio arnold arthur austin barack barney barry ben benjamin bernard
bill billy blake bob bobby brad bradley brandon brendan brent brett brian bruce bryan byron
calvin cameron carl carlos chad charles charlie chris christian christopher chuck clarence clark
claude clay clayton clint cody cole colin corey cory craig curt curtis dale dan daniel danny darrell
darren dave david dean dennis derek devin dick dmitry don donald doug douglas duane dustin dwight
earl ed eddie edgar eduardo edward edwin eli elijah elliot emanuel emmanuel enrique eric erik ernest
ernesto eugene evan frank franklin fred frederick gabriel gary gavin gene geoffrey george gerald
gilbert glenn gordon grant greg gregory gustavo guy hank harold harry hector henry herbert herman
howard hugh hunter ian isaac ivan jack jackson jacob jaime jake james jared jason javier jay jeb
jeff jeffrey jeremy jerome jerry jesse jesus jim jimmy joe joel joey john johnny jon jonathan jorge
jose joseph josh joshua juan julian justin karl keith ken kenneth kevin kirk kurt kyle lamar lance
larry lawrence leon leonard leroy lindsey lloyd lou louis luis luke lyndon malcolm manuel marco
marcus mario mark marshall martin marvin mason matt matthew maurice max michael miguel mike milton
mitch mitchell mohammed muhammad nathan neil newt nicholas nick nigel noah norman oliver omar oscar
owen pablo patrick paul pedro pete peter phil philip phillip rafael ralph rand randall randy ray
raymond reince reggie reginald ricardo richard rick ricky rob robert roberto rod rodney roger roland
ron ronald ronnie ross roy rudy russ russell ryan samuel scott sean sergio seth shawn sherrod
stanley stephen steve steven stuart ted thad theodore thomas tim timothy todd tom tommy tony travis
trey troy tyler vernon victor vincent vladimir wade walter warren wayne wesley will william willie
xi zachary zach jeh ash mitt rahm kellen reid orrin rush bret brit hakeem steny beau joaquin xavier
marc glen jeffery kenny nathaniel dominic harvey hugo ira leo lester luther mel mickey morris ned
norm otis percy quentin reuben rex rocco rufus sal seymour sid sol sonny spencer sterling terrence
virgil wendell wilbur woody
`;

const FEMALE = `
abby abigail alexandra alexis alice alicia alison allison amanda amber amy ana andrea angela
angelina anita ann anna anne annie ashley audrey barbara becky betsy betty beverly bonnie brenda
brianna bridget brittany brooke caitlin candace carla carly carmen carol caroline carolyn catherine
cathy cecilia charlotte chelsea cheryl christie christina christine cindy claire clara claudia
colleen connie crystal cynthia danielle dawn deb debbie deborah debra denise diana diane donna dora
doris dorothy edith eileen elaine eleanor elena elisabeth elizabeth ellen emily emma erica erin
esther eva evelyn fiona florence frances gabrielle gail gina gloria grace gretchen gwen hannah
harriet heather heidi helen hillary holly huma irene iris isabel jackie jacqueline jane janet janice
jeanne jennifer jenny jessica jill joan joanna jodi joni josephine joyce judith judy julia julie
karen kate katherine kathleen kathryn kathy katie katrina kay kayla kellyanne kimberly kirsten
kristen kristin laura lauren leah lily linda lisa lois loretta lori louise lucy madeleine madison
maggie marcia margaret maria marie marilyn marsha martha mary maureen megan meghan melania melanie
melissa michele michelle mia mildred miranda molly monica nancy naomi natalie nicole nikki nina nora
olivia pam pamela patricia patty paula pauline peggy penny phyllis priscilla rachel rebecca regina
renee rhonda rita roberta rosa rose rosemary ruth sally samantha sandra sara sarah sharon sheila
shirley sonia sophia stephanie sue susan suzanne sylvia tamara tammy tanya tara teresa theresa
tiffany tina ursula valerie vanessa veronica vicki victoria virginia wanda wendy whitney yvonne zoe
condoleezza dianne ivanka kamala megyn mika tulsi maxine marine mazie jan cokie norah greta
lorraine marjorie mabel nadia nell olga opal paige phoebe rachael rosalind roxanne
sabrina selena serena sheryl stella tessa thelma tonya trisha valeria vera yolanda
`;

// Given names common in Britain, Ireland, Australia, New Zealand and Canada, and in the
// international news they report, that the US lists above lack (names given to both men and
// women left out as above). Accented spellings are listed as written and without the accent.
const MALE_ELSEWHERE = `
aidan alasdair alistair angus archie barnaby benedict callum calum cathal cian ciaran ciarán colm
conor connor cormac crispin cyril darragh declan dermot desmond diarmuid donal dónal dougal duncan
eamon eamonn éamon eoin euan ewan fergal fergus finbar finlay fintan gareth geraint gethin gwilym
hamish huw iain ieuan iestyn ioan jasper kieran lachlan liam lorcan magnus niall oisin oisín owain
padraig pádraig piers rhodri rhys rory ruairi ruairí seamus séamus seán steffan tadhg tarquin
torquil tristan alun aled dafydd emrys idris meirion osian alfie freddie ollie
hamza imran tariq arjun rajesh sanjay vikram rohan amit anil deepak suresh ramesh kwame kofi emeka
tunde hiroshi kenji takeshi sven lars nils henrik anders bjorn björn jürgen klaus dieter wolfgang
pierre jacques francois françois olivier giuseppe giovanni paolo alessandro dmitri sergei alexei
andrei mikhail pavel tomasz piotr krzysztof jakub
`;

const FEMALE_ELSEWHERE = `
aileen ailsa aisling aoife bernadette blathnaid bláthnaid brid bríd bridie caoimhe cerys ciara
clodagh deirdre dervla eilidh eimear eithne emer fionnuala grainne gráinne isla kirsty lowri mairead
mairéad maeve maire máire morag niamh nuala orla orlaith rhiannon roisin róisín saoirse seren sinead
sinéad siobhan siobhán una úna ffion eirlys nia carys angharad bethan catrin gwyneth sian siân elin
enid glenys myfanwy nerys rhian beryl hazel imogen jemima lottie millie poppy rosie tilly tabitha
philippa pippa fenella felicity henrietta muriel sophie chloe ellie evie freya gemma jade kylie
leanne maisie mhairi nicola shona stacey tracey tracy vicky yasmin zara priya anjali sunita kavita
aisha fatima ayesha amina ngozi chioma ingrid astrid sigrid birgit annika brigitte monique sylvie
isabelle giulia francesca chiara natasha svetlana irina katarzyna agnieszka magdalena
`;

// Given names frequent in South Asia, the Middle East, Africa, Latin America, continental Europe
// and the Pacific, as English-language news writes them (unisex names left out, as above).
const MALE_WORLD = `
joao tiago thiago rui nuno duarte afonso vasco goncalo sebastiao jordi inaki aitor
aarav abhishek aditya ajay akash amar amitabh anand arun arvind ashok balaji dev
dinesh ganesh gaurav gopal gurpreet harish harjit hemant jagdish jaswinder kamal karan
kartik krishna kunal mahesh manish manoj mohan mukesh naveen nikhil nitin pankaj prakash pranav
prasad rahul rajiv rakesh ravi sachin sandeep sanjeev satish shankar shiv siddharth sunil
tarun uday varun vijay vikas vinod vivek yash
abdullah adel ahmad amir anwar bilal faisal farid hassan hussein ibrahim ismail jamal karim khalid
mahmoud mustafa nabil nasser rashid salim samir walid yasser youssef yusuf ziad
abebe adebayo chinedu ikechukwu jomo kayode kwabena
obinna segun sipho thabo
alejandro alfonso alvaro andres arturo cesar diego emilio esteban federico felipe fernando gonzalo
guillermo hernan hernán ignacio julio leonardo lorenzo mateo mauricio nicolas octavio
ramiro raul raúl rodrigo santiago tomas tomás
benoit benoît emile émile etienne étienne gaston lucien marcel thierry yves
romeo roméo mathieu philippe gilles rene rené denis alain sebastien sébastien julien luc michel
jean-pierre jean-luc jean-marc jean-francois jean-françois jean-claude jean-paul
bram dirk floris joost maarten pieter ruud sjoerd willem
aleksandar bogdan dragan goran miroslav radu stanislav vasile zoran
`;

const FEMALE_WORLD = `
ines joana leticia raquel rocio nuria itziar
aarti aishwarya ananya anushka deepika divya gayatri geeta ishita kavya lakshmi
madhuri meena meenakshi neha nisha pooja preeti priyanka radha rekha ritu sangeeta shalini
shreya smita sneha sushma swati tanvi usha vandana
fatma hiba huda layla leila lina mariam maryam rania salma samira
zainab zeinab
abena adaeze adwoa akua amara chiamaka chinwe folake funmilayo ifeoma nkechi nneka
thandiwe yetunde
adriana beatriz camila carolina catalina daniela fernanda gabriela isabela jimena
lucia lucía luisa marisol mercedes paola pilar ximena
amelie amélie celeste céleste colette delphine elodie élodie geneviève genevieve
margaux mathilde solene solène
anouk femke ilse lieke marieke sanne
ioana mihaela milena snezana vesna
chantal nathalie aimee aimée josee josée celine céline francine
helene hélène veronique véronique martine mireille solange odette ginette lucie manon
`;

// More given names common in English-language news anywhere, missing from the lists above; the
// last lines are US given names frequent over the last eighty years, less those as often a
// surname, a place or a word (Brady, Preston, Salvador, Francisco, Dane, Pearl, Sandy, Myrtle).
const MALE_MORE = `
abe ambrose axel bertie boris brody caleb casper cedric chester clement clive conrad cornelius
cyrus damian dylan edmund elias elliott ezra felix ferdinand fraser gerry gideon graham griffin
gus horace isaiah jethro jonah jude kris leopold lewis lionel marlon miles monty neville nolan
quincy rupert teddy ernie trevor toby musa johan
aiden alec antoine armando blaine braden brayden brendon brock bryce clifford colton darius darnell
darryl deandre demetrius dexter dominick emmett ethan garrett gerardo homer jace jaden jalen jarrod
jarvis javon jaxon jeremiah jermaine johnathan josiah julius kareem keegan kendrick kurtis lamont
landon leland lonnie marcos mathew micah mohamed ramon roderick rolando ronan ruben saul shane
sheldon silas stefan sylvester terrell thaddeus tobias trent tyrone ulysses waylon wilbert winston
wyatt zane
`;

const FEMALE_MORE = `
ada agnes alma amelia bea bella belinda beth bianca camille cara cecile cécile christa clare
constance cora daisy faye hilary ivy joanne lesley liz lydia lynne meredith robyn vivian zoë
odessa edna ethel gladys mavis miriam georgina hermione deepa
alejandra alexa alana alisha allie alyssa ariana arlene ava bernice bethany blanche brandi bree
briana brittney candice carissa carrie cassandra celia charlene cherie clarissa corinne daphne
darlene deanna delia della desiree dolores elise eliza ella eloise elsa elsie emilia erika esperanza
estelle evangeline geraldine gertrude ida imani isabella janelle janine jasmine jeanette jenna joann
jocelyn juanita juliana justine kara karina katelyn katharine keisha kelli kelsey kendra kristina
kristy lacey latoya laurie lila lillian lorena lucille lupe lynda mae marianne maribel marla marlene
melinda minnie myra nellie norma patsy penelope polly ramona reba rochelle rosalie sadie shanice
shawna shelly sherri sherry silvia sofia sonya stacy susie tameka tasha tatiana tricia trina trudy
vickie viola violet wilma yvette
`;

// Given names carried by men and women alike: known as given names (a name opening on one is a
// person's), with no gender, which the text decides. Not those that are as often a place or a
// company's first word (Jordan, Sydney, Morgan) or a surname written first (Kim, Lee).
const UNISEX = `
alex billie casey dana drew frankie jamie jean jess jo jody kelly kit leslie lindsay lynn
marion pat quinn riley robin sam sasha shannon stevie taylor terry toni val bernie
`;

function wordsOf(list: string): string[] {
  return list.split(/\s+/).filter(Boolean);
}

/** Each known given name's gender, null for one given to men and women alike. */
const GENDER_BY_NAME = new Map<string, Gender | null>([
  ...wordsOf(MALE).map((name): [string, Gender] => [name, 'male']),
  ...wordsOf(MALE_ELSEWHERE).map((name): [string, Gender] => [name, 'male']),
  ...wordsOf(MALE_WORLD).map((name): [string, Gender] => [name, 'male']),
  ...wordsOf(FEMALE).map((name): [string, Gender] => [name, 'female']),
  ...wordsOf(FEMALE_ELSEWHERE).map((name): [string, Gender] => [name, 'female']),
  ...wordsOf(FEMALE_WORLD).map((name): [string, Gender] => [name, 'female']),
  ...wordsOf(MALE_MORE).map((name): [string, Gender] => [name, 'male']),
  ...wordsOf(FEMALE_MORE).map((name): [string, Gender] => [name, 'female']),
  ...wordsOf(UNISEX).map((name): [string, null] => [name, null]),
]);

/**
 * The gender of given names that are ordinary words too (`June Salter`, `April Banks`, `Will Snow`):
 * word-names.ts reads them as names only where the words around say so; once read, and followed by
 * a surname, they carry their gender, without being known given names everywhere (`In June
 * Republicans …`). Alone they are surnames as often (`Mrs May`, `Brian May … May said`).
 */
const WORD_GIVEN_NAME_GENDERS = new Map<string, Gender>([['june', 'female'], ['april', 'female'], ['may', 'female'], ['will', 'male']]);

/**
 * The usual gender of a given name, or null when the table does not know it or it is given to
 * both sexes. `beforeSurname`: the name goes on after it, so that a word that is a given name
 * too (`June Salter`) is one.
 */
export function genderOfFirstName(name: string, beforeSurname = false): Gender | null {
  const lower = name.toLowerCase();
  return tableEntry(lower) ?? (beforeSurname ? WORD_GIVEN_NAME_GENDERS.get(lower) : undefined) ?? null;
}

/** Whether the word is a given name the table knows. */
export function isKnownFirstName(name: string): boolean {
  return tableEntry(name.toLowerCase()) !== undefined;
}

const NOT_ASCII = /[^\u0000-\u007f]/;
const COMBINING_MARKS = /\p{M}/gu;

/**
 * The table's entry for a lowercase given name, as written or without its accents (`josé`, `joão`,
 * `inês`: the table lists most names in their plain spelling); undefined when it has none.
 */
function tableEntry(lower: string): Gender | null | undefined {
  const entry = GENDER_BY_NAME.get(lower);
  if (entry !== undefined || !NOT_ASCII.test(lower)) return entry;
  return GENDER_BY_NAME.get(lower.normalize('NFD').replace(COMBINING_MARKS, ''));
}
