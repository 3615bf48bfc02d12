import { createContext } from 'react';

/** What the page hosting the widget decided about third-party embeds (docs/embedding.md). */
export interface EmbedPolicy {
  /** Link cards only: no embed loads, and no reader is asked. */
  readonly off?: boolean;
  /**
   * Providers the host's own consent manager agreed to for the reader, as the host said it
   * (attribute text, or an event's or message's list): read by the embeds code alone.
   */
  readonly granted?: unknown;
}

export const EmbedPolicyContext = createContext<EmbedPolicy>({});
