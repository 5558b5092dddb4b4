// Text from pages and from the dataset, made safe to print: no control
// characters (a page could hide terminal escape sequences in a sentence), no
// bidirectional overrides (they can make text read backwards), one line.

// C0 and C1 controls, DEL, and the bidi embedding, override and isolate marks.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** One line of plain text: controls removed, any whitespace run (newlines included) as one space. */
export function plain(text: string): string {
  return text.replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
}
