import { createElement, type ComponentProps } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { IconButton } from './IconButton';

type Props = Omit<ComponentProps<typeof IconButton>, 'children'>;

function render(props: Props): string {
  const icon = createElement('svg', { 'aria-hidden': true });
  return renderToStaticMarkup(createElement(IconButton, { ...props, children: icon }));
}

describe('IconButton', () => {
  it('renders a plain button named by its label, which is also its tooltip', () => {
    expect(render({ label: 'Close search' })).toBe(
      '<button type="button" class="icon-button" aria-label="Close search" title="Close search">' +
        '<svg aria-hidden="true"></svg></button>',
    );
  });

  it('keeps a tooltip that differs from the accessible name', () => {
    const markup = render({ label: 'Delete message', title: 'Delete' });

    expect(markup).toContain('aria-label="Delete message"');
    expect(markup).toContain('title="Delete"');
  });

  it('states a toggle both when pressed and when not', () => {
    expect(render({ label: 'Show members', pressed: true })).toContain('aria-pressed="true"');
    expect(render({ label: 'Show members', pressed: false })).toContain('aria-pressed="false"');
    expect(render({ label: 'Show members' })).not.toContain('aria-pressed');
  });

  it('announces the popup it opens and whether it is open', () => {
    const markup = render({ label: 'Voice options for Ada', hasPopup: 'menu', expanded: false });

    expect(markup).toContain('aria-haspopup="menu"');
    expect(markup).toContain('aria-expanded="false"');
  });

  it('adds extra classes to icon-button, takes another type and can be disabled', () => {
    const markup = render({
      label: 'Send message',
      className: 'drawer-toggle',
      type: 'submit',
      disabled: true,
    });

    expect(markup).toContain('class="icon-button drawer-toggle"');
    expect(markup).toContain('type="submit"');
    expect(markup).toContain('disabled=""');
  });
});
