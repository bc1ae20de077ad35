/** `breachready validate`'s options, as data: what its declaration adds and the type its implementation takes. */
import { SHARED } from '../cli/options.js';
import type { OptionValues } from '../cli/options.js';

export const OPTIONS = { checklist: SHARED.checklist };
export type ValidateOptions = OptionValues<typeof OPTIONS>;
