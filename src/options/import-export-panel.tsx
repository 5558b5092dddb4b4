// Export to one JSON file (Blob + object URL, no network) and import with a
// preview: nothing changes until the person confirms.
import { useRef, useState } from 'preact/hooks';
import { todayIso } from '../core/assess';
import type { Provider } from '../data/schema';
import { t } from '../shared/i18n';
import { displayLanguage } from '../ui/lang';
import { formatList } from '../ui/format';
import { localiseIssue } from '../ui/issue-messages';
import { LEVEL_LABEL } from '../ui/level-label';
import { verdictChanges, type VerdictChange } from './verdict-changes';
import { checkImportSize, exportFileName, exportJson, MAX_PROBLEMS, parseImport, previewImport, type ImportPreview, type ImportProblem } from './import-export';

export interface ImportExportPanelProps {
  custom: readonly Provider[];
  bundledById: ReadonlyMap<string, Provider>;
  /** Writes the whole merged list at once; rejects with a message on failure. */
  onApply: (merged: Provider[]) => Promise<void>;
  onStatus: (message: string) => void;
  /** Ids set by the organisation's policy: an import may not use them. */
  managedIds?: ReadonlySet<string>;
}

/** Rounded up, so that a file just over the limit never reads as "5 MB". */
function formatBytes(bytes: number): string {
  const mb = Math.ceil((bytes / (1024 * 1024)) * 100) / 100;
  return new Intl.NumberFormat(displayLanguage(), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 2 }).format(mb);
}

function schemaMessage(message: string): string {
  const local = localiseIssue(message);
  return local ? t(local.key, local.subs) : message;
}

/** One import problem in the UI language ("Entry 3 (“my-cloud”), hds.status: …"). */
export function problemText(p: ImportProblem): string {
  switch (p.kind) {
    case 'too-large':
      return t('importTooLarge', [formatBytes(p.bytes)]);
    case 'empty':
      return t('importEmpty');
    case 'json':
      return t('importJson', [p.detail]);
    case 'not-object':
      return t('importNotObject');
    case 'format':
      return t('importFormat', [p.found]);
    case 'version':
      return t('importVersion', [p.found]);
    case 'too-many':
      return t('importTooMany', [new Intl.NumberFormat(displayLanguage()).format(p.count)]);
    case 'forbidden-key':
      return t('importForbiddenKey', [p.key, p.path]);
    case 'duplicate-id':
      return t('importDuplicate', [formatList(p.entries.map(String), displayLanguage()), p.id]);
    case 'entry': {
      const n = String(p.entry);
      const message = schemaMessage(p.message);
      if (p.field) return p.id ? t('importEntryField', [n, p.id, p.field, message]) : t('importEntryFieldNoId', [n, p.field, message]);
      return p.id ? t('importEntryWhole', [n, p.id, message]) : t('importEntryWholeNoId', [n, message]);
    }
    case 'file':
      return t('importFileField', [p.field || '—', schemaMessage(p.message)]);
  }
}

interface Pending {
  fileName: string;
  preview: ImportPreview;
  /** Bundled providers whose verdict the import changes. */
  verdicts: VerdictChange[];
}

export function ImportExportPanel({ custom, bundledById, managedIds, onApply, onStatus }: ImportExportPanelProps) {
  const [problems, setProblems] = useState<string[] | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [applying, setApplying] = useState(false);
  const [applyError, setApplyError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);

  const exportNow = () => {
    const name = exportFileName(todayIso());
    const blob = new Blob([exportJson(custom)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    onStatus(t('exportDone', [String(custom.length), name]));
  };

  const fail = (messages: string[]) => {
    setPending(null);
    setProblems(messages);
  };

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Reset so that choosing the same file again is a new change.
    input.value = '';
    setApplyError(null);
    if (!file) return;
    const tooLarge = checkImportSize(file.size);
    if (tooLarge) return fail([problemText(tooLarge)]);
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      return fail([t('importReadError', [e instanceof Error ? e.message : String(e)])]);
    }
    const result = parseImport(text);
    if (!result.ok) return fail(result.problems.map(problemText));
    // The organisation's providers cannot be replaced from a file.
    const managed = result.providers.filter((p) => managedIds?.has(p.id)).map((p) => p.id);
    if (managed.length > 0) return fail([t('importManagedIds', [managed.join(', ')])]);
    setProblems(null);
    setPending({ fileName: file.name, preview: previewImport(custom, result.providers, new Set(bundledById.keys())), verdicts: verdictChanges(result.providers, custom, bundledById) });
    queueMicrotask(() => previewRef.current?.focus());
  };

  const apply = async () => {
    if (!pending || applying) return;
    setApplying(true);
    setApplyError(null);
    try {
      await onApply(pending.preview.merged);
      onStatus(t('importDone', [String(pending.preview.added.length), String(pending.preview.changed.length)]));
      setPending(null);
      fileInput.current?.focus();
    } catch (e) {
      setApplyError(e instanceof Error ? e.message : String(e));
    } finally {
      setApplying(false);
    }
  };

  const names = (list: readonly Provider[]) => (list.length > 0 ? <span class="names">{formatList(list.map((p) => p.name), displayLanguage())}</span> : null);
  const preview = pending?.preview;
  const hasChanges = preview ? preview.added.length + preview.changed.length > 0 : false;

  return (
    <section class="panel" aria-labelledby="io-heading">
      <h2 id="io-heading">{t('ioHeading')}</h2>
      <p class="hint">{t('ioIntro')}</p>
      <div class="io-row">
        <button type="button" class="button" data-testid="export-button" onClick={exportNow}>
          {t('exportButton')}
        </button>
        <div class="field">
          <label for="import-input">{t('importLabel')}</label>
          <input
            ref={fileInput}
            id="import-input"
            data-testid="import-input"
            type="file"
            accept=".json,application/json"
            aria-describedby={problems ? 'import-errors' : undefined}
            onChange={(e) => void onFile(e.currentTarget)}
          />
        </div>
      </div>

      <div id="import-errors" data-testid="import-errors" role="alert">
        {problems ? (
          <div class="error">
            <p>
              <strong>{t('importFailed')}</strong>
            </p>
            <ul>
              {problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
            {problems.length >= MAX_PROBLEMS ? <p>{t('importFirstProblems', [String(MAX_PROBLEMS)])}</p> : null}
          </div>
        ) : null}
      </div>

      {pending && preview ? (
        <div class="preview" data-testid="import-preview" tabIndex={-1} ref={previewRef} aria-labelledby="import-preview-heading">
          <h3 id="import-preview-heading">{t('importPreviewHeading', [pending.fileName])}</h3>
          <ul class="preview-counts">
            <li data-testid="import-added" data-count={preview.added.length}>
              {t('importAdded', [String(preview.added.length)])} {names(preview.added)}
            </li>
            <li data-testid="import-changed" data-count={preview.changed.length}>
              {t('importChanged', [String(preview.changed.length)])} {names(preview.changed)}
            </li>
            <li data-testid="import-unchanged" data-count={preview.unchanged.length}>
              {t('importUnchanged', [String(preview.unchanged.length)])} {names(preview.unchanged)}
            </li>
          </ul>
          {preview.overridesBundled.length > 0 ? (
            <p class="note">{t('importOverrides', [formatList(preview.overridesBundled.map((id) => bundledById.get(id)?.name ?? id), displayLanguage())])}</p>
          ) : null}
          {pending.verdicts.length > 0 ? (
            <div class="note" data-testid="import-verdicts">
              <p>{t('importVerdictsHeading')}</p>
              <ul>
                {pending.verdicts.map((c) => (
                  <li key={c.id} data-provider-id={c.id} data-before={c.before} data-after={c.after}>
                    <bdi>{c.name}</bdi>: {t('importVerdictChange', [t(LEVEL_LABEL[c.before]), t(LEVEL_LABEL[c.after])])}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {hasChanges ? null : <p class="note">{t('importNothing')}</p>}
          {applyError ? (
            <p class="error" role="alert">
              {t('optionsSaveFailed', [applyError])}
            </p>
          ) : null}
          <div class="inline">
            <button type="button" class="button primary" data-testid="import-apply" disabled={applying} onClick={() => void apply()}>
              {t('importApply')}
            </button>
            <button type="button" class="button" data-testid="import-cancel" onClick={() => setPending(null)}>
              {t('optionsCancel')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
