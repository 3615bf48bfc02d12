import type { Locale } from 'date-fns';
import { useContext } from 'react';
import { LocaleContext } from './use-messages';

/** date-fns locale for relative times; English is date-fns' built-in default. */
export function useDateFnsLocale(): Locale | undefined {
  return useContext(LocaleContext).dateFnsLocale;
}
