import { identifier } from '../../text/escape.js';
import { operations, type NormalizationRule } from '../types.js';

/**
 * Gives every operation without an operationId one derived from its method and path
 * (`post /v1/refunds` → `postV1Refunds`), so names in generated code do not depend on document order.
 * Ids the vendor or an overlay chose are kept; a derived id never collides with an existing one.
 */
export const stableOperationIds: NormalizationRule = {
  name: 'stable-operation-ids',
  summary: 'Derives a missing operationId from the method and path (post /v1/refunds → postV1Refunds).',
  apply(document) {
    const sites = operations(document);
    const taken = new Set(sites.map((s) => s.operation.operationId).filter((id): id is string => typeof id === 'string'));
    for (const { method, path, operation } of sites) {
      if (typeof operation.operationId === 'string' && operation.operationId !== '') continue;
      const base = identifier(`${method} ${path.replace(/\{([^}]*)\}/g, ' by $1 ')}`);
      let id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}${n}`;
      taken.add(id);
      operation.operationId = id;
    }
  },
};
