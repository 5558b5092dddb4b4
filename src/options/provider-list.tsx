// The custom providers: one row each, with edit, delete (or "revert to
// bundled" for an override), each confirmed inline before it happens.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { providerLevel } from '../core/assess';
import type { Provider } from '../data/schema';
import { t } from '../shared/i18n';
import { LEVEL_LABEL } from '../ui/level-label';

export interface ProviderListProps {
  providers: readonly Provider[];
  bundledIds: ReadonlySet<string>;
  /** The id whose deletion (or revert) awaits confirmation. */
  confirming: string | null;
  busy: boolean;
  onEdit: (id: string) => void;
  onAskRemove: (id: string) => void;
  onConfirmRemove: (id: string) => void;
  onCancelRemove: () => void;
}

function Confirm({ provider, overrides, busy, onConfirm, onCancel }: { provider: Provider; overrides: boolean; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  // Layout effect: focus moves before any further key press is handled.
  useLayoutEffect(() => cancel.current?.focus(), []);
  const questionId = `confirm-${provider.id}`;
  return (
    <div
      class="confirm"
      role="group"
      aria-labelledby={questionId}
      data-testid="confirm-remove"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <p id={questionId}>{overrides ? t('optionsConfirmRevert', [provider.name]) : t('optionsConfirmDelete', [provider.name])}</p>
      <div class="inline">
        <button type="button" class="button danger" data-testid={overrides ? 'confirm-revert' : 'confirm-delete'} disabled={busy} onClick={onConfirm}>
          {overrides ? t('optionsRevert') : t('optionsDelete')}
        </button>
        <button type="button" class="button" ref={cancel} data-testid="cancel-remove" onClick={onCancel}>
          {t('optionsCancel')}
        </button>
      </div>
    </div>
  );
}

export function ProviderList({ providers, bundledIds, confirming, busy, onEdit, onAskRemove, onConfirmRemove, onCancelRemove }: ProviderListProps) {
  if (providers.length === 0) {
    return (
      <p class="hint" data-testid="no-custom-providers">
        {t('optionsNoCustom')}
      </p>
    );
  }
  return (
    <ul class="provider-list" data-testid="custom-provider-list">
      {providers.map((p) => {
        const overrides = bundledIds.has(p.id);
        const level = providerLevel(p);
        return (
          <li key={p.id} class="provider-row" data-custom-provider-id={p.id} data-overrides-bundled={overrides ? 'true' : 'false'}>
            <div class="row-main">
              <span class="row-name">{p.name}</span> <code class="row-id">{p.id}</code>{' '}
              <span class={`chip level-chip level-${level}`}>{t(LEVEL_LABEL[level])}</span>
              {overrides ? (
                <>
                  {' '}
                  <span class="chip chip-neutral" data-testid="overrides-bundled">
                    {t('optionsOverrides')}
                  </span>
                </>
              ) : null}
            </div>
            <div class="row-actions">
              <button type="button" class="button" data-testid="edit-provider" aria-label={t('optionsEditLabel', [p.name])} onClick={() => onEdit(p.id)}>
                {t('optionsEdit')}
              </button>
              {overrides ? (
                <button type="button" class="button" data-testid="revert-provider" aria-label={t('optionsRevertLabel', [p.name])} onClick={() => onAskRemove(p.id)}>
                  {t('optionsRevert')}
                </button>
              ) : (
                <button type="button" class="button danger" data-testid="delete-provider" aria-label={t('optionsDeleteLabel', [p.name])} onClick={() => onAskRemove(p.id)}>
                  {t('optionsDelete')}
                </button>
              )}
            </div>
            {confirming === p.id ? <Confirm provider={p} overrides={overrides} busy={busy} onConfirm={() => onConfirmRemove(p.id)} onCancel={onCancelRemove} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
