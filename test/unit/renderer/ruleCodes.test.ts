import { describe, expect, it } from 'vitest';
import { ruleTip, splitRuleCodes } from '../../../renderer/src/domain/ruleCodes';

describe('rule codes leave the sentence for its tooltip', () => {
  it('a trailing parenthesis of codes goes whole', () => {
    expect(splitRuleCodes('"All Accounts" is the default group and cannot be renamed (R3).')).toEqual({ plain: '"All Accounts" is the default group and cannot be renamed.', codes: ['R3'] });
    expect(splitRuleCodes('AUS on each member account to assign the role there (R15, R19). Built-in roles exist.')).toEqual({
      plain: 'AUS on each member account to assign the role there. Built-in roles exist.',
      codes: ['R15', 'R19'],
    });
    expect(splitRuleCodes('Partner access (R25–R29) for services').codes).toEqual(['R25–R29']);
  });

  it('a code beside words in a parenthesis, after a comma or as a prefix goes alone', () => {
    expect(splitRuleCodes('Way in: Direct (User Management, R6)')).toEqual({ plain: 'Way in: Direct (User Management)', codes: ['R6'] });
    expect(splitRuleCodes('R15, R19: sharing a role needs AUS.')).toEqual({ plain: 'Sharing a role needs AUS.', codes: ['R15', 'R19'] });
    expect(splitRuleCodes('group users are not capped, R10.')).toEqual({ plain: 'group users are not capped.', codes: ['R10'] });
  });

  it('a sentence without codes is left as it is; the tooltip names them', () => {
    expect(splitRuleCodes('No partner services yet')).toEqual({ plain: 'No partner services yet', codes: [] });
    expect(ruleTip(['R3'])).toBe('Rule R3');
    expect(ruleTip(['R15', 'R19'])).toBe('Rules R15, R19');
    expect(ruleTip([])).toBe('');
  });
});
