import { useLayoutEffect, useState, type RefObject } from 'react';
import { MOST_TICKS } from './chart-labels';

/**
 * How many axis labels fit along the plot without running into each other: its width over the
 * widest of `labels` (the most there can be) in the labels' font, with a small gap, at most MOST_TICKS.
 * Large text on a phone leaves room for one or two. Measured with a canvas, so the answer does
 * not depend on which labels are drawn; again when the plot or the labels' size changes. A
 * server's chart, drawn before anything is measured, has the most.
 */
export function useTickRoom(
  plot: RefObject<HTMLElement | null>,
  labels: readonly (string | undefined)[],
): number {
  const [room, setRoom] = useState(MOST_TICKS);
  const texts = labels.filter((l) => l !== undefined).join('\n');
  useLayoutEffect(() => {
    const el = plot.current;
    // Any label drawn has every label's font, and changes size with it.
    const tick = el?.querySelector('.lb-chart__tick');
    const pen = tick && typeof ResizeObserver !== 'undefined' && document.createElement('canvas');
    const context = pen ? pen.getContext('2d') : null;
    if (!el || !tick || !context) return;
    const observer = new ResizeObserver(() => {
      const style = getComputedStyle(tick);
      context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const edge = parseFloat(style.paddingInlineStart) + parseFloat(style.borderInlineStartWidth);
      const widest = Math.max(0, ...texts.split('\n').map((t) => context.measureText(t).width));
      const fits = Math.floor(el.clientWidth / ((widest + edge) * 1.15));
      setRoom(Math.max(1, Math.min(MOST_TICKS, fits)));
    });
    observer.observe(el);
    observer.observe(tick);
    return () => observer.disconnect();
  }, [plot, texts, room]);
  return room;
}
