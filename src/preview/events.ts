/** Server-sent events: the open pages hear of every save (a statement, the config, a template). */
import type { ServerResponse } from 'node:http';
import type { PageEvents } from './contract.js';
import { SECURITY_HEADERS } from './guard.js';

/** The pages listening, and a way to tell them all. */
export class EventHub {
  private readonly clients = new Set<ServerResponse>();

  /** Keeps `response` open as an event stream until the page goes. */
  add(response: ServerResponse): void {
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
    });
    response.write('retry: 1000\n\n');
    this.clients.add(response);
    response.on('close', () => this.clients.delete(response));
  }

  /** Sends one event to every page. */
  send<Name extends keyof PageEvents>(event: Name, data: PageEvents[Name]): void {
    const text = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const client of this.clients) client.write(text);
  }

  /** Ends every stream (the server is stopping). */
  close(): void {
    for (const client of this.clients) client.end();
    this.clients.clear();
  }
}
