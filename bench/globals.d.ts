// What the benchmark adds to the page (page-probe.mjs, paint-probe.mjs); read through page.evaluate.
import type { ProbeState } from './page-probe.mjs';
import type { PaintState } from './paint-probe.mjs';

declare global {
  interface Window {
    __bench: ProbeState;
    __paint: PaintState;
    __REACT_DEVTOOLS_GLOBAL_HOOK__?: object;
  }
}
