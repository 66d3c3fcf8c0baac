import { splitRef, resolvePointer } from '../../load/refs.js';
import { isRecord, operations, type NormalizationRule } from '../types.js';

/**
 * Accept, Content-Type and Content-Length are set by the HTTP client from the request body and the
 * expected response; declared as parameters they become required arguments of every call.
 */
const TRANSPORT_HEADERS = new Set(['accept', 'content-type', 'content-length']);

export const dropTransportHeaders: NormalizationRule = {
  name: 'drop-transport-headers',
  summary: 'Removes Accept, Content-Type and Content-Length header parameters; the client sets them from the body.',
  apply(document) {
    const isTransport = (parameter: unknown): boolean => {
      const resolved = isRecord(parameter) && typeof parameter.$ref === 'string'
        ? resolvePointer(document, splitRef(parameter.$ref)[1])
        : parameter;
      return isRecord(resolved) && resolved.in === 'header' && typeof resolved.name === 'string'
        && TRANSPORT_HEADERS.has(resolved.name.toLowerCase());
    };
    const seen = new Set<Record<string, unknown>>();
    for (const { operation, pathItem } of operations(document)) {
      for (const owner of [operation, pathItem]) {
        if (seen.has(owner) || !Array.isArray(owner.parameters)) continue;
        seen.add(owner);
        owner.parameters = owner.parameters.filter((p) => !isTransport(p));
        if ((owner.parameters as unknown[]).length === 0) delete owner.parameters;
      }
    }
  },
};
