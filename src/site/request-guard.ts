// What both local servers (`preview`, and Vite's under `dev`) do with a request before serving
// it. Node's HTTP parser hands on any request target, so `GET http://[ HTTP/1.1` arrives as the
// URL `http://[`, on which `new URL()` (and url.parse, which Vite's router calls) throws: thrown
// inside a request listener, that ended the whole server. Such a request gets 400 instead.
import type { EventEmitter } from 'node:events';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** The request's URL, or null when it cannot be read as one. */
export function requestUrl(request: IncomingMessage): URL | null {
  try {
    return new URL(request.url ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

export function answerBadRequest(response: ServerResponse): void {
  response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).end('Bad request\n');
}

/** Ends a response whose serving failed: a 500 if nothing was sent yet, else the connection is cut. */
export function answerFailure(response: ServerResponse): void {
  if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Internal server error\n');
  else response.destroy();
}

/**
 * Puts the checks in front of the request listeners `server` already has: a URL that cannot be
 * parsed gets 400 before they see it, and one that throws anyway ends its own response only.
 */
export function guardRequests(server: EventEmitter): void {
  const listeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (requestUrl(request) === null) {
      answerBadRequest(response);
      return;
    }
    for (const listener of listeners) {
      try {
        listener.call(server, request, response);
      } catch {
        answerFailure(response);
      }
    }
  });
}
