// The guard `goalpost dev` puts in front of Vite's router, over real sockets on 127.0.0.1: the
// listener here throws on a target that is no URL, as Vite's does (it ended the dev server).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardRequests } from '../../src/site/request-guard.ts';

let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/throws') throw new Error('a bug in a listener');
    response.end(`page ${url.pathname}`);
  });
  guardRequests(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function statusLine(target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) socket.destroy();
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(answer.split('\r\n')[0]!));
  });
}

describe('guardRequests', () => {
  it('answers 400 to a target that is no URL, and the next request is served', async () => {
    expect(await statusLine('http://[')).toBe('HTTP/1.1 400 Bad Request');
    expect(await statusLine('http://a:b/')).toBe('HTTP/1.1 400 Bad Request');
    const next = await fetch(`http://127.0.0.1:${port}/kpis/`);
    expect(next.status).toBe(200);
    expect(await next.text()).toBe('page /kpis/');
  });

  it('ends only the response of a listener that throws', async () => {
    expect(await statusLine('/throws')).toBe('HTTP/1.1 500 Internal Server Error');
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
  });
});
