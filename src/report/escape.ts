/**
 * Escaping of user text (test names, messages, list cells) for every output format. Test names are
 * written by the code under test: nothing in them may render as markup, break a table or a CSV row.
 */

/** Text for a Markdown paragraph or table cell: no markup, links, images, HTML, or line breaks. */
export function escapeMarkdown(text: string): string {
  // Most names need nothing: none of the characters any rule below looks at.
  if (!MARKDOWN_SPECIAL.test(text)) return text;
  // Each rule runs only when its text can be there: the rules are applied in this order.
  let s = text;
  if (s.includes('\n') || s.includes('\r')) s = s.replace(/\r\n|\r|\n/g, ' ');
  s = s.replace(/[\\`*_{}[\]()#+!|~]/g, '\\$&');
  if (HTML_MARKUP.test(s)) s = s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  if (s.startsWith('-')) s = `\\${s}`;
  else if (s.charCodeAt(0) >= 0x30 && s.charCodeAt(0) <= 0x39) s = s.replace(/^(\d+)([.)])/, '$1\\$2');
  if (s.includes(':')) s = s.replace(/(https?|ftp|mailto):/gi, '$1&#58;');
  if (s.includes('.')) s = s.replace(/\b(www)\./gi, '$1&#46;');
  if (s.includes('@')) s = s.replace(/@/g, '&#64;');
  return s;
}

const HTML_MARKUP = /[&<>"]/;

/** Every character that a rule of `escapeMarkdown` starts from. */
const MARKDOWN_SPECIAL = /[\r\n\\`*_{}[\]()#+!|~&<>"@:.-]/;

/** Text for HTML element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return HTML_SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`) : text;
}

const HTML_SPECIAL = /[&<>"']/;

/**
 * One CSV field (RFC 4180). A field that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`,
 * tab, carriage return first) is prefixed with `'`.
 */
export function csvField(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Shortens text to at most `max` characters, marking the cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * `escapeMarkdown` for text that never starts a line (a table cell, a list item's text, after a
 * heading's `#`): a leading `-` or `1.` there is no list, so it is left as written.
 */
export function escapeMarkdownInline(text: string): string {
  return escapeMarkdown(` ${text}`).slice(1);
}
