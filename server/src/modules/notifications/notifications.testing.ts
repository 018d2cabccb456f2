/**
 * Test helper: a real SSE client over HTTP (inject cannot stream). The SMTP test server is in test/smtp.ts.
 */
import http from 'node:http';

export interface SseEvent {
  readonly event: string;
  readonly data: string;
}

export interface SseStream {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly events: SseEvent[];
  /** Comment lines received (`: ping`). */
  readonly comments: string[];
  /** Resolves with the first event named `event` after `from` (an index into `events`). */
  next(event: string, from?: number): Promise<SseEvent>;
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

/** Opens `url` as an EventSource would; resolves once the response headers have arrived. */
export function openEventStream(url: string, cookie?: string): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { accept: 'text/event-stream', ...(cookie ? { cookie } : {}) } });
    request.on('error', reject);
    request.on('response', (response) => {
      const events: SseEvent[] = [];
      const comments: string[] = [];
      const waiters = new Set<() => void>();
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          let named = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) {
              comments.push(line.slice(1).trim());
            } else if (line.startsWith('event:')) {
              event = line.slice(6).trim();
              named = true;
            } else if (line.startsWith('data:')) {
              data.push(line.slice(5).trim());
            }
          }
          if (named || data.length > 0) events.push({ event, data: data.join('\n') });
        }
        for (const wake of waiters) wake();
      });
      response.on('error', () => undefined);
      const ended = new Promise<void>((done) => {
        response.on('end', () => done());
        response.on('close', () => done());
      });
      resolve({
        ended,
        status: response.statusCode ?? 0,
        headers: response.headers,
        events,
        comments,
        next(event, from = 0) {
          return new Promise((done) => {
            const check = () => {
              const found = events.slice(from).find((e) => e.event === event);
              if (found) {
                waiters.delete(check);
                done(found);
              }
            };
            waiters.add(check);
            check();
          });
        },
        close: () => request.destroy(),
      });
    });
  });
}
