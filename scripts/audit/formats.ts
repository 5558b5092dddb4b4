// One entry point for the four outputs.
import type { UiLang } from '../../src/ui/format';
import type { Format } from './args';
import { formatCsv } from './format-csv';
import { formatMarkdown } from './format-markdown';
import { formatTable } from './format-table';
import { labels } from './labels';
import { translator } from './messages';
import type { AuditReport } from './report';
import { sayer } from './strings';

export function render(report: AuditReport, format: Format, o: { lang: UiLang; width: number; cite: boolean }): string {
  const t = translator(o.lang);
  const words = { t, say: sayer(o.lang), l: labels(t, o.lang) };
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    case 'csv':
      return formatCsv(report, words);
    case 'markdown':
      return formatMarkdown(report, words);
    case 'table':
      return formatTable(report, { ...words, width: o.width, cite: o.cite });
  }
}
