/** src/types.ts, src/capabilities.ts and src/index.ts of @paykit/refunds: the parts that list every provider. */
import { StructureKind, VariableDeclarationKind, type SourceFileStructure } from 'ts-morph';
import { pascalCase, tsString } from '../text/escape.js';
import type { CheckedMapping } from './check.js';
import { literal } from './expressions.js';
import { capabilitiesOf } from './capabilities.js';

// Kept in capabilities.ts so that the facade's README can be rendered without loading ts-morph.
export { capabilitiesOf, type Capabilities } from './capabilities.js';

export function typesStructure(checked: readonly CheckedMapping[]): SourceFileStructure {
  const ids = checked.map((c) => c.provider.id);
  const P = (id: string) => pascalCase(id);
  const map = (name: string, docs: string, type: (id: string) => string) => ({
    kind: StructureKind.Interface as const, name, isExported: true, docs: [docs],
    properties: ids.map((id) => ({ name: tsString(id), type: type(id) })),
  });
  return {
    kind: StructureKind.SourceFile,
    statements: [
      ...ids.map((id) => ({ kind: StructureKind.ImportDeclaration as const, isTypeOnly: true, moduleSpecifier: `@paykit/${id}`, namedImports: [`${P(id)}Credentials`] })),
      ...ids.map((id) => ({ kind: StructureKind.ImportDeclaration as const, isTypeOnly: true, moduleSpecifier: `./providers/${id}.js`, namedImports: [`${P(id)}CreateRefundInput`, `${P(id)}Raw`] })),
      { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './runtime/contract.js', namedImports: ['CreateOptions', { name: 'Refund', alias: 'RefundOf' }, 'RefundsClientOptionsBase'] },
      { kind: StructureKind.TypeAlias, name: 'ProviderId', isExported: true, type: ids.map(tsString).join(' | ') },
      map('CredentialsByProvider', 'What each provider authenticates with. Every field is a secret.', (id) => `${P(id)}Credentials`),
      map('CreateRefundInputByProvider', 'refunds.create input, per provider.', (id) => `${P(id)}CreateRefundInput`),
      map('RawByProvider', 'The provider response body behind a Refund.', (id) => `${P(id)}Raw`),
      { kind: StructureKind.TypeAlias, name: 'Refund', isExported: true, typeParameters: [{ name: 'P', constraint: 'ProviderId', default: 'ProviderId' }], type: 'RefundOf<P, RawByProvider[P]>' },
      {
        kind: StructureKind.Interface, name: 'RefundsClientOptions', isExported: true, extends: ['RefundsClientOptionsBase'],
        typeParameters: [{ name: 'P', constraint: 'ProviderId' }],
        properties: [{ name: 'provider', type: 'P' }, { name: 'credentials', type: 'CredentialsByProvider[P]' }],
      },
      {
        kind: StructureKind.Interface, name: 'RefundsClient', isExported: true, typeParameters: [{ name: 'P', constraint: 'ProviderId' }],
        properties: [
          { name: 'provider', type: 'P', isReadonly: true },
          { name: 'refunds', isReadonly: true, type: '{ create(input: CreateRefundInputByProvider[P], options?: CreateOptions): Promise<Refund<P>> }' },
        ],
      },
    ],
  };
}

export function capabilitiesStructure(checked: readonly CheckedMapping[]): SourceFileStructure {
  const entries = checked.map((c) => `${tsString(c.provider.id)}: ${literal(capabilitiesOf(c))}`);
  return {
    kind: StructureKind.SourceFile,
    statements: [
      { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './types.js', namedImports: ['ProviderId'] },
      {
        kind: StructureKind.Interface, name: 'ProviderCapabilities', isExported: true,
        properties: [
          { name: 'partialRefunds', type: 'boolean', docs: ['An amount smaller than the payment can be refunded.'] },
          { name: 'fullRefundWithoutAmount', type: 'boolean', docs: ['Omitting amount refunds everything that is left.'] },
          { name: 'currencies', type: 'readonly string[] | "any"' },
          { name: 'maxFractionDigits', type: 'number', hasQuestionToken: true, docs: ['Currencies with more decimals are refused before sending.'] },
          { name: 'idempotency', type: 'boolean', docs: ['The provider de-duplicates by idempotency key, so the facade retries after 5xx, timeouts and resets.'] },
          { name: 'reasons', type: 'boolean' },
          { name: 'metadata', type: 'boolean' },
          { name: 'reference', type: 'boolean' },
          { name: 'notes', type: 'readonly string[]' },
        ],
      },
      {
        kind: StructureKind.VariableStatement, isExported: true, declarationKind: VariableDeclarationKind.Const,
        docs: ['What each provider supports, derived from its mapping at generation.'],
        declarations: [{ name: 'capabilities', type: 'Readonly<Record<ProviderId, ProviderCapabilities>>', initializer: `{\n  ${entries.join(',\n  ')},\n}` }],
      },
    ],
  };
}

export function indexStructure(checked: readonly CheckedMapping[]): SourceFileStructure {
  // Credential field names are known without loading the shim, so options are checked up front.
  const entries = checked.map((c) => {
    const fields = c.provider.auth.kind === 'none' ? [] : Object.keys(c.provider.auth.credentials);
    return `${tsString(c.provider.id)}: [${literal(fields)}, () => import(${tsString(`./providers/${c.provider.id}.js`)})],`;
  });
  return {
    kind: StructureKind.SourceFile,
    statements: [
      { kind: StructureKind.ImportDeclaration, moduleSpecifier: './runtime/engine.js', namedImports: ['createRefundsEngine', { name: 'ProviderEntry', isTypeOnly: true }] },
      { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './types.js', namedImports: ['ProviderId', 'RefundsClient', 'RefundsClientOptions'] },
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: './runtime/errors.js', namedExports: ['RefundError', { name: 'RefundErrorCode', isTypeOnly: true }] },
      { kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: './runtime/contract.js', namedExports: ['AttemptEndEvent', 'AttemptEvent', 'CreateOptions', 'CreateRefundBase', 'Money', 'RefundReason', 'RefundsHooks', 'RefundStatus'] },
      { kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: './types.js' },
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: './capabilities.js', namedExports: ['capabilities', { name: 'ProviderCapabilities', isTypeOnly: true }] },
      {
        kind: StructureKind.VariableStatement, declarationKind: VariableDeclarationKind.Const,
        docs: ['Credential fields and shim of each provider. Each shim loads on first use, so a bundle for one provider does not carry the others.'],
        declarations: [{ name: 'providers', type: 'Record<ProviderId, ProviderEntry>', initializer: `{\n  ${entries.join('\n  ')}\n}` }],
      },
      {
        kind: StructureKind.Function, name: 'createRefundsClient', isExported: true,
        docs: ['One refunds API over every provider. Credentials and input are typed by `provider`.\nOptions and credentials are checked here, before any request: a TypeError or RangeError names the option.'],
        typeParameters: [{ name: 'P', constraint: 'ProviderId' }],
        parameters: [{ name: 'options', type: 'RefundsClientOptions<P>' }],
        returnType: 'RefundsClient<P>',
        statements: ['return createRefundsEngine(options, providers) as unknown as RefundsClient<P>;'],
      },
    ],
  };
}
