import { describe, expect, it } from 'vitest';
import { isRoleRight, isSpeakerRight } from '../bench/scoring/speaker-score.js';

describe('scoring printed speakers and roles against expected ones', () => {
  it('takes the expected name, alone or after titles, and nothing else', () => {
    expect(isSpeakerRight('Grace Black', 'Sen. Grace Black')).toBe(true);
    expect(isSpeakerRight('Joy Bishop', 'Rt Rev Joy Bishop')).toBe(true);
    expect(isSpeakerRight('Grace Black', 'Black')).toBe(false);
    expect(isSpeakerRight('Grace Black', 'Anne Grace Black')).toBe(false);
    expect(isSpeakerRight(null, null)).toBe(true);
    expect(isSpeakerRight(null, 'Close Pool')).toBe(false);
  });

  it('takes a role among the alternatives, without case, opening article or final punctuation; * is not checked', () => {
    expect(isRoleRight("the council's leisure chief", 'Council’s leisure chief.')).toBe(true);
    expect(isRoleRight('vet in Carrow|vet', 'vet')).toBe(true);
    expect(isRoleRight([null, 'the new director'], null)).toBe(true);
    expect(isRoleRight(null, 'Mayor')).toBe(false);
    expect(isRoleRight('*', 'anything')).toBeUndefined();
  });
});
