import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { SYSTEM_PROGRAMS, skipReason } from './system-programs.js';
import { REPO } from './workspace.js';

/** What `npm run build` compiles (tsconfig.build.json, and the test helpers bench imports) and the file it writes last. */
const SOURCES = ['src', 'bench', 'scripts', path.join('test', 'support')];
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];
const BUILT = path.join('dist', 'src', 'cli', 'main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(file));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

/**
 * The CLI tests run the compiled program, as a user does, and the SMTP sink runs in a child
 * process from dist/ (Node 20 cannot run TypeScript, and no loader such as tsx is installed). So a
 * fresh clone, or sources newer than the build, get one `npm run build` before any test starts.
 */
function buildIfStale(): void {
  const built = statSync(path.join(REPO, BUILT), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = Math.max(...SOURCES.map((dir) => newestSource(path.join(REPO, dir))), ...CONFIGS.map((file) => statSync(path.join(REPO, file)).mtimeMs));
  if (built >= sources) return;
  console.warn(built === 0 ? 'vitest: dist/ is missing; building it once (npm run build)' : 'vitest: dist/ is older than the sources; rebuilding (npm run build)');
  try {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stdout, stderr } = error as { stdout: Buffer; stderr: Buffer };
    throw new Error(`npm run build failed, and the CLI tests run the compiled program:\n${stdout}${stderr}`);
  }
}

export default function setup(): void {
  buildIfStale();
  for (const program of SYSTEM_PROGRAMS) {
    const reason = skipReason(program);
    if (reason) console.warn(`vitest: ${reason}`);
  }
}
