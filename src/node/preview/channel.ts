import type { ServerResponse } from 'node:http';

/**
 * The update channel: server-sent events, one stream per open page. On connecting, a page gets
 * the current state at once; after every build, every page gets the new one (`event: state`).
 * EventSource reconnects by itself after a lost connection (a closed lid, a restarted server),
 * and the state it then receives says what changed meanwhile: nothing is replayed.
 */
export interface Channel {
  /** Takes over a response as an event stream. */
  connect(res: ServerResponse): void;
  send(event: string, data: unknown): void;
  /** How many pages are listening. */
  size(): number;
  close(): void;
}

/** A comment every so often keeps proxies and sleeping network stacks from dropping a quiet stream. */
const HEARTBEAT_MS = 15_000;

export function createChannel(current: () => { event: string; data: unknown }): Channel {
  const clients = new Set<ServerResponse>();
  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(': ping\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
  return {
    connect(res) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      // Reconnect soon after a drop: the server is on this machine.
      const { event, data } = current();
      res.write(`retry: 1000\n\n${frame(event, data)}`);
      clients.add(res);
      res.on('close', () => clients.delete(res));
    },
    send(event, data) {
      const text = frame(event, data);
      for (const res of clients) res.write(text);
    },
    size: () => clients.size,
    close() {
      clearInterval(heartbeat);
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
