/** Every node of a Handlebars syntax tree, parents before children (places, `loc`, are not nodes). */
export function eachNode(node: unknown, visit: (node: { type?: string }) => void): void {
  if (Array.isArray(node)) return node.forEach((child) => eachNode(child, visit));
  if (typeof node !== 'object' || node === null) return;
  visit(node);
  for (const [key, child] of Object.entries(node)) if (key !== 'loc') eachNode(child, visit);
}
