import { useMessages } from '../../shared/i18n/use-messages';

/** Placeholder shapes while the first document loads, so the page does not jump when it lands. */
export function TimelineSkeleton() {
  const t = useMessages();
  return (
    // A region of its own: on a page still loading it stands beside the main landmark, not in it.
    <section className="lb-skeleton" aria-label={t.loading}>
      {[0, 1, 2].map((i) => (
        <div key={i} className="lb-skeleton__item" aria-hidden="true">
          <div className="lb-skeleton__line lb-skeleton__line--short" />
          <div className="lb-skeleton__line lb-skeleton__line--title" />
          <div className="lb-skeleton__line" />
          <div className="lb-skeleton__line" />
        </div>
      ))}
    </section>
  );
}
