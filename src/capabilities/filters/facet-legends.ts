import type { FacetName } from '../../core/filters/filter-state';
import type { Messages } from '../../shared/i18n/messages-en';

/** The name of each facet, as its fieldset legend and in "Speaker: …" chips. */
export function facetLegends(t: Messages): Record<FacetName, string> {
  return { topics: t.facetTopic, countries: t.facetCountry, speakers: t.facetSpeaker };
}
