import type { ReactNode } from 'react';

/** Stands for the content in the catalogue's sentence: a private-use character no message uses. */
const SLOT = '\ue000';

/**
 * A catalogue sentence (a function of one string) with `content` set into it as elements rather
 * than text: feed text inside it can then be isolated in <bdi>, so that a label ending in U+202E
 * cannot reverse the words of the sentence after it.
 */
export function fillMessage(message: (slot: string) => string, content: ReactNode): ReactNode {
  const [before = '', after = ''] = message(SLOT).split(SLOT);
  return (
    <>
      {before}
      {content}
      {after}
    </>
  );
}
