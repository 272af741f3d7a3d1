import { expect, it } from 'vitest';
import { parseHtml } from '../src/check/html-document.js';

// Stray and implied tags, uppercase names, duplicate attributes, comments, CDATA-like text and a <br> closed by </br>.
const HTML = `<!doctype html><HTML><head><title>t</title><style>p { color: red }</style></head>
<body><div STYLE="x"><p>one<p>two</div></span><table><tr><td background="bg.png">cell</td></tr></table>
<!-- <a href="javascript:alert(1)">commented</a> --><a href="https://example.com/" href="dup" onClick="x()">link</a></br><img src=data:x></body></HTML>`;

it("reads without a tree the same tags, attributes and places as the tree's elements, in document order", () => {
  const scanned = parseHtml('email.html', HTML);
  const fromScan = scanned.tags().map(({ name, attribs, startIndex }) => ({ name, attribs, startIndex }));
  const treed = parseHtml('email.html', HTML);
  void treed.root;
  const fromTree = treed.tags().map(({ name, attribs, startIndex }) => ({ name, attribs, startIndex }));
  expect(fromScan).toEqual(fromTree);
  expect(fromScan.map((tag) => tag.name)).toContain('br');
  expect(fromScan.find((tag) => tag.name === 'a')?.attribs).toEqual({ href: 'https://example.com/', onclick: 'x()' });
});
