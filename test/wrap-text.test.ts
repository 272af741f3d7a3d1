import { describe, expect, it } from 'vitest';
import { wrapText } from '../src/render/wrap-text.js';

const within = (text: string, width: number) => text.split('\n').every((line) => line.length <= width || !/\s/.test(line.trim()));

describe('wrapping the plain-text part', () => {
  it('leaves short lines, blank lines and their order as they are', () => {
    expect(wrapText('Issue 5\n\nHello,\n', 78)).toBe('Issue 5\n\nHello,\n');
  });

  it('breaks a long line between words and indents its continuation under the text after a bullet', () => {
    const point = ` * ${'The council approved the harbour plan on Tuesday after a long debate. '.repeat(3).trim()}`;
    const wrapped = wrapText(point, 40);
    expect(within(wrapped, 40)).toBe(true);
    const [first, ...rest] = wrapped.split('\n');
    expect(first!.startsWith(' * The council')).toBe(true);
    expect(rest.length).toBeGreaterThan(1);
    expect(rest.every((line) => /^ {3}\S/.test(line))).toBe(true);
    expect(wrapped.replace(/\n +/g, ' ')).toBe(point);
  });

  it('indents under a numbered item and an attribution dash alike', () => {
    expect(wrapText('12. A headline long enough to need a second line here', 30)).toBe('12. A headline long enough to\n    need a second line here');
    expect(wrapText('— Maria Keller, water director of the Valmora basin', 30)).toBe('— Maria Keller, water director\n  of the Valmora basin');
  });

  it('gives a word longer than the width a line of its own and never cuts it', () => {
    const url = `https://example.com/${'a'.repeat(90)}`;
    expect(wrapText(`Read the full story: ${url}`, 78)).toBe(`Read the full story:\n${url}`);
  });

  it('keeps a per-recipient block on one line, whatever spaces its source holds', () => {
    const block = '[[gz:1:#recipient]]{{#if subscriber.name}}Hello {{subscriber.name}},{{else}}Hello,{{/if}}[[gz:1:/recipient]]';
    const wrapped = wrapText(`Welcome back to the issue, ${block} and thanks`, 30, /\[\[gz:1:#recipient\]\][\s\S]*?\[\[gz:1:\/recipient\]\]/g);
    expect(wrapped.split('\n').some((line) => line.includes(block))).toBe(true);
    expect(wrapped.replace(/\n/g, ' ')).toBe(`Welcome back to the issue, ${block} and thanks`);
  });

  it('drops trailing spaces and never leaves a line of spaces', () => {
    expect(wrapText('Hello   \n   \nBye', 78)).toBe('Hello\n\nBye');
  });

  it('puts back exactly the kept spans, whatever characters the text around them holds', () => {
    const block = '[[gz:1:#recipient]]Hi {{subscriber.name}}[[gz:1:/recipient]]';
    const keep = /\[\[gz:1:#recipient\]\][\s\S]*?\[\[gz:1:\/recipient\]\]/g;
    const text = `\u00000\u0000 \ue0000\ue000 ${block} ${block}`;
    expect(wrapText(text, 78, keep)).toBe(text);
    expect(wrapText(text, 78, keep)).toBe(text);
  });

  it('repeats the > of a quotation on each line it continues on, under a list mark inside it too', () => {
    expect(wrapText('> A quoted sentence long enough to wrap here', 30)).toBe('> A quoted sentence long\n> enough to wrap here');
    expect(wrapText('> > * A nested quoted item long enough to wrap', 30)).toBe('> > * A nested quoted item\n> >   long enough to wrap');
  });
});
