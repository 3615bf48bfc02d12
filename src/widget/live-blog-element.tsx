import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { LiveBlogRoot } from './LiveBlogRoot';
import { updateIdFromHash } from '../core/timeline/element-ids';
import widgetCss from './live-blog.css?inline';
import { flag, readEmbedSettings, SETTING_NAMES } from './embed-settings';
import embedCss from './embed.css?inline';
import { CONSENT_EVENT, consentText } from '../core/embeds/host-consent';
import { adoptStyles } from '../shared/styles/adopt-styles';
import { localeSettingsFor } from '../shared/i18n/pick-messages';
import { seedFromSnapshot } from './seed-from-snapshot';
import { keepKeysInside } from './keys-stay-inside';
import { defineSettingProperties, takeEarlyProperties } from './setting-properties';
import {
  removeServerRendering,
  serverRenderedMount,
  serverStylesheet,
  serverSnapshot,
} from './server-rendered-shadow';

/** How far below (and above) the viewport the widget starts loading. */
export const LAZY_ROOT_MARGIN = '600px 0px';

/** Every widget's styles, one stylesheet shared by every widget on the page (adopt-styles.ts). */
export const WIDGET_CSS = `${widgetCss}\n${embedCss}`;

/** The widgets in the page: of those asking to keep their filters in its address, one does. */
const widgets = new Set<HTMLElement>();

function permalinkOpened(): boolean {
  return updateIdFromHash(window.location.hash) !== undefined;
}

function createElementClass() {
  return class LiveBlogElement extends HTMLElement {
    static observedAttributes: readonly string[] = SETTING_NAMES;
    static {
      defineSettingProperties(this.prototype);
    }

    #root: Root | undefined;
    #mount: HTMLElement | undefined;
    /** Ours even where a host's script patched attachShadow to make shadow roots closed. */
    #shadow: ShadowRoot | undefined;
    #observer: IntersectionObserver | undefined;
    #near = false;
    #renderQueued = false;
    /** The providers of the host's last consent event; the attribute, once set again, wins. */
    #consent: string | undefined;
    /** While the widget a host's server rendered is being taken over. */
    #hydrating = false;
    #changedWhileHydrating = false;
    /** The locale the server rendered in, kept while no attribute names one. */
    #serverLocale: string | undefined;
    /** The address when the widget last rendered: a permalink in it was taken then. */
    #took: string | undefined;

    constructor() {
      super();
      takeEarlyProperties(this);
      this.addEventListener(CONSENT_EVENT, this.#onConsent);
    }

    #onConsent = (event: Event) => {
      const detail: unknown = event instanceof CustomEvent ? event.detail : undefined;
      this.#consent = consentText(
        typeof detail === 'object' && detail !== null && 'providers' in detail
          ? detail.providers
          : undefined,
      );
      if (this.#root) this.#render();
    };

    connectedCallback() {
      widgets.add(this);
      if (!this.#shadow) {
        this.#shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
        keepKeysInside(this.#shadow);
      }
      const shadow = this.#shadow;
      const serverMount = this.#root ? undefined : serverRenderedMount(shadow);
      // A server-rendered shadow root links to a stylesheet that holds these rules and those of
      // the lazy parts after them: adopted again on top, they would undo the lazy parts' rules.
      if (!serverStylesheet(shadow)) adoptStyles(shadow, WIDGET_CSS);
      if (this.#hydrating) return;
      if (serverMount) {
        // The reader may already see it: taken over at once, without waiting to be near.
        this.#hydrate(shadow, serverMount);
        return;
      }
      // Without IntersectionObserver there is no telling: render at once. A permalink to an
      // update must not wait for a scroll that only the widget can do.
      if (this.#near || typeof IntersectionObserver === 'undefined' || permalinkOpened()) {
        this.#loadNow();
        return;
      }
      // Nothing costly (React, the feed) until the reader is about to see the widget. The root
      // margin grows the viewport only: in a page that scrolls a box of its own (an app shell),
      // that box clips the widget until it is in view, unless its margin is grown too.
      const near: IntersectionObserverInit & { scrollMargin?: string } = {
        rootMargin: LAZY_ROOT_MARGIN,
        scrollMargin: LAZY_ROOT_MARGIN,
      };
      this.#observer ??= new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) this.#loadNow();
      }, near);
      this.#observer.observe(this);
      window.addEventListener('hashchange', this.#onHashChange);
    }

    /**
     * Takes over the widget the host's server rendered in the declarative shadow root, from the
     * feed document it carries: no second request, no render from empty. A widget rendered for
     * other attributes, or one the browser cannot hydrate, is rendered afresh.
     */
    #hydrate(shadow: ShadowRoot, mount: HTMLElement) {
      this.#near = true;
      this.#took = window.location.hash;
      const settings = this.#settings();
      const snapshot =
        settings && serverSnapshot(shadow, (name) => this.getAttribute(name), settings.props.feed);
      if (!settings || !snapshot) {
        removeServerRendering(shadow);
        this.#render();
        return;
      }
      this.#hydrating = true;
      this.#changedWhileHydrating = false;
      const widget = (locale: string) => (
        <LiveBlogRoot
          key={settings.resetKey}
          {...settings.props}
          locale={locale}
          inShadowRoot
          renderedAt={snapshot.fetchedAt}
        />
      );
      void import('./hydrate-widget')
        .then((m) => m.hydrateWidget(mount, settings.props.feed, snapshot, widget, hydrateRoot))
        .catch((error: unknown) => {
          console.error('<live-blog>: the server-rendered widget could not be hydrated:', error);
          // The same updates, rendered afresh without the network.
          return seedFromSnapshot(settings.props.feed, snapshot).then(() => undefined);
        })
        .then((root) => {
          this.#hydrating = false;
          if (root) {
            this.#root = root;
            this.#mount = mount;
            this.#serverLocale = snapshot.locale;
          } else {
            removeServerRendering(shadow);
          }
          if (!this.isConnected) this.#unmount();
          else if (!root || this.#changedWhileHydrating) this.#render();
        });
    }

    #onHashChange = () => {
      if (permalinkOpened()) this.#loadNow();
    };

    #stopWaiting() {
      this.#observer?.disconnect();
      this.#observer = undefined;
      window.removeEventListener('hashchange', this.#onHashChange);
    }

    #loadNow() {
      this.#stopWaiting();
      this.#near = true;
      this.#render();
    }

    disconnectedCallback() {
      this.#stopWaiting();
      // After the current task: a host React app may be removing the element in its own commit
      // (React cannot unmount a root synchronously then), and an element that is only being
      // moved is connected again by then and keeps its state.
      queueMicrotask(() => {
        if (!this.isConnected && !this.#hydrating) this.#unmount();
      });
    }

    adoptedCallback() {
      // Moved into another document (an iframe's): nothing disconnects the widget when that
      // document goes, and it would poll on for nobody. One kept for Back (persisted) stays.
      const doc = this.ownerDocument;
      doc.defaultView?.addEventListener('pagehide', (event) => {
        if (event.persisted || this.ownerDocument !== doc) return;
        this.#stopWaiting();
        this.#unmount();
      });
    }

    #unmount() {
      // Unmounting stops the widget's polling; the shared cache drops the feed once no widget
      // shows it any more (React Query's gcTime).
      this.#root?.unmount();
      this.#root = undefined;
      this.#mount?.remove();
      this.#mount = undefined;
      widgets.delete(this);
    }

    attributeChangedCallback(name: string) {
      if (name === 'embeds-consent') this.#consent = undefined;
      if (this.#hydrating) this.#changedWhileHydrating = true;
      if (!this.#root || this.#renderQueued) return;
      // Several attributes set in one go render once.
      this.#renderQueued = true;
      queueMicrotask(() => {
        this.#renderQueued = false;
        if (this.#root) this.#render();
      });
    }

    #render(waited?: boolean) {
      const shadow = this.#shadow;
      if (!this.isConnected || !shadow) return;
      if (!this.#mount) {
        this.#mount = document.createElement('div');
        shadow.append(this.#mount);
      }
      this.#root ??= createRoot(this.#mount);
      const settings = this.#settings();
      if (!settings) {
        console.error('<live-blog>: the feed attribute is required (the URL of a JSON Feed).');
        this.#root.render(null);
        return;
      }
      const locale = settings.props.locale ?? this.#serverLocale;
      // A language whose catalogue is not in yet waits for it here: rendered at once, the widget
      // would be emptied meanwhile (LiveBlogRoot) and lose the reader's filters and view.
      const catalogue = localeSettingsFor(locale ?? navigator.language);
      if (!waited && catalogue instanceof Promise) {
        void catalogue.then(() => this.#render(true));
        return;
      }
      const taken = this.#took === (this.#took = window.location.hash);
      this.#root.render(
        <LiveBlogRoot
          key={settings.resetKey}
          {...settings.props}
          locale={locale}
          inShadowRoot
          permalinkTaken={taken}
        />,
      );
    }

    #settings() {
      const settings = readEmbedSettings(
        (name) =>
          name === 'embeds-consent' && this.#consent !== undefined
            ? this.#consent
            : this.getAttribute(name),
        document.baseURI,
      );
      if (!settings?.props.syncUrl) return settings;
      // The first in the page of those asking keeps it, rendered yet or not: after a reload the
      // address's filters go back to the widget that wrote them (two would read each other's).
      const first = [...widgets.add(this)]
        .filter((w) => w.isConnected && flag(w.getAttribute('sync-url')))
        .reduce((a, b) =>
          a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_PRECEDING ? b : a,
        );
      if (first !== this) return { ...settings, props: { ...settings.props, syncUrl: false } };
      return settings;
    }
  };
}

/**
 * Defines <live-blog> once; a second copy of the script (or the React entry on the same page)
 * leaves the first definition alone. Does nothing outside a browser (server rendering).
 */
export function defineLiveBlogElement(name = 'live-blog'): void {
  if (typeof customElements === 'undefined' || customElements.get(name)) return;
  customElements.define(name, createElementClass());
}
