// The extension's own UI strings (_locales) outside the browser, substituted
// as browser.i18n.getMessage does: named placeholders, then $1…$9. The CLI
// labels levels and statuses with them, so it says what the popup says.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MessageKey } from '../../src/shared/i18n';
import type { UiLang } from '../../src/ui/format';

export type Translate = (key: MessageKey, subs?: string[]) => string;

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cache = new Map<UiLang, Record<string, Entry>>();

function messages(lang: UiLang): Record<string, Entry> {
  let table = cache.get(lang);
  if (!table) {
    const path = join(ROOT, '_locales', lang, 'messages.json');
    table = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Entry>;
    cache.set(lang, table);
  }
  return table;
}

export function translator(lang: UiLang): Translate {
  const table = messages(lang);
  return (key, subs = []) => {
    const entry = Object.hasOwn(table, key) ? table[key] : undefined;
    if (!entry) return key;
    return entry.message
      .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? whole)
      .replace(/\$([1-9])/g, (_, n: string) => subs[Number(n) - 1] ?? '')
      .replace(/\$\$/g, '$');
  };
}
