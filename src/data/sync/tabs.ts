/**
 * The tabs of one browser talk over a BroadcastChannel (same origin, same browser profile,
 * nothing written anywhere): a tab without the password asks the others for it, the tab that
 * connects hands it to the others, and a disconnect stops them all. The password so stays
 * for the browser session only, as with one tab.
 */
export type TabMessage = { type: 'ask' } | { type: 'password'; key: string; password: string } | { type: 'disconnected' };

const NAME = 'vaardig-sync';
let channel: BroadcastChannel | null | undefined;
let handler: ((message: TabMessage) => void) | null = null;

function open(): BroadcastChannel | null {
  if (channel !== undefined) return channel;
  if (typeof BroadcastChannel === 'undefined') return (channel = null);
  channel = new BroadcastChannel(NAME);
  channel.onmessage = (e: MessageEvent<TabMessage>) => {
    if (e.data && typeof e.data === 'object' && typeof e.data.type === 'string') handler?.(e.data);
  };
  // Listening must not keep a non-browser runtime (the tests) alive.
  (channel as BroadcastChannel & { unref?: () => void }).unref?.();
  return channel;
}

export function listenToTabs(onMessage: (message: TabMessage) => void): void {
  handler = onMessage;
  open();
}

export function tellTabs(message: TabMessage): void {
  open()?.postMessage(message);
}

/** Which connection a password belongs to: server, database and user. */
export const connectionKey = (config: { url: string; db: string; user: string }) => `${config.url}|${config.db}|${config.user}`;
