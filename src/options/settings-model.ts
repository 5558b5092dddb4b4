// Pure helpers of the settings form.

/**
 * A site typed by a person ("Example.com", "https://www.example.com/page")
 * → the host name the background compares with (punycode, lower case), or null.
 */
export function normaliseSite(input: string): string | null {
  const text = input.trim();
  if (!text || /\s/.test(text)) return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/\.$/, '').toLowerCase();
  if (!host || host.length > 253) return null;
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host) && !/^\[[0-9a-f:.]+\]$/.test(host)) return null;
  return host;
}

/** The list with `site` added (sorted, no duplicates). */
export function addSite(list: readonly string[], site: string): string[] {
  return [...new Set([...list, site])].sort();
}
