import { describe, expect, it } from 'vitest';
import { bylineNames } from './wire-byline.js';

describe('bylineNames', () => {
  it.each([
    ["By FRANCES D'EMILIO Associated Press", ['AP'], ["Frances D'Emilio"]],
    ['Von Anna Müller und Jan Schmidt, dpa', ['dpa'], ['Anna Müller', 'Jan Schmidt']],
    ['By Jane Doe and John Smith | Reuters', ['Reuters'], ['Jane Doe', 'John Smith']],
    ['Par Jean-Luc Dupont (AFP)', ['AFP'], ['Jean-Luc Dupont']],
    ['بقلم محمد علي', ['SPA'], ['محمد علي']],
    ['Автор: Иван Петров', [], ['Иван Петров']],
    ['山田太郎', [], ['山田太郎']],
    ['By Lee Seung-yeol, AP Writer', ['AP'], ['Lee Seung-yeol']],
    ['Associated Press', ['AP'], []],
    ['Staff', [], []],
    ['dpa', ['dpa'], []],
    ['By Jane Doe, Jane Doe', [], ['Jane Doe']],
    ['By Ana García, Agence France-Presse', ['AFP'], ['Ana García']],
  ])('reads %j', (byline, agencies, names) => {
    expect(bylineNames(byline, agencies)).toEqual(names);
  });

  it('names no one without a byline', () => {
    expect(bylineNames(null, ['AP'])).toEqual([]);
    expect(bylineNames('', [])).toEqual([]);
  });
});
