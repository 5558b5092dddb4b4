// Lookup: a combobox (ARIA 1.2 list autocomplete) over every known provider,
// bundled and custom. Arrows move, Enter chooses, Esc closes then clears.
// The chosen provider is shown with the same card as the page's providers.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { assess, providerLevel } from '../core/assess';
import type { Provider } from '../data/schema';
import { t } from '../shared/i18n';
import type { UiLang } from '../ui/format';
import { LEVEL_LABEL } from '../ui/level-label';
import { ProviderCard } from './provider-card';
import { searchProviders } from './search';

export interface LookupProps {
  providers: readonly Provider[];
  customIds: ReadonlySet<string>;
  managedIds?: ReadonlySet<string>;
  lang: UiLang;
  today: string;
  /** Text to look up at once (from ?lookup= or the context menu). */
  initialQuery: string | null;
}

const LISTBOX_ID = 'lookup-listbox';
const optionId = (i: number) => `lookup-option-${i}`;

export function Lookup({ providers, customIds, managedIds, lang, today, initialQuery }: LookupProps) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const section = useRef<HTMLElement>(null);

  const hits = useMemo(() => searchProviders(providers, query), [providers, query]);
  const chosen = chosenId ? providers.find((p) => p.id === chosenId) : undefined;
  const expanded = open && hits.length > 0;

  useEffect(() => {
    if (!initialQuery) return;
    setQuery(initialQuery);
    setOpen(false);
    setActive(-1);
    setChosenId(searchProviders(providers, initialQuery, 1)[0]?.provider.id ?? null);
    input.current?.focus({ preventScroll: true });
    section.current?.scrollIntoView({ block: 'start' });
    // Only when a new text arrives, not when custom providers reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initialQuery]);

  useEffect(() => {
    if (expanded && active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  }, [expanded, active]);

  const choose = (index: number) => {
    const hit = hits[index];
    if (!hit) return;
    setChosenId(hit.provider.id);
    setQuery(hit.provider.name);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (hits.length === 0) return;
        setOpen(true);
        setActive((i) => (!expanded ? (i >= 0 ? i : 0) : (i + 1) % hits.length));
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (hits.length === 0) return;
        setOpen(true);
        setActive((i) => (!expanded ? hits.length - 1 : i <= 0 ? hits.length - 1 : i - 1));
        break;
      case 'Enter':
        if (hits.length === 0) return;
        e.preventDefault();
        choose(expanded && active >= 0 ? active : 0);
        break;
      case 'Escape':
        if (expanded) {
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
          setActive(-1);
        } else if (query) {
          e.preventDefault();
          e.stopPropagation();
          setQuery('');
          setChosenId(null);
        }
        break;
      case 'Tab':
        setOpen(false);
        break;
      default:
    }
  };

  const trimmed = query.trim();
  return (
    <section class="lookup" ref={section} aria-labelledby="lookup-heading" data-testid="lookup">
      <h2 id="lookup-heading">{t('lookupHeading')}</h2>
      <label for="lookup-input" class="field-label">
        {t('lookupLabel')}
      </label>
      <div class="combo">
        <input
          ref={input}
          id="lookup-input"
          data-testid="lookup-input"
          type="text"
          inputMode="search"
          role="combobox"
          autocomplete="off"
          autocapitalize="off"
          spellcheck={false}
          placeholder={t('lookupPlaceholder')}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={LISTBOX_ID}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby="lookup-help"
          value={query}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => trimmed && setOpen(true)}
        />
        <ul id={LISTBOX_ID} role="listbox" class="listbox" aria-label={t('lookupLabel')} hidden={!expanded} data-testid="lookup-listbox">
          {hits.map((hit, i) => {
            const level = providerLevel(hit.provider);
            return (
              <li
                key={hit.provider.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                class={`option${i === active ? ' active' : ''}`}
                data-option-id={hit.provider.id}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(i)}
                onMouseMove={() => i !== active && setActive(i)}
              >
                <span class="option-name">{hit.provider.name}</span>
                {hit.matched ? <span class="option-alias">{t('lookupAlias', [hit.matched])}</span> : null}
                <span class={`option-level level-text-${level}`}>{t(LEVEL_LABEL[level])}</span>
              </li>
            );
          })}
        </ul>
      </div>
      <p id="lookup-help" class="hint">
        {t('lookupHelp')}
      </p>
      <p class="sr-only" role="status" aria-live="polite">
        {trimmed && open ? (hits.length > 0 ? t('lookupResults', [String(hits.length)]) : t('lookupNone', [trimmed])) : ''}
      </p>
      {trimmed && hits.length === 0 ? (
        <p class="lookup-none" data-testid="lookup-none">
          {t('lookupNone', [trimmed])}
        </p>
      ) : null}
      {chosen ? (
        <div class="lookup-result" data-lookup-result="" role="region" aria-label={t('lookupResultLabel')}>
          <ProviderCard assessment={assess(chosen, today)} lang={lang} today={today} custom={customIds.has(chosen.id)} managed={managedIds?.has(chosen.id) ?? false} idPrefix="lookup-card" />
        </div>
      ) : null}
    </section>
  );
}
