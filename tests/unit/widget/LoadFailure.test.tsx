import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LocaleContext } from '../../../src/shared/i18n/use-messages';
import { uk } from '../../../src/shared/i18n/messages-uk';
import { LoadFailure } from '../../../src/widget/LoadFailure';

const notAFeed = {
  kind: 'invalid',
  message: 'The document is not a JSON Feed (version is missing).',
} as const;

describe('LoadFailure', () => {
  it('gives the reason in the words of the parser to an English reader', () => {
    render(<LoadFailure problem={notAFeed} />);
    expect(screen.getByRole('alert')).toHaveTextContent(/not a JSON Feed/);
  });

  it('explains a document that is not a feed in Ukrainian only', () => {
    render(
      <LocaleContext.Provider value={{ locale: 'uk', messages: uk }}>
        <LoadFailure problem={notAFeed} />
      </LocaleContext.Provider>,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Не вдалося завантажити цю трансляцію.');
    expect(alert).toHaveTextContent(uk.errorInvalid);
    expect(alert).not.toHaveTextContent(/[A-Za-z]/);
  });
});
