// A reader's clock may be minutes or hours off. Updates are dated on the newsroom's clock, and the
// feed's server says its own time in each response's Date header (across origins only where
// Access-Control-Expose-Headers lists it): "5 minutes ago" is counted on that clock. Under a
// minute apart is the header's whole seconds and the trip, not a wrong clock.
let skew = 0;

/** Notes the server's clock from a response received at `at` (the reader's clock). */
export function noteServerClock(headers: Headers, at: number): void {
  const server = Date.parse(headers.get('date')!) + 1000 * (Number(headers.get('age')) || 0);
  if (server > 0) skew = Math.abs(server - at) > 60_000 ? server - at : 0;
}

/** How far the server's clock is ahead of the reader's, in ms (negative: behind). */
export const serverSkew = () => skew;

/** A time of the reader's clock on the server's. */
export const onServerClock = (at: number | undefined) => (at === undefined ? at : at + skew);
