/**
 * DESIGN.md "Bounded responses": the attacker streams a 200 MB body (as a 2xx and as a 5xx, without
 * Content-Length, so only counting bytes can stop it). The facade reads at most maxResponseBytes
 * (default 1 MiB), cancels the stream and fails with unexpected_response; the process's RSS grows
 * far less than the body, and the server sees its stream cut short. (Before: the whole body was
 * read and kept in `raw`, about 830 MB RSS for 200 MB.)
 */
import type { ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RefundError } from '@paykit/refunds';
import { client, outcome, providerIds, startAttacker, validInput, type Attacker } from './kit.ts';

const TOTAL = 200 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, '7'); // digits: valid JSON number text if it were ever parsed
let attacker: Attacker;
let status = 200;
let sent = 0;

/** Writes TOTAL bytes chunk by chunk, respecting backpressure, until done or the client goes away. */
function stream(res: ServerResponse): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  sent = 0;
  const pump = () => {
    while (sent < TOTAL && !res.destroyed) {
      sent += CHUNK.length;
      if (!res.write(CHUNK)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  res.on('close', () => res.removeAllListeners('drain'));
  pump();
}

beforeAll(async () => {
  attacker = await startAttacker((_req, res) => stream(res));
});
afterAll(() => attacker.close());

describe.each(providerIds)('%s', (id) => {
  it.each([200, 503])('a 200 MB body with HTTP %i → unexpected_response, memory bounded, stream cancelled', async (answer) => {
    status = answer;
    const input = await validInput(id);
    const before = attacker.requests.length;
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    let result: unknown;
    try {
      result = await outcome(() => client(id, attacker.url, { maxRetries: 2 }).refunds.create(input as never));
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(peak - baseline, `RSS grew by ${Math.round((peak - baseline) / 1e6)} MB`).toBeLessThan(100 * 1024 * 1024);
    expect(sent, 'bytes the server got to write before the client cancelled').toBeLessThan(64 * 1024 * 1024);
    expect(result).toBeInstanceOf(RefundError);
    expect(result).toMatchObject({ code: 'unexpected_response', httpStatus: answer });
    expect((result as RefundError).message).toContain('maxResponseBytes');
    expect(attacker.requests.length - before, 'an oversized answer is final, never retried').toBe(1);
  });
});

it('maxResponseBytes is honoured as given: a 2 KB body with maxResponseBytes 1024 fails, with 4096 it is read', async () => {
  const [id] = providerIds;
  const small = await startAttacker((_req, res) => res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ pad: 'x'.repeat(2000) })));
  try {
    const input = await validInput(id!);
    const tight = await outcome(() => client(id!, small.url, { maxResponseBytes: 1024 }).refunds.create(input as never));
    expect(tight).toMatchObject({ code: 'unexpected_response', httpStatus: 404 });
    const roomy = await outcome(() => client(id!, small.url, { maxResponseBytes: 4096 }).refunds.create(input as never));
    expect(roomy).toBeInstanceOf(RefundError);
    expect((roomy as RefundError).raw).toEqual({ pad: 'x'.repeat(2000) });
  } finally {
    await small.close();
  }
});

describe('bodies that lie about their size', () => {
  it('a gzip bomb (200 KB on the wire, 200 MB inflated) with a small Content-Length is cut at maxResponseBytes', async () => {
    const zeros = Readable.from((function* () {
      const chunk = Buffer.alloc(1024 * 1024);
      for (let i = 0; i < 200; i++) yield chunk;
    })());
    const bomb = await buffer(zeros.pipe(createGzip({ level: 9 })));
    expect(bomb.length).toBeLessThan(1024 * 1024); // what the server declares is under the limit
    const server = await startAttacker((_req, res) => res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(bomb.length) }).end(bomb));
    try {
      const [id] = providerIds;
      const input = await validInput(id!);
      const baseline = process.memoryUsage().rss;
      const result = await outcome(() => client(id!, server.url).refunds.create(input as never));
      expect(process.memoryUsage().rss - baseline).toBeLessThan(100 * 1024 * 1024);
      expect(result).toMatchObject({ code: 'unexpected_response', httpStatus: 200 });
      expect((result as RefundError).message).toContain('maxResponseBytes');
    } finally {
      await server.close();
    }
  });

  it('a Content-Length smaller than what follows: only the declared bytes are read as the body', async () => {
    // A raw socket, since an HTTP server library refuses to send more than it declared.
    const sockets = new Set<import('node:net').Socket>();
    const server = createTcpServer((socket) => {
      sockets.add(socket);
      socket.once('data', () => {
        socket.write('HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}');
        const junk = Buffer.alloc(64 * 1024, 'x');
        let written = 0;
        const pump = () => {
          while (written < TOTAL && !socket.destroyed) {
            written += junk.length;
            if (!socket.write(junk)) return void socket.once('drain', pump);
          }
        };
        socket.on('error', () => {});
        pump();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const [id] = providerIds;
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const input = await validInput(id!);
      const baseline = process.memoryUsage().rss;
      const result = await outcome(() => client(id!, url).refunds.create(input as never));
      expect(process.memoryUsage().rss - baseline).toBeLessThan(100 * 1024 * 1024);
      expect(result).toBeInstanceOf(RefundError);
      expect((result as RefundError).httpStatus).toBe(404);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
