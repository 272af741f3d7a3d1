import { decodeHTMLStrict } from 'entities';
import { Lexer, type Token, type Tokens } from 'marked';

/**
 * The readable words of inline Markdown: link text kept, images and inline HTML dropped, and what
 * `<sup>` sets up (a footnote's number: `unit.<sup>2</sup>`) with them.
 */
function inlineText(tokens: readonly Token[] | undefined): string {
  if (!tokens) return '';
  let words = '';
  let superscript = false;
  for (const token of tokens) {
    if (token.type === 'html') {
      // After a digit, `<sup>` sets up an ordinal's ending or a power (`1<sup>st</sup>`, `10<sup>6</sup>`): kept.
      if (SUPERSCRIPT_OPENS.test(token.raw)) superscript = !/\d$/.test(words);
      else if (SUPERSCRIPT_CLOSES.test(token.raw)) superscript = false;
      continue;
    }
    if (!superscript) words += tokenWords(token);
  }
  return words;
}

const SUPERSCRIPT_OPENS = /^<sup\b/i;
const SUPERSCRIPT_CLOSES = /^<\/sup\s*>/i;

function tokenWords(token: Token): string {
  switch (token.type) {
    case 'image':
      return '';
    case 'br':
      return ' ';
    case 'codespan':
    case 'escape':
      return token.text as string;
    case 'text':
      return 'tokens' in token && token.tokens ? inlineText(token.tokens) : (token.text as string);
    default:
      return 'tokens' in token && token.tokens ? inlineText(token.tokens) : ((token as { text?: string }).text ?? '');
  }
}

function blockParagraphs(token: Token): string[] {
  switch (token.type) {
    case 'heading': {
      const heading = inlineText(token.tokens);
      return isPullQuote(heading) ? [] : [heading];
    }
    case 'paragraph':
      // An image and the words below it are a picture and its caption, not the story.
      if (token.tokens?.[0]?.type === 'image') return [];
      return [inlineText(withoutHeadline(token.tokens ?? []))];
    case 'text':
      return [inlineText((token as Tokens.Text).tokens) || (token.text as string)];
    case 'list':
      return (token as Tokens.List).items.flatMap((item) => item.tokens.flatMap(blockParagraphs));
    case 'blockquote':
      return (token as Tokens.Blockquote).tokens.flatMap(blockParagraphs).map(asQuotation);
    default:
      // Code blocks, HTML (comments included), tables, rules and spacing carry no prose to summarize.
      return [];
  }
}

/**
 * A paragraph's words without the bold sentence opening it when more follows (`**New bus route
 * starts June 3.** The 27A will …`): the item's headline, which the sentence after says again. A
 * bold label (`**Where:** …`, `**Ana Ruiz:** …`) stays, and so does a paragraph all in bold.
 */
function withoutHeadline(tokens: readonly Token[]): readonly Token[] {
  const [first, ...rest] = tokens;
  const headline = first?.type === 'strong' && /[.!?]\s*$/.test((first as Tokens.Strong).text) && rest.some((token) => inlineText([token]).trim() !== '');
  return headline ? rest : tokens;
}

// A heading that is only a quotation: `## 'The wind made the decision for us'`, `### “We will rebuild”`.
// (An apostrophe may stand inside: `‘We’re here’`; another double mark may not: `"A," says B, "C"`.)
const QUOTATION_ONLY = /^\s*["“'‘«][^"“”«»]+["”'’»][.!?]?\s*$/;

/**
 * A heading that is only a quotation, a pull quote: display type repeating words the story quotes
 * where they were said. Read as text, it was listed again as a quotation by no one.
 */
function isPullQuote(heading: string): boolean {
  return QUOTATION_ONLY.test(heading);
}

// A mark a quotation may be set in: a double one, straight or curly, a guillemet, or a single one
// opening a word (an apostrophe inside one, `I'm`, is not).
const QUOTE_MARK = /["“”«»]|(?:^|\s)['‘]/;

/**
 * A paragraph of a blockquote as a quotation: someone's words set apart (`> I was not a good
 * student.`), which read as a plain paragraph were taken for the story's own sentences. One that
 * sets its words in quote marks itself is left as written.
 */
function asQuotation(paragraph: string): string {
  return QUOTE_MARK.test(paragraph) || paragraph.trim() === '' ? paragraph : `“${paragraph.trim()}”`;
}

/**
 * Plain text of a Markdown body: one block (heading, paragraph, list item) per paragraph,
 * paragraphs separated by a blank line. Code blocks, images, HTML comments and footnotes are left out.
 */
export function markdownToText(markdown: string): string {
  const prose = withoutFootnotes(markdown);
  return paragraphsText(plainParagraphs(prose) ?? lexedParagraphs(prose));
}

// Footnotes, as GitHub and Pandoc write them: a reference right after a word (`pier[^1]`) and its
// definition on a line of its own (`[^1]: …`, continued by indented lines).
const FOOTNOTE_DEFINITION = /^ {0,3}\[\^[^\]\s]+\]:.*(?:\n(?: {4}|\t).*)*/gm;
const FOOTNOTE_REFERENCE = /\[\^[^\]\s]+\](?!:)/g;

/**
 * The body without its footnotes: notes on the article, not its story. Read as prose, a
 * definition became a key point, and a quotation in one a quote of the article.
 */
function withoutFootnotes(markdown: string): string {
  if (!markdown.includes('[^')) return markdown;
  return markdown.replace(FOOTNOTE_DEFINITION, '').replace(FOOTNOTE_REFERENCE, '');
}

/**
 * The paragraphs of a Markdown body as marked's Lexer reads it, without a note set in italics
 * opening or closing it.
 */
export function lexedParagraphs(markdown: string): string[] {
  const lexed = new Lexer().lex(markdown).filter((token) => token.type !== 'space');
  const blocks = lexed.filter((token, index) => !isCaption(token, lexed[index - 1]));
  // An article all in italics is its own story.
  if (blocks.every(isNoteInItalics)) return blocks.flatMap(blockParagraphs);
  const first = isNoteInItalics(blocks[0]) ? 1 : 0;
  const end = isNoteInItalics(blocks[blocks.length - 1]) ? blocks.length - 1 : blocks.length;
  return blocks.slice(first, end).flatMap(blockParagraphs);
}

// What a note on the article says in its first words (`This article was amended …`, `Additional
// reporting by …`), or a note on its writer: a name, then what they are or do (`Margit
// Szabó-Halloran was head librarian …`, `Jo Pike writes about food.`).
const NOTE_OPENING = /^(?:(?:this (?:article|story|piece|column|report)|an earlier version|additional reporting|editor['’]s note|correction|clarification|update|disclosure|(?:photographs?|pictures|illustrations?) by)\b|(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}\p{Lu}[\p{L}'’-]+\s+(?:is|was|writes|covers|reports|edits|teaches|works|lives|has been)\b)/iu;
// A quotation in italics is someone's words, the story's.
const HAS_QUOTE_MARK = /["“”«»]/;

/** A paragraph in italics right after a paragraph that is only an image: the image's caption. */
function isCaption(token: Token, before: Token | undefined): boolean {
  return isParagraphOnly(before, 'image') && isParagraphOnly(token, 'em');
}

/** Whether the block is a paragraph of one inline token of `type` (an image, a run in italics). */
function isParagraphOnly(token: Token | undefined, type: string): token is Tokens.Paragraph {
  return token?.type === 'paragraph' && token.tokens?.length === 1 && token.tokens[0]?.type === type;
}

/**
 * A note on the article's writer or on the article, set wholly in italics (`*Margit Szabó-Halloran
 * was head librarian here from 2002 to 2022.*`, `_This article was amended on 4 March._`): where
 * it opens or closes an article, not its story. Read as prose, it became a key point. A standfirst
 * in italics, or a quotation, is the story's.
 */
function isNoteInItalics(token: Token | undefined): boolean {
  if (!isParagraphOnly(token, 'em')) return false;
  const words = inlineText(token.tokens).trim();
  return NOTE_OPENING.test(words) && !HAS_QUOTE_MARK.test(words);
}

// Emoji, arrows and smileys after a sentence's end (`…since 2019. 🚢`, `… today! 🎉 ✅`): they ended
// no sentence, and the sentence before them was read as unfinished.
const SIGN_OFF = /([.!?…]["”’)]*)(?:\s*(?:[\p{Extended_Pictographic}\u2190-\u21ff\u2b00-\u2bff][\ufe0f\u200d\p{Extended_Pictographic}\u{1f3fb}-\u{1f3ff}]*|[:;]-?[)(DP]))+(?=\s|$)/gu;

/**
 * Paragraphs as plain text: entities decoded, each on one line, empty ones dropped, a blank line
 * between, and accents composed (NFC): a name typed on a Mac may come with its accents as separate
 * combining marks (`Zoe\u0301`), which the summarizer's letter classes do not count as letters.
 */
export function paragraphsText(paragraphs: readonly string[]): string {
  return paragraphs
    .map((paragraph) => decodeHTMLStrict(paragraph).replace(/\s+/g, ' ').replace(SIGN_OFF, '$1').replace(FOOTNOTE_MARKER, '').trim())
    .filter((paragraph) => paragraph.length > 0 && !isPictureCaption(paragraph) && !PLACEHOLDER.test(paragraph))
    .join('\n\n')
    .normalize('NFC');
}

// A footnote's mark right after a word or a stop (`the county jail.[1]`, `jail[2].`, `jail.¹`,
// `jail.†`): a pointer to a note, no word of the sentence. It hid the sentence's end.
// A superscript digit only after a stop or a closing mark: after a letter or a digit it is a
// unit's or a power's (`40 km²`, `2³`); nor a number in brackets after a digit (`Section 12[3]`).
const FOOTNOTE_MARKER = /(?:(?<=[\p{L}.,;:!?"”’)])\[\d{1,3}\]|(?<=[.,;:!?"”’)])[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+|(?<=[\p{L}\p{N}.,;:!?"”’)])[†‡]+)(?=[\s.,;:!?"”’)]|$)/gu;
// `[Chart: New housing units vs. median rent]`, `[Interactive map]`: a paragraph that stands in
// for a graphic the page showed.
const PLACEHOLDER = /^\[[^\]]+\]$/;
// A picture's caption, by the credit that ends it (`… early Sunday. (Photo: Jonah Fairweather/Dunmore
// Courier)`, `(AP Photo/Ana Ruiz)`, `Photograph: Jo Lee/Wire`, `| Jo Lee/Dunmore Courier`), or by
// its label (`Caption: …`).
const CAPTION_CREDIT = new RegExp(`(?:${[
  // `(Photo: Jo Lee/Dunmore Courier)`, `(AP Photo/Ana Ruiz)`, `(Photo by Jo Lee)`, `(Photo courtesy of the family)`
  String.raw`\((?:AP |AFP |Reuters )?(?:[Pp]hoto(?:graph)?|[Pp]icture|[Ii]mage)s?(?:\s+by\b|\s+courtesy\b|\s*[:/])[^()]*\)`,
  // `(Reuters/Dana Kim)`, `(Dana Kim/The Example Times)`, `(Getty Images)`
  String.raw`\(\p{Lu}\p{Ll}[^()/]*\/\s*\p{Lu}[^()]*\)|\((?:Getty|Shutterstock|Alamy)(?: Images)?\)`,
  // `Photograph: Jo Lee/Wire`, `Credit: Dana Kim for The Example Times`
  String.raw`\b(?:Photograph|Photo|Picture|Image|Credit)(?:\s+credit)?\s*:\s*[^.!?]*`,
  // `| Jo Lee/Dunmore Courier`
  String.raw`\|\s*\p{Lu}[\p{L}.'’ -]*\/\s*\p{Lu}[^|]*`,
].map((credit) => `(?:${credit})`).join('|')})$`, 'u');
const CAPTION_LABEL = /^[Cc]aption\s*:/;
// Captions are a sentence or two; a longer paragraph ending in a credit is the story's.
const MAX_CAPTION_WORDS = 60;

function isPictureCaption(paragraph: string): boolean {
  if (!CAPTION_LABEL.test(paragraph) && !CAPTION_CREDIT.test(paragraph)) return false;
  return paragraph.split(' ').length <= MAX_CAPTION_WORDS;
}

/**
 * Characters that may start Markdown syntax anywhere in a line (emphasis, code, links, images,
 * HTML, entities, escapes, strikethrough, tables), and the characters marked reads line ends and
 * indentation by.
 */
const INLINE_SYNTAX = /[\\`*_[\]<>!~&|\t\r]/;
/** A line that may open a block (heading, quote, list, rule, setext underline, table delimiter row, fence, code, numbered list) rather than continue a paragraph. */
const BLOCK_START = /^(?: {0,3}[#>\-*+=_`~<|:]| {4}| {0,3}\d{1,9}[.)](?:[ \t]|$))/m;

/**
 * The paragraphs of prose that is only paragraphs (no Markdown syntax in it at all), or null.
 * Such text is what the Lexer would give back anyway: lexing it costs most of loading a plain
 * article (marked's inline rules scan each paragraph with several regular expressions), so it
 * is not lexed. Bare URLs and e-mail addresses, which marked makes links, keep their text as
 * written. `test/markdown-text.test.ts` compares this with the Lexer on generated prose.
 */
export function plainParagraphs(markdown: string): string[] | null {
  if (INLINE_SYNTAX.test(markdown) || BLOCK_START.test(markdown)) return null;
  return markdown.split(/\n[ ]*\n/);
}

/**
 * What every code span (a backtick), fenced block (``` or ~~~) and indented block (four spaces or
 * a tab, at a line's start or after a list or quote marker) needs somewhere in the text.
 */
const MAY_HOLD_CODE = /`|~~~| {4}|\t/;

/**
 * The code in a Markdown body, spans and blocks, as it reads in the plain text: typography
 * leaves these exactly as written wherever a summary quotes them.
 */
export function codeTexts(markdown: string): string[] {
  // Most articles have no code, and lexing is most of the cost here.
  if (!MAY_HOLD_CODE.test(markdown)) return [];
  const found: string[] = [];
  new Lexer().lex(markdown).forEach(function visit(token: Token) {
    if (token.type === 'codespan' || token.type === 'code') found.push(decodeHTMLStrict(token.text as string));
    const children = [...(('tokens' in token && token.tokens) || []), ...((token as Tokens.List).items ?? [])] as Token[];
    children.forEach(visit);
  });
  return found.flatMap((text) => [text, ...text.split('\n')]).filter((text) => text.trim());
}
