import { createContext } from 'react';
import type { ProviderGrant } from '../../core/embeds/provider-grant';
import type { ProviderKey } from '../../core/embeds/providers';

/** What the page hosting the widget decided about third-party embeds (docs/embedding.md). */
export interface EmbedPolicy {
  /** Link cards only: no embed loads, and no reader is asked. */
  readonly off?: boolean;
  /** Providers the host's own consent manager agreed to for the reader. */
  readonly granted?: ProviderGrant;
}

export const EmbedPolicyContext = createContext<EmbedPolicy>({});

export function hostGrants(policy: EmbedPolicy, provider: ProviderKey): boolean {
  const granted = policy.granted;
  return granted === 'all' || (granted?.includes(provider) ?? false);
}
