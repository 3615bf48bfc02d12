import type { ChunkMessages } from '../../shared/i18n/language';
import { useChunkMessages } from '../../shared/i18n/use-messages';

// The gate's words come with the embeds chunk, not in every reader's catalogue: most feeds carry
// no embeds.

const en = {
  load: (provider: string) => `Load content from ${provider}`,
  always: (provider: string) => `Always load content from ${provider}`,
  stop: (provider: string) => `Stop loading ${provider} content automatically`,
  notice: (provider: string) =>
    `Loading it connects to ${provider}, which may set cookies and collect data about you.`,
  viewOn: (provider: string) => `View on ${provider}`,
  title: (provider: string, video: boolean) => `${provider} ${video ? 'video' : 'post'}`,
};

export type EmbedMessages = typeof en;

const uk: EmbedMessages = {
  load: (provider: string) => `Завантажити вміст із ${provider}`,
  always: (provider: string) => `Завжди завантажувати вміст із ${provider}`,
  stop: (provider: string) => `Не завантажувати вміст із ${provider} автоматично`,
  notice: (provider: string) =>
    `Завантаження з’єднає вас із ${provider}: цей сервіс може встановлювати файли cookie та збирати дані про вас.`,
  viewOn: (provider: string) => `Переглянути на ${provider}`,
  title: (provider: string, video: boolean) => `${video ? 'Відео' : 'Допис'} ${provider}`,
};

const embedMessages: ChunkMessages<EmbedMessages> = { en, uk };

export function useEmbedMessages(): EmbedMessages {
  return useChunkMessages(embedMessages);
}
