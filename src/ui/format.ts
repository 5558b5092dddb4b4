// Intl formatting in the UI language: dates, country names and lists. Pure
// (takes the language), so it is unit-tested without the browser.

export type UiLang = 'en' | 'fr';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2025-03-04" → "4 Mar 2025" / "4 mars 2025". A calendar date: formatted in UTC so it never shifts a day. */
export function formatDate(iso: string, lang: UiLang): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

const regionNames = new Map<UiLang, Intl.DisplayNames | null>();

/** "FR" → "France" / "DE" → "Allemagne"; the code itself when the browser has no name for it. */
export function countryName(code: string, lang: UiLang): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  if (!regionNames.has(lang)) {
    try {
      regionNames.set(lang, new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' }));
    } catch {
      regionNames.set(lang, null);
    }
  }
  try {
    return regionNames.get(lang)?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** "France (FR)": the name and the ISO code, so the code is always visible. */
export function countryWithCode(code: string, lang: UiLang): string {
  const name = countryName(code, lang);
  return name === code ? code : `${name} (${code})`;
}

/** ["a", "b", "c"] → "a, b and c" / "a, b et c". */
export function formatList(items: readonly string[], lang: UiLang): string {
  try {
    return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** The host of a URL for display, or null for anything that is not http(s). */
export function displayHost(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : null;
  } catch {
    return null;
  }
}

/** Only https links are ever rendered as links (the data schema enforces it too). */
export function safeHttpsUrl(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
