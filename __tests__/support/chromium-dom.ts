/**
 * A reader for the DOM that `chromium --dump-dom` prints. Chromium serializes its own DOM tree, so
 * the text is regular: attributes always quoted, text escaped, raw text only in style and script.
 * The tree read back is the tree the browser built, not a second guess at parsing the page.
 */

export interface DomElement {
  readonly tag: string;
  readonly attrs: ReadonlyMap<string, string>;
  readonly children: DomNode[];
  readonly parent: DomElement | undefined;
}
export type DomNode = DomElement | string;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);
const RAW_TEXT = new Set(['style', 'script', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return NAMED[ref] ?? whole;
  });
}

/** The document element (`<html>`) of a serialized DOM. */
export function parseDumpedDom(serialized: string): DomElement {
  const root: DomElement = { tag: '#document', attrs: new Map(), children: [], parent: undefined };
  let current = root;
  let i = 0;
  const s = serialized;
  while (i < s.length) {
    if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i + 4);
      i = end < 0 ? s.length : end + 3;
    } else if (s.startsWith('<!', i) || s.startsWith('<?', i)) {
      const end = s.indexOf('>', i);
      i = end < 0 ? s.length : end + 1;
    } else if (s.startsWith('</', i)) {
      const end = s.indexOf('>', i);
      const name = s.slice(i + 2, end).trim().toLowerCase();
      for (let e: DomElement | undefined = current; e !== undefined && e !== root; e = e.parent) {
        if (e.tag === name) {
          current = e.parent ?? root;
          break;
        }
      }
      i = end + 1;
    } else if (s[i] === '<' && /[a-zA-Z]/.test(s[i + 1] ?? '')) {
      const tag = /^<([a-zA-Z][^\s/>]*)/.exec(s.slice(i, i + 100))![1]!.toLowerCase();
      i += tag.length + 1;
      const attrs = new Map<string, string>();
      const attr = /\s*([^\s"'>/=]+)(?:="([^"]*)")?|\s*\/?>/y;
      for (;;) {
        attr.lastIndex = i;
        const m = attr.exec(s);
        if (m === null) throw new Error(`cannot read the tag at ${i}: ${s.slice(i, i + 80)}`);
        i = attr.lastIndex;
        if (m[1] === undefined) break;
        attrs.set(m[1].toLowerCase(), decode(m[2] ?? ''));
      }
      const el: DomElement = { tag, attrs, children: [], parent: current };
      current.children.push(el);
      if (RAW_TEXT.has(tag)) {
        const end = s.toLowerCase().indexOf(`</${tag}`, i);
        el.children.push(s.slice(i, end < 0 ? s.length : end));
        i = end < 0 ? s.length : s.indexOf('>', end) + 1;
      } else if (!VOID.has(tag)) {
        current = el;
      }
    } else {
      const next = s.indexOf('<', i + 1);
      const end = next < 0 ? s.length : next;
      current.children.push(decode(s.slice(i, end)));
      i = end;
    }
  }
  const html = root.children.find((n): n is DomElement => typeof n !== 'string' && n.tag === 'html');
  if (html === undefined) throw new Error('the dumped DOM has no <html> element');
  return html;
}

/** Every element under `el`, in document order. */
export function descendants(el: DomElement): DomElement[] {
  const out: DomElement[] = [];
  const walk = (e: DomElement): void => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

export function byTag(el: DomElement, tag: string): DomElement[] {
  return descendants(el).filter((e) => e.tag === tag);
}

export function hasClass(el: DomElement, name: string): boolean {
  return (el.attrs.get('class') ?? '').split(/\s+/).includes(name);
}

export function childElements(el: DomElement): DomElement[] {
  return el.children.filter((c): c is DomElement => typeof c !== 'string');
}

/** The text of an element and everything in it, as `textContent` gives it. */
export function textOf(node: DomNode): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}

/** The nearest ancestor (not the element itself) with the tag, or undefined. */
export function ancestor(el: DomElement, tag: string): DomElement | undefined {
  for (let e = el.parent; e !== undefined; e = e.parent) if (e.tag === tag) return e;
  return undefined;
}
