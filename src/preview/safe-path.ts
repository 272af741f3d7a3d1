import { realpath } from 'node:fs/promises';
import path from 'node:path';

/**
 * The file a URL path names inside `root`, or null when it would leave `root`. The path is
 * decoded once (so `%2e%2e%2f` is caught like `../`), and hidden names (`.git`, `.env`)
 * are refused because they hold things no preview needs.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const segments = decoded.split(/[\\/]+/).filter((segment) => segment !== '' && segment !== '.');
  if (segments.some(isHidden)) return null;
  const target = path.resolve(root, ...segments);
  return isInside(root, target) ? target : null;
}

export function isInside(root: string, target: string): boolean {
  const relative = path.relative(path.resolve(root), target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Like `resolveInside`, and a symbolic link must not lead out of `root` either, nor into a
 * hidden folder or file (`notes.txt` → `.env`). The real path, or null when missing.
 */
export async function resolveExistingInside(root: string, urlPath: string): Promise<string | null> {
  const target = resolveInside(root, urlPath);
  if (!target) return null;
  try {
    const [realRoot, realTarget] = await Promise.all([realpath(root), realpath(target)]);
    return isInside(realRoot, realTarget) && !path.relative(realRoot, realTarget).split(path.sep).some(isHidden) ? realTarget : null;
  } catch {
    return null;
  }
}

function isHidden(segment: string): boolean {
  return segment.startsWith('.');
}
