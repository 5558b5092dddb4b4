// Is a position inside a URL or a path-like token ("https://x/Azure",
// "github.com/Azure/sdk", "/var/lib/azure")? Used for names touching a slash:
// "AWS/Azure" in prose is two names, "github.com/Azure" is an address.

const MAX_TOKEN = 256;
const URLISH = /:\/\/|^www\.|[\p{L}\p{N}-]\.[\p{L}]{2,}[/:]|^\/|\/\//u;

function isSpaceCode(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
}

/** The whitespace-delimited token around [start, end), bounded in length. */
export function tokenAround(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && start - a < MAX_TOKEN && !isSpaceCode(text.charCodeAt(a - 1))) a--;
  let b = end;
  while (b < text.length && b - end < MAX_TOKEN && !isSpaceCode(text.charCodeAt(b))) b++;
  return text.slice(a, b);
}

export function inUrlToken(text: string, start: number, end: number): boolean {
  return URLISH.test(tokenAround(text, start, end));
}
