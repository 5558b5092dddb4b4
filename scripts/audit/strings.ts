// The audit command's own words, in English and French. Levels, statuses,
// verdicts and section names come from the extension's messages (labels.ts),
// so that they read as in the popup.
import type { UiLang } from '../../src/ui/format';

const STRINGS = {
  title: { en: 'Sovereignty Lens audit', fr: 'Audit Sovereignty Lens' },
  generated: { en: 'Made on $1 with Sovereignty Lens $2, dataset $3', fr: 'Fait le $1 avec Sovereignty Lens $2, données du $3' },
  pagesAudited: { en: '$1 page(s) audited, $2 could not be', fr: '$1 page(s) auditée(s), $2 impossible(s)' },
  page: { en: 'Page', fr: 'Page' },
  pageStatus: { en: 'Page status', fr: 'État de la page' },
  verdict: { en: 'Verdict', fr: 'Verdict' },
  providers: { en: 'Providers', fr: 'Fournisseurs' },
  provider: { en: 'Provider', fr: 'Fournisseur' },
  providerId: { en: 'Provider id', fr: 'Identifiant' },
  level: { en: 'Level', fr: 'Niveau' },
  howFound: { en: 'How found', fr: 'Comment trouvé' },
  foreignLaws: { en: 'Foreign laws', fr: 'Lois étrangères' },
  validUntil: { en: 'HDS valid until', fr: 'HDS valable jusqu’au' },
  foundIn: { en: 'Found in', fr: 'Trouvé dans' },
  files: { en: 'Files served', fr: 'Fichiers servis' },
  hosts: { en: 'Hosts', fr: 'Hôtes' },
  sources: { en: 'Sources', fr: 'Sources' },
  details: { en: 'Providers by page', fr: 'Fournisseurs par page' },
  ok: { en: 'OK', fr: 'OK' },
  couldNotAudit: { en: 'Could not audit: $1', fr: 'Audit impossible : $1' },
  viaText: { en: 'named on the page', fr: 'cité sur la page' },
  viaHost: { en: 'runs the site', fr: 'exploite le site' },
  viaFiles: { en: 'serves $1 file(s)', fr: 'sert $1 fichier(s)' },
  redirected: { en: 'now at $1', fr: 'désormais à $1' },
  none: { en: '—', fr: '—' },
} as const;

export type StringKey = keyof typeof STRINGS;

export type Say = (key: StringKey, ...subs: (string | number)[]) => string;

export function sayer(lang: UiLang): Say {
  return (key, ...subs) => STRINGS[key][lang].replace(/\$([1-9])/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
}
