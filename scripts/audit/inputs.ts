// From the command's arguments to the list of pages: addresses as given, or
// read from list files (one per line). Pure apart from the injected reader.

export interface Inputs {
  urls: string[];
  /** Lines that are not http(s) addresses, with where they came from. */
  rejected: string[];
}

/** An http(s) address (https:// added when there is no scheme), or null. */
export function normalizeUrl(text: string): string | null {
  const s = text.trim();
  if (!s || /\s/.test(s)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(s) && !/^[^/:]+:\d+(\/|$)/.test(s) ? s : `https://${s}`;
  try {
    const u = new URL(withScheme);
    if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname) return null;
    return u.href;
  } catch {
    return null;
  }
}

/** Lines of a list file: blank lines and # comments skipped. */
export function listLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter(Boolean);
}

export interface InputReader {
  /** The file's text, or null when `arg` is not a file. */
  read(arg: string): string | null;
}

export function collectInputs(args: readonly string[], reader: InputReader): Inputs {
  const urls: string[] = [];
  const rejected: string[] = [];
  const add = (text: string, where: string) => {
    const url = normalizeUrl(text);
    if (!url) rejected.push(`${where}: "${text}" is not an http(s) address`);
    else if (!urls.includes(url)) urls.push(url);
  };
  for (const arg of args) {
    const looksLikeUrl = /^https?:\/\//i.test(arg);
    const text = looksLikeUrl ? null : reader.read(arg);
    if (text === null) {
      add(arg, 'argument');
      continue;
    }
    if (/^\s*</.test(text)) {
      rejected.push(`${arg}: is a web page, not a list of addresses (serve it over http and give its address)`);
      continue;
    }
    listLines(text).forEach((line) => add(line, arg));
  }
  return { urls, rejected };
}
