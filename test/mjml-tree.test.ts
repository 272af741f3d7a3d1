import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../src/build.js';
import { mjmlTree } from '../src/render/mjml-tree.js';
import { REPO } from './support/workspace.js';

// MJML's own parser, reached through mjml as mjml2html reaches it, with the components mjml registers.
const fromMjml = createRequire(createRequire(import.meta.url).resolve('mjml'));
const mjmlCore = fromMjml('mjml-core') as { components: Record<string, unknown> };
const parseLikeMjml = createRequire(fromMjml.resolve('mjml-core'))('mjml-parser-xml') as (xml: string, options: object) => unknown;

/** The options mjml2html parses with when Gazette compiles (`keepComments: false`, the rest by default). */
const mjmlParse = (xml: string) =>
  parseLikeMjml(xml, { keepComments: false, components: { ...mjmlCore.components }, filePath: '.', actualPath: '.', preprocessors: [], ignoreIncludes: true });

const DOCUMENTS = {
  'head, body, attributes and booleans': `<mjml lang="en">
  <mj-head>
    <mj-title>Issue &amp; more</mj-title>
    <mj-attributes><mj-all font-family="Georgia"></mj-all><mj-text padding="0"></mj-text></mj-attributes>
    <mj-style inline="inline">a { color: red; }</mj-style>
  </mj-head>
  <mj-body width="600px">
    <mj-section full-width="false"><mj-column><mj-image src="https://example.com/a.png" alt="" fluid-on-mobile="true"></mj-image></mj-column></mj-section>
  </mj-body>
</mjml>`,
  'HTML kept as written inside ending tags, nested ones included': `<mjml><mj-body><mj-section><mj-column>
    <mj-text css-class="x">
      <p>One <b>two</b></p><mj-text>not a tag here</mj-text>
      <ul><li>three</li></ul>
    </mj-text>
    <mj-raw><!-- a comment kept in raw --><br/></mj-raw>
    <mj-button href="https://example.com/">Read</mj-button>
    <mj-text />
    <mj-raw></mj-raw>
  </mj-column></mj-section></mj-body></mjml>`,
  'comments, stray text, CDATA and an include outside ending tags': `<mjml>
  <!-- dropped: comments are not kept -->
  <mj-body>
    loose text < with a bracket
    <mj-include path="./nowhere.mjml" />
    <mj-section><![CDATA[ cdata text ]]><mj-column><mj-spacer height="10px" /></mj-column></mj-section>
  </mj-body>
</mjml>`,
  'tags left open and stray closing tags': `<mjml><mj-body><mj-section><mj-column><mj-text>open</mj-text></mj-section></mj-wrapper><mj-section></mj-body></mjml>`,
};

describe('the MJML tree Gazette hands to mjml2html', () => {
  for (const [name, xml] of Object.entries(DOCUMENTS)) {
    it(`is the tree MJML's parser builds: ${name}`, () => {
      expect(mjmlTree(xml)).toStrictEqual(mjmlParse(xml));
    });
  }

  it("is the tree MJML's parser builds for the sample issue, line numbers included", async () => {
    const { email } = await buildDigest({ root: REPO, now: () => new Date('2024-02-05T08:00:00Z') });
    expect(mjmlTree(email.mjml)).toStrictEqual(mjmlParse(email.mjml));
  });

  it('fails as MJML does on a document without a tag', () => {
    expect(() => mjmlTree('just text')).toThrow('Parsing failed. Check your mjml.');
    expect(() => mjmlParse('just text')).toThrow('Parsing failed. Check your mjml.');
  });
});
