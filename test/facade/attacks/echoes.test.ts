/**
 * DESIGN.md "Echoed secrets": the attacker echoes every credential back in every form (verbatim,
 * JSON-escaped, \u-escaped, URL-encoded, base64 alone, basic auth, `Bearer <token>` base64) in the
 * body and in headers, in successful answers and in errors. Whatever the facade returns or throws
 * carries none of them in any view (JSON, inspect, message, stack, raw). (Before: scrubbing only
 * triggered on the literal text, so a JSON-escaped echo came back decoded in refund.raw, and a Payop
 * `identifier` header echoing `Bearer <token>` became refund.id.)
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RefundError } from '@paykit/refunds';
import { client, credentialsFor, mappingOf, outcome, place, providerIds, readPaths, startAttacker, successAnswer, validInput, type Answer, type Attacker } from './kit.ts';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** Each encoding of the credentials, as the attacker writes it into JSON text (already escaped where it says so). */
const encodings: Record<string, (secrets: string[]) => { json: string }> = {
  verbatim: (s) => ({ json: JSON.stringify(s.join(' ')).slice(1, -1) }),
  'JSON-escaped \\/': (s) => ({ json: JSON.stringify(s.join(' ')).slice(1, -1).replaceAll('/', '\\/') }),
  'JSON \\u-escaped': (s) => ({ json: [...s.join(' ')].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('') }),
  'URL-encoded': (s) => ({ json: s.map(encodeURIComponent).join('&') }),
  'URL-encoded, lower-case hex': (s) => ({ json: s.map((x) => encodeURIComponent(x).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())).join('&') }),
  base64: (s) => ({ json: s.map(b64).join(' ') }),
  'basic auth': (s) => ({ json: `Basic ${b64(`${s[0]}:${s[1] ?? ''}`)} Basic ${b64(`${s[1] ?? s[0]}:`)}` }),
  'Bearer base64': (s) => ({ json: s.map((x) => b64(`Bearer ${x}`)).join(' ') }),
};

/** Views of an outcome in which a secret must not appear. */
function renderings(result: unknown): string {
  const views = [JSON.stringify(result), inspect(result, { depth: 20 }), inspect(result, { depth: 20, showHidden: true, customInspect: false }), String(result)];
  if (result instanceof RefundError) views.push(result.message, result.stack ?? '', String(result.cause), JSON.stringify(result.raw));
  return views.join('\n');
}

/** The secrets plus every encoded form the attacker used (decoded by JSON.parse where JSON would decode it). */
function forbidden(secrets: string[]): string[] {
  const forms = secrets.flatMap((s) => [s, encodeURIComponent(s), b64(s), b64(`Bearer ${s}`)]);
  if (secrets.length > 1) forms.push(b64(`${secrets[0]}:${secrets[1]}`));
  forms.push(b64(`${secrets[0]}:`));
  return forms;
}

let attacker: Attacker;
let respond: (answer: Answer) => string = () => '';
let current: Answer = { status: 500, body: {}, headers: {} };
beforeAll(async () => {
  attacker = await startAttacker((_req, res) => {
    res.writeHead(current.status, { 'content-type': 'application/json', ...current.headers }).end(respond(current));
  });
});
afterAll(() => attacker.close());

/** A JSON body with `marker` strings replaced by the raw (already escaped) echo text. */
function withEcho(answer: Answer, echo: string): string {
  return JSON.stringify(answer.body).replaceAll('@@ECHO@@', echo);
}

describe.each(providerIds)('%s', (id) => {
  const secrets = Object.values(credentialsFor(id));
  const mapping = mappingOf(id);

  describe.each(Object.entries(encodings))('%s', (_name, encode) => {
    const { json } = encode(secrets);
    // Header values cannot carry JSON escapes: they get the decoded text.
    const headerEcho = JSON.parse(`"${json}"`) as string;

    it('successful answer: echo in raw, in every string field the mapping reads and in every header', async () => {
      const input = await validInput(id);
      const answer = successAnswer(id, input);
      place(answer, 'body.echo', '@@ECHO@@');
      for (const { field, path } of readPaths(id)) {
        if (['failureReason', 'reference'].includes(field)) place(answer, path, 'says @@ECHO@@');
      }
      for (const { path } of readPaths(id)) if (path.startsWith('header.')) place(answer, path, headerEcho);
      answer.headers['x-echo'] = headerEcho;
      current = answer;
      respond = (a) => withEcho(a, json);
      const result = await outcome(() => client(id, attacker.url).refunds.create(input as never));
      const text = renderings(result);
      for (const form of forbidden(secrets)) expect(text).not.toContain(form);
      // The body echo is in raw, redacted; only an echo in the id itself (a header id) may refuse the refund.
      const idFromHeader = readPaths(id).some((p) => p.field === 'id' && p.path.startsWith('header.'));
      if (!idFromHeader) expect(result).not.toBeInstanceOf(RefundError);
      if (!(result instanceof RefundError)) expect(JSON.stringify(result.raw)).toContain('[redacted]');
    });

    it('successful answer whose id header or id field is exactly a credential: refused or redacted', async () => {
      const input = await validInput(id);
      const answer = successAnswer(id, input);
      const idPath = readPaths(id).find((p) => p.field === 'id')!.path;
      place(answer, idPath, idPath.startsWith('header.') ? headerEcho : '@@ECHO@@');
      current = answer;
      respond = (a) => withEcho(a, json);
      const result = await outcome(() => client(id, attacker.url).refunds.create(input as never));
      const text = renderings(result);
      for (const form of forbidden(secrets)) expect(text).not.toContain(form);
    });

    it.each(mapping.errors.map((e) => e.status).filter((s, i, all) => all.indexOf(s) === i).concat([503]))('error answer HTTP %i echoing in the message, raw and headers', async (status) => {
      const input = await validInput(id);
      const answer: Answer = { status, body: { echo: '@@ECHO@@' }, headers: { 'x-echo': headerEcho } };
      for (const rule of mapping.errors) if (rule.message !== undefined) place(answer, rule.message, 'bad key @@ECHO@@');
      current = answer;
      respond = (a) => withEcho(a, json);
      const result = await outcome(() => client(id, attacker.url).refunds.create(input as never));
      const text = renderings(result);
      for (const form of forbidden(secrets)) expect(text).not.toContain(form);
    });

    it('an HTML error page echoing the text', async () => {
      const input = await validInput(id);
      current = { status: 502, body: null, headers: { 'content-type': 'text/html' } };
      respond = () => `<html><body>upstream: ${json} ${headerEcho}</body></html>`;
      const result = await outcome(() => client(id, attacker.url).refunds.create(input as never));
      expect(result).toBeInstanceOf(RefundError);
      const text = renderings(result);
      for (const form of forbidden(secrets)) expect(text).not.toContain(form);
    });
  });

  it('control: the success answer without echoes is a Refund', async () => {
    const input = await validInput(id);
    current = successAnswer(id, input);
    respond = (a) => JSON.stringify(a.body);
    const result = await outcome(() => client(id, attacker.url).refunds.create(input as never));
    expect(result).not.toBeInstanceOf(RefundError);
  });
});
