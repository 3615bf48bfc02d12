import type { ReactNode } from 'react';

/**
 * Media with its caption and credit as a figure (the lead image's too, UpdateArticle.tsx), or the
 * media alone when neither has words. `block` names the classes: `<block>__figure`, `__credit`.
 */
export function Figure(props: {
  readonly caption: string | undefined;
  readonly credit: string | undefined;
  readonly block: string;
  /** The language of the caption and credit (the feed's). */
  readonly lang?: string | undefined;
  readonly children: ReactNode;
}) {
  const { caption, credit, block, lang, children } = props;
  if (caption === undefined && credit === undefined) return children;
  return (
    <figure className={`${block}__figure`}>
      {children}
      <figcaption lang={lang}>
        {caption && <bdi>{caption}</bdi>}
        {caption && credit && ' '}
        {credit && (
          <small className={`${block}__credit`}>
            <bdi>{credit}</bdi>
          </small>
        )}
      </figcaption>
    </figure>
  );
}
