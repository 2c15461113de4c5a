/** @jest-environment jsdom */
import { focusPath } from '../../../../static/project-settings/src/ui/focusPath';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('focusing the field of a path', () => {
  it('focuses the control at exactly that path', () => {
    page('<input data-path="calendars[0].name" id="a"><input data-path="calendars[0].name.more" id="b">');
    expect(focusPath('calendars[0].name')).toBe(true);
    expect(document.activeElement?.id).toBe('a');
  });

  it('focuses the first control beneath a path that has none of its own', () => {
    page('<input data-path="calendars[1].week.mon[0].start" id="first"><input data-path="calendars[1].week.mon[0].end" id="second">');
    expect(focusPath('calendars[1].week')).toBe(true);
    expect(document.activeElement?.id).toBe('first');
  });

  it('skips controls in hidden tabs and reports when nothing can take focus', () => {
    page('<div hidden><input data-path="name" id="hidden"></div>');
    expect(focusPath('name')).toBe(false);
    expect(document.activeElement).toBe(document.body);
  });

  it('looks only inside the root it is given', () => {
    page('<input data-path="name" id="outside"><section id="root"></section>');
    const root = document.getElementById('root') as HTMLElement;
    expect(focusPath('name', root)).toBe(false);
  });
});
