// Escaping by context for the Markdown report (and CSV cells): whatever a
// page, the dataset or an import puts in a field comes out as that text, never
// as markup, a link or HTML, in any CommonMark renderer.
import { readableText } from '../core/normalize';

const ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/**
 * Inline text: one line (every line break and space run becomes one space),
 * with every character that can start emphasis, code, a link, a
 * strikethrough or a table cell backslash-escaped, and `<`, `>`, `&` written
 * as entities: a renderer that turns bare URLs into links (GFM, linkify) may
 * swallow a backslash into the link, and a `<` left bare after it would open
 * raw HTML. Our own lines never start with a field, so line-start syntax
 * (#, >, 1.) cannot trigger.
 */
export function mdText(text: string): string {
  return readableText(text).replace(/[\\`*_[\]|~]/g, '\\$&').replace(/[<>&]/g, (c) => ENTITY[c]!);
}

/** Link text is inline text: brackets are escaped, so it can neither close the link nor open another. */
export const mdLinkText = mdText;

/** A table cell: inline text, `|` escaped (so it cannot split the row), on one line. */
export const mdCell = mdText;

/**
 * An http(s) URL as an autolink `<…>`, percent-encoded so it has no space,
 * line break, control character, `<` or `>` (which would end it or break out
 * of it); anything else (javascript:, data:, a relative or broken URL) is
 * written as inline text, never as a link.
 */
export function mdAutolink(url: string): string {
  let href: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return mdText(url);
    href = u.href;
  } catch {
    return mdText(url);
  }
  return `<${href.replace(/[\u0000-\u0020<>\u007f-\u009f\\`]/g, (c) => encodeURIComponent(c))}>`;
}

/**
 * A CSV cell (RFC 4180): quoted when it holds a comma, quote or line break;
 * a cell a spreadsheet would read as a formula (=, +, -, @, tab or carriage
 * return first) gets a leading apostrophe.
 */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
