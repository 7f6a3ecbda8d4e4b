import { describe, expect, it } from 'vitest';
import { buildState } from '../../../../shared/access';
import { EXAMPLE, exampleSnapshot } from '../../../../shared/seeds/example';
import { namesFrom } from '../../../../shared/plans';
import { theirsText } from '../../../../renderer/src/features/sync/conflictView';

const names = namesFrom(buildState(exampleSnapshot()));
const g = EXAMPLE.groups.services1;

describe('conflict, their side in words', () => {
  it('names the record and says what it is now and what was expected', () => {
    expect(theirsText([{ expectation: { type: 'AccountGroup', id: g, field: 'name', value: 'Services 1' }, theirs: 'Services East' }], names)).toBe(
      'the group “Services 1” now has name "Services East" (you expected "Services 1")',
    );
  });

  it('says when the record is gone, or no longer contains what the op relied on', () => {
    expect(theirsText([{ expectation: { type: 'Account', id: 'docabc-4HX8PL', field: 'status' }, theirs: undefined }], names)).toBe('the account “Doc ABC Company” no longer exists');
    expect(theirsText([{ expectation: { type: 'AccountGroup', id: 'gone', contains: 'docabc-4HX8PL' }, theirs: [] }], names)).toBe('docabc-4HX8PL is no longer in the group “gone”');
  });

  it('a create that may have been renamed by someone else says so in words (visible, not a second create)', () => {
    const note = 'the group "Fresh" may have been created and then renamed to "Theirs" by someone else before it could be checked';
    expect(theirsText([{ expectation: { type: 'AccountGroup', id: 'g-9', field: 'name', value: 'Fresh' }, theirs: 'Theirs', note }], names)).toBe(note);
  });
});
