import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/summarize/quotes/quotes.js';
import { speakerMention } from './support/speaker-mention.js';

// A sentence may give its source in an `according to` set off inside it and go on to the colon
// that introduces the quotation: the source is whom it is according to, not a name further on.
describe('a quotation after a colon, with `according to` inside its sentence', () => {
  it('is attributed to whom the sentence is according to', () => {
    const text = 'The ruling, according to the lone dissenter, leaves Kansas courts with no role in policing district lines at all: "If this map is lawful, I struggle to imagine one that is not."';
    expect(speakerMention(text)).toBe('the lone dissenter');
  });

  it('takes `the lone dissenter` for the justice the text said dissented', () => {
    const text = [
      'Justice Harold Emberly wrote for the majority. Justice Carolyn Mayfield filed a sharp dissent.',
      'The ruling, according to the lone dissenter, leaves Kansas courts with no role at all: "If this map is lawful, I struggle to imagine one that is not."',
    ].join('\n\n');
    expect(findQuotes(text)[0]?.speaker).toBe('Carolyn Mayfield');
  });

  it('still takes the first name of a colon sentence without one', () => {
    const text = 'Then Dana Quist turned to the crowd and the cameras in Wichita: "We could not have done it without you."';
    expect(speakerMention(text)).toBe('Dana Quist');
  });
});
