// Sharing one update: the browser's own share sheet where it has one, "Copy link" otherwise.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CopyLinkButton } from '../../../../src/capabilities/sharing/CopyLinkButton';

const HREF = 'https://news.example/live#update-a';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function stubNavigator(extra: Partial<Navigator>) {
  vi.stubGlobal('navigator', Object.assign(Object.create(navigator) as Navigator, extra));
}

describe('with Web Share', () => {
  it('offers "Share" and hands the sheet the permalink and the headline', async () => {
    const share = vi.fn(() => Promise.resolve());
    const writeText = vi.fn(() => Promise.resolve());
    stubNavigator({ share, clipboard: { writeText } as unknown as Clipboard });
    render(<CopyLinkButton href={HREF} title="Leaders meet" />);
    const link = screen.getByRole('link', { name: 'Share' });
    expect(link).toHaveAttribute('href', HREF);
    await act(async () => {
      fireEvent.click(link);
      await Promise.resolve();
    });
    expect(share).toHaveBeenCalledWith({ url: HREF, title: 'Leaders meet' });
    expect(writeText).not.toHaveBeenCalled();
  });

  it('a closed sheet does nothing more; a share that fails copies the link instead', async () => {
    const share = vi
      .fn<(data: ShareData) => Promise<void>>()
      .mockRejectedValueOnce(new DOMException('closed', 'AbortError'))
      .mockRejectedValueOnce(new DOMException('no target', 'NotAllowedError'));
    const writeText = vi.fn(() => Promise.resolve());
    stubNavigator({ share, clipboard: { writeText } as unknown as Clipboard });
    render(<CopyLinkButton href={HREF} title="Leaders meet" />);
    await act(async () => {
      fireEvent.click(screen.getByRole('link', { name: 'Share' }));
      await Promise.resolve();
    });
    expect(writeText).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.click(screen.getByRole('link', { name: 'Share' }));
      await Promise.resolve();
    });
    expect(writeText).toHaveBeenCalledWith(HREF);
    expect(await screen.findByRole('link', { name: 'Link copied' })).toBeInTheDocument();
  });
});

describe('without Web Share', () => {
  it('copies the permalink and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    stubNavigator({ share: undefined, clipboard: { writeText } as unknown as Clipboard });
    render(<CopyLinkButton href={HREF} title="Leaders meet" />);
    await act(async () => {
      fireEvent.click(screen.getByRole('link', { name: 'Copy link' }));
      await Promise.resolve();
    });
    expect(writeText).toHaveBeenCalledWith(HREF);
    expect(screen.getByRole('link', { name: 'Link copied' })).toBeInTheDocument();
  });
});
