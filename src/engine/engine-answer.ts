import type { Response } from 'express';
import type { EngineResult } from './request-transactions.js';

/** The OpenAPI description of the header every act on a matter accepts. */
export const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'a retry with the same key returns the first answer without applying the event twice',
};

/** The matter as the caller now sees it, marking a replayed answer to a retried request. */
export const answer = (response: Response, result: EngineResult) => {
  if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
  return result.view;
};
