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
  const redirect = status === 0 || (status >= 300 && status < 400) || response.redirected;
  const length = Number(headers.get('content-length') ?? Number.NaN);
  let bodyText = '';
  let failure: AttemptResult['failure'];
  if (redirect || length > limit) {
    body?.cancel().catch(ignore);
    failure = redirect ? 'redirect' : 'too_large';
  } else if (body === null) {
    // no body: nothing to read
  } else if (length <= limit && !headers.has('content-encoding')) {
    // A declared length within the limit and no content coding (which could inflate it) frames the
    // body exactly: one text() is then as bounded as the stream below, and faster.
    bodyText = await response.text();
  } else {
    const reader = body.getReader();
    const chunks: BlobPart[] = [];
    let size = 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      size += chunk.value.byteLength;
      if (size > limit) {
        reader.cancel().catch(ignore);
        return { status, headers, bodyText, failure: 'too_large' };
      }
      chunks.push(chunk.value as BlobPart); // a fetch body is never a SharedArrayBuffer
    }
    // Blob joins the chunks and decodes UTF-8 in one step, in every fetch runtime.
    bodyText = await new Blob(chunks).text();
  }
  return { status, headers, bodyText, failure };
}
