// What an import does to the verdict of a bundled provider it replaces: the
// level that applies now (the person's own replacement, else the bundled
// entry) and the level after the import, for the preview to show side by side.
import { providerLevel, type Level } from '../core/assess';
import type { Provider } from '../data/schema';

export interface VerdictChange {
  id: string;
  name: string;
  before: Level;
  after: Level;
}

export function verdictChanges(incoming: readonly Provider[], custom: readonly Provider[], bundledById: ReadonlyMap<string, Provider>): VerdictChange[] {
  const ownById = new Map(custom.map((p) => [p.id, p]));
  return incoming.flatMap((p) => {
    const bundled = bundledById.get(p.id);
    if (!bundled) return [];
    const before = providerLevel(ownById.get(p.id) ?? bundled);
    const after = providerLevel(p);
    return before === after ? [] : [{ id: p.id, name: bundled.name, before, after }];
  });
}
