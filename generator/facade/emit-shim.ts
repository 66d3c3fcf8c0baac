/**
 * One shim per provider, src/providers/<id>.ts: the provider's input type, its request built from
 * the mapping and typed by the provider's schema.ts (so tsc checks the mapping a second time), its
 * response reading, and its error table as data.
 */
import { StructureKind, VariableDeclarationKind, type SourceFileStructure, type StatementStructures } from 'ts-morph';
import { pascalCase, tsString, jsdocText } from '../text/escape.js';
import type { CheckedMapping } from './check.js';
import { collectRuntime } from './expressions.js';
import { shimObject } from './emit-shim-object.js';
import { inputChecks } from './emit-checks.js';

/**
 * `defaultBaseUrl`: the provider package's DEFAULT_BASE_URL (the same providers.yaml choice), written
 * here so the facade never loads the package's openapi-fetch client, only its `./auth` module.
 */
export function shimStructure(checked: CheckedMapping, defaultBaseUrl: string): SourceFileStructure {
  const { mapping, provider } = checked;
  const P = pascalCase(provider.id);
  const pkg = `@paykit/${provider.id}`;
  const { method, path } = mapping.operation;
  const responseType = (status: number) => `Response${checked.responseKeys.get(status) === String(status) ? status : `${status}Default`}`;
  const refundStatuses = [...new Set(mapping.responses.map((r) => r.status))];
  const options = Object.entries(mapping.input.providerOptions ?? {});
  const optionsRequired = options.some(([, o]) => o.required === true);
  const hasHeaders = Object.keys(mapping.request.headers).length > 0;
  // The writer's expressions are computed inside collectRuntime, so the imports are the calls made.
  const { result: [initializer, checks], imports } = collectRuntime(() => {
    const found = inputChecks(checked);
    return [shimObject(checked, defaultBaseUrl, found?.statements), found] as const;
  });
  const patterns = checks?.patterns ?? [];
  const statements: StatementStructures[] = [
    // Only the auth module at run time; the schema's types check the request below.
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: `${pkg}/auth`, namedImports: ['authenticator', { name: `${P}Credentials`, isTypeOnly: true }] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: pkg, isTypeOnly: true, namedImports: ['paths', ...(options.some(([, o]) => o.schema) ? ['components'] : [])] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../runtime/contract.js', isTypeOnly: true, namedImports: ['CreateRefundBase', 'Money'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../runtime/engine.js', isTypeOnly: true, namedImports: ['Shim'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../runtime/read.js', namespaceImport: 'read' },
    ...imports.map(([moduleSpecifier, namedImports]) => ({ kind: StructureKind.ImportDeclaration as const, moduleSpecifier, namedImports })),
    { kind: StructureKind.TypeAlias, name: 'Operation', type: `paths[${tsString(path)}][${tsString(method)}]` },
    { kind: StructureKind.TypeAlias, name: 'RequestBody', type: `NonNullable<Operation["requestBody"]>["content"]["application/json"]` },
    ...(hasHeaders ? [{ kind: StructureKind.TypeAlias as const, name: 'RequestHeaders', type: `NonNullable<Operation["parameters"]["header"]>` }] : []),
    ...(Object.keys(mapping.request.path).length > 0 ? [{ kind: StructureKind.TypeAlias as const, name: 'PathParameters', type: `Operation["parameters"]["path"]` }] : []),
    ...(Object.keys(mapping.request.query).length > 0 ? [{ kind: StructureKind.TypeAlias as const, name: 'QueryParameters', type: `NonNullable<Operation["parameters"]["query"]>` }] : []),
    ...refundStatuses.map((status) => ({
      kind: StructureKind.TypeAlias as const, name: responseType(status),
      type: `Operation["responses"][${checked.responseKeys.get(status) === String(status) ? status : tsString(checked.responseKeys.get(status)!)}]["content"]["application/json"]`,
    })),
    { kind: StructureKind.TypeAlias, name: `${P}Raw`, isExported: true, docs: [jsdocText(`The ${provider.title} response body a refund was read from.`)], type: refundStatuses.map(responseType).join(' | ') },
    options.length === 0 ? {
      kind: StructureKind.TypeAlias, name: `${P}ProviderOptions`, isExported: true,
      docs: [jsdocText(`${provider.title} takes no provider options (an empty interface would accept anything).`)],
      type: 'Record<string, never>',
    } : {
      kind: StructureKind.Interface, name: `${P}ProviderOptions`, isExported: true,
      docs: [jsdocText(`What ${provider.title} needs besides the common fields.`)],
      properties: options.map(([name, option]) => ({
        name, hasQuestionToken: option.required !== true,
        type: option.schema !== undefined ? `components["schemas"][${tsString(option.schema)}]` : option.type!,
        ...(option.description === undefined ? {} : { docs: [jsdocText(option.description)] }),
      })),
    },
    {
      kind: StructureKind.Interface, name: `${P}CreateRefundInput`, isExported: true, extends: ['CreateRefundBase'],
      docs: [jsdocText(`refunds.create input for ${provider.title}.`)],
      properties: [
        { name: 'amount', hasQuestionToken: mapping.input.amount !== 'required', type: 'Money', docs: [mapping.input.amount === 'required' ? 'Required: the provider needs the amount even for a full refund.' : 'Integer minor units; omit for a full refund.'] },
        { name: 'providerOptions', hasQuestionToken: !optionsRequired, type: `${P}ProviderOptions` },
      ],
    },
    // The input patterns the shim's check tests with, compiled once.
    ...(patterns.length === 0 ? [] : [{
      kind: StructureKind.VariableStatement as const, declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: 'PATTERNS', initializer: `[${patterns.map((source) => `new RegExp(${tsString(source)})`).join(', ')}]` }],
    }]),
    {
      kind: StructureKind.VariableStatement, isExported: true, declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: 'shim', type: `Shim<${P}Credentials, ${P}CreateRefundInput, ${P}Raw>`, initializer }],
    },
  ];
  return { kind: StructureKind.SourceFile, statements };
}
