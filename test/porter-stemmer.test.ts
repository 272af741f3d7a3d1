import { describe, expect, it } from 'vitest';
import { porterStem } from '../bench/scoring/porter.js';

// Expected stems are what NLTK 3.10's PorterStemmer() (NLTK_EXTENSIONS mode) returns.
describe('porterStem matches NLTK', () => {
  it.each([
    ['running', 'run'],
    ['generously', 'gener'],
    ['abilities', 'abil'],
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['agreed', 'agre'],
    ['feed', 'feed'],
    ['hopping', 'hop'],
    ['falling', 'fall'],
    ['hissing', 'hiss'],
    ['filing', 'file'],
    ['happy', 'happi'],
    ['conditional', 'condit'],
    ['relational', 'relat'],
    ['triplicate', 'triplic'],
    ['formalize', 'formal'],
    ['hopefulness', 'hope'],
    ['adjustment', 'adjust'],
    ['adoption', 'adopt'],
    ['activate', 'activ'],
    ['probate', 'probat'],
    ['rate', 'rate'],
    ['cease', 'ceas'],
    ['controlling', 'control'],
    ['roll', 'roll'],
  ])('stems %s to %s', (word, stem) => {
    expect(porterStem(word)).toBe(stem);
  });

  it.each([
    ['dying', 'die'],
    ['skies', 'sky'],
    ['news', 'news'],
    ['proceed', 'proceed'],
    ['ties', 'tie'],
    ['died', 'die'],
    ['cried', 'cri'],
    ['enjoy', 'enjoy'],
    ['radically', 'radic'],
    ['geology', 'geolog'],
  ])('applies the NLTK extension to %s (%s)', (word, stem) => {
    expect(porterStem(word)).toBe(stem);
  });

  it('lowercases first and leaves words of two letters alone', () => {
    expect(porterStem('Running')).toBe('run');
    expect(porterStem('is')).toBe('is');
  });
});
