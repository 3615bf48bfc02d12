// Each setting of <live-blog> is a property too, reflecting its attribute as a built-in element's
// do: Angular's [feed], Lit's .feed, Vue (for a property the element has) and scripts set them.
import { SETTING_NAMES } from './embed-settings';

/** The property of an attribute, camelCase as the DOM names them: `key-events`, `keyEvents`. */
const propertyOf = (name: string) => name.replace(/-(.)/g, (_, c: string) => c.toUpperCase());

/**
 * Defines the properties on the element's prototype. One reads its attribute's text, or null (as
 * getAttribute does); set, it writes the attribute, and null or undefined (what a framework sends
 * for a binding it drops) removes it.
 */
export function defineSettingProperties(prototype: HTMLElement): void {
  for (const name of SETTING_NAMES) {
    Object.defineProperty(prototype, propertyOf(name), {
      get(this: HTMLElement) {
        return this.getAttribute(name);
      },
      // setAttribute writes any other value as text (`true`, `10`), as a built-in's setter does.
      set(this: HTMLElement, value: string | null | undefined) {
        if (value == null) this.removeAttribute(name);
        else this.setAttribute(name, value);
      },
    });
  }
}

type Own = Record<string, unknown>;

/**
 * A property set before embed.js defined <live-blog> (a framework rendered the element first) is
 * the element's own and hides the prototype's accessor: it is taken off and set through it.
 */
export function takeEarlyProperties(element: object): void {
  for (const name of SETTING_NAMES) {
    const property = propertyOf(name);
    if (Object.hasOwn(element, property)) {
      const value = (element as Own)[property];
      delete (element as Own)[property];
      (element as Own)[property] = value;
    }
  }
}
