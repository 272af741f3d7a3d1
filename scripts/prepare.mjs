#!/usr/bin/env node
// `npm install` and `npm ci` in a clone build dist/. A production install (`--omit=dev`) has no
// TypeScript to build with: it keeps the dist/ built before, or says how to get one, instead of
// failing the install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const say = (message) => console.error(`gazette prepare: ${message}`);

// TypeScript itself may arrive with a production dependency; the dev tree is there only when our
// own devDependencies are, and the build needs their type packages.
const resolvable = (name) => {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
};
const hasTypeScript = resolvable('typescript') && resolvable('@types/mjml/package.json');

if (hasTypeScript) execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
else if (existsSync(new URL('../dist/src/cli/main.js', import.meta.url))) say('the dev dependencies are not installed (a production install); using the dist/ built before');
else say('the dev dependencies are not installed (a production install), so dist/ cannot be built: run npm install and npm run build first, then npm ci --omit=dev');
