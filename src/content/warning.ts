// The passive in-page notice. It lives in an open shadow root under a host
// element with `all: initial`, fixed in a corner: page CSS cannot break it, it
// cannot shift the page, and it never takes focus by itself. Built with plain
// DOM calls (text only, never HTML) to keep the content script small.
import { isolate } from '../core/normalize';
import type { MessageKey } from '../shared/i18n';
import type { Notice } from '../shared/protocol';
import { OWN_HOST_ATTR, ownNodes } from './walk';

export interface WarningActions {
  t: (key: MessageKey, subs?: string | string[]) => string;
  onDetails: () => void;
  onSilenceSite: () => void;
  onUndoSilence: () => void;
}

/** Names listed in the sentence; the rest are counted. */
const LISTED = 5;
/** How long the "silenced, undo" line stays. */
const UNDO_MS = 10_000;


const CSS = `
:host { all: initial; }
.box { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; max-width: min(380px, calc(100vw - 32px));
  box-sizing: border-box; padding: 12px 14px; border-radius: 10px; border-left: 6px solid #B3261E;
  background: #fff; color: #1f1f1f; box-shadow: 0 4px 18px rgba(0,0,0,.25);
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.box.medium { border-left-color: #8A5300; } .box.unknown { border-left-color: #55595E; } .box.low { border-left-color: #1B6B30; }
h2 { margin: 0 24px 4px 0; font-size: 14px; font-weight: 700; }
p { margin: 0 0 8px; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; }
button { font: inherit; font-size: 13px; cursor: pointer; border-radius: 6px; padding: 4px 10px; border: 1px solid #6b6b6b; background: transparent; color: inherit; }
button.link { border: none; padding: 4px 0; text-decoration: underline; color: #0b57d0; }
button.close { position: absolute; top: 6px; right: 6px; border: none; font-size: 18px; line-height: 1; padding: 2px 6px; }
button:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .box { background: #202124; color: #e8eaed; box-shadow: 0 4px 18px rgba(0,0,0,.6); }
  button { border-color: #9aa0a6; } button.link { color: #8ab4f8; } button:focus-visible { outline-color: #8ab4f8; }
}
@media (prefers-reduced-motion: no-preference) { .box { animation: in .18s ease-out; } @keyframes in { from { opacity: 0; transform: translateY(8px); } } }
@media print { .box { display: none; } }
`;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, props: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(props)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Only the person acts: clicks and keys the page scripts (`isTrusted` false) do nothing. */
function button(doc: Document, action: string, label: string, onClick: () => void, cls = ''): HTMLButtonElement {
  const b = el(doc, 'button', { type: 'button', 'data-action': action, ...(cls ? { class: cls } : {}) }, label);
  b.addEventListener('click', (e) => {
    if (e.isTrusted) onClick();
  });
  return b;
}

/** The sentence's names: the first few, isolated, then how many more. */
export function namesOf(notice: Notice, t: WarningActions['t']): string {
  const total = Math.max(notice.count ?? 0, notice.providers.length);
  const names = notice.providers.slice(0, LISTED).map((p) => isolate(p.name)).join(', ');
  return total > LISTED ? t('warningNamesMore', [names, String(total - LISTED)]) : names;
}

function frame(doc: Document, level: string, t: WarningActions['t'], onDismiss: () => void): HTMLElement {
  const box = el(doc, 'div', { class: `box ${level}`, role: 'region', 'aria-label': t('warningRegion') });
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && e.isTrusted) {
      e.stopPropagation();
      onDismiss();
    }
  });
  const close = button(doc, 'dismiss', '×', onDismiss, 'close');
  close.setAttribute('aria-label', t('warningDismiss'));
  close.setAttribute('title', t('warningDismiss'));
  box.append(close);
  return box;
}

function renderBox(doc: Document, notice: Notice, actions: WarningActions, onDismiss: () => void, onSilence: () => void): HTMLElement {
  const { t } = actions;
  const box = frame(doc, notice.level, t, onDismiss);
  const row = el(doc, 'div', { class: 'actions' });
  row.append(button(doc, 'details', t('warningDetails'), actions.onDetails, 'link'), button(doc, 'silence-site', t('warningSilenceSite'), onSilence));
  box.prepend(el(doc, 'h2', {}, t('warningTitle')), el(doc, 'p', {}, t(notice.level === 'high' ? 'warningBody' : 'warningBodyOther', [namesOf(notice, t)])), row);
  return box;
}

function renderSilenced(doc: Document, actions: WarningActions, onDismiss: () => void, onUndo: () => void): HTMLElement {
  const box = frame(doc, 'low', actions.t, onDismiss);
  const row = el(doc, 'div', { class: 'actions' });
  row.append(button(doc, 'undo-silence', actions.t('warningUndoSilence'), onUndo));
  box.prepend(el(doc, 'p', { role: 'status' }, actions.t('warningSilenced')), row);
  return box;
}

/** Shows, updates or removes the notice. A dismissal holds until another provider appears. */
export function createWarning(doc: Document, actions: WarningActions) {
  let host: HTMLElement | null = null;
  let dismissedFor = new Set<string>();
  let last: Notice | null = null;
  /** While the "silenced, undo" line shows, the background's updates wait. */
  let undoTimer: ReturnType<typeof setTimeout> | undefined;

  const remove = () => {
    clearTimeout(undoTimer);
    undoTimer = undefined;
    host?.remove();
    host = null;
  };

  const show = (box: HTMLElement) => {
    if (!host || !host.isConnected) {
      host = doc.createElement('div');
      host.setAttribute(OWN_HOST_ATTR, 'warning');
      ownNodes.add(host);
      const root = host.attachShadow({ mode: 'open' });
      root.append(el(doc, 'style', {}, CSS));
      (doc.body ?? doc.documentElement).append(host);
    }
    const root = host.shadowRoot!;
    // Keep focus where it is if the person was inside the notice.
    const hadFocus = root.activeElement?.getAttribute('data-action') ?? null;
    root.querySelector('.box')?.remove();
    root.append(box);
    if (hadFocus) (box.querySelector<HTMLElement>(`[data-action="${hadFocus}"]`) ?? box.querySelector<HTMLElement>('button:not(.close)'))?.focus();
  };

  const render = (notice: Notice) => {
    const onDismiss = () => {
      dismissedFor = new Set(notice.providers.map((p) => p.id));
      remove();
    };
    const onSilence = () => {
      actions.onSilenceSite();
      show(renderSilenced(doc, actions, remove, onUndo));
      undoTimer = setTimeout(() => {
        undoTimer = undefined;
        remove();
      }, UNDO_MS);
    };
    const onUndo = () => {
      clearTimeout(undoTimer);
      undoTimer = undefined;
      actions.onUndoSilence();
      if (last) render(last);
    };
    show(renderBox(doc, notice, actions, onDismiss, onSilence));
  };

  return {
    update(notice: Notice | null) {
      if (undoTimer !== undefined) {
        if (notice) last = notice;
        return;
      }
      last = notice;
      if (!notice || notice.providers.every((p) => dismissedFor.has(p.id))) return remove();
      render(notice);
    },
    remove,
  };
}
