import { jaroWinkler, levenshtein, soundex, withinOneEdit } from './similarity';

describe('jaroWinkler', () => {
  it('matches the published examples (Winkler 1990)', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 4);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 4);
  });
  it('is 1 for equal, 0 for nothing in common or an empty side, and symmetric', () => {
    expect(jaroWinkler('张伟', '张伟')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', 'abc')).toBe(0);
    expect(jaroWinkler('crate', 'trace')).toBeCloseTo(jaroWinkler('trace', 'crate'), 12);
  });
  it('copes with strings longer than its scratch buffers', () => {
    const long = 'a'.repeat(300) + 'b';
    expect(jaroWinkler(long, 'a'.repeat(300) + 'c')).toBeGreaterThan(0.99);
  });
});

describe('levenshtein', () => {
  it('counts edits', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('张伟', '张玮')).toBe(1);
  });
  it('stops at max and says max + 1', () => {
    expect(levenshtein('kitten', 'sitting', 1)).toBe(2);
    expect(levenshtein('a', 'abcd', 2)).toBe(3);
  });
  it('withinOneEdit agrees with levenshtein <= 1', () => {
    const words = ['', 'a', 'ab', 'ba', 'abc', 'abd', 'acb', 'abcd', 'xbc', 'bc', 'ac', 'abcc', '13812345678', '13812345679', '1381234567'];
    for (const x of words) for (const y of words) expect([x, y, withinOneEdit(x, y)]).toEqual([x, y, levenshtein(x, y) <= 1]);
  });
});

describe('soundex', () => {
  it('codes names the American way', () => {
    expect(soundex('robert')).toBe('r163');
    expect(soundex('Rupert')).toBe('r163');
    expect(soundex('tymczak')).toBe('t522');
    expect(soundex('pfister')).toBe('p236');
    expect(soundex('ashcraft')).toBe('a261');
    expect(soundex('lee')).toBe('l000');
  });
  it('is empty without latin letters', () => {
    expect(soundex('张伟')).toBe('');
  });
});
