import { describe, expect, it } from 'vitest';
import { parseArgs, reaches, UsageError } from './args';

describe('parseArgs', () => {
  it('takes addresses and files in order, with the defaults', () => {
    expect(parseArgs(['https://a.example', 'vendors.txt'])).toEqual({ inputs: ['https://a.example', 'vendors.txt'], format: 'table', out: null, failOn: null, lang: 'en', concurrency: 3, help: false });
  });

  it('reads options with a space or an equals sign', () => {
    const a = parseArgs(['--format', 'csv', '--out=audit.csv', '--fail-on=exposed', '--lang', 'FR', '--concurrency', '2', 'x.example']);
    expect(a).toMatchObject({ format: 'csv', out: 'audit.csv', failOn: 'high', lang: 'fr', concurrency: 2, inputs: ['x.example'] });
  });

  it('takes the format from --out’s extension when --format is absent', () => {
    expect(parseArgs(['--out', 'r.md', 'x']).format).toBe('markdown');
    expect(parseArgs(['--out', 'r.json', 'x']).format).toBe('json');
    expect(parseArgs(['--out', 'r.csv', 'x']).format).toBe('csv');
    expect(parseArgs(['--format', 'json', '--out', 'r.txt', 'x']).format).toBe('json');
  });

  it('maps the --fail-on words to levels', () => {
    const level = (w: string) => parseArgs(['--fail-on', w, 'x']).failOn;
    expect([level('exposed'), level('partial'), level('unknown'), level('not-verified'), level('low')]).toEqual(['high', 'medium', 'unknown', 'unknown', 'low']);
  });

  it('refuses what it does not understand, saying what is wrong', () => {
    const error = (argv: string[]) => {
      try {
        parseArgs(argv);
      } catch (e) {
        expect(e).toBeInstanceOf(UsageError);
        return (e as Error).message;
      }
      throw new Error(`accepted ${argv.join(' ')}`);
    };
    expect(error([])).toMatch(/at least one address/);
    expect(error(['--format', 'xml', 'x'])).toMatch(/--format must be one of table, markdown, csv, json/);
    expect(error(['--fail-on', 'bad', 'x'])).toMatch(/--fail-on must be one of/);
    expect(error(['--concurrency', '0', 'x'])).toMatch(/1 to 8/);
    expect(error(['--concurrency', '2.5', 'x'])).toMatch(/1 to 8/);
    expect(error(['--out', 'report.pdf', 'x'])).toMatch(/say which format/);
    expect(error(['--out'])).toMatch(/--out needs a value/);
    expect(error(['--format', '--out', 'x'])).toMatch(/--format needs a value/);
    expect(error(['--verbose', 'x'])).toMatch(/unknown option --verbose/);
  });

  it('lets --help through without addresses, and takes everything after -- as an address', () => {
    expect(parseArgs(['--help']).help).toBe(true);
    expect(parseArgs(['--', '--odd-file-name']).inputs).toEqual(['--odd-file-name']);
  });
});

describe('reaches', () => {
  it('matches the threshold and every worse level', () => {
    expect(reaches('high', 'high')).toBe(true);
    expect(reaches('medium', 'high')).toBe(false);
    expect(reaches('high', 'medium')).toBe(true);
    expect(reaches('unknown', 'medium')).toBe(false);
    expect(reaches('unknown', 'unknown')).toBe(true);
    expect(reaches('low', 'unknown')).toBe(false);
    expect(reaches('low', 'low')).toBe(true);
    expect(reaches(null, 'low')).toBe(false);
  });
});
