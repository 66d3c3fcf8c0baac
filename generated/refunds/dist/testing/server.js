/// <reference types="node" />
/**
 * The fake's HTTP side: a node:http server on 127.0.0.1 that routes the mapped operation to
 * handle.ts and plays the faults queued with failNext.
 */
import { createServer } from 'node:http';
import { errorFor, handleRefund } from './handle.js';
import { errorReply } from './replies.js';
export const FAULTS = ['timeout-before', 'timeout-after', 'reset-before', 'reset-after', '5xx', '429', 'malformed-json', 'html'];
const HTML_PAGE = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n';
export async function serveFake(recipe, state, faults, port) {
    const sockets = new Set();
    const server = createServer((req, res) => {
        res.on('error', () => { });
        void readBody(req).then((bodyText) => {
            const [path = '/', search = ''] = (req.url ?? '/').split(/\?(.*)/s);
            const params = routeParams(recipe.request.path, path);
            if (req.method?.toLowerCase() !== recipe.request.method || params === undefined) {
                return send(res, errorFor(recipe, 'invalid_request', `No route for ${String(req.method)} ${String(path)}`), 404);
            }
            const fault = faults.shift();
            switch (fault) {
                case 'timeout-before': return; // never answered; close() ends the connection
                case 'reset-before': return void req.socket.destroy();
                case '5xx': return send(res, errorReply(recipe.unavailable, 'Service unavailable'));
                case '429': return send(res, { ...errorReply(recipe.rateLimited, 'Too many requests'), headers: { 'retry-after': '0' } });
                case 'html': return send(res, { status: 502, body: undefined, headers: {} }, undefined, HTML_PAGE);
            }
            const reply = handleRefund(recipe, state, { headers: flatHeaders(req), bodyText, path: params, query: new URLSearchParams(search) });
            switch (fault) {
                case 'timeout-after': return;
                case 'reset-after': return void req.socket.destroy();
                case 'malformed-json': {
                    const text = JSON.stringify(reply.body ?? {});
                    return send(res, reply, undefined, text.slice(0, Math.max(1, Math.floor(text.length / 2))));
                }
            }
            return send(res, reply);
        }).catch(() => {
            if (!res.headersSent)
                res.writeHead(500).end();
        });
    });
    server.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('error', () => { });
        socket.on('close', () => sockets.delete(socket));
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
            server.off('error', reject);
            resolve();
        });
    });
    const { port: bound } = server.address();
    return {
        baseUrl: `http://127.0.0.1:${bound}`,
        close: () => new Promise((resolve, reject) => {
            if (!server.listening)
                return resolve();
            server.close((err) => (err ? reject(err) : resolve()));
            for (const socket of sockets)
                socket.destroy();
        }),
    };
}
function readBody(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        req.on('data', (chunk) => chunks.push(chunk));
        req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        req.on('error', reject);
    });
}
function flatHeaders(req) {
    const out = {};
    for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined)
            out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    return out;
}
/** Sends a reply as JSON, or `rawText` as given (a truncated body, an HTML page). */
function send(res, reply, status = reply.status, rawText) {
    if (res.headersSent || res.destroyed)
        return;
    const text = rawText ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
    const type = rawText !== undefined && rawText.startsWith('<') ? 'text/html' : 'application/json';
    res.writeHead(status, { ...reply.headers, 'content-type': type, 'content-length': String(Buffer.byteLength(text)) });
    res.end(text);
}
/** The operation path's `{name}` parameters in a request path, decoded; undefined when it is another route. */
export function routeParams(template, path) {
    const names = [];
    const pattern = template.split(/\{([^}]+)\}/).map((part, i) => (i % 2 === 1 ? (names.push(part), '([^/]+)') : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
    const match = new RegExp(`^${pattern}$`).exec(path);
    if (match === null)
        return undefined;
    try {
        return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
    }
    catch {
        return undefined; // a malformed escape is no route
    }
}
