// A cited report of one page, for a DPIA or a procurement file: Markdown and
// a print-ready HTML page. Pure: labels come in through `t`, so it is tested
// in Node. Every string from a page, the dataset or a custom provider is
// escaped (HTML) or neutralised (Markdown); links are https only.
import type { Assessment } from '../core/assess';
import { claimBacking, hdsCertificateState, hdsGaps, secNumCloudGaps, type ScopeGaps } from '../core/evidence';
import type { RuleId } from '../data/rule-ids';
import { RULES } from '../data/rules';
import type { Basis, Provider, Source } from '../data/schema';
import type { MessageKey } from '../shared/i18n';
import type { ResourceProvider, TabProvider } from '../shared/protocol';
import { countryWithCode, formatDate, formatList, safeHttpsUrl, type UiLang } from '../ui/format';
import { BACKING_LABEL, CLOUD_ACT_LABEL, HDS_LABEL, LAW_LABEL, LEVEL_LABEL, REGISTRY_LABEL, SECNUMCLOUD_LABEL, SOURCE_KIND_LABEL } from '../ui/level-label';
import { mdAutolink, mdText as md } from './markdown-escape';

export type Translate = (key: MessageKey, subs?: string[]) => string;

export interface ReportInput {
  url: string;
  /** When the report was made (ISO date-time). */
  generatedAt: string;
  extensionVersion: string;
  datasetVersion: string;
  lang: UiLang;
  providers: readonly Assessment[];
  found: ReadonlyMap<string, TabProvider>;
  resources: readonly ResourceProvider[];
  resourceNames: ReadonlyMap<string, string>;
  t: Translate;
}

interface Claim {
  label: string;
  value: string;
  reason: string;
  /** How it is known: "Stated by the provider", "Inferred from …". */
  evidence: string;
  /** Scope and validity of a label, and what no source states. */
  details: string[];
  sources: readonly Source[];
}

/** Numbers each distinct source URL once, in order of first citation. */
class Citations {
  readonly list: Source[] = [];
  private readonly index = new Map<string, number>();
  cite(sources: readonly Source[]): number[] {
    return sources.flatMap((s) => {
      if (!safeHttpsUrl(s.url)) return [];
      let n = this.index.get(s.url);
      if (n === undefined) {
        this.list.push(s);
        n = this.list.length;
        this.index.set(s.url, n);
      }
      return [n];
    });
  }
}

/** The status in words, and the foreign laws that reach the provider when the data lists any. */
function cloudActValue(a: Assessment, { t }: ReportInput): string {
  const { status, laws } = a.provider.cloudAct;
  const label = status === 'unknown' && laws.length > 0 ? t('cloudActForeignLaw') : t(CLOUD_ACT_LABEL[status]);
  return laws.length ? `${label} — ${laws.map((law) => t(LAW_LABEL[law])).join(', ')}` : label;
}

/** "Inferred from its US seat…" or "Stated by the provider"; empty for an unknown claim. */
function evidenceText(claim: { basis?: Basis; rule?: RuleId | null; sources: readonly Source[] }, p: Provider, unknown: boolean, { t, lang }: ReportInput): string {
  if (unknown) return '';
  const backing = claimBacking(claim, p);
  if (backing === 'none') return '';
  if (backing !== 'inferred') return t(BACKING_LABEL[backing]);
  const rule = claim.rule ? RULES[claim.rule] : null;
  return rule ? `${t('evidenceInferred', [rule.from[lang]])} (${rule.sources.map((s) => s.short).join(', ')})` : t('evidenceInferred', ['?']);
}

function gapsText(gaps: ScopeGaps, { t, lang }: ReportInput): string[] {
  const parts = [gaps.holder && t('scopeHolder'), gaps.scope && t('scopeScope'), gaps.validity && t('scopeValidity')].filter((x): x is string => typeof x === 'string');
  return parts.length ? [t('scopeNotVerified', [formatList(parts, lang)])] : [];
}

function hdsDetails(a: Assessment, input: ReportInput, today: string): string[] {
  const { t, lang } = input;
  const h = a.provider.hds;
  if (h.status !== 'certified') return [];
  const state = hdsCertificateState(h, today);
  return [
    ...(h.holder ? [t('hdsHolder', [h.holder])] : []),
    ...(h.services.length ? [t('hdsCovers', [formatList(h.services, lang)])] : []),
    ...(h.notCovered.length ? [t('hdsNotCovered', [formatList(h.notCovered, lang)])] : []),
    ...(h.certificateId ? [t('hdsCertificate', [h.certificateId])] : []),
    ...(h.certifier ? [t('hdsCertifier', [h.certifier])] : []),
    ...(h.referential ? [t('hdsReferential', [h.referential])] : []),
    ...(h.validUntil ? [t('validUntil', [formatDate(h.validUntil, lang)])] : []),
    ...(state === 'renewal-not-confirmed' ? [t('hdsRenewalNotConfirmedLong')] : []),
    ...gapsText(hdsGaps(h), input),
  ];
}

function sncDetails(a: Assessment, input: ReportInput): string[] {
  const { t, lang } = input;
  const s = a.provider.secnumcloud;
  const services = s.services.map((x) => [x.name, x.type?.toUpperCase(), x.qualifiedOn && t('sncQualifiedOn', [formatDate(x.qualifiedOn, lang)]), x.validUntil && t('validUntil', [formatDate(x.validUntil, lang)])].filter(Boolean).join(', '));
  const milestone = s.status !== 'in-progress' ? [] : s.milestone ? [s.milestone.date ? t('sncMilestoneOn', [s.milestone.stage, formatDate(s.milestone.date, lang)]) : t('sncMilestone', [s.milestone.stage])] : [t('sncNoMilestone')];
  return [...(services.length ? [`${t('sncServices')}: ${services.join('; ')}`] : []), ...milestone, ...(s.status === 'qualified' ? gapsText(secNumCloudGaps(s), input) : [])];
}

function claimsOf(a: Assessment, input: ReportInput, today: string): Claim[] {
  const { t, lang } = input;
  const p = a.provider;
  const j = p.jurisdiction;
  const hq = j.hq ? `${j.entity ? `${j.entity}, ` : ''}${countryWithCode(j.hq, lang)}` : t('claimNotVerified');
  const parent = j.parent && j.parentHq && j.parentHq !== j.hq ? ` — ${j.parent} (${countryWithCode(j.parentHq, lang)})` : '';
  const c = p.cloudAct;
  const hdsValue = a.hds.validity === 'expired' ? `${t(HDS_LABEL[a.hds.status])} (${t('reportExpired')})` : t(HDS_LABEL[a.hds.status]);
  return [
    {
      label: t('reportJurisdiction'),
      value: hq + parent,
      reason: j.reason[lang],
      evidence: evidenceText(j, p, j.hq === null, input),
      details: j.registry ? [t('registryEntry', [t(REGISTRY_LABEL[j.registry.kind]), j.registry.id])] : [],
      sources: j.sources,
    },
    {
      label: t('reportCloudAct'),
      value: cloudActValue(a, input),
      reason: c.reason[lang],
      evidence: evidenceText(c, p, c.status === 'unknown' && c.laws.length === 0, input),
      details: c.via.map((v) => `${t('cloudActVia', [v.entity, countryWithCode(v.country, lang)])}: ${v.reason[lang]}`),
      sources: [...c.sources, ...c.via.flatMap((v) => v.sources), ...(c.basis === 'inferred' && c.rule ? RULES[c.rule].sources : [])],
    },
    { label: 'HDS', value: hdsValue, reason: p.hds.reason[lang], evidence: evidenceText(p.hds, p, p.hds.status === 'unknown', input), details: hdsDetails(a, input, today), sources: p.hds.sources },
    {
      label: 'SecNumCloud',
      value: t(SECNUMCLOUD_LABEL[a.secnumcloud.status]),
      reason: p.secnumcloud.reason[lang],
      evidence: evidenceText(p.secnumcloud, p, p.secnumcloud.status === 'unknown', input),
      details: sncDetails(a, input),
      sources: [...p.secnumcloud.sources, ...(p.secnumcloud.basis === 'inferred' && p.secnumcloud.rule ? RULES[p.secnumcloud.rule].sources : [])],
    },
  ];
}

/** "provider's own statement", "press"…, in the report's language. */
function kindText(s: Source, t: Translate): string {
  return s.kind ? t(SOURCE_KIND_LABEL[s.kind]) : '';
}

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function buildReport(input: ReportInput): { markdown: string; html: string; filename: string } {
  const { t, lang } = input;
  const citations = new Citations();
  const date = formatDate(input.generatedAt.slice(0, 10), lang);
  const today = input.generatedAt.slice(0, 10);
  const sections = input.providers.map((a) => {
    const claims = claimsOf(a, input, today).map((c) => ({ ...c, refs: citations.cite(c.sources) }));
    return { a, claims, snippets: input.found.get(a.provider.id)?.snippets ?? [] };
  });

  const mdLines: string[] = [
    `# ${md(t('reportTitle'))}`,
    '',
    `- ${md(t('reportPage'))}: ${mdAutolink(input.url)}`,
    `- ${md(t('reportDate'))}: ${md(date)} (${md(input.generatedAt)})`,
    `- ${md(t('reportVersions'))}: Sovereignty Lens ${md(input.extensionVersion)}, ${md(t('reportDataset'))} ${md(input.datasetVersion)}`,
    '',
  ];
  for (const s of sections) {
    mdLines.push(`## ${md(s.a.provider.name)} — ${md(t(LEVEL_LABEL[s.a.level]))}`, '');
    for (const c of s.claims) {
      mdLines.push(`- **${md(c.label)}**: ${md(c.value)} — ${md(c.reason)}${c.refs.length ? ' ' + c.refs.map((n) => `\\[${n}\\]`).join('') : ''}`);
      for (const line of [c.evidence, ...c.details].filter(Boolean)) mdLines.push(`  - ${md(line)}`);
    }
    if (s.snippets.length) {
      mdLines.push('', `${md(t('reportMentions'))}:`, '');
      for (const sn of s.snippets) mdLines.push(`> ${md(sn)}`, '');
    }
    mdLines.push('');
  }
  if (input.resources.length) {
    mdLines.push(`## ${md(t('popupResourcesHeading'))}`, '');
    for (const r of input.resources) mdLines.push(`- ${md(input.resourceNames.get(r.id) ?? r.id)}: ${r.count} (${md(r.hosts.join(', '))})`);
    mdLines.push('');
  }
  mdLines.push(`## ${md(t('reportSources'))}`, '');
  citations.list.forEach((s, i) => mdLines.push(`${i + 1}. ${md(s.title)} — ${mdAutolink(s.url)} — ${md(t('reportVerified'))} ${md(formatDate(s.verified, lang))}${s.kind ? ` (${md(kindText(s, t))})` : ''}`));
  mdLines.push('');

  const h: string[] = [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${html(t('reportTitle'))}</title>`,
    `<style>body{font:14px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1f1f1f}h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.5rem;border-bottom:1px solid #ccc}dt{font-weight:600}dd{margin:0 0 .5rem}blockquote{margin:.25rem 0;padding-left:.75rem;border-left:3px solid #ccc;color:#444}sup{font-size:.75em}@media print{body{margin:0}a{color:inherit}}</style></head><body>`,
    `<h1>${html(t('reportTitle'))}</h1>`,
    `<p>${html(t('reportPage'))}: ${html(input.url)}<br>${html(t('reportDate'))}: ${html(date)} (${html(input.generatedAt)})<br>${html(t('reportVersions'))}: Sovereignty Lens ${html(input.extensionVersion)}, ${html(t('reportDataset'))} ${html(input.datasetVersion)}</p>`,
  ];
  for (const s of sections) {
    h.push(`<h2>${html(s.a.provider.name)} — ${html(t(LEVEL_LABEL[s.a.level]))}</h2><dl>`);
    for (const c of s.claims) {
      const more = [c.evidence, ...c.details].filter(Boolean).map((line) => `<br><small>${html(line)}</small>`).join('');
      h.push(`<dt>${html(c.label)}: ${html(c.value)}</dt><dd>${html(c.reason)}${c.refs.map((n) => ` <sup>[${n}]</sup>`).join('')}${more}</dd>`);
    }
    h.push('</dl>');
    for (const sn of s.snippets) h.push(`<blockquote>${html(sn)}</blockquote>`);
  }
  if (input.resources.length) {
    h.push(`<h2>${html(t('popupResourcesHeading'))}</h2><ul>`);
    for (const r of input.resources) h.push(`<li>${html(input.resourceNames.get(r.id) ?? r.id)}: ${r.count} (${html(r.hosts.join(', '))})</li>`);
    h.push('</ul>');
  }
  h.push(`<h2>${html(t('reportSources'))}</h2><ol>`);
  for (const s of citations.list) h.push(`<li>${html(s.title)} — <a href="${html(s.url)}">${html(s.url)}</a> — ${html(t('reportVerified'))} ${html(formatDate(s.verified, lang))}${s.kind ? ` (${html(kindText(s, t))})` : ''}</li>`);
  h.push('</ol></body></html>');

  const stamp = input.generatedAt.slice(0, 10);
  return { markdown: mdLines.join('\n'), html: h.join('\n'), filename: `sovereignty-lens-report-${stamp}` };
}
