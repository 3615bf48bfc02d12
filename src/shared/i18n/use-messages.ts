import { createContext, useContext } from 'react';
import { messagesIn, type ChunkMessages } from './language';
import { en, type Messages } from './messages-en';

export interface LocaleSettings {
  /** BCP 47 tag used for Intl. */
  readonly locale: string;
  readonly messages: Messages;
}

export const LocaleContext = createContext<LocaleSettings>({ locale: 'en', messages: en });

export function useMessages(): Messages {
  return useContext(LocaleContext).messages;
}

export function useLocale(): string {
  return useContext(LocaleContext).locale;
}

/** The chunk's strings in the widget's UI language. */
export function useChunkMessages<T>(messages: ChunkMessages<T>): T {
  return messagesIn(messages, useLocale());
}
