import { describe, expect, it } from 'vitest';
import { encodeMentions } from './mentions';

describe('@mentions in the composer', () => {
  const people = [
    { id: '11', username: 'alice', name: 'Alice' },
    { id: '22', username: 'bob.smith', name: 'Bob' },
  ];

  it('turns known @usernames into <@id>', () => {
    expect(encodeMentions('hi @alice and (@bob.smith)!', people)).toBe('hi <@11> and (<@22>)!');
  });

  it('leaves unknown names and e-mail addresses alone', () => {
    expect(encodeMentions('@carol mail me at x@alice.test', people)).toBe('@carol mail me at x@alice.test');
  });
});
