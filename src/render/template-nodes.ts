import Handlebars from 'handlebars';

/** Every node of a Handlebars syntax tree, parents before children (places, `loc`, are not nodes). */
export function eachNode(node: unknown, visit: (node: { type?: string }) => void): void {
  if (Array.isArray(node)) return node.forEach((child) => eachNode(child, visit));
  if (typeof node !== 'object' || node === null) return;
  visit(node);
  for (const [key, child] of Object.entries(node)) if (key !== 'loc') eachNode(child, visit);
}

/** Sources whose trees are kept: a theme's files many times over (the preview rebuilds on every edit). */
const KEPT_TREES = 256;
const trees = new Map<string, hbs.AST.Program>();

/**
 * A template's syntax tree, to read and never to change: a build's checks read each theme file
 * several times (partial calls, helper calls, parameters, unescaped output), and Handlebars'
 * parser is slow while it is cold. Code that marks a tree for compiling parses its own copy.
 * A source that does not parse throws, every time.
 */
export function templateTree(source: string): hbs.AST.Program {
  let tree = trees.get(source);
  if (!tree) {
    tree = Handlebars.parse(source);
    if (trees.size >= KEPT_TREES) trees.clear();
    trees.set(source, tree);
  }
  return tree;
}
