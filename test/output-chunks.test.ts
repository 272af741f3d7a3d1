import { expect, it } from 'vitest';
import { jsonPieces, textSlices } from '../src/output/chunks.js';

// Every kind of character JSON escapes or UTF-8 encodes in several bytes, pairs placed across slice edges.
const TEXT = 'ab"c\\d\n\te\u0001f “curly” é 北京 😀😀 \ud800 lone \udc00 a\r\nb\r\r\n end 🎉';

it('slices text so each slice encodes to the bytes it adds to the whole, never halving a surrogate pair or a CRLF', () => {
  for (const length of [1, 2, 3, 5, 7]) {
    const slices = [...textSlices(TEXT, length)];
    expect(slices.join('')).toBe(TEXT);
    expect(Buffer.concat(slices.map((slice) => Buffer.from(slice, 'utf8')))).toEqual(Buffer.from(TEXT, 'utf8'));
    expect(slices.every((slice) => slice.length <= length + 1)).toBe(true);
    expect(slices.some((slice, index) => slice.endsWith('\r') && slices[index + 1]?.startsWith('\n'))).toBe(false);
    expect(slices.map((slice) => slice.replace(/\r?\n/g, '\r\n')).join('')).toBe(TEXT.replace(/\r?\n/g, '\r\n'));
  }
  expect([...textSlices('')]).toEqual([]);
});

it('writes an object as JSON.stringify does, its long strings escaped slice by slice', () => {
  const value = { issue: '2024-W05', subject: TEXT, preheader: null, html: TEXT.repeat(3), missing: undefined, count: 3 };
  for (const length of [1, 4, 6, 1000]) expect([...jsonPieces(value, length)].join('')).toBe(JSON.stringify(value));
  expect([...jsonPieces({})].join('')).toBe('{}');
});
