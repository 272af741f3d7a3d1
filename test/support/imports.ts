import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One import of a source file. */
export interface ModuleImport {
  /** The imported module: an absolute path for a relative specifier (`.js` read as its `.ts` source), else the package name. */
  target: string;
  /** `import type` or `export type … from`: erased by the compiler, never loaded. */
  typeOnly: boolean;
  /** `import('…')`: loaded only when that line runs. */
  dynamic: boolean;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveSpecifier(file: string, specifier: string): string {
  if (specifier.startsWith('.')) return path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts'));
  return specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
}

/** The imports and re-exports of a TypeScript file, `node:` built-ins left out. */
export function moduleImports(file: string): ModuleImport[] {
  const imports: ModuleImport[] = [];
  for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const [, typeKeyword, staticSpecifier, dynamicSpecifier] = match;
    const specifier = (staticSpecifier ?? dynamicSpecifier)!;
    if (specifier.startsWith('node:')) continue;
    imports.push({ target: resolveSpecifier(file, specifier), typeOnly: typeKeyword !== undefined, dynamic: dynamicSpecifier !== undefined });
  }
  return imports;
}

/** Every module a source file loads through its imports: static ones, and dynamic ones of the files `followDynamic` names. */
export function reachable(entry: string, followDynamic: (file: string) => boolean, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  if (!path.isAbsolute(entry)) return seen; // a package: its own imports do not matter here
  for (const { target, typeOnly, dynamic } of moduleImports(entry)) {
    if (typeOnly || (dynamic && !followDynamic(entry))) continue;
    reachable(target, followDynamic, seen);
  }
  return seen;
}

/** The `.ts` files under a folder, at any depth. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(dir, name))
    .sort();
}
