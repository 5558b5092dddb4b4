// The content script's side of messaging: send requests, and take the one
// message it receives (the notice), checked by its own small schema so the
// script does not bundle every message schema (it must stay small).
import browser from 'webextension-polyfill';
import * as v from 'valibot';
import { WarningUpdateSchema } from '../shared/notice-message';
import type { MessageType, Notice, Replies, Request } from '../shared/protocol';

export function send<K extends MessageType>(type: K, req: Request<K>): Promise<Replies[K]> {
  return browser.runtime.sendMessage({ type, req }) as Promise<Replies[K]>;
}

/** Calls `fn` with each valid notice update from this extension. Returns the remover. */
export function onNotice(fn: (notice: Notice | null) => void): () => void {
  const listener = (message: unknown, sender: { id?: string }): undefined => {
    if (sender.id !== browser.runtime.id || !message || typeof message !== 'object') return;
    const { type, req } = message as { type?: unknown; req?: unknown };
    if (type !== 'warning/update') return;
    const parsed = v.safeParse(WarningUpdateSchema, req);
    if (parsed.success) fn(parsed.output.notice);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
