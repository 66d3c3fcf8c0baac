import { FAULTS, serveFake } from './server.js';
export async function launchFake(recipes, provider, options = {}) {
    if (typeof provider !== 'string' || !Object.hasOwn(recipes, provider)) {
        throw new TypeError(`startFake: provider must be one of ${Object.keys(recipes).join(', ')}`);
    }
    const recipe = recipes[provider];
    const state = { ledger: [], refunded: new Map(), answered: new Map(), seq: 0, now: options.now ?? (() => new Date()) };
    const faults = [];
    const server = await serveFake(recipe, state, faults, options.port ?? 0);
    const payments = recipe.payments.map((seed) => ({
        paymentId: seed.paymentId,
        amount: { ...seed.amount },
        ...(seed.providerOptions === undefined ? {} : { providerOptions: structuredClone(seed.providerOptions) }),
        refundStatus: recipe.outcomes[seed.outcome].refundStatus,
    }));
    return {
        provider,
        baseUrl: server.baseUrl,
        credentials: { ...recipe.credentials },
        payments,
        refunds: () => state.ledger.map((entry) => structuredClone(entry)),
        failNext(fault) {
            if (!FAULTS.includes(fault))
                throw new TypeError(`failNext: fault must be one of ${FAULTS.join(', ')}`);
            faults.push(fault);
        },
        close: () => server.close(),
    };
}
