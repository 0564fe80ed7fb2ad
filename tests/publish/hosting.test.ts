/** Hosting variables: a mistake names the variable; a base path is normalised. */
import { describe, expect, it } from 'vitest';
import { hostingBase, hostingSite } from '../../src/lib/publish/hosting.ts';

describe('hostingBase', () => {
  it('normalises the path the site is served under', () => {
    expect(hostingBase('/')).toBe('/');
    expect(hostingBase('/x/../')).toBe('/');
    expect(hostingBase('archive')).toBe('/archive/');
    expect(hostingBase('/a//b/./')).toBe('/a/b/');
    expect(() => hostingBase('/a b/')).toThrow(/^ARCHIVE_BASE="\/a b\/" is not a path/u);
  });
});

describe('hostingSite', () => {
  it('takes an absolute http(s) URL and names the variable otherwise', () => {
    expect(hostingSite('https://www.city.example.lg.jp')).toBe('https://www.city.example.lg.jp/');
    expect(() => hostingSite('example.com')).toThrow(/^ARCHIVE_SITE="example\.com" is not an absolute URL/u);
    expect(() => hostingSite('ftp://example.com')).toThrow(/is not an http\(s\) address/u);
  });
});
