/** Whether a box (an element's getBoundingClientRect) is on the screen, at least in part. */
export function onScreen(box: DOMRectReadOnly): boolean {
  return box.bottom > 0 && box.top < innerHeight;
}
