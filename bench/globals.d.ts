// The probe's record in the page (see page-probe.mjs); read through page.evaluate.
declare global {
  interface Window {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- page-side record, untyped JS
    __bench: any;
  }
}
export {};
