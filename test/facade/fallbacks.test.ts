/**
 * Mapping fallbacks (specs/mappings/*.yaml `fallback`): a field the contract requires that the spec
 * leaves optional is read from the fallback when a 200 lacks it, over loopback HTTP; a 200 without a
 * field the spec requires is still `unexpected_response`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingServer } from '../helpers/recording-server.ts';
import { cases, clientFor, refundError } from './cases.ts';

let body = '{}';
let server: Awaited<ReturnType<typeof startRecordingServer>>;
beforeAll(async () => { server = await startRecordingServer(() => ({ status: 200, body })); });
afterAll(async () => { await server.close(); });

const create = (provider: 'wooshpay' | 'onekeypayments') =>
  clientFor(provider, { url: server.url }, { maxRetries: 0 }).refunds.create(cases[provider].input(1450));

describe('fallbacks', () => {
  it('wooshpay: no status → pending, no payment_intent → the caller\'s paymentId', async () => {
    body = JSON.stringify({ id: 're_1', object: 'refund', amount: 1450, currency: 'usd', created: 1772600767 });
    const refund = await create('wooshpay');
    expect(refund).toMatchObject({ id: 're_1', status: 'pending', paymentId: cases.wooshpay.input(1450).paymentId });
  });

  it('wooshpay: a status that is present still goes through the map (an unknown one is unexpected_response)', async () => {
    body = JSON.stringify({ id: 're_1', payment_intent: 'pi_9', status: 'succeeded' });
    expect(await create('wooshpay')).toMatchObject({ status: 'succeeded', paymentId: 'pi_9' });
    body = JSON.stringify({ id: 're_1', payment_intent: 'pi_9', status: 'reversed' });
    expect((await refundError(() => create('wooshpay'))).code).toBe('unexpected_response');
  });

  it('wooshpay: no id (which the overlay marks required) is unexpected_response', async () => {
    body = JSON.stringify({ payment_intent: 'pi_9', status: 'succeeded' });
    expect((await refundError(() => create('wooshpay'))).code).toBe('unexpected_response');
  });

  it('onekeypayments: a 200 without refund_info (an accepted, not yet processed refund) is pending', async () => {
    body = JSON.stringify({ refund_id: '77' });
    expect(await create('onekeypayments')).toMatchObject({ id: '77', status: 'pending' });
  });
});
