#!/usr/bin/env node
// Installs the system programs the tests drive, when they are missing: Debian's Chromium
// (browser tests through playwright-core) and SpamAssassin (the spam check). Nothing is
// downloaded outside the package manager.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needed = [
  { program: '/usr/bin/chromium', aptPackage: 'chromium' },
  { program: '/usr/bin/spamassassin', aptPackage: 'spamassassin' },
];

const missing = needed.filter(({ program }) => !existsSync(program));
if (missing.length === 0) process.exit(0);

const packages = missing.map(({ aptPackage }) => aptPackage);
const isRoot = process.getuid?.() === 0;
const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
if (!isRoot || !hasApt) {
  console.error(`setup-test-env: missing ${packages.join(', ')}; install them with: sudo apt-get install -y ${packages.join(' ')}`);
  process.exit(1);
}

console.error(`setup-test-env: installing ${packages.join(', ')} with apt-get`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
