/** Loopback sandboxes that play the five providers' "create refund" endpoints. See core.ts. */
export { faultProblem, providerIds, providers, startAllSandboxes, startSandbox } from './core.ts';
export type { Fault, LedgerEntry, ProviderContext, ProviderId, ProviderModule, RecordedRequest, Reply, Sandbox, SandboxOptions, SeededPayment } from './core.ts';
export * as push from './push.ts';
export * as wooshpay from './wooshpay.ts';
export * as onekeypayments from './onekeypayments.ts';
export * as xpay from './xpay.ts';
export * as payop from './payop.ts';
