import { describe, expect, it } from 'vitest';
import { parseMarketYaml } from '../../src/data/market-yaml.js';
import { errorText } from './error-text.js';

const parse = (text: string) => parseMarketYaml(text, 'market.yaml');

describe('parseMarketYaml', () => {
  it('reads the contract example: series with file/name/kind, universes with layout', () => {
    const { config } = parse(`series:
  SPX: { file: GSPC.csv, name: "S&P 500" }
  RUT: { file: RUT.csv, name: "Russell 2000" }
  TNX: { file: TNX.csv, name: "10-year Treasury yield", kind: yield }   # values in percent
  IWM: { file: IWM.csv }
universes:
  SP600: { file: sp600_closes.csv, layout: wide, name: "S&P 600" }
`);
    expect(config).toEqual({
      series: {
        SPX: { file: 'GSPC.csv', name: 'S&P 500' },
        RUT: { file: 'RUT.csv', name: 'Russell 2000' },
        TNX: { file: 'TNX.csv', name: '10-year Treasury yield', kind: 'yield' },
        IWM: { file: 'IWM.csv' },
      },
      universes: { SP600: { file: 'sp600_closes.csv', layout: 'wide', name: 'S&P 600' } },
    });
  });

  it('accepts block style, a `column:` choice, and a file with series only', () => {
    const { config, lineOf } = parse('series:\n  DGS10:\n    file: fred/DGS10.csv\n    kind: yield\n    column: DGS10\n');
    expect(config).toEqual({ series: { DGS10: { file: 'fred/DGS10.csv', kind: 'yield', column: 'DGS10' } }, universes: {} });
    expect(lineOf(['series', 'DGS10', 'file'])).toBe(3);
  });

  describe('bad input', () => {
    it('reports YAML syntax errors with their line', () => {
      expect(errorText(() => parse('series:\n  SPX: { file: GSPC.csv\n  RUT: { file: RUT.csv }\n'))).toMatchInlineSnapshot(`
        "[BAD_YAML] market.yaml:3: cannot read the YAML: Flow map in block collection must be sufficiently indented and end with a }
        Check the indentation and the \`key: value\` pairs around that line."
      `);
    });

    it('rejects a key given twice', () => {
      expect(errorText(() => parse('series:\n  SPX: { file: a.csv }\n  SPX: { file: b.csv }\n'))).toMatchInlineSnapshot(`
        "[BAD_YAML] market.yaml:3: cannot read the YAML: Map keys must be unique
        Check the indentation and the \`key: value\` pairs around that line."
      `);
    });

    it('rejects an unknown key in an entry, naming the key path and the allowed keys', () => {
      expect(errorText(() => parse('series:\n  SPX: { file: GSPC.csv }\n  RUT:\n    file: RUT.csv\n    colour: red\n'))).toMatchInlineSnapshot(`
        "[BAD_YAML] market.yaml:5: series.RUT: unknown key "colour"
        Allowed keys here: file, name, kind, column, adjusted, index."
      `);
    });

    it('rejects an unknown top-level key', () => {
      expect(errorText(() => parse('seres:\n  SPX: { file: GSPC.csv }\n'))).toMatchInlineSnapshot(`
        "[BAD_YAML] market.yaml:1: unknown key "seres"
        Allowed keys here: series, universes."
      `);
    });

    it('rejects a value of the wrong type', () => {
      expect(errorText(() => parse('series:\n  SPX: { file: GSPC.csv, name: 500 }\n'))).toMatchInlineSnapshot(`
        "[BAD_YAML] market.yaml:2: series.SPX.name must be a string (quote it) (got number 500)
        See the market.yaml example in the contract: series: { SPX: { file: GSPC.csv, name: "S&P 500" } }."
      `);
    });

    it('rejects a list where a mapping belongs', () => {
      expect(errorText(() => parse('series:\n  - SPX\n  - RUT\n'))).toMatchInlineSnapshot(`
        "[BAD_YAML] market.yaml:2: series must be a mapping (got a list)
        See the market.yaml example in the contract: series: { SPX: { file: GSPC.csv, name: "S&P 500" } }."
      `);
    });

    it('rejects a kind other than price or yield', () => {
      expect(errorText(() => parse('series:\n  TNX: { file: TNX.csv, kind: yeld }\n'))).toMatchInlineSnapshot(`
        "[BAD_YAML] market.yaml:2: series.TNX.kind must be "price" or "yield" (got string "yeld")
        Use one of: price, yield."
      `);
    });

    it('rejects a universe layout other than wide', () => {
      expect(errorText(() => parse('universes:\n  SP600: { file: sp600.csv, layout: long }\n'))).toMatchInlineSnapshot(`
        "[BAD_YAML] market.yaml:2: universes.SP600.layout must be "wide" (got string "long")
        Use one of: wide."
      `);
    });

    it('rejects an entry without a file', () => {
      expect(errorText(() => parse('series:\n  SPX: { name: "S&P 500" }\n'))).toMatchInlineSnapshot(`
        "[BAD_YAML] market.yaml:2: series.SPX.file is missing
        Every series and universe needs a \`file:\` (a CSV path relative to market.yaml)."
      `);
    });

    it('rejects an empty file name', () => {
      expect(errorText(() => parse('series:\n  SPX: { file: "" }\n'))).toMatchInlineSnapshot(`
        "[BAD_YAML] market.yaml:2: series.SPX.file is empty
        Give it a value, or remove the key."
      `);
    });

    it('rejects a symbol that cannot appear in facts paths', () => {
      expect(errorText(() => parse('series:\n  SPX: { file: a.csv }\n  S.P: { file: b.csv }\n'))).toMatchInlineSnapshot(`
        "[BAD_YAML] market.yaml:3: "S.P" is not a usable symbol
        Use letters, digits, "-" or "_" (symbols appear in facts paths such as returns.ytd.SPX)."
      `);
    });

    it('rejects the same key as a series and a universe', () => {
      expect(errorText(() => parse('series:\n  SP600: { file: IJR.csv }\nuniverses:\n  SP600: { file: sp600.csv }\n'))).toMatchInlineSnapshot(`
        "[BAD_YAML] market.yaml:4: SP600 is both a series and a universe
        Use different keys for the two, e.g. IJR for the fund and SP600 for its members."
      `);
    });

    it('rejects a file that is not a mapping, or lists nothing', () => {
      expect(errorText(() => parse('- SPX\n'))).toMatchInlineSnapshot(`
        "[BAD_YAML] market.yaml:1: market.yaml must be a mapping with \`series:\` and/or \`universes:\`
        List the data under \`series:\` (and \`universes:\`), e.g. series: { SPX: { file: GSPC.csv, name: "S&P 500" } }."
      `);
      expect(errorText(() => parse(''))).toMatchInlineSnapshot(`
        "[BAD_YAML] market.yaml:1: market.yaml must be a mapping with \`series:\` and/or \`universes:\`
        List the data under \`series:\` (and \`universes:\`), e.g. series: { SPX: { file: GSPC.csv, name: "S&P 500" } }."
      `);
      expect(errorText(() => parse('series: {}\n'))).toMatchInlineSnapshot(`
        "[BAD_YAML] market.yaml:1: market.yaml lists no series and no universes
        Add at least one entry under \`series:\`, e.g. SPX: { file: GSPC.csv }."
      `);
    });
  });
});
