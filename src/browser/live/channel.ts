import type { LiveState } from './types.js';

/**
 * The update channel, page side: one EventSource on `/_preview/events`. The browser reconnects
 * by itself after a dropped connection; when it gives up (the server was down when it tried: the
 * stream is CLOSED), this starts a new one, at once when the page becomes visible or the network
 * comes back (a laptop lid opened), else after a growing pause.
 */
export interface ChannelStatus {
  connected: boolean;
}

export function openChannel(onState: (state: LiveState) => void, onStatus: (status: ChannelStatus) => void): () => void {
  let source: EventSource | undefined;
  let wait = 500;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const connect = () => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = undefined;
    source?.close();
    const current = new EventSource('/_preview/events');
    source = current;
    current.addEventListener('state', (event) => {
      wait = 500;
      onStatus({ connected: true });
      onState(JSON.parse((event as MessageEvent<string>).data) as LiveState);
    });
    current.addEventListener('error', () => {
      onStatus({ connected: false });
      if (current.readyState !== EventSource.CLOSED || source !== current) return;
      timer = setTimeout(connect, wait);
      wait = Math.min(wait * 2, 10_000);
    });
  };
  const wake = () => {
    if (source?.readyState === EventSource.CLOSED) connect();
  };
  document.addEventListener('visibilitychange', wake);
  addEventListener('online', wake);
  addEventListener('pageshow', wake);
  connect();
  return () => {
    stopped = true;
    source?.close();
    if (timer) clearTimeout(timer);
  };
}
