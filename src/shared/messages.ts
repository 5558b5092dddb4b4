// Typed send/handle over runtime messaging. Every handler checks that the
// sender is this extension and validates the request by schema.
import browser, { type Runtime } from 'webextension-polyfill';
import { parseEnvelope, type MessageType, type Replies, type Request } from './protocol';

export function send<K extends MessageType>(type: K, req: Request<K>): Promise<Replies[K]> {
  return browser.runtime.sendMessage({ type, req }) as Promise<Replies[K]>;
}

export function sendToTab<K extends MessageType>(tabId: number, frameId: number, type: K, req: Request<K>): Promise<Replies[K]> {
  return browser.tabs.sendMessage(tabId, { type, req }, { frameId }) as Promise<Replies[K]>;
}

export type Handlers = {
  [K in MessageType]?: (req: Request<K>, sender: Runtime.MessageSender) => Promise<Replies[K]> | Replies[K];
};

/** Registers one listener for a table of handlers. Returns the remover. */
export function handle(handlers: Handlers): () => void {
  const listener = (message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    const envelope = parseEnvelope(message);
    if (!envelope) return undefined;
    const handler = handlers[envelope.type] as ((req: unknown, s: Runtime.MessageSender) => unknown) | undefined;
    if (!handler) return undefined;
    return Promise.resolve(handler(envelope.req, sender));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
