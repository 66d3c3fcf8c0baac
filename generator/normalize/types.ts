/** An OpenAPI document as plain data. The pipeline hands each rule a copy it owns. */
export type OpenApiDocument = Record<string, unknown>;

export interface NormalizationRule {
  /** The name providers.yaml uses to ask for the rule. */
  name: string;
  /** One sentence, shown in `paykit --help`-style listings and the generated README. */
  summary: string;
  /** Rewrites `document` in place. Must be deterministic and idempotent. */
  apply(document: OpenApiDocument): void;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface OperationSite {
  path: string;
  method: (typeof HTTP_METHODS)[number];
  operation: Record<string, unknown>;
  pathItem: Record<string, unknown>;
}

/** Every operation, in document order (paths, then the fixed method order). */
export function operations(document: OpenApiDocument): OperationSite[] {
  const paths = asRecord(document.paths);
  const sites: OperationSite[] = [];
  for (const [path, item] of Object.entries(paths)) {
    const pathItem = asRecord(item);
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (isRecord(operation)) sites.push({ path, method, operation, pathItem });
    }
  }
  return sites;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}
