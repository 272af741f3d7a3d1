#!/usr/bin/env node
// Installs the system programs the full test suite drives, when they are missing: Debian's
// Chromium (browser tests through playwright-core, and the axe group of `gazette check`) and
// SpamAssassin (the spam group), Dovecot (the IMAP server the bounce intake reads in its tests) and
// PostgreSQL (the server the PostgreSQL store's tests start). Nothing is downloaded outside the package manager.
// `npm run test:unit` runs the rest of the suite without them.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';

const needed = [
  { program: '/usr/bin/chromium', aptPackage: 'chromium', why: 'the browser tests and the axe (colour contrast) group of gazette check' },
  { program: '/usr/bin/spamassassin', aptPackage: 'spamassassin', why: 'the spam-score group of gazette check' },
  { program: '/usr/sbin/dovecot', aptPackage: 'dovecot-imapd', why: 'the IMAP server gazette bounces --imap reads in its tests' },
  // Debian installs the server under its major version, which changes with the release.
  { program: '/usr/lib/postgresql/*/bin/postgres', aptPackage: 'postgresql', why: "the PostgreSQL store's tests" },
];

/** Whether the program is there; one `*` in its path stands for any folder (such as a version). */
function installed(program) {
  const [parent, rest] = program.split('/*/');
  if (rest === undefined) return existsSync(program);
  return existsSync(parent) && readdirSync(parent).some((folder) => existsSync(path.join(parent, folder, rest)));
}

/** The locks apt-get and dpkg hold while another installer runs (unattended-upgrades at boot, a second terminal). */
const LOCKS = ['/var/lib/dpkg/lock-frontend', '/var/lib/dpkg/lock', '/var/lib/apt/lists/lock', '/var/cache/apt/archives/lock'];
const LOCK_WAIT_MS = 10 * 60 * 1000;
const POLL_MS = 2000;

const say = (message) => console.error(`setup-test-env: ${message}`);

/** The processes holding one of the package manager's locks, read from /proc (root sees every process). */
function lockHolders() {
  const holders = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid)) {
    let fds;
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or not ours to read
    }
    const held = fds.map((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        return '';
      }
    });
    const lock = LOCKS.find((file) => held.includes(file));
    if (!lock) continue;
    let command = '?';
    try {
      command = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      // the process ended while we looked
    }
    holders.push({ pid, command, lock });
  }
  return holders;
}

/** Waits, saying so, while another package manager holds the lock, rather than failing the test run. */
function waitForPackageManager() {
  const started = Date.now();
  let announced = '';
  for (;;) {
    const holders = lockHolders();
    if (holders.length === 0) return;
    const who = holders.map(({ pid, command, lock }) => `${command} (pid ${pid}) holds ${lock}`).join('; ');
    if (who !== announced) {
      say(`waiting for another package manager to finish: ${who}`);
      announced = who;
    }
    if (Date.now() - started > LOCK_WAIT_MS) {
      say(`still locked after ${LOCK_WAIT_MS / 60000} minutes; try again when it has finished, or run npm run test:unit`);
      process.exit(1);
    }
    // A synchronous pause: this script does nothing else meanwhile.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, POLL_MS);
  }
}

const missing = needed.filter(({ program }) => !installed(program));
if (missing.length === 0) process.exit(0);

const packages = missing.map(({ aptPackage }) => aptPackage);
say('the full test suite needs programs this machine does not have:');
for (const { aptPackage, program, why } of missing) console.error(`  ${aptPackage} (${program}): ${why}`);

const isRoot = process.getuid?.() === 0;
const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
if (!isRoot || !hasApt) {
  say(`install them with: sudo apt-get install -y ${packages.join(' ')}`);
  say('or run the tests that need no system programs: npm run test:unit');
  process.exit(1);
}

say(`installing ${packages.join(', ')} with apt-get from the Debian archive (nothing else is downloaded)`);
waitForPackageManager();
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
// The timeout covers an installer that starts between our look and apt-get's own.
const lockTimeout = ['-o', `DPkg::Lock::Timeout=${LOCK_WAIT_MS / 1000}`];
execFileSync('apt-get', [...lockTimeout, 'update', '-qq'], { stdio: 'inherit', env });
waitForPackageManager();
execFileSync('apt-get', [...lockTimeout, 'install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
say(`installed ${packages.join(', ')}`);
