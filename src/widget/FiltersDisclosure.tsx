import { useState, type ReactNode } from 'react';
import { useMessages } from '../shared/i18n/use-messages';

interface Props {
  /** Active filters, counted on the button ("Filters (2 active)"). */
  readonly active: number;
  readonly children: ReactNode;
}

/**
 * The filters: beside the timeline where there is room, behind a "Filters" button on a phone
 * (live-blog.css decides which from the widget's width).
 */
export function FiltersDisclosure({ active, children }: Props) {
  const t = useMessages();
  const [open, setOpen] = useState(false);
  return (
    <div className={`lb-filters${open ? ' lb-filters--open' : ''}`} part="filters">
      <noscript>
        <a href="#lb-filter-panel" className="lb-button lb-filters__toggle">
          {t.filtersButton(active)}
        </a>
      </noscript>
      <button
        type="button"
        className="lb-button lb-filters__toggle lb-filters__toggle--script"
        aria-expanded={open}
        aria-controls="lb-filter-panel"
        onClick={() => setOpen(!open)}
      >
        {t.filtersButton(active)}
      </button>
      <div id="lb-filter-panel" className="lb-filters__panel">
        {children}
      </div>
    </div>
  );
}
