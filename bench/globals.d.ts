// What the benchmark adds to the page (page-probe.mjs); read through page.evaluate.
import type { ProbeState } from './page-probe.mjs';

declare global {
  interface Window {
    __bench: ProbeState;
    __REACT_DEVTOOLS_GLOBAL_HOOK__?: object;
  }
}
