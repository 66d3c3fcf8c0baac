/**
 * Reading one HTTP answer, whatever its status, under two rules (DESIGN.md, "Hardening"): a redirect
 * is reported, never followed, and a body is read as a stream of at most `limit` bytes; past that the
 * stream is cancelled, so memory stays bounded however much the server sends.
 */
import type { AttemptResult } from './transport.js';

const ignore = () => {};

export async function receive(response: Response, limit: number): Promise<AttemptResult> {
  const { status, headers, body } = response;
  // status 0 is a browser's opaque redirect; `redirected` means a custom fetch followed one anyway.
  const failure = status === 0 || (status >= 300 && status < 400) || response.redirected ? 'redirect' : undefined;
  // A declared length within the limit and no content coding (which could inflate it) frame the body
  // exactly: one text() is then as bounded as the stream below, and faster.
  if (failure === undefined && Number(headers.get('content-length') ?? Number.NaN) <= limit && !headers.has('content-encoding')) {
    return { status, headers, bodyText: await response.text() };
  }
  const chunks: BlobPart[] = [];
  let size = 0;
  const reader = failure === undefined ? body?.getReader() : undefined;
  for (let chunk = await reader?.read(); chunk !== undefined && !chunk.done; chunk = await reader!.read()) {
    size += chunk.value.byteLength;
    if (size > limit) break;
    chunks.push(chunk.value as BlobPart); // a fetch body is never a SharedArrayBuffer
  }
  if (failure !== undefined || size > limit) {
    (reader ?? body)?.cancel().catch(ignore);
    return { status, headers, bodyText: '', failure: failure ?? 'too_large' };
  }
  // Blob joins the chunks and decodes UTF-8 in one step, in every fetch runtime.
  return { status, headers, bodyText: await new Blob(chunks).text() };
}
