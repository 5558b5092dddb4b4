// Certified alternatives to an exposed provider: providers of a shared
// category that are not exposed to foreign law and hold HDS and/or a valid
// SecNumCloud qualification. Pure: categories and statuses come from the data.
import { assess, type Assessment } from './assess';
import type { Provider } from '../data/schema';

export function alternativesFor(provider: Provider, all: readonly Provider[], today: string, max = 6): Assessment[] {
  const categories = new Set(provider.categories ?? []);
  if (categories.size === 0) return [];
  const self = assess(provider, today);
  if (self.level !== 'high' && self.level !== 'medium') return [];
  return all
    .filter((p) => p.id !== provider.id && (p.categories ?? []).some((c) => categories.has(c)))
    .map((p) => assess(p, today))
    .filter((a) => a.level === 'low' && (a.hds.status === 'certified' || a.secnumcloud.status === 'qualified'))
    .sort((a, b) => score(b) - score(a) || a.provider.name.localeCompare(b.provider.name))
    .slice(0, max);
}

/** Both labels first, then SecNumCloud (it implies immunity from non-EU law), then HDS. */
function score(a: Assessment): number {
  return (a.secnumcloud.status === 'qualified' ? 2 : 0) + (a.hds.status === 'certified' ? 1 : 0);
}
