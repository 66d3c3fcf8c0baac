/**
 * redocly's reference resolver, limited to what paykit has already read, parsed and checked
 * (load/refs.ts). redocly's own resolver reads and parses every file of a spec again with js-yaml
 * (a second parse of DigitalOcean's ~2,000 files) and follows whatever it is handed: besides `$ref`,
 * an Example's `externalValue`, which no check saw, naming a URL (fetched) or any file on disk
 * (inlined into the bundle). This one answers each reference from the documents paykit parsed,
 * by the file paykit's own check resolved it to, and refuses everything else without touching the
 * file system or the network.
 */
import { BaseResolver, ResolveError, Source, type Document } from '@redocly/openapi-core';

/** A reference redocly may follow: from `file`, the file part of a `$ref` paykit checked, to the file it names. */
export type CheckedTargets = ReadonlyMap<string, ReadonlyMap<string, string>>;

export class CheckedResolver extends BaseResolver {
  /**
   * `documents`: parsed documents by the absolute path paykit read them from; `targets`: for each of
   * them, the file part of every checked `$ref` → the document it names. Empty maps refuse everything,
   * which is right for a document that is one file (linting never needs to read anything).
   */
  constructor(private readonly documents: ReadonlyMap<string, unknown> = new Map(), private readonly targets: CheckedTargets = new Map()) {
    super();
  }

  /** An unknown reference resolves to a name no document has, so resolveDocument refuses it. */
  override resolveExternalRef(base: string | null, ref: string): string {
    const hash = ref.indexOf('#');
    const file = hash === -1 ? ref : ref.slice(0, hash);
    return (base === null ? undefined : this.targets.get(base)?.get(file)) ?? `${REFUSED}${ref}`;
  }

  override loadExternalRef(absoluteRef: string): Promise<Source> {
    return Promise.reject(refused(absoluteRef));
  }

  override resolveDocument<T = unknown>(base: string | null, ref: string): Promise<Document<T>> {
    return this.document(this.resolveExternalRef(base, ref));
  }

  /** The document paykit read from `absoluteRef` (the same object on every call), or a refusal. */
  document<T = unknown>(absoluteRef: string): Promise<Document<T>> {
    let document = this.cache.get(absoluteRef) as Promise<Document<T>> | undefined;
    if (document === undefined) {
      document = this.documents.has(absoluteRef)
        // The text is only read to print code frames, which paykit never does: nothing keeps 2,000 files' text alive.
        ? Promise.resolve({ source: new Source(absoluteRef, ''), parsed: this.documents.get(absoluteRef) as T })
        : Promise.reject(refused(absoluteRef));
      document.catch(() => {}); // redocly awaits it where it reports the failure
      this.cache.set(absoluteRef, document as Promise<Document>);
    }
    return document;
  }
}

const REFUSED = 'paykit-refused:';

function refused(absoluteRef: string): ResolveError {
  const ref = absoluteRef.startsWith(REFUSED) ? absoluteRef.slice(REFUSED.length) : absoluteRef;
  return new ResolveError(new Error(`"${ref}" is not read: paykit follows only the $refs it checked, into the spec's own files`));
}
