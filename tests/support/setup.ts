import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// Test files share workers (vite.config.ts). This file runs before each of them: it gets fresh
// instances of the app's modules (their singletons: the query client, the shared clocks, the
// Trusted Types policy, adopted sheets) and, in jsdom, a page as a fresh one would be.
vi.resetModules();
vi.useRealTimers();

if (typeof document !== 'undefined') {
  document.head.replaceChildren();
  document.body.replaceChildren();
  document.title = '';
  for (const { name } of [...document.documentElement.attributes]) {
    document.documentElement.removeAttribute(name);
  }
  localStorage.clear();
  sessionStorage.clear();
  history.replaceState(null, '', '/');
  // user-event's clipboard stub, which it removes only through a global afterAll (no globals here).
  if (Object.getOwnPropertyDescriptor(navigator, 'clipboard')?.configurable) {
    Reflect.deleteProperty(navigator, 'clipboard');
  }
}

afterEach(() => cleanup());
