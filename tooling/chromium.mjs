// How every tool here starts Chromium: Debian's build (no browser can be downloaded here), and
// the flags that keep a root, headless Chromium from dialling out on a closed network.
export const chromiumExecutable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const chromiumLaunchOptions = { executablePath: chromiumExecutable, args: chromiumArgs };
