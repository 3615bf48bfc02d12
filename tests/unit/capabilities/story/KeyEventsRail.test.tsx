import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { KEY_EVENTS_AT_FIRST } from '../../../../src/core/feed/first-screen';
import { KeyEventsRail } from '../../../../src/capabilities/story/KeyEventsRail';
import { item } from '../../../support/feed-builders';

// Newest first, as the rail receives them.
const keyEvents = (n: number) =>
  Array.from({ length: n }, (_, i) => item(`k${i}`, -i, { keyEvent: true }));

function renderRail(n: number) {
  const onJump = vi.fn<(id: string) => void>();
  render(
    <KeyEventsRail
      items={keyEvents(n)}
      locale="en-GB"
      timeZone="UTC"
      onJump={onJump}
      pageUrl={(id) => `#update-${id}`}
    />,
  );
  const nav = screen.getByRole('navigation', { name: 'Key events' });
  return { nav, onJump, links: () => within(nav).getAllByRole('link') };
}

describe('KeyEventsRail', () => {
  it('a short story: every key event, and no button', () => {
    const { nav, links } = renderRail(KEY_EVENTS_AT_FIRST);
    expect(links()).toHaveLength(KEY_EVENTS_AT_FIRST);
    expect(within(nav).queryByRole('button')).toBeNull();
  });

  it('a long story: the newest few, then all of them on request, and back', async () => {
    const user = userEvent.setup();
    const { nav, links, onJump } = renderRail(37);
    expect(within(nav).getByText('Key events (37)')).toBeTruthy();
    expect(links()).toHaveLength(KEY_EVENTS_AT_FIRST);
    expect(links()[0]!.textContent).toContain('Update k0');

    const more = within(nav).getByRole('button', { name: 'Show all 37 key events' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await user.click(more);
    expect(links()).toHaveLength(37);
    expect(links().at(-1)!.textContent).toContain('Update k36');
    await user.click(links().at(-1)!);
    expect(onJump).toHaveBeenCalledWith('k36');

    const fewer = within(nav).getByRole('button', { name: 'Show fewer key events' });
    expect(fewer.getAttribute('aria-expanded')).toBe('true');
    await user.click(fewer);
    expect(links()).toHaveLength(KEY_EVENTS_AT_FIRST);
  });
});
