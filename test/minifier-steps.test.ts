import mjml2html from 'mjml';
import { expect, it } from 'vitest';
import { buildDigest } from '../src/build.js';
import { compileWhole } from '../src/render/compile-mjml.js';
import { mjmlTree } from '../src/render/mjml-tree.js';
import { REPO } from './support/workspace.js';

/**
 * The build leaves the minifier's SVG, JSON, JavaScript and script-template steps off (they only
 * cost start-up time). An issue of the default theme holds none of those, so its HTML is byte for
 * byte what MJML's own minifier settings give.
 */
it('compiles the sample issue to the same HTML as MJML with every minifier step on', async () => {
  const { email } = await buildDigest({ root: REPO, now: () => new Date('2024-02-05T08:00:00Z') });
  const withEveryStep = await mjml2html(email.mjml, { validationLevel: 'soft', keepComments: false, fonts: {}, minify: true, minifyOptions: { minifyCss: false } });
  const built = await compileWhole(mjmlTree(email.mjml));
  expect(built.html).toBe(withEveryStep.html);
  expect(built.html).toContain('</html>');
}, 60_000);
