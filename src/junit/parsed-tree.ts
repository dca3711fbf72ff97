/** What fast-xml-parser gives for an element cut out of a report (see case-parser.ts), and how it is read. */

export type Node = Record<string, unknown>;

/** Key of an element's attributes in what fast-xml-parser gives. */
export const ATTRIBUTES = '$';

export function attributesOf(node: Node): Node {
  const group = node[ATTRIBUTES];
  return typeof group === 'object' && group !== null ? (group as Node) : {};
}

export function attr(node: Node, name: string): string | undefined {
  const v = attributesOf(node)[name];
  return typeof v === 'string' ? v : undefined;
}

/** The child elements named `name` (the parser gives every element of a test case as an array). */
export function elements(node: Node, name: string): readonly unknown[] {
  const v = node[name];
  return Array.isArray(v) ? v : [];
}

export function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null) {
    const t = (v as Node)['#text'];
    return typeof t === 'string' ? t : '';
  }
  return '';
}

/**
 * Every `<testcase>` below a node, also inside nested `<testsuite>` elements, in document order per
 * element name (cases before suites, as before). Pushed one by one: spreading a list of 100,000s of
 * cases into one call overflows the stack.
 */
export function nestedCases(node: Node, out: Node[] = []): Node[] {
  for (const c of elements(node, 'testcase')) {
    if (typeof c !== 'object' || c === null) continue;
    out.push(c as Node);
    nestedCases(c as Node, out);
  }
  for (const suite of elements(node, 'testsuite')) {
    if (typeof suite === 'object' && suite !== null) nestedCases(suite as Node, out);
  }
  return out;
}
