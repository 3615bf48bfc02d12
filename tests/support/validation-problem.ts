import { expect } from 'vitest';
import type { Problem } from '../../src/entries/validate/validation-problem';

/** A validator's problem with this severity, path and rule (and a message matching, if given). */
export const problem = (
  severity: Problem['severity'],
  path: string,
  rule: string,
  message?: RegExp,
) =>
  expect.objectContaining({
    severity,
    path,
    rule,
    ...(message && { message: expect.stringMatching(message) as unknown }),
  }) as unknown;
