import { isAlias, visit, type Document, type LineCounter } from 'yaml';

export type YamlValue = { ok: true; value: unknown } | { ok: false; message: string; line?: number; column?: number };

/**
 * A parsed YAML document as plain data. `toJS` refuses a document whose aliases expand too far
 * (a "billion laughs" front matter): that is the input's fault, so it comes back as a problem at
 * the first alias rather than as an exception.
 */
export function yamlValue(document: Document, lineCounter: LineCounter): YamlValue {
  try {
    return { ok: true, value: document.toJS() ?? {} };
  } catch (error) {
    let offset: number | undefined;
    visit(document, {
      Alias: (_key, node) => {
        if (isAlias(node) && node.range) offset = node.range[0];
        return visit.BREAK;
      },
    });
    const place = offset === undefined ? null : lineCounter.linePos(offset);
    const reason = /alias/i.test((error as Error).message) ? 'its aliases expand too far (more than 100 copies)' : (error as Error).message;
    return { ok: false, message: `invalid YAML: ${reason}`, line: place?.line, column: place?.col };
  }
}
